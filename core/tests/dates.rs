//! Important dates of customers and their families: lunar days on this
//! year's calendar, windows across the year end, catch-up after the app was
//! closed, impossible dates refused.

mod common;

use chrono::{Duration, Local, NaiveDate};
use common::{form, TestShop};
use dangol_core::letters::dates::occasions::{DateInput, OccasionKind, Relation};
use dangol_core::letters::dates::{self, occasions};
use dangol_core::Error;

fn date(kind: OccasionKind, member: Option<i64>, month: u32, day: u32, lunar: bool) -> DateInput {
    DateInput {
        member_id: member,
        kind,
        label: String::new(),
        year: Some(2015),
        month,
        day,
        lunar,
        leap: false,
        age_counting: None,
    }
}

#[test]
fn a_childs_lunar_birthday_shows_on_its_solar_day() {
    let t = TestShop::new();
    let id = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap()
        .id;
    let child = t
        .shop
        .add_family_member(id, "김하늘", Relation::Child)
        .unwrap();
    assert_eq!(t.shop.family(id).unwrap(), std::slice::from_ref(&child));
    let today = Local::now().date_naive();
    let soon = today + Duration::days(5);
    // Find the lunar month and day that fall on `soon` this lunar year.
    let (m, d) = (1..=12u8)
        .flat_map(|m| (1..=30u8).map(move |d| (m, d)))
        .find(|(m, d)| {
            [
                soon.format("%Y").to_string().parse::<i32>().unwrap() - 1,
                soon.format("%Y").to_string().parse().unwrap(),
            ]
            .iter()
            .any(|y| dates::lunar_to_solar(*y, *m, *d, false) == Some(soon))
        })
        .unwrap();
    t.shop
        .add_important_date(
            id,
            &date(
                OccasionKind::Birthday,
                Some(child.id),
                m.into(),
                d.into(),
                true,
            ),
        )
        .unwrap();

    let listed = t.shop.important_dates(id).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].next, listed[0].member_name.as_deref()),
        (Some(soon), Some("김하늘"))
    );
    let week = t.shop.upcoming_dates(7).unwrap();
    let hit = week
        .iter()
        .find(|u| u.member_name.as_deref() == Some("김하늘"))
        .expect("on the 7-day list");
    assert_eq!(
        (hit.on, hit.lunar, hit.relation),
        (soon, true, Some(Relation::Child))
    );
    assert!(t
        .shop
        .upcoming_dates(0)
        .unwrap()
        .iter()
        .all(|u| u.on == today));
}

#[test]
fn windows_across_the_year_end() {
    let t = TestShop::new();
    let id = t
        .shop
        .create_customer(&form("이서연", "010-3456-7890", ""))
        .unwrap()
        .id;
    t.shop
        .add_important_date(id, &date(OccasionKind::Wedding, None, 1, 3, false))
        .unwrap();
    t.shop
        .add_important_date(id, &date(OccasionKind::Graduation, None, 12, 30, false))
        .unwrap();
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    let from = NaiveDate::from_ymd_opt(2026, 12, 28).unwrap();
    let to = NaiveDate::from_ymd_opt(2027, 1, 10).unwrap();
    let days: Vec<(NaiveDate, OccasionKind, Option<i32>)> = occasions::between(&conn, from, to)
        .unwrap()
        .into_iter()
        .map(|u| (u.on, u.kind, u.years))
        .collect();
    assert_eq!(
        days,
        [
            (
                NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(),
                OccasionKind::Graduation,
                Some(11)
            ),
            (
                NaiveDate::from_ymd_opt(2027, 1, 3).unwrap(),
                OccasionKind::Wedding,
                Some(12)
            ),
        ]
    );
}

#[test]
fn days_missed_while_closed_are_caught_up_once() {
    let t = TestShop::new();
    let id = t
        .shop
        .create_customer(&form("박지훈", "010-4567-8901", ""))
        .unwrap()
        .id;
    let today = Local::now().date_naive();
    let missed = today - Duration::days(3);
    let md = |d: NaiveDate| {
        (
            d.format("%m").to_string().parse().unwrap(),
            d.format("%d").to_string().parse().unwrap(),
        )
    };
    let (m, d) = md(missed);
    t.shop
        .add_important_date(id, &date(OccasionKind::Memorial, None, m, d, false))
        .unwrap();
    assert!(
        t.shop.catch_up_dates().unwrap().is_empty(),
        "the first open has nothing to catch up"
    );
    // The app was last open a week ago.
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    let week_ago = serde_json::to_string(&(today - Duration::days(7))).unwrap();
    conn.execute(
        "UPDATE settings SET value = ?1 WHERE key = 'last_open_day'",
        [week_ago],
    )
    .unwrap();
    let caught = t.shop.catch_up_dates().unwrap();
    assert_eq!(
        caught.iter().map(|u| (u.on, u.kind)).collect::<Vec<_>>(),
        [(missed, OccasionKind::Memorial)]
    );
    assert!(
        t.shop.catch_up_dates().unwrap().is_empty(),
        "caught up twice"
    );
}

