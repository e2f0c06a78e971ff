//! Texts end to end, against the stand-in of Solapi's API on 127.0.0.1
//! (`core/tests/common/solapi.rs`, which checks each request's signature
//! as Solapi documents it): the owner sets up her messaging account in 설정,
//! a customer whose birthday is today shows on 오늘, her birthday letter
//! goes as a text after the cost is shown, and arrives once; an
//! advertisement at 21:30 waits until 08:00 (the app's clock from the
//! debug-only `test-now` seam), then goes.

use chrono::{Datelike, Duration, Local};

use crate::app::{tid, App};
use crate::shop::{shows_customer, shows_text};
use crate::solapi::{StandIn, KEY, SECRET};

/// Where 신상품 소식 and 6개월 이상 연락 안 한 고객 sit in their menus (a
/// letter for no one's day has no "birthdays this week" audience).
const NEW_PRODUCT: usize = 10;
const NOT_CONTACTED: usize = 0;

pub(crate) fn launch(name: &str, standin: &StandIn, now: Option<String>) -> App {
    let base = standin.base.clone();
    let app = App::launch_with(name, move |data| {
        // Inside the app lock: this test's stand-in, and its clock.
        std::env::set_var("DANGOL_E2E_TEXT_API", base);
        if let Some(now) = now {
            std::fs::write(data.join("test-now"), now).expect("write test-now");
        }
    });
    app.click("setup-start-empty");
    crate::shop::past_security_step(&app);
    app
}

pub(crate) fn set_up_texts(app: &App, opt_out: &str) {
    app.click("nav-settings");
    // The law wants the shop's name after "(광고)".
    app.type_into("settings-shop-name", "행복한 세탁소");
    app.click("settings-save-shop-name");
    let form = app.wait_for(&tid("text-settings"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[form.to_json()])
        .expect("scroll to the text settings");
    app.type_into("text-sender", "02-1234-5678");
    app.type_into("text-key", KEY);
    app.type_into("text-secret", SECRET);
    if !opt_out.is_empty() {
        app.type_into("text-opt-out-number", opt_out);
    }
    app.snapshot("text-settings");
    app.click("text-save");
    shows_text(app, ".toasts", "문자 설정을 저장했습니다");
}

pub(crate) fn add(app: &App, name: &str, phone: &str, birthday: &str, sms_consent: bool) {
    app.click("new-customer");
    app.type_into("field-name", name);
    app.type_into("field-phone-0", phone);
    if !birthday.is_empty() {
        app.type_into("field-birthday", birthday);
    }
    if sms_consent {
        let consent = app.wait_for(&tid("field-consent-sms"));
        app.wd.send_keys(&consent, " ").expect("tick text consent");
    }
    app.click("save-customer");
    shows_customer(app, name);
}

#[test]
fn a_birthday_text_from_today_arrives_once() {
    let standin = StandIn::start();
    let app = launch("a_birthday_text_from_today_arrives_once", &standin, None);
    set_up_texts(&app, "");
    let today = Local::now().date_naive();
    let birthday = format!("1990-{:02}-{:02}", today.month(), today.day());
    add(&app, "김민지", "010-2345-6789", &birthday, false);

    // 오늘 shows her birthday.
    app.click("nav-home");
    app.click("dates-today");
    shows_text(&app, &tid("upcoming-date"), "김민지");

    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    app.select_index("letter-occasion", 0); // 생일
    app.select_index("letter-audience", 0); // 이번 주 생일
    shows_text(&app, &tid("letter-recipient"), "김민지");
    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "김민지");

    // The cost before it goes.
    app.click("letter-text");
    shows_text(&app, &tid("text-plan-lms"), "장문(LMS) 1통");
    shows_text(&app, &tid("text-plan-cost"), "예상 비용 50원");
    shows_text(
        &app,
        &tid("text-plan-sample"),
        "김민지 님, 생일을 진심으로 축하드립니다.",
    );
    app.snapshot("text-send-dialog");
    app.click("text-send-confirm");
    app.wait_gone(&tid("text-send-dialog"));

    app.wait_until("the text to be sent and delivered", || {
        let items = app.texts(&tid("outbox-item"))?.join("\n");
        Ok((items.contains("보냄") && items.contains("받음")).then_some(()))
    });
    let got = standin.to("01023456789");
    assert_eq!(got.len(), 1, "arrived once");
    assert!(got[0]
        .text
        .starts_with("김민지 님, 생일을 진심으로 축하드립니다."));
    assert_eq!(standin.state().bad_signatures, 0);

    // Pressing again sends nothing more.
    app.click("letter-text");
    shows_text(&app, &tid("text-plan"), "예상 비용 0원");
    app.snapshot("text-send-again");
    assert!(app
        .wd
        .attribute(&app.wait_for(&tid("text-send-confirm")), "disabled")
        .unwrap()
        .is_some());
    app.wd
        .send_keys(
            &app.wait_for(&tid("text-send-dialog")),
            crate::webdriver::keys::ESCAPE,
        )
        .expect("close the dialog");
    assert_eq!(standin.to("01023456789").len(), 1);

    // Without an account: the letter is copied (the toast comes only after
    // the clipboard took it; a page may not read it back), and this
    // computer — no KakaoTalk here — says so instead of opening it.
    app.watch_toasts();
    app.click("letter-copy-kakao");
    app.saw_toast("편지를 복사했습니다. 이 컴퓨터에는 카카오톡이 설치되어 있지 않아");
}

