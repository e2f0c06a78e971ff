//! Automatic notices end to end, against the stand-in of Solapi's API: an
//! 알림톡 template that reads as an ad is refused with the word named (and
//! what she typed kept); turning "포인트 적립 안내" on shows
//! exactly what it sends first (it stays off until she confirms); then a
//! visit that earns points sends exactly one text, which arrives once.

use crate::app::tid;
use crate::shop::shows_text;
use crate::solapi::StandIn;
use crate::texts::{add, launch, set_up_texts};

fn notice(kind: &str, part: &str) -> String {
    format!("{} {}", tid(&format!("notice-{kind}")), tid(part))
}

#[test]
fn a_points_notice_is_previewed_before_it_is_on_and_a_visit_sends_one_text() {
    let standin = StandIn::start();
    let app = launch(
        "a_points_notice_is_previewed_before_it_is_on_and_a_visit_sends_one_text",
        &standin,
        None,
    );
    set_up_texts(&app, "");

    // An approved template is entered; one with an ad word is refused.
    let card = app.wait_for(&tid("alimtalk-templates"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[card.to_json()])
        .expect("scroll to the templates");
    app.click("alimtalk-add");
    app.type_into("alimtalk-name", "포인트 적립");
    app.type_into("alimtalk-code", "KA01TP2611300001");
    let text = app.type_into("alimtalk-text", "#{이름} 님, 이번 주 할인 소식입니다");
    app.click("alimtalk-save");
    shows_text(&app, &tid("alimtalk-problem"), "광고로 읽히는 말 '할인'");
    assert_eq!(
        app.value_of("alimtalk-name"),
        "포인트 적립",
        "kept as typed"
    );
    app.snapshot("alimtalk-refused");
    app.clear(&text);
    app.type_into(
        "alimtalk-text",
        "#{이름} 님, #{포인트}포인트가 적립되었습니다.",
    );
    app.click("alimtalk-save");
    shows_text(&app, &tid("alimtalk-template"), "KA01TP2611300001");
    app.snapshot("alimtalk-saved");

    let list = app.wait_for(&tid("notice-settings"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[list.to_json()])
        .expect("scroll to the notices");
    shows_text(&app, &notice("points_earned", "notice-state"), "꺼짐");
    app.snapshot("notices-off");

    // Its preview first: the text as it goes (a sample: no customer yet).
    app.click_css(&notice("points_earned", "notice-preview-on"));
    shows_text(
        &app,
        &tid("notice-preview-text"),
        "[행복한 세탁소] 김단골 님, 오늘 구매로 500포인트가 적립되었습니다.",
    );
    shows_text(&app, &tid("notice-preview-who"), "예시");
    // Still off while she looks.
    shows_text(&app, &notice("points_earned", "notice-state"), "꺼짐");
    app.snapshot("notice-preview");
    app.click("notice-turn-on");
    app.wait_gone(&tid("notice-preview"));
    shows_text(&app, &notice("points_earned", "notice-state"), "켜짐");
    app.snapshot("notices-on");

    // A visit that earns 1,200 points (3 % of 40,000).
    add(&app, "김민지", "010-2345-6789", "", false);
    app.click("action-sale");
    app.type_into("sale-amount", "40,000");
    app.click("sale-save");
    app.wait_gone(&tid("sale-form"));
    app.wait_until("the points text at the stand-in", || {
        Ok((!standin.to("01023456789").is_empty()).then_some(()))
    });
    // Nothing more comes (the check runs again on the next visit and
    // every few minutes; it finds this notice made).
    std::thread::sleep(std::time::Duration::from_secs(3));
    let got = standin.to("01023456789");
    assert_eq!(got.len(), 1, "exactly one text");
    assert_eq!(
        got[0].text,
        "[행복한 세탁소] 김민지 님, 오늘 구매로 1,200포인트가 적립되었습니다.\n보유 포인트: 1,200포인트"
    );
    assert_eq!(standin.state().bad_signatures, 0);
}
