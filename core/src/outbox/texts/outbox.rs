//! The texts' side of the shared outbox (rows with `channel = 'text'`).
//! As for email, each change of state is committed before the next step
//! on the wire: a text is 'sending' only while its request is out, and a
//! crash leaves it so, which the next start turns into 'unknown' — then
//! looked up at the provider by our reference, never re-sent blindly.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::alimtalk::AlimtalkSend;
use super::length::TextKind;
use super::provider::{Delivery, TextError};
use crate::error::Result;
use crate::history::entries::{append, NewEntry};
use crate::history::model::{ContactChannel, Direction, HistoryKind};
pub(crate) use crate::outbox::settle::{mark_failed, mark_unknown};
use crate::store::rows::{enum_from, enum_str};

/// A text the sender took.
#[derive(Debug, Clone)]
pub struct ClaimedText {
    pub id: i64,
    pub letter_id: i64,
    pub customer_id: i64,
    pub to: String,
    pub kind: TextKind,
    pub title: String,
    pub body: String,
    pub reference: String,
    pub advertising: bool,
    /// Whether she (still) agrees to advertising texts, and at night.
    pub consents: bool,
    pub night_consent: bool,
    pub queued_at: DateTime<Utc>,
    /// 알림톡 only: the template and its values.
    pub alimtalk: Option<AlimtalkSend>,
}

fn alimtalk_of(raw: Option<String>) -> rusqlite::Result<Option<AlimtalkSend>> {
    raw.map(|r| {
        serde_json::from_str(&r).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    })
    .transpose()
}

/// Takes the next text due and marks it 'sending'. An advertisement that
/// `hold` says must wait (the night) is put back with that time instead.
pub fn claim_next(
    conn: &Connection,
    now: DateTime<Utc>,
    hold: &dyn Fn(&ClaimedText) -> Option<DateTime<Utc>>,
) -> Result<Option<ClaimedText>> {
    loop {
        let found = conn
            .query_row(
                "SELECT o.id, o.letter_id, o.customer_id, o.to_address, o.text_kind, l.title,
                        o.text_body, o.message_id, o.advertising, c.consent_sms IS NOT NULL,
                        c.consent_sms_night IS NOT NULL, o.queued_at, o.alimtalk
                 FROM outbox o JOIN letters l ON l.id = o.letter_id
                      JOIN customers c ON c.id = o.customer_id
                 WHERE o.channel = 'text' AND o.status = 'queued'
                   AND (o.not_before IS NULL OR o.not_before <= ?1)
                 ORDER BY o.id LIMIT 1",
                [now],
                |r| {
                    Ok(ClaimedText {
                        id: r.get(0)?,
                        letter_id: r.get(1)?,
                        customer_id: r.get(2)?,
                        to: r.get(3)?,
                        kind: enum_from(&r.get::<_, String>(4)?)?,
                        title: r.get(5)?,
                        body: r.get(6)?,
                        reference: r.get(7)?,
                        advertising: r.get(8)?,
                        consents: r.get(9)?,
                        night_consent: r.get(10)?,
                        queued_at: r.get(11)?,
                        alimtalk: alimtalk_of(r.get(12)?)?,
                    })
                },
            )
            .optional()?;
        let Some(c) = found else { return Ok(None) };
        if let Some(until) = hold(&c) {
            conn.execute(
                "UPDATE outbox SET not_before = ?2, updated_at = ?3 WHERE id = ?1",
                params![c.id, until, now],
            )?;
            continue;
        }
        conn.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?2
             WHERE id = ?1",
            params![c.id, now],
        )?;
        return Ok(Some(c));
    }
}

/// The earliest time a waiting text may be tried.
/// Texts waiting, of unknown fate, or sent and still without a delivery
/// report: work for the sender.
pub(crate) fn has_work(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM outbox WHERE channel = 'text'
           AND (status IN ('queued', 'unknown') OR delivery = 'pending'))",
        [],
        |r| r.get(0),
    )?)
}

pub(crate) fn next_due(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    Ok(conn.query_row(
        "SELECT MIN(COALESCE(not_before, queued_at)) FROM outbox
         WHERE status = 'queued' AND channel = 'text'",
        [],
        |r| r.get(0),
    )?)
}

