//! The shop's data end to end: a CP949 CSV from an old program, with bad
//! cells and the same person twice, imported through the file dialog with a
//! column the owner matches by hand; an export that Excel reads; a backup
//! made by hand, also into a second folder. Files are "chosen" through the
//! debug build's dialog seam (`App::answer_dialog`).

use crate::app::{tid, App};
use crate::shop::{add_customer, hits_containing, open_shop, search, shows_customer, shows_text};
use crate::webdriver::keys;

/// Chooses `value` in the select with this test id, as picking it does.
fn choose(app: &App, testid: &str, value: &str) {
    let select = app.wait_for(&tid(testid));
    app.wd
        .execute(
            "arguments[0].value = arguments[1];
             arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
            &[select.to_json(), value.into()],
        )
        .unwrap_or_else(|e| panic!("choose {value} in {testid}: {e}"));
}

/// What an old point-of-sale program writes: CP949, a title line above the
/// headers, the phones under a header Dangol does not know, a bad date and
/// email, a phone without its 0, a birthday as an Excel serial, two phones
/// in one cell (one too short), and the same person twice.
const OLD_LIST: &str = "단골 고객 명단 (2024년)\r\n\
    성명,연락할번호,생년월일,이메일,메모\r\n\
    김하늘,010-2468-1357,1988-04-12,,생크림 케이크 단골\r\n\
    이바다,010-9753-8642,1990-02-30,bada@naver,\r\n\
    박구름,1011223344,31108,,예약 손님\r\n\
    최별,010-12 / 02-345-6789,,,\r\n\
    김하늘,010-2468-1357,,haneul@example.com,두 번째 줄\r\n";

#[test]
fn cp949_list_imported_through_the_dialog_without_losing_anyone() {
    let app = open_shop(
        "cp949_list_imported_through_the_dialog_without_losing_anyone",
        "setup-start-empty",
    );
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("고객명단.csv");
    let (bytes, _, lossy) = encoding_rs::EUC_KR.encode(OLD_LIST);
    assert!(!lossy, "the list is not all CP949");
    std::fs::write(&path, &bytes).expect("write the CSV");

    app.click("nav-data");
    app.click("import-open");
    app.wait_for(&tid("import-dialog"));
    app.snapshot("import-choose");
    // The owner picks the file in the system's dialog.
    app.answer_dialog(&path);
    app.click("import-pick");

    shows_text(&app, &tid("import-file"), "고객명단.csv");
    shows_text(&app, &tid("import-read-as"), "한글 윈도우 방식");
    app.click("import-details");
    shows_text(&app, &tid("import-detected"), "CP949");
    // The phone column is not recognised yet.
    shows_text(&app, &tid("import-rows"), "김하늘");
    app.snapshot("import-before-mapping");

    choose(&app, "import-map-1", "phone");
    shows_text(&app, &tid("import-rows"), "010-1122-3344");
    shows_text(&app, &tid("import-rows"), "1011223344");
    shows_text(&app, &tid("import-rows"), "1985년 3월 2일");
    shows_text(&app, &tid("import-ok"), "3명");
    shows_text(&app, &tid("import-warned-count"), "2명");
    // The same 김하늘 twice: merged unless the owner says otherwise.
    shows_text(&app, &tid("import-duplicate"), "이 파일 3행 김하늘");
    shows_text(
        &app,
        &tid("import-run"),
        "4명 가져오기 · 1명 합치기 · 2명은 경고와 함께",
    );
    app.snapshot("import-preview");
    app.click("import-tab-warnings");
    let warned = shows_text(&app, &tid("import-rows"), "bada@naver");
    assert!(warned.contains("1990-02-30"), "{warned}");
    assert!(warned.contains("010-12"), "{warned}");
    app.snapshot("import-warnings");

    app.click("import-run");
    shows_text(&app, &tid("import-result"), "4명을 가져왔습니다");
    shows_text(
        &app,
        &tid("import-result"),
        "1명은 같은 사람으로 보여 하나로 합쳤습니다",
    );
    shows_text(&app, &tid("import-warned"), "이바다");
    app.wait_for(&tid("import-undo"));
    app.snapshot("import-done");
    app.click("import-close");
    app.wait_gone(&tid("import-dialog"));

    // Everyone is in the list: by their last four digits.
    for (digits, name) in [
        ("1357", "김하늘"),
        ("8642", "이바다"),
        ("3344", "박구름"),
        ("6789", "최별"),
    ] {
        let input = search(&app, digits);
        let hits = hits_containing(&app, &input, digits, name);
        assert_eq!(hits.len(), 1, "{digits}: {hits:?}");
    }
    // 김하늘 once, with what the second row added.
    let input = search(&app, "김하늘");
    let hits = hits_containing(&app, &input, "김하늘", "김하늘");
    assert_eq!(hits.len(), 1, "{hits:?}");
    app.wd.send_keys(&input, keys::ENTER).expect("open 김하늘");
    shows_customer(&app, "김하늘");
    shows_text(&app, &tid("customer-email"), "haneul@example.com");

    // 이바다's screen says what was left out, with the file's values.
    let input = search(&app, "이바다");
    hits_containing(&app, &input, "이바다", "이바다");
    app.wd.send_keys(&input, keys::ENTER).expect("open 이바다");
    shows_customer(&app, "이바다");
    let card = shows_text(&app, &tid("import-warnings"), "가져올 때 빠진 정보");
    assert!(
        card.contains("1990-02-30") && card.contains("bada@naver"),
        "{card}"
    );
    assert!(card.contains("고객명단.csv"), "{card}");
    app.snapshot("customer-import-warnings");
    app.click("import-warning-dismiss");
    app.click("import-warning-dismiss");
    app.wait_gone(&tid("import-warnings"));
}

