//! The lock in the real window: a PIN set at setup, the app quit and opened
//! again — locked, nothing of the shop on screen and every command refused
//! by Rust; a wrong PIN refused, the right one opens; and the app locks
//! itself after the idle time (shortened through the debug build's
//! `DANGOL_E2E_IDLE_SECONDS`).

use crate::app::{tid, App};
use crate::shop::{add_customer, shows_customer};
use crate::webdriver::keys;

pub const PIN: &str = "2468";

/// Setup with a PIN; the recovery key page shows 12 words and a QR code.
pub fn set_up_with_pin(app: &App, english: bool) {
    if english {
        app.click("setup-language-en");
    }
    app.type_into(
        "setup-shop-name",
        if english {
            "Happy Cleaners"
        } else {
            "잠금 세탁소"
        },
    );
    app.click("setup-start-empty");
    app.wait_for(&tid("security-step"));
    app.snapshot("pin-setup");
    app.type_into("pin-first", PIN);
    app.type_into("pin-again", PIN);
    app.click("pin-save");
    let words = app.wait_until("the recovery key's 12 words", || {
        let words = app.texts(&format!("{} li", tid("recovery-words")))?;
        Ok((words.len() == 12).then_some(words))
    });
    assert!(
        words
            .iter()
            .all(|w| w.chars().any(|c| c.is_ascii_lowercase())),
        "{words:?}"
    );
    app.wait_for(&format!("{} svg", tid("recovery-page")));
    app.snapshot("recovery-key");
    app.click("recovery-done");
    app.wait_for(&tid("search-input"));
}

pub fn refused_as_locked(app: &App) {
    let answer = app.invoke(
        "search_customers",
        serde_json::json!({ "query": "김", "limit": 5 }),
    );
    let err = answer.expect_err("a command runs while locked");
    assert_eq!(err["code"], "locked", "{err}");
}

#[test]
fn a_pin_set_at_setup_locks_the_app_when_it_opens_again() {
    let mut app = App::launch("a_pin_set_at_setup_locks_the_app_when_it_opens_again");
    set_up_with_pin(&app, false);
    add_customer(&app, "김잠금", "010-3456-7890", "");

    app.restart();
    app.wait_for(&tid("lock-screen"));
    app.snapshot("locked");
    let page = app.wd.page_source().expect("page source");
    for private in ["김잠금", "7890", "잠금 세탁소"] {
        assert!(!page.contains(private), "the lock screen shows {private}");
    }
    refused_as_locked(&app);

    let input = app.type_into("lock-secret", "1111");
    app.wd.send_keys(&input, keys::ENTER).expect("press Enter");
    app.wait_for(&tid("lock-wrong"));
    app.snapshot("wrong-pin");
    refused_as_locked(&app);

    let input = app.type_into("lock-secret", PIN);
    app.wd.send_keys(&input, keys::ENTER).expect("press Enter");
    app.wait_for(&tid("search-input"));
    app.click("nav-customers");
    app.wait_until("her name in the list", || {
        Ok(app.wd.page_source()?.contains("김잠금").then_some(()))
    });

    // One click locks it again.
    app.click("lock-now");
    app.wait_for(&tid("lock-screen"));
    refused_as_locked(&app);
}

