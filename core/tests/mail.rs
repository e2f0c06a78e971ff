//! Mail against a real SMTP server on loopback (STARTTLS + AUTH): what
//! arrives is parsed and checked — subject, (광고), body, recipient, the
//! opt-out footer — and an opted-out customer never gets advertising.

mod common;

use common::mail_shop::*;
use common::smtp::{SmtpServer, PASSWORD};
use common::{birthday_in, form, letter_marked_sent, TestShop};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::outbox::OutboxStatus;
use dangol_core::outbox::mail::sender::RunEnd;
use dangol_core::outbox::mail::smtp::MailErrorCode;

#[test]
fn a_birthday_letter_arrives_as_written_and_joins_her_history() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let minsu = with_email(&t, "김민수", "minsu@example.com", false);
    let (_, end) = send(&t, Occasion::Birthday, &[minsu]);
    assert_eq!(end, RunEnd::Done);

    let got = server.received();
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert_eq!(
        m["subject"], "생일을 축하드립니다",
        "a greeting is not advertising"
    );
    assert_eq!(
        m["to"], "\"김민수\" <minsu@example.com>",
        "the Korean name, encoded and decoded"
    );
    assert_eq!(m["from"], "\"행복한 세탁소\" <shop@example.com>");
    assert_eq!(m["secure"], true, "STARTTLS was used");
    assert_eq!(m["user"], "shop@example.com", "logged in");
    let text = m["text"].as_str().unwrap();
    assert!(
        text.starts_with("김민수 님, 생일을 진심으로 축하드립니다."),
        "{text}"
    );
    assert!(
        text.contains("행복한 세탁소를 찾아 주셔서"),
        "particles follow the shop name: {text}"
    );
    assert!(
        !text.contains("수신거부"),
        "no advertising footer on a greeting"
    );
    assert!(
        m["html"].as_str().unwrap().contains("<p>김민수 님, 생일을"),
        "HTML part"
    );
    assert!(m["contentType"]
        .as_str()
        .unwrap()
        .starts_with("multipart/alternative"));
    assert!(m["listUnsubscribe"].is_null());

    assert_eq!(status_of(&t, "김민수"), (OutboxStatus::Sent, None, 1));
    let letters = letters_in_history(&t, minsu);
    let letter = letters.first().expect("the sent email is in her history");
    assert_eq!(letter.summary, "생일을 축하드립니다");
    assert_eq!(letter.channel, Some(dangol_core::ContactChannel::Email));
}

#[test]
fn a_letter_made_for_print_then_emailed_is_one_entry_in_her_history() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let minsu = with_email(&t, "김민수", "minsu@example.com", false);
    let made = t
        .shop
        .make_letters(Occasion::Birthday, &[minsu], Channel::Print)
        .unwrap();
    let id = made.made[0].id;
    t.shop.mark_letters_printed(&[id]).unwrap();
    assert_eq!(
        letters_in_history(&t, minsu).len(),
        1,
        "printed: in her history"
    );
    t.shop.queue_letters(&[id]).unwrap();
    run(&t.shop, PASSWORD);
    assert_eq!(server.received().len(), 1);
    let letters = letters_in_history(&t, minsu);
    assert_eq!(letters.len(), 1, "{letters:?}");
    assert_eq!(letters[0].channel, Some(dangol_core::ContactChannel::Email));
    let letter = &t.shop.letters(&[id]).unwrap()[0];
    assert_eq!(letter.state, dangol_core::letters::state::LetterState::Sent);
    assert!(letter.printed_at.is_some(), "printed and emailed");
}

