//! The consent records in SQLite, and the one place that changes a consent:
//! `apply` writes the record and the customer's current-state column
//! together, so the two never disagree. A customer being added is the one
//! exception, for speed (an import adds 100,000): her row and her records
//! are written with `NewCustomerConsents`, the same values `apply` would
//! write, in the same transaction.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::{
    wording, ConsentChannel, ConsentMethod, ConsentOverview, ConsentPurpose, ConsentRecord,
    ConsentScope, ConsentState, SCOPES,
};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::history::entries::{append, NewEntry};
use crate::history::model::HistoryKind;
use crate::people::customers::validate::ValidCustomer;
use crate::store::rows::{enum_from, enum_str};
use crate::store::settings::Language;

/// A consent given or withdrawn, as `apply` records it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Change<'a> {
    pub scope: ConsentScope,
    pub given: bool,
    pub method: ConsentMethod,
    pub note: &'a str,
}

/// The customers' column that holds a consent's current state (the date
/// given, NULL when not), for those the outboxes read.
fn column(scope: ConsentScope) -> Option<&'static str> {
    match (scope.purpose, scope.channel?, scope.night) {
        (ConsentPurpose::Marketing, ConsentChannel::Email, false) => Some("consent_email"),
        (ConsentPurpose::Marketing, ConsentChannel::Text, false) => Some("consent_sms"),
        (ConsentPurpose::Marketing, ConsentChannel::Post, false) => Some("consent_post"),
        (ConsentPurpose::Marketing, ConsentChannel::Email, true) => Some("consent_email_night"),
        (ConsentPurpose::Marketing, ConsentChannel::Text, true) => Some("consent_sms_night"),
        _ => None,
    }
}

fn invalid() -> Error {
    Error::Validation(vec![FieldError::new(
        "consent",
        FieldErrorCode::InvalidChoice,
    )])
}

/// Records a consent given or withdrawn and keeps her current state in
/// step. Withdrawing advertising on a channel withdraws its night consent
/// too; a night consent needs the day one. A withdrawal of what she never
/// gave records nothing. With `lang`, her history gets a note (visible in
/// her timeline). Returns whether anything was recorded.
pub(crate) fn apply(
    conn: &Connection,
    customer_id: i64,
    change: Change<'_>,
    now: DateTime<Utc>,
    lang: Option<Language>,
) -> Result<bool> {
    let scope = change.scope;
    if !scope.is_valid() {
        return Err(invalid());
    }
    let states = current(conn, customer_id)?;
    let is_given = |s: ConsentScope| states.iter().any(|(x, given)| *x == s && *given);
    if !change.given && !is_given(scope) {
        return Ok(false);
    }
    if change.given && scope.night && !is_given(scope.day()) {
        return Err(Error::Validation(vec![FieldError::new(
            "consent",
            FieldErrorCode::InvalidTransition,
        )]));
    }
    if !change.given
        && !scope.night
        && is_given(ConsentScope {
            night: true,
            ..scope
        })
    {
        let night = Change {
            scope: ConsentScope {
                night: true,
                ..scope
            },
            ..change
        };
        apply(conn, customer_id, night, now, lang)?;
    }
    conn.prepare_cached(
        "INSERT INTO consent_records (customer_id, purpose, channel, night, given, wording, method, at, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        customer_id,
        enum_str(&scope.purpose),
        scope.channel.map(|c| enum_str(&c)),
        scope.night,
        change.given,
        wording::CURRENT,
        enum_str(&change.method),
        now.to_rfc3339(),
        change.note.trim(),
    ])?;
    if let Some(col) = column(scope) {
        let date = change.given.then(|| now.date_naive().to_string());
        // Cached: an import records consents for every customer it adds.
        conn.prepare_cached(&format!(
            "UPDATE customers SET {col} = ?2, updated_at = ?3 WHERE id = ?1"
        ))?
        .execute(params![customer_id, date, now])?;
    }
    if let Some(lang) = lang {
        let what = wording::label(lang, &scope_key(scope));
        let summary = if change.given {
            let how = wording::label(lang, &format!("method.{}", enum_str(&change.method)));
            wording::say(lang, "note.given", &[("what", &what), ("how", &how)])
        } else {
            wording::say(lang, "note.withdrawn", &[("what", &what)])
        };
        let entry = NewEntry {
            kind: Some(HistoryKind::Note),
            summary,
            detail: change.note.trim().to_owned(),
            ..Default::default()
        };
        append(conn, customer_id, &entry, now)?;
    }
    Ok(true)
}

/// The consents of customers being added from the form or an import (they
/// had none before): their consent columns (`columns`) and their records
/// (`record`), what `apply` would write, without reading a row back or
/// writing it again. The statement is prepared and the day and names
/// written once, for all the customers of a bulk insert.
pub(crate) struct NewCustomerConsents<'c> {
    insert: rusqlite::CachedStatement<'c>,
    day: String,
    at: String,
    /// (channel's name, purpose, method) as stored.
    names: [String; 3],
    purpose: String,
    method: String,
}

impl<'c> NewCustomerConsents<'c> {
    pub(crate) fn new(conn: &'c Connection, now: DateTime<Utc>) -> Result<Self> {
        use ConsentChannel as Ch;
        let insert = conn.prepare_cached(
            "INSERT INTO consent_records (customer_id, purpose, channel, night, given, wording, method, at, note)
             VALUES (?1, ?2, ?3, 0, 1, ?4, ?5, ?6, '')",
        )?;
        let scope = ConsentScope::marketing(Ch::Email);
        Ok(Self {
            insert,
            day: now.date_naive().to_string(),
            at: now.to_rfc3339(),
            names: [Ch::Email, Ch::Text, Ch::Post].map(|c| enum_str(&c)),
            purpose: enum_str(&scope.purpose),
            method: enum_str(&ConsentMethod::Form),
        })
    }

