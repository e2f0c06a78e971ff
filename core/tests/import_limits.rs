//! Files no shop's list is, refused with a reason before they are read
//! into memory, and never taking the app (here: the test process) down:
//! a 1.6 KB .xlsx that states A1:XFD1048576, a 50 MB line, a million
//! cells, a zip that unpacks a thousandfold, an .xls that states four
//! billion rows, password-protected workbooks, and files that are not
//! lists at all.

mod common;

use std::io::{Cursor, Write};

use common::files::{raw_xlsx, write, xls, XlsCell};
use common::TestShop;
use dangol_core::data::import::limits::{FileRefusal, MAX_CELLS, MAX_FILE_BYTES};
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::data::import::read::read_bytes;
use dangol_core::Error;

fn refusal(t: &TestShop, name: &str, bytes: &[u8]) -> FileRefusal {
    let path = write(t.dir.path(), name, bytes);
    match t.shop.preview_import(&path, &ImportOptions::default()) {
        Err(Error::File(r)) => {
            // The import refuses it the same way, and saves nobody.
            match t.shop.import_file(&path, &ImportOptions::default()) {
                Err(Error::File(again)) => assert_eq!(again, r),
                other => panic!("{name}: import gave {other:?}"),
            }
            assert_eq!(t.shop.customer_count().unwrap(), 0);
            r
        }
        other => panic!("{name}: expected a refusal, got {other:?}"),
    }
}

fn too_large(range: &str) -> FileRefusal {
    FileRefusal::SheetTooLarge {
        range: range.into(),
        limit: MAX_CELLS,
    }
}

#[test]
fn a_tiny_xlsx_with_a_cell_in_xfd1048576_is_refused() {
    let t = TestShop::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "이름").unwrap();
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    assert!(bytes.len() < 8_000, "{} bytes", bytes.len());
    assert_eq!(refusal(&t, "tiny.xlsx", &bytes), too_large("A1:XFD1048576"));
}

#[test]
fn a_sheet_that_only_states_a_huge_area_is_refused_before_its_cells() {
    let t = TestShop::new();
    let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>"#;
    let bytes = raw_xlsx("A1:XFD1048576", cells, &["이름", "김민수"]);
    assert_eq!(
        refusal(&t, "declared.xlsx", &bytes),
        too_large("A1:XFD1048576")
    );
    // Without a stated area, the cells found say it.
    let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1048576"><c r="XFD1048576" t="s"><v>1</v></c></row>"#;
    let bytes = raw_xlsx("", cells, &["이름", "x"]);
    assert_eq!(
        refusal(&t, "found.xlsx", &bytes),
        too_large("A1:XFD1048576")
    );
    // The same workbook with a list-sized area reads.
    let cells = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>"#;
    let bytes = raw_xlsx("A1:A2", cells, &["이름", "김민수"]);
    let path = write(t.dir.path(), "fine.xlsx", &bytes);
    let p = t
        .shop
        .preview_import(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(p.rows[0].saved.name, "김민수");
}

#[test]
fn a_50_mb_line_is_refused_by_its_size_and_a_million_cells_by_their_count() {
    let t = TestShop::new();
    let path = t.dir.path().join("line.csv");
    let mut f = std::fs::File::create(&path).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..50 {
        f.write_all(&chunk).unwrap();
    }
    f.write_all(b"\n").unwrap();
    drop(f);
    match t.shop.preview_import(&path, &ImportOptions::default()) {
        Err(Error::File(FileRefusal::TooBig { bytes, limit })) => {
            assert_eq!((bytes, limit), (50 * (1 << 20) + 1, MAX_FILE_BYTES));
        }
        other => panic!("{other:?}"),
    }
    // Just under the size: one line of 24 million empty cells.
    let line = ",".repeat(24_000_000);
    assert_eq!(
        refusal(&t, "commas.csv", line.as_bytes()),
        FileRefusal::TooManyCells { limit: MAX_CELLS }
    );
    // A list of 170,000 customers in 6 columns is over a million cells.
    let mut big = String::from("이름,휴대폰,이메일,생일,주소,메모\n");
    for i in 0..170_000 {
        big.push_str(&format!(
            "손님{i},010-{:04}-{:04},,,,\n",
            i / 10_000,
            i % 10_000
        ));
    }
    assert_eq!(
        refusal(&t, "big.csv", big.as_bytes()),
        FileRefusal::TooManyCells { limit: MAX_CELLS }
    );
}

#[test]
fn one_enormous_cell_is_cut_not_loaded_twice() {
    let t = TestShop::new();
    let name = "가".repeat(2_000_000);
    let path = write(
        t.dir.path(),
        "huge-cell.csv",
        format!("이름\n{name}\n").as_bytes(),
    );
    let out = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(out.counts.with_warnings, 1);
    let id = out.warned[0].customer_id;
    assert_eq!(t.shop.get_customer(id).unwrap().name.chars().count(), 100);
    let kept = &t.shop.import_warnings(id).unwrap()[0].original;
    assert_eq!(
        kept.chars().count(),
        1_001,
        "the first 1,000 characters and …"
    );
}

#[test]
fn a_zip_that_unpacks_a_thousandfold_is_refused() {
    let t = TestShop::new();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("xl/workbook.xml", opts).unwrap();
    zip.write_all(b"<workbook/>").unwrap();
    zip.start_file("xl/sharedStrings.xml", opts).unwrap();
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..210 {
        zip.write_all(&spaces).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 2_000_000, "{} bytes", bytes.len());
    assert!(matches!(
        refusal(&t, "bomb.xlsx", &bytes),
        FileRefusal::TooBig { limit, .. } if limit == 200 * (1 << 20)
    ));
}

#[test]
fn an_old_xls_that_states_four_billion_rows_is_refused_before_calamine() {
    let t = TestShop::new();
    let cells = [
        (0, 0, XlsCell::Text("이름")),
        (1, 0, XlsCell::Text("김민수")),
    ];
    let bytes = xls(&cells, (0, u32::MAX, 0, 1));
    assert_eq!(refusal(&t, "rows.xls", &bytes), too_large("A1:A4294967295"));
    // Cells at both corners of an .xls sheet.
    let cells = [
        (0, 0, XlsCell::Text("이름")),
        (65_535, 255, XlsCell::Text("x")),
    ];
    let bytes = xls(&cells, (0, 2, 0, 1));
    assert_eq!(refusal(&t, "corners.xls", &bytes), too_large("A1:IV65536"));
    // A stated area that ends before it starts.
    let bytes = xls(&[(0, 0, XlsCell::Text("이름"))], (10, 3, 0, 1));
    assert!(matches!(
        refusal(&t, "inverted.xls", &bytes),
        FileRefusal::Damaged { .. }
    ));
}

fn compound_with(stream: &str) -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream(stream)
        .unwrap()
        .write_all(&[1u8; 5000])
        .unwrap();
    file.flush().unwrap();
    file.into_inner().into_inner()
}

