//! The first day, walked in the real window as a new owner walks it: a new
//! shop's checklist, a customer with her mother's lunar birthday, 편지 쓰기
//! on 오늘, emailing before mail is set up (the mail setup opens first, and
//! saving it sends the letter), the letter arriving at the loopback SMTP
//! server exactly once, and 오늘 marking it sent — but not while it was
//! only made. Then a credit sale in English: what was bought, paid and
//! owed, and the points waiting for the tab.

use chrono::{Datelike, Days, Local, NaiveDate};
use dangol_core::letters::dates::lunar_to_solar;

use crate::app::{tid, App};
use crate::mail::fill_mail;
use crate::shop::{hits_containing, open_shop, search, shows_customer, shows_text};
use crate::smtp::{SmtpServer, PASSWORD};

/// Where things sit in their menus.
const PARENT: usize = 2;

/// The lunar (month, day) that falls on `target` (not a leap month).
fn lunar_of(target: NaiveDate) -> (u8, u8) {
    for year in [target.year() - 1, target.year()] {
        for month in 1..=12u8 {
            for day in 1..=30u8 {
                if lunar_to_solar(year, month, day, false) == Some(target) {
                    return (month, day);
                }
            }
        }
    }
    panic!("no lunar date falls on {target}");
}

/// Whether the element's top is inside the window as the screen opened.
fn in_first_screenful(app: &App, testid: &str) -> bool {
    let el = app.wait_for(&tid(testid));
    app.wd
        .execute(
            "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;",
            &[el.to_json()],
        )
        .expect("where it is")
        .as_bool()
        .unwrap_or(false)
}

/// The letter dialog's state chip reads `state` (e.g. "sent").
fn letter_state_is(app: &App, state: &str) {
    app.wait_until(&format!("the letter to be {state}"), || {
        let found = app.wd.find_all(&format!(
            "{} [data-testid=letter-state][data-state={state}]",
            tid("letter-dialog")
        ))?;
        Ok((!found.is_empty()).then_some(()))
    });
}

