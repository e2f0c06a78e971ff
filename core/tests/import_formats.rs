//! Every file an owner's old program or Excel may have saved is read
//! without her saying which: each text format Excel writes (comma, tab,
//! semicolon or bar separated; UTF-8, UTF-16, CP949) and old .xls files.

mod common;

use common::files::{cp949, utf16le, xls, xlsx, XlsCell};
use common::imports::{counts, customer, preview_of, ymd};
use common::TestShop;
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::data::import::read::{Delimiter, FileKind, TextEncoding};

const LIST: &str =
    "이름\t휴대폰\t메모\r\n김민수\t010-2345-6789\t케이크, 초 2개\r\n이서연\t01034567890\t\r\n";

#[test]
fn every_text_format_excel_writes_is_read_without_being_told() {
    let t = TestShop::new();
    let with_bom = |text: &str| [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    let cases: Vec<(&str, Vec<u8>, TextEncoding, Delimiter)> = vec![
        (
            "유니코드 텍스트.txt",
            utf16le(LIST),
            TextEncoding::Utf16Le,
            Delimiter::Tab,
        ),
        (
            "텍스트 (탭).txt",
            cp949(LIST),
            TextEncoding::Cp949,
            Delimiter::Tab,
        ),
        (
            "CSV.csv",
            cp949(
                &LIST
                    .replace('\t', ",")
                    .replace("케이크, 초 2개", "\"케이크, 초 2개\""),
            ),
            TextEncoding::Cp949,
            Delimiter::Comma,
        ),
        (
            "CSV UTF-8.csv",
            with_bom(
                &LIST
                    .replace('\t', ",")
                    .replace("케이크, 초 2개", "\"케이크, 초 2개\""),
            ),
            TextEncoding::Utf8Bom,
            Delimiter::Comma,
        ),
        (
            "utf8.csv",
            LIST.replace('\t', ";").into_bytes(),
            TextEncoding::Utf8,
            Delimiter::Semicolon,
        ),
        // A POS program's "엑셀 파일" that is really tab-separated text.
        (
            "POS 고객.xls",
            cp949(LIST),
            TextEncoding::Cp949,
            Delimiter::Tab,
        ),
    ];
    for (name, bytes, encoding, delimiter) in cases {
        let (_, p) = preview_of(&t, name, &bytes);
        assert_eq!(p.format.kind, FileKind::Text, "{name}");
        assert_eq!(p.format.encoding, Some(encoding), "{name}");
        assert_eq!(p.format.delimiter, Some(delimiter), "{name}");
        assert_eq!(p.counts, counts(2, 2, 0, 0), "{name}");
        assert_eq!(p.rows[0].saved.name, "김민수", "{name}");
        assert_eq!(p.rows[0].saved.memo, "케이크, 초 2개", "{name}");
        assert_eq!(p.rows[1].saved.phones, ["010-3456-7890"], "{name}");
    }
}

#[test]
fn old_excel_files_are_read() {
    let t = TestShop::new();
    let bytes = xls(
        &[
            (0, 0, XlsCell::Text("성명")),
            (0, 1, XlsCell::Text("핸드폰")),
            (0, 2, XlsCell::Text("생일")),
            (1, 0, XlsCell::Text("김옛날")),
            (1, 1, XlsCell::Number(1098765432.0)),
            (1, 2, XlsCell::Number(31108.0)),
        ],
        (0, 2, 0, 3),
    );
    let (path, p) = preview_of(&t, "old.xls", &bytes);
    assert_eq!(p.format.kind, FileKind::Xls);
    assert_eq!(p.counts, counts(1, 1, 0, 0));
    t.shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    let c = customer(&t, "김옛날");
    assert_eq!(
        c.phones[0].display, "010-9876-5432",
        "the number gets its 0 back"
    );
    assert_eq!(ymd(&c), Some((Some(1985), 3, 2, false)));
    // And a workbook written by rust_xlsxwriter with numbers as numbers.
    let (_, p) = preview_of(
        &t,
        "n.xlsx",
        &xlsx(&[&["이름", "휴대폰"], &["새손님", "1012345678"]], true),
    );
    assert_eq!(p.format.kind, FileKind::Xlsx);
    assert_eq!(p.rows[0].saved.phones, ["010-1234-5678"]);
    assert_eq!(
        p.rows[0].original[1].text, "1012345678",
        "the cell as it is in the file"
    );
}
