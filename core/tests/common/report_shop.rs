//! The small shop the reports tests check by hand. Days are Seoul days
//! (UTC+9): a sale at 23:30 on 31 March in Seoul is 14:30 UTC and belongs
//! to March; one at 00:10 on 1 March is still 28 February in UTC and
//! belongs to March.
//!
//! Today is 2026-05-20; the period is the last 3 months (1 March to 20 May)
//! and "came back" means within 30 days unless a test says otherwise:
//! - A: 01-10, 02-10, 03-05 (two sales: 20,000 + 5,000), 03-25, 04-20
//! - B: one visit, 03-31 23:30 (50,000)
//! - C: 02-28 23:50 and 03-01 00:10 (either side of the period's start),
//!   then 05-20 (today)
//! - D: visits 03-10 and 03-15, a complaint and a tier move: deleted
//! - E: weekly 02-16 … 03-16, then nothing (her rhythm: 7 days)
//! - F: 2025-06-01 and 2025-07-01 (gone before the period)
//! - G: never bought; H: one visit, 02-01

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use dangol_core::history::model::{
    ComplaintCategory, ComplaintInput, ComplaintStatus, ComplaintUpdate,
};
use dangol_core::history::{cases, entries};
use dangol_core::loyalty::coupons::{self, CouponOrigin};
use dangol_core::loyalty::ledger;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::reports::{self, Clock, Context, ReportPeriod, Reports};
use dangol_core::{Country, Language};

use super::{customer, sale, TestShop};

pub fn seoul() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A Seoul wall-clock time as the UTC instant history stores.
pub fn at(date: &str, time: &str) -> DateTime<Utc> {
    let local = format!("{date} {time}:00");
    seoul()
        .from_local_datetime(
            &chrono::NaiveDateTime::parse_from_str(&local, "%Y-%m-%d %H:%M:%S").unwrap(),
        )
        .unwrap()
        .with_timezone(&Utc)
}

pub struct Ids {
    pub a: i64,
    pub b: i64,
    pub c: i64,
    pub e: i64,
}