#[test]
fn the_first_day_from_a_new_shop_to_the_first_greeting() {
    let server = SmtpServer::start();
    let app = open_shop(
        "the_first_day_from_a_new_shop_to_the_first_greeting",
        "setup-start-empty",
    );

    // A new shop's 오늘 says what to do first.
    let list = shows_text(&app, &tid("first-day"), "처음 시작하기");
    for step in [
        "고객 추가하기",
        "메일 설정하기",
        "적립 혜택 살펴보기",
        "첫 인사 보내기",
    ] {
        assert!(list.contains(step), "{step:?} missing from {list:?}");
    }
    shows_text(&app, &tid("first-day-progress"), "0/4");
    app.snapshot("checklist");

    // One click to the form; she has an email and her mother's lunar
    // birthday is in three days.
    app.click("first-day-add");
    app.type_into("field-name", "이수아");
    app.type_into("field-phone-0", "010-2345-6789");
    app.type_into("field-email", "sua@example.com");
    app.click("save-customer");
    shows_customer(&app, "이수아");
    assert!(
        in_first_screenful(&app, "card-contact"),
        "her contact card is below the fold"
    );
    app.snapshot("customer-top");
    app.click("family-add");
    app.type_into("family-name", "박순자");
    app.select_index("family-relation", PARENT);
    app.click("family-save");
    app.wait_gone(&tid("family-form"));
    let on = Local::now().date_naive() + Days::new(3);
    let (month, day) = lunar_of(on);
    app.click("date-add");
    app.select_index("date-whose", 1);
    app.click("date-lunar-lunar");
    app.select_index("date-month", usize::from(month - 1));
    app.select_index("date-day", usize::from(day - 1));
    app.type_into("date-year", "1956");
    app.click("date-save");
    app.wait_gone(&tid("date-form"));
    shows_text(&app, &tid("important-date"), "박순자");
    app.wait_for(&tid("date-write-letter"));
    app.snapshot("customer");

    // 오늘: the customers step is done and gone; her mother's day is there.
    app.click("nav-home");
    shows_text(&app, &tid("first-day-progress"), "1/4");
    assert!(app
        .texts(&tid("first-day-step-customers"))
        .unwrap()
        .is_empty());
    app.click("dates-week");
    shows_text(&app, &tid("upcoming-date"), "박순자");

    // 편지 쓰기: her letter opens, made but not sent, and 오늘 says nothing
    // of a letter sent.
    app.click("upcoming-write-letter");
    shows_text(&app, &tid("letter-dialog"), "이수아 님께 드릴 편지");
    letter_state_is(&app, "made");
    shows_text(&app, &tid("letter-made-body"), "이수아");
    app.snapshot("letter");
    app.click("letter-dialog-close");
    app.wait_gone(&tid("letter-dialog"));
    shows_text(&app, &tid("upcoming-date"), "박순자");
    assert!(
        app.texts(&tid("upcoming-letter-sent")).unwrap().is_empty(),
        "a letter only made is marked sent"
    );

    // Emailed before mail is set up: the setup opens first, and nothing
    // claims the letter is on its way.
    app.click("upcoming-write-letter");
    letter_state_is(&app, "made");
    app.click("letter-dialog-email");
    shows_text(&app, &tid("mail-gate"), "메일 설정을 먼저 해 주세요");
    assert!(
        app.texts(&tid("toast")).unwrap().is_empty(),
        "a toast before the letter can go"
    );
    fill_mail(&app, &server, PASSWORD);
    app.snapshot("mail-gate");
    shows_text(&app, &tid("mail-save"), "저장하고 보내기");
    app.click("mail-save");
    app.wait_gone(&tid("mail-gate"));

    // Saved: the letter goes, arrives once, and says so.
    letter_state_is(&app, "sent");
    app.wait_until("the letter at the server", || {
        Ok((!server.received().is_empty()).then_some(()))
    });
    shows_text(&app, &tid("letter-dialog-notes"), "메일로 보냄");
    app.snapshot("letter-sent");
    let got = server.received();
    assert_eq!(got.len(), 1, "one email, the letter");
    assert_eq!(got[0]["envelopeTo"][0], "sua@example.com");
    assert!(
        got[0]["text"].as_str().unwrap().contains("이수아"),
        "{}",
        got[0]["text"]
    );
    app.click("letter-dialog-close");
    app.wait_gone(&tid("letter-dialog"));

    // 오늘 marks it sent; mail and the first greeting are done.
    shows_text(&app, &tid("upcoming-letter-sent"), "편지 보냄");
    shows_text(&app, &tid("first-day-progress"), "3/4");
    app.snapshot("home-after");

    // The last step opens the rewards in settings, at the rewards.
    app.click("first-day-rewards");
    app.wait_for(&tid("loyalty-settings"));
    app.wait_until("the rewards in view", || {
        Ok(in_first_screenful(&app, "loyalty-settings").then_some(()))
    });
    app.snapshot("rewards");
    app.click("nav-home");
    app.wait_for(&tid("home-dates"));
    app.wait_gone(&tid("first-day"));

    // Her history says a letter went by email (not an "answer"); the outbox
    // has it once.
    let input = search(&app, "이수아");
    hits_containing(&app, &input, "이수아", "이수아");
    app.click("search-hit");
    shows_customer(&app, "이수아");
    let entry = shows_text(
        &app,
        &format!("{}[data-kind=letter]", tid("timeline-entry")),
        "메일로 보냄",
    );
    assert!(!entry.contains("답변"), "{entry:?}");
    app.snapshot("history");
    app.click("nav-letters");
    shows_text(&app, &tid("outbox-count-sent"), "보냄 1");
    assert_eq!(server.received().len(), 1, "sent exactly once");
    app.wd
        .execute(
            "document.querySelector('[data-testid=outbox]').scrollIntoView()",
            &[],
        )
        .expect("scroll to the outbox");
    app.snapshot("outbox");
}

