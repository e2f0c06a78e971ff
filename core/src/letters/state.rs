//! A letter's one honest state, the same on every screen: made (작성됨),
//! printed (인쇄함), waiting to be emailed (메일 대기), sent (보냄), failed
//! with why (실패), or of unknown fate (확인 필요).
//!
//! Only a letter that reached paper or a mailbox counts as gone: printed, or
//! its email delivered. A letter that was only made is not "sent" — not on
//! 오늘's mark, not in "already this year", not in the six-month view (which
//! reads her history, and a letter joins her history only when it is printed
//! or delivered).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::builtin::Occasion;
use super::store::Letter;
use crate::error::{Error, Result};
use crate::history::entries::{append, NewEntry};
use crate::history::model::{ContactChannel, Direction, HistoryKind};
use crate::outbox::mail::smtp::MailErrorCode;
use crate::store::rows::enum_from;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LetterState {
    /// Made, not yet printed nor handed to the mail.
    Made,
    Printed,
    /// In the outbox, waiting or on the wire.
    MailWaiting,
    Sent,
    /// The email failed; `Letter::error` says why.
    Failed,
    /// The connection broke while it was going: the owner decides.
    NeedsCheck,
}

/// The state from what is recorded. An email's own state comes first (it
/// is live, or needs the owner), then paper, then "made".
pub(crate) fn state_of(printed: bool, outbox: Option<&str>) -> LetterState {
    match outbox {
        Some("queued" | "sending") => LetterState::MailWaiting,
        Some("sent") => LetterState::Sent,
        Some("failed") => LetterState::Failed,
        Some("unknown") => LetterState::NeedsCheck,
        _ if printed => LetterState::Printed,
        _ => LetterState::Made,
    }
}

/// SQL true when the letter `l` reached paper or a mailbox.
pub const GONE: &str = "(l.printed_at IS NOT NULL OR EXISTS (SELECT 1 FROM outbox g
    WHERE g.letter_id = l.id AND g.status = 'sent'))";

/// One letter with its state.
pub(crate) fn get(conn: &Connection, id: i64) -> Result<Letter> {
    conn.query_row(
        "SELECT l.id, l.customer_id, c.name, l.occasion, l.channel, l.title, l.body,
                l.printed_at, o.status, o.error_code, o.sent_at, c.email
         FROM letters l JOIN customers c ON c.id = l.customer_id
         LEFT JOIN outbox o ON o.letter_id = l.id WHERE l.id = ?1",
        [id],
        |r| {
            let printed_at: Option<DateTime<Utc>> = r.get(7)?;
            let status: Option<String> = r.get(8)?;
            let error: Option<String> = r.get(9)?;
            let state = state_of(printed_at.is_some(), status.as_deref());
            Ok(Letter {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                occasion: enum_from(&r.get::<_, String>(3)?)?,
                channel: enum_from(&r.get::<_, String>(4)?)?,
                title: r.get(5)?,
                body: r.get(6)?,
                state,
                printed_at,
                sent_at: r.get(10)?,
                error: match (state, error) {
                    (LetterState::Failed | LetterState::NeedsCheck, Some(e)) => {
                        Some(enum_from::<MailErrorCode>(&e)?)
                    }
                    _ => None,
                },
                email: r.get(11)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::NotFound { what: "letter", id })
}

/// The owner printed these letters: each is marked printed (once; printing
/// again keeps the first time) and joins her history as a printed letter.
pub(crate) fn mark_printed(
    conn: &Connection,
    ids: &[i64],
    now: DateTime<Utc>,
) -> Result<Vec<Letter>> {
    let mut out = vec![];
    for &id in ids {
        let letter = get(conn, id)?;
        if letter.printed_at.is_none() {
            conn.execute(
                "UPDATE letters SET printed_at = ?2 WHERE id = ?1",
                params![id, now],
            )?;
            record_in_history(conn, id, ContactChannel::Letter, now)?;
        }
        out.push(get(conn, id)?);
    }
    Ok(out)
}

/// Writes a letter that has gone into her history (kind letter, printed or
/// emailed), unless it is there already. A letter made before this rule
/// (its entry written when made, with no channel) gets its channel now.
pub(crate) fn record_in_history(
    conn: &Connection,
    letter_id: i64,
    channel: ContactChannel,
    now: DateTime<Utc>,
) -> Result<i64> {
    let (customer_id, title, body, history_id): (i64, String, String, Option<i64>) = conn
        .query_row(
            "SELECT customer_id, title, body, history_id FROM letters WHERE id = ?1",
            [letter_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let chan = crate::store::rows::enum_str(&channel);
    if let Some(h) = history_id {
        conn.execute(
            "UPDATE history SET channel = ?2, direction = 'out', happened_at = ?3
             WHERE id = ?1 AND channel IS NULL",
            params![h, chan, now],
        )?;
        return Ok(h);
    }
    let entry = NewEntry {
        kind: Some(HistoryKind::Letter),
        channel: Some(channel),
        direction: Some(Direction::Out),
        summary: title,
        detail: body,
        ..Default::default()
    };
    let h = append(conn, customer_id, &entry, now)?;
    conn.execute(
        "UPDATE letters SET history_id = ?2 WHERE id = ?1",
        params![letter_id, h],
    )?;
    Ok(h)
}

/// A customer's letter for an occasion key, if one was made: its id,
/// whether it has gone, whether it is on its way by email, and whether the
/// owner changed its text by hand.
pub(crate) struct Existing {
    pub id: i64,
    pub gone: bool,
    pub in_flight: bool,
    pub edited: bool,
}

pub(crate) fn existing(conn: &Connection, customer_id: i64, key: &str) -> Result<Option<Existing>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT l.id, {GONE}, COALESCE(o.status IN ('queued', 'sending', 'unknown'), 0),
                        l.edited_at IS NOT NULL
                 FROM letters l LEFT JOIN outbox o ON o.letter_id = l.id
                 WHERE l.customer_id = ?1 AND l.occasion_key = ?2"
            ),
            params![customer_id, key],
            |r| {
                Ok(Existing {
                    id: r.get(0)?,
                    gone: r.get(1)?,
                    in_flight: r.get(2)?,
                    edited: r.get(3)?,
                })
            },
        )
        .optional()?)
}

/// Whether any letter has gone (the first-day checklist's last step).
pub(crate) fn any_gone(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM letters l WHERE {GONE})"),
        [],
        |r| r.get(0),
    )?)
}

/// Whether a letter to this customer for one of her days went out between
/// `from` and `until` (instants as stored) — for 오늘's mark: a batch
/// letter of the day's `occasion` (keyed `occasion:year`), or any letter
/// written for that very date (its key ends `:year:date_id`, matched by
/// `this_date`, whatever occasion the owner chose for it).
pub(crate) fn gone_between(
    conn: &Connection,
    customer_id: i64,
    occasion: Occasion,
    this_date: Option<&str>,
    from: &str,
    until: &str,
) -> Result<bool> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT EXISTS (SELECT 1 FROM letters l
            WHERE l.customer_id = ?1 AND l.created_at >= ?3 AND l.created_at < ?4
            AND ((l.occasion = ?2 AND l.occasion_key NOT LIKE '%:%:%') OR l.occasion_key LIKE ?5)
            AND {GONE})"
    ))?;
    let occasion = crate::store::rows::enum_str(&occasion);
    Ok(stmt.query_row(
        params![customer_id, occasion, from, until, this_date],
        |r| r.get(0),
    )?)
}
