//! IPC commands, one file per area. Each is a thin call into the core.

pub mod app;
pub mod consent;
pub mod customers;
pub mod data;
pub mod dates;
pub mod history;
pub mod imports;
pub mod letters;
pub mod lock;
pub mod lock_staff;
pub mod loyalty;
pub mod mail;
pub mod notices;
pub mod reports;
pub mod rights;
pub mod settings;
pub mod texts;
pub mod trials;
pub mod updates;
