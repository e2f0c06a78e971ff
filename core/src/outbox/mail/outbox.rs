//! The outbox in SQLite: letters waiting, going, gone, failed or of unknown
//! fate. Each change of state is committed before the next step on the
//! wire, so a crash can only leave a letter 'sending', which the next start
//! turns into 'unknown': the owner decides, nothing is sent twice by itself.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::smtp::{MailError, MailErrorCode};
use crate::error::{Error, Result};
pub(crate) use crate::outbox::settle::{mark_failed, mark_unknown};

pub use super::claim::{claim_next, Claimed};
pub use super::queue::{queue, NotQueued, QueueReport};
use crate::history::entries::{append, NewEntry};
use crate::history::model::{ContactChannel, Direction, HistoryKind};
use crate::store::rows::{enum_from, enum_str};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutboxStatus {
    Queued,
    Sending,
    Sent,
    Failed,
    Unknown,
    Cancelled,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OutboxItem {
    pub id: i64,
    pub letter_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub to_address: String,
    pub subject: String,
    pub advertising: bool,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub error: Option<MailErrorCode>,
    pub error_detail: Option<String>,
    pub queued_at: String,
    pub sent_at: Option<String>,
    /// Email, or a text (SMS/LMS/알림톡: `text_kind`).
    pub channel: OutboxChannel,
    pub text_kind: Option<crate::outbox::texts::length::TextKind>,
    /// Why a text failed or is unknown (`error` is for email).
    pub text_error: Option<crate::outbox::texts::provider::TextErrorCode>,
    /// Waiting until then (a retry, or an advertisement held for the night).
    pub not_before: Option<String>,
    /// A sent text's delivery report, and the carrier's words on failure.
    pub delivery: Option<crate::outbox::texts::provider::Delivery>,
    pub delivery_detail: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutboxChannel {
    Email,
    Text,
}

/// Counts by state, for the progress bar.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct OutboxCounts {
    pub queued: u32,
    pub sending: u32,
    pub sent: u32,
    pub failed: u32,
    pub unknown: u32,
    pub cancelled: u32,
}

/// The earliest time a waiting letter may be tried (after a 4xx).
pub(crate) fn next_due(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    Ok(conn.query_row(
        "SELECT MIN(COALESCE(not_before, queued_at)) FROM outbox WHERE status = 'queued' AND channel = 'email'",
        [],
        |r| r.get(0),
    )?)
}

/// Sent: recorded in her history (kind letter, by email) with its text.
pub(crate) fn mark_sent(
    conn: &Connection,
    c: &Claimed,
    subject: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?2, error_code = NULL, error_detail = NULL,
            updated_at = ?2 WHERE id = ?1",
        params![c.id, now],
    )?;
    // The letter joined her history when it was made (printed letters do);
    // that entry now says it went by email, and when. Else it joins now.
    let made: Option<i64> = conn.query_row(
        "SELECT history_id FROM letters WHERE id = ?1",
        [c.letter_id],
        |r| r.get(0),
    )?;
    if let Some(h) = made {
        conn.execute(
            "UPDATE history SET channel = 'email', direction = 'out', happened_at = ?2,
                summary = ?3, detail = ?4 WHERE id = ?1",
            params![h, now, subject, c.body],
        )?;
        return Ok(());
    }
    let entry = NewEntry {
        kind: Some(HistoryKind::Letter),
        channel: Some(ContactChannel::Email),
        direction: Some(Direction::Out),
        summary: subject.to_string(),
        detail: c.body.clone(),
        ..Default::default()
    };
    let history_id = append(conn, c.customer_id, &entry, now)?;
    conn.execute(
        "UPDATE letters SET history_id = ?2 WHERE id = ?1",
        params![c.letter_id, history_id],
    )?;
    Ok(())
}

/// Back to waiting, not before `not_before` (a 4xx, or the connection
/// failed before the data ended: it was not sent).
pub(crate) fn requeue(
    conn: &Connection,
    id: i64,
    e: &MailError,
    not_before: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET status = 'queued', error_code = ?2, error_detail = ?3, not_before = ?4,
            updated_at = ?5 WHERE id = ?1",
        params![id, enum_str(&e.code), e.detail, not_before, now],
    )?;
    Ok(())
}

/// When the server cannot be reached or refuses the login, every waiting
/// letter fails with that reason (to be retried once settings are fixed).
pub(crate) fn fail_waiting(conn: &Connection, e: &MailError, now: DateTime<Utc>) -> Result<u32> {
    Ok(conn.execute(
        "UPDATE outbox SET status = 'failed', error_code = ?1, error_detail = ?2, updated_at = ?3
         WHERE status IN ('queued', 'sending') AND channel = 'email'",
        params![enum_str(&e.code), e.detail, now],
    )? as u32)
}

/// At start: a letter left 'sending' was on the wire when the app stopped.
pub(crate) fn recover_after_crash(conn: &Connection, now: DateTime<Utc>) -> Result<u32> {
    Ok(conn.execute(
        "UPDATE outbox SET status = 'unknown', error_code = 'dropped',
            error_detail = 'the app stopped while this letter was being sent', updated_at = ?1
         WHERE status = 'sending'",
        [now],
    )? as u32)
}