pub fn shop() -> (TestShop, Ids) {
    let t = TestShop::new();
    let a = customer(&t, "가나");
    let b = customer(&t, "다라");
    let c = customer(&t, "마바");
    let d = customer(&t, "사아");
    let e = customer(&t, "자차");
    let f = customer(&t, "카타");
    let _g = customer(&t, "파하");
    let h = customer(&t, "거너");
    t.shop
        .db()
        .with_tx(|tx| {
            let buy = |id: i64, date: &str, time: &str, amount: &str| {
                entries::record_sale(tx, id, &sale(amount, false, "", ""), Country::KR, at(date, time))
            };
            buy(a, "2026-01-10", "12:00", "10000")?;
            buy(a, "2026-02-10", "12:00", "10000")?;
            buy(a, "2026-03-05", "10:00", "20000")?;
            buy(a, "2026-03-05", "18:00", "5000")?;
            let a_0325 = buy(a, "2026-03-25", "12:00", "10000")?;
            buy(a, "2026-04-20", "12:00", "30000")?;
            let b_0331 = buy(b, "2026-03-31", "23:30", "50000")?;
            buy(c, "2026-02-28", "23:50", "2000")?;
            buy(c, "2026-03-01", "00:10", "8000")?;
            buy(c, "2026-05-20", "10:00", "12000")?;
            buy(d, "2026-03-10", "12:00", "40000")?;
            buy(d, "2026-03-15", "12:00", "40000")?;
            for date in ["2026-02-16", "2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16"] {
                buy(e, date, "09:00", "5000")?;
            }
            buy(f, "2025-06-01", "12:00", "7000")?;
            buy(f, "2025-07-01", "12:00", "7000")?;
            buy(h, "2026-02-01", "12:00", "6000")?;

            // Complaints: A's (coldness) resolved in 3 days and she came
            // back; B's (product) still open; C's (delivery) opened and
            // resolved today, the day of her sale (not a later day); E's
            // before the period; D's deleted with her.
            let complaint = |id: i64, category, opened: &str| {
                let input = ComplaintInput {
                    category,
                    description: "불만".into(),
                    staff_id: None,
                };
                cases::open_complaint(tx, id, &input, day(opened), at(opened, "13:00"))
            };
            let resolve = |k: i64, on: &str| {
                let u = ComplaintUpdate {
                    status: ComplaintStatus::Resolved,
                    resolution: "사과".into(),
                    ..Default::default()
                };
                cases::update_complaint(tx, k, &u, day(on), at(on, "15:00")).map(drop)
            };
            let k = complaint(a, ComplaintCategory::Coldness, "2026-03-25")?;
            resolve(k, "2026-03-28")?;
            complaint(b, ComplaintCategory::Product, "2026-04-01")?;
            let k = complaint(c, ComplaintCategory::Delivery, "2026-05-20")?;
            resolve(k, "2026-05-20")?;
            complaint(e, ComplaintCategory::Coldness, "2026-02-20")?;
            complaint(d, ComplaintCategory::Price, "2026-03-12")?;

            // Points: March 250 + 100 + 500 (B's at 23:30 on the 31st),
            // April 200 spent, May 50 lapsed (00:30 on 1 May in Seoul is
            // still 30 April in UTC); C's 80 in February is outside.
            ledger::add_points(tx, a, 250, "earn", None, None, at("2026-03-05", "10:00"))?;
            ledger::add_points(tx, a, 100, "earn", None, None, at("2026-03-25", "12:00"))?;
            ledger::add_points(tx, b, 500, "earn", None, None, at("2026-03-31", "23:30"))?;
            ledger::add_points(tx, a, -200, "redeem", None, None, at("2026-04-20", "12:00"))?;
            ledger::add_points(tx, a, -50, "expire", None, None, at("2026-05-01", "00:30"))?;
            ledger::add_points(tx, c, 80, "earn", None, None, at("2026-02-28", "23:50"))?;

            // Coupons: A's birthday one (3 March) used on the 25th; E's
            // stamp one (16 March, 10 days) never used; C's (10 May) still
            // good; B's complaint one from February used at 00:05 on 1
            // April in Seoul.
            let reward = |days: u32| Reward {
                kind: CouponKind::Amount,
                value: 1000,
                item: String::new(),
                valid_days: days,
            };
            let issue = |id: i64, origin, on: &str, days: u32| {
                coupons::issue(tx, id, &reward(days), origin, day(on), at(on, "11:00"))
            };
            let c1 = issue(a, CouponOrigin::Birthday, "2026-03-03", 30)?;
            coupons::mark_used(tx, c1.id, a_0325, at("2026-03-25", "12:00"))?;
            issue(e, CouponOrigin::Stamp, "2026-03-16", 10)?;
            issue(c, CouponOrigin::Manual, "2026-05-10", 30)?;
            let c4 = issue(b, CouponOrigin::Complaint, "2026-02-20", 60)?;
            coupons::mark_used(tx, c4.id, b_0331, at("2026-04-01", "00:05"))?;

            // Tiers today, and moves: A up in March, C down in April; E's
            // in February is outside, D's goes with her.
            tx.execute("UPDATE customers SET tier = 'vip' WHERE id = ?1", [a])?;
            tx.execute("UPDATE customers SET tier = 'dangol' WHERE id = ?1", [c])?;
            tx.execute("UPDATE customers SET tier = 'regular' WHERE id = ?1", [b])?;
            let moved = |id: i64, when: DateTime<Utc>, summary: &str, detail: &str| {
                tx.execute(
                    "INSERT INTO history (customer_id, kind, happened_at, summary, detail, created_at)
                     VALUES (?1, 'loyalty', ?2, ?3, ?4, ?2)",
                    rusqlite::params![id, when, summary, detail],
                )
            };
            moved(a, at("2026-03-25", "12:00"), "단골 → VIP", "tier_up")?;
            moved(c, at("2026-04-10", "12:00"), "VIP → 단골", "tier_down")?;
            moved(e, at("2026-02-10", "12:00"), "일반 → 단골", "tier_up")?;
            moved(d, at("2026-03-12", "12:00"), "일반 → 단골", "tier_up")?;
            Ok(())
        })
        .unwrap();
    t.shop.delete_customer(d).unwrap();
    (t, Ids { a, b, c, e })
}

pub fn today() -> NaiveDate {
    day("2026-05-20")
}

/// Runs `f` with the reports' context for `period`, in Seoul, on 20 May.
pub fn with_context<T>(
    t: &TestShop,
    period: ReportPeriod,
    return_days: u32,
    language: Language,
    f: impl FnOnce(&Context<'_>) -> T,
) -> T {
    let conn = t.shop.db().reader().unwrap();
    let clock = Clock::around(&seoul(), today());
    f(&Context {
        conn: &conn,
        db: None,
        clock: &clock,
        span: period.resolve(today()).unwrap(),
        return_days,
        language,
    })
}

pub fn build(t: &TestShop, return_days: u32) -> Reports {
    let period = ReportPeriod::LastMonths { months: 3 };
    with_context(t, period, return_days, Language::Ko, |cx| {
        reports::build(cx).unwrap()
    })
}
