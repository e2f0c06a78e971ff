//! Mail end to end: the owner sets up her mailbox in 설정 (a wrong password
//! is told as such, the right one passes the test email), makes a birthday
//! letter, sends it by email; it arrives at the real SMTP server on loopback
//! (STARTTLS + AUTH) and appears in her history.

use crate::app::{tid, App};
use crate::shop::{
    hits_containing, open_shop, search, set_up_shop, set_up_shop_clocked, shows_customer,
    shows_text,
};
use crate::smtp::{SmtpServer, PASSWORD, USER};

/// Where 직접 입력 and 6개월 이상 연락 안 한 고객 sit in their menus.
const CUSTOM: usize = 5;
const NOT_CONTACTED: usize = 1;

/// Fills the mail form (in the setup dialog, the mail gate or settings) for
/// the loopback server with `password`.
pub(crate) fn fill_mail(app: &App, server: &SmtpServer, password: &str) {
    app.select_index("mail-provider", CUSTOM);
    app.type_into("mail-address", USER);
    let host = app.wait_for(&tid("mail-host"));
    app.clear(&host);
    app.wd
        .send_keys(&host, "localhost")
        .expect("type the server");
    let port = app.wait_for(&tid("mail-port"));
    app.clear(&port);
    app.wd
        .send_keys(&port, &server.port.to_string())
        .expect("type the port");
    app.type_into("mail-password", password);
}

/// Mail settings for the loopback server, unpaced, with the password put
/// in the keychain: for a shop prepared on its file before the app opens.
pub(crate) fn mail_on_keychain(
    server: &SmtpServer,
) -> dangol_core::outbox::mail::settings::MailSettings {
    let settings = dangol_core::outbox::mail::settings::MailSettings {
        host: "localhost".into(),
        port: server.port,
        security: dangol_core::outbox::mail::settings::Security::Starttls,
        per_minute: 0,
        per_day: 0,
        ..dangol_core::outbox::mail::settings::MailSettings::for_provider(
            dangol_core::outbox::mail::settings::Provider::Custom,
            USER,
            "행복한 세탁소",
        )
    };
    dangol_lib::secrets::init();
    dangol_lib::secrets::save(&settings, PASSWORD).expect("password to the keychain");
    settings
}

fn set_up_mail(app: &App, server: &SmtpServer) {
    app.click("nav-settings");
    app.wait_for(&tid("mail-settings"));
    // A wrong password is told in plain words, with the provider's steps.
    fill_mail(app, server, "not-my-password");
    app.click("mail-test");
    shows_text(app, &tid("mail-test-result"), "비밀번호가 맞지 않습니다");
    app.snapshot("wrong-password");

    let pw = app.wait_for(&tid("mail-password"));
    app.clear(&pw);
    app.wd.send_keys(&pw, PASSWORD).expect("type the password");
    app.click("mail-test");
    shows_text(
        app,
        &tid("mail-test-result"),
        "테스트 메일을 보냈습니다: shop@example.com",
    );
    app.click("mail-save");
    assert_eq!(server.received().len(), 1, "the test email arrived");
    assert_eq!(server.received()[0]["subject"], "단골 테스트 메일");
}

#[test]
fn a_birthday_letter_goes_by_email_and_joins_her_history() {
    let server = SmtpServer::start();
    let app = open_shop(
        "a_birthday_letter_goes_by_email_and_joins_her_history",
        "setup-start-empty",
    );
    set_up_mail(&app, &server);
    // She agrees to email when she is added.
    app.click("new-customer");
    app.type_into("field-name", "김민수");
    app.type_into("field-phone-0", "010-2345-6789");
    app.type_into("field-email", "minsu@example.com");
    // (A key, not a click: the toast from saving mail settings covers it.)
    let consent = app.wait_for(&tid("field-consent-email"));
    app.wd.send_keys(&consent, " ").expect("tick email consent");
    app.click("save-customer");
    shows_customer(&app, "김민수");

    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    app.select_index("letter-audience", NOT_CONTACTED);
    shows_text(&app, &tid("letter-recipient"), "김민수");
    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "김민수");
    app.click("letter-email");
    shows_text(
        &app,
        &tid("letter-email-report"),
        "1통을 메일 발송 현황에 넣었습니다",
    );
    app.wait_until("the letter to be sent", || {
        let items = app
            .wd
            .find_all(&format!("{} [data-status=sent]", tid("outbox")))?;
        Ok((!items.is_empty()).then_some(()))
    });
    shows_text(&app, &tid("outbox-count-sent"), "보냄 1");
    app.wd
        .execute(
            "document.querySelector('[data-testid=outbox]').scrollIntoView()",
            &[],
        )
        .expect("scroll to the outbox");
    app.snapshot("outbox");

    let got = server.received();
    assert_eq!(got.len(), 2, "the test email and the letter");
    let letter = &got[1];
    assert_eq!(letter["subject"], "생일을 축하드립니다");
    assert_eq!(letter["envelopeTo"][0], "minsu@example.com");
    assert!(letter["text"]
        .as_str()
        .unwrap()
        .starts_with("김민수 님, 생일을 진심으로 축하드립니다."));

    // Her history shows the letter, once, as an email.
    let input = search(&app, "김민수");
    hits_containing(&app, &input, "김민수", "김민수");
    app.click("search-hit");
    shows_customer(&app, "김민수");
    let entries = app
        .texts(&format!("{}[data-kind=letter]", tid("timeline-entry")))
        .expect("timeline");
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert!(entries[0].contains("생일을 축하드립니다"), "{entries:?}");

    // She asks for no more advertising: one click, at once, noted.
    app.click("consent-withdraw-email");
    shows_text(&app, &tid("consent-row-email"), "철회");
    shows_text(&app, &tid("timeline-entry"), "동의 철회: 광고 메일 수신");
    app.snapshot("opted-out");
}

