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
    // Nobody touches it: it locks, and nothing of her is to be seen (her
    // screen stays mounted behind the lock, hidden, for when it opens;
    // the toast that named her is gone too).
    app.wait_for(&tid("lock-screen"));
    app.snapshot("locked-after-idle");
    let shown = app.texts("body").expect("the window's text").concat();
    assert!(!shown.contains("박자리"), "{shown}");
    refused_as_locked(&app);
    let input = app.type_into("lock-secret", PIN);
    app.wd.send_keys(&input, keys::ENTER).expect("press Enter");
    app.wait_for(&tid("search-input"));
}
