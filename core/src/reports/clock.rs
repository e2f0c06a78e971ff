//! The shop's local days for instants stored in UTC. History keeps each
//! moment as UTC text (`2026-01-31 15:30:00.123+00:00`); a report counts
//! days as the shop lives them, so a sale at 00:30 in Seoul on 1 February
//! belongs to February although it is still 31 January in UTC.
//!
//! Converting two million instants through a time zone would take most of
//! a report's time. Instead the UTC minute of every local midnight is
//! computed once (daylight saving included) and an instant's day is found
//! by arithmetic and a step or two along that table.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeZone, Timelike};

/// Local midnights over a range of days.
pub struct Clock {
    /// Day number (days from CE) of `midnights[0]`.
    first: i32,
    /// UTC minute (days from CE × 1440 + minutes) of each local midnight.
    midnights: Vec<i64>,
}

fn utc_minute(t: &NaiveDateTime) -> i64 {
    i64::from(t.date().num_days_from_ce()) * 1440 + i64::from(t.hour() * 60 + t.minute())
}

impl Clock {
    /// Local midnights in `tz` from `from` to `to` (both included).
    pub fn new<Tz: TimeZone>(tz: &Tz, from: NaiveDate, to: NaiveDate) -> Clock {
        Clock::from_midnights(from, to, |d| midnight_utc(tz, d))
    }

    /// The local midnights of the shop's own clock (its time zone, which
    /// a test or the app's test seam may set) for reports ending `today`.
    pub fn of_shop(shop: &dyn crate::store::clock::Clock, today: NaiveDate) -> Clock {
        let (from, to) = around_range(today);
        Clock::from_midnights(from, to, |d| {
            shop.utc(d.and_hms_opt(0, 0, 0).expect("midnight"))
                .naive_utc()
        })
    }

    fn from_midnights(
        from: NaiveDate,
        to: NaiveDate,
        midnight: impl Fn(NaiveDate) -> NaiveDateTime,
    ) -> Clock {
        let mut midnights = vec![];
        let mut d = from;
        while d <= to {
            midnights.push(utc_minute(&midnight(d)));
            match d.checked_add_days(Days::new(1)) {
                Some(n) => d = n,
                None => break,
            }
        }
        if midnights.is_empty() {
            midnights.push(i64::from(from.num_days_from_ce()) * 1440);
        }
        Clock {
            first: from.num_days_from_ce(),
            midnights,
        }
    }

    /// A clock for reports ending `today`: twenty years back, a week ahead.
    pub fn around<Tz: TimeZone>(tz: &Tz, today: NaiveDate) -> Clock {
        let (from, to) = around_range(today);
        Clock::new(tz, from, to)
    }

    /// The local day number of a UTC minute.
    pub fn day_of_minute(&self, m: i64) -> i32 {
        let n = self.midnights.len();
        let last = n - 1;
        let offset = |k: usize| self.midnights[k] - (i64::from(self.first) + k as i64) * 1440;
        if m < self.midnights[0] {
            return ((m - offset(0)).div_euclid(1440)) as i32;
        }
        if m >= self.midnights[last] + 1440 {
            return ((m - offset(last)).div_euclid(1440)) as i32;
        }
        let mut k = (((m - self.midnights[0]) / 1440) as usize).min(last);
        while k > 0 && self.midnights[k] > m {
            k -= 1;
        }
        while k < last && self.midnights[k + 1] <= m {
            k += 1;
        }
        self.first + k as i32
    }

    /// The local day number of stored UTC text (`YYYY-MM-DD HH:MM…`).
    pub fn day_of_text(&self, s: &[u8]) -> Option<i32> {
        parse_minute(s).map(|m| self.day_of_minute(m))
    }

    /// The UTC text of a local day's midnight, to compare stored instants
    /// with in SQL (`happened_at >= ?`).
    pub fn start_text(&self, day: NaiveDate) -> String {
        minute_text(self.start_minute(day))
    }

    /// The UTC minute of a local day's midnight.
    pub fn start_minute(&self, day: NaiveDate) -> i64 {
        let k = i64::from(day.num_days_from_ce() - self.first);
        if (0..self.midnights.len() as i64).contains(&k) {
            self.midnights[k as usize]
        } else {
            let edge = if k < 0 { 0 } else { self.midnights.len() - 1 };
            let off = self.midnights[edge] - (i64::from(self.first) + edge as i64) * 1440;
            i64::from(day.num_days_from_ce()) * 1440 + off
        }
    }

