//! Loyalty by the shop's rules: the 10th stamp's reward coupon, points
//! earned and spent, tiers that rise and fall with the window, coupons that
//! expire or were used, rule changes that apply going forward.

mod common;

use chrono::{Duration, Utc};
use common::{form, TestShop};
use dangol_core::letters::dates;
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::loyalty::rules::{CouponKind, LoyaltyRules, Reward};
use dangol_core::*;
use proptest::prelude::*;

fn visit(amount: &str) -> SaleInput {
    SaleInput {
        amount: amount.into(),
        ..Default::default()
    }
}

/// The next day, so that the next visit is on a day of its own (a visit
/// is a day with a purchase).
fn a_day_later(t: &TestShop) {
    t.clock.advance(chrono::TimeDelta::days(1));
}

fn codes(e: Error) -> Vec<(String, FieldErrorCode)> {
    match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn customer_of(t: &TestShop) -> i64 {
    t.shop
        .create_customer(&form("새손님", "010-5555-6666", ""))
        .unwrap()
        .id
}

fn customer(t: &TestShop) -> i64 {
    t.shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap()
        .id
}

#[test]
fn the_tenth_stamp_earns_a_coupon_redeemed_once_on_the_next_visit() {
    let t = TestShop::new();
    let id = customer(&t);
    for n in 1..=9 {
        let out = t.shop.record_sale(id, &visit("4500")).unwrap();
        assert_eq!((out.stamps_now, out.reward_coupons.len()), (n, 0));
    }
    let tenth = t.shop.record_sale(id, &visit("4500")).unwrap();
    assert_eq!(tenth.stamps_now, 0, "the card starts again");
    assert_eq!(tenth.reward_coupons.len(), 1);
    let coupon = &tenth.reward_coupons[0];
    assert_eq!(
        (coupon.kind, coupon.item.as_str()),
        (CouponKind::FreeItem, "음료 1잔")
    );
    assert_eq!(t.shop.usable_coupons(id).unwrap().len(), 1);
    let calls = t.shop.customer_story(id).unwrap().followups;
    assert_eq!(
        calls.len(),
        1,
        "one post-sale call pending, after the latest visit"
    );

    let mut next = visit("4500");
    next.coupon_id = Some(coupon.id);
    t.shop.record_sale(id, &next).unwrap();
    assert!(t.shop.usable_coupons(id).unwrap().is_empty());
    let again = t.shop.record_sale(id, &next).unwrap_err();
    assert_eq!(
        codes(again),
        [("coupon".into(), FieldErrorCode::CouponUsed)]
    );
}

#[test]
fn points_are_earned_by_percent_and_spent_as_payment() {
    let t = TestShop::new();
    let id = customer(&t);
    let out = t.shop.record_sale(id, &visit("10,000")).unwrap();
    assert_eq!(out.points_earned, 300, "3 % of 10,000원");
    let mut pay = visit("5000");
    pay.use_points = "300".into();
    let out = t.shop.record_sale(id, &pay).unwrap();
    assert_eq!((out.points_used, out.net), (300, 4700));
    assert_eq!(out.points_now, 141, "4,700 earns 141");
    let mut greedy = visit("5000");
    greedy.use_points = "1000".into();
    assert_eq!(
        codes(t.shop.record_sale(id, &greedy).unwrap_err()),
        [("use_points".into(), FieldErrorCode::ExceedsBalance)]
    );
    assert_eq!(
        t.shop.points_balance(id).unwrap(),
        141,
        "a refused visit changed the points"
    );
}

#[test]
fn tiers_rise_with_visits_are_kept_in_history_and_give_their_discount() {
    let t = TestShop::new();
    let id = customer(&t);
    let mut changes = vec![];
    for _ in 0..10 {
        a_day_later(&t);
        if let Some(c) = t
            .shop
            .record_sale(id, &visit("40,000"))
            .unwrap()
            .tier_change
        {
            changes.push((c.from, c.to, c.up));
        }
    }
    let s = |x: &str| Some(x.to_string());
    // Placed in 일반 quietly at the first visit; promotions are news.
    assert_eq!(
        changes,
        [
            (s("regular"), s("dangol"), true),
            (s("dangol"), s("vip"), true)
        ]
    );
    let q = TimelineQuery {
        customer_id: id,
        kinds: vec![HistoryKind::Loyalty],
        offset: 0,
        limit: 10,
    };
    assert_eq!(
        t.shop.timeline(&q).unwrap().entries[0].summary,
        "단골 → VIP"
    );
    assert_eq!(t.shop.recent_tier_changes().unwrap().len(), 2);
    assert_eq!(
        t.shop.get_customer_tier(customer_of(&t)),
        None,
        "no visit, no tier"
    );

    let status = t.shop.loyalty_status(id).unwrap();
    assert_eq!(status.tier.map(|t| t.name), Some("VIP".into()));
    assert_eq!(status.next.as_ref().map(|t| t.name.as_str()), Some("VVIP"));
    assert_eq!(
        (status.visits_to_next, status.spend_to_next),
        (Some(10), Some(600_000))
    );
    let mut vip = visit("10,000");
    vip.apply_tier_discount = true;
    let out = t.shop.record_sale(id, &vip).unwrap();
    assert_eq!((out.tier_discount, out.net), (500, 9500), "VIP: 5 %");
    assert_eq!(out.points_earned, 427, "3 % of 9,500 at ×1.5");
}

#[test]
fn a_customer_drops_a_tier_when_her_visits_leave_the_window() {
    let t = TestShop::new();
    let id = customer(&t);
    let long_ago = Utc::now() - Duration::days(400);
    t.shop
        .db()
        .with_tx(|tx| {
            // Six visits: six days with a purchase, over a year ago.
            for day in 0..6 {
                let sale = SaleInput {
                    amount: "10000".into(),
                    ..Default::default()
                };
                let at = long_ago - Duration::days(day);
                history::entries::record_sale(tx, id, &sale, Country::KR, at)?;
            }
            Ok(())
        })
        .unwrap();
    let mut rules = t.shop.loyalty_rules().unwrap();
    rules.tier_window = loyalty::rules::TierWindow::Lifetime;
    t.shop.update_loyalty_rules(&rules).unwrap();
    assert_eq!(t.shop.get_customer_tier(id), Some("dangol".into()));
    rules.tier_window = loyalty::rules::TierWindow::Last12Months;
    let changes = t.shop.update_loyalty_rules(&rules).unwrap();
    assert_eq!(changes.len(), 1);
    assert!(!changes[0].up);
    assert_eq!(t.shop.get_customer_tier(id), Some("regular".into()));
}

#[test]
fn expired_or_someone_elses_coupons_are_refused_with_the_reason() {
    let t = TestShop::new();
    let id = customer(&t);
    let other = t
        .shop
        .create_customer(&form("이서연", "010-3456-7890", ""))
        .unwrap()
        .id;
    let reward = Reward {
        kind: CouponKind::Amount,
        value: 3000,
        item: String::new(),
        valid_days: 30,
    };
    let c = t
        .shop
        .issue_coupon(id, &reward, CouponOrigin::Manual)
        .unwrap();
    let mut v = visit("10000");
    v.coupon_id = Some(c.id);
    assert_eq!(
        codes(t.shop.record_sale(other, &v).unwrap_err()),
        [("coupon".into(), FieldErrorCode::CouponNotHers)]
    );
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    conn.execute(
        "UPDATE coupons SET expires_on = '2020-01-01' WHERE id = ?1",
        [c.id],
    )
    .unwrap();
    assert_eq!(
        codes(t.shop.record_sale(id, &v).unwrap_err()),
        [("coupon".into(), FieldErrorCode::CouponExpired)]
    );
    conn.execute(
        "UPDATE coupons SET expires_on = '2999-01-01' WHERE id = ?1",
        [c.id],
    )
    .unwrap();
    let out = t.shop.record_sale(id, &v).unwrap();
    assert_eq!((out.coupon_discount, out.net), (3000, 7000));
    let bad = Reward {
        kind: CouponKind::Percent,
        value: 150,
        item: String::new(),
        valid_days: 30,
    };
    assert!(t.shop.issue_coupon(id, &bad, CouponOrigin::Manual).is_err());
}

#[test]
fn rule_changes_apply_going_forward_and_points_lapse_oldest_first() {
    let t = TestShop::new();
    let id = customer(&t);
    t.shop.record_sale(id, &visit("10000")).unwrap();
    let mut rules: LoyaltyRules = t.shop.loyalty_rules().unwrap();
    rules.points.percent_bp = 1000;
    t.shop.update_loyalty_rules(&rules).unwrap();
    assert_eq!(
        t.shop.points_balance(id).unwrap(),
        300,
        "earned points changed with the rules"
    );
    assert_eq!(
        t.shop
            .record_sale(id, &visit("10000"))
            .unwrap()
            .points_earned,
        1000
    );
    // The first 300 lapse: spend 100 of them first, then their day comes.
    let mut spend = visit("1000");
    spend.use_points = "100".into();
    t.shop.record_sale(id, &spend).unwrap();
    let balance = t.shop.points_balance(id).unwrap();
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    conn.execute(
        "UPDATE points_ledger SET expires_on = '2020-01-01' WHERE id = 1",
        [],
    )
    .unwrap();
    assert_eq!(t.shop.expire_points().unwrap(), 1);
    assert_eq!(
        t.shop.points_balance(id).unwrap(),
        balance - 200,
        "only the unspent 200 lapse"
    );
    assert_eq!(t.shop.expire_points().unwrap(), 0, "lapsed twice");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn more_visits_or_spend_never_give_a_lower_tier(v in 0u32..40, s in 0i64..2_000_000, dv in 0u32..10, ds in 0i64..500_000) {
        let rules = LoyaltyRules::default();
        let rank = |t: Option<&loyalty::rules::Tier>| t.map_or(-1, |t| rules.tiers.iter().position(|x| x.id == t.id).unwrap() as i64);
        prop_assert!(rank(rules.tier_for(v + dv, s + ds)) >= rank(rules.tier_for(v, s)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn points_and_stamps_equal_their_entries_and_never_go_negative(
        visits in proptest::collection::vec((1u32..100, 0u32..600), 1..15)
    ) {
        let t = TestShop::new();
        let id = customer(&t);
        for (thousands, points) in visits {
            let mut v = visit(&format!("{}", thousands * 1000));
            v.use_points = points.to_string();
            let _ = t.shop.record_sale(id, &v);
            let balance = t.shop.points_balance(id).unwrap();
            prop_assert!(balance >= 0);
            prop_assert!(t.shop.stamps_balance(id).unwrap() >= 0);
        }
        let conn = rusqlite::Connection::open(t.path()).unwrap();
        let sum: i64 = conn.query_row("SELECT COALESCE(SUM(delta), 0) FROM points_ledger", [], |r| r.get(0)).unwrap();
        prop_assert_eq!(sum, t.shop.points_balance(id).unwrap());
    }
}

#[test]
fn nonsense_rules_are_refused_and_a_new_customer_shows_the_first_tier() {
    let t = TestShop::new();
    let mut rules = t.shop.loyalty_rules().unwrap();
    rules.tiers[2].discount_percent = 150;
    rules.stamps.goal = 0;
    let fields: Vec<String> = codes(t.shop.update_loyalty_rules(&rules).unwrap_err())
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    assert_eq!(fields, ["stamps", "tiers.2"]);
    let id = customer(&t);
    let status = t.shop.loyalty_status(id).unwrap();
    assert_eq!(status.tier.map(|t| t.id), Some("regular".into()));
    assert_eq!(status.next.map(|t| t.id), Some("dangol".into()));
    assert_eq!(status.visits_to_next, Some(5));
}

#[test]
fn birthday_coupons_come_days_before_once_a_year_lunar_included() {
    let t = TestShop::new();
    let today = chrono::Local::now().date_naive();
    let soon = today + Duration::days(3);
    let mut solar = form("생일손님", "010-1111-0001", "");
    solar.birthday = soon.format("%m-%d").to_string();
    let solar = t.shop.create_customer(&solar).unwrap().id;
    let mut far = form("먼생일", "010-1111-0002", "");
    far.birthday = (today + Duration::days(40)).format("%m-%d").to_string();
    t.shop.create_customer(&far).unwrap();
    // A lunar birthday whose solar day this year is in three days.
    let lunar_day = (0..3)
        .filter_map(|y| {
            let when = chrono::Datelike::year(&today) - 1 + y;
            (1..=12u8)
                .flat_map(move |m| (1..=29u8).map(move |d| (when, m, d)))
                .find(|(w, m, d)| dates::lunar_to_solar(*w, *m, *d, false) == Some(soon))
        })
        .next()
        .expect("some lunar day falls on that day");
    let mut lunar = form("음력손님", "010-1111-0003", "");
    lunar.birthday = format!("{:02}-{:02}", lunar_day.1, lunar_day.2);
    lunar.birthday_lunar = true;
    let lunar = t.shop.create_customer(&lunar).unwrap().id;

    assert_eq!(t.shop.issue_birthday_coupons().unwrap(), 2);
    assert_eq!(
        t.shop.usable_coupons(solar).unwrap()[0].origin,
        CouponOrigin::Birthday
    );
    assert_eq!(t.shop.usable_coupons(lunar).unwrap().len(), 1);
    assert_eq!(
        t.shop.issue_birthday_coupons().unwrap(),
        0,
        "twice in a year"
    );
}
