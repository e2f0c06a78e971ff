//! Fuzz-style property tests of the importer: thousands of generated CSV,
//! .xlsx and .xls files, well-formed and broken, each read and previewed
//! (and many imported). Whatever the bytes: no panic, no abort, and every
//! refusal is a typed `Error::File`; whatever is imported, every row is
//! accounted for (added, merged, skipped, or not imported for want of a
//! name).

mod common;

use common::files::{raw_xlsx, xls, xlsx, XlsCell};
use common::TestShop;
use dangol_core::data::import::limits::cell_name;
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::data::import::read::read_bytes;
use dangol_core::Error;
use proptest::prelude::*;

fn typed<T: std::fmt::Debug>(r: &Result<T, Error>) -> bool {
    matches!(r, Ok(_) | Err(Error::File(_)))
}

/// Cells as owners fill them, good and bad.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[가-힣]{1,4}",
        "[가-힣]{1,3} [가-힣]{1,2}",
        "[A-Za-z]{1,8}( [A-Za-z]{1,8})?",
        "01[016789]-?[0-9]{3,4}-?[0-9]{4}",
        "\\+82 ?10[ .-][0-9]{4}[ .-][0-9]{4}",
        "0[2-6][0-9]?[-. )][0-9]{3,4}-[0-9]{4}( / 010-[0-9]{4}-[0-9]{4})?",
        "[0-9]{1,12}",
        "(19|20)[0-9]{2}[.-/][0-9]{1,2}[.-/][0-9]{1,2}",
        "[0-9]{2}년 ?[0-9]{1,2}월 ?[0-9]{1,2}일",
        "\\(음\\)[0-9]{4}\\.[0-9]{1,2}\\.[0-9]{1,2}",
        "[a-z]{1,8}@[a-z]{1,8}(\\.[a-z]{2,3})?",
        "[\"',;\t|\\r\\n]{1,3}",
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
    ]
}

fn header() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("이름".to_string()),
        Just("성명".into()),
        Just("휴대폰".into()),
        Just("연락처".into()),
        Just("이메일".into()),
        Just("생년월일".into()),
        Just("주소".into()),
        Just("메모".into()),
        Just("Name".into()),
        Just("Phone".into()),
        "[가-힣a-z]{0,6}",
    ]
}

fn table() -> impl Strategy<Value = Vec<Vec<String>>> {
    (1usize..7).prop_flat_map(|width| {
        (
            proptest::collection::vec(header(), width),
            proptest::collection::vec(proptest::collection::vec(cell(), 0..=width + 1), 0..25),
        )
            .prop_map(|(h, mut rows)| {
                rows.insert(0, h);
                rows
            })
    })
}

