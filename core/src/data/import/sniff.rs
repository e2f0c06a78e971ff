//! What a file is, from its first bytes rather than its name: Korean POS
//! programs save tab-separated text as `.xls`, Excel's "유니코드 텍스트" is
//! a `.txt`, and an owner may rename anything. A file that is not a list
//! (a PDF, a 한글 document, a web page) is named so she knows what to do.

use std::io::Cursor;

use super::limits::{damaged, FileRefusal};
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// Office Open XML workbook (.xlsx, .xlsm).
    Xlsx,
    /// Excel 97–2003 workbook in a compound file (.xls).
    Xls,
    /// Comma- or tab-separated text in some encoding.
    Text,
}

const ZIP: &[u8] = b"PK\x03\x04";
const CFB: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn not_a_list(kind: &str) -> Error {
    Error::File(FileRefusal::NotASpreadsheet { kind: kind.into() })
}

pub(crate) fn sniff(bytes: &[u8]) -> Result<Sniffed> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::File(FileRefusal::Empty));
    }
    if bytes.starts_with(ZIP) {
        return sniff_zip(bytes);
    }
    if bytes.starts_with(CFB) {
        return sniff_compound(bytes);
    }
    for (magic, kind) in [
        (&b"%PDF"[..], "pdf"),
        (b"\x89PNG", "image"),
        (b"\xFF\xD8\xFF", "image"),
        (b"GIF8", "image"),
        (b"HWP Document File", "hwp"),
        (b"{\\rtf", "rtf"),
    ] {
        if bytes.starts_with(magic) {
            return Err(not_a_list(kind));
        }
    }
    if looks_like_markup(bytes) {
        return Err(not_a_list("html"));
    }
    Ok(Sniffed::Text)
}

/// A web page or XML saved with a spreadsheet's name (what many web
/// programs' "엑셀 다운로드" gives).
fn looks_like_markup(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with('<')
        && ["<html", "<table", "<?xml", "<!doctype"]
            .iter()
            .any(|tag| text.contains(tag))
}

fn sniff_zip(bytes: &[u8]) -> Result<Sniffed> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(damaged)?;
    let has = |name: &str| zip.index_for_name(name).is_some();
    if has("xl/workbook.xml") {
        Ok(Sniffed::Xlsx)
    } else if has("xl/workbook.bin") {
        Err(not_a_list("xlsb"))
    } else if has("content.xml") {
        Err(not_a_list("ods"))
    } else if has("word/document.xml") {
        Err(not_a_list("docx"))
    } else {
        Err(not_a_list("zip"))
    }
}

fn sniff_compound(bytes: &[u8]) -> Result<Sniffed> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(damaged)?;
    if file.is_stream("/EncryptedPackage") {
        // An .xlsx saved with a password is wrapped like this.
        Err(Error::File(FileRefusal::Encrypted))
    } else if file.is_stream("/Workbook") || file.is_stream("/Book") {
        Ok(Sniffed::Xls)
    } else if file.is_stream("/FileHeader") {
        Err(not_a_list("hwp"))
    } else if file.is_stream("/WordDocument") {
        Err(not_a_list("doc"))
    } else {
        Err(not_a_list("compound"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(bytes: &[u8]) -> std::result::Result<Sniffed, String> {
        sniff(bytes).map_err(|e| match e {
            Error::File(FileRefusal::NotASpreadsheet { kind }) => kind,
            Error::File(r) => format!("{r:?}"),
            other => format!("{other}"),
        })
    }

    #[test]
    fn files_are_known_by_their_bytes() {
        assert_eq!(kind(b"name,phone\n"), Ok(Sniffed::Text));
        assert_eq!(kind(b"%PDF-1.7 ..."), Err("pdf".into()));
        assert_eq!(
            kind(b"\n <html><body><table><tr><td>a</td></tr></table>"),
            Err("html".into())
        );
        assert_eq!(kind(b"  \n\t"), Err("Empty".into()));
        assert!(matches!(
            sniff(b"PK\x03\x04garbage"),
            Err(Error::File(FileRefusal::Damaged { .. }))
        ));
    }
}
