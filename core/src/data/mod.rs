//! The shop's data as files: Excel and CSV in and out (`import`),
//! backups and restoring them (`backup`), encryption at rest and its keys
//! (`vault`), and new versions of the app, which back up first (`updates`).

pub mod backup;
pub mod import;
pub mod updates;
pub mod vault;

use crate::store::words::Book;

/// The export's words: headers, sheet names and kinds (`locale/{ko,en}.json`).
pub(crate) static WORDS: Book = Book::new(
    "data",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);
