//! Reading an owner's customer file into rows of cells: CSV in UTF-8 (with
//! or without BOM) or CP949/EUC-KR, detected and overridable; .xlsx/.xls
//! through calamine, where numbers and dates keep what they are so that a
//! phone stored as a number gets its leading 0 back later.

use std::path::Path;

use calamine::{open_workbook_auto, Data, DataType, Reader};
use chrono::NaiveDate;
use encoding_rs::{Encoding, EUC_KR, UTF_8};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

/// The text encodings a CSV may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    /// Korean Windows' encoding (a superset of EUC-KR); Excel's "CSV" in Korea.
    Cp949,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    /// Each row's number as Excel or a text editor shows it (1-based;
    /// blank lines the CSV reader skips still count).
    pub numbers: Vec<u32>,
    /// For CSV: the encoding used to read it.
    pub encoding: Option<TextEncoding>,
}

fn unreadable() -> Error {
    Error::Validation(vec![FieldError::new("file", FieldErrorCode::InvalidChoice)])
}

/// Guesses a CSV's encoding from its bytes.
pub fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8Bom;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = det.guess(Some(b"kr"), chardetng::Utf8Detection::Allow);
    if guess == UTF_8 {
        TextEncoding::Utf8
    } else {
        // Korean shops' files that are not UTF-8 are CP949; chardetng's
        // EUC-KR is the same WHATWG decoder (windows-949).
        TextEncoding::Cp949
    }
}

fn decode(bytes: &[u8], enc: TextEncoding) -> String {
    let encoding: &'static Encoding = match enc {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => UTF_8,
        TextEncoding::Cp949 => EUC_KR,
    };
    // decode() strips a BOM; bad bytes become U+FFFD and show in the preview.
    encoding.decode(bytes).0.into_owned()
}

pub fn read_csv_bytes(bytes: &[u8], encoding: Option<TextEncoding>) -> Result<Table> {
    let enc = encoding.unwrap_or_else(|| detect_encoding(bytes));
    let text = decode(bytes, enc);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let (mut rows, mut numbers) = (vec![], vec![]);
    // Line numbers are counted from byte offsets (the reader's own count
    // skips the blank lines it skips), going forward only.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u32);
    for record in reader.records() {
        let record = record.map_err(|_| unreadable())?;
        let mut at = record.position().map_or(0, |p| p.byte() as usize);
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        line += memchr::memchr_iter(b'\n', &bytes[counted_to..at.max(counted_to)]).count() as u32;
        counted_to = at.max(counted_to);
        numbers.push(line);
        rows.push(
            record
                .iter()
                .map(|s| {
                    if s.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_string())
                    }
                })
                .collect(),
        );
    }
    Ok(Table {
        rows,
        numbers,
        encoding: Some(enc),
    })
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(_) | Data::DateTimeIso(_) => d.as_date().map_or(Cell::Empty, Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(_) => Cell::Empty,
    }
}

/// Reads the first worksheet of an .xlsx/.xls/.ods file.
pub fn read_workbook(path: &Path) -> Result<Table> {
    let mut book = open_workbook_auto(path).map_err(|_| unreadable())?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(unreadable)?
        .map_err(|_| unreadable())?;
    let first = range.start().map_or(0, |(row, _)| row);
    let rows: Vec<Vec<Cell>> = range
        .rows()
        .map(|r| r.iter().map(cell_of).collect())
        .collect();
    let numbers = (0..rows.len() as u32).map(|i| first + i + 1).collect();
    Ok(Table {
        rows,
        numbers,
        encoding: None,
    })
}

/// Reads a customer file by its extension.
pub fn read_file(path: &Path, encoding: Option<TextEncoding>) -> Result<Table> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    match ext.as_str() {
        "csv" | "txt" => read_csv_bytes(&std::fs::read(path)?, encoding),
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(path),
        _ => Err(unreadable()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_numbers_count_blank_lines() {
        let t = read_csv_bytes("title\n\nname,phone\na,1\n,\nb,2\n".as_bytes(), None).unwrap();
        assert_eq!(t.numbers, [1, 3, 4, 5, 6]);
        let korean = "고객 명단 (2024년 정리)\n\n성명,휴대폰\n김민수,010\n";
        let (bytes, _, _) = EUC_KR.encode(korean);
        let t = read_csv_bytes(&bytes, None).unwrap();
        assert_eq!(t.encoding, Some(TextEncoding::Cp949));
        assert_eq!(t.numbers, [1, 3, 4]);
    }
}
