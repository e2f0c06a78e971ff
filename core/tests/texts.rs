//! Texts against a stand-in of Solapi's documented API on 127.0.0.1 (real
//! HTTP, the signature checked as documented): SMS or LMS by length, the
//! cost before a batch, each letter once, the documented errors, faults
//! (a connection cut after the request, a timeout, a duplicate submit),
//! delivery reports, a restart — and the law: "(광고)", the shop's name and
//! a free opt-out, consent, and no advertising at night without night
//! consent, on an injected clock. Every letter ends sent, failed with a
//! reason, or 확인 필요; none is sent twice.

mod common;

use common::solapi::{StandIn, CUT, INVALID, SENDER, SLOW, UNDELIVERED};
use common::text_shop::*;
use dangol_core::letters::builtin::Occasion;
use dangol_core::outbox::mail::outbox::{Decision, OutboxChannel, OutboxStatus};
use dangol_core::outbox::texts::length::TextKind;
use dangol_core::outbox::texts::provider::{Delivery, TextErrorCode};
use dangol_core::outbox::texts::sender::TextRunEnd;
use dangol_core::HistoryKind;

#[test]
fn a_birthday_text_goes_once_with_its_cost_shown_and_its_report_fetched() {
    let s = StandIn::start();
    let t = shop();
    let kim = with_mobile(&t, "김민지", "010-1111-2222", false);
    let lee = with_mobile(&t, "이서준", "010-3333-4444", false);
    let none = with_mobile(&t, "전화없음", "02-555-6666", false);
    let ids = letters(&t, Occasion::Birthday, &[kim, lee, none]);

    // The cost before anything goes: the birthday letter is long (LMS).
    let plan = t.shop.queue_texts(&ids, true).unwrap();
    assert_eq!((plan.sms, plan.lms, plan.cost), (0, 2, 100));
    assert_eq!(plan.not_queued.len(), 1);
    assert_eq!(plan.not_queued[0].reason, TextErrorCode::NoMobile);
    assert!(s.state().messages.is_empty(), "a preview sends nothing");
    assert!(t.shop.outbox(10).unwrap().is_empty(), "and queues nothing");

    queue(&t, &ids);
    // The owner clicks twice: still one each.
    let again = queue(&t, &ids);
    assert_eq!((again.already, again.lms), (2, 0));
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);

    let got = s.to("01011112222");
    assert_eq!(got.len(), 1, "one text, once");
    assert_eq!(
        (got[0].kind.as_str(), got[0].from.as_str()),
        ("LMS", SENDER)
    );
    assert!(got[0]
        .text
        .starts_with("김민지 님, 생일을 진심으로 축하드립니다."));
    assert_eq!(got[0].subject.as_deref(), Some("생일을 축하드립니다"));
    assert!(got[0].reference.starts_with("dangol-"));
    assert_eq!(s.to("01033334444").len(), 1);
    assert_eq!(s.state().bad_signatures, 0);

    let it = item(&t, "김민지");
    assert_eq!(
        (it.status, it.channel, it.text_kind),
        (OutboxStatus::Sent, OutboxChannel::Text, Some(TextKind::Lms))
    );
    assert_eq!(
        it.delivery,
        Some(Delivery::Delivered),
        "the report was fetched"
    );
    // Her history has the text, sent by text.
    let story = t
        .shop
        .timeline(&dangol_core::TimelineQuery {
            customer_id: kim,
            kinds: vec![HistoryKind::Letter],
            offset: 0,
            limit: 10,
        })
        .unwrap()
        .entries;
    assert_eq!(story.len(), 1);
    assert_eq!(story[0].channel, Some(dangol_core::ContactChannel::Sms));
}

#[test]
fn a_short_text_is_an_sms_and_an_undelivered_one_says_why() {
    let s = StandIn::start();
    let t = shop();
    let a = with_mobile(&t, "가", UNDELIVERED, false);
    let ids = letters(&t, Occasion::Birthday, &[a]);
    t.shop
        .edit_letter(ids[0], "생일", "가 님, 생일 축하드립니다!")
        .unwrap();
    let plan = queue(&t, &ids);
    assert_eq!((plan.sms, plan.cost), (1, 20));
    run(&t, &provider(&s));
    assert_eq!(s.to(UNDELIVERED)[0].kind, "SMS");
    let it = item(&t, "가");
    assert_eq!(
        (it.status, it.delivery),
        (OutboxStatus::Sent, Some(Delivery::Failed))
    );
    assert!(it.delivery_detail.unwrap().contains("단말기 전원 꺼짐"));
}

