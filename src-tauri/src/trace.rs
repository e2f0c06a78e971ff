//! The app's log: `tracing` to a file in the data folder's `logs/`, a new
//! file each day, the last `KEEP_DAYS` kept. It records what failed and
//! when — the command, its error code, the kind of error (a SQLite error
//! code, an I/O error kind, the form fields refused) — so a problem can be
//! understood later, and never what the owner or her customers typed:
//! no names, phones, letters, notes or passwords. That is why errors are
//! logged through `failed` only, which writes codes, never messages
//! (a SQLite message can quote a value; a path can hold a name).
//!
//! `failed` is the one place a failure is written; every command's error
//! passes through it when it becomes an `AppError`.

use std::path::{Path, PathBuf};

use tracing_appender::rolling::{Builder, Rotation};
use tracing_subscriber::fmt::time::ChronoUtc;

use crate::error::ErrorCode;

/// How many days of logs are kept.
pub const KEEP_DAYS: usize = 14;

/// The log folder beside the database.
pub fn log_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("logs")
}

/// Starts writing the log to `dir`. A folder that cannot be written (a
/// read-only disk) leaves the app without a log rather than without a
/// window.
pub fn init(dir: &Path) {
    let _ = std::fs::create_dir_all(dir);
    let appender = Builder::new()
        .rotation(Rotation::DAILY)
        .filename_prefix("dangol")
        .filename_suffix("log")
        .max_log_files(KEEP_DAYS)
        .build(dir);
    let appender = match appender {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dangol: no log file in {}: {e}", dir.display());
            return;
        }
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_ansi(false)
        .with_target(false)
        .with_timer(ChronoUtc::rfc_3339())
        .with_max_level(tracing::Level::INFO)
        .try_init();
}

/// Writes one failure: its code and kind, under the command's span.
pub fn failed(code: ErrorCode, kind: &str) {
    tracing::warn!(code = ?code, kind, "failed");
}
