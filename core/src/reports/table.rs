//! The numbers behind a chart, as one table: shown under "숫자 보기" and
//! written to .xlsx from the same rows, so the two never disagree.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::store::settings::Language;
use crate::store::words::Book;

/// One cell; the screen formats it in the owner's language, Excel gets a
/// number where it is one.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
#[ts(export)]
pub enum Cell {
    Text(String),
    Count(i64),
    /// Minor units of the shop currency.
    Money(i64),
    /// A share in 0..=1; none when there was nothing to divide.
    Share(Option<f64>),
    Days(Option<u32>),
    Date(NaiveDate),
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReportTable {
    /// Also the worksheet's name.
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// The reports' words: titles, headers and names (`locale/{ko,en}.json`).
pub(crate) static WORDS: Book = Book::new(
    "reports",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);

/// The text of a report word in `lang`.
pub(crate) fn say(lang: Language, key: &str) -> String {
    WORDS.say(lang, key)
}

impl ReportTable {
    /// A table titled `title`, its columns named by report-word keys.
    pub fn new(title: String, columns: &[&str], lang: Language) -> ReportTable {
        ReportTable {
            title,
            columns: columns.iter().map(|key| say(lang, key)).collect(),
            rows: vec![],
        }
    }
}
