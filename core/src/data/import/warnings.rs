//! What an import left out of a customer's record, kept with her so that
//! her screen can say it (the column, the value as it was in the file, and
//! why) until the owner has fixed it by hand and dismisses it. Deleted with
//! her; moved with her when she is merged; removed when the import is
//! undone.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use super::mapping::ImportField;
use super::row::{CellWarning, WarningCode};
use crate::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportWarning {
    pub id: i64,
    pub field: ImportField,
    pub code: WarningCode,
    /// The value as it was in the file.
    pub original: String,
    /// The row of the file it was on.
    pub row: u32,
    pub file_name: String,
    pub imported_at: DateTime<Utc>,
}

pub fn insert(
    conn: &Connection,
    customer_id: i64,
    batch: i64,
    row: u32,
    w: &CellWarning,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO import_warnings (customer_id, batch_id, row_no, field, code, original)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        customer_id,
        batch,
        row,
        w.field.as_str(),
        w.code.as_str(),
        w.original
    ])?;
    Ok(())
}

/// The warnings on customer `id` not yet dismissed, by file row.
pub(crate) fn for_customer(conn: &Connection, id: i64) -> Result<Vec<ImportWarning>> {
    let mut stmt = conn.prepare(
        "SELECT w.id, w.field, w.code, w.original, w.row_no, b.file_name, b.created_at
           FROM import_warnings w JOIN import_batches b ON b.id = w.batch_id
          WHERE w.customer_id = ?1 AND w.dismissed_at IS NULL
          ORDER BY w.batch_id, w.row_no, w.id",
    )?;
    let rows = stmt.query_map([id], |r| {
        let field: String = r.get(1)?;
        let code: String = r.get(2)?;
        Ok((
            r.get::<_, i64>(0)?,
            field,
            code,
            r.get::<_, String>(3)?,
            r.get::<_, u32>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, DateTime<Utc>>(6)?,
        ))
    })?;
    let mut out = vec![];
    for row in rows {
        let (id, field, code, original, row, file_name, imported_at) = row?;
        // A value written by a later Dangol that this one does not know is
        // left out rather than shown wrong.
        let (Some(field), Some(code)) = (ImportField::parse(&field), WarningCode::parse(&code))
        else {
            continue;
        };
        out.push(ImportWarning {
            id,
            field,
            code,
            original,
            row,
            file_name,
            imported_at,
        });
    }
    Ok(out)
}

/// The owner has seen to warning `id` (of customer `customer_id`).
pub(crate) fn dismiss(
    conn: &Connection,
    customer_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let n = conn.execute(
        "UPDATE import_warnings SET dismissed_at = ?3
          WHERE id = ?1 AND customer_id = ?2 AND dismissed_at IS NULL",
        params![id, customer_id, now],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "import warning",
            id,
        });
    }
    Ok(())
}
