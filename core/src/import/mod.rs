//! Customers in from Excel and CSV files (and, in `export`, out again).

pub mod export;
pub mod fill;
pub mod mapping;
pub mod plan;
pub mod read;
