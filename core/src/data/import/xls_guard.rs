//! An .xls is checked before calamine reads it. calamine trusts the sizes
//! an .xls states: it reserves a sheet's declared area (an .xls can state
//! four billion rows), sizes its buffers from the compound file's header,
//! and builds each sheet's grid from its outermost cells. A hostile file
//! would make it ask for terabytes, and a failed allocation aborts the
//! process. So the compound file is opened with the `cfb` crate (which
//! checks its chains), the header sizes calamine allocates from must fit
//! in the file, and every sheet's stated and used area must be a list's.

use std::io::{Cursor, Read};

use super::limits::{self, damaged, FileRefusal, MAX_CELLS};
use crate::error::Result;

fn u16_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as u32)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

pub fn check(bytes: &[u8]) -> Result<()> {
    check_header(bytes)?;
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    if file.root_entry().len() > bytes.len() as u64 {
        return Err(damaged("mini stream larger than the file"));
    }
    let name = if file.is_stream("/Workbook") {
        "/Workbook"
    } else {
        "/Book"
    };
    let entry = file.entry(name).map_err(damaged)?;
    if entry.len() > bytes.len() as u64 {
        return Err(damaged("workbook stream larger than the file"));
    }
    let mut stream = Vec::new();
    file.open_stream(name)
        .map_err(damaged)?
        .take(bytes.len() as u64)
        .read_to_end(&mut stream)
        .map_err(damaged)?;
    check_sheets(&stream)
}

/// The header fields calamine sizes buffers from, each of which must fit
/// in the file. calamine reads the DIFAT length from offset 62 (the spec
/// puts it at 72), which straddles two other fields and is about 65,535 in
/// an ordinary file: it is allowed up to 256 MB of reservation.
fn check_header(bytes: &[u8]) -> Result<()> {
    let bad = || damaged("compound file header");
    let shift = u16_at(bytes, 30).ok_or_else(bad)?;
    let sector = match shift {
        9 => 512u64,
        12 => 4096,
        _ => return Err(bad()),
    };
    let len = bytes.len() as u64;
    for (at, unit, most) in [
        (40, sector, len),
        (44, 4, len),
        (64, sector, len),
        (62, 4, 256 << 20),
    ] {
        let n = u32_at(bytes, at).ok_or_else(bad)? as u64;
        if n.saturating_mul(unit) > most {
            return Err(bad());
        }
    }
    Ok(())
}

/// One BIFF record: type and data.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = (u32, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

const EOF: u32 = 0x000A;
const BOUNDSHEET: u32 = 0x0085;
const DIMENSIONS: u32 = 0x0200;
const MULRK: u32 = 0x00BD;
/// Records that start with a cell's row and column.
const CELLS: [u32; 7] = [0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006, 0x0201];

fn check_sheets(stream: &[u8]) -> Result<()> {
    let sheets: Vec<usize> = records(stream, 0)
        .take_while(|(typ, _)| *typ != EOF)
        .filter(|(typ, _)| *typ == BOUNDSHEET)
        .filter_map(|(_, data)| u32_at(data, 0).map(|p| p as usize))
        .collect();
    let mut total = 0u64;
    for pos in sheets {
        total += check_sheet(stream, pos)?;
        // calamine builds every sheet's grid when it opens the file.
        if total > 4 * MAX_CELLS {
            return Err(FileRefusal::TooManyCells { limit: MAX_CELLS }.into());
        }
    }
    Ok(())
}

/// Checks one sheet's stated and used area; returns the used area.
fn check_sheet(stream: &[u8], pos: usize) -> Result<u64> {
    let mut first = (u32::MAX, u32::MAX);
    let mut last = (0u32, 0u32);
    let mut seen = |row: u32, col: u32| {
        first = (first.0.min(row), first.1.min(col));
        last = (last.0.max(row), last.1.max(col));
    };
    for (typ, data) in records(stream, pos) {
        match typ {
            EOF => break,
            DIMENSIONS => check_dimensions(data)?,
            MULRK => {
                let (Some(row), Some(c1)) = (u16_at(data, 0), u16_at(data, 2)) else {
                    continue;
                };
                let c2 = data.len().checked_sub(2).and_then(|at| u16_at(data, at));
                seen(row, c1);
                seen(row, c2.unwrap_or(c1).max(c1));
            }
            t if CELLS.contains(&t) => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    seen(row, col);
                }
            }
            _ => {}
        }
    }
    if first.0 == u32::MAX {
        return Ok(0);
    }
    limits::check_area(first, last)?;
    Ok((last.0 - first.0 + 1) as u64 * (last.1 - first.1 + 1) as u64)
}

/// The sheet's stated area, as calamine computes it (which reserves it).
fn check_dimensions(r: &[u8]) -> Result<()> {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u16_at(r, 0).unwrap_or(0),
            u16_at(r, 2).unwrap_or(0),
            u16_at(r, 4).unwrap_or(0),
            u16_at(r, 6).unwrap_or(0),
        ),
        14 => (
            u32_at(r, 0).unwrap_or(0),
            u32_at(r, 4).unwrap_or(0),
            u16_at(r, 8).unwrap_or(0),
            u16_at(r, 10).unwrap_or(0),
        ),
        _ => return Ok(()), // calamine refuses it itself
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    let (start, end) = if 1 <= rl && 1 <= cl {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    if end.0 < start.0 || end.1 < start.1 {
        return Err(damaged("sheet dimensions"));
    }
    limits::check_area(start, end)
}
