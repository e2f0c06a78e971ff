//! A person's rights through the public API on a real shop file: her data
//! as the printable page and the .xlsx file (every kind of hers, nothing of
//! anyone else's), and what erasing her leaves in the backups.

mod common;

use std::path::Path;

use calamine::{open_workbook, Reader, Xlsx};
use chrono::{Days, Local};
use common::rights_shop::{self, person, Person};
use dangol_core::data::backup::BackupReason;
use dangol_core::people::rights::backups;
use dangol_core::people::rights::PersonalData;
use dangol_core::reports::{Cell, ReportTable};

/// What a cell shows, near enough to search it.
fn shown(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.clone(),
        Cell::Count(n) | Cell::Money(n) => n.to_string(),
        other => format!("{other:?}"),
    }
}

fn table<'a>(data: &'a PersonalData, title: &str) -> &'a ReportTable {
    data.tables
        .iter()
        .find(|t| t.title == title)
        .unwrap_or_else(|| panic!("no table {title}"))
}

fn words(t: &ReportTable) -> String {
    t.rows
        .iter()
        .flatten()
        .map(shown)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every sheet of the file: (its name, all its cells as text).
fn sheets(path: &Path) -> Vec<(String, String)> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            let text = range
                .rows()
                .flatten()
                .map(|c| c.to_string())
                .collect::<Vec<_>>()
                .join("\n");
            (name, text)
        })
        .collect()
}

/// What of `other` must not be anywhere in `her` export.
fn traces(other: &Person, tag: &str) -> Vec<String> {
    vec![
        other.name.to_string(),
        other.phone[4..].to_string(),
        tag.to_string(),
    ]
}

#[test]
fn her_data_holds_every_entry_of_hers_and_nothing_of_another_customer() {
    let t = rights_shop::shop();
    let her = person(&t, "제갈공명", "010-9182-7364", "qkr");
    let other = person(&t, "남궁민", "010-5566-7788", "zxw");
    let data = t.shop.personal_data(her.id).unwrap();
    assert_eq!(data.name, "제갈공명");
    assert_eq!(data.title, "제갈공명 님의 개인정보");
    assert!(data.subtitle.contains("행복한 세탁소"), "{}", data.subtitle);

    // Every kind of hers, in its own table.
    for (title, word) in &her.marks {
        let found = words(table(&data, title));
        assert!(
            found.contains(word.as_str()),
            "{title} lacks {word}:\n{found}"
        );
    }
    let record = words(table(&data, "기본 정보"));
    for expected in [
        "제갈공명",
        "010-9182-7364",
        "02-9182-7364",
        "지인 소개",
        "1981-07-23",
        "이메일 수신 동의",
    ] {
        assert!(
            record.contains(expected),
            "record lacks {expected}:\n{record}"
        );
    }
    // Consents with their dates, the night-time one too.
    let today = Local::now().date_naive().to_string();
    let consents = table(&data, "기본 정보")
        .rows
        .iter()
        .filter(|r| shown(&r[0]).contains("동의"))
        .map(|r| shown(&r[1]))
        .filter(|v| v.contains(&today))
        .count();
    assert_eq!(
        consents, 3,
        "email, text and night-time consents dated:\n{record}"
    );
    // Every consent record of hers: what, given or withdrawn, how.
    t.shop
        .withdraw_consent(
            her.id,
            dangol_core::people::consent::ConsentScope::marketing(
                dangol_core::people::consent::ConsentChannel::Email,
            ),
        )
        .unwrap();
    let data = t.shop.personal_data(her.id).unwrap();
    let consents = words(table(&data, "동의 기록"));
    for expected in ["광고 메일 수신", "동의", "철회", "고객 정보에서 체크"] {
        assert!(
            consents.contains(expected),
            "consent records lack {expected}:\n{consents}"
        );
    }
    let history = words(table(&data, "기록"));
    for kind in ["구매", "외상 받음", "연락 (전화)", "메모", "불만"] {
        assert!(history.contains(kind), "history lacks {kind}:\n{history}");
    }
    for title in ["포인트", "도장", "편지"] {
        assert!(!table(&data, title).rows.is_empty(), "{title} is empty");
    }
    let letters = words(table(&data, "편지"));
    for channel in ["인쇄", "메일"] {
        assert!(
            letters.contains(channel),
            "letters lack {channel}:\n{letters}"
        );
    }
    let outbox = words(table(&data, "보낸 메일·문자"));
    assert!(
        outbox.contains("문자") && outbox.contains("메일"),
        "{outbox}"
    );
    assert!(outbox.contains("9182"), "the text to her phone:\n{outbox}");

    // The printable page (these tables) names nothing of the other.
    let page = serde_json::to_string(&data).unwrap();
    for trace in traces(&other, "zxw") {
        assert!(
            !page.contains(&trace),
            "her page shows {trace:?} of another"
        );
    }

    // The file: a sheet per table, the same words, nothing of the other.
    let path = t.dir.path().join("제갈공명.xlsx");
    t.shop.export_personal_data(her.id, &path).unwrap();
    let file = sheets(&path);
    let titles: Vec<&str> = data.tables.iter().map(|t| t.title.as_str()).collect();
    let names: Vec<&str> = file.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, titles);
    for (title, word) in &her.marks {
        let (_, cells) = file.iter().find(|(n, _)| n == title).unwrap();
        assert!(cells.contains(word.as_str()), "sheet {title} lacks {word}");
    }
    let everything: String = file.iter().map(|(_, c)| c.as_str()).collect();
    assert!(everything.contains("제갈공명") && everything.contains("010-9182-7364"));
    for trace in traces(&other, "zxw") {
        assert!(
            !everything.contains(&trace),
            "her file holds {trace:?} of another"
        );
    }

    // And the other's own export is his, not hers.
    let his = serde_json::to_string(&t.shop.personal_data(other.id).unwrap()).unwrap();
    assert!(his.contains("zxwmemo") && !his.contains("qkr") && !his.contains("제갈공명"));
}

