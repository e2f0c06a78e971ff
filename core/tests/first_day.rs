//! The first day of a new shop, on a real file: the checklist, a letter
//! written for one of her days (a parent's lunar birthday), and its one
//! honest state (only printed or delivered letters count as sent). Sales
//! on credit and visits are in `sales.rs`.

mod common;

use chrono::{Duration, Local, NaiveDate};
use common::mail_shop::{run, with_email};
use common::smtp::{SmtpServer, PASSWORD};
use common::{form, TestShop};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::dates;
use dangol_core::letters::dates::occasions::{DateInput, OccasionKind, Relation};
use dangol_core::letters::state::LetterState;
use dangol_core::outbox::mail::smtp::MailErrorCode;
use dangol_core::*;

fn new_shop() -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t
}

/// The lunar month and day that fall on `day`.
fn lunar_of(day: NaiveDate) -> (u32, u32) {
    let year: i32 = day.format("%Y").to_string().parse().unwrap();
    (1..=12u8)
        .flat_map(|m| (1..=30u8).map(move |d| (m, d)))
        .find(|(m, d)| {
            [year - 1, year]
                .iter()
                .any(|y| dates::lunar_to_solar(*y, *m, *d, false) == Some(day))
        })
        .map(|(m, d)| (m.into(), d.into()))
        .unwrap()
}

/// A customer whose mother's lunar birthday falls `days` from today; the
/// date's id.
fn mothers_lunar_birthday(t: &TestShop, customer: i64, days: i64) -> (i64, NaiveDate) {
    let on = Local::now().date_naive() + Duration::days(days);
    let mother = t
        .shop
        .add_family_member(customer, "박순자", Relation::Parent)
        .unwrap();
    let (month, day) = lunar_of(on);
    let id = t
        .shop
        .add_important_date(
            customer,
            &DateInput {
                member_id: Some(mother.id),
                kind: OccasionKind::Birthday,
                label: String::new(),
                year: Some(1956),
                month,
                day,
                lunar: true,
                leap: false,
                age_counting: None,
            },
        )
        .unwrap();
    (id, on)
}

fn marked_sent(t: &TestShop, date_id: i64) -> bool {
    t.shop
        .upcoming_dates(7)
        .unwrap()
        .iter()
        .find(|u| u.date_id == Some(date_id))
        .expect("the day is on the 7-day list")
        .letter_sent
}

#[test]
fn a_new_shops_checklist_is_done_step_by_step() {
    let server = SmtpServer::start();
    let t = new_shop();
    let steps = t.shop.first_day().unwrap();
    assert_eq!(
        (steps.customers, steps.mail, steps.rewards, steps.greeting),
        (false, false, false, false)
    );
    let id = with_email(&t, "이수아", "sua@example.com", false);
    t.shop.save_mail_settings(&server.settings()).unwrap();
    t.shop.note_first_day(FirstDayNote::RewardsSeen).unwrap();
    let steps = t.shop.first_day().unwrap();
    assert_eq!(
        (steps.customers, steps.mail, steps.rewards, steps.greeting),
        (true, true, true, false)
    );
    // A letter only made is no greeting yet; delivered, it is.
    let made = t
        .shop
        .make_letters(Occasion::ThankYou, &[id], letters::store::Channel::Email)
        .unwrap();
    assert!(!t.shop.first_day().unwrap().greeting);
    t.shop.queue_letters(&[made.made[0].id]).unwrap();
    assert!(!t.shop.first_day().unwrap().greeting, "waiting is not sent");
    run(&t.shop, PASSWORD);
    assert!(t.shop.first_day().unwrap().greeting);
    assert!(!t.shop.first_day().unwrap().dismissed);
    t.shop.note_first_day(FirstDayNote::Dismissed).unwrap();
    assert!(t.shop.first_day().unwrap().dismissed);
}

