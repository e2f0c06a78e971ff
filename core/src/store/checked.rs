//! The whole-file check at open (`check`), and when it can be skipped.
//!
//! `PRAGMA quick_check` reads every page of the shop's file. At 100,000
//! customers that is 0.5 s on a plain file and 1.5 s on an encrypted one
//! (each page is decrypted and its MAC checked): most of the time between
//! the owner's double click and the search box. Yet the file it checks is
//! nearly always the one Dangol closed cleanly itself, a minute or a night
//! earlier.
//!
//! So a clean close (every change folded into the file, the write-ahead
//! log empty) leaves a stamp beside the file (`<file>-checked`): the file's
//! size, times and identity, and when it was last checked whole. The next
//! open trusts the file only when all of these hold:
//! - the stamp is there and names this very file, unchanged (any write, a
//!   copy put in its place, a restore or the first encryption changes its
//!   size, its modification time or its identity);
//! - the write-ahead log is missing or empty (nothing written after the
//!   close);
//! - the last whole check is less than `TRUST_FOR` old, so a disk that
//!   decays under a file nobody writes is still caught within the week.
//!
//! Otherwise (a crash, another program, an old check) the file is checked
//! whole, as before. The stamp is removed once the open is accepted
//! (before anything is written), so a session that ends in a crash leaves
//! none; an open refused (the wrong key) leaves it as it was. What the stamp skips is still caught:
//! SQLite refuses a damaged page when it reads it, and an encrypted page
//! whose MAC fails is refused the same way.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// How long one whole check vouches for a file that is not written.
pub(crate) const TRUST_FOR: Duration = Duration::from_secs(7 * 24 * 3600);

/// What identifies the file as it was left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileId {
    len: u64,
    modified_ns: u64,
    /// Not every file system keeps it (then `None` on both sides).
    created_ns: Option<u64>,
    /// The inode on Unix: a file copied into place is a new one.
    inode: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Stamp {
    file: FileId,
    /// Seconds since 1970 of the last whole check.
    checked_at: u64,
}

fn stamp_path(db: &Path) -> PathBuf {
    PathBuf::from(format!("{}-checked", db.display()))
}

fn nanos(t: std::io::Result<SystemTime>) -> Option<u64> {
    let since = t.ok()?.duration_since(UNIX_EPOCH).ok()?;
    u64::try_from(since.as_nanos()).ok()
}

fn file_id(db: &Path) -> Option<FileId> {
    let m = std::fs::metadata(db).ok()?;
    #[cfg(unix)]
    let inode = Some(std::os::unix::fs::MetadataExt::ino(&m));
    #[cfg(not(unix))]
    let inode = None;
    Some(FileId {
        len: m.len(),
        modified_ns: nanos(m.modified())?,
        created_ns: nanos(m.created()),
        inode,
    })
}

fn wal_is_empty(db: &Path) -> bool {
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    std::fs::metadata(wal).map_or(true, |m| m.len() == 0)
}

/// When the file was last checked whole, if the stamp beside it still
/// describes it (so it need not be checked again now). Reads only: an open
/// refused after this (the wrong key) leaves everything as it was.
pub(crate) fn vouched(db: &Path, now: SystemTime) -> Option<SystemTime> {
    let text = std::fs::read_to_string(stamp_path(db)).ok()?;
    let stamp: Stamp = serde_json::from_str(&text).ok()?;
    let checked_at = UNIX_EPOCH + Duration::from_secs(stamp.checked_at);
    let fresh = now
        .duration_since(checked_at)
        .is_ok_and(|age| age < TRUST_FOR);
    (fresh && wal_is_empty(db) && file_id(db)? == stamp.file).then_some(checked_at)
}

/// Removes the stamp: the open was accepted, and the session may write.
pub(crate) fn forget(db: &Path) {
    let _ = std::fs::remove_file(stamp_path(db));
}

/// Leaves the stamp of a file just closed cleanly, whole-checked at
/// `checked_at`. Best effort: without it, the next open checks the file.
pub(crate) fn leave(db: &Path, checked_at: SystemTime) {
    if !wal_is_empty(db) {
        return;
    }
    let (Some(file), Ok(at)) = (file_id(db), checked_at.duration_since(UNIX_EPOCH)) else {
        return;
    };
    let stamp = Stamp {
        file,
        checked_at: at.as_secs(),
    };
    if let Ok(text) = serde_json::to_string(&stamp) {
        let _ = std::fs::write(stamp_path(db), text);
    }
}

/// Reads every page: `ok`, or what is wrong.
const WHOLE_CHECK: &str = "PRAGMA quick_check";
/// Reads the header and the schema only: a file that is not a database,
/// or that the key does not open, fails it.
const HEAD_CHECK: &str = "SELECT CASE WHEN count(*) >= 0 THEN 'ok' END FROM sqlite_schema";

/// A file that is not a database, or a damaged one, is refused before
/// anything is written to it, so the owner can restore a backup. `whole`:
/// every page is read (else the stamp of a clean close vouches for them).
pub(crate) fn check(conn: &Connection, encrypted: bool, whole: bool) -> Result<()> {
    let sql = if whole { WHOLE_CHECK } else { HEAD_CHECK };
    let verdict: rusqlite::Result<String> = conn.query_row(sql, [], |r| r.get(0));
    match verdict {
        Ok(v) if v == "ok" => Ok(()),
        Ok(v) => Err(Error::Corrupt(v)),
        // An encrypted file whose first page the key does not open.
        Err(rusqlite::Error::SqliteFailure(e, _))
            if encrypted && e.code == rusqlite::ErrorCode::NotADatabase =>
        {
            Err(Error::WrongKey)
        }
        Err(rusqlite::Error::SqliteFailure(e, msg))
            if matches!(
                e.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) =>
        {
            Err(Error::Corrupt(msg.unwrap_or_else(|| e.to_string())))
        }
        Err(e) => Err(e.into()),
    }
}
