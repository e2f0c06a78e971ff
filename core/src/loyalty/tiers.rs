//! Tiers, given by the rules from each customer's visits and spend in the
//! window (lifetime or the last 12 months): recomputed after every visit
//! and for everyone when the window moves on. A change is kept in her
//! history ("단골 → VIP").

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::rules::{LoyaltyRules, TierWindow};
use crate::error::Result;
use crate::history::entries::{append, NewEntry};
use crate::history::model::HistoryKind;
use crate::history::visits;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TierChange {
    pub customer_id: i64,
    pub customer_name: String,
    pub from: Option<String>,
    pub to: Option<String>,
    /// True for a move to a higher tier.
    pub up: bool,
}

fn window_start(rules: &LoyaltyRules, today: NaiveDate) -> Option<NaiveDate> {
    match rules.tier_window {
        TierWindow::Lifetime => None,
        TierWindow::Last12Months => today.checked_sub_months(Months::new(12)),
    }
}

fn rank(rules: &LoyaltyRules, id: Option<&str>) -> i64 {
    id.and_then(|id| rules.tiers.iter().position(|t| t.id == id))
        .map_or(-1, |p| p as i64)
}

/// Recomputes the tier of one customer (`Some(id)`) or of everyone, and
/// records each change. Returns the changes.
pub(crate) fn recompute(
    conn: &Connection,
    rules: &LoyaltyRules,
    customer: Option<i64>,
    today: NaiveDate,
    now: DateTime<Utc>,
    zone: &dyn crate::store::clock::Clock,
) -> Result<Vec<TierChange>> {
    // Visits are days with a purchase, spend the sum of sales, in the
    // window (history::visits: the same count as her screen and reports).
    let since = window_start(rules, today);
    let counts = match customer {
        Some(id) => {
            let v = visits::of_customer(conn, id, since, zone)?;
            std::collections::HashMap::from([(id, v)])
        }
        None => visits::of_everyone(conn, since, today, zone)?,
    };
    // One customer by her id (an index lookup), or everyone in one pass.
    let filter = if customer.is_some() {
        "c.id = ?1"
    } else {
        "?1 IS NULL"
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.id, c.name, c.tier FROM customers c WHERE {filter}"
    ))?;
    let rows: Vec<(i64, String, Option<String>, u32, i64)> = stmt
        .query_map(params![customer], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .map(|row| {
            row.map(|(id, name, tier)| {
                let v = counts.get(&id).copied().unwrap_or_default();
                (id, name, tier, v.visits, v.spend)
            })
        })
        .collect::<rusqlite::Result<_>>()?;
    let mut changes = vec![];
    let mut update = conn.prepare_cached("UPDATE customers SET tier = ?2 WHERE id = ?1")?;
    for (id, name, current, visits, spend) in rows {
        let next = rules.tier_for(visits, spend).map(|t| t.id.clone());
        if next == current {
            continue;
        }
        update.execute(params![id, next])?;
        let first_placement = current.is_none() && rank(rules, next.as_deref()) == 0;
        if first_placement {
            continue;
        }
        let up = rank(rules, next.as_deref()) > rank(rules, current.as_deref());
        let label = |t: &Option<String>| {
            t.as_deref()
                .and_then(|id| rules.tier(id))
                .map_or(String::from("-"), |t| t.name.clone())
        };
        let entry = NewEntry {
            kind: Some(HistoryKind::Loyalty),
            summary: format!("{} → {}", label(&current), label(&next)),
            detail: if up {
                "tier_up".into()
            } else {
                "tier_down".into()
            },
            ..Default::default()
        };
        append(conn, id, &entry, now)?;
        changes.push(TierChange {
            customer_id: id,
            customer_name: name,
            from: current,
            to: next,
            up,
        });
    }
    Ok(changes)
}

/// A promotion or demotion as kept in history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RecentTierChange {
    pub customer_id: i64,
    pub customer_name: String,
    /// "단골 → VIP"
    pub change: String,
    pub up: bool,
    pub at: DateTime<Utc>,
}

/// Tier changes recorded since `since` (this week's promotions).
/// Her tier's id, if she has one.
pub(crate) fn of_customer(conn: &Connection, customer_id: i64) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT tier FROM customers WHERE id = ?1",
        [customer_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn changes_since(
    conn: &Connection,
    since: DateTime<Utc>,
) -> Result<Vec<RecentTierChange>> {
    let mut stmt = conn.prepare(
        "SELECT h.customer_id, c.name, h.summary, h.detail = 'tier_up', h.happened_at
         FROM history h JOIN customers c ON c.id = h.customer_id
         WHERE h.kind = 'loyalty' AND h.detail IN ('tier_up', 'tier_down') AND h.happened_at >= ?1
         ORDER BY h.happened_at DESC LIMIT 200",
    )?;
    let out = stmt
        .query_map([since], |r| {
            Ok(RecentTierChange {
                customer_id: r.get(0)?,
                customer_name: r.get(1)?,
                change: r.get(2)?,
                up: r.get(3)?,
                at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
