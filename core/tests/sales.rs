//! Sales on a real file: a credit sale records what was bought, paid and
//! owed, points are earned on the money received (the rest when the 외상
//! is paid, or all at once, by the shop's rule), and a visit is a day with
//! a purchase on her screen, her tier and the reports alike.

mod common;

use chrono::{Duration, Local};
use common::{form, pay, TestShop};
use dangol_core::loyalty::rules::CreditPoints;
use dangol_core::reports::{ReportPeriod, ReportQuery};
use dangol_core::*;
use proptest::prelude::*;

fn new_shop() -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t
}

fn visit(amount: &str) -> SaleInput {
    SaleInput {
        amount: amount.into(),
        ..Default::default()
    }
}

fn customer(t: &TestShop) -> i64 {
    t.shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id
}

fn credit_visit(amount: &str, paid: &str) -> SaleInput {
    SaleInput {
        amount: amount.into(),
        credit: true,
        paid_now: paid.into(),
        ..Default::default()
    }
}

#[test]
fn a_credit_sale_earns_points_on_what_was_paid_and_the_rest_when_the_tab_is_paid() {
    let t = new_shop();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id;
    let out = t
        .shop
        .record_sale(id, &credit_visit("48,000", "20,000"))
        .unwrap();
    assert_eq!((out.net, out.paid, out.owed), (48_000, 20_000, 28_000));
    assert_eq!(out.points_earned, 600, "3 % of the 20,000 paid");
    assert_eq!(out.points_on_payment, 840, "3 % of the 28,000 owed, later");
    assert_eq!(t.shop.balance_owed(id).unwrap(), 28_000);
    // Her tier and the reports count what she bought.
    let status = t.shop.loyalty_status(id).unwrap();
    assert_eq!(status.spend_in_window, 48_000);

    t.shop.record_payment(id, &pay("10,000")).unwrap();
    assert_eq!(t.shop.points_balance(id).unwrap(), 900, "+300 for 10,000");
    t.shop.record_payment(id, &pay("18,000")).unwrap();
    assert_eq!(
        t.shop.points_balance(id).unwrap(),
        1_440,
        "3 % of 48,000 in all"
    );
    assert_eq!(t.shop.balance_owed(id).unwrap(), 0);

    // A shop that gives points on the whole sale at once: nothing later.
    let mut rules = t.shop.loyalty_rules().unwrap();
    rules.points.on_credit = CreditPoints::AtSale;
    t.shop.update_loyalty_rules(&rules).unwrap();
    let out = t.shop.record_sale(id, &credit_visit("10,000", "")).unwrap();
    assert_eq!((out.paid, out.owed), (0, 10_000));
    assert_eq!((out.points_earned, out.points_on_payment), (300, 0));
    t.shop.record_payment(id, &pay("10,000")).unwrap();
    assert_eq!(t.shop.points_balance(id).unwrap(), 1_740);

    // The ledger is the sum of its entries, and the reports count the
    // points earned on payments in the month they were earned.
    let r = t
        .shop
        .reports(&ReportQuery {
            period: ReportPeriod::LastMonths { months: 2 },
            return_days: 30,
        })
        .unwrap();
    assert_eq!(r.rewards.total.points_earned, 1_740);
    assert_eq!(r.activity.total.revenue, 58_000);
}

#[test]
fn paying_a_tab_from_before_the_rule_earns_nothing_twice() {
    let t = new_shop();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id;
    // A tab an older Dangol wrote, before sales waited for points: written
    // into her history only, as it was then.
    t.shop
        .db()
        .with_tx(|tx| {
            dangol_core::history::entries::record_sale(
                tx,
                id,
                &common::sale("30,000", true, "", "원피스"),
                Country::KR,
                chrono::Utc::now(),
            )
        })
        .unwrap();
    t.shop.record_payment(id, &pay("30,000")).unwrap();
    assert_eq!(t.shop.points_balance(id).unwrap(), 0);
}

