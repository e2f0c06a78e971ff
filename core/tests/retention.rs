//! The retention review on a real shop file: customers idle past the
//! owner's period are listed, with the day they last dealt with the shop;
//! one the owner keeps is not listed again for a year; nothing is deleted.
//! Days are passed to the core's functions (its clock seam); history is
//! written through the same functions the shop uses, at the moment given.

mod common;

use chrono::{Days, Months, NaiveDate};
use common::report_shop::{at, day};
use common::{customer, sale, TestShop};
use dangol_core::history::entries;
use dangol_core::people::rights::retention::{self, RetentionPeriod};
use dangol_core::Country;

fn bought(t: &TestShop, id: i64, on: NaiveDate) {
    t.shop
        .db()
        .with_tx(|tx| {
            entries::record_sale(
                tx,
                id,
                &sale("10000", false, "", ""),
                Country::KR,
                at(&on.to_string(), "12:00"),
            )
        })
        .unwrap();
}

fn listed(t: &TestShop, period: RetentionPeriod, today: NaiveDate) -> Vec<String> {
    let conn = t.shop.db().reader().unwrap();
    retention::due(&conn, period, today)
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect()
}

#[test]
fn customers_idle_past_the_period_are_listed_and_a_kept_one_waits_a_year() {
    let t = TestShop::new();
    let today = day("2026-06-15");
    let three_years = today.checked_sub_months(Months::new(36)).unwrap();
    let over = customer(&t, "삼년하루");
    let under = customer(&t, "삼년못됨");
    let kept = customer(&t, "보관할분");
    let fresh = customer(&t, "새고객");
    bought(&t, over, three_years - Days::new(1));
    bought(&t, under, three_years + Days::new(1));
    bought(&t, kept, three_years - Days::new(200));
    // The shop's own note about her is not her dealing with the shop.
    t.shop.add_note(over, "연락처 확인 필요", None).unwrap();

    let due = retention::due(
        &t.shop.db().reader().unwrap(),
        RetentionPeriod::ThreeYears,
        today,
    )
    .unwrap();
    let names: Vec<&str> = due.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["보관할분", "삼년하루"], "longest idle first");
    assert_eq!(due[1].last_seen, three_years - Days::new(1));
    assert_eq!(due[1].customer_id, over);
    // A customer added today with nothing yet is not idle; with a period
    // of one year the one short of three is; off lists no one.
    assert!(!names.contains(&"새고객"));
    assert!(listed(&t, RetentionPeriod::OneYear, today).contains(&"삼년못됨".to_string()));
    assert!(listed(&t, RetentionPeriod::Off, today).is_empty());
    assert_eq!(t.shop.get_customer(fresh).unwrap().name, "새고객");

    // 계속 보관: off the list for a year, and noted in her history.
    t.shop
        .db()
        .with_tx(|tx| retention::keep(tx, kept, "계속 보관", at("2026-06-15", "10:00")))
        .unwrap();
    assert_eq!(listed(&t, RetentionPeriod::ThreeYears, today), ["삼년하루"]);
    let half_year = today + Days::new(180);
    assert!(!listed(&t, RetentionPeriod::ThreeYears, half_year).contains(&"보관할분".to_string()));
    let next_year = today.checked_add_months(Months::new(12)).unwrap();
    assert!(!listed(&t, RetentionPeriod::ThreeYears, next_year).contains(&"보관할분".to_string()));
    let past_a_year = next_year + Days::new(1);
    assert!(listed(&t, RetentionPeriod::ThreeYears, past_a_year).contains(&"보관할분".to_string()));

    // Listing deletes nothing.
    assert_eq!(t.shop.customer_count().unwrap(), 4);
}

#[test]
fn the_owner_sets_the_period_and_can_look_again_next_month() {
    let t = TestShop::new();
    assert_eq!(t.shop.retention_period().unwrap(), RetentionPeriod::Off);
    let review = t.shop.retention_review().unwrap();
    assert!(review.due.is_empty() && !review.later_this_month);

    let id = customer(&t, "오래된분");
    bought(&t, id, day("2020-01-10"));
    t.shop
        .set_retention_period(RetentionPeriod::ThreeYears)
        .unwrap();
    let t = t.reopen();
    assert_eq!(
        t.shop.retention_period().unwrap(),
        RetentionPeriod::ThreeYears
    );
    let review = t.shop.retention_review().unwrap();
    assert_eq!(review.due.len(), 1);
    assert_eq!(review.due[0].last_seen, day("2020-01-10"));

    t.shop.review_retention_later().unwrap();
    assert!(t.shop.retention_review().unwrap().later_this_month);
    // The month after, the card is back.
    let conn = t.shop.db().reader().unwrap();
    let next_month = chrono::Local::now()
        .date_naive()
        .checked_add_months(Months::new(1))
        .unwrap();
    assert!(
        !retention::review(&conn, next_month)
            .unwrap()
            .later_this_month
    );
    drop(conn);

    t.shop.keep_past_retention(id).unwrap();
    assert!(t.shop.retention_review().unwrap().due.is_empty());
    let noted: String = t
        .shop
        .db()
        .reader()
        .unwrap()
        .query_row(
            "SELECT summary FROM history WHERE customer_id = ?1 AND kind = 'note'",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(noted.contains("3년"), "{noted}");
}
