//! Ugly cells and files, as old programs and busy owners leave them: each
//! kind of bad cell, Korean date forms and Excel serials in text cells,
//! phones without their 0 or with +82 or several in one cell, people who
//! appear twice in the same file, and every text format Excel writes. Each
//! test checks the report's numbers and what was saved.

mod common;

use std::collections::HashMap;

use common::files::cp949;
use common::imports::{counts, customer, preview_of, ymd};
use common::TestShop;
use dangol_core::data::import::dupes::{DuplicateChoice, DuplicateOf, DuplicateReason};
use dangol_core::data::import::mapping::ImportField;
use dangol_core::data::import::plan::{ImportOptions, RowStatus};
use dangol_core::data::import::row::WarningCode;
use dangol_core::PhoneLabel;

#[test]
fn every_bad_cell_leaves_the_person_in_with_a_warning() {
    let t = TestShop::new();
    let long_name = "가".repeat(150);
    let csv = format!(
        "이름,휴대폰,이메일,생일,메모\n\
         김하나,010-1111-0001,kim@naver,1985-03-02,\n\
         이두리,010-1111-0002,lee@example.com,1990-02-30,\n\
         박세나,010-1111-0003,,2031-01-01,\n\
         최네리,12,,,\n\
         {long_name},010-1111-0005,,,\n\
         ,010-1111-0006,nobody@example.com,,이름 없음\n\
         정여섯,010-1111-0007,jung@example.com,31108,\n"
    );
    let (path, p) = preview_of(&t, "bad.csv", csv.as_bytes());
    assert_eq!(p.counts, counts(7, 1, 5, 1));
    let row = |n: u32| p.rows.iter().find(|r| r.row == n).unwrap();
    let why = |n: u32| -> Vec<(ImportField, WarningCode, String)> {
        row(n)
            .warnings
            .iter()
            .map(|w| (w.field, w.code, w.original.clone()))
            .collect()
    };
    use ImportField::*;
    use WarningCode::*;
    assert_eq!(why(2), [(Email, NotAnEmail, "kim@naver".into())]);
    assert_eq!(why(3), [(Birthday, NotADate, "1990-02-30".into())]);
    assert_eq!(why(4), [(Birthday, FutureDate, "2031-01-01".into())]);
    assert_eq!(why(5), [(Phone, NotAPhone, "12".into())]);
    assert_eq!(why(6), [(Name, Shortened, long_name.clone())]);
    assert_eq!(row(7).status, RowStatus::NotImported);
    assert_eq!(
        row(8).status,
        RowStatus::Ok,
        "a serial in a text cell is a date"
    );
    assert_eq!(
        row(8).saved.birthday.map(|b| (b.year, b.month, b.day)),
        Some((Some(1985), 3, 2))
    );

    let out = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(out.added, 6);
    assert_eq!(out.counts, p.counts);
    assert_eq!(out.warned.len(), 5);
    assert_eq!(t.shop.customer_count().unwrap(), 6);

    let kim = customer(&t, "김하나");
    assert_eq!(kim.email, None, "the bad email is left empty");
    assert_eq!(
        ymd(&kim),
        Some((Some(1985), 3, 2, false)),
        "the rest is kept"
    );
    let kept = t.shop.import_warnings(kim.id).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].field, kept[0].code), (Email, NotAnEmail));
    assert_eq!((kept[0].original.as_str(), kept[0].row), ("kim@naver", 2));
    assert_eq!(customer(&t, "이두리").birthday, None);
    assert!(customer(&t, "최네리").phones.is_empty());
    let long = customer(&t, "0005");
    assert_eq!(
        long.name.chars().count(),
        100,
        "a name too long is cut, not lost"
    );
    assert_eq!(
        t.shop.import_warnings(long.id).unwrap()[0].original,
        long_name
    );
    assert!(
        t.shop.search("nobody", 5).hits.is_empty(),
        "no name, not imported"
    );
}

#[test]
fn korean_dates_and_excel_serials_in_text_cells() {
    let t = TestShop::new();
    let forms = [
        "1985.3.2",
        "85-03-02",
        "1985년 3월 2일",
        "19850302",
        "31108",
        "1985. 3. 2.",
        "3/2/1985",
    ];
    let mut csv = String::from("이름,생년월일\n");
    for (i, f) in forms.iter().enumerate() {
        csv.push_str(&format!("손님{i},{f}\n"));
    }
    csv.push_str("음력손님,(음)1960.8.15\n연도없음,3월 2일\n");
    let (path, p) = preview_of(&t, "dates.csv", &cp949(&csv));
    assert_eq!(p.counts, counts(9, 9, 0, 0));
    t.shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    for (i, form) in forms.iter().enumerate() {
        let c = customer(&t, &format!("손님{i}"));
        assert_eq!(ymd(&c), Some((Some(1985), 3, 2, false)), "{form}");
    }
    assert_eq!(
        ymd(&customer(&t, "음력손님")),
        Some((Some(1960), 8, 15, true))
    );
    assert_eq!(ymd(&customer(&t, "연도없음")), Some((None, 3, 2, false)));
}