/// What Excel on an American PC saves: Windows-1252, US dates and phones.
const US_LIST: &str = "Customer list\r\n\
    Name,Mobile,Birthday,Email,Notes\r\n\
    José Núñez,(213) 555-0142,3/2/1985,jose@example.com,Café regular\r\n\
    Renée Park,213.555.0199 / +82 10-1234-5678,2/30/1990,renee@,\r\n\
    Grace Kim,2135550123,March 14 1979,,\r\n\
    ,(213) 555-0100,,,no name\r\n";

#[test]
fn an_american_excel_list_is_imported_in_english() {
    let app = App::launch("an_american_excel_list_is_imported_in_english");
    app.click("setup-country-US");
    app.click("setup-language-en");
    app.click("setup-start-empty");
    crate::shop::past_security_step(&app);
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("customers.csv");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(US_LIST);
    assert!(!lossy);
    std::fs::write(&path, &bytes).expect("write the CSV");

    app.click("nav-data");
    app.click("import-open");
    app.snapshot("import-choose-en");
    app.answer_dialog(&path);
    app.click("import-pick");
    shows_text(&app, &tid("import-read-as"), "Western Windows");
    shows_text(&app, &tid("import-rows"), "José Núñez");
    shows_text(&app, &tid("import-rows"), "Mar 2, 1985");
    shows_text(&app, &tid("import-rows"), "+82 10-1234-5678");
    shows_text(
        &app,
        &tid("import-not-imported-count"),
        "1 row without a name",
    );
    shows_text(&app, &tid("import-run"), "Import 3 · 1 with warnings");
    app.snapshot("import-preview-en");
    app.click("import-run");
    shows_text(&app, &tid("import-result"), "Imported 3 customers");
    shows_text(&app, &tid("import-result"), "1 row had no name");
    app.snapshot("import-done-en");
    app.click("import-close");

    let input = search(&app, "Renée");
    hits_containing(&app, &input, "Renée", "Renée Park");
    app.wd.send_keys(&input, keys::ENTER).expect("open Renée");
    shows_customer(&app, "Renée Park");
    let card = shows_text(&app, &tid("import-warnings"), "Left out at import");
    assert!(
        card.contains("2/30/1990") && card.contains("renee@"),
        "{card}"
    );
    assert!(
        !card.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
        "Korean in: {card}"
    );
    app.snapshot("customer-import-warnings-en");
}

/// A file that is not a list is refused with words the owner can act on.
#[test]
fn a_file_that_is_not_a_list_is_refused_plainly() {
    let app = open_shop(
        "a_file_that_is_not_a_list_is_refused_plainly",
        "setup-start-empty",
    );
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("고객명단.xlsx");
    std::fs::write(&path, b"%PDF-1.7\n%...").expect("write");
    app.click("nav-data");
    app.click("import-open");
    app.answer_dialog(&path);
    app.click("import-pick");
    shows_text(&app, &tid("import-refused"), "PDF 문서");
    app.snapshot("import-refused");
    // Still said after a while: nothing clears it but another choice.
    shows_text(&app, &tid("import-refused"), "Excel 통합 문서(.xlsx)");
}

#[test]
fn export_writes_a_csv_excel_reads() {
    let app = open_shop("export_writes_a_csv_excel_reads", "setup-start-empty");
    add_customer(&app, "정다은", "010-6543-2100", "");
    let files = tempfile::tempdir().expect("temp dir");
    // The save dialog's answer has no extension: the app adds it.
    let chosen = files.path().join("고객명단");
    let path = files.path().join("고객명단.csv");

    app.click("nav-data");
    app.answer_dialog(&chosen);
    app.click("export-csv");
    let bytes = app.wait_until("the exported file", || {
        Ok(std::fs::read(&path).ok().filter(|b| b.len() > 3))
    });
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "no UTF-8 BOM: Excel would garble the Hangul"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    assert!(text.contains("정다은"), "the customer is missing: {text}");
}

