//! Consents as the law wants them kept, through the public API on a real
//! SQLite file: each given consent is a record with its channel, purpose,
//! wording version and how it was given; withdrawing is one call that
//! turns the sending flag off and leaves a note in her history; the night
//! consent needs the day one; and an advertising email for someone without
//! night consent waits until 08:00 shop time (a real SMTP server on
//! loopback, an injected clock).

mod common;

use std::sync::atomic::AtomicBool;

use chrono::DateTime;
use common::mail_shop::{quick, shop as mail_shop, with_email};
use common::smtp::{SmtpServer, PASSWORD};
use common::{customer, field_codes, form, TestShop};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::outbox::OutboxStatus;
use dangol_core::outbox::mail::sender::RunEnd;
use dangol_core::people::consent::wording::{self, CURRENT};
use dangol_core::people::consent::{
    ConsentChannel, ConsentGiven, ConsentMethod, ConsentPurpose, ConsentScope,
};
use dangol_core::store::clock::FixedClock;
use dangol_core::{FieldErrorCode, HistoryKind, Language, SetupInput, TimelineQuery};

fn korean_shop() -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: dangol_core::Country::KR,
            language: Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t
}

fn notes(t: &TestShop, id: i64) -> Vec<String> {
    t.shop
        .timeline(&TimelineQuery {
            customer_id: id,
            kinds: vec![HistoryKind::Note],
            offset: 0,
            limit: 50,
        })
        .unwrap()
        .entries
        .into_iter()
        .map(|e| e.summary)
        .collect()
}

const TEXT: ConsentScope = ConsentScope::marketing(ConsentChannel::Text);
const TEXT_NIGHT: ConsentScope = ConsentScope::night(ConsentChannel::Text);
const EMAIL: ConsentScope = ConsentScope::marketing(ConsentChannel::Email);

#[test]
fn a_signed_form_is_recorded_with_its_wording_channel_and_how() {
    let t = korean_shop();
    let id = customer(&t, "김민지");
    let given = ConsentGiven {
        scopes: vec![
            TEXT_NIGHT,
            TEXT,
            ConsentScope::of(ConsentPurpose::Care),
            ConsentScope::of(ConsentPurpose::Greetings),
        ],
        method: ConsentMethod::Paper,
        note: "동의서 2026-12-01 서명, 서랍 보관".into(),
    };
    let o = t.shop.give_consents(id, &given).unwrap();
    assert_eq!(o.records.len(), 4);
    for r in &o.records {
        assert!(r.given);
        assert_eq!(r.wording, CURRENT);
        assert_eq!(r.method, ConsentMethod::Paper);
        assert_eq!(r.note, "동의서 2026-12-01 서명, 서랍 보관");
    }
    let text = o.states.iter().find(|s| s.scope == TEXT).unwrap();
    assert!(text.given);
    let email = o.states.iter().find(|s| s.scope == EMAIL).unwrap();
    assert!(!email.given && email.last.is_none());

    // What the outboxes read is in step with the records.
    let c = t.shop.get_customer(id).unwrap();
    assert!(c.consents.sms.is_some() && c.consents.email.is_none());
    // Her timeline says what she agreed to and how.
    assert!(
        notes(&t, id).contains(&"동의: 광고 문자 수신 (동의서 서명)".to_owned()),
        "{:?}",
        notes(&t, id)
    );
    // The wording she saw can be shown again, with the shop's name.
    let f = t
        .shop
        .consent_wording(CURRENT, Language::Ko)
        .unwrap()
        .unwrap();
    assert!(f.intro.starts_with("행복한 세탁소에서는"), "{}", f.intro);
}

#[test]
fn withdrawing_turns_the_flag_off_keeps_the_record_and_notes_her_history() {
    let t = korean_shop();
    let id = customer(&t, "이수진");
    t.shop
        .give_consents(
            id,
            &ConsentGiven {
                scopes: vec![TEXT, TEXT_NIGHT],
                method: ConsentMethod::Phone,
                note: String::new(),
            },
        )
        .unwrap();
    let o = t.shop.withdraw_consent(id, TEXT).unwrap();
    let c = t.shop.get_customer(id).unwrap();
    assert!(c.consents.sms.is_none(), "no more advertising texts");
    let state = |s| o.states.iter().find(|x| x.scope == s).unwrap().given;
    assert!(
        !state(TEXT) && !state(TEXT_NIGHT),
        "night goes with the day"
    );
    // Both given records are still there, after them the two withdrawals.
    let kinds: Vec<(bool, bool)> = o.records.iter().map(|r| (r.scope.night, r.given)).collect();
    assert_eq!(
        kinds,
        vec![(false, false), (true, false), (true, true), (false, true)]
    );
    assert_eq!(o.records[0].method, ConsentMethod::Request);
    let n = notes(&t, id);
    assert_eq!(n[0], "동의 철회: 광고 문자 수신");
    assert_eq!(n[1], "동의 철회: 야간 광고 문자 수신");
    // Withdrawing again records nothing more.
    assert_eq!(t.shop.withdraw_consent(id, TEXT).unwrap().records.len(), 4);
}

