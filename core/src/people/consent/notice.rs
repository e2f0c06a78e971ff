//! Telling a customer, every two years, that and when she agreed to be
//! contacted (what Korean law asks of a shop; not asking again).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;

/// A customer whose consent is old enough to ask again (two years in Korea).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConsentDue {
    pub customer_id: i64,
    pub name: String,
    /// The oldest consent date among email, SMS and post.
    pub given_on: String,
}

/// The day of her oldest consent to be contacted (email, text or post),
/// as `YYYY-MM-DD`; `None` when she gave none.
pub(crate) fn earliest_given(conn: &Connection, customer_id: i64) -> Result<Option<String>> {
    let given: Option<String> = conn.query_row(
        "SELECT MIN(COALESCE(consent_email, '9'), COALESCE(consent_sms, '9'), COALESCE(consent_post, '9'))
         FROM customers WHERE id = ?1",
        [customer_id],
        |r| r.get(0),
    )?;
    let given: String = given.unwrap_or_default().chars().take(10).collect();
    Ok((given != "9" && !given.is_empty()).then_some(given))
}

pub(crate) fn mark_notified(conn: &Connection, customer_id: i64, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE customers SET consent_notified_at = ?2 WHERE id = ?1",
        params![customer_id, now],
    )?;
    Ok(())
}

/// Those whose oldest consent is on or before `cutoff` and who were not
/// told since.
pub fn due(conn: &Connection, cutoff: NaiveDate) -> Result<Vec<ConsentDue>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, MIN(COALESCE(consent_email, '9'), COALESCE(consent_sms, '9'), COALESCE(consent_post, '9')) AS given
         FROM customers
         WHERE given <= ?1 AND (consent_notified_at IS NULL OR substr(consent_notified_at, 1, 10) <= ?1)
         ORDER BY given, id",
    )?;
    let out = stmt
        .query_map([cutoff.to_string()], |r| {
            Ok(ConsentDue {
                customer_id: r.get(0)?,
                name: r.get(1)?,
                given_on: r.get::<_, String>(2)?.chars().take(10).collect(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
