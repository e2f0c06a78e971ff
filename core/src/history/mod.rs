//! Each customer's story: sales and payments (with what she still owes),
//! contacts, complaints, follow-ups and notes, and keyword search over all
//! of it. Entries are appended; money is integer minor units.

pub mod cases;
pub mod entries;
pub mod model;
pub mod money;
pub mod sale;
pub mod search;
pub mod terms;
pub mod trials;
pub mod visits;

use crate::store::words::Book;

/// The history's words: the trial notes' labels (`locale/{ko,en}.json`).
pub(crate) static WORDS: Book = Book::new(
    "history",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);