#[test]
fn the_app_locks_itself_after_the_idle_time() {
    let app = App::launch_full(
        "the_app_locks_itself_after_the_idle_time",
        |_| {},
        &[("DANGOL_E2E_IDLE_SECONDS", "6".to_string())],
    );
    // In English this time (the screens' other language).
    set_up_with_pin(&app, true);
    add_customer(&app, "박자리", "010-9876-5432", "");
    shows_customer(&app, "박자리");
    // Half-typed when she walks away.
    app.type_into("search-input", "010-98");
    // Nobody touches it: it locks, and nothing of the shop shows (her
    // screen stays mounted behind the lock, hidden, for when it opens;
    // the toast that named her is gone too).
    app.wait_for(&tid("lock-screen"));
    app.snapshot("locked-after-idle");
    let shown = app
        .wd
        .execute("return document.body.innerText", &[])
        .expect("the text on screen");
    let shown = shown.as_str().unwrap_or_default();
    for private in ["박자리", "5432", "Happy Cleaners"] {
        assert!(!shown.contains(private), "the lock screen shows {private}");
    }
    refused_as_locked(&app);
    let input = app.type_into("lock-secret", PIN);
    app.wd.send_keys(&input, keys::ENTER).expect("press Enter");
    app.wait_for(&tid("search-input"));
    // What she was typing is still there.
    assert_eq!(app.value_of("search-input"), "010-98");
}

/// The shop's old PC is gone; its backup, with its key file, was on a USB
/// stick and is now in this shop's backup folder. The backup says it
/// needs the recovery key; other words are refused; hers restore it.
#[test]
fn a_backup_from_another_pc_restores_with_its_recovery_key() {
    let app = crate::shop::open_shop(
        "a_backup_from_another_pc_restores_with_its_recovery_key",
        "setup-start-empty",
    );
    let old_pc = tempfile::tempdir().expect("temp dir");
    let words = backup_from_another_pc(old_pc.path(), &app.data_dir(), "최옛날");
    app.click("nav-data");
    app.click_css(&format!("{} {}", tid("backup-item"), tid("backup-restore")));
    crate::shop::shows_text(&app, &tid("restore-problem"), "복구 키");
    app.type_into(
        "restore-words",
        "abandon ability able about above absent absorb abstract absurd abuse access accident",
    );
    app.click("restore-words-open");
    app.wait_for(&tid("restore-words-error"));
    let field = app.wait_for(&tid("restore-words"));
    app.clear(&field);
    app.type_into("restore-words", &words.to_uppercase());
    app.snapshot("restore-with-words");
    app.click("restore-words-open");
    // Opened: what it holds, and the restore offered.
    crate::shop::shows_text(&app, "#restore-safe", "먼저 백업");
    app.wait_gone(&tid("restore-words"));
    app.click("restore-run");
    app.wait_gone(&tid("restore-dialog"));
    let input = crate::shop::search(&app, "최옛날");
    crate::shop::hits_containing(&app, &input, "최옛날", "최옛날");
}

/// A shop set up on `old_pc` as the app sets one up (its own key, sealed
/// by its own recovery key), with `name` as its customer; its backup and
/// the backup's key file are copied into the backup folder of the shop in
/// `data`. Returns the old shop's recovery key.
fn backup_from_another_pc(old_pc: &std::path::Path, data: &std::path::Path, name: &str) -> String {
    use dangol_core::data::vault::{backup_key_path, DbKey, KeyFile, RecoveryKey};
    let db = old_pc.join("dangol.sqlite3");
    let key = DbKey::random();
    let recovery = RecoveryKey::random();
    KeyFile::new(&key, &recovery).save(&db).expect("key file");
    let shop = dangol_core::Shop::open_keyed(&db, Some(key)).expect("old shop");
    shop.finish_setup(&dangol_core::SetupInput {
        shop_name: "옛 가게".into(),
        country: dangol_core::Country::KR,
        language: dangol_core::Language::Ko,
        with_sample: false,
    })
    .expect("setup");
    let input = dangol_core::CustomerInput {
        name: name.into(),
        ..Default::default()
    };
    shop.create_customer(&input).expect("customer");
    let made = shop
        .backup_now(dangol_core::data::backup::BackupReason::Manual)
        .expect("backup");
    let from = std::path::Path::new(&made.path);
    let to = data.join("backups").join(from.file_name().expect("name"));
    std::fs::copy(from, &to).expect("copy the backup");
    std::fs::copy(backup_key_path(from), backup_key_path(&to)).expect("copy its key file");
    recovery.words().join(" ")
}
