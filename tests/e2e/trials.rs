//! New-product trials end to end: a trial is created, given to a customer
//! found by search, she shows under "아직 의견 없음", her feedback is
//! recorded inline (Ctrl+Enter) and she leaves that list; her screen and
//! timeline show it.

use crate::app::{tid, App};
use crate::shop::{add_customer, open_shop, shows_text};
use crate::webdriver::keys;

/// The names listed under the trial's participants now.
fn participants(app: &App) -> Vec<String> {
    app.texts(&tid("trial-participant-name"))
        .unwrap_or_default()
}

#[test]
fn a_trial_given_to_a_customer_collects_her_feedback() {
    let app = open_shop(
        "a_trial_given_to_a_customer_collects_her_feedback",
        "setup-start-empty",
    );
    add_customer(&app, "한소희", "010-7070-8080", "");

    app.click("nav-trials");
    app.wait_for(&tid("trials-screen"));
    // A trial needs a product name.
    app.click("trial-create");
    shows_text(&app, &tid("error-product"), "입력");
    app.type_into("trial-product", "유자 케이크");
    app.type_into("trial-note", "한 조각씩");
    app.click("trial-create");
    shows_text(&app, &tid("trial-detail-product"), "유자 케이크");

    // Given to her, picked by the search (initials).
    app.type_into("trial-search", "ㅎㅅㅎ");
    shows_text(&app, &tid("trial-hit"), "한소희");
    app.click("trial-give-customer");
    shows_text(&app, &tid("trial-participant-name"), "한소희");
    shows_text(&app, &tid("trial-counts"), "1명에게 드림 · 0명 의견");
    shows_text(&app, &tid("trial-hit"), "받음");

    // She is among those who have not answered yet.
    app.click("trial-filter-pending");
    shows_text(&app, &tid("trial-participant-name"), "한소희");
    app.snapshot("pending");

    // Her feedback, typed inline and saved with Ctrl+Enter.
    app.click("trial-feedback-open");
    app.click("trial-rating-4");
    app.type_into("trial-feedback-text", "조금 달아요");
    app.snapshot("editing");
    let text = app.wait_for(&tid("trial-feedback-text"));
    app.wd
        .send_keys(&text, &format!("{}{}", keys::CONTROL, keys::ENTER))
        .expect("Ctrl+Enter");
    app.wait_until("her to leave the not-yet list", || {
        let names = participants(&app);
        *app.seen.borrow_mut() = format!("{names:?}");
        Ok((!names.iter().any(|n| n.contains("한소희"))).then_some(()))
    });
    app.wait_for(&tid("trial-people-empty"));
    shows_text(&app, &tid("trial-counts"), "1명 의견");

    // All shows her answer with its stars.
    app.click("trial-filter-all");
    let said = shows_text(&app, &tid("trial-feedback"), "조금 달아요");
    assert!(said.contains("★★★★☆"), "rating not shown: {said:?}");
    app.snapshot("answered");

    // Her screen lists the trial, and her timeline has both steps.
    app.click("trial-participant-name");
    shows_text(&app, &tid("card-trials"), "유자 케이크");
    shows_text(&app, &tid("card-trials"), "조금 달아요");
    shows_text(
        &app,
        &tid("customer-detail"),
        "신제품 체험 의견: 유자 케이크",
    );
    app.snapshot("customer");
}
