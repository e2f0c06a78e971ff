//! Reports on a small shop whose every figure was worked out by hand (the
//! shop is described in `common/report_shop.rs`; the sums are in the
//! comments here).

mod common;

use common::report_shop::{build, day, shop, with_context};
use dangol_core::history::model::ComplaintCategory;
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::reports::{self, ReportPeriod};
use dangol_core::Language;

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
