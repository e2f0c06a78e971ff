//! What the customer screen shows of her rewards.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::coupons::{self, Coupon};
use super::ledger;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LoyaltyStatus {
    pub tier: Option<super::rules::Tier>,
    pub next: Option<super::rules::Tier>,
    pub visits_in_window: u32,
    pub spend_in_window: i64,
    /// Visits still needed for the next tier (if it asks for visits).
    pub visits_to_next: Option<u32>,
    /// Spend still needed for the next tier (if it asks for spend).
    pub spend_to_next: Option<i64>,
    pub points: i64,
    pub stamps: i64,
    pub stamp_goal: u32,
    pub coupons: Vec<Coupon>,
}

/// Her tier and how far to the next, points, stamps and usable coupons,
/// all read in one snapshot (`conn`), rules included.
pub(crate) fn of(
    conn: &Connection,
    customer_id: i64,
    today: NaiveDate,
    zone: &dyn crate::store::clock::Clock,
) -> Result<LoyaltyStatus> {
    let rules = super::load_rules(conn)?;
    crate::store::rows::ensure_customer(conn, customer_id)?;
    // Days with a purchase in the tier window (history::visits).
    let since = match rules.tier_window {
        crate::loyalty::rules::TierWindow::Lifetime => None,
        crate::loyalty::rules::TierWindow::Last12Months => {
            today.checked_sub_months(chrono::Months::new(12))
        }
    };
    let counted = crate::history::visits::of_customer(conn, customer_id, since, zone)?;
    let (visits, spend) = (counted.visits, counted.spend);
    let tier_id = super::tiers::of_customer(conn, customer_id)?;
    // A customer not yet placed (no visit since the rules) shows the
    // tier her visits give, the lowest for a new one.
    let tier = match tier_id.as_deref().and_then(|t| rules.tier(t)) {
        Some(t) => Some(t.clone()),
        None => rules.tier_for(visits, spend).cloned(),
    };
    let at = tier
        .as_ref()
        .and_then(|t| rules.tiers.iter().position(|x| x.id == t.id));
    let next = rules.tiers.get(at.map_or(0, |i| i + 1)).cloned();
    Ok(LoyaltyStatus {
        visits_to_next: next
            .as_ref()
            .and_then(|n| n.min_visits)
            .map(|v| v.saturating_sub(visits)),
        spend_to_next: next
            .as_ref()
            .and_then(|n| n.min_spend)
            .map(|s| (s - spend).max(0)),
        tier,
        next,
        visits_in_window: visits,
        spend_in_window: spend,
        points: ledger::points(conn, customer_id)?,
        stamps: ledger::stamps(conn, customer_id)?,
        stamp_goal: rules.stamps.goal,
        coupons: coupons::usable(conn, customer_id, today)?,
    })
}