/// Closed with letters still waiting: the next start sends them by itself,
/// once each. The shop is prepared on its file (mail set up, a letter
/// queued, the password in the keychain) before the app opens.
#[test]
fn letters_left_waiting_go_out_when_the_app_starts() {
    let server = SmtpServer::start();
    let settings = mail_on_keychain(&server);
    let app = App::launch_with("letters_left_waiting_go_out_when_the_app_starts", |data| {
        let shop = set_up_shop(data, "행복한 세탁소");
        shop.save_mail_settings(&settings).expect("mail settings");
        let input = dangol_core::CustomerInput {
            name: "이영희".into(),
            email: "younghee@example.com".into(),
            ..Default::default()
        };
        let id = shop.create_customer(&input).expect("customer").id;
        let made = shop
            .make_letters(
                dangol_core::letters::builtin::Occasion::ThankYou,
                &[id],
                dangol_core::letters::store::Channel::Email,
            )
            .expect("letter");
        shop.queue_letters(&[made.made[0].id]).expect("queued");
    });
    app.wait_until("the waiting letter to arrive", || {
        Ok((server.received().len() == 1).then_some(()))
    });
    assert_eq!(
        server.received()[0]["envelopeTo"][0],
        "younghee@example.com"
    );
    app.click("nav-letters");
    shows_text(&app, &tid("outbox-count-sent"), "보냄 1");
    assert_eq!(server.received().len(), 1, "sent once");
}

/// A consent two years old is on 오늘 (a Korean shop) with what the law asks
/// the shop to tell her; once told, one click takes her off the list and
/// notes it in her history.
#[test]
fn a_consent_two_years_old_is_told_and_leaves_the_list() {
    let app = App::launch_with(
        "a_consent_two_years_old_is_told_and_leaves_the_list",
        |data| {
            let (shop, clock) = set_up_shop_clocked(data, "행복한 세탁소");
            let input = dangol_core::CustomerInput {
                name: "오래된".into(),
                email: "old@example.com".into(),
                consent_email: true,
                ..Default::default()
            };
            // She agreed on 2023-01-10.
            clock.travel_to_local(
                chrono::NaiveDate::from_ymd_opt(2023, 1, 10)
                    .and_then(|d| d.and_hms_opt(11, 0, 0))
                    .expect("a day"),
            );
            shop.create_customer(&input).expect("customer");
        },
    );
    shows_text(&app, &tid("home-consents-due"), "오래된");
    shows_text(&app, &tid("home-consents-due"), "알린 뒤");
    app.wd
        .execute(
            "document.querySelector('[data-testid=home-consents-due]').scrollIntoView();",
            &[],
        )
        .expect("scroll to the card");
    app.snapshot("consents-due");
    app.watch_toasts();
    app.click("home-consent-told");
    app.saw_toast("오래된 님께 알린 것으로 기록했습니다");
    app.wait_until("the card to leave 오늘", || {
        Ok(app
            .texts(&tid("home-consents-due"))?
            .is_empty()
            .then_some(()))
    });
    let input = search(&app, "오래된");
    hits_containing(&app, &input, "오래된", "오래된");
    app.wd
        .send_keys(&input, crate::webdriver::keys::ENTER)
        .expect("open 오래된");
    shows_customer(&app, "오래된");
    shows_text(
        &app,
        &tid("timeline"),
        "2023-01-10에 광고 수신에 동의하신 사실",
    );
}
