//! Dangol's core: customers, search and storage over one SQLite file.
//! Nothing here knows about Tauri; the shell calls `Shop`.

pub mod backup;
pub mod consent;
pub mod customers;
pub mod dates;
pub mod db;
pub mod error;
pub mod history;
pub mod import;
pub mod letters;
pub mod loyalty;
pub mod mail;
pub mod migrations;
pub mod reports;
pub mod rights;
pub mod sample;
pub mod search;
pub mod settings;
mod shop;
pub mod staff;
pub mod test_seam;
pub mod text;
pub mod texts;
pub mod trials;
pub mod updates;
pub mod vault;

pub use customers::model::*;
pub use error::{Error, FieldError, FieldErrorCode, Result};
pub use history::model::*;
pub use search::model::{MatchField, SearchHit, SearchResults};
pub use settings::{Country, Language, Settings, SetupInput};
pub use shop::first_day::{FirstDay, FirstDayNote};
pub use shop::loyalty::LoyaltyStatus;
pub use shop::mail::ConsentDue;
pub use shop::Shop;
pub use staff::Staff;