    /// Whether every local midnight falls on a whole UTC quarter hour, so
    /// that sums kept per quarter (`sale_quarters`, `points_quarters`,
    /// migration 0022) fall wholly on one local day. True of every time
    /// zone in use today; a clock that is not (local mean time before
    /// 1900, a made-up offset) makes the reports read the entries instead.
    pub fn quarter_aligned(&self) -> bool {
        self.midnights.iter().all(|m| m.rem_euclid(15) == 0)
    }

    /// The local day number of a UTC quarter (`unixepoch(t) / 900`).
    pub fn day_of_quarter(&self, q: i64) -> i32 {
        self.day_of_minute(quarter_minute(q))
    }

    /// The UTC quarter (`unixepoch(t) / 900`) a local day starts with.
    pub fn start_quarter(&self, day: NaiveDate) -> i64 {
        (self.start_minute(day) - UNIX_EPOCH_MINUTE).div_euclid(15)
    }

    /// The UTC text of the midnight after a local day (its end, excluded).
    pub fn end_text(&self, day: NaiveDate) -> String {
        self.start_text(day.succ_opt().unwrap_or(day))
    }
}

/// The UTC instant of local midnight; where a clock change skips midnight,
/// the first moment of the day that exists.
/// Twenty years back, a week ahead of `today`.
fn around_range(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let from = today
        .checked_sub_days(Days::new(365 * 20 + 5))
        .unwrap_or(today);
    (from, today.checked_add_days(Days::new(7)).unwrap_or(today))
}

fn midnight_utc<Tz: TimeZone>(tz: &Tz, d: NaiveDate) -> NaiveDateTime {
    for h in 0..4 {
        let local = d.and_hms_opt(h, 0, 0).expect("valid hour");
        if let Some(t) = tz.from_local_datetime(&local).earliest() {
            return t.naive_utc();
        }
    }
    d.and_hms_opt(0, 0, 0).expect("midnight")
}

fn digits(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

/// `YYYY-MM-DD HH:MM` (or `T` between) to a UTC minute.
pub(crate) fn parse_minute(s: &[u8]) -> Option<i64> {
    if s.len() < 16 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        digits(&s[0..4])? as i32,
        digits(&s[5..7])?,
        digits(&s[8..10])?,
    )?;
    let minutes = digits(&s[11..13])? * 60 + digits(&s[14..16])?;
    Some(i64::from(date.num_days_from_ce()) * 1440 + i64::from(minutes))
}

/// 1970-01-01 00:00 UTC as a minute of this module (days from CE × 1440).
const UNIX_EPOCH_MINUTE: i64 = 719_163 * 1440;

/// The first minute of a UTC quarter (`unixepoch(t) / 900`).
fn quarter_minute(q: i64) -> i64 {
    UNIX_EPOCH_MINUTE + q * 15
}

fn minute_text(m: i64) -> String {
    let day = m.div_euclid(1440);
    let min = m.rem_euclid(1440);
    let date = NaiveDate::from_num_days_from_ce_opt(day as i32).unwrap_or_default();
    format!(
        "{} {:02}:{:02}:00",
        date.format("%Y-%m-%d"),
        min / 60,
        min % 60
    )
}

/// The date of a day number.
pub(crate) fn date_of(day: i32) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    #[test]
    fn seoul_days_start_at_fifteen_hundred_utc() {
        let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let clock = Clock::new(&seoul, d("2026-01-01"), d("2026-03-01"));
        let feb1 = d("2026-02-01").num_days_from_ce();
        assert_eq!(clock.day_of_text(b"2026-01-31 15:00:00+00:00"), Some(feb1));
        assert_eq!(
            clock.day_of_text(b"2026-01-31 14:59:59.9+00:00"),
            Some(feb1 - 1)
        );
        assert_eq!(clock.start_text(d("2026-02-01")), "2026-01-31 15:00:00");
        // Quarters: 2026-01-31 15:00 UTC is unixepoch 1769871600.
        assert!(clock.quarter_aligned());
        assert_eq!(clock.day_of_quarter(1_769_871_600 / 900), feb1);
        assert_eq!(clock.day_of_quarter(1_769_871_600 / 900 - 1), feb1 - 1);
        assert_eq!(clock.start_quarter(d("2026-02-01")), 1_769_871_600 / 900);
        let kathmandu = FixedOffset::east_opt(5 * 3600 + 45 * 60).unwrap();
        assert!(Clock::new(&kathmandu, d("2026-01-01"), d("2026-01-03")).quarter_aligned());
        let odd = FixedOffset::east_opt(8 * 3600 + 28 * 60).unwrap();
        assert!(!Clock::new(&odd, d("2026-01-01"), d("2026-01-03")).quarter_aligned());
        // Outside the table, the nearest offset still applies.
        assert_eq!(
            clock.day_of_text(b"2030-05-05 20:00:00+00:00"),
            Some(d("2030-05-06").num_days_from_ce())
        );
    }
}
