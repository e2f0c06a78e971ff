//! Customers out to .xlsx and to CSV that Excel opens correctly in Korean
//! (UTF-8 with BOM). Headers are in the shop's language and read back by
//! the importer.

use std::path::Path;

use rusqlite::Connection;
use rust_xlsxwriter::{Format, Workbook};

use crate::error::{Error, Result};
use crate::store::settings::Language;

/// The customers sheet's columns, as keys of the export's words.
const HEADERS: [&str; 13] = [
    "card_no",
    "name",
    "phone",
    "phone2",
    "email",
    "postal_code",
    "address",
    "address2",
    "birthday",
    "lunar",
    "memo",
    "staff",
    "created",
];

/// The export's word `key` in `lang`.
fn say(lang: Language, key: &str) -> String {
    crate::data::WORDS.say(lang, &format!("export.{key}"))
}

/// Every customer as rows of text, in card-number order.
fn rows(conn: &Connection, lang: Language) -> Result<Vec<[String; 13]>> {
    let mut stmt = conn.prepare(
        "SELECT c.card_no, c.name,
            (SELECT national FROM customer_phones p WHERE p.customer_id = c.id AND position = 0),
            (SELECT national FROM customer_phones p WHERE p.customer_id = c.id AND position = 1),
            COALESCE(c.email, ''), c.postal_code, c.address1, c.address2,
            COALESCE(c.birthday, ''), c.birthday_lunar, c.memo, COALESCE(s.name, ''), c.created_at
         FROM customers c LEFT JOIN staff s ON s.id = c.staff_id ORDER BY c.card_no",
    )?;
    let yes = say(lang, "lunar_yes");
    let out = stmt
        .query_map([], |r| {
            let lunar: bool = r.get(9)?;
            let birthday: String = r.get(8)?;
            let created: String = r.get(12)?;
            Ok([
                format!("{:06}", r.get::<_, i64>(0)?),
                r.get(1)?,
                r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                birthday.trim_start_matches("--").to_string(),
                if lunar {
                    yes.to_string()
                } else {
                    String::new()
                },
                r.get(10)?,
                r.get(11)?,
                created.get(..10).unwrap_or_default().to_string(),
            ])
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(out)
}

fn headers(lang: Language) -> Vec<String> {
    HEADERS
        .iter()
        .map(|h| say(lang, &format!("customers.{h}")))
        .collect()
}

/// Writes a CSV with a UTF-8 BOM; returns how many customers.
pub(crate) fn to_csv(conn: &Connection, path: &Path, lang: Language) -> Result<u32> {
    let data = rows(conn, lang)?;
    let mut buf = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        let io = |e: csv::Error| Error::Io(std::io::Error::other(e));
        w.write_record(headers(lang)).map_err(io)?;
        for row in &data {
            w.write_record(row.iter().map(|cell| guard_formula(cell).into_owned()))
                .map_err(io)?;
        }
        w.flush()?;
    }
    write_atomically(path, &buf)?;
    Ok(data.len() as u32)
}

/// Writes an .xlsx with every cell as text (phones keep their 0); returns
/// how many customers.
pub fn to_xlsx(conn: &Connection, path: &Path, lang: Language, with_history: bool) -> Result<u32> {
    let data = rows(conn, lang)?;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .set_name(say(lang, "sheet.customers"))
        .map_err(|e| Error::Io(std::io::Error::other(e)))?;
    let xl = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e));
    let bold = Format::new().set_bold();
    for (col, h) in headers(lang).iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, h, &bold)
            .map_err(xl)?;
    }
    for (i, row) in data.iter().enumerate() {
        for (col, value) in row.iter().enumerate() {
            if !value.is_empty() {
                sheet
                    .write_string(i as u32 + 1, col as u16, value)
                    .map_err(xl)?;
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(xl)?;
    if with_history {
        history_sheet(conn, &mut book, lang).map_err(|e| match e {
            Error::Io(io) => Error::Io(io),
            other => other,
        })?;
    }
    let bytes = book.save_to_buffer().map_err(xl)?;
    write_atomically(path, &bytes)?;
    Ok(data.len() as u32)
}

/// The history sheet's columns, as keys of the export's words.
const HISTORY: [&str; 9] = [
    "when", "card_no", "name", "kind", "amount", "tab", "summary", "answer", "staff",
];

/// A second sheet with every history entry, newest first; amounts are
/// numbers in minor units so that Excel can sum them.
fn history_sheet(conn: &Connection, book: &mut Workbook, lang: Language) -> Result<()> {
    let xl = |e: rust_xlsxwriter::XlsxError| Error::Io(std::io::Error::other(e));
    let sheet = book.add_worksheet();
    sheet.set_name(say(lang, "sheet.history")).map_err(xl)?;
    let bold = Format::new().set_bold();
    for (col, h) in HISTORY.iter().enumerate() {
        sheet
            .write_string_with_format(0, col as u16, say(lang, &format!("history.{h}")), &bold)
            .map_err(xl)?;
    }
    let mut stmt = conn.prepare(
        "SELECT substr(h.happened_at, 1, 16), printf('%06d', c.card_no), c.name, h.kind,
                h.amount, h.owed_delta, h.summary, h.detail, COALESCE(s.name, '')
         FROM history h JOIN customers c ON c.id = h.customer_id
         LEFT JOIN staff s ON s.id = h.staff_id
         ORDER BY h.happened_at DESC, h.id DESC",
    )?;
    let mut rows = stmt.query([])?;
    let mut r = 1u32;
    while let Some(row) = rows.next()? {
        for col in 0..9usize {
            if col == 4 || col == 5 {
                let n: i64 = row.get(col)?;
                if n != 0 {
                    sheet.write_number(r, col as u16, n as f64).map_err(xl)?;
                }
            } else if col == 3 {
                let kind: String = row.get(col)?;
                sheet
                    .write_string(r, 3, kind_label(&kind, lang))
                    .map_err(xl)?;
            } else {
                let v: String = row.get(col)?;
                if !v.is_empty() {
                    sheet.write_string(r, col as u16, v).map_err(xl)?;
                }
            }
        }
        r += 1;
    }
    sheet.set_freeze_panes(1, 0).map_err(xl)?;
    Ok(())
}

/// A history kind as the sheet names it; a kind this version does not
/// know (a newer Dangol wrote it) is shown as stored.
fn kind_label(kind: &str, lang: Language) -> String {
    let key = format!("export.kind.{kind}");
    if crate::data::WORDS.has(lang, &key) {
        crate::data::WORDS.say(lang, &key)
    } else {
        kind.to_string()
    }
}

/// Would Excel (or LibreOffice, or Google Sheets) read this cell as a
/// formula? OWASP's list of first characters: = + - @ tab CR. A cell that
/// is only a number or a phone number (`+82 10-1234-5678`, `-5`) cannot
/// call anything, so it is left readable.
fn runs_as_formula(cell: &str) -> bool {
    let mut chars = cell.chars();
    match chars.next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !chars.all(|c| c.is_ascii_digit() || " -().".contains(c)),
        _ => false,
    }
}

/// A CSV cell as written: one that would run as a formula gets a leading
/// `'`, which spreadsheets show as text ("CSV injection", OWASP). Cells
/// that already start with quotes before such a character get one more,
/// so that `unguard_formula` gives back exactly what the owner typed.
pub(crate) fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if runs_as_formula(cell.trim_start_matches('\'')) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The importer's side of `guard_formula`: takes off the quote it added.
pub(crate) fn unguard_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if runs_as_formula(rest.trim_start_matches('\'')) => rest,
        _ => cell,
    }
}

/// Writes a whole file or nothing: to a temporary name beside it, then
/// renamed. A failed write takes its temporary file (all the customers'
/// data) away with it.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("partial");
    let written = std::fs::write(&tmp, bytes).and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    Ok(written?)
}
