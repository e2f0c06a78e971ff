//! Importing the files shops really have, made here: CP949 and BOM CSVs,
//! title rows above the headers, blank rows, phones stored as numbers,
//! Excel date serials, 10,000 rows with some bad ones; all or nothing when
//! the process is killed mid-import; undo. (Ugly cells and duplicates in
//! the file: `import_cells.rs`; limits and hostile files: `import_limits.rs`.)

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use common::files::{cp949, write};
use common::{form, TestShop};
use dangol_core::data::import::dupes::{DuplicateChoice, DuplicateOf, DuplicateReason};
use dangol_core::data::import::mapping::ImportField;
use dangol_core::data::import::plan::{ImportCounts, ImportOptions, RowStatus};
use dangol_core::data::import::read::TextEncoding;
use dangol_core::data::import::row::WarningCode;
use dangol_core::Shop;

const KOREAN_CSV: &str = "고객 명단 (2024년 정리)\n\n성명,휴대폰,생년월일,주소,비고\n김민수,010-2345-6789,1985.3.2,서울 마포구 월드컵로 10,단골\n,,,,\n이서연,01034567890,85-03-02,,\n박지훈,010-12,1990-02-30,,전화번호 틀림\n";

#[test]
fn cp949_csv_with_a_title_row_and_blank_rows() {
    let t = TestShop::new();
    let path = write(t.dir.path(), "고객.csv", &cp949(KOREAN_CSV));
    let preview = t
        .shop
        .preview_import(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(preview.format.encoding, Some(TextEncoding::Cp949));
    assert_eq!(preview.header_row, 3);
    use ImportField::*;
    assert_eq!(preview.mapping, [Name, Phone, Birthday, Address, Memo]);
    assert_eq!(
        preview.counts,
        ImportCounts {
            rows: 3,
            ok: 2,
            with_warnings: 1,
            not_imported: 0
        }
    );
    // 박지훈 comes in without the phone and the 30 February, and says so.
    let park = preview.rows.iter().find(|r| r.row == 7).expect("row 7");
    assert_eq!(park.status, RowStatus::Warnings);
    let left_out: Vec<(ImportField, WarningCode, &str)> = park
        .warnings
        .iter()
        .map(|w| (w.field, w.code, w.original.as_str()))
        .collect();
    assert_eq!(
        left_out,
        [
            (Phone, WarningCode::NotAPhone, "010-12"),
            (Birthday, WarningCode::NotADate, "1990-02-30")
        ]
    );
    assert_eq!(park.saved.name, "박지훈");
    assert!(park.saved.phones.is_empty());
    // The preview shows what is saved: 01034567890 as a phone is written.
    let lee = preview.rows.iter().find(|r| r.row == 6).unwrap();
    assert_eq!(lee.saved.phones, ["010-3456-7890"]);
    assert_eq!(
        lee.saved.birthday.map(|b| (b.year, b.month, b.day)),
        Some((Some(1985), 3, 2))
    );
    let original: Vec<&str> = lee.original.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(original, ["이서연", "01034567890", "85-03-02", "", ""]);
    assert_eq!(
        t.shop.customer_count().unwrap(),
        0,
        "a preview changed the data"
    );

    let outcome = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!((outcome.added, outcome.skipped), (3, 0));
    assert_eq!(outcome.counts, preview.counts);
    let hit = &t.shop.search("ㅇㅅㅇ", 5).hits[0];
    assert_eq!(hit.phone.as_deref(), Some("010-3456-7890"));
    let minsu = t
        .shop
        .get_customer(t.shop.search("김민수", 5).hits[0].id)
        .unwrap();
    assert_eq!(
        minsu.birthday.map(|b| (b.year, b.month, b.day)),
        Some((Some(1985), 3, 2))
    );
    assert_eq!(minsu.memo, "단골");
    // What was left out of 박지훈 is kept on his record.
    let park = t.shop.search("박지훈", 5).hits[0].id;
    let kept = t.shop.import_warnings(park).unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!((kept[0].row, kept[0].original.as_str()), (7, "010-12"));
    assert_eq!(kept[0].file_name, "고객.csv");
    assert!(t.shop.import_warnings(minsu.id).unwrap().is_empty());
}

#[test]
fn utf8_with_bom_and_english_headers_and_an_override() {
    let t = TestShop::new();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        "Name,Mobile,E-mail\nJane Park,+1 213-555-0142,jane@example.com\n".as_bytes(),
    );
    let path = write(t.dir.path(), "export.csv", &bytes);
    let preview = t
        .shop
        .preview_import(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(preview.format.encoding, Some(TextEncoding::Utf8Bom));
    assert_eq!(
        preview.headers[0], "Name",
        "the BOM is not part of the first header"
    );
    // The owner remaps: the e-mail column is to be ignored.
    let opts = ImportOptions {
        mapping: vec![ImportField::Name, ImportField::Phone, ImportField::Ignore],
        ..Default::default()
    };
    t.shop.import_file(&path, &opts).unwrap();
    let c = t
        .shop
        .get_customer(t.shop.search("jane", 5).hits[0].id)
        .unwrap();
    assert_eq!(c.email, None);
}

#[test]
fn xlsx_with_numeric_phones_and_date_serials() {
    let t = TestShop::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .merge_range(
            0,
            0,
            0,
            2,
            "우리 가게 고객",
            &rust_xlsxwriter::Format::new(),
        )
        .unwrap();
    for (col, h) in ["이름", "핸드폰", "생일"].iter().enumerate() {
        sheet.write_string(1, col as u16, *h).unwrap();
    }
    sheet.write_string(2, 0, "최유진").unwrap();
    sheet.write_number(2, 1, 1098765432.0).unwrap();
    sheet.write_number(2, 2, 31108.0).unwrap();
    sheet.write_string(3, 0, "정하늘").unwrap();
    sheet.write_number(3, 1, 21234567.0).unwrap();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(1990, 12, 25).unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_datetime_with_format(3, 2, &date, &fmt).unwrap();
    let path = t.dir.path().join("고객.xlsx");
    book.save(&path).unwrap();

    let outcome = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(outcome.added, 2);
    let yujin = t
        .shop
        .get_customer(t.shop.search("최유진", 5).hits[0].id)
        .unwrap();
    assert_eq!(yujin.phones[0].display, "010-9876-5432");
    assert_eq!(
        yujin.birthday.map(|b| (b.year, b.month, b.day)),
        Some((Some(1985), 3, 2))
    );
    let haneul = t
        .shop
        .get_customer(t.shop.search("정하늘", 5).hits[0].id)
        .unwrap();
    assert_eq!(haneul.phones[0].display, "02-123-4567");
    assert_eq!(haneul.birthday.map(|b| (b.month, b.day)), Some((12, 25)));
}

#[test]
fn known_customers_are_merged_by_phone_and_kept_or_skipped_as_chosen() {
    let t = TestShop::new();
    let mut known = form("김민수", "010-2345-6789", "");
    known.birthday = "1985-03-02".into();
    t.shop.create_customer(&known).unwrap();
    let csv = "이름,전화번호,생일\n김민수,010-2345-6789,\n김 민수,010-9999-0000,1985.3.2\n새손님,010-1111-2222,\n김민수,010-3333-4444,\n";
    let path = write(t.dir.path(), "a.csv", csv.as_bytes());
    let preview = t
        .shop
        .preview_import(&path, &ImportOptions::default())
        .unwrap();
    let found: Vec<(u32, DuplicateReason, DuplicateChoice)> = preview
        .duplicates
        .iter()
        .map(|d| (d.row, d.reason, d.suggested))
        .collect();
    // The same name alone (row 5) is not the same person.
    assert_eq!(
        found,
        [
            (2, DuplicateReason::Phone, DuplicateChoice::Merge),
            (
                3,
                DuplicateReason::NameAndBirthday,
                DuplicateChoice::KeepBoth
            )
        ]
    );
    assert!(
        matches!(preview.duplicates[0].of, DuplicateOf::Customer { ref name, .. } if name == "김민수")
    );
    let opts = ImportOptions {
        duplicates: HashMap::from([(3, DuplicateChoice::Skip)]),
        ..Default::default()
    };
    let outcome = t.shop.import_file(&path, &opts).unwrap();
    assert_eq!((outcome.added, outcome.merged, outcome.skipped), (2, 1, 1));
    assert_eq!(t.shop.customer_count().unwrap(), 3);

    // Undo takes the import back as one step.
    assert_eq!(t.shop.undo_import(outcome.batch_id).unwrap(), 2);
    assert_eq!(t.shop.customer_count().unwrap(), 1);
    assert!(t.shop.search("새손님", 5).hits.is_empty());
    assert!(
        t.shop.undo_import(outcome.batch_id).is_err(),
        "undone twice"
    );
}

fn big_csv(rows: usize) -> String {
    let mut s = String::from("이름,휴대폰,이메일\n");
    for i in 0..rows {
        let email = if i % 1000 == 999 {
            "bad@@mail".to_string()
        } else {
            format!("c{i}@example.com")
        };
        s.push_str(&format!(
            "고객{i},010-{:04}-{:04},{email}\n",
            2000 + i / 10000,
            i % 10000
        ));
    }
    s
}

#[test]
fn ten_thousand_rows_with_some_bad_ones() {
    let t = TestShop::new();
    let path = write(t.dir.path(), "big.csv", big_csv(10_000).as_bytes());
    let preview = t
        .shop
        .preview_import(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(preview.counts.rows, 10_000);
    assert_eq!(preview.counts.with_warnings, 10);
    let warned: Vec<&_> = preview
        .rows
        .iter()
        .filter(|r| r.status == RowStatus::Warnings)
        .collect();
    assert_eq!(warned[0].row, 1001);
    assert_eq!(warned[0].warnings[0].field, ImportField::Email);
    assert_eq!(warned[0].warnings[0].original, "bad@@mail");
    let outcome = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(outcome.added, 10_000, "nobody is lost for an email");
    // 010-2000-1234 by its last four, first (card No. 1234 is another).
    let found = t.shop.search("1234", 10);
    assert_eq!(found.hits[0].name, "고객1234", "{:?}", found.hits);
}

/// Run as a child by `a_killed_import_leaves_the_data_as_before`.
#[test]
fn child_import_until_killed() {
    let Some(db) = std::env::var_os("DANGOL_KILL_IMPORT_DB") else {
        return;
    };
    let csv = std::env::var_os("DANGOL_KILL_IMPORT_CSV").unwrap();
    let shop = Shop::open(PathBuf::from(db)).unwrap();
    let opts = ImportOptions::default();
    loop {
        shop.import_file(Path::new(&csv), &opts).unwrap();
    }
}

#[test]
fn a_killed_import_leaves_the_data_as_before() {
    let t = TestShop::new();
    t.shop
        .create_customer(&form("원래손님", "010-7777-8888", ""))
        .unwrap();
    let csv = write(t.dir.path(), "big.csv", big_csv(20_000).as_bytes());
    let db = t.path();
    drop(t.shop);
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["child_import_until_killed", "--exact", "--nocapture"])
        .env("DANGOL_KILL_IMPORT_DB", &db)
        .env("DANGOL_KILL_IMPORT_CSV", &csv)
        .spawn()
        .unwrap();
    // Let it get well into an import (backup, reading, inserting), then kill.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the importing child stopped by itself"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let shop = Shop::open(&db).unwrap();
    let n = shop.customer_count().unwrap();
    assert_eq!(
        (n - 1) % 20_000,
        0,
        "a partial import is visible: {n} customers"
    );
    assert_eq!(shop.search("원래손님", 5).hits.len(), 1);
}

#[test]
fn merging_a_row_fills_the_gaps_and_undo_puts_her_back() {
    let t = TestShop::new();
    let mut mine = form("김민수", "010-2345-6789", "");
    mine.memo = "단골".into();
    let before = t.shop.create_customer(&mine).unwrap();
    let csv = "이름,전화번호,집전화,이메일,메모\n김민수,010-2345-6789,02-345-6789,minsu@example.com,케이크 좋아함\n";
    let path = write(t.dir.path(), "m.csv", csv.as_bytes());
    let opts = ImportOptions {
        ..Default::default()
    };
    let outcome = t.shop.import_file(&path, &opts).unwrap();
    assert_eq!((outcome.added, outcome.merged), (0, 1), "merged by default");
    let after = t.shop.get_customer(before.id).unwrap();
    assert_eq!(after.email.as_deref(), Some("minsu@example.com"));
    assert_eq!(after.memo, "단골\n케이크 좋아함");
    assert_eq!(after.phones.len(), 2);
    assert_eq!(
        t.shop.search("82234567", 5).hits[0].id,
        before.id,
        "index updated"
    );

    t.shop.undo_import(outcome.batch_id).unwrap();
    let back = t.shop.get_customer(before.id).unwrap();
    assert_eq!(back, before, "undo did not put her back as she was");
    // The landline's digits (+82 2-345-6789) are gone from search too.
    assert!(t.shop.search("82234567", 5).hits.is_empty());
}