#[test]
fn a_wrong_key_or_secret_fails_the_batch_with_the_reason_and_sends_nothing() {
    let s = StandIn::start();
    let t = shop();
    let ids: Vec<i64> = (0..3)
        .map(|n| with_mobile(&t, &format!("손님{n}"), &format!("010-2000-000{n}"), false))
        .collect();
    queue(&t, &letters(&t, Occasion::Birthday, &ids));
    let end = run(&t, &wrong_secret(&s));
    assert!(matches!(
        end,
        TextRunEnd::Failed {
            error: TextErrorCode::AuthFailed,
            ..
        }
    ));
    assert_eq!(
        s.state().bad_signatures,
        1,
        "the stand-in checked the signature"
    );
    assert!(s.state().messages.is_empty());
    for n in 0..3 {
        let it = item(&t, &format!("손님{n}"));
        assert_eq!(
            (it.status, it.text_error),
            (OutboxStatus::Failed, Some(TextErrorCode::AuthFailed))
        );
    }
    // Fixed: "실패한 문자 다시 보내기" sends each once.
    assert_eq!(t.shop.retry_failed_texts().unwrap(), 3);
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    assert_eq!(s.state().messages.len(), 3);
}

#[test]
fn documented_errors_end_each_letter_sent_or_failed_with_a_reason() {
    let s = StandIn::start();
    let t = shop();
    let ok = with_mobile(&t, "정상", "010-4000-0001", false);
    let bad = with_mobile(&t, "없는번호", INVALID, false);
    let later = with_mobile(&t, "천천히", "010-4000-0002", false);
    s.state().rate_limit_next = 2;
    queue(&t, &letters(&t, Occasion::Birthday, &[ok, bad, later]));
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    assert_eq!(status(&t, "정상"), OutboxStatus::Sent);
    assert_eq!(
        status(&t, "천천히"),
        OutboxStatus::Sent,
        "rate limited, then sent"
    );
    let it = item(&t, "없는번호");
    assert_eq!(
        (it.status, it.text_error),
        (OutboxStatus::Failed, Some(TextErrorCode::InvalidNumber))
    );
    assert!(it.error_detail.unwrap().contains("1022"));
    assert_eq!(s.to("01040000001").len(), 1);
    assert_eq!(s.to("01040000002").len(), 1);

    // An unregistered 발신번호 stops the batch with that reason.
    let mut other = settings();
    other.sender_number = "02-9999-0000".into();
    t.shop.save_text_settings(&other).unwrap();
    let c = with_mobile(&t, "다음", "010-4000-0003", false);
    queue(&t, &letters(&t, Occasion::Birthday, &[c]));
    let end = run(&t, &provider(&s));
    assert!(matches!(
        end,
        TextRunEnd::Failed {
            error: TextErrorCode::SenderNotRegistered,
            ..
        }
    ));
    assert_eq!(
        item(&t, "다음").text_error,
        Some(TextErrorCode::SenderNotRegistered)
    );

    // No balance: the same, with its own reason.
    t.shop.save_text_settings(&settings()).unwrap();
    s.state().balance = 10;
    t.shop.retry_failed_texts().unwrap();
    let end = run(&t, &provider(&s));
    assert!(matches!(
        end,
        TextRunEnd::Failed {
            error: TextErrorCode::NoBalance,
            ..
        }
    ));
    assert_eq!(item(&t, "다음").text_error, Some(TextErrorCode::NoBalance));
    assert!(s.to("01040000003").is_empty());
}

