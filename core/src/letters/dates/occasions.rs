//! Important dates (hers and her family's), and the days coming up: today, the
//! next 7 or 30 days, or a window the app was closed for (catch-up), with
//! lunar dates put on the solar calendar of the year they fall in.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::letters::builtin::Occasion;
use crate::store::rows::{ensure_customer, enum_from, enum_str};

pub use super::age::{AgeCounting, AgeName};
pub use super::day_letter::letter_occasion;
use super::day_letter::Day;
pub use super::family::{add_member, members, update_member, FamilyMember, Relation};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OccasionKind {
    Birthday,
    Wedding,
    Graduation,
    Memorial,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DateInput {
    /// None: the customer's own day.
    pub member_id: Option<i64>,
    pub kind: OccasionKind,
    pub label: String,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub lunar: bool,
    /// A lunar leap month (윤달).
    pub leap: bool,
    /// How its milestone birthdays are counted; none: the traditional way.
    #[serde(default)]
    #[ts(optional)]
    pub age_counting: Option<AgeCounting>,
}

/// One of a customer's important dates, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportantDate {
    pub id: i64,
    pub member_id: Option<i64>,
    pub member_name: Option<String>,
    pub kind: OccasionKind,
    pub label: String,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub lunar: bool,
    pub leap: bool,
    pub age_counting: Option<AgeCounting>,
    /// Where it falls next (today or later).
    pub next: Option<NaiveDate>,
}

/// A day coming up (or missed while the app was closed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Upcoming {
    pub date_id: Option<i64>,
    pub customer_id: i64,
    pub customer_name: String,
    pub member_name: Option<String>,
    pub relation: Option<Relation>,
    pub kind: OccasionKind,
    pub label: String,
    /// The solar day it falls on.
    pub on: NaiveDate,
    pub lunar: bool,
    /// Years since the year given (만 age, years married), when known; for
    /// a lunar day, counted in lunar years.
    pub years: Option<i32>,
    /// A milestone birthday (환갑, 칠순…), by the date's counting.
    pub age_name: Option<AgeName>,
    /// An elder's birthday (생신): a parent's or grandparent's, or 60 and over.
    pub elder: bool,
    /// The letter for this day, chosen by whose day it is.
    pub letter: Option<Occasion>,
    /// Whether this year's letter for it was printed or delivered (set by
    /// `letters::for_day::mark_gone`).
    pub letter_sent: bool,
}

