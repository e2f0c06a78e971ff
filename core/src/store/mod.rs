//! Storage and what every area shares: the SQLite file and its
//! connections (`db`), the long reads beside the app that its close
//! interrupts (`reads`), when opening it may skip reading every page
//! (`checked`), its schema steps (`migrations`), the shop's
//! settings read and written one way (`settings`), helpers for rows
//! (`rows`), the injectable clock (`clock`), how typed text is cleaned
//! before it is stored (`text`) and the end-to-end tests' seam
//! (`test_seam`, compiled out of release builds).

pub(crate) mod checked;
pub mod clock;
pub mod db;
pub mod migrations;
pub mod reads;
pub mod rows;
pub mod settings;
pub mod test_seam;
pub mod text;
pub mod words;
