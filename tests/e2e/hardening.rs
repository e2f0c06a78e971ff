//! The app attacked as a careless user, a damaged disk or a bug of ours
//! would, in the real window: a panic in a command or in the mail sender
//! is contained, reported (with nothing personal in the report or the log)
//! and told to the owner, and the app goes on; the recovery command cannot
//! run on an open shop; an emptied shop file opens the recovery screen;
//! closing the window leaves the file whole and vouched for.
//!
//! Panics are asked for through a seam compiled out of release builds
//! (`test-panic` in the data folder, read by `dangol_core::store::test_seam`).

use std::fs;
use std::path::Path;

use crate::app::{tid, App};
use crate::shop::{
    add_customer, hits_containing, open_shop, search, set_up_shop, shows_customer, shows_text,
};
use crate::smtp::{SmtpServer, PASSWORD};

/// Everything the app wrote to its log folder, file by file.
fn logs(data: &Path) -> Vec<(String, String)> {
    let mut out = vec![];
    for entry in fs::read_dir(data.join("logs")).expect("a logs folder") {
        let path = entry.expect("log entry").path();
        let text = String::from_utf8_lossy(&fs::read(&path).expect("read log")).into_owned();
        out.push((path.display().to_string(), text));
    }
    out
}

/// A log without its times: their digits (19:26:47.957537364) can hold
/// four digits of her phone number by chance.
fn without_times(text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .filter(|word| chrono::DateTime::parse_from_rfc3339(word.trim()).is_err())
        .collect()
}

fn assert_nothing_personal(data: &Path, personal: &[&str]) {
    for (file, text) in logs(data) {
        let words = without_times(&text);
        for value in personal {
            assert!(
                !words.contains(value),
                "{value:?} written in {file}:\n{text}"
            );
        }
    }
}

fn ask_for_panic(data: &Path, place: &str) {
    fs::write(data.join("test-panic"), place).expect("write the seam");
}

#[test]
fn a_panic_in_a_command_is_told_and_the_app_goes_on() {
    let app = App::launch_with("a_panic_in_a_command_is_told_and_the_app_goes_on", |data| {
        ask_for_panic(data, "command:create_customer")
    });
    let data = app.data_dir();
    app.click("setup-start-empty");
    crate::shop::past_security_step(&app);

    // Saving panics inside the command: the owner is told, the form keeps
    // what she typed.
    app.click("new-customer");
    app.type_into("field-name", "제갈공명");
    app.type_into("field-phone-0", "010-9182-7364");
    app.type_into("field-email", "kongming@example.org");
    app.click("save-customer");
    shows_text(&app, &tid("problem-dialog"), "작업을 마치지 못했습니다");
    app.snapshot("problem-ko");
    app.click("problem-details");
    app.snapshot("problem-ko-details");
    let report = app.texts(&tid("problem-report")).unwrap().join("");
    assert!(report.contains("crash-"), "no report shown: {report:?}");
    app.click("problem-ok");
    app.wait_gone(&tid("problem-dialog"));
    assert_eq!(
        app.value_of("field-name"),
        "제갈공명",
        "the form lost her name"
    );

    // The app goes on: the same save works once the fault is gone.
    fs::remove_file(data.join("test-panic")).unwrap();
    app.click("save-customer");
    shows_customer(&app, "제갈공명");
    let input = search(&app, "7364");
    hits_containing(&app, &input, "7364", "제갈공명");

    // In English too.
    app.click("nav-settings");
    app.click("settings-language-en");
    ask_for_panic(&data, "command:backup_now");
    app.click("nav-data");
    app.click("backup-now");
    shows_text(&app, &tid("problem-dialog"), "didn’t finish");
    app.snapshot("problem-en");
    app.click("problem-ok");
    fs::remove_file(data.join("test-panic")).unwrap();

    // A refused form with personal values in it is logged by its codes.
    app.click("new-customer");
    app.type_into("field-name", "남궁민");
    app.type_into("field-email", "namgung@@example");
    app.click("save-customer");
    app.wait_until("the email refused", || {
        let t = app.texts(&tid("error-email"))?;
        Ok(t.into_iter().find(|t| !t.trim().is_empty()))
    });

    let all: String = logs(&data).into_iter().map(|(_, t)| t).collect();
    assert!(
        all.contains("command: create_customer"),
        "no crash report:\n{all}"
    );
    assert!(
        all.contains("command: backup_now"),
        "no crash report:\n{all}"
    );
    assert!(
        all.contains("name=create_customer") && all.contains("code=Validation"),
        "the refused form is not in the log:\n{all}"
    );
    assert_nothing_personal(
        &data,
        &[
            "제갈", "공명", "9182", "7364", "kongming", "남궁", "namgung",
        ],
    );
}