/// Taken by the provider: her history gets the text (kind letter, by
/// text or KakaoTalk), and its delivery report is awaited.
pub(crate) fn mark_sent(
    conn: &Connection,
    c: &ClaimedText,
    provider_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?2, provider_id = ?3, delivery = 'pending',
            error_code = NULL, error_detail = NULL, updated_at = ?2 WHERE id = ?1",
        params![c.id, now, provider_id],
    )?;
    let channel = match c.kind {
        TextKind::Alimtalk => ContactChannel::Kakao,
        _ => ContactChannel::Sms,
    };
    let made: Option<i64> = conn.query_row(
        "SELECT history_id FROM letters WHERE id = ?1",
        [c.letter_id],
        |r| r.get(0),
    )?;
    if let Some(h) = made {
        conn.execute(
            "UPDATE history SET channel = ?2, direction = 'out', happened_at = ?3, detail = ?4
             WHERE id = ?1",
            params![h, enum_str(&channel), now, c.body],
        )?;
        return Ok(());
    }
    let entry = NewEntry {
        kind: Some(HistoryKind::Letter),
        channel: Some(channel),
        direction: Some(Direction::Out),
        summary: c.title.clone(),
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

/// Back to waiting until `not_before`; `counted` false gives the try back
/// (a rate limit is the provider's pace, not this text's fault).
pub(crate) fn requeue(
    conn: &Connection,
    id: i64,
    e: &TextError,
    not_before: DateTime<Utc>,
    counted: bool,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET status = 'queued', error_code = ?2, error_detail = ?3, not_before = ?4,
            attempts = attempts - ?5, updated_at = ?6 WHERE id = ?1",
        params![
            id,
            enum_str(&e.code),
            e.detail,
            not_before,
            i64::from(!counted),
            now
        ],
    )?;
    Ok(())
}

pub(crate) fn attempts(conn: &Connection, id: i64) -> Result<u32> {
    Ok(
        conn.query_row("SELECT attempts FROM outbox WHERE id = ?1", [id], |r| {
            r.get(0)
        })?,
    )
}

/// The key, the sender number or the balance failed: every waiting text
/// fails with that reason (sent again once it is fixed).
pub(crate) fn fail_waiting(conn: &Connection, e: &TextError, now: DateTime<Utc>) -> Result<u32> {
    Ok(conn.execute(
        "UPDATE outbox SET status = 'failed', error_code = ?1, error_detail = ?2, updated_at = ?3
         WHERE status IN ('queued', 'sending') AND channel = 'text'",
        params![enum_str(&e.code), e.detail, now],
    )? as u32)
}

/// Failed texts back to waiting, except those no retry can help.
pub(crate) fn retry_failed(conn: &Connection, now: DateTime<Utc>) -> Result<u32> {
    Ok(conn.execute(
        "UPDATE outbox SET status = 'queued', attempts = 0, not_before = NULL, error_code = NULL,
            error_detail = NULL, updated_at = ?1
         WHERE status = 'failed' AND channel = 'text' AND COALESCE(error_code, '') NOT IN
            ('no_consent', 'invalid_number', 'no_mobile', 'too_long', 'ad_in_alimtalk', 'rejected')",
        [now],
    )? as u32)
}

/// A text of unknown fate: (id, to, reference, first queued).
pub type UnknownText = (i64, String, String, DateTime<Utc>);

/// Texts of unknown fate.
pub(crate) fn unknown(conn: &Connection) -> Result<Vec<UnknownText>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, to_address, message_id, queued_at FROM outbox
         WHERE status = 'unknown' AND channel = 'text' ORDER BY id",
    )?;
    let out = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// A text of unknown fate found at the provider: it went.
pub(crate) fn found_sent(
    conn: &Connection,
    id: i64,
    provider_id: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET status = 'sending' WHERE id = ?1 AND status = 'unknown'",
        [id],
    )?;
    let c = claimed_by_id(conn, id)?;
    mark_sent(conn, &c, provider_id, now)
}

fn claimed_by_id(conn: &Connection, id: i64) -> Result<ClaimedText> {
    Ok(conn.query_row(
        "SELECT o.id, o.letter_id, o.customer_id, o.to_address, o.text_kind, l.title,
                o.text_body, o.message_id, o.advertising, o.queued_at, o.alimtalk
         FROM outbox o JOIN letters l ON l.id = o.letter_id WHERE o.id = ?1",
        [id],
        |r| {
            Ok(ClaimedText {
                id: r.get(0)?,
                letter_id: r.get(1)?,
                customer_id: r.get(2)?,
                to: r.get(3)?,
                kind: enum_from(&r.get::<_, String>(4)?)?,
                title: r.get(5)?,
                body: r.get(6)?,
                reference: r.get(7)?,
                advertising: r.get(8)?,
                consents: true,
                night_consent: true,
                queued_at: r.get(9)?,
                alimtalk: alimtalk_of(r.get(10)?)?,
            })
        },
    )?)
}

/// Sent texts still waiting for their delivery report: (id, provider id).
pub(crate) fn awaiting_report(conn: &Connection, limit: u32) -> Result<Vec<(i64, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, provider_id FROM outbox
         WHERE delivery = 'pending' AND provider_id IS NOT NULL ORDER BY sent_at LIMIT ?1",
    )?;
    let out = stmt
        .query_map([limit], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

pub(crate) fn set_delivery(
    conn: &Connection,
    id: i64,
    d: &Delivery,
    detail: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE outbox SET delivery = ?2, delivery_detail = NULLIF(?3, ''), updated_at = ?4
         WHERE id = ?1",
        params![id, enum_str(d), detail, now],
    )?;
    Ok(())
}