#[test]
fn advertising_is_marked_and_goes_only_to_those_who_agreed() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let yes = with_email(&t, "이영희", "younghee@example.com", true);
    let no = with_email(&t, "박지성", "jisung@example.com", false);
    let later_out = with_email(&t, "최유리", "yuri@example.com", true);
    let none = with_email(&t, "정우성", "", true);

    let made = t
        .shop
        .make_letters(
            Occasion::MissYou,
            &[yes, no, later_out, none],
            Channel::Email,
        )
        .unwrap();
    let ids: Vec<i64> = made.made.iter().map(|l| l.id).collect();
    let report = t.shop.queue_letters(&ids).unwrap();
    assert_eq!(report.queued, 2);
    let refused: Vec<_> = report
        .not_queued
        .iter()
        .map(|n| (n.customer_name.as_str(), n.reason))
        .collect();
    assert_eq!(
        refused,
        vec![
            ("박지성", MailErrorCode::NoConsent),
            ("정우성", MailErrorCode::NoEmail)
        ]
    );
    // Queuing again changes nothing.
    assert_eq!(t.shop.queue_letters(&ids).unwrap().already, 2);

    // She opts out while her letter waits: one click, at once.
    t.shop.opt_out_email(later_out).unwrap();
    let end = run(&t.shop, PASSWORD);
    assert_eq!(end, RunEnd::Done);

    let got = server.received();
    assert_eq!(got.len(), 1, "only 이영희 gets it");
    let m = &got[0];
    assert_eq!(m["envelopeTo"][0], "younghee@example.com");
    assert!(
        m["subject"].as_str().unwrap().starts_with("(광고) "),
        "{}",
        m["subject"]
    );
    let text = m["text"].as_str().unwrap();
    for needed in [
        "보낸 곳: 행복한 세탁소",
        "연락처: shop@example.com",
        "수신거부",
    ] {
        assert!(text.contains(needed), "{needed:?} missing from {text}");
    }
    assert!(m["listUnsubscribe"]
        .to_string()
        .contains("mailto:shop@example.com"));
    assert_eq!(status_of(&t, "최유리").0, OutboxStatus::Cancelled);
    assert_eq!(t.shop.get_customer(later_out).unwrap().consents.email, None);
}

#[test]
fn consent_two_years_old_is_due_for_reconfirming() {
    let t = TestShop::new();
    // She agreed on 2023-01-10, at the counter.
    t.clock.travel_to_local(
        chrono::NaiveDate::from_ymd_opt(2023, 1, 10)
            .unwrap()
            .and_hms_opt(11, 0, 0)
            .unwrap(),
    );
    let old = {
        let mut f = form("오래된", "010-7200-0001", "old@example.com");
        f.consent_email = true;
        t.shop.create_customer(&f).unwrap().id
    };
    t.clock.back_to_now();
    let mut f = form("새로운", "010-7200-0002", "new@example.com");
    f.consent_sms = true;
    t.shop.create_customer(&f).unwrap();
    let due = t.shop.consents_due().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(
        (due[0].name.as_str(), due[0].given_on.as_str()),
        ("오래된", "2023-01-10")
    );

    // Told (by letter, call or at the counter): off the list, and in her
    // history with the date she agreed.
    t.shop.note_consent_notified(old).unwrap();
    assert!(t.shop.consents_due().unwrap().is_empty());
    let noted: String = t
        .shop
        .db()
        .reader()
        .unwrap()
        .query_row(
            "SELECT summary FROM history WHERE customer_id = ?1 AND kind = 'note'",
            [old],
            |r| r.get(0),
        )
        .unwrap();
    assert!(noted.contains("2023-01-10"), "{noted}");
    // Two years (and a day) after that notice she is due again, and so
    // is the customer who agreed on the day of the notice.
    t.clock.advance(chrono::TimeDelta::days(2 * 366 + 1));
    let due: Vec<String> = t
        .shop
        .consents_due()
        .unwrap()
        .into_iter()
        .map(|d| d.name)
        .collect();
    assert_eq!(due, ["오래된", "새로운"]);
    // Someone who never agreed has nothing to be told.
    let never = t
        .shop
        .create_customer(&form("동의없음", "010-7200-0003", ""))
        .unwrap()
        .id;
    assert!(t.shop.note_consent_notified(never).is_err());
}

#[test]
fn a_birthday_email_that_failed_is_not_marked_as_sent_on_the_home_screen() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let id = birthday_in(&t, 2, "김민수", "010-7300-0001", "reject@example.com");
    send(&t, Occasion::Birthday, &[id]);
    assert_eq!(status_of(&t, "김민수").0, OutboxStatus::Failed);
    assert!(
        !letter_marked_sent(&t, id),
        "a letter that bounced did not go out"
    );
}