#[test]
fn files_that_are_not_lists_are_named() {
    let t = TestShop::new();
    let kind = |name: &str, bytes: &[u8]| match refusal(&t, name, bytes) {
        FileRefusal::NotASpreadsheet { kind } => kind,
        other => format!("{other:?}"),
    };
    assert_eq!(kind("a.pdf", b"%PDF-1.4\n..."), "pdf");
    assert_eq!(kind("a.hwp", &compound_with("/FileHeader")), "hwp");
    assert_eq!(kind("a.doc", &compound_with("/WordDocument")), "doc");
    assert_eq!(
        kind(
            "web.xls",
            "<html><table><tr><td>이름</td></tr></table></html>".as_bytes()
        ),
        "html"
    );
    let mut ods = zip::ZipWriter::new(Cursor::new(Vec::new()));
    ods.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    ods.write_all(b"<office/>").unwrap();
    assert_eq!(kind("a.ods", &ods.finish().unwrap().into_inner()), "ods");
    assert_eq!(kind("a.png", b"\x89PNG\r\n\x1a\n...."), "image");
    assert_eq!(kind("a.bin", b"abc\0\0\x01def\0ghi"), "binary");
    assert_eq!(
        refusal(&t, "locked.xlsx", &compound_with("/EncryptedPackage")),
        FileRefusal::Encrypted
    );
    assert_eq!(refusal(&t, "empty.csv", b""), FileRefusal::Empty);
    assert_eq!(refusal(&t, "blank.csv", b"\n\n , ,\n"), FileRefusal::Empty);
    assert!(matches!(
        refusal(
            &t,
            "cut.xlsx",
            &common::files::xlsx(&[&["이름"]], false)[..300]
        ),
        FileRefusal::Damaged { .. }
    ));
    let gone = t.dir.path().join("gone.csv");
    assert!(matches!(
        t.shop.preview_import(&gone, &ImportOptions::default()),
        Err(Error::File(FileRefusal::Unavailable))
    ));
    // The same checks hold for bytes already in memory.
    assert!(matches!(read_bytes(b"%PDF", None), Err(Error::File(_))));
}
