//! "Deleted for good" means gone from the bytes on disk: after a customer
//! is deleted, or merged into another record, none of what was hers alone
//! can be read in the database file or its write-ahead log — not in the
//! table rows, not in the keyword index's pages (FTS5 keeps deleted words
//! in its segments unless told otherwise), not in an import's undo copy.

mod common;

use std::path::Path;

use common::{form, TestShop};
use dangol_core::data::import::dupes::DuplicateChoice;
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::history::trials::{FeedbackInput, TrialInput};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::dates::family::Relation;
use dangol_core::letters::dates::occasions::{DateInput, OccasionKind};
use dangol_core::letters::store::Channel;
use dangol_core::{
    ComplaintInput, ContactInput, CustomerInput, PhoneInput, PhoneLabel, SaleInput, Shop,
};

/// Every byte of the shop's files that hold data (the database and its
/// write-ahead log; backups are copies the owner keeps on purpose).
fn file_bytes(db: &Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let file = format!("{}{suffix}", db.display());
            std::fs::read(&file).ok().map(|b| (file, b))
        })
        .collect()
}

fn assert_gone(db: &Path, markers: &[&str], when: &str) {
    for (file, bytes) in file_bytes(db) {
        for marker in markers {
            let found = bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
            assert!(!found, "{when}: {marker:?} still readable in {file}");
        }
    }
}

/// A customer with something personal in every field and every kind of
/// record that hangs off her. Latin markers are in every text that goes to
/// the keyword index (which stores Hangul as two-syllable pieces); each
/// starts with its own letter so the index cannot store it as a suffix of
/// another.
fn personal_customer(shop: &Shop) -> (i64, Vec<&'static str>) {
    let input = CustomerInput {
        name: "제갈공명".into(),
        phones: vec![
            PhoneInput {
                label: PhoneLabel::default(),
                number: "010-9182-7364".into(),
            },
            PhoneInput {
                label: PhoneLabel::default(),
                number: "+1 213-555-0199".into(),
            },
        ],
        email: "jegal.kongming@example.org".into(),
        postal_code: "63999".into(),
        address1: "와룡동 초가집 삼번지".into(),
        address2: "xwarehouse 이층".into(),
        birthday: "1981-07-23".into(),
        source_note: "vreferral 소개해준분".into(),
        memo: "qmemo 비밀메모입니다".into(),
        consent_email: true,
        ..Default::default()
    };
    let id = shop.create_customer(&input).unwrap().id;
    shop.add_note(id, "knoteword 민감한상담내용", None).unwrap();
    shop.log_contact(
        id,
        &ContactInput {
            inquiry: "yinquiry 전화문의내용".into(),
            answer: "janswer 답변해드린내용".into(),
            ..Default::default()
        },
    )
    .unwrap();
    shop.open_complaint(
        id,
        &ComplaintInput {
            description: "fcomplaint 불만접수내용".into(),
            ..Default::default()
        },
    )
    .unwrap();
    shop.record_sale(
        id,
        &SaleInput {
            amount: "45000".into(),
            items: "pitems 특별주문상품".into(),
            ..Default::default()
        },
    )
    .unwrap();
    let member = shop
        .add_family_member(id, "제갈첨", Relation::Child)
        .unwrap();
    shop.add_important_date(
        id,
        &DateInput {
            member_id: Some(member.id),
            kind: OccasionKind::Graduation,
            label: "wlabel 졸업식날".into(),
            year: Some(2020),
            month: 2,
            day: 14,
            lunar: false,
            leap: false,
            age_counting: None,
        },
    )
    .unwrap();
    let trial = shop
        .create_trial(&TrialInput {
            product: "새 원두".into(),
            note: String::new(),
            started_on: None,
        })
        .unwrap();
    shop.give_trial(trial.id, &[id]).unwrap();
    shop.record_trial_feedback(
        trial.id,
        id,
        &FeedbackInput {
            feedback: "hfeedback 향이좋아요".into(),
            rating: Some(5),
        },
    )
    .unwrap();
    shop.make_letters(Occasion::ThankYou, &[id], Channel::Print)
        .unwrap();
    let markers = vec![
        "제갈공명",
        "9182-7364",
        "1091827364",
        "555-0199",
        "jegal.kongming",
        "와룡동",
        "xwarehouse",
        "vreferral",
        "qmemo",
        "비밀메모",
        "knoteword",
        "민감한상담",
        "yinquiry",
        "janswer",
        "fcomplaint",
        "pitems",
        "제갈첨",
        "wlabel",
        "hfeedback",
    ];
    (id, markers)
}

