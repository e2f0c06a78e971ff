//! Settling one outbox row after a try, the same for mail and texts: it
//! failed (the owner is told why) or its fate is unknown (asked again
//! before anything is sent twice), with the error's code and detail.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::error::Result;
use crate::outbox::mail::smtp::MailError;
use crate::outbox::texts::provider::TextError;
use crate::store::rows::enum_str;

/// A channel's error as the outbox keeps it.
pub(crate) trait Failure {
    fn code(&self) -> String;
    fn detail(&self) -> &str;
}

fn code_of(code: &impl Serialize) -> String {
    enum_str(code)
}

impl Failure for MailError {
    fn code(&self) -> String {
        code_of(&self.code)
    }
    fn detail(&self) -> &str {
        &self.detail
    }
}

impl Failure for TextError {
    fn code(&self) -> String {
        code_of(&self.code)
    }
    fn detail(&self) -> &str {
        &self.detail
    }
}

fn set_state(
    conn: &Connection,
    id: i64,
    status: &str,
    e: &impl Failure,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET status = ?2, error_code = ?3, error_detail = ?4, updated_at = ?5
         WHERE id = ?1",
        params![id, status, e.code(), e.detail(), now],
    )?;
    Ok(())
}

pub(crate) fn mark_failed(
    conn: &Connection,
    id: i64,
    e: &impl Failure,
    now: DateTime<Utc>,
) -> Result<()> {
    set_state(conn, id, "failed", e, now)
}

pub(crate) fn mark_unknown(
    conn: &Connection,
    id: i64,
    e: &impl Failure,
    now: DateTime<Utc>,
) -> Result<()> {
    set_state(conn, id, "unknown", e, now)
}
