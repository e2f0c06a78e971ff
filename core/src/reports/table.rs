//! The numbers behind a chart, as one table: shown under "숫자 보기" and
//! written to .xlsx from the same rows, so the two never disagree.

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::store::settings::Language;

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

/// Korean or English text for a header.
pub fn tr(lang: Language, ko: &str, en: &str) -> String {
    match lang {
        Language::Ko => ko.to_string(),
        Language::En => en.to_string(),
    }
}

impl ReportTable {
    pub fn new(title: String, columns: &[(&str, &str)], lang: Language) -> ReportTable {
        ReportTable {
            title,
            columns: columns.iter().map(|(ko, en)| tr(lang, ko, en)).collect(),
            rows: vec![],
        }
    }
}
