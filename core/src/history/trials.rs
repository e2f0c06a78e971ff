//! New-product trials: a product given to chosen customers (by hand or a
//! whole tier), each one's feedback (text and/or a 1–5 rating), and who has
//! not answered yet. Giving and answering are written to her timeline as
//! loyalty entries, so they show there and are keyword-searchable.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::history::entries::{append, NewEntry};
use crate::people::customers::phone;
use crate::store::rows::{done, ensure_customer, text_field};
use crate::store::settings::{Country, Language};
use crate::HistoryKind;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TrialInput {
    pub product: String,
    pub note: String,
    /// The day it starts; today when not given.
    pub started_on: Option<NaiveDate>,
}

/// A trial with how many got the product and how many answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Trial {
    pub id: i64,
    pub product: String,
    pub note: String,
    pub started_on: NaiveDate,
    pub created_at: DateTime<Utc>,
    pub given: u32,
    pub answered: u32,
}

/// One customer in one trial: who, when she got it, what she said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Participation {
    pub trial_id: i64,
    pub product: String,
    pub customer_id: i64,
    pub name: String,
    pub phone: Option<String>,
    pub given_on: NaiveDate,
    pub feedback: String,
    pub rating: Option<u8>,
    /// `None` while she has given no feedback.
    pub feedback_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FeedbackInput {
    pub feedback: String,
    /// 1–5, or none.
    pub rating: Option<u8>,
}

fn labels(lang: Language) -> (String, String) {
    let say = |key| super::WORDS.say(lang, key);
    (say("trial.title"), say("trial.feedback"))
}

const TRIAL_COLUMNS: &str = "t.id, t.product, t.note, t.started_on, t.created_at,
    (SELECT COUNT(*) FROM trial_participants p WHERE p.trial_id = t.id),
    (SELECT COUNT(*) FROM trial_participants p WHERE p.trial_id = t.id AND p.feedback_on IS NOT NULL)";