#[test]
fn a_cut_a_timeout_and_a_lost_lookup_never_send_twice() {
    let s = StandIn::start();
    let t = shop();
    let cut = with_mobile(&t, "끊김", CUT, false);
    let slow = with_mobile(&t, "느림", SLOW, false);
    queue(&t, &letters(&t, Occasion::Birthday, &[cut, slow]));
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    // Both reached the stand-in; the reference found them: sent, once.
    for (name, number) in [("끊김", CUT), ("느림", SLOW)] {
        assert_eq!(status(&t, name), OutboxStatus::Sent, "{name}");
        assert_eq!(s.to(number).len(), 1, "{name} once");
    }

    // The cut again, and the lookup cut too: 확인 필요, not sent again.
    let again = with_mobile(&t, "또끊김", CUT, false);
    queue(&t, &letters(&t, Occasion::Birthday, &[again]));
    s.state().list_down = true;
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    let it = item(&t, "또끊김");
    assert_eq!(
        (it.status, it.text_error),
        (OutboxStatus::Unknown, Some(TextErrorCode::Dropped))
    );
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    assert_eq!(
        status(&t, "또끊김"),
        OutboxStatus::Unknown,
        "never re-sent by itself"
    );
    assert_eq!(s.to(CUT).len(), 2, "one for 끊김, one for 또끊김");
    // The provider answers again: the reference finds it, it went.
    s.state().list_down = false;
    run(&t, &provider(&s));
    assert_eq!(status(&t, "또끊김"), OutboxStatus::Sent);
    assert_eq!(s.to(CUT).len(), 2);
    assert_eq!(s.state().bad_signatures, 0);
}

#[test]
fn two_senders_at_once_send_each_letter_once() {
    let s = StandIn::start();
    let t = shop();
    let ids: Vec<i64> = (0..40)
        .map(|n| with_mobile(&t, &format!("동시{n}"), &format!("010-6000-{n:04}"), false))
        .collect();
    let ids = letters(&t, Occasion::Birthday, &ids);
    queue(&t, &ids);
    queue(&t, &ids);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| run(&t, &provider(&s)));
        }
    });
    assert_eq!(s.state().messages.len(), 40);
    let mut numbers: Vec<String> = s.state().messages.iter().map(|m| m.to.clone()).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 40, "none twice");
}

#[test]
fn what_waits_is_sent_after_a_restart_and_a_crash_mid_send_is_looked_up() {
    let s = StandIn::start();
    let t = shop();
    let a = with_mobile(&t, "기다림", "010-7000-0001", false);
    let b = with_mobile(&t, "보내는중", "010-7000-0002", false);
    let ids = letters(&t, Occasion::Birthday, &[a, b]);
    queue(&t, &ids);
    // The app stops: one text was on the wire (its request reached the
    // provider), the other still waiting.
    run_one_then_crash(&t, &s);
    let t = t.reopen();
    assert_eq!(t.shop.recover_outbox().unwrap(), 1);
    assert_eq!(status(&t, "보내는중"), OutboxStatus::Unknown);
    assert_eq!(run(&t, &provider(&s)), TextRunEnd::Done);
    assert_eq!(status(&t, "기다림"), OutboxStatus::Sent);
    assert_eq!(
        status(&t, "보내는중"),
        OutboxStatus::Sent,
        "found by its reference"
    );
    assert_eq!(s.to("01070000001").len(), 1);
    assert_eq!(s.to("01070000002").len(), 1);
}

/// Sends 보내는중's text straight to the stand-in (as the app would have)
/// and leaves its row 'sending', as a crash right after the request would.
fn run_one_then_crash(t: &common::TestShop, s: &StandIn) {
    use dangol_core::outbox::texts::provider::{OutgoingText, TextProvider};
    let it = item(t, "보내는중");
    let db = rusqlite::Connection::open(t.path()).unwrap();
    let reference: String = db
        .query_row(
            "SELECT message_id FROM outbox WHERE id = ?1",
            [it.id],
            |r| r.get(0),
        )
        .unwrap();
    let sent = provider(s).send(&OutgoingText {
        to: "01070000002".into(),
        from: SENDER.into(),
        kind: TextKind::Lms,
        subject: "생일".into(),
        text: "생일 축하드립니다".into(),
        reference,
        alimtalk: None,
    });
    assert!(matches!(
        sent,
        dangol_core::outbox::texts::provider::SendOutcome::Accepted { .. }
    ));
    db.execute(
        "UPDATE outbox SET status = 'sending' WHERE id = ?1",
        [it.id],
    )
    .unwrap();
}

#[test]
fn an_unknown_text_is_resent_only_on_the_owners_say() {
    let s = StandIn::start();
    let t = shop();
    let a = with_mobile(&t, "확인", CUT, false);
    queue(&t, &letters(&t, Occasion::Birthday, &[a]));
    s.state().list_down = true;
    run(&t, &provider(&s));
    let it = item(&t, "확인");
    assert_eq!(it.status, OutboxStatus::Unknown);
    t.shop.decide_outbox(it.id, Decision::TakeAsSent).unwrap();
    assert_eq!(status(&t, "확인"), OutboxStatus::Sent);
    assert_eq!(s.to(CUT).len(), 1);
}
