//! Helpers shared by the integration tests: a shop on a real SQLite file in
//! a temporary folder, and a quick way to write a customer form.
#![allow(dead_code, clippy::new_without_default)]

pub mod family_days;
pub mod files;
pub mod imports;
pub mod mail_shop;
pub mod report_shop;
pub mod rights_shop;
pub mod smtp;
pub mod solapi;
pub mod solapi_http;
pub mod text_shop;

use std::sync::Arc;

use dangol_core::store::clock::TravelClock;
use dangol_core::{
    CustomerInput, Error, FieldErrorCode, PaymentInput, PhoneInput, PhoneLabel, SaleInput, Shop,
};

/// A shop on a real file, with a clock the test can move
/// (`t.clock.travel_to(..)`) to make what happened back then.
pub struct TestShop {
    pub shop: Shop,
    pub dir: tempfile::TempDir,
    pub clock: Arc<TravelClock>,
}

impl TestShop {
    pub fn new() -> TestShop {
        let dir = tempfile::tempdir().expect("temp dir");
        let clock = Arc::new(TravelClock::new());
        let shop = Shop::open_with(dir.path().join("dangol.sqlite3"), None, clock.clone())
            .expect("open shop");
        TestShop { shop, dir, clock }
    }

    pub fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("dangol.sqlite3")
    }

    /// Closes the shop and opens the same file again.
    pub fn reopen(self) -> TestShop {
        let TestShop { shop, dir, clock } = self;
        drop(shop);
        let shop = Shop::open_with(dir.path().join("dangol.sqlite3"), None, clock.clone())
            .expect("reopen shop");
        TestShop { shop, dir, clock }
    }
}

pub fn form(name: &str, phone: &str, email: &str) -> CustomerInput {
    CustomerInput {
        name: name.into(),
        phones: if phone.is_empty() {
            vec![]
        } else {
            vec![PhoneInput {
                label: PhoneLabel::default(),
                number: phone.into(),
            }]
        },
        email: email.into(),
        ..Default::default()
    }
}

/// A customer with the next free number in a made-up block.
pub fn customer(t: &TestShop, name: &str) -> i64 {
    let n = t.shop.customer_count().unwrap();
    t.shop
        .create_customer(&form(name, &format!("+82 10-7000-{n:04}"), ""))
        .unwrap()
        .id
}

pub fn sale(amount: &str, credit: bool, paid_now: &str, items: &str) -> SaleInput {
    SaleInput {
        amount: amount.into(),
        items: items.into(),
        credit,
        paid_now: paid_now.into(),
        ..Default::default()
    }
}

pub fn pay(amount: &str) -> PaymentInput {
    PaymentInput {
        amount: amount.into(),
        ..Default::default()
    }
}

pub fn field_codes(e: Error) -> Vec<(String, FieldErrorCode)> {
    match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

/// A customer whose birthday is `days` from today (no year).
pub fn birthday_in(t: &TestShop, days: i64, name: &str, phone: &str, email: &str) -> i64 {
    let today = chrono::Local::now().date_naive();
    let mut input = form(name, phone, email);
    input.birthday = (today + chrono::Duration::days(days))
        .format("%m-%d")
        .to_string();
    t.shop.create_customer(&input).unwrap().id
}

/// Whether 오늘's upcoming days mark her day's letter as gone.
pub fn letter_marked_sent(t: &TestShop, customer_id: i64) -> bool {
    t.shop
        .upcoming_dates(7)
        .unwrap()
        .iter()
        .find(|u| u.customer_id == customer_id)
        .unwrap()
        .letter_sent
}
