//! Customer records: what they hold, how input is checked, how they are
//! stored.

pub mod birthday;
pub mod insert;
pub mod merge;
pub mod model;
pub mod phone;
pub mod store;
pub mod validate;