#[test]
fn an_ad_at_half_past_nine_waits_until_eight() {
    let standin = StandIn::start();
    let today = Local::now().date_naive();
    let night = format!("{today}T21:30:00+09:00");
    let app = launch(
        "an_ad_at_half_past_nine_waits_until_eight",
        &standin,
        Some(night),
    );
    set_up_texts(&app, "080-123-4567");
    add(&app, "이서연", "010-3456-7890", "", true);

    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    app.select_index("letter-occasion", NEW_PRODUCT);
    app.select_index("letter-audience", NOT_CONTACTED);
    shows_text(&app, &tid("letter-recipient"), "이서연");
    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "이서연");
    app.click("letter-text");
    shows_text(&app, &tid("text-plan-held"), "내일 아침 8시에 보냅니다");
    shows_text(&app, &tid("text-plan-sample"), "(광고)");
    app.click("text-send-confirm");
    app.wait_gone(&tid("text-send-dialog"));
    let held = shows_text(&app, &tid("outbox-held"), "보냅니다");
    // 08:00 in the shop's clock (Seoul here); this computer's time beside
    // it when its clock is another zone's.
    let seoul = Local::now().offset().local_minus_utc() == 9 * 3600;
    assert_eq!(
        held.contains("가게 시각") && held.contains("이 컴퓨터 시각"),
        !seoul,
        "{held}"
    );
    assert!(held.contains("08:00"), "{held}");
    let el = app.wait_for(&tid("outbox-held"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[el.to_json()])
        .expect("scroll to the held text");
    app.snapshot("text-held");
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert!(standin.to("01034567890").is_empty(), "nothing at night");

    // Morning comes.
    let morning = format!("{}T08:00:00+09:00", today + Duration::days(1));
    std::fs::write(app.data_dir().join("test-now"), morning).expect("move the clock");
    app.wait_until("the ad to go at 08:00", || {
        let items = app.texts(&tid("outbox-item"))?.join("\n");
        Ok(items.contains("보냄").then_some(()))
    });
    let got = standin.to("01034567890");
    assert_eq!(got.len(), 1);
    assert!(
        got[0].text.starts_with("(광고)행복한 세탁소\n"),
        "{}",
        got[0].text
    );
    assert!(
        got[0].text.ends_with("무료거부 080-123-4567"),
        "{}",
        got[0].text
    );
}