#[test]
fn excel_serials_in_number_and_text_cells_of_a_workbook() {
    let t = TestShop::new();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["이름", "생일", "우편번호"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "숫자칸").unwrap();
    sheet.write_number(1, 1, 31108.0).unwrap();
    sheet.write_number(1, 2, 4524.0).unwrap();
    sheet.write_string(2, 0, "글자칸").unwrap();
    sheet.write_string(2, 1, "31108").unwrap();
    let path = t.dir.path().join("serials.xlsx");
    book.save(&path).unwrap();
    let out = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(out.counts, counts(2, 2, 0, 0));
    let number = customer(&t, "숫자칸");
    assert_eq!(ymd(&number), Some((Some(1985), 3, 2, false)));
    assert_eq!(number.postal_code, "04524", "a postal code keeps its 0");
    assert_eq!(
        ymd(&customer(&t, "글자칸")),
        Some((Some(1985), 3, 2, false))
    );
}

#[test]
fn phones_as_they_arrive() {
    let t = TestShop::new();
    let csv = "이름,연락처\n\
        영없음,1012340001\n\
        플러스,+82 10-1234-0002\n\
        영도붙음,+82 010-1234-0003\n\
        점찍음,010.1234.0004\n\
        둘,010-1234-0005 / 02-123-0005\n\
        붙어있음,010-1234-0006 031-123-0006\n\
        표시,HP: 010-1234-0007 / 회사) 02-555-0007\n\
        하나틀림,010-1234-0008 / 123\n";
    let (path, p) = preview_of(&t, "phones.csv", csv.as_bytes());
    assert_eq!(p.counts, counts(8, 7, 1, 0));
    let two = p.rows.iter().find(|r| r.row == 6).unwrap();
    assert_eq!(two.saved.phones, ["010-1234-0005", "02-123-0005"]);
    t.shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    let shown = |q: &str| -> Vec<(String, PhoneLabel)> {
        customer(&t, q)
            .phones
            .into_iter()
            .map(|p| (p.display, p.label))
            .collect()
    };
    use PhoneLabel::*;
    assert_eq!(shown("영없음"), [("010-1234-0001".into(), Mobile)]);
    assert_eq!(shown("플러스"), [("010-1234-0002".into(), Mobile)]);
    assert_eq!(shown("영도붙음"), [("010-1234-0003".into(), Mobile)]);
    assert_eq!(shown("점찍음"), [("010-1234-0004".into(), Mobile)]);
    assert_eq!(
        shown("둘"),
        [
            ("010-1234-0005".into(), Mobile),
            ("02-123-0005".into(), Home)
        ]
    );
    assert_eq!(
        shown("붙어있음"),
        [
            ("010-1234-0006".into(), Mobile),
            ("031-123-0006".into(), Home)
        ]
    );
    assert_eq!(
        shown("표시"),
        [
            ("010-1234-0007".into(), Mobile),
            ("02-555-0007".into(), Work)
        ]
    );
    let one_bad = customer(&t, "하나틀림");
    assert_eq!(one_bad.phones.len(), 1);
    assert_eq!(
        t.shop.import_warnings(one_bad.id).unwrap()[0].original,
        "123"
    );
    // Found by the last four digits of the second number too.
    assert_eq!(t.shop.search("0005", 5).hits.len(), 1);
}

