//! Reading an owner's customer file into rows of cells, whatever it is:
//! the kind is found from the bytes (`sniff`), the size is checked before
//! the file is opened, and each kind has its reader (`text`, `workbook`).
//! Cells keep what they are (a number, a date) so that a phone stored as a
//! number gets its leading 0 back later.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::limits::{self, FileRefusal};
use super::sniff::{sniff, Sniffed};
use super::{text, workbook};
use crate::error::{Error, Result};

pub use super::text::{Delimiter, TextEncoding};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

/// What kind of file a list came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FileKind {
    Xlsx,
    Xls,
    #[default]
    Text,
}

/// How a file was read: its kind and, for text, the encoding and separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS, Default)]
#[ts(export)]
pub struct FileFormat {
    pub kind: FileKind,
    pub encoding: Option<TextEncoding>,
    pub delimiter: Option<Delimiter>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Rows with at least one cell (text files: every line the reader gives).
    pub rows: Vec<Vec<Cell>>,
    /// Each row's number as Excel or a text editor shows it (1-based;
    /// blank lines and rows skipped still count).
    pub numbers: Vec<u32>,
    pub format: FileFormat,
}

/// Reads a customer file; `encoding` overrides the guess for text files.
/// The size is checked before anything is read.
pub(crate) fn read_file(path: &Path, encoding: Option<TextEncoding>) -> Result<Table> {
    let unavailable = |_| Error::File(FileRefusal::Unavailable);
    let file = std::fs::File::open(path).map_err(unavailable)?;
    let size = file.metadata().map_err(unavailable)?.len();
    limits::check_size(size)?;
    // A file that grows while it is read is cut one byte past the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limits::MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unavailable)?;
    limits::check_size(bytes.len() as u64)?;
    read_bytes(&bytes, encoding)
}

/// Reads a customer file's bytes (what `read_file` does once they are in).
pub fn read_bytes(bytes: &[u8], encoding: Option<TextEncoding>) -> Result<Table> {
    limits::check_size(bytes.len() as u64)?;
    let table = match sniff(bytes)? {
        Sniffed::Xlsx => workbook::read_xlsx(bytes)?,
        Sniffed::Xls => workbook::read_xls(bytes)?,
        Sniffed::Text => text::read(bytes, encoding)?,
    };
    if table
        .rows
        .iter()
        .all(|r| r.iter().all(|c| *c == Cell::Empty))
    {
        return Err(Error::File(FileRefusal::Empty));
    }
    Ok(table)
}
