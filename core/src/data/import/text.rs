//! Lists saved as text, in every way Excel writes them: "CSV (쉼표로
//! 분리)" in the Windows code page (CP949 in Korea, Windows-1252 in the US),
//! "CSV UTF-8" with a BOM, "텍스트 (탭으로 분리)", and "유니코드 텍스트",
//! which is UTF-16 with tabs. The encoding comes from the BOM, then from
//! whether the bytes are UTF-8 or UTF-16, then from `chardetng`; the
//! separator from which one splits the first lines evenly.

use encoding_rs::{Encoding, EUC_KR, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::limits::{CellBudget, FileRefusal};
use super::read::{Cell, FileFormat, FileKind, Table};
use crate::error::{Error, Result};

/// The text encodings a list may be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    /// Excel's "유니코드 텍스트" (little-endian, with a BOM).
    Utf16Le,
    Utf16Be,
    /// Korean Windows' encoding (a superset of EUC-KR); Excel's "CSV" in Korea.
    Cp949,
    /// Western Windows' encoding; Excel's "CSV" on an American PC.
    Windows1252,
}

/// What separates the cells of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Delimiter {
    Comma,
    Tab,
    Semicolon,
    Pipe,
}

impl Delimiter {
    const ALL: [Delimiter; 4] = [
        Delimiter::Comma,
        Delimiter::Tab,
        Delimiter::Semicolon,
        Delimiter::Pipe,
    ];

    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Tab => b'\t',
            Delimiter::Semicolon => b';',
            Delimiter::Pipe => b'|',
        }
    }

    fn from_byte(b: u8) -> Option<Delimiter> {
        Delimiter::ALL.into_iter().find(|d| d.byte() == b)
    }
}

/// True when every other byte of the start is zero: UTF-16 without a BOM.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let zeros = |offset: usize| {
        head.iter()
            .skip(offset)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = head.len() / 2;
    if zeros(1) * 10 >= half * 7 && zeros(0) * 10 < half {
        Some(TextEncoding::Utf16Le)
    } else if zeros(0) * 10 >= half * 7 && zeros(1) * 10 < half {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Guesses a text file's encoding from its bytes.
pub(crate) fn detect_encoding(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return TextEncoding::Utf8Bom;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return TextEncoding::Utf16Le;
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return TextEncoding::Utf16Be;
    }
    if let Some(utf16) = utf16_without_bom(bytes) {
        return utf16;
    }
    if std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    let guess = det.guess(Some(b"kr"), chardetng::Utf8Detection::Allow);
    if guess == UTF_8 {
        TextEncoding::Utf8
    } else if guess == WINDOWS_1252 {
        TextEncoding::Windows1252
    } else {
        // Korean shops' files that are not Unicode are CP949; chardetng's
        // EUC-KR is the same WHATWG decoder (windows-949).
        TextEncoding::Cp949
    }
}

fn encoding_of(enc: TextEncoding) -> &'static Encoding {
    match enc {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => UTF_8,
        TextEncoding::Utf16Le => UTF_16LE,
        TextEncoding::Utf16Be => UTF_16BE,
        TextEncoding::Cp949 => EUC_KR,
        TextEncoding::Windows1252 => WINDOWS_1252,
    }
}

/// The text of `bytes` read as `enc`: a BOM is dropped, bad bytes become
/// U+FFFD and show in the preview.
pub(crate) fn decode(bytes: &[u8], enc: TextEncoding) -> String {
    encoding_of(enc)
        .decode_without_bom_handling(strip_bom(bytes, enc))
        .0
        .into_owned()
}

fn strip_bom(bytes: &[u8], enc: TextEncoding) -> &[u8] {
    let bom: &[u8] = match enc {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => &[0xEF, 0xBB, 0xBF],
        TextEncoding::Utf16Le => &[0xFF, 0xFE],
        TextEncoding::Utf16Be => &[0xFE, 0xFF],
        _ => &[],
    };
    bytes.strip_prefix(bom).unwrap_or(bytes)
}

/// Excel's own hint on the first line, `sep=;`.
fn sep_line(text: &str) -> Option<(Delimiter, usize)> {
    let first = text.lines().next()?;
    let rest = first.trim_end().strip_prefix("sep=")?;
    let b = *rest.as_bytes().first()?;
    (rest.len() == 1)
        .then(|| Delimiter::from_byte(b))
        .flatten()
        .map(|d| (d, text.find('\n').map_or(text.len(), |n| n + 1)))
}

