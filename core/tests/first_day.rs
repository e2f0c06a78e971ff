//! The first day of a new shop, on a real file: the checklist, a letter
//! written for one of her days (a parent's lunar birthday), its one honest
//! state (only printed or delivered letters count as sent), a credit sale
//! that records what was bought, paid and owed with points on the money
//! received, and one definition of a visit shared with the reports.

mod common;

use chrono::{Duration, Local, NaiveDate, TimeZone, Utc};
use common::mail_shop::{run, with_email};
use common::smtp::{SmtpServer, PASSWORD};
use common::{form, pay, TestShop};
use dangol_core::dates::occasions::{DateInput, OccasionKind, Relation};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::state::LetterState;
use dangol_core::loyalty::rules::CreditPoints;
use dangol_core::loyalty::visit::VisitInput;
use dangol_core::mail::smtp::MailErrorCode;
use dangol_core::reports::{ReportPeriod, ReportQuery};
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

fn credit_visit(amount: &str, paid: &str) -> VisitInput {
    VisitInput {
        sale: SaleInput {
            amount: amount.into(),
            credit: true,
            paid_now: paid.into(),
            ..Default::default()
        },
        ..Default::default()
    }
}

#[test]
fn a_credit_sale_earns_points_on_what_was_paid_and_the_rest_when_the_tab_is_paid() {
    let t = new_shop();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id;
    let out = t
        .shop
        .record_visit(id, &credit_visit("48,000", "20,000"))
        .unwrap();
    assert_eq!((out.net, out.paid, out.owed), (48_000, 20_000, 28_000));
    assert_eq!(out.points_earned, 600, "3 % of the 20,000 paid");
    assert_eq!(out.points_on_payment, 840, "3 % of the 28,000 owed, later");
    assert_eq!(t.shop.balance_owed(id).unwrap(), 28_000);
    // Her tier and the reports count what she bought.
    let status = t.shop.loyalty_status(id).unwrap();
    assert_eq!(status.spend_in_window, 48_000);

    t.shop.record_payment(id, &pay("10,000")).unwrap();
    assert_eq!(t.shop.points_balance(id).unwrap(), 900, "+300 for 10,000");
    t.shop.record_payment(id, &pay("18,000")).unwrap();
    assert_eq!(
        t.shop.points_balance(id).unwrap(),
        1_440,
        "3 % of 48,000 in all"
    );
    assert_eq!(t.shop.balance_owed(id).unwrap(), 0);

    // A shop that gives points on the whole sale at once: nothing later.
    let mut rules = t.shop.loyalty_rules().unwrap();
    rules.points.on_credit = CreditPoints::AtSale;
    t.shop.update_loyalty_rules(&rules).unwrap();
    let out = t
        .shop
        .record_visit(id, &credit_visit("10,000", ""))
        .unwrap();
    assert_eq!((out.paid, out.owed), (0, 10_000));
    assert_eq!((out.points_earned, out.points_on_payment), (300, 0));
    t.shop.record_payment(id, &pay("10,000")).unwrap();
    assert_eq!(t.shop.points_balance(id).unwrap(), 1_740);

    // The ledger is the sum of its entries, and the reports count the
    // points earned on payments in the month they were earned.
    let r = t
        .shop
        .reports(&ReportQuery {
            period: ReportPeriod::LastMonths { months: 2 },
            return_days: 30,
        })
        .unwrap();
    assert_eq!(r.rewards.total.points_earned, 1_740);
    assert_eq!(r.activity.total.revenue, 58_000);
}

#[test]
fn paying_a_tab_from_before_the_rule_earns_nothing_twice() {
    let t = new_shop();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id;
    // A plain credit sale (not through the loyalty visit): no points wait.
    t.shop
        .record_sale(id, &common::sale("30,000", true, "", "원피스"))
        .unwrap();
    t.shop.record_payment(id, &pay("30,000")).unwrap();
    assert_eq!(t.shop.points_balance(id).unwrap(), 0);
}

/// Sets the time of her `n`-th sale (oldest first) to a local time.
fn sale_at(t: &TestShop, customer: i64, n: usize, local: chrono::NaiveDateTime) {
    let utc = Local
        .from_local_datetime(&local)
        .earliest()
        .unwrap()
        .with_timezone(&Utc);
    t.shop
        .db()
        .with_tx(|tx| {
            let id: i64 = tx.query_row(
                "SELECT id FROM history WHERE customer_id = ?1 AND kind = 'sale'
                 ORDER BY id LIMIT 1 OFFSET ?2",
                rusqlite::params![customer, n as i64],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE history SET happened_at = ?2 WHERE id = ?1",
                rusqlite::params![id, utc],
            )?;
            Ok(())
        })
        .unwrap();
}

#[test]
fn a_visit_is_a_day_with_a_purchase_on_her_screen_her_tier_and_the_reports() {
    let t = new_shop();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-2345-6789", ""))
        .unwrap()
        .id;
    for amount in ["10,000", "5,000", "7,000"] {
        t.shop
            .record_visit(
                id,
                &VisitInput {
                    sale: SaleInput {
                        amount: amount.into(),
                        ..Default::default()
                    },
                    ..Default::default()
                },
            )
            .unwrap();
    }
    // Two purchases late one evening, a third just after midnight.
    let yesterday = Local::now().date_naive() - Duration::days(1);
    let evening = yesterday.and_hms_opt(21, 50, 0).unwrap();
    sale_at(&t, id, 0, evening);
    sale_at(&t, id, 1, yesterday.and_hms_opt(23, 50, 0).unwrap());
    sale_at(
        &t,
        id,
        2,
        (yesterday + Duration::days(1))
            .and_hms_opt(0, 10, 0)
            .unwrap(),
    );
    t.shop.recompute_tiers().unwrap();

    let story = t.shop.customer_story(id).unwrap();
    assert_eq!((story.visits, story.total_spent), (2, 22_000));
    let status = t.shop.loyalty_status(id).unwrap();
    assert_eq!(status.visits_in_window, 2);
    let r = t
        .shop
        .reports(&ReportQuery {
            period: ReportPeriod::LastMonths { months: 2 },
            return_days: 30,
        })
        .unwrap();
    let top = r
        .top
        .customers
        .iter()
        .find(|c| c.customer_id == id)
        .unwrap();
    assert_eq!((top.visits, top.revenue), (2, 22_000));
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
