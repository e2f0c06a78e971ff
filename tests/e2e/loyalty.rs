//! Loyalty end to end: a stamp card filled by ten visits turns into a
//! coupon, which is used once and then no longer offered; her fifth visit
//! (a visit is a day with a purchase) makes her a regular.

use crate::app::{tid, App};
use crate::shop::{
    hits_containing, record_sale, search, set_up_shop_clocked, shows_customer, shows_text,
};
use crate::webdriver::keys;

/// A shop where 윤하나 bought something on each of the last four days (no
/// stamps: plain sales), prepared on its file before the app opens.
fn shop_with_four_days_of_visits(name: &str) -> App {
    let app = App::launch_with(name, |data| {
        let (shop, clock) = set_up_shop_clocked(data, "행복한 카페");
        let input = dangol_core::CustomerInput {
            name: "윤하나".into(),
            phones: vec![dangol_core::PhoneInput {
                label: Default::default(),
                number: "010-6060-1010".into(),
            }],
            ..Default::default()
        };
        let id = shop.create_customer(&input).expect("customer").id;
        for days in (1..=4).rev() {
            let sale = dangol_core::SaleInput {
                amount: "4500".into(),
                ..Default::default()
            };
            // One visit on each of the last four days.
            clock.travel_to(chrono::Utc::now() - chrono::TimeDelta::days(days));
            shop.record_sale(id, &sale).expect("sale");
        }
    });
    app.wait_for(&tid("search-input"));
    let input = search(&app, "윤하나");
    hits_containing(&app, &input, "윤하나", "윤하나");
    app.click("search-hit");
    shows_customer(&app, "윤하나");
    app
}

/// Waits until her stamp card reads exactly `count` (e.g. "3/10").
fn stamps_are(app: &App, count: &str) {
    app.wait_until(&format!("the stamp card to read {count}"), || {
        let shown = app.texts(&tid("loyalty-stamps"))?;
        *app.seen.borrow_mut() = format!("{shown:?}");
        Ok(shown.iter().any(|s| s.trim() == count).then_some(()))
    });
}

#[test]
fn ten_visits_fill_the_stamp_card_and_its_coupon_is_used_once() {
    let app =
        shop_with_four_days_of_visits("ten_visits_fill_the_stamp_card_and_its_coupon_is_used_once");
    // Each of the four days gave her a stamp.
    stamps_are(&app, "4/10");
    app.wait_for(&tid("loyalty-coupons-empty"));

    for visit in 1..=5 {
        record_sale(&app, "4,500");
        stamps_are(&app, &format!("{}/10", 4 + visit));
        shows_text(&app, &tid("visit-earned"), "+135점 적립");
        if visit == 1 {
            // Her fifth day with a purchase makes her a regular (단골).
            shows_text(&app, &tid("visit-tier-change"), "일반 → 단골");
            shows_text(&app, &tid("loyalty-tier"), "단골");
        }
    }
    app.snapshot("nine-visits");

    // The tenth fills the card: a reward notice and a coupon for a drink.
    record_sale(&app, "4,500");
    let notice = shows_text(&app, &tid("visit-reward"), "도장 10개 완성");
    assert!(notice.contains("음료 1잔"), "notice {notice:?}");
    shows_text(&app, &tid("loyalty-coupon"), "음료 1잔");
    stamps_are(&app, "0/10");
    app.snapshot("card-full");

    // The next visit uses it; the breakdown names the free item.
    app.click("action-sale");
    app.select_index("visit-coupon", 1);
    app.type_into("sale-amount", "4,500");
    shows_text(&app, &tid("visit-breakdown"), "음료 1잔");
    app.snapshot("visit-with-coupon");
    app.click("sale-save");
    app.wait_gone(&tid("sale-form"));
    stamps_are(&app, "1/10");
    app.wait_for(&tid("loyalty-coupons-empty"));
    assert!(
        app.texts(&tid("loyalty-coupon")).unwrap().is_empty(),
        "the used coupon is still listed"
    );

    // It cannot be chosen again: the form no longer offers any coupon.
    app.click("action-sale");
    let amount = app.wait_for(&tid("sale-amount"));
    assert!(
        app.wd.find_all(&tid("visit-coupon")).unwrap().is_empty(),
        "a used coupon is still offered"
    );
    app.wd.send_keys(&amount, keys::ESCAPE).expect("Esc");
    app.wait_gone(&tid("sale-form"));
    app.snapshot("customer");

    // Her promotion is on the home screen, and the rules read plainly in
    // settings, where a whole tier can be given a coupon.
    app.click("nav-home");
    shows_text(&app, &tid("home-tier-change"), "윤하나");
    app.snapshot("home");
    app.click("nav-settings");
    shows_text(
        &app,
        &tid("loyalty-points-preview"),
        "10,000원 구매 시 300점 적립",
    );
    shows_text(
        &app,
        &tid("loyalty-stamps-preview"),
        "도장 10개 모으면 음료 1잔",
    );
    let rules = app.wait_for(&tid("loyalty-settings"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[rules.to_json()])
        .expect("scroll to the rules");
    app.snapshot("settings");
    let tiers = app.wait_for(&tid("tier-row"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[tiers.to_json()])
        .expect("scroll to the tiers");
    app.snapshot("settings-tiers");
    app.click("tier-issue");
    app.select_index("coupon-tier", 1);
    app.watch_toasts();
    app.click("coupon-save");
    app.wait_gone(&tid("coupon-form"));
    app.saw_toast("단골 고객 1명에게 발급했습니다");
    app.snapshot("tier-coupon");
}
