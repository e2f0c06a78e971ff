//! The shop's clock, injected: `Shop` reads every "now" and "today" from
//! the one it was opened with, so tests make the past by moving the clock
//! (`TravelClock`) instead of writing old times into rows, and the law's
//! quiet hours (21:00–08:00, the shop's wall-clock hours) are tested
//! without waiting for the night (`FixedClock`). `SystemClock` is the
//! machine's; debug builds of the app read `test-now` from the data
//! folder (`SeamClock`, the end-to-end tests' seam, compiled out of
//! release builds).

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime, TimeDelta, TimeZone, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
    /// The shop's wall-clock time at `t`.
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime;
    /// The instant of a wall-clock time (the earlier one in a DST fold).
    fn utc(&self, local: NaiveDateTime) -> DateTime<Utc>;
}

/// The machine's clock and time zone.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&Local).naive_local()
    }
    fn utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match Local.from_local_datetime(&local) {
            chrono::LocalResult::Single(t) | chrono::LocalResult::Ambiguous(t, _) => {
                t.with_timezone(&Utc)
            }
            // A spring-forward gap: the same wall time an hour later.
            chrono::LocalResult::None => Local
                .from_local_datetime(&(local + TimeDelta::hours(1)))
                .earliest()
                .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc)),
        }
    }
}

/// A clock that stands still until told, at a fixed UTC offset.
pub struct FixedClock {
    now: Mutex<DateTime<Utc>>,
    offset: FixedOffset,
}

impl FixedClock {
    /// `at` is read with its offset as the shop's time zone.
    pub fn at(at: DateTime<FixedOffset>) -> Self {
        FixedClock {
            now: Mutex::new(at.with_timezone(&Utc)),
            offset: *at.offset(),
        }
    }

    pub fn set(&self, at: DateTime<FixedOffset>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = at.with_timezone(&Utc);
    }

    pub fn advance(&self, by: TimeDelta) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) += by;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.offset).naive_local()
    }
    fn utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        (local - self.offset).and_utc()
    }
}

/// Debug builds only: the time written in `<data>/test-now` (RFC 3339 with
/// its offset), moving on with real time from when it was written; the
/// system clock when there is no such file. Release builds never look.
pub struct SeamClock {
    file: PathBuf,
}

impl SeamClock {
    pub fn new(data_dir: &std::path::Path) -> Self {
        SeamClock {
            file: data_dir.join("test-now"),
        }
    }

    #[cfg(debug_assertions)]
    fn fixed(&self) -> Option<(DateTime<Utc>, FixedOffset)> {
        let text = std::fs::read_to_string(&self.file).ok()?;
        let at = DateTime::parse_from_rfc3339(text.trim()).ok()?;
        let written = std::fs::metadata(&self.file).ok()?.modified().ok()?;
        let since = written.elapsed().unwrap_or_default();
        let now = at.with_timezone(&Utc) + TimeDelta::from_std(since).unwrap_or_default();
        Some((now, *at.offset()))
    }

    #[cfg(not(debug_assertions))]
    fn fixed(&self) -> Option<(DateTime<Utc>, FixedOffset)> {
        let _ = &self.file;
        None
    }
}

impl Clock for SeamClock {
    fn now(&self) -> DateTime<Utc> {
        self.fixed().map_or_else(Utc::now, |(t, _)| t)
    }
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self.fixed() {
            Some((_, offset)) => t.with_timezone(&offset).naive_local(),
            None => SystemClock.local(t),
        }
    }
    fn utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.fixed() {
            Some((_, offset)) => (local - offset).and_utc(),
            None => SystemClock.utc(local),
        }
    }
}

/// The machine's clock and time zone, moved by however far a test
/// travelled: time goes on from where it was set. Tests and benchmarks
/// use it to make what happened "then" through the shop itself, instead
/// of writing old times into rows.
#[derive(Default)]
pub struct TravelClock {
    shift: Mutex<TimeDelta>,
    /// The shop's time zone when a test says where the shop is (a Seoul
    /// shop's night rule, tested on a machine in UTC); the machine's
    /// otherwise.
    zone: Mutex<Option<FixedOffset>>,
}

impl TravelClock {
    pub fn new() -> Self {
        Self::default()
    }

    fn shift(&self) -> TimeDelta {
        *self.shift.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// From now on it is `at` (and on from there).
    pub fn travel_to(&self, at: DateTime<Utc>) {
        *self.shift.lock().unwrap_or_else(|e| e.into_inner()) = at - Utc::now();
    }

    /// `travel_to` a wall-clock time of the shop's time zone.
    pub fn travel_to_local(&self, at: NaiveDateTime) {
        self.travel_to(self.utc(at));
    }

    /// The shop stands at this UTC offset from now on (its "today" and
    /// its nights follow it).
    pub fn set_zone(&self, offset: FixedOffset) {
        *self.zone.lock().unwrap_or_else(|e| e.into_inner()) = Some(offset);
    }

    fn zone(&self) -> Option<FixedOffset> {
        *self.zone.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn advance(&self, by: TimeDelta) {
        *self.shift.lock().unwrap_or_else(|e| e.into_inner()) += by;
    }

    /// Back to the machine's own time.
    pub fn back_to_now(&self) {
        *self.shift.lock().unwrap_or_else(|e| e.into_inner()) = TimeDelta::zero();
    }
}

impl Clock for TravelClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.shift()
    }
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        match self.zone() {
            Some(offset) => t.with_timezone(&offset).naive_local(),
            None => SystemClock.local(t),
        }
    }
    fn utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        match self.zone() {
            Some(offset) => (local - offset).and_utc(),
            None => SystemClock.utc(local),
        }
    }
}
