//! Consents on the customer screen: each channel with when and how it was
//! given; 수신거부 is one click, at once, and lands in her history; giving
//! one asks how it was given; the printable 개인정보 수집·이용 동의서
//! carries the shop's name, in Korean and English.

use dangol_core::people::consent::{ConsentChannel, ConsentGiven, ConsentMethod, ConsentScope};

use crate::app::{tid, App};
use crate::shop::{hits_containing, search, set_up_shop, shows_customer, shows_text};

#[test]
fn withdrawing_a_consent_from_her_screen_is_one_click_and_in_her_history() {
    let app = App::launch_with(
        "withdrawing_a_consent_from_her_screen_is_one_click_and_in_her_history",
        |data| {
            let shop = set_up_shop(data, "행복한 세탁소");
            let input = dangol_core::CustomerInput {
                name: "김동의".into(),
                email: "dong@example.com".into(),
                consent_email: true,
                ..Default::default()
            };
            let id = shop.create_customer(&input).expect("customer").id;
            shop.give_consents(
                id,
                &ConsentGiven {
                    scopes: vec![
                        ConsentScope::marketing(ConsentChannel::Text),
                        ConsentScope::night(ConsentChannel::Text),
                    ],
                    method: ConsentMethod::Paper,
                    note: "서명한 동의서는 서랍에 보관".into(),
                },
            )
            .expect("consents");
        },
    );
    let input = search(&app, "김동의");
    hits_containing(&app, &input, "김동의", "김동의");
    app.click("search-hit");
    shows_customer(&app, "김동의");

    // Each channel says when and how.
    shows_text(&app, &tid("consent-row-text"), "동의서 서명");
    shows_text(&app, &tid("consent-row-email"), "고객 정보에서 체크");
    shows_text(&app, &tid("consent-row-post"), "동의 안 함");
    app.wd
        .execute(
            "document.querySelector('[data-testid=card-consents]').scrollIntoView();",
            &[],
        )
        .expect("scroll to the consents");
    app.snapshot("consents");

    // 문자 수신거부: one click; the night consent goes with it.
    app.watch_toasts();
    app.click("consent-withdraw-text");
    app.saw_toast("김동의 님의 광고 문자 수신 동의를 철회했습니다");
    shows_text(&app, &tid("consent-row-text"), "철회");
    shows_text(&app, &tid("consent-row-text_night"), "철회");
    assert!(
        app.texts(&tid("consent-withdraw-text"))
            .expect("buttons")
            .is_empty(),
        "nothing left to withdraw"
    );
    // Her history (the timeline) keeps it.
    shows_text(&app, &tid("timeline"), "동의 철회: 광고 문자 수신");
    // And the consent records keep both the signed form and the withdrawal.
    app.click("consent-records-toggle");
    shows_text(&app, &tid("consent-records"), "서명한 동의서는 서랍에 보관");
    let records = app.texts(&tid("consent-record")).expect("records");
    assert_eq!(records.len(), 5, "{records:?}");
    assert!(records[0].contains("철회 광고 문자 수신"), "{records:?}");
    app.snapshot("consents-withdrawn");

    // Giving asks how it was given.
    app.click("consent-give-post");
    app.wait_for(&tid("consent-form"));
    app.click("consent-method-phone");
    app.snapshot("consent-give");
    app.click("consent-save");
    app.wait_gone(&tid("consent-form"));
    shows_text(&app, &tid("consent-row-post"), "전화로 구두");
    shows_text(&app, &tid("timeline"), "동의: 광고 우편 수신 (전화로 구두)");

    // The form for the counter, with the shop's name.
    app.click("consent-print");
    shows_text(&app, &tid("consent-page"), "행복한 세탁소에서는");
    assert_eq!(app.texts(&tid("consent-part")).expect("parts").len(), 3);
    // One sheet of A4 (297 mm at 96 px an inch), margins included.
    let height = app
        .wd
        .execute(
            "return document.querySelector('[data-testid=consent-page]').getBoundingClientRect().height;",
            &[],
        )
        .expect("the page's height");
    let height = height.as_f64().expect("a number");
    assert!(
        height <= 297.0 / 25.4 * 96.0,
        "{height} px: more than one page"
    );
    app.snapshot("consent-form");
    app.wd
        .execute(
            "document.querySelector('[data-testid=consent-print-view]').scrollTo(0, 99999);",
            &[],
        )
        .expect("scroll to the signature");
    app.snapshot("consent-form-end");
    app.select_index("consent-print-lang", 1);
    shows_text(
        &app,
        &tid("consent-page"),
        "행복한 세탁소 collects and uses",
    );
    app.snapshot("consent-form-en");
    app.click("consent-print-close");
    app.wait_gone(&tid("consent-print-view"));
}