/// The owner's decisions: send failed letters again; for a letter of
/// unknown fate, send it again anyway or take it as sent; or cancel.
pub(crate) fn decide(
    conn: &Connection,
    id: i64,
    action: Decision,
    now: DateTime<Utc>,
) -> Result<()> {
    let (from, sql): (&[&str], &str) = match action {
        Decision::Retry => (&["failed", "unknown"], "UPDATE outbox SET status = 'queued', attempts = 0, not_before = NULL, error_code = NULL, error_detail = NULL, updated_at = ?2 WHERE id = ?1"),
        Decision::Cancel => (&["queued", "failed", "unknown"], "UPDATE outbox SET status = 'cancelled', updated_at = ?2 WHERE id = ?1"),
        Decision::TakeAsSent => (&["unknown"], "UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2 WHERE id = ?1"),
    };
    let status: String = conn
        .query_row("SELECT status FROM outbox WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(Error::NotFound {
            what: "outbox letter",
            id,
        })?;
    if !from.contains(&status.as_str()) {
        return Err(Error::Validation(vec![crate::error::FieldError::new(
            "status",
            crate::error::FieldErrorCode::InvalidTransition,
        )]));
    }
    conn.execute(sql, params![id, now])?;
    if action == Decision::TakeAsSent {
        // Taken as delivered: it joins her history as an emailed letter.
        let letter_id: i64 =
            conn.query_row("SELECT letter_id FROM outbox WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        crate::letters::state::record_in_history(conn, letter_id, ContactChannel::Email, now)?;
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Decision {
    Retry,
    Cancel,
    TakeAsSent,
}

/// How many letters went out since `since` (for the provider's pace).
pub(crate) fn sent_since(conn: &Connection, since: DateTime<Utc>) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM outbox WHERE sent_at >= ?1 AND channel = 'email'",
        [since],
        |r| r.get(0),
    )?)
}

/// The `n`-th most recent send time (to know when the pace allows more).
pub(crate) fn nth_latest_sent(conn: &Connection, n: u32) -> Result<Option<DateTime<Utc>>> {
    Ok(conn
        .query_row(
            "SELECT sent_at FROM outbox WHERE sent_at IS NOT NULL AND channel = 'email' ORDER BY sent_at DESC LIMIT 1 OFFSET ?1",
            [n.saturating_sub(1)],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn counts(conn: &Connection) -> Result<OutboxCounts> {
    let mut c = OutboxCounts::default();
    let mut stmt = conn.prepare_cached("SELECT status, COUNT(*) FROM outbox GROUP BY status")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))?;
    for row in rows {
        let (s, n) = row?;
        match s.as_str() {
            "queued" => c.queued = n,
            "sending" => c.sending = n,
            "sent" => c.sent = n,
            "failed" => c.failed = n,
            "unknown" => c.unknown = n,
            _ => c.cancelled = n,
        }
    }
    Ok(c)
}

/// The outbox, those needing attention first, then newest first.
pub fn list(conn: &Connection, limit: u32) -> Result<Vec<OutboxItem>> {
    let mut stmt = conn.prepare_cached(
        "SELECT o.id, o.letter_id, o.customer_id, c.name, o.to_address, l.title, o.advertising,
                o.status, o.attempts, o.error_code, o.error_detail, o.queued_at, o.sent_at,
                o.channel, o.text_kind, o.not_before, o.delivery, o.delivery_detail
         FROM outbox o JOIN letters l ON l.id = o.letter_id JOIN customers c ON c.id = o.customer_id
         ORDER BY CASE o.status WHEN 'unknown' THEN 0 WHEN 'failed' THEN 1 WHEN 'sending' THEN 2
                  WHEN 'queued' THEN 3 ELSE 4 END, o.updated_at DESC, o.id DESC
         LIMIT ?1",
    )?;
    let out = stmt
        .query_map([limit], |r| {
            let channel: OutboxChannel = enum_from(&r.get::<_, String>(13)?)?;
            let code: Option<String> = r.get(9)?;
            let (error, text_error) = match (channel, code) {
                (_, None) => (None, None),
                (OutboxChannel::Email, Some(c)) => (Some(enum_from(&c)?), None),
                (OutboxChannel::Text, Some(c)) => (None, Some(enum_from(&c)?)),
            };
            Ok(OutboxItem {
                id: r.get(0)?,
                letter_id: r.get(1)?,
                customer_id: r.get(2)?,
                customer_name: r.get(3)?,
                to_address: r.get(4)?,
                subject: r.get(5)?,
                advertising: r.get(6)?,
                status: enum_from(&r.get::<_, String>(7)?)?,
                attempts: r.get(8)?,
                error,
                error_detail: r.get(10)?,
                queued_at: r.get(11)?,
                sent_at: r.get(12)?,
                channel,
                text_kind: r
                    .get::<_, Option<String>>(14)?
                    .map(|s| enum_from(&s))
                    .transpose()?,
                text_error,
                not_before: r.get(15)?,
                delivery: r
                    .get::<_, Option<String>>(16)?
                    .map(|s| enum_from(&s))
                    .transpose()?,
                delivery_detail: r.get(17)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Failed letters a retry can help: not those to a wrong address or
/// without consent (fixing the mail settings changes nothing for them).
const RETRIABLE: &str = "status = 'failed' AND channel = 'email'
    AND COALESCE(error_code, '') NOT IN ('no_consent', 'rejected', 'invalid_address')";

/// Every failed letter back to waiting (after the settings were fixed).
/// Letters of unknown fate are not among them: each needs the owner's say.
pub(crate) fn retry_failed(conn: &Connection, now: DateTime<Utc>) -> Result<u32> {
    Ok(conn.execute(
        &format!(
            "UPDATE outbox SET status = 'queued', attempts = 0, not_before = NULL, error_code = NULL,
                error_detail = NULL, updated_at = ?1 WHERE {RETRIABLE}"
        ),
        [now],
    )? as u32)
}

/// How many failed letters a retry can help (offered "지금 보내기" where
/// the owner fixes the mail settings).
pub(crate) fn retriable(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row(
        &format!("SELECT COUNT(*) FROM outbox WHERE {RETRIABLE}"),
        [],
        |r| r.get(0),
    )?)
}
