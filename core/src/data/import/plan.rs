//! From a read table to customers: the preview (each row as it will be
//! saved beside the file's cells, three levels — ready, imported with
//! warnings, not imported — and who may already be known) and the import
//! itself, all or nothing in one transaction, recorded as a batch that can
//! be undone (`run`). Preview and import read rows by the same code in the
//! same order, so the import does what the preview said.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cells::cell_text;
use super::dupes::{DuplicateChoice, Known, RowDuplicate};
use super::mapping::{auto_map, find_header, ImportField};
use super::read::{Cell, FileFormat, Table, TextEncoding};
use super::row::{check, read_row, CellWarning, ReadRow};
use crate::error::Result;
use crate::people::customers::model::Birthday;
use crate::people::customers::validate::ValidCustomer;
use crate::store::settings::Country;

/// How many rows of each kind the preview lists.
const FIRST_ROWS: usize = 10;
const LISTED_ROWS: usize = 300;
const LISTED_DUPLICATES: usize = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct ImportOptions {
    /// None: detect.
    pub encoding: Option<TextEncoding>,
    /// One per column; empty: guess from the headers.
    pub mapping: Vec<ImportField>,
    /// Row number (as in the file) → choice; rows not listed get the
    /// duplicate's `suggested` choice.
    pub duplicates: HashMap<u32, DuplicateChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RowStatus {
    /// Imported as it is.
    Ok,
    /// Imported, with the cells in `warnings` left out or cut.
    Warnings,
    /// Not imported: the row has no name.
    NotImported,
}

/// A row's three levels, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS, Default)]
#[ts(export)]
pub struct ImportCounts {
    /// Rows with anything in them below the header row.
    pub rows: u32,
    pub ok: u32,
    pub with_warnings: u32,
    pub not_imported: u32,
}

/// A cell as it is in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldText {
    pub field: ImportField,
    pub text: String,
}

/// A customer as the import will save her.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, Default)]
#[ts(export)]
pub struct SavedCustomer {
    pub name: String,
    /// As they will be shown (010-1234-5678 at a Korean shop).
    pub phones: Vec<String>,
    pub email: String,
    pub birthday: Option<Birthday>,
    pub postal_code: String,
    pub address1: String,
    pub address2: String,
    pub memo: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PreviewRow {
    /// The row number Excel shows (1-based).
    pub row: u32,
    pub status: RowStatus,
    pub saved: SavedCustomer,
    /// The mapped cells as they are in the file.
    pub original: Vec<FieldText>,
    pub warnings: Vec<CellWarning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub format: FileFormat,
    pub headers: Vec<String>,
    pub mapping: Vec<ImportField>,
    /// The row number of the header row (1-based).
    pub header_row: u32,
    pub counts: ImportCounts,
    /// The first rows, then rows with warnings or not imported (up to 300).
    pub rows: Vec<PreviewRow>,
    /// Rows with warnings or not imported that `rows` leaves out.
    pub rows_not_listed: u32,
    /// Rows that look like someone already known (up to 500).
    pub duplicates: Vec<RowDuplicate>,
    pub duplicates_total: u32,
}

/// A customer saved with warnings, for the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct WarnedCustomer {
    pub customer_id: i64,
    pub name: String,
    pub row: u32,
    pub fields: Vec<ImportField>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub batch_id: i64,
    /// New customers.
    pub added: u32,
    /// Rows merged into a customer already there or an earlier row.
    pub merged: u32,
    /// Rows the owner chose to skip.
    pub skipped: u32,
    pub counts: ImportCounts,
    /// Customers saved with warnings (up to 200).
    pub warned: Vec<WarnedCustomer>,
}

/// The header, the mapping in force and the rows below the header.
pub(super) struct Rows {
    pub headers: Vec<String>,
    pub mapping: Vec<ImportField>,
    pub header_row: u32,
    /// (index in the table, row read)
    pub rows: Vec<(usize, ReadRow)>,
}

