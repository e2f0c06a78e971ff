//! The shop's staff, so each customer can have a person in charge. Staff who
//! leave are deactivated, not deleted: what they did stays attributed.
//!
//! A staff member may have her own PIN (4–8 digits), so that whoever opens
//! the lock is known and each history entry records who wrote it. Only an
//! Argon2id hash is kept, as a PHC string (algorithm, parameters, salt and
//! hash in one text, so stronger parameters later still verify old ones);
//! the PIN itself is never stored. Hashing is slow on purpose (OWASP's
//! minimum, like the owner's PIN in `vault`), so it runs outside any
//! transaction.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::Utc;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub active: bool,
    /// She has her own PIN to open the lock with.
    pub has_pin: bool,
}

const MAX_NAME: usize = 50;

fn clean_name(name: &str) -> Result<String> {
    let name = crate::store::text::clean_line(name);
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

const COLUMNS: &str = "id, name, active, pin_hash IS NOT NULL";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: r.get(0)?,
        name: r.get(1)?,
        active: r.get(2)?,
        has_pin: r.get(3)?,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<Staff>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM staff ORDER BY active DESC, name, id"
    ))?;
    let rows = stmt.query_map([], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Staff> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"),
        [id],
        row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "staff", id })
}

pub(crate) fn add(conn: &Connection, name: &str) -> Result<Staff> {
    let name = clean_name(name)?;
    conn.execute(
        "INSERT INTO staff (name, active, created_at) VALUES (?1, 1, ?2)",
        (&name, Utc::now()),
    )?;
    Ok(Staff {
        id: conn.last_insert_rowid(),
        name,
        active: true,
        has_pin: false,
    })
}

pub(crate) fn update(conn: &Connection, id: i64, name: &str, active: bool) -> Result<Staff> {
    let name = clean_name(name)?;
    let n = conn.execute(
        "UPDATE staff SET name = ?1, active = ?2 WHERE id = ?3",
        (&name, active, id),
    )?;
    if n == 0 {
        return Err(Error::NotFound { what: "staff", id });
    }
    get(conn, id)
}

pub(crate) fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM staff WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?)
}

// ---- PINs

/// Digits only, 4 to 8 of them (a counter keypad's PIN).
pub(crate) fn pin_is_valid(pin: &str) -> bool {
    (4..=8).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// The PHC string kept for `pin` (Argon2id, a fresh random salt); refused
/// when `pin` is not 4–8 digits.
pub(crate) fn hash_pin(pin: &str) -> Result<String> {
    if !pin_is_valid(pin) {
        return Err(Error::Validation(vec![FieldError::new(
            "pin",
            FieldErrorCode::InvalidChoice,
        )]));
    }
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the OS random source");
    let salt = SaltString::encode_b64(&bytes).expect("16 bytes make a salt");
    let hash = Argon2::default()
        .hash_password(pin.as_bytes(), &salt)
        .expect("Argon2id with its default parameters");
    Ok(hash.to_string())
}

/// Keeps `hash` (from `hash_pin`) as her PIN, or with `None` clears it.
pub(crate) fn store_pin(conn: &Connection, id: i64, hash: Option<&str>) -> Result<Staff> {
    let n = conn.execute("UPDATE staff SET pin_hash = ?1 WHERE id = ?2", (hash, id))?;
    if n == 0 {
        return Err(Error::NotFound { what: "staff", id });
    }
    get(conn, id)
}

/// Her stored PIN hash, if she is active and has one.
pub(crate) fn pin_hash(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT pin_hash FROM staff WHERE id = ?1 AND active = 1",
            [id],
            |r| r.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// Whether `typed` is the PIN hashed in `hash` (a damaged hash opens
/// nothing).
pub(crate) fn pin_matches(hash: &str, typed: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(typed.as_bytes(), &h)
            .is_ok()
    })
}

/// The active staff who have a PIN: those the lock screen offers.
pub(crate) fn with_pins(conn: &Connection) -> Result<Vec<Staff>> {
    Ok(list(conn)?
        .into_iter()
        .filter(|s| s.active && s.has_pin)
        .collect())
}
