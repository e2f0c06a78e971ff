//! From a read table to customers: the preview (rows as they will be saved,
//! problems row by row, possible duplicates) and the import itself, all or
//! nothing in one transaction, recorded as a batch that can be undone.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::mapping::{auto_map, cell_text, date_text, find_header, phone_text, ImportField};
use super::read::{Cell, Table, TextEncoding};
use crate::customers::model::{CustomerInput, PhoneInput, PhoneLabel, Source};
use crate::customers::{store, validate};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::settings::Country;

/// What to do with a row that looks like an existing customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicateChoice {
    #[default]
    Skip,
    AddNew,
    /// Fill what the existing customer lacks from this row.
    Merge,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct ImportOptions {
    /// None: detect.
    pub encoding: Option<TextEncoding>,
    /// One per column; empty: guess from the headers.
    pub mapping: Vec<ImportField>,
    /// Row number (as in the file, 1-based) → choice; rows not listed skip.
    pub duplicates: HashMap<u32, DuplicateChoice>,
    /// Import the good rows and leave the bad ones out. Without it, any bad
    /// row stops the whole import.
    pub skip_invalid: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowProblem {
    /// The row number the owner sees in Excel (1-based).
    pub row: u32,
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowDuplicate {
    pub row: u32,
    pub name: String,
    pub existing_id: i64,
    pub existing_name: String,
    /// `phone`, `email` or `name`.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportPreview {
    pub encoding: Option<TextEncoding>,
    pub headers: Vec<String>,
    pub mapping: Vec<ImportField>,
    /// The row number of the header row (1-based).
    pub header_row: u32,
    pub rows_total: u32,
    pub rows_ok: u32,
    pub problems: Vec<RowProblem>,
    pub duplicates: Vec<RowDuplicate>,
    /// The first rows as they will be saved.
    pub sample: Vec<CustomerInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportOutcome {
    pub batch_id: i64,
    pub added: u32,
    pub skipped: u32,
    /// Existing customers completed from a row.
    pub merged: u32,
}

struct Row {
    number: u32,
    input: CustomerInput,
}

fn rows_of(
    table: &Table,
    mapping_override: &[ImportField],
) -> (Vec<String>, Vec<ImportField>, u32, Vec<Row>) {
    let Some(h) = find_header(&table.rows) else {
        return (vec![], vec![], 0, vec![]);
    };
    let headers: Vec<String> = table.rows[h].iter().map(cell_text).collect();
    let mapping = if mapping_override.is_empty() {
        auto_map(&headers)
    } else {
        mapping_override.to_vec()
    };
    let mut rows = vec![];
    for (i, cells) in table.rows.iter().enumerate().skip(h + 1) {
        if cells.iter().all(|c| *c == Cell::Empty) {
            continue;
        }
        let mut input = CustomerInput {
            source: Source::Other,
            ..Default::default()
        };
        let mut phones = vec![];
        for (col, field) in mapping.iter().enumerate() {
            let cell = cells.get(col).unwrap_or(&Cell::Empty);
            let append = |to: &mut String, text: String| {
                if !text.is_empty() {
                    if !to.is_empty() {
                        to.push(' ');
                    }
                    to.push_str(&text);
                }
            };
            match field {
                ImportField::Name => append(&mut input.name, cell_text(cell)),
                ImportField::Phone => phones.push((0, phone_text(cell))),
                ImportField::Phone2 => phones.push((1, phone_text(cell))),
                ImportField::Email => input.email = cell_text(cell),
                ImportField::Birthday => input.birthday = date_text(cell),
                ImportField::PostalCode => input.postal_code = phone_text(cell),
                ImportField::Address => append(&mut input.address1, cell_text(cell)),
                ImportField::AddressDetail => append(&mut input.address2, cell_text(cell)),
                ImportField::Memo => append(&mut input.memo, cell_text(cell)),
                ImportField::Ignore => {}
            }
        }
        phones.sort_by_key(|(order, _)| *order);
        input.phones = phones
            .into_iter()
            .filter(|(_, n)| !n.is_empty())
            .enumerate()
            .map(|(i, (_, number))| PhoneInput {
                label: if i == 0 {
                    PhoneLabel::Mobile
                } else {
                    PhoneLabel::Home
                },
                number,
            })
            .collect();
        rows.push(Row {
            number: table.numbers[i],
            input,
        });
    }
    (headers, mapping, table.numbers[h], rows)
}

/// Existing customers by phone (E.164), email and exact name.
struct Existing {
    phones: HashMap<String, (i64, String)>,
    emails: HashMap<String, (i64, String)>,
    names: HashMap<String, (i64, String)>,
}

fn existing(conn: &Connection) -> Result<Existing> {
    let mut e = Existing {
        phones: HashMap::new(),
        emails: HashMap::new(),
        names: HashMap::new(),
    };
    for row in store::index_rows(conn)? {
        let who = (row.id, row.name.clone());
        for p in &row.phones {
            e.phones
                .entry(p.e164.clone())
                .or_insert_with(|| who.clone());
        }
        if let Some(mail) = &row.email {
            e.emails
                .entry(mail.to_lowercase())
                .or_insert_with(|| who.clone());
        }
        e.names.entry(row.name.clone()).or_insert(who);
    }
    Ok(e)
}

type Checked = (
    Vec<(u32, validate::ValidCustomer, Option<RowDuplicate>)>,
    Vec<RowProblem>,
);

fn check_rows(
    conn: &Connection,
    rows: &[Row],
    country: Country,
    today: NaiveDate,
) -> Result<Checked> {
    let known = existing(conn)?;
    let mut good = vec![];
    let mut problems = vec![];
    for row in rows {
        match validate::validate(&row.input, country, today, |_| false) {
            Err(errors) => problems.push(RowProblem {
                row: row.number,
                errors,
            }),
            Ok(v) => {
                let dup = |(id, name): &(i64, String), reason: &str| RowDuplicate {
                    row: row.number,
                    name: v.name.clone(),
                    existing_id: *id,
                    existing_name: name.clone(),
                    reason: reason.into(),
                };
                let found = v
                    .phones
                    .iter()
                    .find_map(|p| known.phones.get(&p.parsed.e164).map(|w| dup(w, "phone")))
                    .or_else(|| {
                        v.email
                            .as_ref()
                            .and_then(|m| known.emails.get(&m.to_lowercase()))
                            .map(|w| dup(w, "email"))
                    })
                    .or_else(|| known.names.get(&v.name).map(|w| dup(w, "name")));
                good.push((row.number, v, found));
            }
        }
    }
    Ok((good, problems))
}

pub fn preview(
    conn: &Connection,
    table: &Table,
    opts: &ImportOptions,
    country: Country,
    today: NaiveDate,
) -> Result<ImportPreview> {
    let (headers, mapping, header_row, rows) = rows_of(table, &opts.mapping);
    let (good, problems) = check_rows(conn, &rows, country, today)?;
    Ok(ImportPreview {
        encoding: table.encoding,
        headers,
        mapping,
        header_row,
        rows_total: rows.len() as u32,
        rows_ok: good.len() as u32,
        duplicates: good.iter().filter_map(|(_, _, d)| d.clone()).collect(),
        problems,
        sample: rows.iter().take(10).map(|r| r.input.clone()).collect(),
    })
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
    let (_, mapping, _, rows) = rows_of(table, &opts.mapping);
    if !mapping.contains(&ImportField::Name) {
        return Err(Error::Validation(vec![FieldError::new(
            "mapping",
            FieldErrorCode::Required,
        )]));
    }
    let (good, problems) = check_rows(conn, &rows, country, now.date_naive())?;
    if !problems.is_empty() && !opts.skip_invalid {
        let fields = problems
            .iter()
            .map(|p| FieldError::new(format!("row.{}", p.row), FieldErrorCode::InvalidChoice))
            .collect();
        return Err(Error::Validation(fields));
    }
    conn.execute(
        "INSERT INTO import_batches (file_name, added, created_at) VALUES (?1, 0, ?2)",
        params![file_name, now],
    )?;
    let batch = conn.last_insert_rowid();
    let (mut added, mut skipped, mut merged) = (0u32, problems.len() as u32, 0u32);
    for (number, valid, dup) in &good {
        let choice = opts.duplicates.get(number).copied().unwrap_or_default();
        match (dup, choice) {
            (Some(_), DuplicateChoice::Skip) => {
                skipped += 1;
                continue;
            }
            (Some(d), DuplicateChoice::Merge) => {
                super::fill::snapshot(conn, batch, d.existing_id)?;
                super::fill::fill_gaps(conn, d.existing_id, valid, now)?;
                merged += 1;
                continue;
            }
            _ => {}
        }
        let id = store::insert(conn, valid, now)?;
        conn.execute(
            "UPDATE customers SET import_batch = ?2 WHERE id = ?1",
            params![id, batch],
        )?;
        added += 1;
    }
    conn.execute(
        "UPDATE import_batches SET added = ?2 WHERE id = ?1",
        params![batch, added],
    )?;
    Ok(ImportOutcome {
        batch_id: batch,
        added,
        skipped,
        merged,
    })
}

/// Takes back everything an import did: the customers it added go (with
/// whatever was recorded for them since) and the ones it merged into are
/// put back as they were. Returns how many customers were removed.
pub fn undo(conn: &Connection, batch: i64, now: DateTime<Utc>) -> Result<u32> {
    super::fill::restore(conn, batch)?;
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
