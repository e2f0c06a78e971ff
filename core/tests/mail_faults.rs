//! Mail when things go wrong, against the real loopback SMTP server:
//! server down, wrong password, app password, a 4xx then success, a 5xx for
//! one recipient, the connection cut after the data, the sender killed
//! mid-letter, the provider's pace. Every letter ends sent, failed with a
//! reason, or unknown — none lost, none sent twice.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use common::mail_shop::*;
use common::smtp::{SmtpServer, PASSWORD};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::outbox::{Decision, OutboxStatus};
use dangol_core::outbox::mail::sender::{Policy, RunEnd};
use dangol_core::outbox::mail::smtp::MailErrorCode;

#[test]
fn faults_leave_every_letter_sent_failed_or_unknown_and_none_twice() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let ids = [
        with_email(&t, "첫째", "one@example.com", false),
        with_email(&t, "없는주소", "reject@example.com", false),
        with_email(&t, "나중에", "later@example.com", false),
        with_email(&t, "끊김", "drop@example.com", false),
        with_email(&t, "막내", "two@example.com", false),
    ];
    let (_, end) = send(&t, Occasion::Birthday, &ids);
    assert_eq!(end, RunEnd::Done);

    assert_eq!(status_of(&t, "첫째"), (OutboxStatus::Sent, None, 1));
    let (s, e, _) = status_of(&t, "없는주소");
    assert_eq!(
        (s, e),
        (OutboxStatus::Failed, Some(MailErrorCode::Rejected))
    );
    let detail = t
        .shop
        .outbox(10)
        .unwrap()
        .into_iter()
        .find(|i| i.customer_name == "없는주소");
    assert!(detail
        .unwrap()
        .error_detail
        .unwrap()
        .contains("does not exist"));
    assert_eq!(
        status_of(&t, "나중에"),
        (OutboxStatus::Sent, None, 2),
        "a 4xx, then sent"
    );
    let (s, e, _) = status_of(&t, "끊김");
    assert_eq!(
        (s, e),
        (OutboxStatus::Unknown, Some(MailErrorCode::Dropped))
    );
    assert_eq!(
        status_of(&t, "막내"),
        (OutboxStatus::Sent, None, 1),
        "the batch went on"
    );

    let got = server.received();
    for who in ["one@", "later@", "two@"] {
        assert_eq!(addressed_to(&got, who).len(), 1, "{who} exactly once");
    }
    assert!(addressed_to(&got, "reject@").is_empty());
    assert!(addressed_to(&got, "drop@").is_empty());

    // A letter of unknown fate is not sent again by itself...
    run(&t.shop, PASSWORD);
    assert_eq!(server.received().len(), 3);
    // ...only when the owner says so.
    let drop_id = t
        .shop
        .outbox(10)
        .unwrap()
        .into_iter()
        .find(|i| i.customer_name == "끊김")
        .unwrap()
        .id;
    t.shop.decide_outbox(drop_id, Decision::Retry).unwrap();
    run(&t.shop, PASSWORD);
    assert_eq!(addressed_to(&server.received(), "drop@").len(), 1);
    assert_eq!(status_of(&t, "끊김").0, OutboxStatus::Sent);
    let counts = t.shop.outbox_counts().unwrap();
    assert_eq!(
        (counts.sent, counts.failed, counts.queued, counts.unknown),
        (4, 1, 0, 0)
    );
}

