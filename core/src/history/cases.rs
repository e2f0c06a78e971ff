//! Complaints as cases (open → in progress → resolved) and follow-ups with a
//! due date; and the two views built on them: a customer's story and the
//! shop's agenda for today.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::entries::{self, append, staff_ref, NewEntry};
use super::model::*;
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::store::rows::{check_staff, done, ensure_customer, enum_from, enum_str, text_field};

/// A due date as the date picker sends it (`2026-12-01`) or typed with dots.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    ["%Y-%m-%d", "%Y.%m.%d", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
}

const COMPLAINT_COLUMNS: &str = "k.id, k.customer_id, c.name, k.category, k.description, k.status,
    k.resolution, k.compensation, k.opened_on, k.resolved_on, s.id, s.name";
const COMPLAINT_FROM: &str = "complaints k JOIN customers c ON c.id = k.customer_id
    LEFT JOIN staff s ON s.id = k.staff_id";

fn complaint_row(r: &Row<'_>) -> rusqlite::Result<Complaint> {
    Ok(Complaint {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_name: r.get(2)?,
        category: enum_from(&r.get::<_, String>(3)?)?,
        description: r.get(4)?,
        status: enum_from(&r.get::<_, String>(5)?)?,
        resolution: r.get(6)?,
        compensation: r.get(7)?,
        opened_on: r.get(8)?,
        resolved_on: r.get(9)?,
        staff: staff_ref(r.get(10)?, r.get(11)?),
    })
}

pub(crate) fn get_complaint(conn: &Connection, id: i64) -> Result<Complaint> {
    conn.query_row(
        &format!("SELECT {COMPLAINT_COLUMNS} FROM {COMPLAINT_FROM} WHERE k.id = ?1"),
        [id],
        complaint_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "complaint",
        id,
    })
}

