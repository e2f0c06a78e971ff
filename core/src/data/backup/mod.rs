//! Backups: whole-database copies made with SQLite's online backup, named
//! by time and reason, kept in a `backups` folder beside the database (and
//! optionally in a second folder the owner picks: a USB stick, a synced
//! folder). The newest `KEEP` of each folder are kept. A backup is a
//! standalone file (rollback journal, not WAL), so reading it later leaves
//! nothing beside it; `check` says whether a file is a shop at all.

mod check;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Local, NaiveDateTime, TimeZone, Utc};
use rusqlite::{Connection, MAIN_DB};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) use check::immutable_uri;
pub use check::{open_read_only, opens_with, BackupProblem, APPLICATION_ID};

use crate::data::vault::{key_connection, DbKey};
use crate::error::{Error, Result};
use crate::store::migrations;

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
    /// Right before a plaintext shop is encrypted (then encrypted itself).
    BeforeEncryption,
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
            BackupReason::BeforeEncryption => "before-encryption",
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
            Self::BeforeEncryption,
        ]
        .into_iter()
        .find(|r| r.tag() == tag)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupInfo {
    /// Where it is; never sent to the window, which names a backup by its
    /// `file_name` among those the shop lists.
    #[serde(skip)]
    #[ts(skip)]
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
    /// True when it can be restored (`problem` is none). One without
    /// customers is usable too, but only restored when the owner confirms.
    pub usable: bool,
    pub problem: Option<BackupProblem>,
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
/// leaves a half backup that looks complete; the half copies an earlier
/// crash left (every customer's data, under a name nobody looks at) are
/// removed first.
pub(crate) fn write(
    conn: &Connection,
    dir: &Path,
    reason: BackupReason,
    key: Option<&DbKey>,
) -> Result<BackupInfo> {
    let made = write_unpruned(conn, dir, reason, key)?;
    prune(dir, KEEP)?;
    Ok(made)
}

/// `write` without pruning: a restore prunes only after it has read the
/// backup it restores (which may be the oldest one).
/// With `key`, the copy is encrypted with it (the shop's own key).
pub(crate) fn write_unpruned(
    conn: &Connection,
    dir: &Path,
    reason: BackupReason,
    key: Option<&DbKey>,
) -> Result<BackupInfo> {
    std::fs::create_dir_all(dir)?;
    remove_partials(dir);
    let name = file_name(reason, Local::now());
    let path = dir.join(&name);
    let partial = dir.join(format!("{name}{PARTIAL}"));
    let written = (|| -> Result<()> {
        let mut copy = Connection::open(&partial)?;
        key_connection(&copy, key)?;
        {
            let b = rusqlite::backup::Backup::new_with_names(conn, MAIN_DB, &mut copy, MAIN_DB)?;
            b.run_to_completion(i32::MAX, std::time::Duration::ZERO, None)?;
        }
        // The copy carries the live file's WAL mode: switch it to a plain
        // journal so that it is one self-contained file.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        drop(copy);
        std::fs::rename(&partial, &path)?;
        Ok(())
    })();
    if let Err(e) = written {
        remove_partials(dir);
        return Err(e);
    }
    info(&path).ok_or_else(|| Error::Corrupt(format!("backup {name} vanished")))
}

const PARTIAL: &str = ".partial";

/// Removes what interrupted backups left in `dir` (half copies and their
/// journals), and the `-wal`/`-shm` files that reading a backup used to
/// leave beside it. Only our own names are touched.
fn remove_partials(dir: &Path) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in read.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let half = name.contains(&format!("{SUFFIX}{PARTIAL}"))
            || name.ends_with(&format!("{SUFFIX}.key{PARTIAL}"));
        let side = ["-wal", "-shm"]
            .iter()
            .any(|end| name.ends_with(&format!("{SUFFIX}{end}")));
        if name.starts_with(PREFIX) && (half || side) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
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
pub(crate) fn prune(dir: &Path, keep: usize) -> Result<()> {
    for old in list(dir).into_iter().skip(keep) {
        std::fs::remove_file(&old.path)?;
        let _ = std::fs::remove_file(crate::data::vault::backup_key_path(Path::new(&old.path)));
    }
    Ok(())
}

/// True when no backup of `dir` is younger than a day.
pub(crate) fn daily_due(dir: &Path, now: DateTime<Utc>) -> bool {
    list(dir)
        .first()
        .map_or(true, |b| now - b.created_at >= chrono::Duration::hours(20))
}

/// Opens a backup read-only and says what it holds and whether it can be
/// restored.
pub fn preview(path: &Path, key: Option<&DbKey>) -> Result<BackupPreview> {
    let info = info(path).ok_or_else(|| Error::NotFound {
        what: "backup",
        id: 0,
    })?;
    let problem = check::examine(path, key)?;
    let (mut customers, mut history_entries, mut last_change) = (0, 0, None);
    if problem.is_none() {
        let conn = open_read_only(path, key)?;
        let version = migrations::schema_version(&conn)?;
        let count = |sql: &str| -> Result<u32> { Ok(conn.query_row(sql, [], |r| r.get(0))?) };
        customers = count("SELECT COUNT(*) FROM customers")?;
        if version >= 3 {
            history_entries = count("SELECT COUNT(*) FROM history")?;
        }
        last_change = conn
            .query_row("SELECT MAX(updated_at) FROM customers", [], |r| r.get(0))
            .ok()
            .flatten();
    }
    Ok(BackupPreview {
        info,
        customers,
        history_entries,
        last_change,
        usable: problem.is_none(),
        problem,
    })
}
