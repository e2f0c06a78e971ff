//! A customer's story end to end: credit sales and payments, a logged
//! inquiry found again by keyword, a follow-up on the home screen.

use crate::app::{tid, App};
use crate::shop::{add_customer, hits_containing, open_shop, search, shows_customer, shows_text};
use crate::webdriver::keys;

/// Waits until the summary strip shows `amount` as the balance owed.
fn balance_is(app: &App, amount: &str) {
    app.wait_until(&format!("the balance owed to read {amount}"), || {
        let shown = app.texts(&tid("balance-owed"))?;
        *app.seen.borrow_mut() = format!("{shown:?}");
        Ok(shown.iter().any(|s| s.trim() == amount).then_some(()))
    });
}

#[test]
fn credit_sale_and_payments_keep_the_balance() {
    let app = open_shop(
        "credit_sale_and_payments_keep_the_balance",
        "setup-start-empty",
    );
    add_customer(&app, "이수진", "010-5555-1234", "");
    balance_is(&app, "0원");

    // Straight from a search hit: Ctrl+Enter opens her with the sale form.
    let input = search(&app, "5555");
    hits_containing(&app, &input, "5555", "이수진");
    let ctrl_enter = format!("{}{}", keys::CONTROL, keys::ENTER);
    app.wd.send_keys(&input, &ctrl_enter).expect("Ctrl+Enter");
    app.wait_for(&tid("sale-form"));
    app.type_into("sale-amount", "50,000");
    app.type_into("sale-items", "생크림 케이크");
    app.click("sale-credit");
    app.type_into("sale-paid-now", "20,000");
    app.snapshot("sale-form");
    app.click("sale-save");
    app.wait_gone(&tid("sale-form"));
    balance_is(&app, "30,000원");
    // What was bought, paid and owed; points on what was paid, the rest later.
    shows_text(
        &app,
        &tid("visit-money"),
        "구매 50,000원 · 결제 20,000원 · 외상 30,000원",
    );
    shows_text(&app, &tid("visit-earned"), "+600점 적립");
    shows_text(
        &app,
        &tid("visit-points-later"),
        "외상을 받으면 900점 더 적립",
    );
    shows_text(&app, &tid("timeline-entry"), "외상 30,000원");
    shows_text(&app, &tid("entry-paid"), "결제 20,000원");
    app.snapshot("credit-sale");

    app.click("action-payment");
    app.type_into("payment-amount", "10,000");
    app.click("payment-save");
    app.wait_gone(&tid("payment-form"));
    balance_is(&app, "20,000원");

    // More than she owes: refused next to the field, and the text stays.
    app.click("action-payment");
    app.type_into("payment-amount", "999,999");
    app.click("payment-save");
    let message = shows_text(&app, &tid("error-amount"), "외상 잔액");
    assert!(message.contains("많은"), "unexpected message {message:?}");
    assert_eq!(app.value_of("payment-amount"), "999,999");
    app.snapshot("payment-refused");
    app.wd
        .send_keys(&app.wait_for(&tid("payment-amount")), keys::ESCAPE)
        .expect("Esc");
    app.wait_gone(&tid("payment-form"));
    balance_is(&app, "20,000원");
    app.snapshot("customer");
}

#[test]
fn logged_inquiry_is_found_by_keyword() {
    let app = open_shop("logged_inquiry_is_found_by_keyword", "setup-start-empty");
    add_customer(&app, "박하늘", "010-7777-3333", "");
    add_customer(&app, "최서연", "010-8888-4444", "");

    app.click("action-contact");
    app.type_into("contact-inquiry", "배송 문의: 주문한 케이크 언제 오나요");
    app.type_into("contact-answer", "내일 오전 도착");
    app.click("contact-save");
    app.wait_gone(&tid("contact-form"));
    shows_text(&app, &tid("timeline-entry"), "내일 오전 도착");

    app.click("nav-history-search");
    for keyword in ["배송", "케이"] {
        let input = app.wait_for(&tid("history-search-input"));
        app.clear(&input);
        app.wd.send_keys(&input, keyword).expect("type the keyword");
        let hit = shows_text(&app, &tid("history-hit"), "최서연");
        assert!(hit.contains(keyword), "hit {hit:?} does not show {keyword}");
    }
    app.snapshot("hits");
    app.click_css(&tid("history-hit"));
    shows_customer(&app, "최서연");
    shows_text(&app, &tid("timeline-entry"), "케이크 언제 오나요");
    app.snapshot("opened-at-entry");

    // The answer is corrected in place; the entry says it was.
    app.click("entry-edit");
    let answer = app.wait_for(&tid("entry-edit-detail"));
    app.clear(&answer);
    app.wd
        .send_keys(&answer, "오늘 오후 도착")
        .expect("type the answer");
    app.click("entry-edit-save");
    shows_text(&app, &tid("timeline-entry"), "오늘 오후 도착");
    shows_text(&app, &tid("entry-edited"), "수정됨");
}

