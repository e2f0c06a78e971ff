//! Backups: whole-database copies made with SQLite's online backup, named
//! by time and reason, kept in a `backups` folder beside the database (and
//! optionally in a second folder the owner picks: a USB stick, a synced
//! folder). The newest `KEEP` of each folder are kept.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};
use rusqlite::{Connection, OpenFlags, MAIN_DB};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::migrations;

/// How many backups a folder keeps.
pub const KEEP: usize = 30;
const PREFIX: &str = "dangol-";
const SUFFIX: &str = ".sqlite3";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum BackupReason {
    Daily,
    Manual,
    BeforeImport,
    BeforeMigration,
    BeforeRestore,
    /// Right before a new version of Dangol is installed.
    BeforeUpdate,
}

impl BackupReason {
    fn tag(self) -> &'static str {
        match self {
            BackupReason::Daily => "daily",
            BackupReason::Manual => "manual",
            BackupReason::BeforeImport => "before-import",
            BackupReason::BeforeMigration => "before-migration",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeUpdate => "before-update",
        }
    }

    fn from_tag(tag: &str) -> Option<Self> {
        [
            Self::Daily,
            Self::Manual,
            Self::BeforeImport,
            Self::BeforeMigration,
            Self::BeforeRestore,
            Self::BeforeUpdate,
        ]
        .into_iter()
        .find(|r| r.tag() == tag)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub created_at: DateTime<Utc>,
    pub reason: BackupReason,
    pub size_bytes: u64,
}

/// What a backup holds, read before restoring it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupPreview {
    pub info: BackupInfo,
    pub customers: u32,
    pub history_entries: u32,
    pub last_change: Option<DateTime<Utc>>,
    /// False when the file is damaged or from a newer Dangol.
    pub usable: bool,
}

/// The `backups` folder beside a database file.
pub fn folder_beside(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join("backups")
}

fn file_name(reason: BackupReason, at: DateTime<Local>) -> String {
    format!(
        "{PREFIX}{}-{}{SUFFIX}",
        at.format("%Y%m%d-%H%M%S%3f"),
        reason.tag()
    )
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, tag) = (rest.get(..18)?, rest.get(19..)?);
    let local = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S%3f").ok()?;
    let at = Local
        .from_local_datetime(&local)
        .earliest()?
        .with_timezone(&Utc);
    Some((at, BackupReason::from_tag(tag)?))
}

/// Copies the database behind `conn` into a new file in `dir`. The copy is
/// written under a temporary name and renamed when whole, so a crash never
/// leaves a half backup that looks complete.
pub fn write(conn: &Connection, dir: &Path, reason: BackupReason) -> Result<BackupInfo> {
    std::fs::create_dir_all(dir)?;
    let name = file_name(reason, Local::now());
    let path = dir.join(&name);
    let partial = dir.join(format!("{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    conn.backup(MAIN_DB, &partial, None::<fn(rusqlite::backup::Progress)>)?;
    std::fs::rename(&partial, &path)?;
    prune(dir, KEEP)?;
    info(&path).ok_or_else(|| Error::Corrupt(format!("backup {name} vanished")))
}

fn info(path: &Path) -> Option<BackupInfo> {
    let file_name = path.file_name()?.to_str()?.to_string();
    let (created_at, reason) = parse_name(&file_name)?;
    let size_bytes = std::fs::metadata(path).ok()?.len();
    Some(BackupInfo {
        path: path.display().to_string(),
        file_name,
        created_at,
        reason,
        size_bytes,
    })
}

/// The backups in `dir`, newest first (a missing folder has none).
pub fn list(dir: &Path) -> Vec<BackupInfo> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut found: Vec<BackupInfo> = read.filter_map(|e| info(&e.ok()?.path())).collect();
    found.sort_by(|a, b| {
        b.created_at
            .cmp(&a.created_at)
            .then(b.file_name.cmp(&a.file_name))
    });
    found
}

/// Deletes all but the newest `keep` backups in `dir`.
pub fn prune(dir: &Path, keep: usize) -> Result<()> {
    for old in list(dir).into_iter().skip(keep) {
        std::fs::remove_file(&old.path)?;
    }
    Ok(())
}

/// True when no backup of `dir` is younger than a day.
pub fn daily_due(dir: &Path, now: DateTime<Utc>) -> bool {
    list(dir)
        .first()
        .map_or(true, |b| now - b.created_at >= chrono::Duration::hours(20))
}

/// Opens a backup read-only and says what it holds and whether it can be
/// restored.
pub fn preview(path: &Path) -> Result<BackupPreview> {
    let info = info(path).ok_or_else(|| Error::NotFound {
        what: "backup",
        id: 0,
    })?;
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let check: rusqlite::Result<String> = conn.query_row("PRAGMA quick_check", [], |r| r.get(0));
    let version = migrations::schema_version(&conn).unwrap_or(i64::MAX);
    let usable = matches!(check.as_deref(), Ok("ok")) && version <= migrations::latest_version();
    let count = |sql: &str| -> u32 { conn.query_row(sql, [], |r| r.get(0)).unwrap_or(0) };
    let customers = if usable {
        count("SELECT COUNT(*) FROM customers")
    } else {
        0
    };
    let history_entries = if usable && version >= 3 {
        count("SELECT COUNT(*) FROM history")
    } else {
        0
    };
    let last_change = if usable {
        conn.query_row("SELECT MAX(updated_at) FROM customers", [], |r| r.get(0))
            .ok()
            .flatten()
    } else {
        None
    };
    Ok(BackupPreview {
        info,
        customers,
        history_entries,
        last_change,
        usable,
    })
}
