//! The sample shop's rewards and settled complaints, drawn from the visits
//! `sample_history` made: points for every sale (some spent), coupons
//! given and mostly used at the next visit, and complaints from over the
//! year, most resolved within a week; tiers climbed visit by visit — so
//! every report has something to show. Its own seeded generator, so the visits stay as they were.

use chrono::{DateTime, Days, Duration, NaiveDate, Utc};
use rusqlite::Connection;

use crate::error::Result;
use crate::history::cases;
use crate::history::entries::{append, NewEntry};
use crate::history::model::{
    ComplaintCategory, ComplaintInput, ComplaintStatus, ComplaintUpdate, HistoryKind,
};
use crate::loyalty::coupons::{self, CouponOrigin};
use crate::loyalty::ledger;
use crate::loyalty::rules::{CouponKind, LoyaltyRules, Reward};
use crate::store::settings::Country;

const COMPLAINTS: &[(ComplaintCategory, &str)] = &[
    (ComplaintCategory::Apathy, "바쁘다며 질문에 대답을 안 해 줌"),
    (
        ComplaintCategory::BrushOff,
        "교환 문의를 다음에 오라고만 함",
    ),
    (ComplaintCategory::Coldness, "계산할 때 인사도 없이 응대"),
    (ComplaintCategory::Robotism, "같은 안내문만 읽어 줌"),
    (ComplaintCategory::RuleBook, "영수증이 없다고 교환을 거절"),
    (ComplaintCategory::Runaround, "전화를 세 번 돌려받음"),
    (ComplaintCategory::Product, "케이크 크림이 상해 있었음"),
    (ComplaintCategory::Price, "가격표와 계산 금액이 달랐음"),
    (ComplaintCategory::Delivery, "배달이 한 시간 늦음"),
    (ComplaintCategory::Product, "니트 실밥이 풀려 있었음"),
];

/// Her tier visit by visit, as recording each visit would have moved it;
/// each move written to her history when it happened.
fn climb_tiers(
    conn: &Connection,
    id: i64,
    sales: &[(i64, DateTime<Utc>, i64)],
    rules: &LoyaltyRules,
) -> Result<()> {
    let rank = |t: &Option<String>| {
        t.as_deref()
            .and_then(|id| rules.tiers.iter().position(|x| x.id == id))
    };
    let name = |t: &Option<String>| {
        t.as_deref()
            .and_then(|id| rules.tier(id))
            .map_or(String::from("-"), |t| t.name.clone())
    };
    // Everyone starts in the tier of no visits (not news, not written).
    let mut current: Option<String> = rules.tier_for(0, 0).map(|t| t.id.clone());
    // A visit is a day with a purchase (as `tiers::recompute` counts them):
    // two sales on one local day are one visit. Counting sales instead
    // placed a customer one tier too high whenever two of her random sales
    // fell on one day, which depends on the time of day the sample is made.
    let (mut visits, mut spent, mut last_day) = (0u32, 0i64, None);
    for &(_, when, amount) in sales {
        let day = when.with_timezone(&chrono::Local).date_naive();
        if last_day != Some(day) {
            visits += 1;
            last_day = Some(day);
        }
        spent += amount;
        let next = rules.tier_for(visits, spent).map(|t| t.id.clone());
        if next == current {
            continue;
        }
        if current.is_some() || rank(&next) != Some(0) {
            let up = rank(&next) > rank(&current);
            let entry = NewEntry {
                kind: Some(HistoryKind::Loyalty),
                summary: format!("{} → {}", name(&current), name(&next)),
                detail: if up { "tier_up" } else { "tier_down" }.into(),
                ..Default::default()
            };
            append(conn, id, &entry, when + Duration::minutes(1))?;
        }
        current = next;
    }
    conn.execute(
        "UPDATE customers SET tier = ?2 WHERE id = ?1",
        rusqlite::params![id, current],
    )?;
    Ok(())
}

/// A customer's sales: id, when, amount.
fn sales(conn: &Connection, id: i64) -> Result<Vec<(i64, DateTime<Utc>, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, happened_at, amount FROM history
         WHERE customer_id = ?1 AND kind = 'sale' ORDER BY happened_at",
    )?;
    let rows = stmt
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub fn fill(
    conn: &Connection,
    country: Country,
    customers: &[i64],
    now: DateTime<Utc>,
) -> Result<()> {
    let mut rng = fastrand::Rng::with_seed(8_2026);
    let today = now.date_naive();
    let spend = if country == Country::KR { 1000 } else { 100 };
    let rules = crate::loyalty::load_rules(conn)?;
    for (i, &id) in customers.iter().enumerate() {
        let sales = sales(conn, id)?;
        // Points: 3 % of each sale, and now and then some spent.
        for (n, &(sale, when, amount)) in sales.iter().enumerate() {
            let day = when.date_naive();
            let expiry = ledger::expiry_for(day, Some(12));
            ledger::add_points(conn, id, amount * 3 / 100, "earn", Some(sale), expiry, when)?;
            if n % 4 == 3 && ledger::points(conn, id)? >= spend {
                let at = when + Duration::minutes(1);
                ledger::add_points(conn, id, -spend, "redeem", Some(sale), None, at)?;
            }
        }
        // A coupon at one of her visits, often used at the next one.
        if sales.len() >= 2 && rng.u8(..3) == 0 {
            let origin = [
                CouponOrigin::Birthday,
                CouponOrigin::Stamp,
                CouponOrigin::Manual,
            ][i % 3];
            let k = rng.usize(..sales.len() - 1);
            let (_, first, _) = sales[k];
            let reward = Reward {
                kind: CouponKind::Amount,
                value: spend,
                item: String::new(),
                valid_days: 60,
            };
            let c = coupons::issue(conn, id, &reward, origin, first.date_naive(), first)?;
            let (next, at, _) = sales[k + 1];
            if at.date_naive() <= c.expires_on && rng.u8(..10) < 7 {
                coupons::mark_used(conn, c.id, next, at)?;
            }
        }
        climb_tiers(conn, id, &sales, &rules)?;
        // A complaint the day after her second visit, most settled soon.
        if sales.len() >= 3 && i % 9 == 4 {
            let (category, text) = COMPLAINTS[rng.usize(..COMPLAINTS.len())];
            let opened = sales[1].1 + Duration::days(1);
            let day = opened.date_naive();
            if day >= today {
                continue;
            }
            let input = ComplaintInput {
                category,
                description: text.into(),
                staff_id: None,
            };
            let k = cases::open_complaint(conn, id, &input, day, opened)?;
            let done: NaiveDate = day + Days::new(rng.u64(0..7));
            if done < today && rng.u8(..5) > 0 {
                let u = ComplaintUpdate {
                    status: ComplaintStatus::Resolved,
                    resolution: "사과드리고 다음 방문 때 음료를 드림".into(),
                    compensation: String::new(),
                    staff_id: None,
                };
                let at = opened + Duration::days((done - day).num_days());
                cases::update_complaint(conn, k, &u, done, at)?;
            }
        }
    }
    Ok(())
}
