//! Sales, payments, contacts and notes: appended to a customer's history,
//! with the balance owed kept as the sum of each entry's `owed_delta`.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::model::*;
use super::money::parse_amount;
use super::terms;
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::people::customers::model::StaffRef;
use crate::store::rows::{check_staff, done, ensure_customer, enum_from, enum_str, text_field};
use crate::store::settings::Country;

/// An entry ready to be written.
#[derive(Debug, Default)]
pub(crate) struct NewEntry {
    pub kind: Option<HistoryKind>,
    pub staff_id: Option<i64>,
    pub amount: i64,
    pub owed_delta: i64,
    pub channel: Option<ContactChannel>,
    pub direction: Option<Direction>,
    pub summary: String,
    pub detail: String,
    pub complaint_id: Option<i64>,
}

fn kind_str(k: HistoryKind) -> &'static str {
    match k {
        HistoryKind::Sale => "sale",
        HistoryKind::Payment => "payment",
        HistoryKind::Contact => "contact",
        HistoryKind::Complaint => "complaint",
        HistoryKind::Followup => "followup",
        HistoryKind::Note => "note",
        HistoryKind::Loyalty => "loyalty",
        HistoryKind::Letter => "letter",
    }
}

/// Appends `e` and indexes its text for keyword search.
pub(crate) fn append(
    conn: &Connection,
    customer_id: i64,
    e: &NewEntry,
    now: DateTime<Utc>,
) -> Result<i64> {
    let kind = e.kind.expect("entry kind");
    conn.execute(
        "INSERT INTO history (customer_id, kind, happened_at, staff_id, amount, owed_delta,
             channel, direction, summary, detail, complaint_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?3)",
        params![
            customer_id,
            kind_str(kind),
            now,
            e.staff_id,
            e.amount,
            e.owed_delta,
            e.channel.as_ref().map(enum_str),
            e.direction.as_ref().map(enum_str),
            e.summary,
            e.detail,
            e.complaint_id,
        ],
    )?;
    let id = conn.last_insert_rowid();
    let text = terms::index_terms(&format!("{} {}", e.summary, e.detail));
    if !text.is_empty() {
        conn.execute(
            "INSERT INTO history_fts (rowid, terms) VALUES (?1, ?2)",
            params![id, text],
        )?;
    }
    Ok(id)
}

pub(crate) fn balance(conn: &Connection, customer_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(owed_delta), 0) FROM history WHERE customer_id = ?1",
        [customer_id],
        |r| r.get(0),
    )?)
}

/// Checks and writes a sale; returns the entry's id.
/// A sale in numbers, checked: what it came to and what was paid now.
pub(crate) struct Sale {
    pub amount: i64,
    pub paid: i64,
    pub items: String,
    pub staff_id: Option<i64>,
}

/// What the sale form says, read: the amount as typed (before any
/// discount), what was paid now if it is 외상 (`None`: all of it), and
/// the items cleaned.
pub(crate) struct TypedSale {
    pub amount: i64,
    pub paid_now: Option<i64>,
    pub items: String,
}

/// Reads the sale form once: every problem of it at once, or its numbers.
pub(crate) fn check_sale(
    conn: &Connection,
    customer_id: i64,
    input: &SaleInput,
    country: Country,
) -> Result<TypedSale> {
    ensure_customer(conn, customer_id)?;
    let mut errors = vec![];
    let amount = parse_amount(&input.amount, country);
    if amount.is_none() {
        let code = if input.amount.trim().is_empty() {
            FieldErrorCode::Required
        } else {
            FieldErrorCode::InvalidAmount
        };
        errors.push(FieldError::new("amount", code));
    }
    let paid_now = if !input.credit {
        None
    } else if input.paid_now.trim().is_empty() {
        Some(0)
    } else {
        let paid = parse_amount(&input.paid_now, country);
        if paid.is_none() {
            errors.push(FieldError::new("paid_now", FieldErrorCode::InvalidAmount));
        }
        Some(paid.unwrap_or(0))
    };
    if let (Some(a), Some(p)) = (amount, paid_now) {
        if p > a {
            errors.push(FieldError::new("paid_now", FieldErrorCode::ExceedsBalance));
        }
    }
    let items = text_field(&input.items, "items", false, &mut errors);
    check_staff(conn, input.staff_id, &mut errors)?;
    done(errors)?;
    Ok(TypedSale {
        amount: amount.unwrap_or(0),
        paid_now,
        items,
    })
}

