//! Local days across a clock change: with `TZ=America/New_York`, midnight
//! is 05:00 UTC before 8 March 2026 and 04:00 UTC after it. A sale at
//! 04:30 UTC on 9 March is 00:30 that day in New York, not 23:30 the day
//! before as a fixed offset would say. And a Seoul shop on that New York
//! machine counts its reports and her visits in Seoul's days, by the
//! shop's clock. (A test binary of its own: it sets `TZ` for the whole
//! process.)

use chrono::{Datelike, Local, NaiveDate};
use dangol_core::reports::Clock;

mod common;

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

/// A Seoul shop with one customer, on a machine whose zone is New York's.
fn seoul_shop_on_a_new_york_machine() -> (common::TestShop, i64) {
    std::env::set_var("TZ", "America/New_York");
    let t = common::TestShop::new();
    t.clock
        .set_zone(chrono::FixedOffset::east_opt(9 * 3600).unwrap());
    let kim = t
        .shop
        .create_customer(&common::form("김민지", "010-2345-6789", ""))
        .unwrap()
        .id;
    (t, kim)
}

/// The reports count the shop's days by the shop's own clock: a Seoul
/// shop's sale at 00:30 on 1 February is a February sale, even on a
/// machine whose zone (New York, here) still says 31 January.
#[test]
fn the_reports_count_days_by_the_shops_clock_not_the_machines_zone() {
    let (t, kim) = seoul_shop_on_a_new_york_machine();
    let at = chrono::DateTime::parse_from_rfc3339("2026-02-01T00:30:00+09:00").unwrap();
    t.clock.travel_to(at.to_utc());
    t.shop
        .record_sale(kim, &common::sale("10000", false, "", ""))
        .unwrap();
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    let buyers = |from: &str, to: &str| {
        let q = dangol_core::reports::ReportQuery {
            period: dangol_core::reports::ReportPeriod::Custom {
                from: d(from),
                to: d(to),
            },
            return_days: 30,
        };
        t.shop.reports(&q).unwrap().repurchase.buyers
    };
    assert_eq!(buyers("2026-02-01", "2026-02-01"), 1, "Seoul's 1 February");
    assert_eq!(buyers("2026-01-31", "2026-01-31"), 0, "not New York's day");
}

/// Her visits are the shop's days too: 23:30 and 00:30 in Seoul are two
/// visits, though both fall on one New York day.
#[test]
fn her_visits_are_counted_in_the_shops_days() {
    let (t, kim) = seoul_shop_on_a_new_york_machine();
    for at in ["2026-01-31T23:30:00+09:00", "2026-02-01T00:30:00+09:00"] {
        let at = chrono::DateTime::parse_from_rfc3339(at).unwrap();
        t.clock.travel_to(at.to_utc());
        t.shop
            .record_sale(kim, &common::sale("10000", false, "", ""))
            .unwrap();
    }
    assert_eq!(t.shop.customer_story(kim).unwrap().visits, 2);
    assert_eq!(t.shop.loyalty_status(kim).unwrap().visits_in_window, 2);
}