#[test]
fn people_twice_in_the_same_file() {
    let t = TestShop::new();
    let csv = "이름,휴대폰,이메일,생일,메모\n\
        김민지,010-5151-0001,,,첫 줄\n\
        김민지,010-5151-0001,minji@example.com,1991-04-05,둘째 줄\n\
        이수아,010-5151-0003,sua@example.com,,\n\
        이수아 어머님,010-5151-0004,sua@example.com,,\n\
        박준,010-5151-0005,jun@example.com,,\n\
        박준,010-5151-0005,jun@example.com,,\n\
        최하늘,,,1988-12-25,\n\
        최 하늘,,,1988.12.25,\n\
        정건너뜀,010-5151-0009,,,\n\
        정건너뜀,010-5151-0009,jung@example.com,,\n\
        정새로,,jung@example.com,,마지막\n";
    let (path, p) = preview_of(&t, "twice.csv", csv.as_bytes());
    let found: Vec<(u32, u32, DuplicateReason, DuplicateChoice)> = p
        .duplicates
        .iter()
        .map(|d| match &d.of {
            DuplicateOf::Row { row, .. } => (d.row, *row, d.reason, d.suggested),
            DuplicateOf::Customer { .. } => panic!("nobody is in the shop yet"),
        })
        .collect();
    use DuplicateChoice::*;
    use DuplicateReason::*;
    assert_eq!(
        found,
        [
            (3, 2, Phone, Merge),
            (5, 4, Email, KeepBoth),
            (7, 6, Phone, Merge),
            (9, 8, NameAndBirthday, KeepBoth),
            (11, 10, Phone, Merge),
            (12, 11, Email, KeepBoth),
        ]
    );
    // The owner skips row 11; row 12, merged into it, comes in on its own.
    let opts = ImportOptions {
        duplicates: HashMap::from([(11, Skip), (12, Merge)]),
        ..Default::default()
    };
    let out = t.shop.import_file(&path, &opts).unwrap();
    assert_eq!((out.added, out.merged, out.skipped), (8, 2, 1), "{out:?}");
    let minji = customer(&t, "김민지");
    assert_eq!(
        minji.email.as_deref(),
        Some("minji@example.com"),
        "gaps filled"
    );
    assert_eq!(minji.memo, "첫 줄\n둘째 줄");
    assert_eq!(ymd(&minji), Some((Some(1991), 4, 5, false)));
    assert_eq!(t.shop.search("이수아", 5).hits.len(), 2, "kept both");
    assert_eq!(t.shop.search("박준", 5).hits.len(), 1);
    assert_eq!(t.shop.search("하늘", 5).hits.len(), 2);
    assert_eq!(customer(&t, "정건너뜀").email, None, "row 11 was skipped");
    assert_eq!(customer(&t, "정새로").memo, "마지막");
}

#[test]
fn a_merged_row_that_says_otherwise_is_kept_as_a_warning() {
    let t = TestShop::new();
    let csv = "이름,휴대폰,이메일\n\
        한지우,010-7070-0001,jiwoo@example.com\n\
        한지우,010-7070-0001,jiwoo.han@work.example\n";
    let (path, _) = preview_of(&t, "two-emails.csv", csv.as_bytes());
    let out = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!((out.added, out.merged), (1, 1));
    let jiwoo = customer(&t, "한지우");
    assert_eq!(jiwoo.email.as_deref(), Some("jiwoo@example.com"));
    let kept = t.shop.import_warnings(jiwoo.id).unwrap();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (
            kept[0].field,
            kept[0].code,
            kept[0].original.as_str(),
            kept[0].row
        ),
        (
            ImportField::Email,
            WarningCode::NotKept,
            "jiwoo.han@work.example",
            3
        )
    );
}

#[test]
fn warnings_are_dismissed_undone_merged_and_deleted_with_her() {
    let t = TestShop::new();
    let csv = "이름,휴대폰,이메일\n가나,010-8080-0001,a@b\n다라,010-8080-0002,c@d\n마바,010-8080-0003,e@f\n";
    let (path, _) = preview_of(&t, "w.csv", csv.as_bytes());
    let out = t
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    assert_eq!(out.counts.with_warnings, 3);
    let (a, b, c) = (
        customer(&t, "가나"),
        customer(&t, "다라"),
        customer(&t, "마바"),
    );
    let w = t.shop.import_warnings(a.id).unwrap();
    assert!(
        t.shop.dismiss_import_warning(b.id, w[0].id).is_err(),
        "another customer's warning"
    );
    t.shop.dismiss_import_warning(a.id, w[0].id).unwrap();
    assert!(t.shop.import_warnings(a.id).unwrap().is_empty());

    t.shop.merge_customers(b.id, c.id).unwrap();
    assert_eq!(
        t.shop.import_warnings(b.id).unwrap().len(),
        2,
        "moved with the merge"
    );
    t.shop.delete_customer(b.id).unwrap();
    assert!(t.shop.import_warnings(b.id).unwrap().is_empty());

    t.shop.undo_import(out.batch_id).unwrap();
    assert_eq!(t.shop.customer_count().unwrap(), 0);
}
