//! Points and stamps as ledgers: every change is an entry with its reason,
//! a balance is the sum of its entries and never goes below zero.

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, Connection};

use crate::error::{Error, FieldError, FieldErrorCode, Result};

pub(crate) fn points(conn: &Connection, customer_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE customer_id = ?1",
        [customer_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn stamps(conn: &Connection, customer_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(delta), 0) FROM stamps_ledger WHERE customer_id = ?1",
        [customer_id],
        |r| r.get(0),
    )?)
}

/// Adds a points entry; refuses one that would leave the balance negative.
pub fn add_points(
    conn: &Connection,
    customer_id: i64,
    delta: i64,
    reason: &str,
    history_id: Option<i64>,
    expires_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<()> {
    if delta == 0 {
        return Ok(());
    }
    if delta < 0 && points(conn, customer_id)? + delta < 0 {
        return Err(Error::Validation(vec![FieldError::new(
            "points",
            FieldErrorCode::ExceedsBalance,
        )]));
    }
    conn.execute(
        "INSERT INTO points_ledger (customer_id, delta, reason, history_id, expires_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![customer_id, delta, reason, history_id, expires_on, now],
    )?;
    Ok(())
}

pub(crate) fn add_stamps(
    conn: &Connection,
    customer_id: i64,
    delta: i64,
    reason: &str,
    history_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    if delta == 0 {
        return Ok(());
    }
    if delta < 0 && stamps(conn, customer_id)? + delta < 0 {
        return Err(Error::Validation(vec![FieldError::new(
            "stamps",
            FieldErrorCode::ExceedsBalance,
        )]));
    }
    conn.execute(
        "INSERT INTO stamps_ledger (customer_id, delta, reason, history_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![customer_id, delta, reason, history_id, now],
    )?;
    Ok(())
}

/// When points earned today lapse under a rule of `months`.
pub(crate) fn expiry_for(today: NaiveDate, months: Option<u32>) -> Option<NaiveDate> {
    months.and_then(|m| today.checked_add_months(Months::new(m)))
}

/// Lapses points whose day has come. Spending uses the oldest points
/// first, so what lapses is what was earned by then, less everything
/// already spent or lapsed — never more than the balance. Returns the
/// points lapsed per customer.
pub(crate) fn expire_points(
    conn: &Connection,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT customer_id,
                SUM(CASE WHEN delta > 0 AND expires_on IS NOT NULL AND expires_on <= ?1 THEN delta ELSE 0 END),
                -SUM(CASE WHEN delta < 0 THEN delta ELSE 0 END),
                SUM(delta)
         FROM points_ledger GROUP BY customer_id",
    )?;
    let due: Vec<(i64, i64)> = stmt
        .query_map([today], |r| {
            let (id, lapsed_earned, used, balance): (i64, i64, i64, i64) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            Ok((id, (lapsed_earned - used).clamp(0, balance.max(0))))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .collect();
    for (id, n) in &due {
        add_points(conn, *id, -n, "expire", None, None, now)?;
    }
    Ok(due)
}
