//! Customers in from Excel and text files (and, in `export`, out again).
//!
//! The way in, in order: `limits` (what a file may be), `sniff` (what it
//! is), `text` / `workbook` / `xls_guard` (its cells), `mapping` (which
//! column is what), `cells` (phones and dates as people write them), `row`
//! (a row to a customer, bad cells left out with a warning), `dupes` (who is
//! already known, in the shop or earlier in the file), `plan` (preview and
//! import) and `warnings` (what was left out, kept for her screen).

pub mod cells;
pub mod dupes;
pub mod export;
pub mod fill;
pub mod limits;
pub mod mapping;
pub mod plan;
pub mod read;
pub mod row;
mod run;
pub mod sniff;
pub mod text;
pub mod warnings;
pub mod workbook;
mod xls_guard;
