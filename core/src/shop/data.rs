//! `Shop`'s data safety: backups now, daily, listed, previewed, restored;
//! the clean close and the file check the start skipped.

use std::path::{Path, PathBuf};

use crate::data::backup::{self, BackupInfo, BackupPreview, BackupReason};
use crate::data::import::plan::{self, ImportOptions, ImportOutcome, ImportPreview};
use crate::data::import::warnings::{self, ImportWarning};
use crate::data::import::{export, read};
use crate::data::vault::{DbKey, RecoveryKey};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::Shop;

impl Shop {
    /// The clean close, for an app about to exit (its state is not
    /// dropped): the log folded into the file, and the stamp that lets the
    /// next start skip reading every page (`store::checked`).
    pub fn close(&self) {
        self.db.close();
    }

    /// Reads every page of the file when the open trusted a clean close's
    /// stamp instead; meant for the background upkeep. Damage is
    /// `Error::Corrupt`, and the next start checks the file whole again.
    pub fn check_file_if_skipped(&self) -> Result<()> {
        if self.db.skipped_whole_check() {
            self.db.check_whole()?;
        }
        Ok(())
    }

    /// Gives back the memory SQLite keeps of what the start's upkeep read
    /// (`Db::release_caches`).
    pub fn release_caches(&self) {
        self.db.release_caches();
    }

    /// The `backups` folder beside the database.
    pub fn backup_dir(&self) -> PathBuf {
        backup::folder_beside(self.db_path())
    }

    /// Backs up to the folder beside the database and, when set, to the
    /// owner's second folder. A failing second folder (a USB stick that is
    /// not plugged in) does not undo the first backup; its error is returned
    /// after it.
    pub fn backup_now(&self, reason: BackupReason) -> Result<BackupInfo> {
        let made = self.db.backup_into(&self.backup_dir(), reason)?;
        let extra = self.settings()?.backup_folder;
        if !extra.is_empty() {
            self.db.backup_into(Path::new(&extra), reason)?;
        }
        Ok(made)
    }