#[test]
fn impossible_dates_and_someone_elses_family_are_refused() {
    let t = TestShop::new();
    let a = t
        .shop
        .create_customer(&form("가", "010-1000-0001", ""))
        .unwrap()
        .id;
    let b = t
        .shop
        .create_customer(&form("나", "010-1000-0002", ""))
        .unwrap()
        .id;
    let other = t.shop.add_family_member(b, "다", Relation::Spouse).unwrap();
    for bad in [
        date(OccasionKind::Birthday, None, 2, 30, false),
        date(OccasionKind::Birthday, None, 13, 1, true),
        DateInput {
            leap: true,
            ..date(OccasionKind::Birthday, None, 3, 1, false)
        },
        date(OccasionKind::Birthday, Some(other.id), 3, 1, false),
    ] {
        assert!(
            matches!(
                t.shop.add_important_date(a, &bad),
                Err(Error::Validation(_))
            ),
            "{bad:?}"
        );
    }
    assert!(
        t.shop
            .add_important_date(a, &date(OccasionKind::Memorial, None, 2, 30, true))
            .is_ok(),
        "lunar 30th exists"
    );
    assert!(matches!(
        t.shop.add_family_member(a, "  ", Relation::Child),
        Err(Error::Validation(_))
    ));
    t.shop.delete_customer(b).unwrap();
    assert!(t.shop.family(b).unwrap().is_empty());
}

#[test]
fn a_member_and_a_date_can_be_corrected_with_the_same_checks() {
    let t = TestShop::new();
    let a = t
        .shop
        .create_customer(&form("김민수", "010-1000-0003", ""))
        .unwrap()
        .id;
    let b = t
        .shop
        .create_customer(&form("이영희", "010-1000-0004", ""))
        .unwrap()
        .id;
    let kid = t
        .shop
        .add_family_member(a, "김하나", Relation::Other)
        .unwrap();
    let stranger = t.shop.add_family_member(b, "남", Relation::Spouse).unwrap();
    let fixed = t
        .shop
        .update_family_member(kid.id, " 김하늘 ", Relation::Child)
        .unwrap();
    assert_eq!(
        (fixed.name.as_str(), fixed.relation),
        ("김하늘", Relation::Child)
    );
    assert_eq!(t.shop.family(a).unwrap(), vec![fixed]);
    assert!(matches!(
        t.shop.update_family_member(kid.id, "", Relation::Child),
        Err(Error::Validation(_))
    ));
    assert!(matches!(
        t.shop.update_family_member(9999, "x", Relation::Child),
        Err(Error::NotFound { .. })
    ));

    let id = t
        .shop
        .add_important_date(a, &date(OccasionKind::Birthday, Some(kid.id), 3, 1, false))
        .unwrap();
    // Her mother remembers it as lunar 8/15, not solar 3/1.
    let lunar = DateInput {
        label: "돌".into(),
        ..date(OccasionKind::Other, Some(kid.id), 8, 15, true)
    };
    t.shop.update_important_date(id, &lunar).unwrap();
    let got = &t.shop.important_dates(a).unwrap()[0];
    assert_eq!(
        (got.kind, got.label.as_str(), got.month, got.day, got.lunar),
        (OccasionKind::Other, "돌", 8, 15, true)
    );
    assert_eq!(got.member_name.as_deref(), Some("김하늘"));
    for bad in [
        date(OccasionKind::Birthday, None, 2, 30, false),
        date(OccasionKind::Birthday, Some(stranger.id), 3, 1, false),
    ] {
        assert!(matches!(
            t.shop.update_important_date(id, &bad),
            Err(Error::Validation(_))
        ));
    }
    assert_eq!(
        t.shop.important_dates(a).unwrap()[0].month,
        8,
        "a refused edit changes nothing"
    );
    assert!(matches!(
        t.shop.update_important_date(9999, &lunar),
        Err(Error::NotFound { .. })
    ));
}