/// The separator that splits the first lines most evenly into more than one
/// cell; a comma when nothing does.
pub(crate) fn detect_delimiter(text: &str) -> Delimiter {
    let head: String = text.lines().take(30).collect::<Vec<_>>().join("\n");
    let score = |d: Delimiter| {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d.byte())
            .from_reader(head.as_bytes());
        let mut counts = std::collections::HashMap::<usize, usize>::new();
        for r in reader.records().flatten() {
            if r.len() > 1 {
                *counts.entry(r.len()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .map(|(width, lines)| (lines, width))
            .max()
            .unwrap_or((0, 0))
    };
    Delimiter::ALL
        .into_iter()
        .max_by_key(|d| (score(*d), std::cmp::Reverse(*d as u8)))
        .unwrap_or(Delimiter::Comma)
}

/// Reads a text list; `encoding` overrides the guess.
pub(crate) fn read(bytes: &[u8], encoding: Option<TextEncoding>) -> Result<Table> {
    let enc = encoding.unwrap_or_else(|| detect_encoding(bytes));
    let text = decode(bytes, enc);
    if text.contains('\0') {
        // Text has no NUL characters: this is some other binary file.
        return Err(Error::File(FileRefusal::NotASpreadsheet {
            kind: "binary".into(),
        }));
    }
    let (delimiter, skip) = match sep_line(&text) {
        Some((d, len)) => (d, len),
        None => (detect_delimiter(&text), 0),
    };
    let mut table = parse(&text[skip..], delimiter)?;
    if skip > 0 {
        table.numbers.iter_mut().for_each(|n| *n += 1);
    }
    table.format = FileFormat {
        kind: FileKind::Text,
        encoding: Some(enc),
        delimiter: Some(delimiter),
    };
    Ok(table)
}

fn parse(text: &str, delimiter: Delimiter) -> Result<Table> {
    // A ceiling before parsing: one line of a million separators would be a
    // million cells held at once before they could be counted one by one.
    let bound = memchr::memchr_iter(delimiter.byte(), text.as_bytes()).count()
        + memchr::memchr_iter(b'\n', text.as_bytes()).count();
    if bound as u64 > 2 * super::limits::MAX_CELLS {
        return Err(Error::File(FileRefusal::TooManyCells {
            limit: super::limits::MAX_CELLS,
        }));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(text.as_bytes());
    let (mut rows, mut numbers) = (vec![], vec![]);
    let mut budget = CellBudget::default();
    // Line numbers are counted from byte offsets (the reader's own count
    // skips the blank lines it skips), going forward only.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u32);
    for record in reader.records() {
        let record = record.map_err(super::limits::damaged)?;
        budget.take(record.len() as u64)?;
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
        format: FileFormat::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_numbers_count_blank_lines() {
        let t = read("title\n\nname,phone\na,1\n,\nb,2\n".as_bytes(), None).unwrap();
        assert_eq!(t.numbers, [1, 3, 4, 5, 6]);
        let korean = "고객 명단 (2024년 정리)\n\n성명,휴대폰\n김민수,010\n";
        let (bytes, _, _) = EUC_KR.encode(korean);
        let t = read(&bytes, None).unwrap();
        assert_eq!(t.format.encoding, Some(TextEncoding::Cp949));
        assert_eq!(t.numbers, [1, 3, 4]);
    }

    #[test]
    fn excel_unicode_text_is_utf16_with_tabs() {
        let text = "이름\t휴대폰\r\n김민수\t010-1234-5678\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let t = read(&bytes, None).unwrap();
        assert_eq!(t.format.encoding, Some(TextEncoding::Utf16Le));
        assert_eq!(t.format.delimiter, Some(Delimiter::Tab));
        assert_eq!(t.rows[1][0], Cell::Text("김민수".into()));
        // And without its BOM.
        let t = read(&bytes[2..], None).unwrap();
        assert_eq!(t.format.encoding, Some(TextEncoding::Utf16Le));
        assert_eq!(t.rows[1][1], Cell::Text("010-1234-5678".into()));
    }

    #[test]
    fn separators_are_found() {
        let t = "name;phone;mail\nKim;010;a@b.c\nLee;011;\n";
        assert_eq!(detect_delimiter(t), Delimiter::Semicolon);
        // Commas inside a quoted memo do not fool it.
        let t = "이름\t메모\n김\t\"a, b, c\"\n이\t\"d, e\"\n";
        assert_eq!(detect_delimiter(t), Delimiter::Tab);
        assert_eq!(detect_delimiter("이름\n김\n"), Delimiter::Comma);
        let t = read(b"sep=;\nname;phone\nKim;010\n", None).unwrap();
        assert_eq!(t.format.delimiter, Some(Delimiter::Semicolon));
        assert_eq!(t.numbers, [2, 3]);
    }

    #[test]
    fn american_excel_csv_is_windows_1252() {
        let (bytes, _, _) =
            WINDOWS_1252.encode("Name,City\nJosé Núñez,São Paulo\nRenée Façade,Zürich\n");
        assert_eq!(detect_encoding(&bytes), TextEncoding::Windows1252);
    }
}