    /// The consent columns (email, text, post) of `v`: the day of each
    /// consent ticked, as `apply` writes it.
    pub(crate) fn columns(&self, v: &ValidCustomer) -> [Option<&str>; 3] {
        [v.consent_email, v.consent_sms, v.consent_post]
            .map(|given| given.then_some(self.day.as_str()))
    }

    /// The records of the consents ticked for `v`, just inserted as `id`
    /// with `columns`.
    pub(crate) fn record(&mut self, id: i64, v: &ValidCustomer) -> Result<()> {
        let ticked = [v.consent_email, v.consent_sms, v.consent_post];
        for (channel, given) in self.names.iter().zip(ticked) {
            if given {
                self.insert.execute(params![
                    id,
                    self.purpose,
                    channel,
                    wording::CURRENT,
                    self.method,
                    self.at,
                ])?;
            }
        }
        Ok(())
    }
}

/// The form's advertising consents, where they differ from what she has,
/// recorded (`consent::records`): ticked "in the customer form", unticked
/// as withdrawn (her waiting advertising on that channel cancelled). With
/// `lang`, each change is noted in her history.
pub(crate) fn from_form(
    conn: &Connection,
    id: i64,
    v: &ValidCustomer,
    now: DateTime<Utc>,
    lang: Option<crate::store::settings::Language>,
) -> Result<()> {
    use ConsentChannel as Ch;
    let now_has: (bool, bool, bool) = conn
        .prepare_cached(
            "SELECT consent_email IS NOT NULL, consent_sms IS NOT NULL, consent_post IS NOT NULL
               FROM customers WHERE id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    for (channel, has, wants) in [
        (Ch::Email, now_has.0, v.consent_email),
        (Ch::Text, now_has.1, v.consent_sms),
        (Ch::Post, now_has.2, v.consent_post),
    ] {
        if has == wants {
            continue;
        }
        let change = Change {
            scope: ConsentScope::marketing(channel),
            given: wants,
            method: if wants {
                ConsentMethod::Form
            } else {
                ConsentMethod::Request
            },
            note: "",
        };
        apply(conn, id, change, now, lang)?;
        if !wants {
            cancel_waiting_ads(conn, id, channel, now)?;
        }
    }
    Ok(())
}

/// The locale key of a consent's name: `scope.marketing.text.night`.
pub(crate) fn scope_key(s: ConsentScope) -> String {
    let mut key = format!("scope.{}", enum_str(&s.purpose));
    if let Some(c) = s.channel {
        key.push('.');
        key.push_str(&enum_str(&c));
    }
    if s.night {
        key.push_str(".night");
    }
    key
}

/// Each scope that has records, with whether it stands given now.
fn current(conn: &Connection, customer_id: i64) -> Result<Vec<(ConsentScope, bool)>> {
    let mut out: Vec<(ConsentScope, bool)> = vec![];
    for r in list(conn, customer_id)? {
        if !out.iter().any(|(s, _)| *s == r.scope) {
            out.push((r.scope, r.given));
        }
    }
    Ok(out)
}

/// Every record of hers, newest first.
pub fn list(conn: &Connection, customer_id: i64) -> Result<Vec<ConsentRecord>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, purpose, channel, night, given, wording, method, at, note
           FROM consent_records WHERE customer_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([customer_id], |r| {
            let channel: Option<String> = r.get(2)?;
            Ok(ConsentRecord {
                id: r.get(0)?,
                scope: ConsentScope {
                    purpose: enum_from(&r.get::<_, String>(1)?)?,
                    channel: channel.as_deref().map(enum_from).transpose()?,
                    night: r.get(3)?,
                },
                given: r.get(4)?,
                wording: r.get(5)?,
                method: enum_from(&r.get::<_, String>(6)?)?,
                at: r.get(7)?,
                note: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Her consents as the customer screen shows them.
pub(crate) fn overview(conn: &Connection, customer_id: i64) -> Result<ConsentOverview> {
    let records = list(conn, customer_id)?;
    let states = SCOPES
        .iter()
        .map(|&scope| {
            let last = records.iter().find(|r| r.scope == scope).cloned();
            ConsentState {
                scope,
                given: last.as_ref().is_some_and(|r| r.given),
                last,
            }
        })
        .collect();
    Ok(ConsentOverview {
        states,
        records,
        current_wording: wording::CURRENT.to_owned(),
    })
}

/// Advertising on this channel that waits for her will not go (she
/// withdrew): cancelled, with the channel's own "no consent" reason.
pub(crate) fn cancel_waiting_ads(
    conn: &Connection,
    customer_id: i64,
    channel: ConsentChannel,
    now: DateTime<Utc>,
) -> Result<()> {
    let (outbox_channel, code) = match channel {
        ConsentChannel::Email => (
            "email",
            enum_str(&crate::outbox::mail::smtp::MailErrorCode::NoConsent),
        ),
        ConsentChannel::Text => (
            "text",
            enum_str(&crate::outbox::texts::provider::TextErrorCode::NoConsent),
        ),
        ConsentChannel::Post => return Ok(()),
    };
    conn.prepare_cached(
        "UPDATE outbox SET status = 'cancelled', error_code = ?3, updated_at = ?4
         WHERE customer_id = ?1 AND advertising = 1 AND channel = ?2
           AND status IN ('queued', 'failed', 'unknown')",
    )?
    .execute(params![customer_id, outbox_channel, code, now])?;
    Ok(())
}