fn to_text(rows: &[Vec<String>], delimiter: u8) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_writer(vec![]);
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The text in one of the encodings Excel writes.
fn encoded(text: &str, how: u8) -> Vec<u8> {
    match how % 5 {
        0 => text.as_bytes().to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        2 => encoding_rs::EUC_KR.encode(text).0.into_owned(),
        3 => {
            let mut out = vec![0xFF, 0xFE];
            out.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
            out
        }
        _ => encoding_rs::WINDOWS_1252.encode(text).0.into_owned(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_are_read_or_refused_with_a_reason(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        prop_assert!(typed(&read_bytes(&bytes, None)));
    }

    #[test]
    fn any_text_is_read_or_refused_with_a_reason(text in ".{0,600}", how in any::<u8>()) {
        prop_assert!(typed(&read_bytes(&encoded(&text, how), None)));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Lists as owners make them, previewed and imported: every row is
    /// accounted for, and the import does what the preview said.
    #[test]
    fn every_row_of_a_list_is_accounted_for(rows in table(), how in any::<u8>(), tab in any::<bool>()) {
        let t = TestShop::new();
        let bytes = encoded(&to_text(&rows, if tab { b'\t' } else { b',' }), how);
        let path = t.dir.path().join("list.csv");
        std::fs::write(&path, &bytes).unwrap();
        let preview = t.shop.preview_import(&path, &ImportOptions::default());
        prop_assert!(typed(&preview), "{preview:?}");
        let Ok(preview) = preview else { return Ok(()) };
        let c = preview.counts;
        prop_assert_eq!(c.ok + c.with_warnings + c.not_imported, c.rows);
        match t.shop.import_file(&path, &ImportOptions::default()) {
            Ok(out) => {
                prop_assert_eq!(out.counts, c);
                prop_assert_eq!(out.added + out.merged + out.skipped + c.not_imported, c.rows);
                prop_assert_eq!(t.shop.customer_count().unwrap(), out.added);
            }
            // Without a name column nothing can be imported, and it says so.
            Err(Error::Validation(fields)) => {
                prop_assert!(!preview.mapping.contains(&dangol_core::data::import::mapping::ImportField::Name));
                prop_assert_eq!(&fields[0].field, "mapping");
            }
            Err(other) => prop_assert!(false, "import: {other:?}"),
        }
    }
}

/// An xlsx cell: position (row, col), type attribute, value text.
fn xlsx_cell() -> impl Strategy<Value = (u32, u32, &'static str, String)> {
    (
        prop_oneof![
            0u32..30,
            0u32..1_048_576,
            Just(1_048_575u32),
            Just(u32::MAX / 2)
        ],
        prop_oneof![0u32..8, 0u32..16_384, Just(16_383u32), Just(20_000u32)],
        prop_oneof![
            Just("s"),
            Just("n"),
            Just("str"),
            Just("b"),
            Just("e"),
            Just("d"),
            Just("inlineStr"),
            Just("zz")
        ],
        prop_oneof![
            "[0-9]{1,6}",
            "-?[0-9]{1,3}\\.[0-9]{1,4}",
            "[가-힣a-z ]{0,8}",
            ".{0,12}"
        ],
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// Workbooks with cells anywhere, of any type, stating any area.
    #[test]
    fn any_workbook_is_read_or_refused_with_a_reason(
        cells in proptest::collection::vec(xlsx_cell(), 0..30),
        dimension in prop_oneof![Just(String::new()), "[A-Z]{1,3}[0-9]{1,7}(:[A-Z]{1,3}[0-9]{1,7})?", ".{0,10}"],
        shared in proptest::collection::vec("[가-힣a-z]{0,5}", 0..5),
    ) {
        let mut data = String::new();
        for (row, col, typ, value) in &cells {
            let at = cell_name(*row, *col);
            data.push_str(&format!(
                r#"<row r="{}"><c r="{at}" t="{typ}"><v>{}</v></c></row>"#,
                *row as u64 + 1,
                escape(value)
            ));
        }
        let shared: Vec<&str> = shared.iter().map(String::as_str).collect();
        let bytes = raw_xlsx(&escape(&dimension), &data, &shared);
        prop_assert!(typed(&read_bytes(&bytes, None)));
    }

    /// A real workbook with bytes changed or cut.
    #[test]
    fn a_damaged_workbook_is_refused_with_a_reason(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let mut bytes = xlsx(&[&["이름", "휴대폰"], &["김민수", "1012345678"], &["이서연", "010-2222-3333"]], true);
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        prop_assert!(typed(&read_bytes(&bytes, None)));
    }

    /// Old workbooks with cells anywhere and any stated area, and record
    /// soups that are barely .xls at all.
    #[test]
    fn any_old_workbook_is_read_or_refused_with_a_reason(
        cells in proptest::collection::vec((any::<u16>(), 0u16..300, prop_oneof!["[가-힣a-z]{0,6}".prop_map(Some), Just(None)], any::<f64>()), 0..20),
        dims in (any::<u32>(), any::<u32>(), any::<u16>(), any::<u16>()),
        junk in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let cells: Vec<(u16, u16, XlsCell)> = cells
            .iter()
            .map(|(r, c, text, n)| (*r % 200, *c, match text {
                Some(s) => XlsCell::Text(s),
                None => XlsCell::Number(*n),
            }))
            .collect();
        let mut bytes = xls(&cells, dims);
        prop_assert!(typed(&read_bytes(&bytes, None)));
        // The same compound file with junk written over part of it.
        let at = 512 + junk.len() % 512;
        for (i, b) in junk.iter().enumerate() {
            if let Some(x) = bytes.get_mut(at + i) {
                *x = *b;
            }
        }
        prop_assert!(typed(&read_bytes(&bytes, None)));
    }
}
