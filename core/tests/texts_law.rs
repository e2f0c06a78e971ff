//! What the law asks of an advertising text, against the Solapi stand-in:
//! never between 21:00 and 08:00 without night consent (held until 08:00,
//! on an injected clock), (광고) and the shop's name first, a free opt-out
//! last, and none queued without them.

mod common;

use common::solapi::StandIn;
use common::text_shop::*;
use dangol_core::letters::builtin::Occasion;
use dangol_core::outbox::mail::outbox::OutboxStatus;
use dangol_core::outbox::texts::provider::TextErrorCode;
use dangol_core::outbox::texts::sender::TextRunEnd;

#[test]
fn an_ad_at_half_past_nine_waits_until_eight_and_carries_what_the_law_asks() {
    let s = StandIn::start();
    let t = shop();
    let day = with_mobile(&t, "낮에만", "010-8000-0001", true);
    let night = with_mobile(&t, "밤에도", "010-8000-0002", true);
    t.shop.set_night_text_consent(night, true).unwrap();
    let never = with_mobile(&t, "동의안함", "010-8000-0003", false);
    let ids = letters(&t, Occasion::NewProduct, &[day, night, never]);

    set_time(&t, "2026-05-04T21:30:00+09:00");
    let plan = queue(&t, &ids);
    assert_eq!(plan.held_for_morning, 1);
    assert_eq!(plan.not_queued.len(), 1);
    assert_eq!(plan.not_queued[0].reason, TextErrorCode::NoConsent);
    let end = run(&t, &provider(&s));
    assert_eq!(
        end,
        TextRunEnd::WaitUntil {
            at: "2026-05-04T23:00:00+00:00".into()
        },
        "08:00 in Seoul"
    );
    assert!(s.to("01080000001").is_empty(), "nothing at night");
    assert_eq!(s.to("01080000002").len(), 1, "she agreed to night texts");
    let waiting = item(&t, "낮에만");
    assert_eq!(waiting.status, OutboxStatus::Queued);
    assert_eq!(
        waiting.not_before.as_deref().map(|s| &s[..19]),
        Some("2026-05-04 23:00:00")
    );

    set_time(&t, "2026-05-05T07:59:00+09:00");
    assert!(matches!(
        run(&t, &provider(&s)),
        TextRunEnd::WaitUntil { .. }
    ));
    assert!(s.to("01080000001").is_empty());
    set_time(&t, "2026-05-05T08:00:00+09:00");
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    let got = s.to("01080000001");
    assert_eq!(got.len(), 1);
    assert!(
        got[0].text.starts_with("(광고)행복한 세탁소\n"),
        "{}",
        got[0].text
    );
    assert!(got[0].text.ends_with("\n무료거부 080-123-4567"));

    // She opts out while an ad waits: it is cancelled, never sent.
    let late = with_mobile(&t, "거부", "010-8000-0004", true);
    let ids = letters(&t, Occasion::MissYou, &[late]);
    set_time(&t, "2026-05-05T22:00:00+09:00");
    queue(&t, &ids);
    t.shop.opt_out_texts(late).unwrap();
    set_time(&t, "2026-05-06T09:00:00+09:00");
    run(&t, &provider(&s));
    assert_eq!(status(&t, "거부"), OutboxStatus::Cancelled);
    assert!(s.to("01080000004").is_empty());
}

#[test]
fn an_ad_is_not_queued_without_the_shop_name_or_a_free_opt_out() {
    let t = shop();
    let a = with_mobile(&t, "동의", "010-9000-0001", true);
    let ids = letters(&t, Occasion::NewProduct, &[a]);
    let mut s = settings();
    s.opt_out_number.clear();
    t.shop.save_text_settings(&s).unwrap();
    let err = t.shop.queue_texts(&ids, true).unwrap_err();
    assert!(format!("{err:?}").contains("opt_out_number"), "{err:?}");
    let mut shop = t.shop.settings().unwrap();
    shop.shop_name.clear();
    t.shop.update_settings(&shop).unwrap();
    t.shop.save_text_settings(&settings()).unwrap();
    let err = t.shop.queue_texts(&ids, false).unwrap_err();
    assert!(format!("{err:?}").contains("shop_name"), "{err:?}");
    assert!(t.shop.outbox(10).unwrap().is_empty());
}
