//! Texts tests' shop: set up with the stand-in's settings, customers with
//! a Korean mobile, letters queued and sent the way the app does it.

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::outbox::{OutboxItem, OutboxStatus};
use dangol_core::outbox::texts::queue::TextPlan;
use dangol_core::outbox::texts::sender::{TextPolicy, TextRunEnd};
use dangol_core::outbox::texts::settings::TextSettings;
use dangol_core::outbox::texts::solapi::Solapi;
use dangol_core::SetupInput;

use super::solapi::{StandIn, KEY, SECRET, SENDER};
use super::{form, TestShop};

pub fn settings() -> TextSettings {
    TextSettings {
        sender_number: "02-1234-5678".into(),
        opt_out_number: "080-123-4567".into(),
        per_second: 0,
        ..Default::default()
    }
}

pub fn shop() -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: dangol_core::Country::KR,
            language: dangol_core::Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t.shop.save_text_settings(&settings()).unwrap();
    t
}

/// The provider as the app builds it, pointed at the stand-in; a short
/// timeout so the SLOW fault takes a second.
pub fn provider(s: &StandIn) -> Solapi {
    Solapi::new(&s.base, KEY, SECRET, Duration::from_secs(1))
}

pub fn wrong_secret(s: &StandIn) -> Solapi {
    Solapi::new(&s.base, KEY, "not-the-secret", Duration::from_secs(1))
}

/// Never sleeps: a run that would wait ends and says until when.
pub fn policy() -> TextPolicy {
    TextPolicy {
        max_wait: Duration::ZERO,
        ..Default::default()
    }
}

/// A customer with this mobile, agreeing to texts or not.
pub fn with_mobile(t: &TestShop, name: &str, mobile: &str, consent: bool) -> i64 {
    let mut f = form(name, mobile, "");
    f.consent_sms = consent;
    t.shop.create_customer(&f).unwrap().id
}

pub fn letters(t: &TestShop, occasion: Occasion, ids: &[i64]) -> Vec<i64> {
    let made = t.shop.make_letters(occasion, ids, Channel::Email).unwrap();
    made.made.iter().map(|l| l.id).collect()
}

/// The shop's clock at `rfc3339` (its offset becomes the shop's zone), from
/// where time goes on.
pub fn set_time(t: &TestShop, rfc3339: &str) {
    let at = chrono::DateTime::parse_from_rfc3339(rfc3339).unwrap();
    t.clock.set_zone(*at.offset());
    t.clock.travel_to(at.to_utc());
}

pub fn queue(t: &TestShop, letters: &[i64]) -> TextPlan {
    t.shop.queue_texts(letters, false).unwrap()
}

pub fn run(t: &TestShop, p: &Solapi) -> TextRunEnd {
    t.shop
        .send_texts(p, &policy(), &AtomicBool::new(false), &mut || {})
        .unwrap()
}

pub fn item(t: &TestShop, name: &str) -> OutboxItem {
    t.shop
        .outbox(5000)
        .unwrap()
        .into_iter()
        .find(|i| i.customer_name == name)
        .unwrap_or_else(|| panic!("{name} is not in the outbox"))
}

pub fn status(t: &TestShop, name: &str) -> OutboxStatus {
    item(t, name).status
}

pub const SENDER_DIGITS: &str = SENDER;
