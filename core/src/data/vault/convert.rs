//! Turning a plaintext shop into an encrypted one, once. The plain file is
//! backed up first, then copied whole into a new encrypted file with
//! SQLCipher's `sqlcipher_export`, and the new file is renamed over the old
//! one: a crash or a kill leaves the old file or the new one, never
//! neither and never half of one. Plain backups are encrypted the same way,
//! one at a time.

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::{is_plaintext, key_connection, DbKey};
use crate::data::backup::{self, BackupReason};
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    /// The file was encrypted already, or there was none yet.
    NothingToDo,
    /// A plaintext shop was encrypted (its backup was taken first).
    Converted,
}

const ENCRYPTING: &str = "encrypting";

fn encrypting_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".{ENCRYPTING}"));
    PathBuf::from(name)
}

/// Removes what a conversion killed before its rename left beside `path`.
pub fn remove_leftovers(path: &Path) {
    let tmp = encrypting_path(path);
    for end in ["", "-journal", "-wal", "-shm"] {
        let mut name = tmp.as_os_str().to_owned();
        name.push(end);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

/// Copies the plaintext database `source` of `plain` into a new encrypted
/// file `to` (removed first if a crash left it), with its version and mark.
fn export(plain: &Connection, source: &str, to: &Path, key: &DbKey) -> Result<()> {
    let _ = std::fs::remove_file(to);
    let literal = key.sql_literal();
    plain.execute("ATTACH DATABASE ?1 AS enc KEY ''", [to.to_string_lossy()])?;
    let copied = (|| -> Result<()> {
        plain.execute_batch(&format!("PRAGMA enc.key = {literal};"))?;
        plain.query_row("SELECT sqlcipher_export('enc', ?1)", [source], |_| Ok(()))?;
        let version: i64 =
            plain.query_row(&format!("PRAGMA {source}.user_version"), [], |r| r.get(0))?;
        let app: i64 =
            plain.query_row(&format!("PRAGMA {source}.application_id"), [], |r| r.get(0))?;
        plain.execute_batch(&format!(
            "PRAGMA enc.user_version = {version}; PRAGMA enc.application_id = {app};"
        ))?;
        Ok(())
    })();
    plain.execute_batch("DETACH DATABASE enc")?;
    copied?;
    std::fs::File::open(to)?.sync_all()?;
    Ok(())
}

/// Puts `tmp` in place of `path`, atomically, and makes the rename durable.
fn replace(tmp: &Path, path: &Path) -> Result<()> {
    std::fs::rename(tmp, path)?;
    #[cfg(unix)]
    if let Some(dir) = path.parent() {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}

/// Encrypts the shop at `path` with `key` if it is plaintext; its backups
/// (beside it) follow. A new or already encrypted shop is left as it is.
pub fn encrypt_shop(path: &Path, key: &DbKey) -> Result<Conversion> {
    remove_leftovers(path);
    if !is_plaintext(path) {
        return Ok(Conversion::NothingToDo);
    }
    let tmp = encrypting_path(path);
    {
        let plain = Connection::open(path)?;
        // Everything in the main file, the log gone: the rename below must
        // not leave an old `-wal` beside the new file.
        plain.pragma_update(None, "journal_mode", "DELETE")?;
        let dir = backup::folder_beside(path);
        backup::write(&plain, &dir, BackupReason::BeforeEncryption, None)?;
        export(&plain, "main", &tmp, key)?;
    }
    replace(&tmp, path)?;
    encrypt_backups(&backup::folder_beside(path), key)?;
    Ok(Conversion::Converted)
}

/// Encrypts every plaintext backup in `dir` in place (each through a new
/// file and a rename, like the shop). Returns how many were converted.
pub fn encrypt_backups(dir: &Path, key: &DbKey) -> Result<usize> {
    let mut done = 0;
    for b in backup::list(dir) {
        let path = PathBuf::from(&b.path);
        remove_leftovers(&path);
        if !is_plaintext(&path) {
            continue;
        }
        let tmp = encrypting_path(&path);
        {
            let plain = Connection::open(&path)?;
            export(&plain, "main", &tmp, key)?;
        }
        // A backup is one self-contained file: no log beside it.
        {
            let copy = Connection::open(&tmp)?;
            key_connection(&copy, Some(key))?;
            copy.pragma_update(None, "journal_mode", "DELETE")?;
        }
        replace(&tmp, &path)?;
        done += 1;
    }
    Ok(done)
}

/// An encrypted copy `to` of the plain file `from`, which is only read
/// (opened `immutable`: nothing is written beside it, a USB stick's file
/// included).
pub fn encrypt_copy(from: &Path, to: &Path, key: &DbKey) -> Result<()> {
    reencrypt_copy(from, None, to, key)
}

/// `encrypt_copy` of a file encrypted under `from_key` (none: plain): a
/// backup made under another key becomes one under `key`.
pub fn reencrypt_copy(from: &Path, from_key: Option<&DbKey>, to: &Path, key: &DbKey) -> Result<()> {
    let conn = Connection::open_in_memory_with_flags(
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE
            | rusqlite::OpenFlags::SQLITE_OPEN_CREATE
            | rusqlite::OpenFlags::SQLITE_OPEN_URI,
    )?;
    let from_key = from_key
        .map(|k| format!("x'{}'", k.to_hex()))
        .unwrap_or_default();
    conn.execute(
        "ATTACH DATABASE ?1 AS src KEY ?2",
        (backup::immutable_uri(from), from_key.as_str()),
    )?;
    let made = export(&conn, "src", to, key);
    if made.is_err() {
        let _ = std::fs::remove_file(to);
    }
    made
}
