//! The one SQLite file of a shop. `Db` owns its connections: one writer
//! (SQLite allows one at a time anyway, so writers queue here rather than on
//! `SQLITE_BUSY`) and a few readers that WAL lets run beside it. Its
//! backups and restores are in `db/backups.rs`.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime};

use rusqlite::{Connection, OpenFlags, Transaction};

use crate::data::vault::{key_connection, DbKey};
use crate::error::{Error, Result};
use crate::store::reads::{BackgroundConn, Entry, Reads};
use crate::store::{checked, migrations};

mod backups;

const READERS: usize = 2;

pub struct Db {
    path: PathBuf,
    /// The SQLCipher key every connection is given (none: a plain file).
    key: Option<DbKey>,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// When the file was last checked whole (`store::checked`); `None`
    /// once a check found it damaged, so a close leaves no stamp.
    checked_at: Mutex<Option<SystemTime>>,
    /// True when the open trusted the stamp and did not check it whole.
    skipped_check: bool,
    /// The reads in flight, which the close interrupts and waits for
    /// (`store::reads`).
    reads: Arc<Reads>,
}

/// A reader borrowed from the pool; it goes back when dropped.
pub struct Reader<'a> {
    conn: Option<Connection>,
    db: &'a Db,
    /// In flight until dropped (the close waits for it).
    _entry: Entry,
}

impl std::ops::Deref for Reader<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.conn.as_ref().expect("reader in use")
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            lock(&self.db.readers).push(conn);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a connection leaves it usable: SQLite rolls back
    // an unfinished transaction when the next one begins.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Page cache of the writer, in KiB (the default is 2 MB): a bulk import
/// of 100,000 customers keeps the tables' indexes in memory.
const WRITER_CACHE_KIB: i64 = 32_000;
/// Page cache of each reader. What readers read most (a customer's story,
/// a report's covering index) is small or read once; the file's pages stay
/// in the OS cache anyway. At 32 MB each, as before, every reader kept up
/// to 32 MB after one big read (a report over two million sales).
const READER_CACHE_KIB: i64 = 8_000;

fn configure(conn: &Connection, cache_kib: i64) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // FULL: each commit is on the disk before the app says it is saved. A
    // shop writes little, and a power cut must not lose the last sale (in
    // WAL mode NORMAL may lose the last commits).
    conn.pragma_update(None, "synchronous", "FULL")?;
    // Deleted customers are a privacy matter: overwrite freed pages.
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "cache_size", -cache_kib)?;
    Ok(())
}

/// Gives back the page cache a one-off read of the whole file filled (the
/// integrity check, reading every customer for the index).
pub(crate) fn release_cache(conn: &Connection) {
    let _ = conn.execute_batch("PRAGMA shrink_memory");
}

impl Drop for Db {
    fn drop(&mut self) {
        lock(&self.readers).clear();
        self.close();
    }
}

/// True when the file is missing, empty or a plain SQLite file.
fn is_plain_or_new(path: &Path) -> bool {
    let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    len == 0 || crate::data::vault::is_plaintext(path)
}

/// SQLite takes an empty file for a new database. A shop file that was
/// emptied (a failed copy, a sync tool, a disk problem) while backups of
/// the real shop lie beside it must not open as a brand-new empty shop —
/// the next daily backup would then push the real ones out. It is refused
/// as damaged, and the window offers the backups.
fn refuse_emptied_shop(path: &Path) -> Result<()> {
    let empty = std::fs::metadata(path).is_ok_and(|m| m.len() == 0);
    if empty && !crate::data::backup::list(&crate::data::backup::folder_beside(path)).is_empty() {
        return Err(Error::Corrupt("the shop file is empty".into()));
    }
    Ok(())
}

/// Writes Dangol's application id in the file's header (once), so that a
/// backup can be told from any other SQLite file.
fn mark_as_dangol(conn: &Connection) -> Result<()> {
    let id: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if id != i64::from(crate::data::backup::APPLICATION_ID) {
        conn.pragma_update(None, "application_id", crate::data::backup::APPLICATION_ID)?;
    }
    Ok(())
}

