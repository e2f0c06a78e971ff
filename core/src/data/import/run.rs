//! The import itself: every row read as the preview read it, duplicates
//! merged, kept or skipped as the owner chose (or as suggested), new
//! customers saved in file order with the warnings of their rows, all in
//! the caller's transaction; and its undo.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};

use super::dupes::{DuplicateChoice, DuplicateOf, Known};
use super::mapping::ImportField;
use super::plan::{
    rows_of, status, ImportCounts, ImportOptions, ImportOutcome, RowStatus, Rows, WarnedCustomer,
};
use super::read::Table;
use super::row::{check, CellWarning, ReadRow};
use super::{fill, warnings};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::people::customers::insert::checked_ahead;
use crate::people::customers::store;
use crate::people::customers::validate::ValidCustomer;
use crate::store::settings::Country;

/// How many warned customers the outcome names.
const LISTED_WARNED: usize = 200;

/// Where a row went, for the rows merged into it later.
#[derive(Clone, Copy)]
enum Went {
    Customer(i64),
    /// Index into the rows still to be saved.
    Pending(usize),
    Skipped,
}

struct Pending {
    row: u32,
    valid: ValidCustomer,
    /// (row, warning): a merged row brings its own.
    warnings: Vec<(u32, CellWarning)>,
}

/// Imports in the caller's transaction: every row lands, or none.
pub fn run(
    conn: &Connection,
    table: &Table,
    file_name: &str,
    opts: &ImportOptions,
    country: Country,
    now: DateTime<Utc>,
) -> Result<ImportOutcome> {
    let today = now.date_naive();
    let Rows { mapping, rows, .. } = rows_of(table, opts, country, today);
    if !mapping.contains(&ImportField::Name) {
        return Err(Error::Validation(vec![FieldError::new(
            "mapping",
            FieldErrorCode::Required,
        )]));
    }
    conn.execute(
        "INSERT INTO import_batches (file_name, added, created_at) VALUES (?1, 0, ?2)",
        params![file_name, now],
    )?;
    let batch = conn.last_insert_rowid();
    let mut known = Known::load(conn)?;
    let mut counts = ImportCounts::default();
    let (mut merged, mut skipped) = (0u32, 0u32);
    let mut went: HashMap<u32, Went> = HashMap::new();
    let mut pending: Vec<Pending> = vec![];
    let mut warned: Vec<WarnedCustomer> = vec![];
    // Each row checked on a second thread while this one looks for its
    // duplicates (insert::checked_ahead).
    let mut rows = rows;
    let rows = rows.iter_mut().map(|(_, row)| row);
    let check_row = |row: &mut ReadRow| check(row, country, today);
    checked_ahead(
        rows,
        |row| (check_row(row), row),
        |(valid, row)| -> Result<()> {
            let Some(valid) = valid.take() else {
                counts.add(RowStatus::NotImported);
                return Ok(());
            };
            counts.add(status(true, &row.warnings));
            let number = row.number;
            let dup = known.check_row(number, &valid);
            let choice = dup
                .as_ref()
                .map(|d| opts.duplicates.get(&number).copied().unwrap_or(d.suggested));
            let target = match (&dup, choice) {
                (Some(_), Some(DuplicateChoice::Skip)) => {
                    skipped += 1;
                    went.insert(number, Went::Skipped);
                    return Ok(());
                }
                (Some(d), Some(DuplicateChoice::Merge)) => match &d.of {
                    DuplicateOf::Customer { id, .. } => Some(Went::Customer(*id)),
                    DuplicateOf::Row { row, .. } => match went.get(row) {
                        Some(Went::Skipped) | None => None,
                        Some(w) => Some(*w),
                    },
                },
                _ => None,
            };
            let own: Vec<(u32, CellWarning)> = std::mem::take(&mut row.warnings)
                .into_iter()
                .map(|w| (number, w))
                .collect();
            match target {
                Some(Went::Customer(id)) => {
                    let mut notes = own;
                    notes.extend(
                        fill::differences_from_customer(conn, id, &valid)?
                            .into_iter()
                            .map(|w| (number, w)),
                    );
                    fill::snapshot(conn, batch, id)?;
                    fill::fill_gaps(conn, id, &valid, now)?;
                    for (r, w) in &notes {
                        warnings::insert(conn, id, batch, *r, w)?;
                    }
                    note_warned(&mut warned, id, &valid.name, number, &notes);
                    merged += 1;
                    went.insert(number, Went::Customer(id));
                }
                Some(Went::Pending(i)) => {
                    let into = &mut pending[i];
                    let differ = fill::merge_rows(&mut into.valid, &valid);
                    into.warnings.extend(own);
                    into.warnings
                        .extend(differ.into_iter().map(|w| (number, w)));
                    merged += 1;
                    went.insert(number, Went::Pending(i));
                }
                _ => {
                    went.insert(number, Went::Pending(pending.len()));
                    pending.push(Pending {
                        row: number,
                        valid,
                        warnings: own,
                    });
                }
            }
            Ok(())
        },
    )?;
    let added = pending.len() as u32;
    let first_card = store::reserve_card_numbers(conn, pending.len() as i64)?;
    let mut inserter = store::Inserter::new(conn, now, Some(batch))?;
    for (card, p) in (first_card..).zip(pending) {
        let id = inserter.insert(&p.valid, card)?;
        for (r, w) in &p.warnings {
            warnings::insert(conn, id, batch, *r, w)?;
        }
        note_warned(&mut warned, id, &p.valid.name, p.row, &p.warnings);
    }
    conn.execute(
        "UPDATE import_batches SET added = ?2 WHERE id = ?1",
        params![batch, added],
    )?;
    Ok(ImportOutcome {
        batch_id: batch,
        added,
        merged,
        skipped,
        counts,
        warned,
    })
}

fn note_warned(
    warned: &mut Vec<WarnedCustomer>,
    id: i64,
    name: &str,
    row: u32,
    notes: &[(u32, CellWarning)],
) {
    if notes.is_empty() || warned.len() >= LISTED_WARNED {
        return;
    }
    let mut fields: Vec<ImportField> = notes.iter().map(|(_, w)| w.field).collect();
    fields.dedup();
    warned.push(WarnedCustomer {
        customer_id: id,
        name: name.to_string(),
        row,
        fields,
    });
}

/// Takes back everything an import did: the customers it added go (with
/// whatever was recorded for them since), the ones it merged into are put
/// back as they were, and its warnings go. Returns how many customers
/// were removed.
pub fn undo(conn: &Connection, batch: i64, now: DateTime<Utc>) -> Result<u32> {
    super::fill::restore(conn, batch)?;
    conn.execute("DELETE FROM import_warnings WHERE batch_id = ?1", [batch])?;
    let n = conn.execute("DELETE FROM customers WHERE import_batch = ?1", [batch])?;
    if n > 0 {
        crate::history::search::purge_deleted(conn)?;
    }
    let marked = conn.execute(
        "UPDATE import_batches SET undone_at = ?2 WHERE id = ?1 AND undone_at IS NULL",
        params![batch, now],
    )?;
    if marked == 0 {
        return Err(Error::NotFound {
            what: "import",
            id: batch,
        });
    }
    Ok(n as u32)
}
