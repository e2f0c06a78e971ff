//! Calendar days people celebrate: solar dates, and lunar ones (음력) put on
//! this year's solar calendar with the Korean calendar of `icu_calendar`
//! (`KoreanTraditional`, which follows KASI for 1900–2050) — not a Chinese
//! calendar, which differs from it in some months.

pub mod age;
pub mod day_letter;
pub mod family;
pub mod occasions;

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Iso;
use icu_calendar::types::Month;
use icu_calendar::Date;

/// The solar day of a lunar date in the lunar year that starts in `year`.
/// `None` when that lunar month (or leap month) has no such day.
pub fn lunar_to_solar(year: i32, month: u8, day: u8, leap: bool) -> Option<NaiveDate> {
    let m = if leap {
        Month::leap(month)
    } else {
        Month::new(month)
    };
    let iso = Date::try_new_korean_traditional(year, m, day)
        .ok()?
        .to_calendar(Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        iso.month().ordinal.into(),
        iso.day_of_month().0.into(),
    )
}

/// This year's solar day for a birthday or anniversary given as month and
/// day. The stated rules for days a year lacks: 29 February falls on
/// 28 February; a lunar 30th in a 29-day month falls on the 29th; a leap
/// month (윤달) that this year lacks falls in the regular month.
pub(crate) fn in_year(
    year: i32,
    month: u32,
    day: u32,
    lunar: bool,
    leap: bool,
) -> Option<NaiveDate> {
    if !lunar {
        return NaiveDate::from_ymd_opt(year, month, day).or_else(|| {
            (month == 2 && day == 29)
                .then(|| NaiveDate::from_ymd_opt(year, 2, 28))
                .flatten()
        });
    }
    let (m, d) = (u8::try_from(month).ok()?, u8::try_from(day).ok()?);
    lunar_to_solar(year, m, d, leap)
        .or_else(|| lunar_to_solar(year, m, d, false))
        .or_else(|| lunar_to_solar(year, m, d.saturating_sub(1), leap))
        .or_else(|| lunar_to_solar(year, m, d.saturating_sub(1), false))
}

/// The next time (today or later) a yearly day comes round.
pub(crate) fn next_on_or_after(
    today: NaiveDate,
    month: u32,
    day: u32,
    lunar: bool,
    leap: bool,
) -> Option<NaiveDate> {
    // A lunar date early in the lunar year can fall in January or February
    // of the next solar year, and one late in it in the solar year after its
    // lunar year began: look at three years to be sure.
    (today.year() - 1..=today.year() + 1)
        .filter_map(|y| in_year(y, month, day, lunar, leap))
        .filter(|d| *d >= today)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Seollal (lunar 1/1) and Chuseok (lunar 8/15), 2024–2035, as KASI
    /// publishes them.
    #[test]
    fn seollal_and_chuseok_2024_to_2035() {
        let seollal = [
            d(2024, 2, 10),
            d(2025, 1, 29),
            d(2026, 2, 17),
            d(2027, 2, 7),
            d(2028, 1, 27),
            d(2029, 2, 13),
            d(2030, 2, 3),
            d(2031, 1, 23),
            d(2032, 2, 11),
            d(2033, 1, 31),
            d(2034, 2, 19),
            d(2035, 2, 8),
        ];
        let chuseok = [
            d(2024, 9, 17),
            d(2025, 10, 6),
            d(2026, 9, 25),
            d(2027, 9, 15),
            d(2028, 10, 3),
            d(2029, 9, 22),
            d(2030, 9, 12),
            d(2031, 10, 1),
            d(2032, 9, 19),
            d(2033, 9, 8),
            d(2034, 9, 27),
            d(2035, 9, 16),
        ];
        for (i, year) in (2024..=2035).enumerate() {
            assert_eq!(
                lunar_to_solar(year, 1, 1, false),
                Some(seollal[i]),
                "Seollal {year}"
            );
            assert_eq!(
                lunar_to_solar(year, 8, 15, false),
                Some(chuseok[i]),
                "Chuseok {year}"
            );
        }
    }

    #[test]
    fn leap_months_and_missing_days() {
        // 2023 had a leap second month (윤2월): 윤2월 1일 = 22 March.
        assert_eq!(lunar_to_solar(2023, 2, 1, true), Some(d(2023, 3, 22)));
        // 2024 has no leap second month: the regular month is used.
        assert_eq!(
            in_year(2024, 2, 1, true, true),
            lunar_to_solar(2024, 2, 1, false)
        );
        assert_eq!(in_year(2025, 2, 29, false, false), Some(d(2025, 2, 28)));
        assert_eq!(in_year(2028, 2, 29, false, false), Some(d(2028, 2, 29)));
    }

    #[test]
    fn the_next_birthday_across_the_year_end() {
        let today = d(2026, 12, 30);
        assert_eq!(
            next_on_or_after(today, 1, 2, false, false),
            Some(d(2027, 1, 2))
        );
        // Lunar 12/15 of the lunar year begun in 2026 falls in February 2027.
        let next = next_on_or_after(today, 12, 15, true, false).unwrap();
        assert!(next > today && next < d(2027, 3, 1), "{next}");
    }
}
