//! Shops and family days for the letters-by-relation tests: a shop in
//! either language, a family member with a day some days from today, and
//! the letter a batch makes for her.

use chrono::{Datelike, Duration, Local, NaiveDate};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::dates;
use dangol_core::letters::dates::occasions::{DateInput, OccasionKind, Relation};
use dangol_core::letters::store::{Channel, Letter};
use dangol_core::*;

use super::{form, TestShop};

pub fn shop(language: Language, country: Country, name: &str) -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: name.into(),
            country,
            language,
            with_sample: false,
        })
        .unwrap();
    t
}

pub fn korean() -> TestShop {
    shop(Language::Ko, Country::KR, "행복한 세탁소")
}

pub fn english() -> TestShop {
    shop(Language::En, Country::US, "Happy Cleaners")
}

pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// A solar day `days` from today for someone who turns `age` (만) on it.
pub fn day_in(kind: OccasionKind, member: Option<i64>, days: i64, age: Option<i32>) -> DateInput {
    let on = today() + Duration::days(days);
    DateInput {
        member_id: member,
        kind,
        label: String::new(),
        year: age.map(|a| on.year() - a),
        month: on.month(),
        day: on.day(),
        lunar: false,
        leap: false,
        age_counting: None,
    }
}

/// A customer with one family member whose day is in 3 days.
pub fn with_family_day(
    t: &TestShop,
    customer: &str,
    member: &str,
    relation: Relation,
    kind: OccasionKind,
    age: Option<i32>,
) -> (i64, i64) {
    let n = t.shop.customer_count().unwrap();
    let id = t
        .shop
        .create_customer(&form(customer, &format!("+82 10-7300-{n:04}"), ""))
        .unwrap()
        .id;
    let m = t.shop.add_family_member(id, member, relation).unwrap();
    let date = t
        .shop
        .add_important_date(id, &day_in(kind, Some(m.id), 3, age))
        .unwrap();
    (id, date)
}

pub fn upcoming_of(t: &TestShop, id: i64) -> dates::occasions::Upcoming {
    t.shop
        .upcoming_dates(7)
        .unwrap()
        .into_iter()
        .find(|u| u.customer_id == id)
        .expect("her day is coming up")
}

pub fn letter(t: &TestShop, occasion: Occasion, id: i64) -> Letter {
    let made = t
        .shop
        .make_letters(occasion, &[id], Channel::Print)
        .unwrap();
    made.made.into_iter().next().expect("a letter made")
}