#[test]
fn a_deleted_customer_leaves_no_byte_in_the_database_or_its_log() {
    let t = TestShop::new();
    let other = common::customer(&t, "남궁민");
    t.shop.add_note(other, "다른 고객의 메모", None).unwrap();
    let (id, markers) = personal_customer(&t.shop);
    // Her history is found before the delete (the index holds it) …
    assert_eq!(t.shop.search_history("knoteword", 10).unwrap().len(), 1);
    t.shop.delete_customer(id).unwrap();
    assert!(t.shop.search_history("knoteword", 10).unwrap().is_empty());
    // … and after it nothing of hers is in the files, with the shop still
    // open and after it is closed.
    let path = t.path();
    assert_gone(&path, &markers, "shop open");
    let t = t.reopen();
    assert_eq!(t.shop.customer_count().unwrap(), 1);
    drop(t.shop);
    assert_gone(&path, &markers, "shop closed");
}

#[test]
fn a_customer_merged_away_leaves_only_what_moved_to_the_kept_record() {
    let t = TestShop::new();
    let mut keep_input = form("김민수", "010-2345-6789", "minsu@example.com");
    keep_input.address1 = "서울 마포구 망원동".into();
    keep_input.source_note = "단골 소개".into();
    let keep = t.shop.create_customer(&keep_input).unwrap().id;
    let (other, _) = personal_customer(&t.shop);
    t.shop.merge_customers(keep, other).unwrap();
    // Her notes, phones and memo moved to the kept record and stay; what
    // the kept record already had (name, email, address, referral) is not
    // taken over, so the other's are gone.
    let kept = t.shop.get_customer(keep).unwrap();
    assert_eq!(kept.name, "김민수");
    assert_eq!(t.shop.search_history("knoteword", 10).unwrap().len(), 1);
    // (Her name stays inside the letters written to her, which moved.)
    let gone = ["jegal.kongming", "와룡동", "xwarehouse", "vreferral"];
    let path = t.path();
    assert_gone(&path, &gone, "after merge, shop open");
    drop(t.shop);
    assert_gone(&path, &gone, "after merge, shop closed");
}

fn csv_file(dir: &Path, rows: &str) -> std::path::PathBuf {
    let path = dir.join("customers.csv");
    std::fs::write(&path, format!("이름,휴대폰,이메일,메모\n{rows}")).unwrap();
    path
}

#[test]
fn a_deleted_customer_leaves_no_copy_kept_for_undoing_an_import() {
    let t = TestShop::new();
    let mut input = form("제갈공명", "010-9182-7364", "");
    input.memo = "qmemo 예전메모".into();
    let id = t.shop.create_customer(&input).unwrap().id;
    // An import merges a row into her: her record as it was is kept so the
    // import can be undone.
    let file = csv_file(
        t.dir.path(),
        "제갈공명,010-9182-7364,jegal.kongming@example.org,새메모\n",
    );
    let mut opts = ImportOptions::default();
    opts.duplicates.insert(2, DuplicateChoice::Merge);
    t.shop.import_file(&file, &opts).unwrap();
    std::fs::remove_file(&file).unwrap();
    t.shop.delete_customer(id).unwrap();
    let path = t.path();
    assert_gone(
        &path,
        &["제갈공명", "9182-7364", "qmemo", "jegal.kongming"],
        "after delete",
    );
}

#[test]
fn a_shop_from_before_the_purge_loses_the_words_deleted_then() {
    use dangol_core::store::migrations::{migrate_to, MIGRATIONS};
    // The version just before the purge came in.
    let before_purge = MIGRATIONS
        .iter()
        .position(|(name, _)| *name == "0012_history_fts_purge")
        .expect("the purge migration") as i64;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    {
        // An older Dangol deleted her: the index only marked her words.
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "secure_delete", "ON").unwrap();
        migrate_to(&mut conn, before_purge).unwrap();
        conn.execute_batch(
            "INSERT INTO customers (id, card_no, name, created_at, updated_at)
             VALUES (1, 1, '제갈공명', '2025-05-01T10:00:00Z', '2025-05-01T10:00:00Z');
             INSERT INTO customers (id, card_no, name, created_at, updated_at)
             VALUES (2, 2, '김민수', '2025-05-01T10:00:00Z', '2025-05-01T10:00:00Z');
             INSERT INTO history (id, customer_id, kind, happened_at, summary, created_at)
             VALUES (7, 1, 'note', '2025-05-02T10:00:00Z', 'knoteword', '2025-05-02T10:00:00Z');
             INSERT INTO history_fts (rowid, terms) VALUES (7, 'knoteword');
             INSERT INTO history (id, customer_id, kind, happened_at, summary, created_at)
             VALUES (8, 2, 'note', '2025-05-02T10:00:00Z', 'zkeepword', '2025-05-02T10:00:00Z');
             INSERT INTO history_fts (rowid, terms) VALUES (8, 'zkeepword');
             DELETE FROM customers WHERE id = 1;",
        )
        .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    assert!(
        before.windows(9).any(|w| w == b"knoteword"),
        "the old way should leave the word behind"
    );
    let shop = Shop::open(&path).unwrap();
    assert_eq!(shop.search_history("zkeepword", 5).unwrap().len(), 1);
    drop(shop);
    assert_gone(&path, &["knoteword"], "after the upgrade");
}
