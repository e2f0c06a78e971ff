//! 알림톡 through approved templates and the automatic notices, against the
//! stand-in of Solapi's API (`common/solapi.rs`, which checks each
//! signature and each ATA request's `kakaoOptions` as Solapi documents
//! them): a template with advertising words is refused, a points notice
//! goes as 알림톡 with the template code and the values, every notice is
//! off until turned on with its preview seen, and each goes once per
//! customer and occasion — not again on the next check, nor after the app
//! was closed and opened.

mod common;

use chrono::{FixedOffset, TimeDelta, Utc};
use common::solapi::{StandIn, PF_ID};
use common::text_shop::{self, provider, run, status, with_mobile};
use common::TestShop;
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::outbox::mail::outbox::OutboxStatus;
use dangol_core::outbox::texts::alimtalk::{AlimtalkProblem, AlimtalkTemplate};
use dangol_core::outbox::texts::length::TextKind;
use dangol_core::outbox::texts::notices::{NoticeBlock, NoticeKind};
use dangol_core::SaleInput;

const TEMPLATE: &str = "KA01TP2611300001";
const TEMPLATE_TEXT: &str =
    "[#{매장명}] #{이름} 님, #{포인트}포인트가 적립되었습니다.\n보유 포인트: #{보유포인트}포인트";

fn kst() -> FixedOffset {
    FixedOffset::east_opt(9 * 3600).unwrap()
}

fn visit(t: &TestShop, customer: i64, amount: &str) {
    let input = SaleInput {
        amount: amount.into(),
        ..Default::default()
    };
    t.shop.record_sale(customer, &input).unwrap();
}

fn turn_on(t: &TestShop, kind: NoticeKind, alimtalk: Option<&str>) {
    let p = t.shop.notice_preview(kind, alimtalk).unwrap();
    assert_eq!(p.blocked, None, "{kind:?} can be turned on");
    t.shop
        .set_notice(kind, true, alimtalk.map(str::to_string), &p.text)
        .unwrap();
}

fn with_channel(t: &TestShop) {
    let mut s = text_shop::settings();
    s.kakao_channel_id = PF_ID.into();
    t.shop.save_text_settings(&s).unwrap();
}

#[test]
fn an_alimtalk_template_with_advertising_is_refused_and_nothing_is_saved() {
    let t = text_shop::shop();
    let ad = AlimtalkTemplate {
        code: "KA01TP9".into(),
        name: "주말".into(),
        text: "#{이름} 님, 이번 주말 전 품목 할인 이벤트!".into(),
    };
    assert_eq!(
        t.shop.save_alimtalk_template(&ad, None).unwrap(),
        Err(AlimtalkProblem::AdWord {
            word: "할인".into()
        })
    );
    let coupon = AlimtalkTemplate {
        text: "#{이름} 님께 쿠폰을 보내 드렸습니다".into(),
        ..ad.clone()
    };
    assert_eq!(
        t.shop.save_alimtalk_template(&coupon, None).unwrap(),
        Err(AlimtalkProblem::AdWord {
            word: "쿠폰".into()
        })
    );
    let unknown = AlimtalkTemplate {
        text: "#{고객명} 님, 적립되었습니다".into(),
        ..ad
    };
    assert!(matches!(
        t.shop.save_alimtalk_template(&unknown, None).unwrap(),
        Err(AlimtalkProblem::UnknownVariable { .. })
    ));
    assert!(t.shop.alimtalk_templates().unwrap().is_empty());
}