/// Appends a checked sale to her history.
pub(crate) fn append_sale(
    conn: &Connection,
    customer_id: i64,
    sale: &Sale,
    now: DateTime<Utc>,
) -> Result<i64> {
    let entry = NewEntry {
        kind: Some(HistoryKind::Sale),
        staff_id: sale.staff_id,
        amount: sale.amount,
        owed_delta: sale.amount - sale.paid,
        summary: sale.items.clone(),
        ..Default::default()
    };
    append(conn, customer_id, &entry, now)
}

/// A sale written into her history only, without the shop's rules (the
/// sample shop and fixtures that need sales at given times; the app
/// records a sale with `sale::record`).
pub fn record_sale(
    conn: &Connection,
    customer_id: i64,
    input: &SaleInput,
    country: Country,
    now: DateTime<Utc>,
) -> Result<i64> {
    let typed = check_sale(conn, customer_id, input, country)?;
    let sale = Sale {
        amount: typed.amount,
        paid: typed.paid_now.unwrap_or(typed.amount),
        items: typed.items,
        staff_id: input.staff_id,
    };
    append_sale(conn, customer_id, &sale, now)
}

pub(crate) fn record_payment(
    conn: &Connection,
    customer_id: i64,
    input: &PaymentInput,
    country: Country,
    now: DateTime<Utc>,
) -> Result<i64> {
    ensure_customer(conn, customer_id)?;
    let mut errors = vec![];
    let owed = balance(conn, customer_id)?;
    match parse_amount(&input.amount, country) {
        None if input.amount.trim().is_empty() => {
            errors.push(FieldError::new("amount", FieldErrorCode::Required))
        }
        None | Some(0) => errors.push(FieldError::new("amount", FieldErrorCode::InvalidAmount)),
        Some(a) if a > owed => {
            errors.push(FieldError::new("amount", FieldErrorCode::ExceedsBalance))
        }
        Some(_) => {}
    }
    let memo = text_field(&input.memo, "memo", false, &mut errors);
    check_staff(conn, input.staff_id, &mut errors)?;
    done(errors)?;
    let amount = parse_amount(&input.amount, country).unwrap_or(0);
    let entry = NewEntry {
        kind: Some(HistoryKind::Payment),
        staff_id: input.staff_id,
        amount,
        owed_delta: -amount,
        summary: memo,
        ..Default::default()
    };
    append(conn, customer_id, &entry, now)
}

pub fn log_contact(
    conn: &Connection,
    customer_id: i64,
    input: &ContactInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    ensure_customer(conn, customer_id)?;
    let mut errors = vec![];
    let inquiry = text_field(&input.inquiry, "inquiry", true, &mut errors);
    let answer = text_field(&input.answer, "answer", true, &mut errors);
    if inquiry.is_empty() && answer.is_empty() {
        errors.push(FieldError::new("inquiry", FieldErrorCode::Required));
    }
    check_staff(conn, input.staff_id, &mut errors)?;
    done(errors)?;
    let entry = NewEntry {
        kind: Some(HistoryKind::Contact),
        staff_id: input.staff_id,
        channel: Some(input.channel),
        direction: Some(input.direction),
        summary: inquiry,
        detail: answer,
        ..Default::default()
    };
    append(conn, customer_id, &entry, now)
}

pub(crate) fn add_note(
    conn: &Connection,
    customer_id: i64,
    text: &str,
    staff_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    ensure_customer(conn, customer_id)?;
    let mut errors = vec![];
    let text = text_field(text, "text", true, &mut errors);
    if text.is_empty() {
        errors.push(FieldError::new("text", FieldErrorCode::Required));
    }
    check_staff(conn, staff_id, &mut errors)?;
    done(errors)?;
    let entry = NewEntry {
        kind: Some(HistoryKind::Note),
        staff_id,
        summary: text,
        ..Default::default()
    };
    append(conn, customer_id, &entry, now)
}

