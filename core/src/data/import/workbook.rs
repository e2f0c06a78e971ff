//! Excel workbooks, read so that no file can take the app down: the sizes
//! an .xlsx unpacks to are checked first, its first sheet's declared area
//! before a cell is read, and then cells are read one at a time (calamine's
//! cell reader), never into a grid of the size the file claims. An .xls is
//! checked by `xls_guard` first. A panic inside the reader becomes a
//! "damaged file" refusal.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};

use calamine::{Data, DataType, Reader, Xls, Xlsx, XlsxError};

use super::limits::{self, damaged, CellBudget, FileRefusal, MAX_UNPACKED_BYTES};
use super::read::{Cell, FileFormat, FileKind, Table};
use crate::error::{Error, Result};

/// Runs a reader on an untrusted file: a panic is a damaged file.
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(damaged("the reader stopped")))
}

pub(crate) fn cell_of(d: &Data) -> Cell {
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

/// The parts of an .xlsx that are held in memory whole (shared text and
/// styles) are unpacked and counted first, without keeping them.
fn check_unpacked(bytes: &[u8]) -> Result<()> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let mut total = 0u64;
    for name in ["xl/sharedStrings.xml", "xl/styles.xml", "xl/workbook.xml"] {
        let Some(index) = zip.index_for_name(name) else {
            continue;
        };
        let entry = zip.by_index(index).map_err(damaged)?;
        let left = MAX_UNPACKED_BYTES - total;
        let n = std::io::copy(&mut entry.take(left + 1), &mut std::io::sink()).map_err(damaged)?;
        total += n;
        if total > MAX_UNPACKED_BYTES {
            return Err(Error::File(FileRefusal::TooBig {
                bytes: total,
                limit: MAX_UNPACKED_BYTES,
            }));
        }
    }
    Ok(())
}

fn xlsx_error(e: XlsxError) -> Error {
    match e {
        XlsxError::Password => Error::File(FileRefusal::Encrypted),
        other => damaged(other),
    }
}

/// Reads the first worksheet of an .xlsx.
pub(crate) fn read_xlsx(bytes: &[u8]) -> Result<Table> {
    check_unpacked(bytes)?;
    guarded(|| {
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
        let name = book
            .sheet_names()
            .first()
            .cloned()
            .ok_or(Error::File(FileRefusal::Empty))?;
        let mut cells = book.worksheet_cells_reader(&name).map_err(xlsx_error)?;
        let declared = cells.dimensions();
        if declared != calamine::Dimensions::default() {
            limits::check_area(declared.start, declared.end)?;
        }
        let mut budget = CellBudget::default();
        let mut found = Sparse::default();
        while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
            let value = cell_of(&Data::from(cell.get_value().clone()));
            if value != Cell::Empty {
                budget.take(1)?;
                found.put(cell.get_position(), value)?;
            }
        }
        Ok(found.into_table(FileKind::Xlsx))
    })
}

/// Reads the first worksheet of an .xls, after `xls_guard` said it is
/// safe to hand to calamine.
pub(crate) fn read_xls(bytes: &[u8]) -> Result<Table> {
    super::xls_guard::check(bytes)?;
    guarded(|| {
        let mut book = Xls::new(Cursor::new(bytes)).map_err(|e| match e {
            calamine::XlsError::Password => Error::File(FileRefusal::Encrypted),
            other => damaged(other),
        })?;
        let range = book
            .worksheet_range_at(0)
            .ok_or(Error::File(FileRefusal::Empty))?
            .map_err(damaged)?;
        let mut found = Sparse::default();
        for (row, col, value) in range.used_cells() {
            let value = cell_of(value);
            if value != Cell::Empty {
                let (r0, c0) = range.start().unwrap_or((0, 0));
                found.put((r0 + row as u32, c0 + col as u32), value)?;
            }
        }
        Ok(found.into_table(FileKind::Xls))
    })
}

/// Cells as they are found, by row; the grid is made only for the rows
/// that have something, as wide as the sheet's used columns.
#[derive(Default)]
struct Sparse {
    rows: BTreeMap<u32, Vec<(u32, Cell)>>,
    first: Option<(u32, u32)>,
    last: (u32, u32),
}

impl Sparse {
    fn put(&mut self, (row, col): (u32, u32), value: Cell) -> Result<()> {
        let (r0, c0) = self.first.unwrap_or((row, col));
        self.first = Some((r0.min(row), c0.min(col)));
        self.last = (self.last.0.max(row), self.last.1.max(col));
        // A stray value far from the list is caught as soon as it is seen.
        let first = self.first.unwrap_or_default();
        limits::check_area(first, self.last)?;
        self.rows.entry(row).or_default().push((col, value));
        Ok(())
    }

    fn into_table(self, kind: FileKind) -> Table {
        let first_col = self.first.map_or(0, |(_, c)| c);
        let width = (self.last.1 - first_col + 1) as usize;
        let mut rows = Vec::with_capacity(self.rows.len());
        let mut numbers = Vec::with_capacity(self.rows.len());
        for (row, cells) in self.rows {
            let mut line = vec![Cell::Empty; width];
            for (col, value) in cells {
                line[(col - first_col) as usize] = value;
            }
            rows.push(line);
            numbers.push(row + 1);
        }
        Table {
            rows,
            numbers,
            format: FileFormat {
                kind,
                encoding: None,
                delimiter: None,
            },
        }
    }
}
