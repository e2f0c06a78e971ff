//! End-to-end tests: the real Dangol window driven through tauri-driver and
//! WebKitWebDriver, doing what a shop owner does. Run them under a display:
//! `scripts/e2e-xvfb.sh cargo test --features custom-protocol --test e2e`
//! after `npm --prefix ui run build` (see README).
//!
//! Each test starts the app with empty data folders of its own; the tests run
//! one at a time (see `app.rs`).

mod app;
mod consent;
mod data;
mod dates;
mod files;
mod first_day;
mod hardening;
mod history;
mod letters;
mod lock;
mod lock_staff;
mod loyalty;
mod mail;
mod notices;
mod procs;
mod reports;
mod rights;
mod screen;
mod shop;
#[path = "../../core/tests/common/smtp.rs"]
mod smtp;
#[path = "../../core/tests/common/solapi.rs"]
#[allow(dead_code)]
mod solapi;
#[path = "../../core/tests/common/solapi_http.rs"]
mod solapi_http;
mod texts;
mod trials;
mod updates;
mod webdriver;
mod words;

use app::tid;
use shop::{add_customer, hits_containing, open_shop, search, shows_customer};
use webdriver::keys;

fn has_hangul(text: &str) -> bool {
    text.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn add_customer_then_find_by_initials_and_last_four() {
    let app = open_shop(
        "add_customer_then_find_by_initials_and_last_four",
        "setup-start-empty",
    );
    app.wait_until("the search box to have focus at start", || {
        let active = app.wd.active_element()?;
        let id = app.wd.attribute(&active, "data-testid")?;
        Ok((id.as_deref() == Some("search-input")).then_some(()))
    });

    add_customer(&app, "김민수", "010-2345-6789", "minsu@example.com");

    let input = search(&app, "ㄱㅁㅅ");
    hits_containing(&app, &input, "ㄱㅁㅅ", "김민수");

    let input = search(&app, "6789");
    hits_containing(&app, &input, "6789", "김민수");
    app.wd.send_keys(&input, keys::ENTER).expect("press Enter");

    shows_customer(&app, "김민수");
    app.wait_until("the phone written as 010-2345-6789 on her record", || {
        let detail = app.texts(&tid("customer-detail"))?.join("\n");
        Ok(detail.contains("010-2345-6789").then_some(()))
    });
}

/// Plays one step of an IME composition on `arguments[0]`: sets the value to
/// `arguments[1]` with `data` = `arguments[2]`; `arguments[3]` is the phase.
const COMPOSE: &str = r#"
    const [el, value, data, phase] = arguments;
    const opts = { bubbles: true, cancelable: true, data };
    if (phase === 'start') el.dispatchEvent(new CompositionEvent('compositionstart', opts));
    if (phase === 'end') {
        el.dispatchEvent(new CompositionEvent('compositionend', opts));
        el.dispatchEvent(new InputEvent('input',
            { bubbles: true, data, inputType: 'insertFromComposition', isComposing: false }));
    } else {
        el.dispatchEvent(new CompositionEvent('compositionupdate', opts));
        el.value = value;
        el.dispatchEvent(new InputEvent('input',
            { bubbles: true, data, inputType: 'insertCompositionText', isComposing: true }));
    }
    return null;
"#;

/// What a Korean IME does while 김ㅁ is being composed: compositionstart,
/// value changes with `input` events marked `isComposing`, compositionend.
/// Search must answer during composition and must not double the letters.
#[test]
fn search_answers_while_hangul_is_being_composed() {
    let app = open_shop(
        "search_answers_while_hangul_is_being_composed",
        "setup-start-empty",
    );
    add_customer(&app, "김민수", "010-2345-6789", "");
    let input = search(&app, "");
    let compose = |value: &str, data: &str, phase: &str| {
        let args = [input.to_json(), value.into(), data.into(), phase.into()];
        app.wd
            .execute(COMPOSE, &args)
            .expect("dispatch composition events");
    };

    compose("ㄱ", "ㄱ", "start");
    compose("기", "기", "update");
    compose("김", "김", "update");
    hits_containing(&app, &input, "김", "김민수");
    compose("김ㅁ", "ㅁ", "update");
    hits_containing(&app, &input, "김ㅁ", "김민수");
    compose("김ㅁ", "ㅁ", "end");
    hits_containing(&app, &input, "김ㅁ", "김민수");
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(
        app.wd.value(&input).unwrap(),
        "김ㅁ",
        "the search text changed after composition"
    );

    app.wd.send_keys(&input, "ㅅ").expect("type ㅅ");
    hits_containing(&app, &input, "김ㅁㅅ", "김민수");
}

#[test]
fn bad_email_shows_message_and_keeps_input() {
    let app = open_shop(
        "bad_email_shows_message_and_keeps_input",
        "setup-start-empty",
    );
    app.click("new-customer");
    app.type_into("field-name", "이서연");
    app.type_into("field-phone-0", "010-3456-7890");
    let email = app.type_into("field-email", "seoyeon@@example");
    app.click("save-customer");

    let message = app.wait_until("a message next to the email field", || {
        let texts = app.texts(&tid("error-email"))?;
        Ok(texts.into_iter().find(|t| !t.trim().is_empty()))
    });
    assert!(
        has_hangul(&message),
        "the message is not in Korean: {message:?}"
    );
    assert_eq!(
        app.value_of("field-name"),
        "이서연",
        "the name typed was lost"
    );
    assert_eq!(
        app.value_of("field-email"),
        "seoyeon@@example",
        "the email typed was lost"
    );
    assert_eq!(
        app.value_of("field-phone-0"),
        "010-3456-7890",
        "the phone typed was lost"
    );
    assert!(
        app.texts(&tid("customer-detail")).unwrap().is_empty(),
        "saved a bad email"
    );

    app.clear(&email);
    app.wd
        .send_keys(&email, "seoyeon@example.com")
        .expect("fix the email");
    app.click("save-customer");
    shows_customer(&app, "이서연");
}

#[test]
fn sample_shop_lookup() {
    let app = open_shop("sample_shop_lookup", "setup-start-sample");
    let input = search(&app, "김");
    let hits = hits_containing(&app, &input, "김", "김");
    assert!(
        hits.len() >= 2,
        "a sample shop of ~200 customers has one Kim at most: {hits:?}"
    );

    // ArrowDown then Enter opens the second hit.
    let second = hits[1].clone();
    app.wd
        .send_keys(&input, keys::ARROW_DOWN)
        .expect("ArrowDown");
    app.wd.send_keys(&input, keys::ENTER).expect("Enter");
    app.wait_for(&tid("customer-detail"));
    let name = app.wait_until("the opened customer's name", || {
        let names = app.texts(&tid("customer-name"))?;
        Ok(names.into_iter().find(|n| !n.trim().is_empty()))
    });
    assert!(
        second.contains(name.trim()),
        "opened {name:?}, not the second hit {second:?}"
    );

    let input = search(&app, "ㅇ");
    hits_containing(&app, &input, "ㅇ", "");

    // Many matches: the first eight, then all of them on request.
    let first = app.texts(&tid("search-hit")).expect("hits").len();
    assert_eq!(first, 8, "eight as you type");
    app.click("search-more");
    app.wait_until("every ㅇ match", || {
        let n = app.texts(&tid("search-hit"))?.len();
        Ok((n > 8).then_some(n))
    });
    assert_eq!(app.value_of("search-input"), "ㅇ", "the query stays");
}

#[test]
fn delete_customer_really_goes() {
    let app = open_shop("delete_customer_really_goes", "setup-start-empty");
    add_customer(&app, "박지현", "010-4444-2222", "");
    add_customer(&app, "박지훈", "010-3333-4444", "");

    let input = search(&app, "박지");
    hits_containing(&app, &input, "박지", "박지현");
    hits_containing(&app, &input, "박지", "박지훈");
    let input = search(&app, "3333");
    hits_containing(&app, &input, "3333", "박지훈");
    app.wd.send_keys(&input, keys::ENTER).expect("Enter");
    shows_customer(&app, "박지훈");

    app.click("delete-customer");
    // The confirmation is a dialog (`confirm-delete`) with its own OK button.
    app.click_css(&format!("{} {}", tid("confirm-delete"), tid("confirm-ok")));
    app.wait_gone(&tid("confirm-delete"));
    app.wait_until("박지훈's record to close", || {
        let names = app.texts(&tid("customer-name"))?;
        Ok((!names.iter().any(|n| n.trim() == "박지훈")).then_some(()))
    });

    // 박지현 still answers to each query, so the search has run; 박지훈 must not.
    for query in ["박지", "4444", "ㅂㅈㅎ"] {
        let input = search(&app, query);
        let hits = hits_containing(&app, &input, query, "박지현");
        assert!(
            !hits.iter().any(|h| h.contains("박지훈")),
            "deleted but found by {query}: {hits:?}"
        );
    }
}

#[test]
fn korean_by_default_and_english_in_settings() {
    let app = open_shop(
        "korean_by_default_and_english_in_settings",
        "setup-start-empty",
    );
    let label = |id: &str| app.texts(&tid(id)).unwrap().join(" ");
    assert!(
        has_hangul(&label("nav-customers")),
        "not Korean at first: {}",
        label("nav-customers")
    );

    app.click("nav-settings");
    app.click("settings-language-en");
    app.wait_until("the menu to switch to English", || {
        let text = app.texts(&tid("nav-customers"))?.join(" ");
        Ok((!text.is_empty() && !has_hangul(&text)).then_some(()))
    });
    // The mail settings and the provider's steps too.
    let mail = app.texts(&tid("mail-settings")).unwrap().join(" ");
    assert!(!has_hangul(&mail), "mail settings still in Korean: {mail}");
    app.wd
        .execute(
            "document.querySelector('[data-testid=mail-settings]').scrollIntoView()",
            &[],
        )
        .expect("scroll to mail settings");
    app.snapshot("english-mail");
    // Validation messages follow the language too.
    app.click("new-customer");
    app.type_into("field-name", "Jane Park");
    app.type_into("field-email", "jane@");
    app.click("save-customer");
    let message = app.wait_until("an English message next to the email field", || {
        let texts = app.texts(&tid("error-email"))?;
        Ok(texts.into_iter().find(|t| !t.trim().is_empty()))
    });
    assert!(
        !has_hangul(&message),
        "message still in Korean: {message:?}"
    );
    assert_eq!(
        app.value_of("field-email"),
        "jane@",
        "the email typed was lost"
    );
}
