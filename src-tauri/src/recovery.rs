//! When the shop's file cannot be opened (damaged, or from a newer Dangol)
//! the window still opens: the UI asks `startup_problem` and offers the
//! backups, and `recover_from_backup` puts one in place of the damaged file
//! (which is kept beside it, renamed) and opens the shop. A backup is named
//! by its file name among those listed, or is a file the owner chose in the
//! open dialog (`choose_backup_file`, then `recover_from_chosen_file`).

use std::path::PathBuf;
use std::sync::Mutex;

use dangol_core::backup::{self, BackupInfo};
use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;

use crate::error::{AppError, CmdResult};
use crate::files::{Chosen, Purpose};

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

/// The listed backup called `file_name`, beside the shop's file.
fn listed(recovery: &Recovery, file_name: &str) -> CmdResult<PathBuf> {
    backup::list(&backup::folder_beside(&recovery.path))
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| PathBuf::from(b.path))
        .ok_or_else(|| {
            AppError::from(dangol_core::Error::NotFound {
                what: "backup",
                id: 0,
            })
        })
}

/// What a backup holds, readable without an open shop.
#[tauri::command(async)]
pub fn recovery_preview(
    recovery: State<'_, Recovery>,
    file_name: String,
) -> CmdResult<backup::BackupPreview> {
    Ok(backup::preview(&listed(&recovery, &file_name)?)?)
}

#[tauri::command(async)]
pub fn recover_from_backup(
    app: AppHandle,
    recovery: State<'_, Recovery>,
    file_name: String,
) -> CmdResult<()> {
    let backup = listed(&recovery, &file_name)?;
    recover(&app, &recovery, &backup)
}

/// Recovers from a backup file the owner chose in the open dialog.
#[tauri::command(async)]
pub fn recover_from_chosen_file(
    app: AppHandle,
    recovery: State<'_, Recovery>,
    chosen: State<'_, Chosen>,
    file: u64,
) -> CmdResult<()> {
    let backup = chosen.path(file, Purpose::Restore)?;
    recover(&app, &recovery, &backup)
}

fn recover(app: &AppHandle, recovery: &Recovery, backup: &std::path::Path) -> CmdResult<()> {
    let preview = backup::preview(backup)?;
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
    std::fs::copy(backup, path).map_err(|e| AppError::from(dangol_core::Error::Io(e)))?;
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
