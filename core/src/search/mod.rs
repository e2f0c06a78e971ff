//! Instant customer lookup. See `index` for why it is in memory.

mod best;
mod column;
pub mod hangul;
pub mod index;
pub mod model;
mod query;
mod rows;

pub use best::COUNT_CAP;
pub use index::SearchIndex;
pub use query::fold;
