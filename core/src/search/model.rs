//! What the search box gets back.

use serde::Serialize;
use ts_rs::TS;

/// Which part of the record the query matched, so the UI can say why a
/// customer is in the list ("전화 뒷자리", "초성", …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MatchField {
    Name,
    Initials,
    Phone,
    Email,
    CardNo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchHit {
    pub id: i64,
    pub card_no: i64,
    pub name: String,
    /// The phone that matched, or the first one, as people write it.
    pub phone: Option<String>,
    pub email: Option<String>,
    pub matched: MatchField,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SearchResults {
    /// The query these results answer, so a late answer to an older
    /// keystroke can be recognised and dropped.
    pub query: String,
    /// How many customers matched in all; `hits` holds the best of them.
    /// When `total_capped`, counting stopped there: at least this many.
    pub total: u32,
    /// The count reached `COUNT_CAP` and stopped ("1,000명 이상"): a
    /// count to the end would cost every keystroke the whole shop.
    pub total_capped: bool,
    pub hits: Vec<SearchHit>,
}
