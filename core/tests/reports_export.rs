//! What is done with reports: exported numbers equal to the screen's, the
//! sample shop's reports agreeing with each other, the stopped-coming list
//! as a letter's audience, and an empty shop.

mod common;

use common::report_shop::{build, seoul, shop, today, with_context};
use common::TestShop;
use dangol_core::reports::{self, Clock, Context, ReportKind, ReportPeriod};
use dangol_core::{Country, Language};

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
    // The sample's tiers are what the rules give: nothing to recompute.
    assert_eq!(t.shop.recompute_tiers().unwrap(), vec![]);
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
        .letter_recipients(&Audience::Customers { ids: asked }, None)
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