/// Adds an important date after checking it exists (a solar 30 February
/// does not; a lunar day up to 30 does).
pub(crate) fn add_date(
    conn: &Connection,
    customer_id: i64,
    d: &DateInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    ensure_customer(conn, customer_id)?;
    check_date(conn, customer_id, d)?;
    conn.execute(
        "INSERT INTO important_dates (customer_id, member_id, kind, label, year, month, day, lunar, leap, age_counting, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![customer_id, d.member_id, enum_str(&d.kind), crate::store::text::clean_line(&d.label), d.year, d.month, d.day, d.lunar, d.leap, d.age_counting.map(|c| enum_str(&c)), now],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Corrects an important date (whose, what, the day), with the same checks
/// as adding one. Letters already made for it stay as they were.
pub(crate) fn update_date(conn: &Connection, id: i64, d: &DateInput) -> Result<()> {
    let customer_id: i64 = conn
        .query_row(
            "SELECT customer_id FROM important_dates WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::NotFound { what: "date", id })?;
    check_date(conn, customer_id, d)?;
    conn.execute(
        "UPDATE important_dates SET member_id = ?2, kind = ?3, label = ?4, year = ?5, month = ?6,
         day = ?7, lunar = ?8, leap = ?9, age_counting = ?10 WHERE id = ?1",
        params![
            id,
            d.member_id,
            enum_str(&d.kind),
            crate::store::text::clean_line(&d.label),
            d.year,
            d.month,
            d.day,
            d.lunar,
            d.leap,
            d.age_counting.map(|c| enum_str(&c))
        ],
    )?;
    Ok(())
}

/// The day must exist (a solar 30 February does not; a lunar day up to 30
/// does), a leap month only on the lunar calendar, and the person must be
/// in her family.
fn check_date(conn: &Connection, customer_id: i64, d: &DateInput) -> Result<()> {
    let max_day = if d.lunar { 30 } else { 31 };
    let solar_ok =
        d.lunar || NaiveDate::from_ymd_opt(d.year.unwrap_or(2000), d.month, d.day).is_some();
    if !(1..=12).contains(&d.month)
        || !(1..=max_day).contains(&d.day)
        || !solar_ok
        || (d.leap && !d.lunar)
    {
        return Err(Error::Validation(vec![FieldError::new(
            "date",
            FieldErrorCode::InvalidDate,
        )]));
    }
    if let Some(m) = d.member_id {
        let hers: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM family_members WHERE id = ?1 AND customer_id = ?2)",
            (m, customer_id),
            |r| r.get(0),
        )?;
        if !hers {
            return Err(Error::Validation(vec![FieldError::new(
                "member_id",
                FieldErrorCode::InvalidChoice,
            )]));
        }
    }
    Ok(())
}

/// Every important day (and every customer's own birthday) falling between
/// `from` and `to`, both included, soonest first.
pub fn between(conn: &Connection, from: NaiveDate, to: NaiveDate) -> Result<Vec<Upcoming>> {
    let mut out = vec![];
    let mut stmt = conn.prepare(
        "SELECT d.id, d.customer_id, c.name, m.name, m.relation, d.kind, d.label, d.year, d.month, d.day, d.lunar, d.leap, d.age_counting
         FROM important_dates d JOIN customers c ON c.id = d.customer_id
         LEFT JOIN family_members m ON m.id = d.member_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let relation: Option<Relation> = r
            .get::<_, Option<String>>(4)?
            .as_deref()
            .map(enum_from)
            .transpose()?;
        let counting: Option<AgeCounting> = r
            .get::<_, Option<String>>(12)?
            .as_deref()
            .map(enum_from)
            .transpose()?;
        let day = Day {
            kind: enum_from(&r.get::<_, String>(5)?)?,
            relation,
            year: r.get(7)?,
            month: r.get(8)?,
            day: r.get(9)?,
            lunar: r.get(10)?,
            leap: r.get(11)?,
            counting: counting.unwrap_or_default(),
        };
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, String>(6)?,
            day,
        ))
    })?;
    for row in rows {
        let (id, cid, cname, mname, label, day) = row?;
        for (year, on) in occurrences(from, to, day.month, day.day, day.lunar, day.leap) {
            out.push(day.upcoming(Some(id), cid, &cname, mname.clone(), &label, year, on));
        }
    }
    // The customers' own birthdays, from their records.
    let mut stmt = conn.prepare(
        "SELECT id, name, birthday, birthday_lunar FROM customers WHERE birthday IS NOT NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, bool>(3)?,
        ))
    })?;
    for row in rows {
        let (cid, cname, birthday, lunar) = row?;
        let md = &birthday[birthday.len().saturating_sub(5)..];
        let day = Day {
            kind: OccasionKind::Birthday,
            relation: None,
            year: birthday.get(..4).and_then(|y| y.parse().ok()),
            month: md[..2].parse().unwrap_or(0),
            day: md[3..].parse().unwrap_or(0),
            lunar,
            leap: false,
            counting: AgeCounting::default(),
        };
        for (year, on) in occurrences(from, to, day.month, day.day, lunar, false) {
            out.push(day.upcoming(None, cid, &cname, None, "", year, on));
        }
    }
    out.sort_by(|a, b| a.on.cmp(&b.on).then(a.customer_name.cmp(&b.customer_name)));
    // `letter_sent` is the letters' to say (letters::for_day::mark_gone).
    Ok(out)
}

/// The solar days in `from..=to` a yearly day falls on (one a year; a
/// window across the year end sees both years), each with the (lunar, for
/// a lunar day) year it belongs to.
fn occurrences(
    from: NaiveDate,
    to: NaiveDate,
    month: u32,
    day: u32,
    lunar: bool,
    leap: bool,
) -> Vec<(i32, NaiveDate)> {
    let mut days: Vec<(i32, NaiveDate)> = (from.year() - 1..=to.year() + 1)
        .filter_map(|y| super::in_year(y, month, day, lunar, leap).map(|d| (y, d)))
        .filter(|(_, d)| *d >= from && *d <= to)
        .collect();
    days.sort_by_key(|(_, d)| *d);
    days.dedup_by_key(|(_, d)| *d);
    days
}

/// Her important dates, with where each falls next.
pub(crate) fn dates_of(
    conn: &Connection,
    customer_id: i64,
    today: NaiveDate,
) -> Result<Vec<ImportantDate>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.member_id, m.name, d.kind, d.label, d.year, d.month, d.day, d.lunar, d.leap, d.age_counting
         FROM important_dates d LEFT JOIN family_members m ON m.id = d.member_id
         WHERE d.customer_id = ?1 ORDER BY d.month, d.day, d.id",
    )?;
    let out = stmt
        .query_map([customer_id], |r| {
            let (month, day, lunar, leap): (u32, u32, bool, bool) =
                (r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?);
            Ok(ImportantDate {
                id: r.get(0)?,
                member_id: r.get(1)?,
                member_name: r.get(2)?,
                kind: enum_from(&r.get::<_, String>(3)?)?,
                label: r.get(4)?,
                year: r.get(5)?,
                month,
                day,
                lunar,
                leap,
                age_counting: r
                    .get::<_, Option<String>>(10)?
                    .as_deref()
                    .map(enum_from)
                    .transpose()?,
                next: super::next_on_or_after(today, month, day, lunar, leap),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Removes a family member (and her dates) or one date.
pub(crate) fn delete(conn: &Connection, what: &str, id: i64) -> Result<()> {
    let sql = match what {
        "member" => "DELETE FROM family_members WHERE id = ?1",
        _ => "DELETE FROM important_dates WHERE id = ?1",
    };
    if conn.execute(sql, [id])? == 0 {
        return Err(Error::NotFound { what: "date", id });
    }
    Ok(())
}
