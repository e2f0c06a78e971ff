//! What a customer file may be, checked before it is read into memory: a
//! shop's list is a few thousand rows, and a file that is much bigger, or a
//! sheet that claims to be (a 1.6 KB .xlsx can declare A1:XFD1048576, and a
//! reader that trusts it asks for 512 GiB), is refused with a reason the
//! owner can act on instead of taking the app down.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Error;

/// The largest file read: 50 MB (a list of 100,000 customers is 7 MB of CSV).
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// The most cells read from one file (100,000 customers × 10 columns).
pub const MAX_CELLS: u64 = 1_000_000;
/// The most bytes an .xlsx's shared text and styles may unpack to: a zip
/// can unpack a thousandfold, and those parts are held in memory whole.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;

/// Why a file was not read. Each reason is something the owner can act on;
/// technical words stay in `detail`, shown only behind 자세히.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[ts(export)]
pub enum FileRefusal {
    /// Bigger than `limit` bytes.
    TooBig { bytes: u64, limit: u64 },
    /// More than `limit` cells.
    TooManyCells { limit: u64 },
    /// A sheet whose used area (`range`, as Excel writes it) is far larger
    /// than a customer list: usually a stray value or format far away.
    SheetTooLarge { range: String, limit: u64 },
    /// Protected with a password.
    Encrypted,
    /// Not a spreadsheet or text list (`kind`: pdf, hwp, ods, html, …).
    NotASpreadsheet { kind: String },
    /// A spreadsheet that could not be read; `detail` for 자세히.
    Damaged { detail: String },
    /// No rows at all.
    Empty,
    /// The file chosen is gone or cannot be opened any more.
    Unavailable,
}

impl From<FileRefusal> for Error {
    fn from(r: FileRefusal) -> Self {
        Error::File(r)
    }
}

pub(crate) fn damaged(detail: impl std::fmt::Display) -> Error {
    Error::File(FileRefusal::Damaged {
        detail: detail.to_string(),
    })
}

/// Refuses a file of `bytes` bytes before it is opened.
pub(crate) fn check_size(bytes: u64) -> Result<(), Error> {
    if bytes > MAX_FILE_BYTES {
        return Err(Error::File(FileRefusal::TooBig {
            bytes,
            limit: MAX_FILE_BYTES,
        }));
    }
    Ok(())
}

/// A running count of cells that refuses once past `MAX_CELLS`.
#[derive(Debug, Default)]
pub struct CellBudget {
    used: u64,
}

impl CellBudget {
    pub fn take(&mut self, n: u64) -> Result<(), Error> {
        self.used += n;
        if self.used > MAX_CELLS {
            return Err(Error::File(FileRefusal::TooManyCells { limit: MAX_CELLS }));
        }
        Ok(())
    }
}

/// `A1`-style name of a cell (0-based row and column): `XFD1048576`.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut letters = Vec::new();
    let mut c = col as u64 + 1;
    while c > 0 {
        let rem = ((c - 1) % 26) as u8;
        letters.push(b'A' + rem);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row as u64 + 1)
}

/// Refuses a sheet whose area from (0-based) `start` to `end` holds more
/// than `MAX_CELLS` cells, before any of them is read.
pub(crate) fn check_area(start: (u32, u32), end: (u32, u32)) -> Result<(), Error> {
    let rows = (end.0 as u64).saturating_sub(start.0 as u64) + 1;
    let cols = (end.1 as u64).saturating_sub(start.1 as u64) + 1;
    if rows.saturating_mul(cols) > MAX_CELLS {
        return Err(Error::File(FileRefusal::SheetTooLarge {
            range: format!(
                "{}:{}",
                cell_name(start.0, start.1),
                cell_name(end.0, end.1)
            ),
            limit: MAX_CELLS,
        }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_names_as_excel_writes_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(1_048_575, 16_383), "XFD1048576");
    }

    #[test]
    fn areas_past_the_limit_are_refused() {
        assert!(check_area((0, 0), (99_999, 9)).is_ok());
        let err = check_area((0, 0), (1_048_575, 16_383)).unwrap_err();
        assert!(matches!(
            err,
            Error::File(FileRefusal::SheetTooLarge { ref range, .. }) if range == "A1:XFD1048576"
        ));
        assert!(
            check_area((5, 5), (0, 0)).is_ok(),
            "an inverted area is small"
        );
    }
}
