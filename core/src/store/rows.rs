//! Helpers every area uses on rows: enums stored as their serde names,
//! "does this customer exist", and the checks a form's text fields get
//! (cleaned, not too long, each problem collected as a `FieldError`).

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::people::staff;
use crate::store::text::{clean_line, clean_text};

const MAX_TEXT: usize = 5000;

/// An enum as it is stored: its serde name.
pub(crate) fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// An enum read back from its serde name.
pub(crate) fn enum_from<T: serde::de::DeserializeOwned>(s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(serde_json::Value::String(s.to_owned())).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// `NotFound` unless the customer exists.
pub(crate) fn ensure_customer(conn: &Connection, id: i64) -> Result<()> {
    let found: Option<i64> = conn
        .query_row("SELECT id FROM customers WHERE id = ?1", [id], |r| r.get(0))
        .optional()?;
    found.map(drop).ok_or(Error::NotFound {
        what: "customer",
        id,
    })
}

pub(crate) fn check_staff(
    conn: &Connection,
    id: Option<i64>,
    errors: &mut Vec<FieldError>,
) -> Result<()> {
    if let Some(id) = id {
        if !staff::exists(conn, id)? {
            errors.push(FieldError::new("staff_id", FieldErrorCode::UnknownStaff));
        }
    }
    Ok(())
}

pub(crate) fn text_field(
    raw: &str,
    field: &str,
    multiline: bool,
    errors: &mut Vec<FieldError>,
) -> String {
    let t = if multiline {
        clean_text(raw)
    } else {
        clean_line(raw)
    };
    if t.chars().count() > MAX_TEXT {
        errors.push(FieldError::new(field, FieldErrorCode::TooLong));
    }
    t
}

/// The collected problems, as one `Validation` error.
pub(crate) fn done(errors: Vec<FieldError>) -> Result<()> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(errors))
    }
}
