//! Putting letters in the outbox: each once, only to customers with an
//! address, and advertising only to those who agreed to it.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::smtp::MailErrorCode;
use crate::error::{Error, Result};

/// Why a letter was not put in the outbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NotQueued {
    pub letter_id: i64,
    pub customer_name: String,
    pub reason: MailErrorCode,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct QueueReport {
    /// Mail is not set up (or its password is not in the keychain):
    /// nothing was queued; the owner sets it up first.
    pub mail_not_set_up: bool,
    pub queued: u32,
    /// Already waiting or sent: left as they are.
    pub already: u32,
    pub not_queued: Vec<NotQueued>,
}

/// A letter's customer: id, name, email, email consent, the occasion, and
/// whether the letter names a coupon.
type LetterFor = (i64, String, Option<String>, Option<String>, String, bool);

/// Puts letters in the outbox, each once: a letter waiting or sent is left
/// alone; a failed or cancelled one is queued again. Letters to customers
/// without an address, or advertising to those who have not agreed, stay
/// out, each with the reason. `advertising` decides from the occasion and
/// whether the letter names a coupon (`mail::law`).
pub fn queue(
    conn: &Connection,
    letter_ids: &[i64],
    advertising: impl Fn(&str, bool) -> bool,
    message_id: impl Fn() -> String,
    now: DateTime<Utc>,
) -> Result<QueueReport> {
    let mut report = QueueReport::default();
    for &id in letter_ids {
        let row: Option<LetterFor> = conn
            .query_row(
                "SELECT c.id, c.name, c.email, c.consent_email, l.occasion, l.with_coupon
                 FROM letters l JOIN customers c ON c.id = l.customer_id WHERE l.id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                },
            )
            .optional()?;
        let (customer_id, name, email, consent, occasion, with_coupon) =
            row.ok_or(Error::NotFound { what: "letter", id })?;
        let ad = advertising(&occasion, with_coupon);
        let reason = match (&email, ad && consent.is_none()) {
            (None, _) => Some(MailErrorCode::NoEmail),
            (Some(_), true) => Some(MailErrorCode::NoConsent),
            _ => None,
        };
        if let Some(reason) = reason {
            report.not_queued.push(NotQueued {
                letter_id: id,
                customer_name: name,
                reason,
            });
            continue;
        }
        let email = email.expect("checked above");
        let status: Option<String> = conn
            .query_row(
                "SELECT status FROM outbox WHERE letter_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        match status.as_deref() {
            None => {
                conn.execute(
                    "INSERT INTO outbox (letter_id, customer_id, to_address, advertising, status,
                        message_id, queued_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6, ?6)",
                    params![id, customer_id, email, ad, message_id(), now],
                )?;
            }
            Some("failed" | "cancelled") => {
                conn.execute(
                    "UPDATE outbox SET status = 'queued', to_address = ?2, advertising = ?3,
                        attempts = 0, error_code = NULL, error_detail = NULL, not_before = NULL,
                        queued_at = ?4, updated_at = ?4
                     WHERE letter_id = ?1",
                    params![id, email, ad, now],
                )?;
            }
            Some(_) => {
                report.already += 1;
                continue;
            }
        }
        conn.execute("UPDATE letters SET channel = 'email' WHERE id = ?1", [id])?;
        report.queued += 1;
    }
    Ok(report)
}
