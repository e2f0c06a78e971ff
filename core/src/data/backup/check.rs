//! Is this file a Dangol shop? Asked before a backup is restored, because
//! restore replaces everything: a 0-byte file, another program's database
//! or a file made to look like a backup must never empty the shop or bring
//! its own triggers into it. A shop is a SQLite file whose header carries
//! Dangol's application id (or none, as before it was written), whose
//! schema version this build knows, whose pages pass `integrity_check`, and
//! whose tables, indexes, triggers and views are exactly those of a Dangol
//! shop of that version.
//!
//! Files are opened read-only and `immutable`: nothing is written beside
//! them (no `-wal`, no `-shm`), whatever journal mode they were left in.

use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use crate::data::vault::{key_connection, DbKey};
use crate::error::Result;
use crate::store::migrations;

/// Dangol's mark in the SQLite header ("DANG").
pub const APPLICATION_ID: i32 = 0x4441_4E47;

/// Why a file cannot be restored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupProblem {
    /// Not a Dangol shop at all (empty, another program's file, changed).
    NotAShop,
    /// A Dangol shop whose pages are damaged.
    Damaged,
    /// A shop from a newer Dangol than this one.
    TooNew,
    /// Encrypted under another key (made on another PC, or before the shop
    /// was set up again): the recovery key printed for it opens it.
    NeedsRecoveryKey,
}

/// What the header says, read without SQLite.
struct Header {
    version: i64,
    application_id: i32,
}

fn header(path: &Path) -> Option<Header> {
    let mut bytes = [0u8; 100];
    std::fs::File::open(path)
        .ok()?
        .read_exact(&mut bytes)
        .ok()?;
    if &bytes[..16] != b"SQLite format 3\0" {
        return None;
    }
    let be =
        |at: usize| i32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some(Header {
        version: i64::from(be(60)),
        application_id: be(68),
    })
}

/// A `file:` URI that opens `path` read-only with `immutable=1`.
pub(crate) fn immutable_uri(path: &Path) -> String {
    let full = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let text = full.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3f"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Opens a backup to read it, leaving nothing beside it. An encrypted one
/// is read with `key`; a plain one (from before encryption) without.
pub fn open_read_only(path: &Path, key: Option<&DbKey>) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        immutable_uri(path),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    if !crate::data::vault::is_plaintext(path) {
        key_connection(&conn, key)?;
    }
    Ok(conn)
}

/// True when `key` opens the encrypted file at `path`.
pub fn opens_with(path: &Path, key: &DbKey) -> bool {
    header_through(path, Some(key)).is_some()
}

/// The header of an encrypted file, read through SQLCipher with `key`.
fn header_through(path: &Path, key: Option<&DbKey>) -> Option<Header> {
    key?;
    let conn = open_read_only(path, key).ok()?;
    let version = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .ok()?;
    let application_id = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .ok()?;
    Some(Header {
        version,
        application_id,
    })
}

/// Tables (with their columns), indexes, triggers and views. Columns are
/// compared rather than table SQL, which `ALTER TABLE` rewrites in ways
/// that may differ between SQLite versions; triggers, views and virtual
/// tables run or parse their SQL, so theirs is compared word for word.
type Schema = BTreeSet<(String, String, String)>;

fn schema(conn: &Connection) -> rusqlite::Result<Schema> {
    let mut stmt = conn.prepare(
        "SELECT type, name, COALESCE(sql, '') FROM sqlite_schema
          WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )?;
    let objects = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Schema::new();
    for (kind, name, sql) in objects {
        let words = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        let virtual_table = words
            .to_ascii_uppercase()
            .starts_with("CREATE VIRTUAL TABLE");
        let shape = if kind == "trigger" || kind == "view" || virtual_table {
            words
        } else if kind == "table" {
            let mut cols =
                conn.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1)")?;
            let cols = cols
                .query_map([&name], |r| {
                    Ok(format!(
                        "{} {} {} {}",
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, i64>(3)?
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            cols.join(", ")
        } else {
            String::new()
        };
        out.insert((kind, name, shape));
    }
    Ok(out)
}

/// The schema a Dangol shop of `version` has, made once per version in
/// memory by running the migrations.
fn expected(version: i64) -> Result<Arc<Schema>> {
    static MADE: Mutex<Option<HashMap<i64, Arc<Schema>>>> = Mutex::new(None);
    let mut made = MADE.lock().unwrap_or_else(|e| e.into_inner());
    let made = made.get_or_insert_with(HashMap::new);
    if let Some(s) = made.get(&version) {
        return Ok(s.clone());
    }
    let mut conn = Connection::open_in_memory()?;
    migrations::migrate_to(&mut conn, version)?;
    let s = Arc::new(schema(&conn)?);
    made.insert(version, s.clone());
    Ok(s)
}

/// Says what is wrong with the file at `path` as a shop, if anything. The
/// file is opened only when its header is a Dangol shop's.
pub(crate) fn examine(path: &Path, key: Option<&DbKey>) -> Result<Option<BackupProblem>> {
    let head = match header(path) {
        Some(head) => Some(head),
        None => header_through(path, key),
    };
    let Some(head) = head else {
        let locked =
            !crate::data::vault::is_plaintext(path) && crate::data::vault::has_backup_key(path);
        return Ok(Some(if locked {
            BackupProblem::NeedsRecoveryKey
        } else {
            BackupProblem::NotAShop
        }));
    };
    if head.application_id != 0 && head.application_id != APPLICATION_ID {
        return Ok(Some(BackupProblem::NotAShop));
    }
    let conn = open_read_only(path, key)?;
    let has_customers = || -> bool {
        conn.query_row(
            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'customers'",
            [],
            |_| Ok(()),
        )
        .is_ok()
    };
    if head.version > migrations::latest_version() {
        let ours = head.application_id == APPLICATION_ID || has_customers();
        return Ok(Some(if ours {
            BackupProblem::TooNew
        } else {
            BackupProblem::NotAShop
        }));
    }
    if head.version < 1 {
        return Ok(Some(BackupProblem::NotAShop));
    }
    // The full check, not quick_check: it also runs the keyword index's
    // own check (FTS5 `xIntegrity`), whose pages quick_check takes on
    // trust — a damaged index would restore and then fail every search.
    let check: rusqlite::Result<String> =
        conn.query_row("PRAGMA integrity_check(1)", [], |r| r.get(0));
    if !matches!(check.as_deref(), Ok("ok")) {
        return Ok(Some(BackupProblem::Damaged));
    }
    match schema(&conn) {
        Ok(found) if found == *expected(head.version)? => Ok(None),
        Ok(_) => Ok(Some(BackupProblem::NotAShop)),
        Err(_) => Ok(Some(BackupProblem::Damaged)),
    }
}