#[test]
fn backup_now_adds_a_backup() {
    let app = open_shop("backup_now_adds_a_backup", "setup-start-empty");
    add_customer(&app, "한지우", "010-1010-2020", "");
    app.click("nav-data");
    // The list has loaded once either the list or "no backups" shows.
    app.wait_for(&format!("{}, {}", tid("backup-list"), tid("backup-empty")));
    let before = app.texts(&tid("backup-item")).unwrap().len();

    // A second folder, chosen in the system's folder dialog.
    let usb = tempfile::tempdir().expect("temp dir");
    app.answer_dialog(usb.path());
    app.click("backup-folder-pick");
    shows_text(
        &app,
        &tid("backup-folder"),
        &usb.path().display().to_string(),
    );

    app.click("backup-now");
    let after = app.wait_until("one more backup in the list", || {
        let n = app.texts(&tid("backup-item"))?.len();
        *app.seen.borrow_mut() = format!("{n} backups, {before} before");
        Ok((n > before).then_some(n))
    });
    assert!(after >= 1);
    shows_text(&app, &tid("backup-item"), "직접 백업");
    // A copy in the second folder, with its key file (the database key
    // sealed by the recovery key: it opens on another PC with the words).
    let mut names: Vec<String> = std::fs::read_dir(usb.path())
        .expect("the second folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "a backup and its key file: {names:?}");
    assert!(
        names[0].ends_with(".sqlite3") && names[1] == format!("{}.key", names[0]),
        "{names:?}"
    );

    // Restoring starts with what the backup holds and asks first.
    app.click_css(&format!("{} {}", tid("backup-item"), tid("backup-restore")));
    app.wait_for(&tid("restore-dialog"));
    shows_text(&app, &tid("backup-customers"), "1명");
    app.snapshot("restore-dialog");
    app.click_css(&format!(
        "{} {}",
        tid("restore-dialog"),
        tid("confirm-cancel")
    ));
    app.wait_gone(&tid("restore-dialog"));
    app.snapshot("data-screen");

    // A backup file elsewhere (the copy on the "USB stick"), chosen in the
    // open dialog: what it holds first, as for the listed ones.
    let on_usb = std::fs::read_dir(usb.path())
        .expect("the second folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "sqlite3"))
        .expect("its backup");
    app.answer_dialog(&on_usb);
    app.click("backup-restore-file");
    app.wait_for(&tid("restore-dialog"));
    shows_text(&app, &tid("restore-dialog"), "파일");
    shows_text(&app, &tid("backup-customers"), "1명");
    app.snapshot("restore-from-file");
    app.click_css(&format!(
        "{} {}",
        tid("restore-dialog"),
        tid("confirm-cancel")
    ));
    app.wait_gone(&tid("restore-dialog"));
}

/// A shop file that cannot be opened: the window offers the backups and
/// one of them brings the shop back.
#[test]
fn damaged_shop_file_is_restored_from_a_backup() {
    let mut app = open_shop(
        "damaged_shop_file_is_restored_from_a_backup",
        "setup-start-empty",
    );
    add_customer(&app, "윤서아", "010-3030-4040", "");
    app.click("nav-data");
    app.click("backup-now");
    shows_text(&app, &tid("backup-item"), "직접 백업");
    // The shop file is damaged while the app is closed (its key stays in
    // the keychain and the key file: the encrypted backups still open).
    app.close();
    let data = app.data_dir();
    std::fs::write(data.join("dangol.sqlite3"), vec![0x5a; 8192]).expect("damage");
    for side in ["dangol.sqlite3-wal", "dangol.sqlite3-shm"] {
        let _ = std::fs::remove_file(data.join(side));
    }
    app.open_again();
    app.wait_for(&tid("recovery-screen"));
    shows_text(&app, &tid("recovery-backup"), "직접 백업");
    // What the backup holds is shown before anything is replaced.
    shows_text(&app, &tid("recovery-screen"), "1명");
    app.snapshot("recovery");
    app.click("recovery-restore");
    let input = app.wait_for(&tid("search-input"));
    app.wd.send_keys(&input, "4040").expect("type 4040");
    hits_containing(&app, &input, "4040", "윤서아");
}

#[test]
fn duplicate_customers_are_merged_into_the_one_kept() {
    let app = open_shop(
        "duplicate_customers_are_merged_into_the_one_kept",
        "setup-start-empty",
    );
    add_customer(&app, "김민지", "010-5151-6262", "");
    add_customer(&app, "김민지", "010-7373-8484", "");
    app.click("nav-data");
    shows_text(&app, &tid("dupe-pair"), "같은 이름");
    app.snapshot("duplicates");

    app.click("dupe-merge");
    app.wait_for(&tid("merge-dialog"));
    app.click("merge-keep-second");
    app.snapshot("merge-dialog");
    app.click("merge-run");
    app.wait_gone(&tid("merge-dialog"));
    app.wait_for(&tid("dupes-empty"));

    // One 김민지 is left, and both numbers find her.
    for digits in ["6262", "8484"] {
        let input = search(&app, digits);
        let hits = hits_containing(&app, &input, digits, "김민지");
        assert_eq!(hits.len(), 1, "{digits}: {hits:?}");
    }
}