#[test]
fn a_credit_sale_in_english_says_what_was_bought_paid_and_owed() {
    let server = SmtpServer::start();
    let app = App::launch("a_credit_sale_in_english_says_what_was_bought_paid_and_owed");
    app.click("setup-language-en");
    app.type_into("setup-shop-name", "Happy Cleaners");
    app.click("setup-start-empty");
    crate::shop::past_security_step(&app);
    let list = shows_text(&app, &tid("first-day"), "Getting started");
    assert!(list.contains("Add your customers"), "{list:?}");
    app.snapshot("checklist-en");

    app.click("first-day-add");
    app.type_into("field-name", "Sua Lee");
    app.type_into("field-phone-0", "010-2345-6789");
    app.type_into("field-email", "sua@example.com");
    let birthday = Local::now().date_naive() + Days::new(2);
    app.type_into("field-birthday", &birthday.format("1990-%m-%d").to_string());
    let consent = app.wait_for(&tid("field-consent-email"));
    app.wd.send_keys(&consent, " ").expect("tick email consent");
    app.click("save-customer");
    shows_customer(&app, "Sua Lee");
    assert!(in_first_screenful(&app, "card-contact"));
    app.click("action-sale");
    app.type_into("sale-amount", "48,000");
    app.click("sale-credit");
    app.type_into("sale-paid-now", "20,000");
    app.click("sale-save");
    app.wait_gone(&tid("sale-form"));
    let money = shows_text(&app, &tid("visit-money"), "Bought");
    assert_eq!(money, "Bought ₩48,000 · Paid ₩20,000 · On tab ₩28,000");
    shows_text(&app, &tid("visit-earned"), "+600");
    shows_text(&app, &tid("visit-points-later"), "840 more points");
    app.snapshot("sale-en");

    let consents = app.wait_for(&tid("card-consents"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[consents.to_json()])
        .expect("scroll to the consents");
    app.snapshot("customer-en");

    app.click("nav-home");
    shows_text(&app, &tid("first-day-progress"), "1 of 4");
    shows_text(&app, &tid("upcoming-date"), "Sua Lee");
    app.snapshot("home-en");

    // Her birthday letter, emailed before mail is set up: the setup opens;
    // put off, the letter stays written and nothing waits in the outbox.
    app.click("upcoming-write-letter");
    shows_text(&app, &tid("letter-dialog"), "A letter for Sua Lee");
    letter_state_is(&app, "made");
    shows_text(&app, &tid("letter-state"), "Written");
    app.snapshot("letter-en");
    app.click("letter-dialog-email");
    shows_text(&app, &tid("mail-gate"), "Set up email first");
    app.snapshot("mail-gate-en");
    app.click("mail-gate-cancel");
    app.wait_gone(&tid("mail-gate"));
    letter_state_is(&app, "made");
    app.click("letter-dialog-close");
    app.wait_gone(&tid("letter-dialog"));
    assert!(app.texts(&tid("upcoming-letter-sent")).unwrap().is_empty());
    app.click("nav-letters");
    app.wait_for(&tid("letter-batch"));
    assert!(
        app.texts(&tid("outbox")).unwrap().is_empty(),
        "a letter waits in the outbox although mail is not set up"
    );

    // Mail set up from the checklist, with a wrong password: the letter
    // fails and says why.
    app.click("nav-home");
    app.click("first-day-mail");
    app.wait_for(&tid("mail-gate"));
    fill_mail(&app, &server, "not-my-password");
    app.click("mail-save");
    app.wait_gone(&tid("mail-gate"));
    app.click("upcoming-write-letter");
    letter_state_is(&app, "made");
    app.click("letter-dialog-email");
    letter_state_is(&app, "failed");
    shows_text(&app, &tid("letter-dialog-notes"), "The email did not go");
    app.snapshot("letter-failed-en");
    app.click("letter-dialog-close");
    app.wait_gone(&tid("letter-dialog"));

    // Fixed where mail is set up: "Send now" right there, and it goes once.
    app.click("nav-settings");
    shows_text(&app, &tid("mail-retry"), "could not be sent: 1");
    let pw = app.wait_for(&tid("mail-password"));
    app.wd.send_keys(&pw, PASSWORD).expect("type the password");
    app.click("mail-save");
    app.click("mail-send-now");
    app.wait_gone(&tid("mail-retry"));
    app.wait_until("the letter at the server", || {
        Ok((server.received().len() == 1).then_some(()))
    });
    assert_eq!(server.received()[0]["envelopeTo"][0], "sua@example.com");
    app.click("nav-home");
    shows_text(&app, &tid("upcoming-letter-sent"), "Letter sent");
    app.snapshot("home-sent-en");
    assert_eq!(server.received().len(), 1, "sent exactly once");
}