fn trial_row(r: &Row<'_>) -> rusqlite::Result<Trial> {
    Ok(Trial {
        id: r.get(0)?,
        product: r.get(1)?,
        note: r.get(2)?,
        started_on: r.get(3)?,
        created_at: r.get(4)?,
        given: r.get(5)?,
        answered: r.get(6)?,
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Trial> {
    conn.query_row(
        &format!("SELECT {TRIAL_COLUMNS} FROM trials t WHERE t.id = ?1"),
        [id],
        trial_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "trial", id })
}

/// Newest first.
pub fn list(conn: &Connection) -> Result<Vec<Trial>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {TRIAL_COLUMNS} FROM trials t ORDER BY t.started_on DESC, t.id DESC"
    ))?;
    let out = stmt
        .query_map([], trial_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

pub(crate) fn create(
    conn: &Connection,
    input: &TrialInput,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Trial> {
    let mut errors = vec![];
    let product = text_field(&input.product, "product", false, &mut errors);
    if product.is_empty() {
        errors.push(FieldError::new("product", FieldErrorCode::Required));
    }
    let note = text_field(&input.note, "note", true, &mut errors);
    done(errors)?;
    conn.execute(
        "INSERT INTO trials (product, note, started_on, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![product, note, input.started_on.unwrap_or(today), now],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// Gives the trial's product to these customers; those who already have
/// it are skipped. Returns how many were added.
pub(crate) fn give(
    conn: &Connection,
    trial_id: i64,
    customer_ids: &[i64],
    lang: Language,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<u32> {
    let trial = get(conn, trial_id)?;
    let mut added = 0;
    for &id in customer_ids {
        ensure_customer(conn, id)?;
        let n = conn.execute(
            "INSERT OR IGNORE INTO trial_participants (trial_id, customer_id, given_on)
             VALUES (?1, ?2, ?3)",
            params![trial_id, id, today],
        )?;
        if n == 0 {
            continue;
        }
        added += 1;
        let entry = NewEntry {
            kind: Some(HistoryKind::Loyalty),
            // The note stays on the trial: under an entry the timeline
            // reads `detail` as what was said.
            summary: format!("{}: {}", labels(lang).0, trial.product),
            ..Default::default()
        };
        append(conn, id, &entry, now)?;
    }
    Ok(added)
}

/// The ids of a tier's customers.
pub(crate) fn tier_members(conn: &Connection, tier_id: &str) -> Result<Vec<i64>> {
    let ids = conn
        .prepare_cached("SELECT id FROM customers WHERE tier = ?1 ORDER BY id")?
        .query_map([tier_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// Records (or corrects) her feedback; text, a rating or both, never none.
pub(crate) fn record_feedback(
    conn: &Connection,
    trial_id: i64,
    customer_id: i64,
    input: &FeedbackInput,
    lang: Language,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut errors = vec![];
    let feedback = text_field(&input.feedback, "feedback", true, &mut errors);
    match input.rating {
        Some(r) if !(1..=5).contains(&r) => {
            errors.push(FieldError::new("rating", FieldErrorCode::InvalidChoice))
        }
        None if feedback.is_empty() => {
            errors.push(FieldError::new("feedback", FieldErrorCode::Required))
        }
        _ => {}
    }
    done(errors)?;
    let trial = get(conn, trial_id)?;
    let n = conn.execute(
        "UPDATE trial_participants SET feedback = ?3, rating = ?4, feedback_on = ?5
         WHERE trial_id = ?1 AND customer_id = ?2",
        params![trial_id, customer_id, feedback, input.rating, today],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "trial participant",
            id: customer_id,
        });
    }
    let rating = input
        .rating
        .map(|r| format!(" ({r}/5)"))
        .unwrap_or_default();
    let entry = NewEntry {
        kind: Some(HistoryKind::Loyalty),
        summary: format!("{}: {}{rating}", labels(lang).1, trial.product),
        detail: feedback,
        ..Default::default()
    };
    append(conn, customer_id, &entry, now)?;
    Ok(())
}

const PART_SELECT: &str = "SELECT p.trial_id, t.product, p.customer_id, c.name,
        ph.region, ph.national, ph.international,
        p.given_on, p.feedback, p.rating, p.feedback_on
    FROM trial_participants p
    JOIN trials t ON t.id = p.trial_id
    JOIN customers c ON c.id = p.customer_id
    LEFT JOIN customer_phones ph ON ph.customer_id = c.id
        AND ph.position = (SELECT MIN(position) FROM customer_phones WHERE customer_id = c.id)";

fn part_row(country: Country) -> impl Fn(&Row<'_>) -> rusqlite::Result<Participation> {
    move |r| {
        let region: Option<String> = r.get(4)?;
        let phone = match region {
            Some(region) => {
                let (national, international): (String, String) = (r.get(5)?, r.get(6)?);
                Some(phone::display(&region, &national, &international, country).to_string())
            }
            None => None,
        };
        Ok(Participation {
            trial_id: r.get(0)?,
            product: r.get(1)?,
            customer_id: r.get(2)?,
            name: r.get(3)?,
            phone,
            given_on: r.get(7)?,
            feedback: r.get(8)?,
            rating: r.get(9)?,
            feedback_on: r.get(10)?,
        })
    }
}

/// A trial's participants by name; `pending_only`: those with no feedback.
pub(crate) fn participants(
    conn: &Connection,
    trial_id: i64,
    pending_only: bool,
    country: Country,
) -> Result<Vec<Participation>> {
    get(conn, trial_id)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{PART_SELECT} WHERE p.trial_id = ?1 AND (?2 = 0 OR p.feedback_on IS NULL)
         ORDER BY c.name, c.id"
    ))?;
    let out = stmt
        .query_map(params![trial_id, pending_only], part_row(country))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Her trials, newest first.
pub(crate) fn of_customer(
    conn: &Connection,
    customer_id: i64,
    country: Country,
) -> Result<Vec<Participation>> {
    ensure_customer(conn, customer_id)?;
    let mut stmt = conn.prepare_cached(&format!(
        "{PART_SELECT} WHERE p.customer_id = ?1 ORDER BY p.given_on DESC, p.trial_id DESC"
    ))?;
    let out = stmt
        .query_map([customer_id], part_row(country))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}
