//! Local days across a clock change: with `TZ=America/New_York`, midnight
//! is 05:00 UTC before 8 March 2026 and 04:00 UTC after it. A sale at
//! 04:30 UTC on 9 March is 00:30 that day in New York, not 23:30 the day
//! before as a fixed offset would say. (A test binary of its own: it sets
//! `TZ` for the whole process.)

use chrono::{Datelike, Local, NaiveDate};
use dangol_core::reports::Clock;

#[test]
fn local_days_follow_daylight_saving() {
    std::env::set_var("TZ", "America/New_York");
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let clock = Clock::new(&Local, d("2026-03-01"), d("2026-03-31"));
    assert_eq!(clock.start_text(d("2026-03-08")), "2026-03-08 05:00:00");
    assert_eq!(clock.start_text(d("2026-03-09")), "2026-03-09 04:00:00");
    let day = |s: &str| {
        clock
            .day_of_text(s.as_bytes())
            .map(|n| n - d("2026-03-09").num_days_from_ce())
    };
    assert_eq!(day("2026-03-09 04:30:00+00:00"), Some(0));
    assert_eq!(day("2026-03-09 03:59:00+00:00"), Some(-1));
    assert_eq!(day("2026-03-08 04:59:00+00:00"), Some(-2));
}
