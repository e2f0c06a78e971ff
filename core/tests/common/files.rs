//! Customer files made in the tests, as the programs shops use write them:
//! text in CP949 or UTF-16 ("유니코드 텍스트"), .xlsx by rust_xlsxwriter or
//! by hand (to state a sheet's size without its cells), and .xls (BIFF8 in
//! a compound file) record by record, so hostile sizes can be stated too.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

pub fn cp949(text: &str) -> Vec<u8> {
    let (bytes, _, bad) = encoding_rs::EUC_KR.encode(text);
    assert!(!bad, "not all CP949: {text}");
    bytes.into_owned()
}

/// Excel's "유니코드 텍스트": UTF-16LE with its BOM.
pub fn utf16le(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    out
}

/// An .xlsx whose first sheet holds `rows` (strings; numbers when they
/// parse as one and `numbers` is set).
pub fn xlsx(rows: &[&[&str]], numbers: bool) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            match v.parse::<f64>() {
                Ok(n) if numbers => sheet.write_number(r as u32, c as u16, n).unwrap(),
                _ => sheet.write_string(r as u32, c as u16, *v).unwrap(),
            };
        }
    }
    book.save_to_buffer().unwrap()
}

/// A minimal .xlsx by hand: `sheet_data` is the `<sheetData>` content,
/// `dimension` the `ref` it states (none when empty).
pub fn raw_xlsx(dimension: &str, sheet_data: &str, shared: &[&str]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, body: String| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    };
    put("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.into());
    put("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.into());
    put("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.into());
    put("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#.into());
    let sst: String = shared
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    put(
        "xl/sharedStrings.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{n}" uniqueCount="{n}">{sst}</sst>"#,
            n = shared.len()
        ),
    );
    let dim = if dimension.is_empty() {
        String::new()
    } else {
        format!(r#"<dimension ref="{dimension}"></dimension>"#)
    };
    put(
        "xl/worksheets/sheet1.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dim}<sheetData>{sheet_data}</sheetData></worksheet>"#
        ),
    );
    zip.finish().unwrap().into_inner()
}

/// One BIFF record.
fn record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = typ.to_le_bytes().to_vec();
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
    out
}

/// A cell of an .xls sheet: text or a number.
pub enum XlsCell<'a> {
    Text(&'a str),
    Number(f64),
}

/// An .xls (BIFF8) with one sheet, `cells` at (row, col), stating the
/// sheet's area as `dimensions` (first row, last row + 1, first col,
/// last col + 1), as Excel 97–2003 writes it.
pub fn xls(cells: &[(u16, u16, XlsCell)], dimensions: (u32, u32, u16, u16)) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = vec![];
        d.extend(0x0600u16.to_le_bytes());
        d.extend(dt.to_le_bytes());
        d.extend([0u8; 12]);
        record(0x0809, &d)
    };
    let mut sheet = bof(0x0010);
    let (r1, r2, c1, c2) = dimensions;
    let mut dim = vec![];
    dim.extend(r1.to_le_bytes());
    dim.extend(r2.to_le_bytes());
    dim.extend(c1.to_le_bytes());
    dim.extend(c2.to_le_bytes());
    dim.extend([0u8; 2]);
    sheet.extend(record(0x0200, &dim));
    for (row, col, cell) in cells {
        let mut d = vec![];
        d.extend(row.to_le_bytes());
        d.extend(col.to_le_bytes());
        d.extend(0u16.to_le_bytes());
        match cell {
            XlsCell::Text(s) => {
                let units: Vec<u16> = s.encode_utf16().collect();
                d.extend((units.len() as u16).to_le_bytes());
                d.push(1);
                d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
                sheet.extend(record(0x0204, &d));
            }
            XlsCell::Number(n) => {
                d.extend(n.to_le_bytes());
                sheet.extend(record(0x0203, &d));
            }
        }
    }
    sheet.extend(record(0x000A, &[]));

    let name: Vec<u16> = "Sheet1".encode_utf16().collect();
    let boundsheet = |pos: u32| {
        let mut d = pos.to_le_bytes().to_vec();
        d.extend([0u8, 0u8, name.len() as u8, 1u8]);
        d.extend(name.iter().flat_map(|u| u.to_le_bytes()));
        record(0x0085, &d)
    };
    let mut globals = bof(0x0005);
    globals.extend(record(0x0042, &1200u16.to_le_bytes()));
    let at = globals.len() + boundsheet(0).len() + record(0x000A, &[]).len();
    globals.extend(boundsheet(at as u32));
    globals.extend(record(0x000A, &[]));
    globals.extend(sheet);

    // Excel 97–2003 writes version 3 (512-byte sectors).
    let mut file =
        cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new())).unwrap();
    let mut stream = file.create_stream("/Workbook").unwrap();
    stream.write_all(&globals).unwrap();
    // Big enough to live in regular sectors, as Excel's always do.
    if globals.len() < 4096 {
        stream.write_all(&vec![0u8; 4096 - globals.len()]).unwrap();
    }
    drop(stream);
    file.flush().unwrap();
    file.into_inner().into_inner()
}
