//! Instant customer lookup. See `index` for why it is in memory.

pub mod hangul;
pub mod index;
pub mod model;
mod query;

pub use index::SearchIndex;