#[test]
fn every_notice_is_off_until_turned_on_with_its_preview() {
    let t = text_shop::shop();
    let standin = StandIn::start();
    t.clock.set_zone(kst());
    let kim = with_mobile(&t, "김민지", "010-2345-6789", false);
    let notices = t.shop.notice_settings().unwrap();
    assert!(
        !notices.points_earned.on && !notices.points_expiring.on && !notices.birthday_coupon.on
    );

    visit(&t, kim, "40000");
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    run(&t, &provider(&standin));
    assert!(standin.to("01023456789").is_empty(), "nothing while off");

    // The preview is written with her real values, exactly as it goes.
    let p = t
        .shop
        .notice_preview(NoticeKind::PointsEarned, None)
        .unwrap();
    assert_eq!(p.customer_name.as_deref(), Some("김민지"));
    assert_eq!(
        p.text,
        "[행복한 세탁소] 김민지 님, 오늘 구매로 1,200포인트가 적립되었습니다.\n보유 포인트: 1,200포인트"
    );
    assert_eq!(p.via, TextKind::Lms);
    // Not with another text than the one shown.
    let refused = t
        .shop
        .set_notice(NoticeKind::PointsEarned, true, None, "다른 글");
    assert!(refused.is_err());
    assert!(!t.shop.notice_settings().unwrap().points_earned.on);
    t.shop
        .set_notice(NoticeKind::PointsEarned, true, None, &p.text)
        .unwrap();
    // What was earned before it was turned on is not written about.
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
}

#[test]
fn points_earned_goes_as_alimtalk_with_the_template_code_and_values_once() {
    let t = text_shop::shop();
    with_channel(&t);
    let standin = StandIn::start();
    standin.approve(TEMPLATE, TEMPLATE_TEXT);
    t.clock.set_zone(kst());
    let kim = with_mobile(&t, "김민지", "010-2345-6789", false);
    let tpl = AlimtalkTemplate {
        code: TEMPLATE.into(),
        name: "포인트 적립".into(),
        text: TEMPLATE_TEXT.into(),
    };
    t.shop.save_alimtalk_template(&tpl, None).unwrap().unwrap();
    turn_on(&t, NoticeKind::PointsEarned, Some(TEMPLATE));

    visit(&t, kim, "40000");
    assert_eq!(t.shop.queue_due_notices().unwrap(), 1);
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0, "once");
    run(&t, &provider(&standin));
    assert_eq!(status(&t, "김민지"), OutboxStatus::Sent);

    let got = standin.to("01023456789");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, "ATA");
    let k = got[0].kakao.as_ref().unwrap();
    assert_eq!(k["pfId"], PF_ID);
    assert_eq!(k["templateId"], TEMPLATE);
    assert_eq!(k["variables"]["#{이름}"], "김민지");
    assert_eq!(k["variables"]["#{포인트}"], "1,200");
    assert_eq!(k["variables"]["#{매장명}"], "행복한 세탁소");
    assert_eq!(k["disableSms"], true);
    assert_eq!(
        got[0].text,
        "[행복한 세탁소] 김민지 님, 1,200포인트가 적립되었습니다.\n보유 포인트: 1,200포인트"
    );
    assert_eq!(standin.state().bad_signatures, 0);

    // Closed and opened again: nothing goes twice; the next visit does go.
    let t = t.reopen();
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    visit(&t, kim, "10000");
    assert_eq!(t.shop.queue_due_notices().unwrap(), 1);
    run(&t, &provider(&standin));
    let got = standin.to("01023456789");
    assert_eq!(got.len(), 2);
    assert!(got[1].text.contains("300포인트가 적립"), "{}", got[1].text);
}

#[test]
fn a_notice_queued_before_a_crash_is_sent_once_after_it() {
    let t = text_shop::shop();
    let standin = StandIn::start();
    t.clock.set_zone(kst());
    turn_on(&t, NoticeKind::PointsEarned, None);
    let kim = with_mobile(&t, "김민지", "010-2345-6789", false);
    visit(&t, kim, "40000");
    assert_eq!(t.shop.queue_due_notices().unwrap(), 1);
    // The app stops before the text goes.
    let t = t.reopen();
    t.shop.recover_outbox().unwrap();
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    run(&t, &provider(&standin));
    run(&t, &provider(&standin));
    assert_eq!(standin.to("01023456789").len(), 1);
}

