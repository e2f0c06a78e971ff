//! Dangol's core: customers, search and storage over one SQLite file.
//! Nothing here knows about Tauri; the shell calls `Shop`.

pub mod backup;
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
pub mod sample;
mod sample_history;
mod sample_rewards;
pub mod search;
pub mod settings;
mod shop;
mod shop_data;
mod shop_dates;
mod shop_first_day;
mod shop_history;
mod shop_letters;
mod shop_loyalty;
mod shop_mail;
mod shop_reports;
mod shop_texts;
mod shop_trials;
mod shop_updates;
pub mod staff;
pub mod test_seam;
pub mod text;
pub mod texts;
pub mod trials;
pub mod updates;

pub use customers::model::*;
pub use error::{Error, FieldError, FieldErrorCode, Result};
pub use history::model::*;
pub use search::model::{MatchField, SearchHit, SearchResults};
pub use settings::{Country, Language, Settings, SetupInput};
pub use shop::Shop;
pub use shop_first_day::{FirstDay, FirstDayNote};
pub use shop_loyalty::LoyaltyStatus;
pub use shop_mail::ConsentDue;
pub use staff::Staff;
