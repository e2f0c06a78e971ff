//! Mail tests' shop: set up with the loopback server's settings, customers
//! with an email, letters queued and sent the way the app does it.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Timelike, Utc};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::outbox::OutboxStatus;
use dangol_core::outbox::mail::sender::{Policy, RunEnd};
use dangol_core::outbox::mail::smtp::MailErrorCode;
use dangol_core::store::clock::Clock;
use dangol_core::{HistoryKind, SetupInput};

use super::smtp::{SmtpServer, PASSWORD};
use super::{form, TestShop};

/// Short waits, so the fault tests take seconds.
pub fn quick() -> Policy {
    Policy {
        timeout: Duration::from_secs(2),
        retry_after: Duration::from_millis(300),
        max_attempts: 3,
        max_wait: Duration::from_secs(5),
    }
}

pub fn shop(server: &SmtpServer) -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: dangol_core::Country::KR,
            language: dangol_core::Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t.shop.save_mail_settings(&server.settings()).unwrap();
    t
}

/// A customer with this email, agreeing to email or not.
pub fn with_email(t: &TestShop, name: &str, email: &str, consent: bool) -> i64 {
    let n = t.shop.customer_count().unwrap();
    let mut f = form(name, &format!("010-7100-{n:04}"), email);
    f.consent_email = consent;
    t.shop.create_customer(&f).unwrap().id
}

/// Makes the occasion's letters and puts them in the outbox; their ids.
pub fn queue(t: &TestShop, occasion: Occasion, ids: &[i64], channel: Channel) -> Vec<i64> {
    let made = t.shop.make_letters(occasion, ids, channel).unwrap();
    let letters: Vec<i64> = made.made.iter().map(|l| l.id).collect();
    t.shop.queue_letters(&letters).unwrap();
    letters
}

/// The real time, in a time zone where it is now about noon: the sender
/// holds advertising at night (21:00–08:00 shop time), and these tests are
/// about the rest of its work, whenever they run.
pub struct Daytime(FixedOffset);

impl Daytime {
    pub fn now() -> Daytime {
        let hours = 12 - Utc::now().hour() as i32;
        Daytime(FixedOffset::east_opt(hours * 3600).expect("an offset"))
    }
}

impl Clock for Daytime {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    fn local(&self, t: DateTime<Utc>) -> NaiveDateTime {
        t.with_timezone(&self.0).naive_local()
    }
    fn utc(&self, local: NaiveDateTime) -> DateTime<Utc> {
        (local - self.0).and_utc()
    }
}

/// One run of the sender, as the app's background thread does it.
pub fn run(shop: &dangol_core::Shop, password: &str) -> RunEnd {
    shop.send_outbox_at(
        &Daytime::now(),
        password,
        &quick(),
        &AtomicBool::new(false),
        &mut || {},
    )
    .unwrap()
}

pub fn send(t: &TestShop, occasion: Occasion, ids: &[i64]) -> (Vec<i64>, RunEnd) {
    let letters = queue(t, occasion, ids, Channel::Email);
    (letters, run(&t.shop, PASSWORD))
}

/// The letters in her history, newest first.
pub fn letters_in_history(t: &TestShop, customer_id: i64) -> Vec<dangol_core::HistoryEntry> {
    t.shop
        .timeline(&dangol_core::TimelineQuery {
            customer_id,
            kinds: vec![HistoryKind::Letter],
            offset: 0,
            limit: 50,
        })
        .unwrap()
        .entries
}

pub fn status_of(t: &TestShop, name: &str) -> (OutboxStatus, Option<MailErrorCode>, u32) {
    let item = t
        .shop
        .outbox(100)
        .unwrap()
        .into_iter()
        .find(|i| i.customer_name == name)
        .unwrap_or_else(|| panic!("{name} is not in the outbox"));
    (item.status, item.error, item.attempts)
}

pub fn addressed_to<'a>(got: &'a [serde_json::Value], who: &str) -> Vec<&'a serde_json::Value> {
    got.iter()
        .filter(|m| m["envelopeTo"][0].as_str().unwrap().starts_with(who))
        .collect()
}