#[test]
fn a_panic_while_sending_marks_the_letter_to_check_and_the_sender_goes_on() {
    let server = SmtpServer::start();
    let settings = crate::mail::mail_on_keychain(&server);
    let name = "a_panic_while_sending_marks_the_letter_to_check_and_the_sender_goes_on";
    let app = App::launch_with(name, |data| {
        let shop = set_up_shop(data, "행복한 세탁소");
        shop.save_mail_settings(&settings).expect("mail settings");
        let mut ids = vec![];
        for (who, email) in [
            ("이영희", "younghee@example.com"),
            ("박철수", "chulsoo@example.com"),
        ] {
            let input = dangol_core::CustomerInput {
                name: who.into(),
                email: email.into(),
                ..Default::default()
            };
            ids.push(shop.create_customer(&input).expect("customer").id);
        }
        let made = shop
            .make_letters(
                dangol_core::letters::builtin::Occasion::ThankYou,
                &ids,
                dangol_core::letters::store::Channel::Email,
            )
            .expect("letters");
        let letters: Vec<i64> = made.made.iter().map(|l| l.id).collect();
        shop.queue_letters(&letters).expect("queued");
        ask_for_panic(data, "mail");
    });
    let data = app.data_dir();
    // The sender starts by itself, panics on each letter, marks it and
    // goes on; the owner is told once.
    shows_text(&app, &tid("problem-dialog"), "‘확인 필요’");
    app.snapshot("problem-mail");
    app.click("problem-ok");
    app.click("nav-letters");
    shows_text(&app, &tid("outbox-count-unknown"), "2");
    assert!(server.received().is_empty(), "a letter went out");
    // The sender finished its run (not stuck 'sending'); nothing of
    // unknown fate is sent again by itself: the owner decides.
    assert!(
        app.texts(&tid("outbox-stop")).unwrap().is_empty(),
        "still sending"
    );
    assert!(
        server.received().is_empty(),
        "a letter of unknown fate went out"
    );
    app.snapshot("outbox-after-mail-panic");
    fs::remove_file(data.join("test-panic")).unwrap();
    assert_nothing_personal(
        &data,
        &["이영희", "younghee", "박철수", "chulsoo", PASSWORD],
    );
}

/// A backup's name, as the backup list gives it.
fn file_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned()
}

/// Makes a backup from the data screen; its path.
fn backup_by_hand(app: &App, data: &Path) -> String {
    app.click("nav-data");
    app.click("backup-now");
    app.wait_until("a backup in the backups folder", || {
        let found = fs::read_dir(data.join("backups"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "sqlite3"));
        Ok(found.map(|p| p.display().to_string()))
    })
}

#[test]
fn the_recovery_command_refuses_while_the_shop_is_open() {
    let app = crate::shop::open_shop(
        "the_recovery_command_refuses_while_the_shop_is_open",
        "setup-start-empty",
    );
    crate::shop::add_customer(&app, "김민수", "010-2345-6789", "");
    let data = app.data_dir();
    let backup = backup_by_hand(&app, &data);
    let refused = app
        .invoke(
            "recover_from_backup",
            serde_json::json!({ "fileName": file_name(&backup) }),
        )
        .expect_err("restored over the open shop");
    assert_eq!(refused["code"], "validation", "{refused}");
    // The live file is where it was, nothing was moved aside, and the app
    // still reads and writes it.
    let names: Vec<String> = fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n == "dangol.sqlite3"), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("damaged")), "{names:?}");
    crate::shop::add_customer(&app, "이서연", "010-3456-7890", "");
    let input = search(&app, "6789");
    hits_containing(&app, &input, "6789", "김민수");
}

