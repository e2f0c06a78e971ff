//! The shop's staff, so each customer can have a person in charge. Staff who
//! leave are deactivated, not deleted: what they did stays attributed.

use chrono::Utc;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub active: bool,
}

const MAX_NAME: usize = 50;

fn clean_name(name: &str) -> Result<String> {
    let name = crate::text::clean_line(name);
    if name.is_empty() {
        return Err(Error::Validation(vec![FieldError::new(
            "name",
            FieldErrorCode::Required,
        )]));
    }
    if name.chars().count() > MAX_NAME {
        return Err(Error::Validation(vec![FieldError::new(
            "name",
            FieldErrorCode::TooLong,
        )]));
    }
    Ok(name)
}

pub fn list(conn: &Connection) -> Result<Vec<Staff>> {
    let mut stmt =
        conn.prepare("SELECT id, name, active FROM staff ORDER BY active DESC, name, id")?;
    let rows = stmt.query_map([], |r| {
        Ok(Staff {
            id: r.get(0)?,
            name: r.get(1)?,
            active: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub fn add(conn: &Connection, name: &str) -> Result<Staff> {
    let name = clean_name(name)?;
    conn.execute(
        "INSERT INTO staff (name, active, created_at) VALUES (?1, 1, ?2)",
        (&name, Utc::now()),
    )?;
    Ok(Staff {
        id: conn.last_insert_rowid(),
        name,
        active: true,
    })
}

pub fn update(conn: &Connection, id: i64, name: &str, active: bool) -> Result<Staff> {
    let name = clean_name(name)?;
    let n = conn.execute(
        "UPDATE staff SET name = ?1, active = ?2 WHERE id = ?3",
        (&name, active, id),
    )?;
    if n == 0 {
        return Err(Error::NotFound { what: "staff", id });
    }
    Ok(Staff { id, name, active })
}

pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM staff WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}
