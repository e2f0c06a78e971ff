//! `Shop`'s data safety: backups now, daily, listed, previewed, restored.

use std::path::{Path, PathBuf};

use chrono::Utc;

use crate::backup::{self, BackupInfo, BackupPreview, BackupReason};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::Shop;

impl Shop {
    /// The `backups` folder beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        backup::folder_beside(self.db_path())
    }

    /// Backs up to the folder beside the database and, when set, to the
    /// owner's second folder. A failing second folder (a USB stick that is
    /// not plugged in) does not undo the first backup; its error is returned
    /// after it.
    pub fn backup_now(&self, reason: BackupReason) -> Result<BackupInfo> {
        let made = self.db().backup_into(&self.backup_dir(), reason)?;
        let extra = self.settings()?.backup_folder;
        if !extra.is_empty() {
            self.db().backup_into(Path::new(&extra), reason)?;
        }
        Ok(made)
    }

    /// Makes the daily backup if the last one is older than a day; returns
    /// it when one was made.
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>> {
        if backup::daily_due(&self.backup_dir(), Utc::now()) {
            return self.backup_now(BackupReason::Daily).map(Some);
        }
        Ok(None)
    }

    /// Backups beside the database and in the owner's folder, newest first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        let mut all = backup::list(&self.backup_dir());
        let extra = self.settings()?.backup_folder;
        if !extra.is_empty() {
            all.extend(backup::list(Path::new(&extra)));
        }
        all.sort_by_key(|b| std::cmp::Reverse(b.created_at));
        Ok(all)
    }

    pub fn preview_backup(&self, path: &Path) -> Result<BackupPreview> {
        backup::preview(path)
    }

    /// Replaces the shop's data with a backup, after backing up what is
    /// there now (so a wrong restore can itself be undone).
    pub fn restore_backup(&self, path: &Path) -> Result<BackupPreview> {
        let preview = backup::preview(path)?;
        if !preview.usable {
            return Err(Error::Validation(vec![FieldError::new(
                "backup",
                FieldErrorCode::InvalidChoice,
            )]));
        }
        self.db()
            .backup_into(&self.backup_dir(), BackupReason::BeforeRestore)?;
        self.db().restore_from(path)?;
        self.after_bulk_change()?;
        Ok(preview)
    }
}