#[test]
fn an_emptied_shop_file_opens_the_recovery_screen() {
    let app = App::launch_with("an_emptied_shop_file_opens_the_recovery_screen", |data| {
        let path = data.join("dangol.sqlite3");
        {
            let shop = set_up_shop(data, "행복한 세탁소");
            let input = dangol_core::CustomerInput {
                name: "김민수".into(),
                ..Default::default()
            };
            shop.create_customer(&input).expect("customer");
            shop.backup_now(dangol_core::data::backup::BackupReason::Manual)
                .expect("backup");
        }
        fs::write(&path, b"").expect("empty the shop file");
        for side in ["-wal", "-shm"] {
            let _ = fs::remove_file(format!("{}{side}", path.display()));
        }
    });
    app.wait_for(&tid("recovery-screen"));
    app.snapshot("emptied-file-recovery");
    app.click("recovery-restore");
    app.wait_for(&tid("search-input"));
    let input = search(&app, "김민수");
    hits_containing(&app, &input, "김민수", "김민수");
}

/// A backup of a shop without customers would empty the shop: the dialog
/// says so, and restores only once the owner ticks that she knows.
#[test]
fn an_empty_backup_is_restored_only_when_the_owner_confirms() {
    let app = crate::shop::open_shop(
        "an_empty_backup_is_restored_only_when_the_owner_confirms",
        "setup-start-empty",
    );
    let data = app.data_dir();
    backup_by_hand(&app, &data);
    crate::shop::add_customer(&app, "김민수", "010-2345-6789", "");
    app.click("nav-data");
    app.click_css(&format!("{} {}", tid("backup-item"), tid("backup-restore")));
    shows_text(&app, &tid("restore-empty"), "고객이 한 명도 없습니다");
    let run = app.wait_for(&tid("restore-run"));
    let disabled = app.wd.property(&run, "disabled").unwrap().as_bool();
    assert_eq!(
        disabled,
        Some(true),
        "restore offered before the owner confirmed"
    );
    app.snapshot("restore-empty");
    app.click("restore-empty-confirm");
    app.click("restore-run");
    app.wait_gone(&tid("restore-dialog"));
    // The shop is the empty one now: the customer list says so.
    app.click("nav-customers");
    app.wait_for(&tid("empty-shop"));
}

/// Closed as the owner closes it, the app folds the write-ahead log into
/// the shop file and leaves the clean close's stamp, so the next morning's
/// start reads the header instead of every page (ARCHITECTURE, the
/// whole-file check at open); that start uses the stamp up and finds
/// everything she saved.
#[test]
fn closing_the_window_leaves_the_file_whole_and_the_next_start_fast() {
    let mut app = open_shop(
        "closing_the_window_leaves_the_file_whole_and_the_next_start_fast",
        "setup-start-empty",
    );
    let data = app.data_dir();
    let stamp = data.join("dangol.sqlite3-checked");
    add_customer(&app, "한가람", "010-4545-6767", "");
    assert!(!stamp.exists(), "a stamp while the shop is open");

    app.close_window();
    app.wait_until("the clean close's stamp beside the shop file", || {
        Ok(stamp.exists().then_some(()))
    });
    let wal = fs::metadata(data.join("dangol.sqlite3-wal")).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the log was not folded into the file at the close");
    // The session's app is gone; the driver forgets it (nothing to kill).
    let _ = app.wd.delete();

    app.open_again();
    let input = search(&app, "6767");
    hits_containing(&app, &input, "6767", "한가람");
    app.wait_until("the stamp used up by the start", || {
        Ok((!stamp.exists()).then_some(()))
    });
}
