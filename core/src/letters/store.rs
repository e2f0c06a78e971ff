//! Templates the owner edited, and letters made: rendered for each
//! customer, kept with their text and channel in her history, and never
//! made twice for the same occasion (a birthday in a year) by accident.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::builtin::{self, Occasion};
use super::state::{self, LetterState};
use super::template::{self, LetterValues, TemplateProblem, TemplateProblemCode};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::outbox::mail::smtp::MailErrorCode;
use crate::store::rows::enum_str;
use crate::store::settings::Language;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LetterTemplate {
    pub occasion: Occasion,
    pub language: Language,
    pub title: String,
    pub body: String,
    pub advertising: bool,
    /// False while it is the built-in text.
    pub edited: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Channel {
    Print,
    Email,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Letter {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub occasion: Occasion,
    /// How it was meant to go when made (email once it was handed to mail).
    pub channel: Channel,
    pub title: String,
    pub body: String,
    pub state: LetterState,
    pub printed_at: Option<DateTime<Utc>>,
    /// When its email went, as the outbox recorded it.
    pub sent_at: Option<DateTime<Utc>>,
    /// Why its email failed or is of unknown fate.
    pub error: Option<MailErrorCode>,
    /// Her email address now (none: it can only be printed).
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct MadeLetters {
    /// New letters, and letters made before that have not gone yet (made
    /// afresh from the template unless their text was changed by hand).
    pub made: Vec<Letter>,
    /// Letters for this occasion key that have gone already (printed or
    /// delivered): left as they are.
    pub already: Vec<Letter>,
}

pub(crate) fn template(
    conn: &Connection,
    occasion: Occasion,
    language: Language,
) -> Result<LetterTemplate> {
    let lang = enum_str(&language);
    let edited: Option<(String, String, bool)> = conn
        .query_row(
            "SELECT title, body, advertising FROM letter_templates WHERE occasion = ?1 AND language = ?2",
            params![enum_str(&occasion), lang],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(match edited {
        Some((title, body, advertising)) => LetterTemplate {
            occasion,
            language,
            title,
            body,
            advertising,
            edited: true,
        },
        None => {
            let (title, body) = builtin::text(occasion, language);
            LetterTemplate {
                occasion,
                language,
                title,
                body,
                advertising: occasion.advertising(),
                edited: false,
            }
        }
    })
}

/// Saves an edited template after checking both its title and body.
pub(crate) fn save_template(
    conn: &Connection,
    t: &LetterTemplate,
    now: DateTime<Utc>,
) -> Result<()> {
    let problems: Vec<FieldError> = [("title", &t.title), ("body", &t.body)]
        .iter()
        .filter_map(|(field, text)| {
            let found = template::check(text);
            let code = if found.iter().any(|p| p.code == TemplateProblemCode::TooLong) {
                FieldErrorCode::TooLong
            } else if !found.is_empty() || text.trim().is_empty() {
                FieldErrorCode::InvalidChoice
            } else {
                return None;
            };
            Some(FieldError::new(*field, code))
        })
        .collect();
    if !problems.is_empty() {
        return Err(Error::Validation(problems));
    }
    conn.execute(
        "INSERT INTO letter_templates (occasion, language, title, body, advertising, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (occasion, language) DO UPDATE SET title = excluded.title,
            body = excluded.body, advertising = excluded.advertising, updated_at = excluded.updated_at",
        params![enum_str(&t.occasion), enum_str(&t.language), t.title, t.body, t.advertising, now],
    )?;
    Ok(())
}

/// One customer a letter is made for.
pub struct LetterFor {
    pub customer_id: i64,
    pub name: String,
    pub values: LetterValues,
    /// The family day it is about: its letter is made once a year for that
    /// day (two children's birthdays are two letters).
    pub date_id: Option<i64>,
}

/// Renders `template` for each of `customers` (with their values) and keeps
/// each letter under `occasion_key` (e.g. `birthday:2026`, or
/// `child_birthday:2026:12` for the recorded day 12: two children's
/// birthdays are two letters), once: a letter that has gone stays as it
/// was (`already`); one made before that has not gone is made afresh from
/// the template (unless the owner changed its text by hand, or it is on its
/// way by email) and comes back in `made`. Problems in the template stop
/// everything. Nothing joins her history here: a letter does when it is
/// printed or delivered (`state`). A letter whose text names a coupon is
/// marked so (in Korea that makes it advertising: `mail::law`).
pub(crate) fn make(
    conn: &Connection,
    tmpl: &LetterTemplate,
    occasion_key: &str,
    channel: Channel,
    customers: &[LetterFor],
    now: DateTime<Utc>,
) -> Result<MadeLetters> {
    let bad = |p: Vec<TemplateProblem>| {
        Error::Validation(
            p.iter()
                .map(|_| FieldError::new("body", FieldErrorCode::InvalidChoice))
                .collect(),
        )
    };
    let values: Vec<LetterValues> = customers.iter().map(|c| c.values.clone()).collect();
    let names_coupon =
        template::used_keys(&format!("{} {}", tmpl.title, tmpl.body)).contains(&"coupon");
    let titles = template::render_all(&tmpl.title, &values, false).map_err(bad)?;
    let bodies = template::render_all(&tmpl.body, &values, false).map_err(bad)?;
    let mut out = MadeLetters {
        made: vec![],
        already: vec![],
    };
    for (i, c) in customers.iter().enumerate() {
        let id = c.customer_id;
        let key = match c.date_id {
            Some(d) => format!("{occasion_key}:{d}"),
            None => occasion_key.to_string(),
        };
        let with_coupon = names_coupon && !c.values.coupon.trim().is_empty();
        match state::existing(conn, id, &key)? {
            Some(e) if e.gone => out.already.push(state::get(conn, e.id)?),
            Some(e) => {
                if !e.edited && !e.in_flight {
                    conn.execute(
                        "UPDATE letters SET title = ?2, body = ?3, with_coupon = ?4 WHERE id = ?1",
                        params![e.id, titles[i], bodies[i], with_coupon],
                    )?;
                }
                out.made.push(state::get(conn, e.id)?);
            }
            None => {
                conn.execute(
                    "INSERT INTO letters (customer_id, occasion, occasion_key, channel, title, body, created_at, with_coupon)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![id, enum_str(&tmpl.occasion), key, enum_str(&channel), titles[i], bodies[i], now, with_coupon],
                )?;
                out.made.push(state::get(conn, conn.last_insert_rowid())?);
            }
        }
    }
    Ok(out)
}

/// Changes a made letter's text before it goes (her history keeps the
/// final text). Returns the letter.
pub(crate) fn edit(
    conn: &Connection,
    id: i64,
    title: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<Letter> {
    if title.trim().is_empty() || body.trim().is_empty() {
        let field = if title.trim().is_empty() {
            "title"
        } else {
            "body"
        };
        return Err(Error::Validation(vec![FieldError::new(
            field,
            FieldErrorCode::Required,
        )]));
    }
    let found: Option<(i64, Option<i64>)> = conn
        .query_row(
            "SELECT customer_id, history_id FROM letters WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((_, history_id)) = found else {
        return Err(Error::NotFound { what: "letter", id });
    };
    let gone: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM outbox WHERE letter_id = ?1 AND status IN ('sending', 'sent'))",
        [id],
        |r| r.get(0),
    )?;
    if gone {
        // Emailed already: the text she received stays what it was.
        return Err(Error::Validation(vec![FieldError::new(
            "body",
            FieldErrorCode::InvalidTransition,
        )]));
    }
    conn.execute(
        "UPDATE letters SET title = ?2, body = ?3, edited_at = ?4 WHERE id = ?1",
        params![id, title, body, now],
    )?;
    if let Some(h) = history_id {
        conn.execute(
            "UPDATE history SET summary = ?2, detail = ?3, edited_at = ?4 WHERE id = ?1",
            params![h, title, body, now],
        )?;
        conn.execute("DELETE FROM history_fts WHERE rowid = ?1", [h])?;
        let terms = crate::letters::terms_for(&format!("{title} {body}"));
        if !terms.is_empty() {
            conn.execute(
                "INSERT INTO history_fts (rowid, terms) VALUES (?1, ?2)",
                params![h, terms],
            )?;
        }
    }
    state::get(conn, id)
}
