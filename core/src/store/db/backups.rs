//! `Db`'s backups: copying the file into a backup folder with SQLite's
//! online backup (holding the writer, so the copy is one consistent
//! state), sealing the key files of encrypted backups, and restoring one.

use std::path::Path;
use std::time::Duration;

use super::{lock, mark_as_dangol, Db};
use crate::data::vault::DbKey;
use crate::error::Result;
use crate::store::migrations;

impl Db {
    /// Copies the whole database into a new file in `dir` with SQLite's
    /// online backup, holding the writer so the copy is one consistent state.
    pub fn backup_into(
        &self,
        dir: &Path,
        reason: crate::data::backup::BackupReason,
    ) -> Result<crate::data::backup::BackupInfo> {
        let conn = lock(&self.writer);
        let made = crate::data::backup::write(&conn, dir, reason, self.key.as_ref())?;
        // Plain backups from before the shop was encrypted (a second
        // folder that was away at the time) are encrypted when seen.
        if let Some(key) = &self.key {
            crate::data::vault::encrypt_backups(dir, key)?;
        }
        drop(conn);
        self.seal_backups(dir)?;
        Ok(made)
    }

    /// Gives every encrypted backup in `dir` that this shop's key opens
    /// and that has no key file yet its key file (`vault::backup_key`):
    /// sealed by the recovery key, so the folder opens on another PC.
    /// Backups under another key (an earlier shop) are left alone.
    pub fn seal_backups(&self, dir: &Path) -> Result<()> {
        let Some(key) = &self.key else {
            return Ok(());
        };
        let Some(keys) = crate::data::vault::KeyFile::load(&self.path)? else {
            return Ok(());
        };
        for b in crate::data::backup::list(dir) {
            let path = Path::new(&b.path);
            if crate::data::vault::has_backup_key(path) || crate::data::vault::is_plaintext(path) {
                continue;
            }
            if crate::data::backup::opens_with(path, key) {
                keys.seal_backup(path)?;
            }
        }
        Ok(())
    }

    /// `backup_into` without pruning the folder.
    pub fn backup_unpruned(
        &self,
        dir: &Path,
        reason: crate::data::backup::BackupReason,
    ) -> Result<crate::data::backup::BackupInfo> {
        let made = {
            let conn = lock(&self.writer);
            crate::data::backup::write_unpruned(&conn, dir, reason, self.key.as_ref())?
        };
        self.seal_backups(dir)?;
        Ok(made)
    }

    /// Replaces the whole database with the one in `src` (already checked),
    /// then brings its schema up to date.
    pub fn restore_from(&self, src: &Path) -> Result<()> {
        self.restore_from_keyed(src, self.key.clone().as_ref())
    }

    /// `restore_from` of a backup encrypted under `src_key` (another PC's
    /// shop, opened with its recovery key).
    pub fn restore_from_keyed(&self, src: &Path, src_key: Option<&DbKey>) -> Result<()> {
        let mut conn = lock(&self.writer);
        // A plain backup (from before the shop was encrypted), or one under
        // another key, is encrypted into a file of its own first: SQLite's
        // backup copies pages as they are, so both sides must have the
        // same key.
        let encrypted_copy = match &self.key {
            Some(key) if crate::data::vault::is_plaintext(src) => {
                let tmp = self.path.with_extension("restoring");
                crate::data::vault::encrypt_copy(src, &tmp, key)?;
                Some(tmp)
            }
            Some(key) if src_key.is_some_and(|k| k != key) => {
                let tmp = self.path.with_extension("restoring");
                crate::data::vault::reencrypt_copy(src, src_key, &tmp, key)?;
                Some(tmp)
            }
            _ => None,
        };
        let from = encrypted_copy.as_deref().unwrap_or(src);
        let source = crate::data::backup::open_read_only(from, self.key.as_ref());
        let source = match source {
            Ok(s) => s,
            Err(e) => {
                if let Some(tmp) = &encrypted_copy {
                    let _ = std::fs::remove_file(tmp);
                }
                return Err(e);
            }
        };
        let copied = (|| -> Result<()> {
            let backup = rusqlite::backup::Backup::new(&source, &mut conn)?;
            backup.run_to_completion(i32::MAX, Duration::ZERO, None)?;
            Ok(())
        })();
        drop(source);
        if let Some(tmp) = &encrypted_copy {
            let _ = std::fs::remove_file(tmp);
        }
        copied?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        migrations::migrate(&mut conn)?;
        mark_as_dangol(&conn)?;
        Ok(())
    }
}