impl Db {
    /// Opens (creating if needed) the plain database at `path`, switches it
    /// to WAL and brings its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        Self::open_keyed(path, None)
    }

    /// `open` of a file encrypted with `key` (created encrypted if new). A
    /// key that does not open the file is `Error::WrongKey`, and nothing is
    /// written to it.
    pub fn open_keyed(path: impl AsRef<Path>, key: Option<DbKey>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        refuse_emptied_shop(&path)?;
        let now = SystemTime::now();
        let trusted = checked::vouched(&path, now);
        // Without a key, a file SQLite cannot read is damaged (as before);
        // with one, it is most likely the wrong key.
        let encrypted = key.is_some() && !is_plain_or_new(&path);
        let mut writer = Connection::open(&path)?;
        key_connection(&writer, key.as_ref())?;
        checked::check(&writer, encrypted, trusted.is_none())?;
        checked::forget(&path);
        release_cache(&writer);
        writer.pragma_update(None, "journal_mode", "WAL")?;
        configure(&writer, WRITER_CACHE_KIB)?;
        let found = migrations::schema_version(&writer)?;
        if found > 0 && found < migrations::latest_version() {
            // An upgrade is about to change the file: keep it as it was.
            let dir = crate::data::backup::folder_beside(&path);
            let reason = crate::data::backup::BackupReason::BeforeMigration;
            crate::data::backup::write(&writer, &dir, reason, key.as_ref())?;
        }
        migrations::migrate(&mut writer)?;
        mark_as_dangol(&writer)?;
        let readers = (0..READERS)
            .map(|_| {
                let conn = Connection::open_with_flags(
                    &path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                key_connection(&conn, key.as_ref())?;
                configure(&conn, READER_CACHE_KIB)?;
                Ok(conn)
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            path,
            key,
            writer: Mutex::new(writer),
            readers: Mutex::new(readers),
            checked_at: Mutex::new(Some(trusted.unwrap_or(now))),
            skipped_check: trusted.is_some(),
            reads: Arc::default(),
        })
    }

    /// True when this open trusted a clean close's stamp and did not read
    /// every page (`store::checked`).
    pub fn skipped_whole_check(&self) -> bool {
        self.skipped_check
    }

    /// Reads every page now, on a connection of its own (writers go on
    /// meanwhile). Damage found is `Error::Corrupt`, and the next open
    /// checks the file whole again (and offers the backups). A check the
    /// close interrupted says nothing: the file stays as trusted as the
    /// open found it.
    pub fn check_whole(&self) -> Result<()> {
        let conn = match self.connect_read_only() {
            Err(e) if e.is_interrupted() => return Ok(()),
            conn => conn?,
        };
        let now = SystemTime::now();
        let verdict = checked::check(&conn, self.key.is_some(), true);
        if matches!(&verdict, Err(e) if e.is_interrupted()) {
            return Ok(());
        }
        *lock(&self.checked_at) = verdict.is_ok().then_some(now);
        verdict
    }

    /// The clean close: the write-ahead log is folded into the file and
    /// truncated, so the next open does not read it again and nothing a
    /// deleted customer left stays in the log; then the stamp that lets the
    /// next open skip the whole check. Writes after it land in the log
    /// again, and that log makes the next open check the file whole.
    ///
    /// First the reads in flight (the index's first build, the whole
    /// check, a command's) are interrupted and waited for, and no read
    /// starts after: the process that exits next must not crash under one
    /// of them (`store::reads`). Writes still land (in the log).
    pub fn close(&self) {
        // An interrupted read lets go within milliseconds; past the bound
        // the close goes on (the file is safe either way).
        let _ = self.reads.stop(Duration::from_secs(5));
        let folded = lock(&self.writer).query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            r.get::<_, i64>(0)
        });
        // 0: not blocked by a reader, every frame in the file.
        if matches!(folded, Ok(0)) {
            if let Some(at) = *lock(&self.checked_at) {
                checked::leave(&self.path, at);
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The key the file is encrypted with (none: a plain file).
    pub fn key(&self) -> Option<&DbKey> {
        self.key.as_ref()
    }

    /// A new read-only connection of its own for a long read beside the
    /// app (the index builder's, the whole check's), which the close
    /// interrupts; refused (`Error::is_interrupted`) once the close began.
    pub fn connect_read_only(&self) -> Result<BackgroundConn> {
        self.reads.background(self.open_reader()?)
    }

    fn open_reader(&self) -> Result<Connection> {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        key_connection(&conn, self.key.as_ref())?;
        Ok(conn)
    }

    /// A read-only connection; opens an extra one if all are busy.
    pub fn reader(&self) -> Result<Reader<'_>> {
        let pooled = lock(&self.readers).pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => {
                let conn = self.open_reader()?;
                configure(&conn, READER_CACHE_KIB)?;
                conn
            }
        };
        let entry = match self.reads.enter(&conn) {
            Ok(entry) => entry,
            // Closing: no read starts, the connection goes back.
            Err(e) => {
                lock(&self.readers).push(conn);
                return Err(e);
            }
        };
        Ok(Reader {
            conn: Some(conn),
            db: self,
            _entry: entry,
        })
    }

    /// Gives back the page caches of the writer and of the idle readers:
    /// after the start's upkeep, which reads every customer and her sales
    /// through the writer (the tiers) and would leave its cache full
    /// (up to `WRITER_CACHE_KIB`) all day.
    pub fn release_caches(&self) {
        release_cache(&lock(&self.writer));
        for reader in lock(&self.readers).iter() {
            release_cache(reader);
        }
    }

    /// Runs `f` in one write transaction: all of it lands, or none of it.
    pub fn with_tx<T>(&self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Moves the write-ahead log into the main file and truncates it, so
    /// that deleted rows do not linger in the `-wal` file.
    pub fn checkpoint(&self) -> Result<()> {
        let conn = lock(&self.writer);
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}