#[test]
fn login_and_server_problems_are_told_apart() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let ok = server.settings();
    let test = |s: &dangol_core::outbox::mail::settings::MailSettings, pw: &str| {
        t.shop
            .send_test_email(s, pw, Duration::from_secs(2))
            .unwrap()
            .map_err(|e| e.code)
    };
    assert_eq!(test(&ok, PASSWORD), Ok(()));
    assert_eq!(server.received()[0]["subject"], "단골 테스트 메일");
    assert_eq!(test(&ok, "wrong"), Err(MailErrorCode::AuthFailed));
    let gmail_like = dangol_core::outbox::mail::settings::MailSettings {
        username: "app-password".into(),
        ..ok.clone()
    };
    assert_eq!(
        test(&gmail_like, "normal-password"),
        Err(MailErrorCode::AppPasswordNeeded)
    );
    let tls_on_starttls_port = dangol_core::outbox::mail::settings::MailSettings {
        security: dangol_core::outbox::mail::settings::Security::Tls,
        ..ok.clone()
    };
    assert_eq!(
        test(&tls_on_starttls_port, PASSWORD),
        Err(MailErrorCode::Tls)
    );
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let down = dangol_core::outbox::mail::settings::MailSettings {
        port: closed.local_addr().unwrap().port(),
        ..ok.clone()
    };
    drop(closed);
    assert_eq!(test(&down, PASSWORD), Err(MailErrorCode::Unreachable));

    // A batch with the wrong password: every letter fails with the reason,
    // and goes once the password is right.
    let a = with_email(&t, "김민수", "minsu@example.com", false);
    queue(&t, Occasion::Birthday, &[a], Channel::Email);
    let end = run(&t.shop, "wrong");
    assert!(
        matches!(
            end,
            RunEnd::Failed {
                error: MailErrorCode::AuthFailed,
                ..
            }
        ),
        "{end:?}"
    );
    assert_eq!(status_of(&t, "김민수").0, OutboxStatus::Failed);
    let id = t.shop.outbox(10).unwrap()[0].id;
    t.shop.decide_outbox(id, Decision::Retry).unwrap();
    run(&t.shop, PASSWORD);
    assert_eq!(status_of(&t, "김민수").0, OutboxStatus::Sent);
    assert_eq!(server.received().len(), 2, "the test email and the letter");

    // The server down mid-life: the next batch fails with that reason, none lost.
    t.shop.save_mail_settings(&down).unwrap();
    let b = with_email(&t, "이영희", "younghee@example.com", false);
    queue(&t, Occasion::Birthday, &[b], Channel::Email);
    let end = run(&t.shop, PASSWORD);
    assert!(
        matches!(
            end,
            RunEnd::Failed {
                error: MailErrorCode::Unreachable,
                ..
            }
        ),
        "{end:?}"
    );
    let (s, e, _) = status_of(&t, "이영희");
    assert_eq!(
        (s, e),
        (OutboxStatus::Failed, Some(MailErrorCode::Unreachable))
    );
    assert_eq!(
        t.shop.retry_failed_mail().unwrap(),
        1,
        "retried once the server is back"
    );
}

#[test]
fn a_letter_on_the_wire_when_the_app_died_is_unknown_not_resent() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let a = with_email(&t, "김민수", "minsu@example.com", false);
    let made = queue(&t, Occasion::Birthday, &[a], Channel::Email);
    // What a crash leaves: the letter claimed, its data maybe on the wire.
    t.shop
        .db()
        .with_tx(|tx| {
            dangol_core::outbox::mail::outbox::claim_next(tx, chrono::Utc::now(), &|_| None)
        })
        .unwrap()
        .unwrap();
    let t = t.reopen();
    assert_eq!(t.shop.recover_outbox().unwrap(), 1);
    let (s, e, _) = status_of(&t, "김민수");
    assert_eq!(
        (s, e),
        (OutboxStatus::Unknown, Some(MailErrorCode::Dropped))
    );
    run(&t.shop, PASSWORD);
    assert!(
        server.received().is_empty(),
        "not re-sent without the owner's say"
    );
    let id = t.shop.outbox(10).unwrap()[0].id;
    t.shop.decide_outbox(id, Decision::TakeAsSent).unwrap();
    assert_eq!(status_of(&t, "김민수").0, OutboxStatus::Sent);
    assert!(
        t.shop.decide_outbox(id, Decision::Retry).is_err(),
        "a sent letter stays sent"
    );
    assert!(
        t.shop.edit_letter(made[0], "x", "y").is_err(),
        "nor can its text change"
    );
}

