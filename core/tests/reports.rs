//! Reports on a small shop whose every figure was worked out by hand (the
//! sums are in the comments). Days are Seoul days (UTC+9): a sale at 23:30
//! on 31 March in Seoul is 14:30 UTC and belongs to March; one at 00:10 on
//! 1 March is still 28 February in UTC and belongs to March.
//!
//! Today is 2026-05-20; the period is the last 3 months (1 March to 20 May)
//! and "came back" means within 30 days. The shop:
//! - A: 01-10, 02-10, 03-05 (two sales: 20,000 + 5,000), 03-25, 04-20
//! - B: one visit, 03-31 23:30 (50,000)
//! - C: 02-28 23:50 and 03-01 00:10 (either side of the period's start),
//!   then 05-20 (today)
//! - D: visits 03-10 and 03-15, a complaint and a tier move: deleted
//! - E: weekly 02-16 … 03-16, then nothing (her rhythm: 7 days)
//! - F: 2025-06-01 and 2025-07-01 (gone before the period)
//! - G: never bought; H: one visit, 02-01

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use common::{customer, sale, TestShop};
use dangol_core::history::model::{
    ComplaintCategory, ComplaintInput, ComplaintStatus, ComplaintUpdate,
};
use dangol_core::history::{cases, entries};
use dangol_core::loyalty::coupons::{self, CouponOrigin};
use dangol_core::loyalty::ledger;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::reports::{self, Clock, Context, ReportKind, ReportPeriod, Reports};
use dangol_core::{Country, Language};

fn seoul() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A Seoul wall-clock time as the UTC instant history stores.
fn at(date: &str, time: &str) -> DateTime<Utc> {
    let local = format!("{date} {time}:00");
    seoul()
        .from_local_datetime(
            &chrono::NaiveDateTime::parse_from_str(&local, "%Y-%m-%d %H:%M:%S").unwrap(),
        )
        .unwrap()
        .with_timezone(&Utc)
}

struct Ids {
    a: i64,
    b: i64,
    c: i64,
    e: i64,
}

