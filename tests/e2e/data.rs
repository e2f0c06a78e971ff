//! The shop's data end to end: a CP949 CSV from an old program imported
//! with a column the owner matches by hand, an export that Excel reads,
//! and a backup made by hand.

use crate::app::{tid, App};
use crate::shop::{add_customer, hits_containing, open_shop, search, shows_text};

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
/// headers, and the phones under a header Dangol does not know.
const OLD_LIST: &str = "단골 고객 명단 (2024년)\r\n\
    성명,연락할번호,생년월일,메모\r\n\
    김하늘,010-2468-1357,1988-04-12,생크림 케이크 단골\r\n\
    이바다,010-9753-8642,1990-13-40,\r\n\
    박구름,010-1122-3344,03-02,예약 손님\r\n\
    최별,010-12,,\r\n";

#[test]
fn cp949_list_imported_after_fixing_a_column() {
    let app = open_shop(
        "cp949_list_imported_after_fixing_a_column",
        "setup-start-empty",
    );
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("customers.csv");
    let (bytes, _, lossy) = encoding_rs::EUC_KR.encode(OLD_LIST);
    assert!(!lossy, "the list is not all CP949");
    std::fs::write(&path, &bytes).expect("write the CSV");

    app.click("nav-data");
    app.click("import-open");
    app.wait_for(&tid("import-dialog"));
    app.type_into("import-path", &path.display().to_string());
    app.click("import-preview");

    shows_text(&app, &tid("import-detected"), "CP949");
    // The phone column is not recognised yet: only the bad birthday counts.
    shows_text(&app, &tid("import-ok"), "3");
    shows_text(&app, &tid("import-problem-count"), "1");
    shows_text(&app, &tid("import-sample"), "김하늘");
    app.snapshot("import-before-mapping");

    choose(&app, "import-map-1", "phone");
    shows_text(&app, &tid("import-sample"), "010-2468-1357");
    shows_text(&app, &tid("import-ok"), "2");
    shows_text(&app, &tid("import-problem-count"), "2");
    shows_text(&app, &tid("import-problems"), "전화번호");
    shows_text(&app, &tid("import-problems"), "생일");

    // Bad rows block the import until the owner leaves them out.
    app.wait_for(&tid("import-blocked"));
    app.click("import-skip-invalid");
    app.wait_gone(&tid("import-blocked"));
    app.snapshot("import-preview");
    app.click("import-run");
    shows_text(&app, &tid("import-result"), "2명을 가져왔습니다");
    app.wait_for(&tid("import-undo"));
    app.snapshot("import-done");
    app.click("import-close");
    app.wait_gone(&tid("import-dialog"));

    let input = search(&app, "1357");
    hits_containing(&app, &input, "1357", "김하늘");
    let input = search(&app, "3344");
    hits_containing(&app, &input, "3344", "박구름");
}

#[test]
fn export_writes_a_csv_excel_reads() {
    let app = open_shop("export_writes_a_csv_excel_reads", "setup-start-empty");
    add_customer(&app, "정다은", "010-6543-2100", "");
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("고객명단.csv");

    app.click("nav-data");
    app.type_into("export-path", &path.display().to_string());
    app.click("export-run");
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

    app.click("backup-now");
    let after = app.wait_until("one more backup in the list", || {
        let n = app.texts(&tid("backup-item"))?.len();
        *app.seen.borrow_mut() = format!("{n} backups, {before} before");
        Ok((n > before).then_some(n))
    });
    assert!(after >= 1);
    shows_text(&app, &tid("backup-item"), "직접 백업");

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
}

/// A shop file that cannot be opened: the window offers the backups and
/// one of them brings the shop back.
#[test]
fn damaged_shop_file_is_restored_from_a_backup() {
    let first = open_shop(
        "damaged_shop_file_is_restored_from_a_backup",
        "setup-start-empty",
    );
    add_customer(&first, "윤서아", "010-3030-4040", "");
    first.click("nav-data");
    first.click("backup-now");
    shows_text(&first, &tid("backup-item"), "직접 백업");
    let backups = first.data_dir().join("backups");
    let manual = std::fs::read_dir(&backups)
        .expect("the backups folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().contains("manual"))
        .expect("the manual backup file");
    let name = manual.file_name().unwrap().to_owned();
    let bytes = std::fs::read(&manual).expect("read the backup");
    drop(first);

    let app = App::launch_with("damaged_shop_file_is_restored_from_a_backup", |data| {
        std::fs::write(data.join("dangol.sqlite3"), vec![0x5a; 8192]).expect("damage");
        std::fs::create_dir_all(data.join("backups")).expect("backups folder");
        std::fs::write(data.join("backups").join(&name), &bytes).expect("backup");
    });
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
