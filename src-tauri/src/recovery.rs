//! When the shop's file cannot be opened (damaged, or from a newer Dangol)
//! the window still opens: its first call (`start_state`) brings what
//! `startup_problem` found, the window offers the backups, and
//! `recover_from_backup` puts one in place of the damaged file (which is
//! kept beside it, renamed) and opens the shop. A backup is named
//! by its file name among those listed, or is a file the owner chose in the
//! open dialog (`choose_backup_file`, then `recover_from_chosen_file`).

use std::path::PathBuf;
use std::sync::Mutex;

use dangol_core::data::backup::{self, BackupInfo};
use dangol_core::{FieldError, FieldErrorCode, Shop};
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
#[tauri::command]
pub fn recovery_preview(
    app: AppHandle,
    recovery: State<'_, Recovery>,
    file_name: String,
) -> CmdResult<backup::BackupPreview> {
    let key = crate::gate::app_key(&app);
    Ok(backup::preview(
        &listed(&recovery, &file_name)?,
        key.as_ref(),
    )?)
}

/// Puts a backup in place of the file that could not be opened. Only
/// while the shop is not open: called on a running shop it would move the
/// live file aside while the app goes on writing to it (that work would be
/// lost at the next start). The lock on `error` is held throughout, so two
/// calls cannot both restore.
#[tauri::command]
pub fn recover_from_backup(
    app: AppHandle,
    recovery: State<'_, Recovery>,
    file_name: String,
    confirm_empty: Option<bool>,
) -> CmdResult<()> {
    let backup = listed(&recovery, &file_name)?;
    recover(&app, &recovery, &backup, confirm_empty.unwrap_or(false))
}

/// Recovers from a backup file the owner chose in the open dialog.
#[tauri::command]
pub fn recover_from_chosen_file(
    app: AppHandle,
    recovery: State<'_, Recovery>,
    chosen: State<'_, Chosen>,
    file: u64,
    confirm_empty: Option<bool>,
) -> CmdResult<()> {
    let backup = chosen.path(file, Purpose::Restore)?;
    recover(&app, &recovery, &backup, confirm_empty.unwrap_or(false))
}

fn recover(
    app: &AppHandle,
    recovery: &Recovery,
    backup: &std::path::Path,
    confirm_empty: bool,
) -> CmdResult<()> {
    let mut error = recovery.error.lock().unwrap_or_else(|e| e.into_inner());
    if error.is_none() {
        return Err(refused("recovery", FieldErrorCode::InvalidTransition));
    }
    let key = crate::gate::app_key(app);
    let preview = backup::preview(backup, key.as_ref())?;
    if !preview.usable {
        return Err(refused("backup", FieldErrorCode::InvalidChoice));
    }
    if preview.customers == 0 && !confirm_empty {
        return Err(refused("confirm_empty", FieldErrorCode::Required));
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
    let shop = Shop::open_with(path, key, crate::texter::shop_clock(path))?;
    if let Err(e) = shop.backup_if_due() {
        crate::trace::failed(crate::error::ErrorCode::Storage, &e.kind());
    }
    app.manage(shop);
    *error = None;
    Ok(())
}

fn refused(field: &str, code: FieldErrorCode) -> AppError {
    AppError::from(dangol_core::Error::Validation(vec![FieldError::new(
        field, code,
    )]))
}