    /// Makes the daily backup if the last one is older than a day; returns
    /// it when one was made.
    pub fn backup_if_due(&self) -> Result<Option<BackupInfo>> {
        if backup::daily_due(&self.backup_dir(), self.now()) {
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

    /// One of `list_backups`, by its file name: the only backups the window
    /// can name. Anything else (another path, `..`) is not found.
    pub fn find_backup(&self, file_name: &str) -> Result<BackupInfo> {
        self.list_backups()?
            .into_iter()
            .find(|b| b.file_name == file_name)
            .ok_or(Error::NotFound {
                what: "backup",
                id: 0,
            })
    }

    /// Sets the owner's second backup folder (chosen in the system's
    /// dialog), or none with `None`.
    pub fn set_backup_folder(&self, folder: Option<&Path>) -> Result<()> {
        let text = folder.map(|f| f.display().to_string()).unwrap_or_default();
        self.db
            .with_tx(|tx| crate::store::settings::set_backup_folder(tx, &text))
    }

    /// What a backup file holds, before restoring it.
    pub fn preview_backup(&self, path: &Path) -> Result<BackupPreview> {
        backup::preview(path, self.db.key())
    }

    /// The key a backup is read with: the shop's own, or — for a backup
    /// made under another key (another PC) — the one its recovery key
    /// opens (`vault::backup_key`). Words that do not open it: `WrongKey`.
    fn backup_key(&self, path: &Path, recovery: Option<&RecoveryKey>) -> Result<Option<DbKey>> {
        match recovery {
            None => Ok(self.db.key().cloned()),
            Some(words) => crate::data::vault::open_backup_key(path, words)
                .map(Some)
                .ok_or(Error::WrongKey),
        }
    }

    /// `preview_backup`, with the recovery key of the shop that made it.
    pub fn preview_backup_with(
        &self,
        path: &Path,
        recovery: Option<&RecoveryKey>,
    ) -> Result<BackupPreview> {
        backup::preview(path, self.backup_key(path, recovery)?.as_ref())
    }

    /// `restore_backup` of a backup read with the recovery key of the shop
    /// that made it (none: the shop's own key).
    pub fn restore_backup_with(
        &self,
        path: &Path,
        confirm_empty: bool,
        recovery: Option<&RecoveryKey>,
    ) -> Result<BackupPreview> {
        let key = self.backup_key(path, recovery)?;
        self.restore_keyed(path, confirm_empty, key.as_ref())
    }

    /// Replaces the shop's data with a backup, after backing up what is
    /// there now (so a wrong restore can itself be undone). Only a Dangol
    /// shop is restored (`backup::check`); one without customers only when
    /// the owner confirmed it (`confirm_empty`), as it would empty the shop.
    /// If anything fails once the data was replaced, what was there is put
    /// back.
    pub fn restore_backup(&self, path: &Path, confirm_empty: bool) -> Result<BackupPreview> {
        let key = self.db.key().cloned();
        self.restore_keyed(path, confirm_empty, key.as_ref())
    }

    fn restore_keyed(
        &self,
        path: &Path,
        confirm_empty: bool,
        key: Option<&DbKey>,
    ) -> Result<BackupPreview> {
        let preview = backup::preview(path, key)?;
        if !preview.usable {
            return Err(Error::Validation(vec![FieldError::new(
                "backup",
                FieldErrorCode::InvalidChoice,
            )]));
        }
        if preview.customers == 0 && !confirm_empty {
            return Err(Error::Validation(vec![FieldError::new(
                "confirm_empty",
                FieldErrorCode::Required,
            )]));
        }
        // Not pruned yet: the backup being restored may be the oldest.
        let dir = self.backup_dir();
        let before = self.db.backup_unpruned(&dir, BackupReason::BeforeRestore)?;
        let restored = self
            .db
            .restore_from_keyed(path, key)
            .and_then(|()| self.after_bulk_change());
        if let Err(e) = restored {
            self.db.restore_from(Path::new(&before.path))?;
            self.after_bulk_change()?;
            return Err(e);
        }
        backup::prune(&dir, backup::KEEP)?;
        Ok(preview)
    }

    /// Reads a customer file and says what an import would do, changing
    /// nothing.
    pub fn preview_import(&self, path: &Path, opts: &ImportOptions) -> Result<ImportPreview> {
        let table = read::read_file(path, opts.encoding)?;
        let country = self.settings()?.country;
        plan::preview(&*self.db.reader()?, &table, opts, country, self.today())
    }

    /// Imports a customer file: a backup first, then every row in one
    /// transaction (a crash or a refusal leaves the data as it was).
    pub fn import_file(&self, path: &Path, opts: &ImportOptions) -> Result<ImportOutcome> {
        let table = read::read_file(path, opts.encoding)?;
        let country = self.settings()?.country;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.db
            .backup_into(&self.backup_dir(), BackupReason::BeforeImport)?;
        let outcome = self
            .db
            .with_tx(|tx| plan::run(tx, &table, &name, opts, country, self.now()))?;
        self.after_bulk_change()?;
        Ok(outcome)
    }

    /// What imports left out of customer `id`'s record, not yet dismissed.
    pub fn import_warnings(&self, id: i64) -> Result<Vec<ImportWarning>> {
        warnings::for_customer(&*self.db.reader()?, id)
    }

    /// The owner has fixed (or does not need) what warning `id` says.
    pub fn dismiss_import_warning(&self, customer_id: i64, id: i64) -> Result<()> {
        self.db
            .with_tx(|tx| warnings::dismiss(tx, customer_id, id, self.now()))
    }

    /// Takes back what an import added; returns how many customers.
    pub fn undo_import(&self, batch_id: i64) -> Result<u32> {
        let n = self.db.with_tx(|tx| plan::undo(tx, batch_id, self.now()))?;
        // The customers it added are deleted: out of the log too.
        let _ = self.db.checkpoint();
        self.after_bulk_change()?;
        Ok(n)
    }

    /// Writes every customer to `path`: .xlsx (with a history sheet when
    /// asked), or CSV (UTF-8 with BOM).
    pub fn export_customers(&self, path: &Path, with_history: bool) -> Result<u32> {
        let lang = self.settings()?.language;
        let conn = self.db.reader()?;
        let is_xlsx = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
        if is_xlsx {
            export::to_xlsx(&conn, path, lang, with_history)
        } else {
            export::to_csv(&conn, path, lang)
        }
    }
}
