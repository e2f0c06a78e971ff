//! Letters in correct Korean: particles chosen by the name (`josa`),
//! owners' templates rendered safely (`template`, sentences with an empty
//! placeholder left out), the built-in letters by occasion and relation
//! (`builtin`), what the placeholders become for a customer (`values`),
//! who a batch goes to (`audience`) and the letters made (`store`).

pub mod audience;
pub mod builtin;
pub mod dates;
pub mod for_day;
pub mod josa;
mod sentences;
pub mod state;
pub mod store;
pub mod template;
pub mod values;

use crate::store::words::Book;

/// The letters' words: the built-in letters, and what placeholders
/// become (dates, family, birthdays, coupons) — `locale/{ko,en}.json`.
pub(crate) static WORDS: Book = Book::new(
    "letters",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);

/// The keyword-index terms for a text (letters are searchable history).
pub(crate) fn terms_for(text: &str) -> String {
    crate::history::terms::index_terms(text)
}