#[test]
fn points_expiring_within_thirty_days_are_told_once() {
    let t = text_shop::shop();
    let standin = StandIn::start();
    let kim = with_mobile(&t, "김민지", "010-2345-6789", false);
    visit(&t, kim, "40000"); // 1,200 points, lapsing in 12 months
                             // 340 days on: they lapse within 30 days.
    t.clock.set_zone(kst());
    t.clock.travel_to(Utc::now() + TimeDelta::days(340));
    turn_on(&t, NoticeKind::PointsExpiring, None);
    assert_eq!(t.shop.queue_due_notices().unwrap(), 1);
    run(&t, &provider(&standin));
    let got = standin.to("01023456789");
    assert_eq!(got.len(), 1);
    assert!(
        got[0].text.contains("1,200포인트가 곧 소멸됩니다"),
        "{}",
        got[0].text
    );
    // The next day, and after a restart: not again.
    t.clock.advance(TimeDelta::days(1));
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    let t = t.reopen();
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    run(&t, &provider(&standin));
    assert_eq!(standin.to("01023456789").len(), 1);
}

#[test]
fn a_birthday_coupon_goes_on_the_morning_of_the_day_as_an_ad_with_consent_only() {
    let t = text_shop::shop();
    let standin = StandIn::start();
    let today = Utc::now().with_timezone(&kst()).date_naive();
    let dawn = today
        .and_hms_opt(7, 0, 0)
        .unwrap()
        .and_local_timezone(kst())
        .unwrap();
    t.clock.set_zone(kst());
    t.clock.travel_to(dawn.to_utc());
    let birthday = |t: &TestShop, name: &str, mobile: &str, consent: bool| {
        let mut f = common::form(name, mobile, "");
        f.consent_sms = consent;
        f.birthday = format!("1990-{}", today.format("%m-%d"));
        let id = t.shop.create_customer(&f).unwrap().id;
        let reward = t.shop.loyalty_rules().unwrap().birthday_reward;
        t.shop
            .issue_coupon(id, &reward, CouponOrigin::Birthday)
            .unwrap();
        id
    };
    birthday(&t, "김민지", "010-2345-6789", true);
    birthday(&t, "이서연", "010-3456-7890", false);

    // An advertisement: it is framed, and off until turned on.
    let p = t
        .shop
        .notice_preview(NoticeKind::BirthdayCoupon, None)
        .unwrap();
    assert!(p.advertising);
    assert!(p.text.starts_with("(광고)행복한 세탁소\n"), "{}", p.text);
    assert!(p.text.ends_with("무료거부 080-123-4567"), "{}", p.text);
    // Never by 알림톡.
    let by_kakao = t
        .shop
        .notice_preview(NoticeKind::BirthdayCoupon, Some(TEMPLATE))
        .unwrap();
    assert_eq!(by_kakao.blocked, Some(NoticeBlock::AdInAlimtalk));
    turn_on(&t, NoticeKind::BirthdayCoupon, None);

    assert_eq!(t.shop.queue_due_notices().unwrap(), 0, "not at 07:00");
    t.clock.travel_to((dawn + TimeDelta::hours(2)).to_utc());
    t.shop.queue_due_notices().unwrap();
    run(&t, &provider(&standin));
    let got = standin.to("01023456789");
    assert_eq!(got.len(), 1);
    assert!(
        got[0].text.contains("생일 선물: 10% 할인 쿠폰"),
        "{}",
        got[0].text
    );
    assert!(got[0].text.starts_with("(광고)행복한 세탁소\n"));
    assert!(standin.to("01034567890").is_empty(), "no consent, no ad");

    t.clock.travel_to((dawn + TimeDelta::hours(5)).to_utc());
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    let t = t.reopen();
    assert_eq!(t.shop.queue_due_notices().unwrap(), 0);
    run(&t, &provider(&standin));
    assert_eq!(standin.to("01023456789").len(), 1);
}