#[test]
fn a_customer_who_is_not_there_has_no_data_to_show() {
    let t = rights_shop::shop();
    let err = t.shop.personal_data(999).unwrap_err();
    assert!(
        matches!(err, dangol_core::Error::NotFound { .. }),
        "{err:?}"
    );
    let path = t.dir.path().join("nobody.xlsx");
    assert!(t.shop.export_personal_data(999, &path).is_err());
    assert!(!path.exists());
}

#[test]
fn english_shops_get_english_sheets() {
    let t = common::TestShop::new();
    let mut s = t.shop.settings().unwrap();
    s.language = dangol_core::Language::En;
    t.shop.update_settings(&s).unwrap();
    let id = common::customer(&t, "Jane Park");
    let data = t.shop.personal_data(id).unwrap();
    assert_eq!(data.title, "Personal data of Jane Park");
    assert_eq!(data.tables[0].title, "Record");
    assert_eq!(data.tables[0].columns, ["Item", "Value"]);
}

fn pause() {
    // Backups are named to the millisecond.
    std::thread::sleep(std::time::Duration::from_millis(5));
}

#[test]
fn erasing_says_how_many_backups_still_hold_her_and_when_the_last_goes() {
    let t = common::TestShop::new();
    t.shop.backup_now(BackupReason::Manual).unwrap();
    pause();
    let id = common::customer(&t, "제갈공명");
    // Added after every backup: no backup holds her.
    let none = t.shop.erasure_backups(id).unwrap();
    assert_eq!((none.holding, none.gone_by), (0, None));
    pause();
    t.shop.backup_now(BackupReason::Manual).unwrap();
    pause();
    t.shop.backup_now(BackupReason::Daily).unwrap();
    let said = t.shop.erasure_backups(id).unwrap();
    assert_eq!(said.holding, 2, "the backup before her does not hold her");
    assert_eq!(said.keep, 30);
    assert!(!said.encrypted && !said.second_folder);
    // The newest was made today: 30 more daily backups, the first
    // tomorrow, push it out on the 30th day.
    let today = Local::now().date_naive();
    assert_eq!(said.gone_by, Some(today + Days::new(30)));

    // Opened again a week later, with no backup since: the next is that
    // day, and the newest holding her goes 29 days after it.
    let later = today + Days::new(7);
    let added = t.shop.get_customer(id).unwrap().created_at;
    let (n, gone) = backups::holding(&[t.shop.backup_dir()], added, later);
    assert_eq!((n, gone), (2, Some(later + Days::new(29))));

    // The erasure itself is as before: she is gone.
    t.shop.delete_customer(id).unwrap();
    assert!(t.shop.get_customer(id).is_err());
}
