//! Recognise → classify → reward: points, a stamp card, tiers and coupons,
//! applied by the app on every visit by the shop's rules.

pub mod birthday;
pub mod coupons;
pub mod credit;
pub mod ledger;
pub mod rules;
pub mod status;
pub mod tiers;

use crate::store::words::Book;

/// The loyalty programme's words: the starting tiers' names and stamp reward (`locale/{ko,en}.json`).
pub(crate) static WORDS: Book = Book::new(
    "loyalty",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);

use rusqlite::Connection;

use crate::error::Result;
use crate::store::settings;
use rules::LoyaltyRules;

const KEY: &str = "loyalty_rules";

/// The shop's rules; never saved (a shop from before setup saved its
/// rules): the programme for its language and currency.
pub(crate) fn load_rules(conn: &Connection) -> Result<LoyaltyRules> {
    match settings::get(conn, KEY)? {
        Some(rules) => Ok(rules),
        None => {
            let s = settings::load(conn)?;
            Ok(LoyaltyRules::for_shop(s.language, s.country))
        }
    }
}

pub(crate) fn save_rules(conn: &Connection, rules: &LoyaltyRules) -> Result<()> {
    settings::put(conn, KEY, rules)
}