pub(super) fn rows_of(
    table: &Table,
    opts: &ImportOptions,
    country: Country,
    today: NaiveDate,
) -> Rows {
    let Some(h) = find_header(&table.rows) else {
        return Rows {
            headers: vec![],
            mapping: vec![],
            header_row: 0,
            rows: vec![],
        };
    };
    let headers: Vec<String> = table.rows[h].iter().map(cell_text).collect();
    let mapping = if opts.mapping.is_empty() {
        auto_map(&headers)
    } else {
        opts.mapping.clone()
    };
    let rows = table
        .rows
        .iter()
        .enumerate()
        .skip(h + 1)
        .filter(|(_, cells)| cells.iter().any(|c| *c != Cell::Empty))
        .map(|(i, cells)| {
            (
                i,
                read_row(cells, &mapping, table.numbers[i], country, today),
            )
        })
        .collect();
    Rows {
        headers,
        mapping,
        header_row: table.numbers[h],
        rows,
    }
}

fn saved(v: &ValidCustomer, country: Country) -> SavedCustomer {
    SavedCustomer {
        name: v.name.clone(),
        phones: v
            .phones
            .iter()
            .map(|p| p.parsed.display(country).to_string())
            .collect(),
        email: v.email.clone().unwrap_or_default(),
        birthday: v.birthday,
        postal_code: v.postal_code.clone(),
        address1: v.address1.clone(),
        address2: v.address2.clone(),
        memo: v.memo.clone(),
    }
}

fn originals(cells: &[Cell], mapping: &[ImportField]) -> Vec<FieldText> {
    mapping
        .iter()
        .enumerate()
        .filter(|(_, f)| **f != ImportField::Ignore)
        .map(|(col, f)| FieldText {
            field: *f,
            text: cells.get(col).map(cell_text).unwrap_or_default(),
        })
        .collect()
}

pub(super) fn status(valid: bool, warnings: &[CellWarning]) -> RowStatus {
    match (valid, warnings.is_empty()) {
        (false, _) => RowStatus::NotImported,
        (true, true) => RowStatus::Ok,
        (true, false) => RowStatus::Warnings,
    }
}

impl ImportCounts {
    pub(super) fn add(&mut self, s: RowStatus) {
        self.rows += 1;
        match s {
            RowStatus::Ok => self.ok += 1,
            RowStatus::Warnings => self.with_warnings += 1,
            RowStatus::NotImported => self.not_imported += 1,
        }
    }
}

pub fn preview(
    conn: &Connection,
    table: &Table,
    opts: &ImportOptions,
    country: Country,
    today: NaiveDate,
) -> Result<ImportPreview> {
    let Rows {
        headers,
        mapping,
        header_row,
        rows,
    } = rows_of(table, opts, country, today);
    let mut known = Known::load(conn)?;
    let mut counts = ImportCounts::default();
    let (mut listed, mut rows_not_listed) = (vec![], 0u32);
    let (mut duplicates, mut duplicates_total) = (vec![], 0u32);
    for (n, (index, mut row)) in rows.into_iter().enumerate() {
        let valid = check(&mut row, country, today);
        let s = status(valid.is_some(), &row.warnings);
        counts.add(s);
        if let Some(v) = &valid {
            if let Some(d) = known.check_row(row.number, v) {
                duplicates_total += 1;
                if duplicates.len() < LISTED_DUPLICATES {
                    duplicates.push(d);
                }
            }
        }
        let wanted = n < FIRST_ROWS || s != RowStatus::Ok;
        if wanted && listed.len() < FIRST_ROWS + LISTED_ROWS {
            listed.push(PreviewRow {
                row: row.number,
                status: s,
                saved: valid.as_ref().map_or_else(
                    || SavedCustomer {
                        name: row.input.name.clone(),
                        ..Default::default()
                    },
                    |v| saved(v, country),
                ),
                original: originals(&table.rows[index], &mapping),
                warnings: row.warnings,
            });
        } else if s != RowStatus::Ok {
            rows_not_listed += 1;
        }
    }
    Ok(ImportPreview {
        format: table.format,
        headers,
        mapping,
        header_row,
        counts,
        rows: listed,
        rows_not_listed,
        duplicates,
        duplicates_total,
    })
}

pub use super::run::{run, undo};