pub fn open_complaint(
    conn: &Connection,
    customer_id: i64,
    input: &ComplaintInput,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64> {
    ensure_customer(conn, customer_id)?;
    let mut errors = vec![];
    let description = text_field(&input.description, "description", true, &mut errors);
    if description.is_empty() {
        errors.push(FieldError::new("description", FieldErrorCode::Required));
    }
    check_staff(conn, input.staff_id, &mut errors)?;
    done(errors)?;
    conn.execute(
        "INSERT INTO complaints (customer_id, category, description, opened_on, staff_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![customer_id, enum_str(&input.category), description, today, input.staff_id, now],
    )?;
    let id = conn.last_insert_rowid();
    let entry = NewEntry {
        kind: Some(HistoryKind::Complaint),
        staff_id: input.staff_id,
        summary: description,
        complaint_id: Some(id),
        ..Default::default()
    };
    append(conn, customer_id, &entry, now)?;
    Ok(id)
}

/// Moves a complaint on. Resolving needs the resolution written down; a
/// resolved complaint stays resolved (a new problem is a new complaint).
pub fn update_complaint(
    conn: &Connection,
    id: i64,
    u: &ComplaintUpdate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Complaint> {
    let before = get_complaint(conn, id)?;
    let mut errors = vec![];
    if before.status == ComplaintStatus::Resolved && u.status != ComplaintStatus::Resolved {
        errors.push(FieldError::new("status", FieldErrorCode::InvalidTransition));
    }
    let resolution = text_field(&u.resolution, "resolution", true, &mut errors);
    let compensation = text_field(&u.compensation, "compensation", false, &mut errors);
    if u.status == ComplaintStatus::Resolved && resolution.is_empty() {
        errors.push(FieldError::new("resolution", FieldErrorCode::Required));
    }
    check_staff(conn, u.staff_id, &mut errors)?;
    done(errors)?;
    let resolved_on = match (before.resolved_on, u.status) {
        (Some(d), _) => Some(d),
        (None, ComplaintStatus::Resolved) => Some(today),
        (None, _) => None,
    };
    conn.execute(
        "UPDATE complaints SET status = ?2, resolution = ?3, compensation = ?4, resolved_on = ?5,
             updated_at = ?6 WHERE id = ?1",
        params![
            id,
            enum_str(&u.status),
            resolution,
            compensation,
            resolved_on,
            now
        ],
    )?;
    if u.status != before.status
        || resolution != before.resolution
        || compensation != before.compensation
    {
        let detail = [resolution.as_str(), compensation.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        let entry = NewEntry {
            kind: Some(HistoryKind::Complaint),
            staff_id: u.staff_id,
            summary: before.description.clone(),
            detail,
            complaint_id: Some(id),
            ..Default::default()
        };
        append(conn, before.customer_id, &entry, now)?;
    }
    get_complaint(conn, id)
}

const FOLLOWUP_COLUMNS: &str = "f.id, f.customer_id, c.name,
    (SELECT national FROM customer_phones p WHERE p.customer_id = f.customer_id ORDER BY position LIMIT 1),
    f.due, f.reason, f.origin, f.done_at, s.id, s.name";
const FOLLOWUP_FROM: &str = "followups f JOIN customers c ON c.id = f.customer_id
    LEFT JOIN staff s ON s.id = f.staff_id";

fn followup_row(r: &Row<'_>) -> rusqlite::Result<Followup> {
    Ok(Followup {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        customer_name: r.get(2)?,
        customer_phone: r.get(3)?,
        due: r.get(4)?,
        reason: r.get(5)?,
        origin: enum_from(&r.get::<_, String>(6)?)?,
        done_at: r.get(7)?,
        staff: staff_ref(r.get(8)?, r.get(9)?),
    })
}

pub(crate) fn get_followup(conn: &Connection, id: i64) -> Result<Followup> {
    conn.query_row(
        &format!("SELECT {FOLLOWUP_COLUMNS} FROM {FOLLOWUP_FROM} WHERE f.id = ?1"),
        [id],
        followup_row,
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "follow-up",
        id,
    })
}

/// A follow-up ready to be written.
pub(crate) struct NewFollowup<'a> {
    pub customer_id: i64,
    pub due: NaiveDate,
    pub reason: &'a str,
    pub origin: FollowupOrigin,
    pub history_id: Option<i64>,
    pub staff_id: Option<i64>,
}

pub(crate) fn insert_followup(
    conn: &Connection,
    f: &NewFollowup<'_>,
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO followups (customer_id, due, reason, origin, history_id, staff_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            f.customer_id,
            f.due,
            f.reason,
            enum_str(&f.origin),
            f.history_id,
            f.staff_id,
            now
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The post-sale call `days` after a sale (none when `days` is 0); an
/// earlier one still pending moves to the new date.
pub(crate) fn schedule_after_sale(
    conn: &Connection,
    customer_id: i64,
    sale_id: i64,
    days: u32,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    if days == 0 {
        return Ok(None);
    }
    let due = today
        .checked_add_days(Days::new(days.into()))
        .unwrap_or(today);
    let staff: Option<i64> = conn.query_row(
        "SELECT staff_id FROM history WHERE id = ?1",
        [sale_id],
        |r| r.get(0),
    )?;
    // One post-sale call pending per customer: a regular who comes every
    // day gets one call after her latest purchase, not one per coffee.
    let pending: Option<i64> = conn
        .query_row(
            "SELECT id FROM followups WHERE customer_id = ?1 AND origin = 'sale' AND done_at IS NULL",
            [customer_id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = pending {
        conn.execute(
            "UPDATE followups SET due = ?2, history_id = ?3, staff_id = COALESCE(?4, staff_id)
             WHERE id = ?1",
            params![id, due, sale_id, staff],
        )?;
        return Ok(Some(id));
    }
    let f = NewFollowup {
        customer_id,
        due,
        reason: "",
        origin: FollowupOrigin::Sale,
        history_id: Some(sale_id),
        staff_id: staff,
    };
    insert_followup(conn, &f, now).map(Some)
}

pub(crate) fn add_followup(
    conn: &Connection,
    customer_id: i64,
    input: &FollowupInput,
    origin: FollowupOrigin,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64> {
    ensure_customer(conn, customer_id)?;
    let mut errors = vec![];
    let due = match parse_date(&input.due) {
        Some(d) if d < today => {
            errors.push(FieldError::new("due", FieldErrorCode::InvalidDate));
            None
        }
        Some(d) => Some(d),
        None => {
            let code = if input.due.trim().is_empty() {
                FieldErrorCode::Required
            } else {
                FieldErrorCode::InvalidDate
            };
            errors.push(FieldError::new("due", code));
            None
        }
    };
    let reason = text_field(&input.reason, "reason", false, &mut errors);
    check_staff(conn, input.staff_id, &mut errors)?;
    done(errors)?;
    let f = NewFollowup {
        customer_id,
        due: due.unwrap_or(today),
        reason: &reason,
        origin,
        history_id: None,
        staff_id: input.staff_id,
    };
    insert_followup(conn, &f, now)
}

/// Marks a follow-up done and notes it in the customer's history.
pub(crate) fn complete_followup(
    conn: &Connection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Followup> {
    let f = get_followup(conn, id)?;
    if f.done_at.is_none() {
        conn.execute(
            "UPDATE followups SET done_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        let entry = NewEntry {
            kind: Some(HistoryKind::Followup),
            staff_id: f.staff.as_ref().map(|s| s.id),
            summary: f.reason.clone(),
            ..Default::default()
        };
        append(conn, f.customer_id, &entry, now)?;
    }
    get_followup(conn, id)
}

pub(crate) fn reschedule_followup(conn: &Connection, id: i64, due: NaiveDate) -> Result<Followup> {
    get_followup(conn, id)?;
    conn.execute(
        "UPDATE followups SET due = ?2 WHERE id = ?1 AND done_at IS NULL",
        params![id, due],
    )?;
    get_followup(conn, id)
}

pub(crate) fn story(
    conn: &Connection,
    customer_id: i64,
    zone: &dyn crate::store::clock::Clock,
) -> Result<CustomerStory> {
    ensure_customer(conn, customer_id)?;
    // A visit is a day with a purchase (history::visits), as in reports.
    let all = super::visits::of_customer(conn, customer_id, None, zone)?;
    let (visits, total_spent, last_visit) = (all.visits, all.spend, all.last);
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COMPLAINT_COLUMNS} FROM {COMPLAINT_FROM}
         WHERE k.customer_id = ?1 AND k.status <> 'resolved' ORDER BY k.opened_on, k.id"
    ))?;
    let open_complaints = stmt
        .query_map([customer_id], complaint_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {FOLLOWUP_COLUMNS} FROM {FOLLOWUP_FROM}
         WHERE f.customer_id = ?1 AND f.done_at IS NULL ORDER BY f.due, f.id"
    ))?;
    let followups = stmt
        .query_map([customer_id], followup_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(CustomerStory {
        balance_owed: entries::balance(conn, customer_id)?,
        visits,
        total_spent,
        last_visit,
        open_complaints,
        followups,
    })
}

/// What needs doing today: follow-ups due (overdue first) and open
/// complaints, optionally only those of one staff member.
pub(crate) fn agenda(conn: &Connection, today: NaiveDate, staff_id: Option<i64>) -> Result<Agenda> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {FOLLOWUP_COLUMNS} FROM {FOLLOWUP_FROM}
         WHERE f.done_at IS NULL AND f.due <= ?1 AND (?2 IS NULL OR f.staff_id = ?2 OR c.staff_id = ?2)
         ORDER BY f.due, f.id LIMIT 500"
    ))?;
    let followups = stmt
        .query_map(params![today, staff_id], followup_row)?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COMPLAINT_COLUMNS} FROM {COMPLAINT_FROM}
         WHERE k.status <> 'resolved' AND (?1 IS NULL OR k.staff_id = ?1 OR c.staff_id = ?1)
         ORDER BY k.opened_on, k.id LIMIT 500"
    ))?;
    let open_complaints = stmt
        .query_map(params![staff_id], complaint_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Agenda {
        today,
        followups,
        open_complaints,
    })
}
