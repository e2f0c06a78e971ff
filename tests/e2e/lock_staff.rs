//! Staff with their own PINs, in the real window: the owner gives one in
//! settings; locked, the lock screen asks who is opening; a wrong PIN (the
//! owner's included) is refused; hers opens the app as her, the owner's
//! screens and commands are closed to her, and what she records — a
//! purchase, an inquiry — carries her name in the customer's timeline.
//! The owner opening again writes as herself. And when the keychain has
//! lost the shop's key, the lock screen says only the owner can open it.

use crate::app::{tid, App};
use crate::lock::{refused_as_locked, set_up_with_pin, PIN};
use crate::shop::{add_customer, hits_containing, record_sale, search, shows_customer, shows_text};
use crate::webdriver::keys;

const STAFF: &str = "박미나";
const STAFF_PIN: &str = "1357";

fn person(name: &str) -> String {
    format!("{}[data-name=\"{name}\"]", tid("lock-person"))
}

/// Types `pin` on the lock screen and presses Enter.
fn enter_pin(app: &App, pin: &str) {
    let input = app.type_into("lock-secret", pin);
    app.wd.send_keys(&input, keys::ENTER).expect("press Enter");
}

fn working_name(app: &App) -> String {
    app.wait_until("who is working in the top bar", || {
        Ok(app.texts(&tid("working-name"))?.into_iter().next())
    })
}

fn open_customer(app: &App, name: &str) {
    let input = search(app, name);
    hits_containing(app, &input, name, name);
    app.click("search-hit");
    shows_customer(app, name);
}

/// Logs an inquiry; returns who the form offered as the staff member
/// (the person working, by default) and the entry as the timeline shows it.
fn log_inquiry(app: &App, inquiry: &str) -> (String, String) {
    app.click("action-contact");
    app.wait_for(&tid("contact-form"));
    let offered = app
        .wd
        .execute(
            &format!(
                "return document.querySelector('{} select[id^=staff-]').selectedOptions[0].textContent.trim();",
                tid("contact-form")
            ),
            &[],
        )
        .expect("the staff field")
        .as_str()
        .unwrap_or_default()
        .to_string();
    app.type_into("contact-inquiry", inquiry);
    app.click("contact-save");
    app.wait_gone(&tid("contact-form"));
    (offered, shows_text(app, &tid("timeline-entry"), inquiry))
}

/// Setup with the owner's PIN, then a staff member with her own PIN —
/// typed wrong once in settings, then right.
fn set_up_with_staff_pin(app: &App) {
    set_up_with_pin(app, false);
    // The owner adds a staff member and gives her a PIN.
    app.click("nav-settings");
    app.type_into("staff-new-name", STAFF);
    app.click("staff-add");
    app.wait_for(&tid("staff-row"));
    app.click("staff-pin");
    app.type_into("staff-pin-first", STAFF_PIN);
    app.type_into("staff-pin-again", "1358");
    app.click("staff-pin-save");
    app.wait_for(&tid("staff-pin-problem"));
    app.snapshot("staff-pin-form");
    let again = app.wait_for(&tid("staff-pin-again"));
    app.clear(&again);
    app.type_into("staff-pin-again", STAFF_PIN);
    app.click("staff-pin-save");
    app.wait_for(&tid("staff-has-pin"));
    app.wait_gone(&tid("staff-pin-form"));
    app.snapshot("staff-settings");
}

