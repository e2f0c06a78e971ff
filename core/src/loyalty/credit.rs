//! Points on a credit sale (외상) wait for the money, by the shop's rule
//! (`CreditPoints`, default `WhenPaid`): a sale earns points on what was
//! paid at the counter, and its unpaid part is written to `credit_points`;
//! each payment of 외상 settles what waits, oldest first, and earns its
//! points then (at her tier when she pays), in the same transaction as the
//! payment. So points are always earned on money received, once: the sum
//! of `credit_points` is what may still earn points, never below zero.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};

use super::ledger;
use super::rules::{CreditPoints, LoyaltyRules, PointsMode, Tier};
use crate::error::Result;

/// Whether this sale's unpaid part waits for its points under `rules`.
pub(crate) fn defers(rules: &LoyaltyRules) -> bool {
    rules.points.mode == PointsMode::Percent && rules.points.on_credit == CreditPoints::WhenPaid
}

/// The amount of a sale that earns points at the sale: what was paid, when
/// the rest waits for its money; else the whole of it.
pub(crate) fn basis_at_sale(rules: &LoyaltyRules, net: i64, owed: i64) -> i64 {
    if defers(rules) {
        net - owed
    } else {
        net
    }
}

/// Writes a credit sale's unpaid part as waiting for its points.
pub(crate) fn defer(
    conn: &Connection,
    customer_id: i64,
    history_id: i64,
    owed: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    if owed > 0 {
        conn.execute(
            "INSERT INTO credit_points (customer_id, history_id, delta, created_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![customer_id, history_id, owed, now],
        )?;
    }
    Ok(())
}

/// What may still earn points when it is paid.
pub(crate) fn waiting(conn: &Connection, customer_id: i64) -> Result<i64> {
    let n: i64 = conn.query_row(
        "SELECT COALESCE(SUM(delta), 0) FROM credit_points WHERE customer_id = ?1",
        [customer_id],
        |r| r.get(0),
    )?;
    Ok(n.max(0))
}

/// A payment of `paid` on her 외상 (entry `history_id`): settles what waits
/// for points, up to the payment, and earns those points now. Returns the
/// points earned. A payment of 외상 from before this rule, or of a sale
/// whose points were earned at once, earns nothing more.
#[allow(clippy::too_many_arguments)]
pub(crate) fn earn_on_payment(
    conn: &Connection,
    rules: &LoyaltyRules,
    tier: Option<&Tier>,
    customer_id: i64,
    paid: i64,
    history_id: i64,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64> {
    let settle = paid.min(waiting(conn, customer_id)?);
    if settle <= 0 {
        return Ok(0);
    }
    conn.execute(
        "INSERT INTO credit_points (customer_id, history_id, delta, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![customer_id, history_id, -settle, now],
    )?;
    // Points only in percent mode (a per-visit rule gave its points at the
    // visit); a shop that turned points off since earns none.
    let points = if rules.points.mode == PointsMode::Percent {
        rules.points_for(settle, tier)
    } else {
        0
    };
    let expiry = ledger::expiry_for(today, rules.points.expiry_months);
    ledger::add_points(
        conn,
        customer_id,
        points,
        "earn",
        Some(history_id),
        expiry,
        now,
    )?;
    Ok(points)
}
