//! Taking the next letter due from the outbox, for the sender: marked
//! 'sending' in the caller's transaction before anything goes on the wire.
//! An advertisement the sender says must wait (the night, without night
//! consent) is put back with the time it may go instead.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Result;

/// A letter the sender took: everything needed to write the email.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: i64,
    pub letter_id: i64,
    pub customer_id: i64,
    pub to_name: String,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub advertising: bool,
    /// Whether she (still) agrees to advertising by email.
    pub consents: bool,
    /// Whether she agrees to advertising by email at night (21:00–08:00).
    pub night_consent: bool,
    pub message_id: String,
}

/// Takes the next letter due and marks it 'sending' (committed by the
/// caller before anything goes on the wire). An advertisement that `hold`
/// says must wait (the night) is put back with that time instead.
pub fn claim_next(
    conn: &Connection,
    now: DateTime<Utc>,
    hold: &dyn Fn(&Claimed) -> Option<DateTime<Utc>>,
) -> Result<Option<Claimed>> {
    loop {
        let Some(c) = claim_one(conn, now)? else {
            return Ok(None);
        };
        if let Some(until) = hold(&c) {
            conn.execute(
                "UPDATE outbox SET not_before = ?2, updated_at = ?3 WHERE id = ?1",
                params![c.id, until, now],
            )?;
            continue;
        }
        conn.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?2 WHERE id = ?1",
            params![c.id, now],
        )?;
        return Ok(Some(c));
    }
}

fn claim_one(conn: &Connection, now: DateTime<Utc>) -> Result<Option<Claimed>> {
    Ok(conn
        .query_row(
            "SELECT o.id, o.letter_id, o.customer_id, c.name, o.to_address, l.title, l.body,
                    o.advertising, c.consent_email IS NOT NULL, o.message_id,
                    c.consent_email_night IS NOT NULL
             FROM outbox o JOIN letters l ON l.id = o.letter_id JOIN customers c ON c.id = o.customer_id
             WHERE o.status = 'queued' AND o.channel = 'email' AND (o.not_before IS NULL OR o.not_before <= ?1)
             ORDER BY o.id LIMIT 1",
            [now],
            |r| {
                Ok(Claimed {
                    id: r.get(0)?,
                    letter_id: r.get(1)?,
                    customer_id: r.get(2)?,
                    to_name: r.get(3)?,
                    to_address: r.get(4)?,
                    subject: r.get(5)?,
                    body: r.get(6)?,
                    advertising: r.get(7)?,
                    consents: r.get(8)?,
                    message_id: r.get(9)?,
                    night_consent: r.get(10)?,
                })
            },
        )
        .optional()?)
}