#[test]
fn the_pace_holds_letters_back_and_says_until_when() {
    let server = SmtpServer::start();
    let t = shop(&server);
    t.shop
        .save_mail_settings(&dangol_core::outbox::mail::settings::MailSettings {
            per_minute: 2,
            ..server.settings()
        })
        .unwrap();
    let ids: Vec<i64> = (0..3)
        .map(|i| with_email(&t, &format!("손님{i}"), &format!("c{i}@example.com"), false))
        .collect();
    let policy = Policy {
        max_wait: Duration::ZERO,
        ..quick()
    };
    queue(&t, Occasion::Birthday, &ids, Channel::Email);
    let end = t
        .shop
        .send_outbox(PASSWORD, &policy, &AtomicBool::new(false), &mut || {})
        .unwrap();
    assert!(matches!(end, RunEnd::WaitUntil { .. }), "{end:?}");
    assert_eq!(server.received().len(), 2, "two a minute");
    assert_eq!(
        t.shop.outbox_counts().unwrap().queued,
        1,
        "the third waits, not lost"
    );
}

/// Run as a child by `a_sender_killed_mid_letter_leaves_it_unknown_and_the_rest_waiting`.
#[test]
fn child_send_until_killed() {
    let Some(db) = std::env::var_os("DANGOL_KILL_SEND_DB") else {
        return;
    };
    common::smtp::trust_test_ca();
    let shop = dangol_core::Shop::open(std::path::PathBuf::from(db)).unwrap();
    let policy = Policy {
        timeout: Duration::from_secs(30),
        ..quick()
    };
    shop.send_outbox(PASSWORD, &policy, &AtomicBool::new(false), &mut || {})
        .unwrap();
}

#[test]
fn a_sender_killed_mid_letter_leaves_it_unknown_and_the_rest_waiting() {
    let server = SmtpServer::start();
    let t = shop(&server);
    let ids = [
        with_email(&t, "첫째", "first@example.com", false),
        with_email(&t, "느림", "slow@example.com", false),
        with_email(&t, "셋째", "third@example.com", false),
    ];
    queue(&t, Occasion::Birthday, &ids, Channel::Email);
    let db = t.path();
    drop(t.shop);

    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["child_send_until_killed", "--exact", "--nocapture"])
        .env("DANGOL_KILL_SEND_DB", &db)
        .spawn()
        .unwrap();
    // The server has the slow letter's data and has not answered yet: kill.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while addressed_to(&server.received(), "slow@").is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the child never sent the slow letter"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the child stopped by itself"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    let shop = dangol_core::Shop::open(&db).unwrap();
    assert_eq!(shop.recover_outbox().unwrap(), 1, "the letter on the wire");
    let status = |name: &str| {
        shop.outbox(10)
            .unwrap()
            .into_iter()
            .find(|i| i.customer_name == name)
            .unwrap()
            .status
    };
    assert_eq!(status("첫째"), OutboxStatus::Sent);
    assert_eq!(status("느림"), OutboxStatus::Unknown);
    assert_eq!(
        status("셋째"),
        OutboxStatus::Queued,
        "the rest waits, not lost"
    );
    run(&shop, PASSWORD);
    assert_eq!(status("셋째"), OutboxStatus::Sent);
    assert_eq!(
        status("느림"),
        OutboxStatus::Unknown,
        "not re-sent by itself"
    );
    let got = server.received();
    for who in ["first@", "slow@", "third@"] {
        assert_eq!(addressed_to(&got, who).len(), 1, "{who} exactly once");
    }
}

#[test]
fn a_server_that_never_answers_is_a_timeout() {
    let server = SmtpServer::start();
    let t = shop(&server);
    // Accepts the connection and then says nothing, not even its greeting.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = silent.local_addr().unwrap().port();
    let holder = std::thread::spawn(move || {
        let (conn, _) = silent.accept().unwrap();
        std::thread::sleep(Duration::from_secs(3));
        drop(conn);
    });
    let mute = dangol_core::outbox::mail::settings::MailSettings {
        port,
        ..server.settings()
    };
    let got = t
        .shop
        .send_test_email(&mute, PASSWORD, Duration::from_millis(500))
        .unwrap()
        .map_err(|e| e.code);
    assert_eq!(got, Err(MailErrorCode::Timeout));
    holder.join().unwrap();
}
