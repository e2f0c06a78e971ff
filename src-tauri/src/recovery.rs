//! When the shop's file cannot be opened (damaged, or from a newer Dangol)
//! the window still opens: the UI asks `startup_problem` and offers the
//! backups, and `recover_from_backup` puts one in place of the damaged file
//! (which is kept beside it, renamed) and opens the shop.

use std::path::PathBuf;
use std::sync::Mutex;

use dangol_core::backup::{self, BackupInfo};
use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;

use crate::error::{AppError, CmdResult};

/// Set when the shop could not be opened at start.
pub struct Recovery {
    pub path: PathBuf,
    pub error: Mutex<Option<AppError>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StartupProblem {
    pub error: AppError,
    pub data_file: String,
    pub backups: Vec<BackupInfo>,
}

#[tauri::command]
pub fn startup_problem(recovery: State<'_, Recovery>) -> Option<StartupProblem> {
    let error = recovery.error.lock().ok()?.clone()?;
    Some(StartupProblem {
        error,
        data_file: recovery.path.display().to_string(),
        backups: backup::list(&backup::folder_beside(&recovery.path)),
    })
}

/// What a backup holds, readable without an open shop.
#[tauri::command(async)]
pub fn recovery_preview(path: PathBuf) -> CmdResult<backup::BackupPreview> {
    Ok(backup::preview(&path)?)
}

#[tauri::command(async)]
pub fn recover_from_backup(
    app: AppHandle,
    recovery: State<'_, Recovery>,
    backup: PathBuf,
) -> CmdResult<()> {
    let preview = backup::preview(&backup)?;
    if !preview.usable {
        return Err(AppError::from(dangol_core::Error::Corrupt(
            "the backup is damaged too".into(),
        )));
    }
    let path = &recovery.path;
    if path.exists() {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let aside = path.with_extension(format!("damaged-{stamp}"));
        std::fs::rename(path, &aside).map_err(|e| AppError::from(dangol_core::Error::Io(e)))?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", path.display()));
            let _ = std::fs::rename(&side, format!("{}{suffix}", aside.display()));
        }
    }
    std::fs::copy(&backup, path).map_err(|e| AppError::from(dangol_core::Error::Io(e)))?;
    let shop = Shop::open(path)?;
    if let Err(e) = shop.backup_if_due() {
        eprintln!("dangol: backup after recovery failed: {e}");
    }
    app.manage(shop);
    if let Ok(mut e) = recovery.error.lock() {
        *e = None;
    }
    Ok(())
}