fn shop() -> (TestShop, Ids) {
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

fn today() -> NaiveDate {
    day("2026-05-20")
}

/// Runs `f` with the reports' context for `period`, in Seoul, on 20 May.
fn with_context<T>(
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

fn build(t: &TestShop, return_days: u32) -> Reports {
    let period = ReportPeriod::LastMonths { months: 3 };
    with_context(t, period, return_days, Language::Ko, |cx| {
        reports::build(cx).unwrap()
    })
}

#[test]
fn repurchase_counts_who_came_back_and_how_soon() {
    let (t, _) = shop();
    let r = build(&t, 30).repurchase;
    // Buyers A, B, C, E (D deleted). A back in 20 days, E in 7; C's next
    // visit is 80 days on (too late); B came once. Nobody is still waiting:
    // B's 30 days ended on 30 April.
    assert_eq!((r.buyers, r.returned, r.waiting), (4, 2, 0));
    assert_eq!(r.rate, Some(0.5));
    // Gaps 7, 20, 80: the median is 20.
    assert_eq!(r.median_days, Some(20));
    let counts: Vec<u32> = r.buckets.iter().map(|b| b.customers).collect();
    assert_eq!(counts, [1, 0, 1, 0, 1, 0, 0]);
    let months: Vec<_> = r
        .months
        .iter()
        .map(|m| (m.month.as_str(), m.buyers, m.returned, m.settled))
        .collect();
    assert_eq!(
        months,
        [
            ("2026-03", 4, 2, true),
            ("2026-04", 1, 0, false),
            ("2026-05", 1, 0, false)
        ]
    );
    // With 90 days C counts (80 days), and B is... not waiting (31 March
    // + 90 is after today): she may still come back.
    let r = build(&t, 90).repurchase;
    assert_eq!((r.buyers, r.returned, r.waiting), (4, 3, 1));
}

#[test]
fn new_and_returning_customers_by_month() {
    let (t, _) = shop();
    let a = build(&t, 30).activity;
    let row = |r: &reports::activity::ActivityRow| {
        (
            r.new_customers,
            r.returning_customers,
            r.visits,
            r.revenue,
            r.revenue_new,
            r.revenue_returning,
        )
    };
    // March: B new (50,000); A (25,000 on the 5th as one visit, 10,000),
    // C (8,000 on the 1st) and E (3 × 5,000) returning: 7 visits.
    assert_eq!(row(&a.months[0]), (1, 3, 7, 108_000, 50_000, 58_000));
    assert_eq!(row(&a.months[1]), (0, 1, 1, 30_000, 0, 30_000));
    assert_eq!(row(&a.months[2]), (0, 1, 1, 12_000, 0, 12_000));
    assert_eq!(row(&a.total), (1, 3, 9, 150_000, 50_000, 100_000));
    // The period before: 1 December to 20 February. A (10 January and 10
    // February), H (1 February) and E (16 February), all new then; C's
    // first visit on 28 February is after it.
    assert_eq!(
        (a.previous_span.from, a.previous_span.to),
        (day("2025-12-01"), day("2026-02-20"))
    );
    assert_eq!(row(&a.previous), (3, 0, 4, 31_000, 31_000, 0));
    assert_eq!(a.revenue_change, Some((150_000.0 - 31_000.0) / 31_000.0));
    assert_eq!(a.visits_change, Some(5.0 / 4.0));
    assert_eq!(a.customers_change, Some(1.0 / 3.0));
}

#[test]
fn who_stopped_coming_by_their_own_rhythm() {
    let (t, ids) = shop();
    let l = build(&t, 30).lapsed;
    // Usual gaps: A 25 (20, 23, 26, 31), C 41 (1, 80), E 7, F 30; the
    // shop's is the median of those, (25 + 30) / 2 rounded up = 28.
    assert_eq!(l.shop_usual_days, 28);
    // E is gone 14 days after 16 March: on the 31st. H, with one visit,
    // goes by the shop's 28 days × 2 = 56: gone on 30 March. B (one visit
    // on 31 March) is gone only on 27 May. F was gone in 2025.
    assert_eq!((l.stopped, l.earlier), (2, 1));
    let months: Vec<u32> = l.months.iter().map(|m| m.customers).collect();
    assert_eq!(months, [2, 0, 0]);
    let e = &l.customers[0];
    assert_eq!(e.customer_id, ids.e);
    assert_eq!(
        (
            e.name.as_str(),
            e.last_visit,
            e.usual_days,
            e.own_rhythm,
            e.days_since,
            e.visits,
            e.spent
        ),
        ("자차", day("2026-03-16"), 7, true, 65, 5, 25_000)
    );
    let h = &l.customers[1];
    assert_eq!(
        (
            h.name.as_str(),
            h.usual_days,
            h.own_rhythm,
            h.days_since,
            h.visits,
            h.spent
        ),
        ("거너", 28, false, 108, 1, 6_000)
    );
}

#[test]
fn top_customers_and_their_share() {
    let (t, ids) = shop();
    let top = build(&t, 30).top;
    assert_eq!((top.buyers, top.revenue), (4, 150_000));
    let list: Vec<_> = top
        .customers
        .iter()
        .map(|c| (c.customer_id, c.visits, c.revenue))
        .collect();
    assert_eq!(
        list,
        [
            (ids.a, 3, 65_000),
            (ids.b, 1, 50_000),
            (ids.c, 2, 20_000),
            (ids.e, 3, 15_000)
        ]
    );
    assert_eq!(top.customers[0].share, Some(65.0 / 150.0));
    // One buyer in ten, rounded up, is A.
    assert_eq!(top.top_tenth_share, Some(65.0 / 150.0));
}

#[test]
fn complaints_by_category_time_to_resolve_and_who_came_back() {
    let (t, _) = shop();
    let k = build(&t, 30).complaints;
    let total = &k.total;
    // A's, B's and C's; resolved in 3 and 0 days (median 1.5 → 2); only A
    // bought on a later day.
    assert_eq!(
        (
            total.opened,
            total.resolved,
            total.median_days_to_resolve,
            total.came_back
        ),
        (3, 2, Some(2), 1)
    );
    let of = |c: ComplaintCategory| k.categories.iter().find(|r| r.category == Some(c)).unwrap();
    let cold = of(ComplaintCategory::Coldness);
    assert_eq!(
        (
            cold.opened,
            cold.resolved,
            cold.median_days_to_resolve,
            cold.came_back
        ),
        (1, 1, Some(3), 1)
    );
    let product = of(ComplaintCategory::Product);
    assert_eq!(
        (
            product.opened,
            product.resolved,
            product.median_days_to_resolve
        ),
        (1, 0, None)
    );
    assert_eq!(of(ComplaintCategory::Delivery).came_back, 0);
    assert_eq!(
        of(ComplaintCategory::Price).opened,
        0,
        "the deleted customer's"
    );
    assert_eq!(k.categories.len(), 11);
}

#[test]
fn tiers_today_and_moves_in_the_period() {
    let (t, _) = shop();
    let r = build(&t, 30).tiers;
    let counts: Vec<_> = r
        .tiers
        .iter()
        .map(|t| (t.tier_id.as_deref(), t.customers))
        .collect();
    // Seven customers left: B regular, C dangol, A vip, four with none.
    assert_eq!(
        counts,
        [
            (Some("regular"), 1),
            (Some("dangol"), 1),
            (Some("vip"), 1),
            (Some("vvip"), 0),
            (None, 4)
        ]
    );
    let months: Vec<_> = r.months.iter().map(|m| (m.up, m.down)).collect();
    assert_eq!(months, [(1, 0), (0, 1), (0, 0)]);
    let moves: Vec<_> = r
        .moves
        .iter()
        .map(|m| (m.change.as_str(), m.up, m.customers))
        .collect();
    assert_eq!(moves, [("VIP → 단골", false, 1), ("단골 → VIP", true, 1)]);
}

#[test]
fn points_and_coupons_issued_and_redeemed() {
    let (t, _) = shop();
    let r = build(&t, 30).rewards;
    let m = |x: &reports::loyalty::RewardMonth| {
        (
            x.points_earned,
            x.points_redeemed,
            x.points_expired,
            x.coupons_issued,
            x.coupons_used,
            x.coupons_expired,
        )
    };
    assert_eq!(m(&r.months[0]), (850, 0, 0, 2, 1, 1));
    assert_eq!(m(&r.months[1]), (0, 200, 0, 0, 1, 0));
    assert_eq!(m(&r.months[2]), (0, 0, 50, 1, 0, 0));
    assert_eq!(m(&r.total), (850, 200, 50, 3, 2, 1));
    let origin = |o: CouponOrigin| r.origins.iter().find(|x| x.origin == o).unwrap();
    assert_eq!(
        (
            origin(CouponOrigin::Birthday).issued,
            origin(CouponOrigin::Birthday).used
        ),
        (1, 1)
    );
    assert_eq!(
        (
            origin(CouponOrigin::Stamp).issued,
            origin(CouponOrigin::Stamp).used
        ),
        (1, 0)
    );
    assert_eq!(
        origin(CouponOrigin::Complaint).issued,
        0,
        "issued before the period"
    );
}

#[test]
fn a_period_without_sales_has_nothing_to_divide() {
    let (t, _) = shop();
    let september = ReportPeriod::Custom {
        from: day("2025-09-01"),
        to: day("2025-09-30"),
    };
    let r = with_context(&t, september, 30, Language::En, |cx| {
        reports::build(cx).unwrap()
    });
    assert_eq!((r.repurchase.buyers, r.repurchase.rate), (0, None));
    assert_eq!(r.top.top_tenth_share, None);
    assert_eq!(r.complaints.total.came_back_rate, None);
    // F was gone on 31 August 2025, before this September.
    assert_eq!((r.lapsed.stopped, r.lapsed.earlier), (0, 1));
}

#[test]
fn each_report_exports_the_numbers_it_shows() {
    let (t, _) = shop();
    let period = ReportPeriod::LastMonths { months: 3 };
    with_context(&t, period, 30, Language::Ko, exports_match)
}

fn exports_match(cx: &Context<'_>) {
    let all = reports::build(cx).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for kt in &all.tables {
        let tables = reports::tables_of(cx, kt.kind).unwrap();
        assert_eq!(tables, kt.tables, "{:?}: export and screen differ", kt.kind);
        let path = dir.path().join(format!("{:?}.xlsx", kt.kind));
        reports::export::to_xlsx(&tables, Country::KR, &path).unwrap();
        assert!(path.exists());
    }
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let tables = reports::tables_of(cx, ReportKind::Repurchase).unwrap();
    let path = dir.path().join("repurchase.xlsx");
    reports::export::to_xlsx(&tables, Country::KR, &path).unwrap();
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["재구매율 (월별)", "다시 오기까지"]);
    let sheet = book.worksheet_range("재구매율 (월별)").unwrap();
    let row: Vec<Data> = sheet.rows().nth(1).unwrap().to_vec();
    assert_eq!(row[0], Data::String("2026-03".into()));
    assert_eq!(row[1], Data::Float(4.0));
    assert_eq!(row[2], Data::Float(2.0));
    assert_eq!(row[3], Data::Float(0.5));
}

#[test]
fn the_sample_shop_has_something_in_every_report() {
    let t = TestShop::new();
    t.shop
        .finish_setup(&dangol_core::SetupInput {
            shop_name: "샘플".into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: true,
        })
        .unwrap();
    let q = reports::ReportQuery {
        period: ReportPeriod::LastMonths { months: 12 },
        return_days: 60,
    };
    let r = t.shop.reports(&q).unwrap();
    assert_eq!(r.months.len(), 12);
    assert!(r.repurchase.buyers > 100, "{}", r.repurchase.buyers);
    assert!(r.repurchase.returned > 0);
    assert!(r.lapsed.stopped > 0);
    assert!(r.top.revenue > 0);
    assert!(r.complaints.total.opened > 0);
    assert!(r.complaints.total.resolved > 0 && r.complaints.total.came_back > 0);
    assert!(r.rewards.total.points_earned > 0 && r.rewards.total.points_redeemed > 0);
    assert!(r.rewards.total.coupons_issued > 0 && r.rewards.total.coupons_used > 0);
    assert!(
        r.tiers.months.iter().filter(|m| m.up > 0).count() > 3,
        "{:?}",
        r.tiers.months
    );
    assert!(r
        .tiers
        .tiers
        .iter()
        .any(|t| t.tier_id.as_deref() == Some("dangol") && t.customers > 0));
    // The reports agree with each other: months add up to the period.
    let a = &r.activity;
    let sum = |f: fn(&reports::activity::ActivityRow) -> i64| a.months.iter().map(f).sum::<i64>();
    assert_eq!(sum(|m| m.visits.into()), i64::from(a.total.visits));
    assert_eq!(sum(|m| m.revenue), a.total.revenue);
    assert_eq!(a.total.revenue, r.top.revenue);
    assert_eq!(
        a.total.new_customers + a.total.returning_customers,
        r.top.buyers
    );
    assert_eq!(r.top.buyers, r.repurchase.buyers);
    let lapsed: u32 = r.lapsed.months.iter().map(|m| m.customers).sum();
    assert_eq!(lapsed, r.lapsed.stopped);
    let placed: u32 = r.tiers.tiers.iter().map(|t| t.customers).sum();
    assert_eq!(i64::from(placed), t.shop.customer_count().unwrap() as i64);
    let kinds: u32 = r.complaints.categories.iter().map(|c| c.opened).sum();
    assert_eq!(kinds, r.complaints.total.opened);
    let path = t.dir.path().join("repurchase.xlsx");
    t.shop
        .export_report(ReportKind::Repurchase, &q, &path)
        .unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 1000);
}

