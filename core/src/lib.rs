//! Dangol's core: customers, search and storage over one SQLite file.
//! Nothing here knows about Tauri; the shell calls `Shop`.

pub mod data;
pub mod error;
pub mod history;
pub mod letters;
pub mod loyalty;
pub mod outbox;
pub mod people;
pub mod reports;
pub mod sample;
pub mod search;
mod shop;
pub mod store;

pub use error::{Error, FieldError, FieldErrorCode, Result};
pub use history::model::*;
pub use history::sale::SaleOutcome;
pub use loyalty::status::LoyaltyStatus;
pub use people::consent::notice::ConsentDue;
pub use people::customers::model::*;
pub use people::staff::Staff;
pub use search::model::{MatchField, SearchHit, SearchResults};
pub use shop::first_day::{FirstDay, FirstDayNote};
pub use shop::Shop;
pub use store::settings::{Country, Language, Settings, SetupInput};