const ENTRY_COLUMNS: &str = "h.id, h.customer_id, h.kind, h.happened_at, s.id, s.name, h.amount,
    h.owed_delta, h.channel, h.direction, h.summary, h.detail, h.complaint_id, h.created_at,
    h.edited_at";

pub(crate) fn staff_ref(id: Option<i64>, name: Option<String>) -> Option<StaffRef> {
    Some(StaffRef {
        id: id?,
        name: name?,
    })
}

fn entry_row(r: &Row<'_>) -> rusqlite::Result<HistoryEntry> {
    let channel: Option<String> = r.get(8)?;
    let direction: Option<String> = r.get(9)?;
    Ok(HistoryEntry {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        kind: enum_from(&r.get::<_, String>(2)?)?,
        happened_at: r.get(3)?,
        staff: staff_ref(r.get(4)?, r.get(5)?),
        amount: r.get(6)?,
        owed_delta: r.get(7)?,
        channel: channel.as_deref().map(enum_from).transpose()?,
        direction: direction.as_deref().map(enum_from).transpose()?,
        summary: r.get(10)?,
        detail: r.get(11)?,
        complaint_id: r.get(12)?,
        created_at: r.get(13)?,
        edited_at: r.get(14)?,
    })
}

pub(crate) fn timeline(conn: &Connection, q: &TimelineQuery) -> Result<TimelinePage> {
    ensure_customer(conn, q.customer_id)?;
    let kinds: Vec<&str> = q.kinds.iter().map(|k| kind_str(*k)).collect();
    let kinds_json = serde_json::to_string(&kinds).expect("kinds");
    let filter =
        "h.customer_id = ?1 AND (?2 = '[]' OR h.kind IN (SELECT value FROM json_each(?2)))";
    let total: u32 = conn.query_row(
        &format!("SELECT COUNT(*) FROM history h WHERE {filter}"),
        params![q.customer_id, kinds_json],
        |r| r.get(0),
    )?;
    let limit = q.limit.clamp(1, 500);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM history h LEFT JOIN staff s ON s.id = h.staff_id
         WHERE {filter} ORDER BY h.happened_at DESC, h.id DESC LIMIT ?3 OFFSET ?4"
    ))?;
    let entries = stmt
        .query_map(
            params![q.customer_id, kinds_json, limit, q.offset],
            entry_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(TimelinePage { total, entries })
}

pub(crate) fn get_entry(conn: &Connection, id: i64) -> Result<HistoryEntry> {
    conn.query_row(
        &format!("SELECT {ENTRY_COLUMNS} FROM history h LEFT JOIN staff s ON s.id = h.staff_id WHERE h.id = ?1"),
        [id],
        entry_row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "history entry", id })
}

/// Corrects the text of a contact or a note (a typo, a better answer); the
/// entry keeps when it happened and now also who edited it and when.
/// Money entries are never edited: a correction is a new entry.
pub(crate) fn edit_text(
    conn: &Connection,
    id: i64,
    summary: &str,
    detail: &str,
    staff_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    let entry = get_entry(conn, id)?;
    let mut errors = vec![];
    if !matches!(entry.kind, HistoryKind::Contact | HistoryKind::Note) {
        errors.push(FieldError::new("kind", FieldErrorCode::InvalidTransition));
    }
    let summary = text_field(summary, "summary", true, &mut errors);
    let detail = text_field(detail, "detail", true, &mut errors);
    if summary.is_empty() && detail.is_empty() {
        errors.push(FieldError::new("summary", FieldErrorCode::Required));
    }
    check_staff(conn, staff_id, &mut errors)?;
    done(errors)?;
    conn.execute(
        "UPDATE history SET summary = ?2, detail = ?3, edited_at = ?4, edited_by = ?5 WHERE id = ?1",
        params![id, summary, detail, now, staff_id],
    )?;
    conn.execute("DELETE FROM history_fts WHERE rowid = ?1", [id])?;
    let text = terms::index_terms(&format!("{summary} {detail}"));
    if !text.is_empty() {
        conn.execute(
            "INSERT INTO history_fts (rowid, terms) VALUES (?1, ?2)",
            params![id, text],
        )?;
    }
    Ok(())
}
