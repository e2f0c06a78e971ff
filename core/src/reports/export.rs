//! A report's tables to .xlsx: one worksheet per table, numbers as numbers
//! (counts, money, shares as percentages) so the owner can sum and chart
//! them in Excel; the title row in bold and frozen.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::table::{Cell, ReportTable};
use crate::error::{Error, Result};
use crate::store::settings::Country;

fn xl(e: XlsxError) -> Error {
    Error::Io(std::io::Error::other(e))
}

/// A worksheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// and unlike the ones before it.
fn sheet_name(title: &str, taken: &mut Vec<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(28)
        .collect();
    let mut name = clean.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{clean} {n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

/// Writes the tables as one workbook; money in the shop currency's units.
pub fn to_xlsx(tables: &[ReportTable], country: Country, path: &Path) -> Result<()> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let count = Format::new().set_num_format("#,##0");
    let money = match country {
        Country::KR => Format::new().set_num_format("#,##0"),
        Country::US => Format::new().set_num_format("#,##0.00"),
    };
    let percent = Format::new().set_num_format("0.0%");
    let mut taken = vec![];
    for t in tables {
        let sheet = book.add_worksheet();
        sheet
            .set_name(sheet_name(&t.title, &mut taken))
            .map_err(xl)?;
        for (col, h) in t.columns.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, h, &bold)
                .map_err(xl)?;
            sheet.set_column_width(col as u16, 14).map_err(xl)?;
        }
        for (i, row) in t.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Text(s) => sheet.write_string(r, c, s).map(drop),
                    Cell::Count(n) => sheet
                        .write_number_with_format(r, c, *n as f64, &count)
                        .map(drop),
                    Cell::Money(m) => {
                        let v = match country {
                            Country::KR => *m as f64,
                            Country::US => *m as f64 / 100.0,
                        };
                        sheet.write_number_with_format(r, c, v, &money).map(drop)
                    }
                    Cell::Share(Some(s)) => {
                        sheet.write_number_with_format(r, c, *s, &percent).map(drop)
                    }
                    Cell::Days(Some(d)) => sheet.write_number(r, c, f64::from(*d)).map(drop),
                    Cell::Share(None) | Cell::Days(None) => Ok(()),
                    Cell::Date(d) => sheet
                        .write_string(r, c, d.format("%Y-%m-%d").to_string())
                        .map(drop),
                }
                .map_err(xl)?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(xl)?;
    }
    let bytes = book.save_to_buffer().map_err(xl)?;
    crate::data::import::export::write_atomically(path, &bytes)
}