#[test]
fn a_visit_is_a_day_with_a_purchase_on_her_screen_her_tier_and_the_reports() {
    let t = new_shop();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id;
    // Two purchases late one evening, a third just after midnight.
    let yesterday = Local::now().date_naive() - Duration::days(1);
    let times = [
        yesterday.and_hms_opt(21, 50, 0).unwrap(),
        yesterday.and_hms_opt(23, 50, 0).unwrap(),
        (yesterday + Duration::days(1))
            .and_hms_opt(0, 10, 0)
            .unwrap(),
    ];
    for (amount, when) in ["10,000", "5,000", "7,000"].into_iter().zip(times) {
        t.clock.travel_to_local(when);
        t.shop
            .record_sale(
                id,
                &SaleInput {
                    amount: amount.into(),
                    ..Default::default()
                },
            )
            .unwrap();
    }
    t.clock.back_to_now();
    t.shop.recompute_tiers().unwrap();

    let story = t.shop.customer_story(id).unwrap();
    assert_eq!((story.visits, story.total_spent), (2, 22_000));
    let status = t.shop.loyalty_status(id).unwrap();
    assert_eq!(status.visits_in_window, 2);
    // Counted for everyone at once (tiers at start) the same way.
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    let everyone = history::visits::of_everyone(
        &conn,
        None,
        Local::now().date_naive(),
        &dangol_core::store::clock::SystemClock,
    )
    .unwrap();
    assert_eq!((everyone[&id].visits, everyone[&id].spend), (2, 22_000));
    let r = t
        .shop
        .reports(&ReportQuery {
            period: ReportPeriod::LastMonths { months: 2 },
            return_days: 30,
        })
        .unwrap();
    let top = r
        .top
        .customers
        .iter()
        .find(|c| c.customer_id == id)
        .unwrap();
    assert_eq!((top.visits, top.revenue), (2, 22_000));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Credit sales and payments in any order: points wait only for money
    /// still owed, and once every tab is paid the points are those of the
    /// whole spend (3 %, the lowest tier's ×1 throughout: 15 visits stay
    /// under 단골's five days — they are all on one day).
    #[test]
    fn points_on_credit_wait_for_the_money_and_are_earned_once(
        steps in proptest::collection::vec((1u32..60, 0u32..=100, 0u32..=100), 1..12)
    ) {
        let t = TestShop::new();
        let id = customer(&t);
        let mut spent = 0i64;
        let mut expected = 0i64;
        for (thousands, paid_pct, pay_pct) in steps {
            let amount = i64::from(thousands) * 1000;
            let paid = amount * i64::from(paid_pct) / 100;
            let mut v = visit(&amount.to_string());
            v.credit = true;
            v.paid_now = paid.to_string();
            let out = t.shop.record_sale(id, &v).unwrap();
            prop_assert_eq!((out.paid, out.owed), (paid, amount - paid));
            spent += amount;
            expected += paid * 300 / 10_000;
            let owed = t.shop.balance_owed(id).unwrap();
            let payment = owed * i64::from(pay_pct) / 100;
            if payment > 0 {
                t.shop.record_payment(id, &common::pay(&payment.to_string())).unwrap();
                expected += payment * 300 / 10_000;
            }
            let conn = rusqlite::Connection::open(t.path()).unwrap();
            let waiting: i64 = conn.query_row("SELECT COALESCE(SUM(delta), 0) FROM credit_points", [], |r| r.get(0)).unwrap();
            prop_assert_eq!(waiting, t.shop.balance_owed(id).unwrap(), "points wait for exactly what is owed");
            prop_assert_eq!(t.shop.points_balance(id).unwrap(), expected);
        }
        let owed = t.shop.balance_owed(id).unwrap();
        if owed > 0 {
            t.shop.record_payment(id, &common::pay(&owed.to_string())).unwrap();
            expected += owed * 300 / 10_000;
        }
        prop_assert_eq!(t.shop.points_balance(id).unwrap(), expected);
        prop_assert!(expected <= spent * 300 / 10_000 && expected + 2 * 24 >= spent * 300 / 10_000,
            "points {} for spend {}", expected, spent);
        prop_assert_eq!(t.shop.loyalty_status(id).unwrap().spend_in_window, spent);
    }
}