#[test]
fn sales_read_by_two_threads_are_the_same_as_by_one() {
    let (t, _) = shop();
    let conn = t.shop.db().reader().unwrap();
    let clock = Clock::around(&seoul(), today());
    let until = chrono::Datelike::num_days_from_ce(&today());
    let one = reports::visits::Visits::load(&conn, &clock, until).unwrap();
    let two = reports::visits::Visits::load_split(&conn, t.shop.db(), &clock, until).unwrap();
    assert_eq!(one, two);
    assert_eq!(
        one.len(),
        6,
        "A, B, C, E, F, H: D is deleted, G never bought"
    );
}

/// "Write to them": the stopped-coming list becomes the letter's audience,
/// in the report's order; someone deleted since is left out.
#[test]
fn those_who_stopped_coming_can_be_written_to() {
    use dangol_core::letters::audience::Audience;
    let (t, ids) = shop();
    let stopped: Vec<i64> = build(&t, 30)
        .lapsed
        .customers
        .iter()
        .map(|c| c.customer_id)
        .collect();
    let mut asked = stopped.clone();
    asked.push(9999);
    let got: Vec<i64> = t
        .shop
        .letter_recipients(&Audience::Customers { ids: asked })
        .unwrap()
        .iter()
        .map(|r| r.customer_id)
        .collect();
    assert_eq!(got, stopped);
    assert_eq!(got[0], ids.e);
}

/// A shop with no customers yet: every report is there, empty, nothing
/// divided by zero.
#[test]
fn an_empty_shop_has_empty_reports() {
    let t = TestShop::new();
    let period = ReportPeriod::ThisMonth;
    let r = with_context(&t, period, 60, Language::Ko, |cx| {
        reports::build(cx).unwrap()
    });
    assert_eq!(
        (
            r.repurchase.buyers,
            r.repurchase.rate,
            r.repurchase.median_days
        ),
        (0, None, None)
    );
    assert_eq!(r.lapsed.shop_usual_days, reports::lapsed::DEFAULT_GAP);
    assert_eq!((r.top.buyers, r.top.top_tenth_share), (0, None));
    assert_eq!(r.activity.total.visits, 0);
    assert_eq!(r.tiers.tiers.last().map(|t| t.customers), Some(0));
    assert!(r.tiers.tiers.iter().all(|t| t.customers == 0));
}