#[test]
fn follow_up_due_today_is_on_the_home_screen_until_done() {
    let app = open_shop(
        "follow_up_due_today_is_on_the_home_screen_until_done",
        "setup-start-empty",
    );
    app.wait_for(&tid("home-followups-empty"));
    add_customer(&app, "정다은", "010-2222-9999", "");

    app.click("action-followup");
    let due = app.wait_for(&tid("followup-due"));
    // A date input is set as a script would, in the page's own time zone.
    app.wd
        .execute(
            "const el = arguments[0], d = new Date();
             const p = (n) => String(n).padStart(2, '0');
             el.value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            &[due.to_json()],
        )
        .expect("set the date");
    app.type_into("followup-reason", "케이크 맛 여쭤보기");
    app.click("followup-save");
    app.wait_gone(&tid("followup-form"));
    shows_text(&app, &tid("customer-followup"), "케이크 맛 여쭤보기");

    app.click("action-complaint");
    app.type_into("complaint-description", "케이크가 눌려서 왔어요");
    app.click("complaint-save");
    app.wait_gone(&tid("complaint-form"));
    shows_text(&app, &tid("open-complaint"), "케이크가 눌려서 왔어요");
    app.snapshot("customer");
    app.click("complaint-start");
    shows_text(&app, &tid("complaint-status"), "처리 중");

    app.click("nav-home");
    let row = shows_text(&app, &tid("home-followup"), "정다은");
    assert!(row.contains("010-2222-9999"), "no phone in {row:?}");
    assert!(row.contains("케이크 맛 여쭤보기"), "no reason in {row:?}");
    shows_text(&app, &tid("home-complaint"), "케이크가 눌려서 왔어요");
    app.snapshot("home");
    app.click_css(&format!(
        "{} {}",
        tid("home-followup"),
        tid("followup-done")
    ));
    app.wait_for(&tid("home-followups-empty"));
    app.wait_gone(&tid("home-followup"));
}

#[test]
fn resolving_a_complaint_offers_a_call_back() {
    let app = open_shop(
        "resolving_a_complaint_offers_a_call_back",
        "setup-start-empty",
    );
    add_customer(&app, "한지민", "010-3333-7777", "");
    app.click("action-complaint");
    app.type_into("complaint-description", "직원이 인사를 안 받아 줬어요");
    app.click("complaint-save");
    app.wait_gone(&tid("complaint-form"));

    app.click("complaint-resolve");
    app.click("resolve-save");
    shows_text(&app, &tid("error-resolution"), "입력해");
    app.type_into("resolve-resolution", "사과드리고 다음 방문 때 음료 제공");
    app.click("resolve-save");
    app.wait_gone(&tid("resolve-form"));
    app.wait_gone(&tid("open-complaints"));
    shows_text(&app, &tid("entry-complaint-status"), "해결");

    app.click_css(&format!("{} {}", tid("offer-callback"), tid("confirm-ok")));
    app.wait_for(&tid("followup-form"));
    let reason = app.value_of("followup-reason");
    assert!(reason.contains("인사를 안 받아"), "reason {reason:?}");
    app.snapshot("callback");
    app.click("followup-save");
    app.wait_gone(&tid("followup-form"));
    shows_text(&app, &tid("customer-followup"), "인사를 안 받아");
}