#[test]
fn a_staff_pin_opens_the_app_as_her_and_her_entries_carry_her_name() {
    let app = App::launch("a_staff_pin_opens_the_app_as_her_and_her_entries_carry_her_name");
    set_up_with_staff_pin(&app);
    add_customer(&app, "김단골", "010-2222-7777", "");

    // Locked: the lock screen asks who is opening, and shows no customer.
    app.click("lock-now");
    app.wait_for(&tid("lock-people"));
    app.wait_for(&person(STAFF));
    app.snapshot("people");
    // (What is visible: the screen she was on stays mounted, hidden.)
    let shown = app.texts("body").expect("the window's text").concat();
    assert!(shown.contains("사장님"), "{shown}");
    assert!(
        !shown.contains("김단골"),
        "a customer on the lock screen: {shown}"
    );
    refused_as_locked(&app);

    // Her name, then a wrong PIN — the owner's is wrong for her too.
    app.click_css(&person(STAFF));
    app.wait_for(&tid("lock-chosen"));
    app.snapshot("staff-pin");
    for wrong in ["9999", PIN] {
        enter_pin(&app, wrong);
        app.wait_for(&tid("lock-wrong"));
        refused_as_locked(&app);
    }
    app.snapshot("staff-pin-wrong");
    enter_pin(&app, STAFF_PIN);
    app.wait_for(&tid("search-input"));
    assert_eq!(working_name(&app), STAFF);

    // The owner's commands are refused to her by Rust, whatever the window.
    for (command, args) in [
        ("backup_now", serde_json::json!({})),
        (
            "set_staff_pin",
            serde_json::json!({ "id": 1, "pin": "0000" }),
        ),
        ("delete_customer", serde_json::json!({ "id": 1 })),
    ] {
        let err = app
            .invoke(command, args)
            .expect_err("a staff member ran an owner's command");
        assert_eq!(err["code"], "owner_only", "{command}: {err}");
    }
    app.click("nav-settings");
    app.wait_for(&tid("owner-only"));
    app.snapshot("owner-only");

    // What she records carries her name.
    open_customer(&app, "김단골");
    let (offered, entry) = log_inquiry(&app, "예약 문의: 토요일 오후");
    assert_eq!(offered, STAFF, "the form offers the person working");
    assert!(entry.contains(STAFF), "her inquiry: {entry:?}");
    record_sale(&app, "15000");
    let sale = shows_text(&app, &tid("timeline-entry"), "15,000");
    assert!(sale.contains(STAFF), "her purchase: {sale:?}");
    app.snapshot("timeline");

    // 잠그기 switches person: the owner opens and writes as herself.
    app.click("lock-now");
    app.wait_for(&tid("lock-people"));
    app.click_css(&format!("{}[data-owner=\"true\"]", tid("lock-person")));
    enter_pin(&app, PIN);
    app.wait_for(&tid("search-input"));
    assert_eq!(working_name(&app), "사장님");
    let (_, owners) = log_inquiry(&app, "포장 문의");
    assert!(!owners.contains(STAFF), "the owner's inquiry: {owners:?}");
    let hers = shows_text(&app, &tid("timeline-entry"), "예약 문의");
    assert!(hers.contains(STAFF), "{hers:?}");
}

#[test]
fn without_the_keychain_only_the_owner_opens_and_the_lock_screen_says_so() {
    let mut app =
        App::launch("without_the_keychain_only_the_owner_opens_and_the_lock_screen_says_so");
    set_up_with_staff_pin(&app);
    app.close();
    dangol_lib::secrets::init();
    dangol_lib::secrets::forget_db_key(&app.data_dir().join("dangol.sqlite3"))
        .expect("the key leaves the keychain");
    app.open_again();

    // No people to choose: a plain note, and the owner's PIN.
    app.wait_for(&tid("lock-staff-need-owner"));
    app.snapshot("need-owner");
    assert!(app.texts(&tid("lock-people")).expect("texts").is_empty());
    enter_pin(&app, PIN);
    app.wait_for(&tid("search-input"));

    // Opened by the owner, the key is back: staff PINs work again.
    app.click("lock-now");
    app.wait_for(&person(STAFF));
    app.click_css(&person(STAFF));
    enter_pin(&app, STAFF_PIN);
    app.wait_for(&tid("search-input"));
    assert_eq!(working_name(&app), STAFF);
}