#[test]
fn a_letter_for_a_parents_lunar_birthday_is_sent_only_once_it_reaches_her() {
    let server = SmtpServer::start();
    let t = new_shop();
    t.shop.save_mail_settings(&server.settings()).unwrap();
    let sua = with_email(&t, "이수아", "sua@example.com", false);
    let (date_id, on) = mothers_lunar_birthday(&t, sua, 3);

    let letter = t.shop.write_letter(sua, Some(date_id), on, None).unwrap();
    assert_eq!(letter.state, LetterState::Made);
    assert_eq!(letter.email.as_deref(), Some("sua@example.com"));
    assert!(letter.body.contains("이수아"), "{}", letter.body);
    assert!(!marked_sent(&t, date_id), "a letter only made is not sent");
    // Opened again: the same letter, not a second one.
    let again = t.shop.write_letter(sua, Some(date_id), on, None).unwrap();
    assert_eq!(again.id, letter.id);

    // Emailed to a server that refuses it: failed, with why, not sent.
    t.shop
        .update_customer(sua, &form("이수아", "", "reject@example.com"))
        .unwrap();
    t.shop.queue_letters(&[letter.id]).unwrap();
    assert_eq!(
        t.shop.letters(&[letter.id]).unwrap()[0].state,
        LetterState::MailWaiting
    );
    assert!(!marked_sent(&t, date_id), "waiting is not sent");
    run(&t.shop, PASSWORD);
    let failed = &t.shop.letters(&[letter.id]).unwrap()[0];
    assert_eq!(
        (failed.state, failed.error),
        (LetterState::Failed, Some(MailErrorCode::Rejected))
    );
    assert!(!marked_sent(&t, date_id));

    // Printed instead: it reached her, once, as a printed letter.
    let printed = t.shop.mark_letters_printed(&[letter.id]).unwrap();
    assert!(printed[0].printed_at.is_some());
    assert!(marked_sent(&t, date_id));
    let history = t
        .shop
        .timeline(&TimelineQuery {
            customer_id: sua,
            kinds: vec![HistoryKind::Letter],
            offset: 0,
            limit: 10,
        })
        .unwrap()
        .entries;
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].channel, Some(ContactChannel::Letter));
    // Printing again keeps the first time and adds nothing.
    let twice = t.shop.mark_letters_printed(&[letter.id]).unwrap();
    assert_eq!(twice[0].printed_at, printed[0].printed_at);
    assert_eq!(server.received().len(), 0);
}

#[test]
fn two_childrens_birthdays_are_two_letters_and_a_batch_letter_counts_for_her_own_day() {
    let t = new_shop();
    let minsu = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap()
        .id;
    let on = Local::now().date_naive() + Duration::days(2);
    let mut ids = vec![];
    for name in ["김하늘", "김바다"] {
        let child = t
            .shop
            .add_family_member(minsu, name, Relation::Child)
            .unwrap();
        let input = DateInput {
            member_id: Some(child.id),
            kind: OccasionKind::Birthday,
            label: String::new(),
            year: None,
            month: on.format("%m").to_string().parse().unwrap(),
            day: on.format("%d").to_string().parse().unwrap(),
            lunar: false,
            leap: false,
            age_counting: None,
        };
        ids.push(t.shop.add_important_date(minsu, &input).unwrap());
    }
    let a = t.shop.write_letter(minsu, Some(ids[0]), on, None).unwrap();
    let b = t.shop.write_letter(minsu, Some(ids[1]), on, None).unwrap();
    assert_ne!(a.id, b.id);
    t.shop.mark_letters_printed(&[a.id]).unwrap();
    assert!(marked_sent(&t, ids[0]));
    assert!(!marked_sent(&t, ids[1]), "her brother's letter did not go");
}

#[test]
fn emailing_without_mail_set_up_waits_for_nothing() {
    // The shell refuses to queue without settings and a password; in core,
    // a shop without settings has nothing that claims to be waiting.
    let t = new_shop();
    let id = with_email(&t, "이수아", "sua@example.com", false);
    let made = t
        .shop
        .make_letters(Occasion::ThankYou, &[id], letters::store::Channel::Print)
        .unwrap();
    assert_eq!(made.made[0].state, LetterState::Made);
    assert_eq!(t.shop.outbox_counts().unwrap().queued, 0);
    assert_eq!(t.shop.retriable_mail().unwrap(), 0);
}

#[test]
fn a_letter_that_failed_on_a_wrong_password_is_offered_again_once_fixed() {
    let server = SmtpServer::start();
    let t = new_shop();
    t.shop.save_mail_settings(&server.settings()).unwrap();
    let id = with_email(&t, "이수아", "sua@example.com", false);
    let made = t
        .shop
        .make_letters(Occasion::ThankYou, &[id], letters::store::Channel::Email)
        .unwrap();
    let letter = made.made[0].id;
    t.shop.queue_letters(&[letter]).unwrap();
    run(&t.shop, "not-my-password");
    let failed = &t.shop.letters(&[letter]).unwrap()[0];
    assert_eq!(
        (failed.state, failed.error),
        (LetterState::Failed, Some(MailErrorCode::AuthFailed))
    );
    assert_eq!(t.shop.retriable_mail().unwrap(), 1, "offered 지금 보내기");
    assert_eq!(t.shop.retry_failed_mail().unwrap(), 1);
    assert_eq!(t.shop.retriable_mail().unwrap(), 0);
    run(&t.shop, PASSWORD);
    assert_eq!(
        t.shop.letters(&[letter]).unwrap()[0].state,
        LetterState::Sent
    );
    assert_eq!(server.received().len(), 1);
}