#[test]
fn night_consent_needs_the_day_one_and_post_has_no_night() {
    let t = korean_shop();
    let id = customer(&t, "박지훈");
    let night_only = ConsentGiven {
        scopes: vec![ConsentScope::night(ConsentChannel::Email)],
        method: ConsentMethod::InPerson,
        note: String::new(),
    };
    let e = t.shop.give_consents(id, &night_only).unwrap_err();
    assert_eq!(
        field_codes(e),
        vec![("consent".into(), FieldErrorCode::InvalidTransition)]
    );
    let post_night = ConsentGiven {
        scopes: vec![ConsentScope::night(ConsentChannel::Post)],
        ..night_only
    };
    assert_eq!(
        field_codes(t.shop.give_consents(id, &post_night).unwrap_err()),
        vec![("consent".into(), FieldErrorCode::InvalidChoice)]
    );
    assert!(
        t.shop.consents(id).unwrap().records.is_empty(),
        "nothing half-kept"
    );
}

#[test]
fn the_customer_form_and_the_opt_outs_go_through_the_records() {
    let t = korean_shop();
    let mut f = form("최영호", "010-3333-4444", "yh@example.com");
    f.consent_email = true;
    let id = t.shop.create_customer(&f).unwrap().id;
    let o = t.shop.consents(id).unwrap();
    assert_eq!(o.records.len(), 1);
    assert_eq!(o.records[0].scope, EMAIL);
    assert_eq!(o.records[0].method, ConsentMethod::Form);

    t.shop.opt_out_email(id).unwrap();
    let o = t.shop.consents(id).unwrap();
    assert!(!o.records[0].given && o.records[0].scope == EMAIL);
    assert!(t.shop.get_customer(id).unwrap().consents.email.is_none());
}

#[test]
fn the_form_to_print_has_the_shops_name_three_parts_and_both_languages() {
    let t = korean_shop();
    let ko = t.shop.consent_form(None).unwrap();
    assert_eq!(ko.title, "개인정보 수집·이용 동의서");
    assert_eq!(ko.parts.len(), 3);
    assert!(ko.parts.iter().all(|p| !p.items.is_empty()
        && !p.purpose_text.is_empty()
        && !p.retention.is_empty()
        && p.refusal.contains("거부")));
    assert!(ko.footer.contains("행복한 세탁소") && ko.footer.contains(CURRENT));
    let en = t.shop.consent_form(Some(Language::En)).unwrap();
    assert!(en.intro.starts_with("행복한 세탁소 collects"));
    assert!(wording::versions().contains(&CURRENT));
}

#[test]
fn an_advertising_email_at_night_waits_until_eight_shop_time() {
    let server = SmtpServer::start();
    let t = mail_shop(&server);
    let day = with_email(&t, "낮에만", "day@example.com", true);
    let night = with_email(&t, "밤에도", "night@example.com", true);
    t.shop
        .give_consents(
            night,
            &ConsentGiven {
                scopes: vec![ConsentScope::night(ConsentChannel::Email)],
                method: ConsentMethod::Paper,
                note: String::new(),
            },
        )
        .unwrap();
    let made = t
        .shop
        .make_letters(Occasion::MissYou, &[day, night], Channel::Email)
        .unwrap();
    let ids: Vec<i64> = made.made.iter().map(|l| l.id).collect();
    assert_eq!(t.shop.queue_letters(&ids).unwrap().queued, 2);

    let clock = FixedClock::at(DateTime::parse_from_rfc3339("2026-05-04T21:30:00+09:00").unwrap());
    let run = |clock: &FixedClock| {
        t.shop
            .send_outbox_at(
                clock,
                PASSWORD,
                &quick(),
                &AtomicBool::new(false),
                &mut || {},
            )
            .unwrap()
    };
    assert_eq!(
        run(&clock),
        RunEnd::WaitUntil {
            at: "2026-05-04T23:00:00+00:00".into()
        },
        "08:00 in Seoul"
    );
    let to = |addr: &str| {
        server
            .received()
            .iter()
            .filter(|m| m["envelopeTo"][0] == addr)
            .count()
    };
    assert_eq!(to("night@example.com"), 1, "she agreed to ads at night");
    assert_eq!(to("day@example.com"), 0, "nothing at night");
    let waiting = t.shop.outbox(10).unwrap();
    let held = waiting.iter().find(|i| i.customer_id == day).unwrap();
    assert_eq!(held.status, OutboxStatus::Queued);
    assert_eq!(
        held.not_before.as_deref().map(|s| &s[..19]),
        Some("2026-05-04 23:00:00")
    );

    clock.set(DateTime::parse_from_rfc3339("2026-05-05T07:59:00+09:00").unwrap());
    assert!(matches!(run(&clock), RunEnd::WaitUntil { .. }));
    assert_eq!(to("day@example.com"), 0);
    clock.set(DateTime::parse_from_rfc3339("2026-05-05T08:00:00+09:00").unwrap());
    assert_eq!(run(&clock), RunEnd::Done);
    assert_eq!(to("day@example.com"), 1, "sent at 08:00");
}
