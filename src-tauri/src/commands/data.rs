//! The shop's data: backups (named by the shop's own list, or a file the
//! owner chose in the system's dialog), the second backup folder (chosen
//! in the folder dialog), and duplicate customers. (Every command runs off
//! the main thread: see `contain`.)

use std::path::Path;

use dangol_core::backup::{BackupInfo, BackupPreview, BackupReason};
use dangol_core::customers::merge::DuplicatePair;
use dangol_core::{Customer, Settings, Shop};
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::CmdResult;
use crate::files::{self, Chosen, ChosenFile, DialogText, Purpose};

#[tauri::command]
pub fn backup_now(shop: State<'_, Shop>) -> CmdResult<BackupInfo> {
    Ok(shop.backup_now(BackupReason::Manual)?)
}

#[tauri::command]
pub fn list_backups(shop: State<'_, Shop>) -> CmdResult<Vec<BackupInfo>> {
    Ok(shop.list_backups()?)
}

/// What a listed backup holds; `file_name` is one of `list_backups`.
#[tauri::command]
pub fn preview_backup(shop: State<'_, Shop>, file_name: String) -> CmdResult<BackupPreview> {
    let backup = shop.find_backup(&file_name)?;
    Ok(shop.preview_backup(Path::new(&backup.path))?)
}

#[tauri::command]
pub fn restore_backup(
    shop: State<'_, Shop>,
    file_name: String,
    confirm_empty: Option<bool>,
) -> CmdResult<BackupPreview> {
    let backup = shop.find_backup(&file_name)?;
    Ok(shop.restore_backup(Path::new(&backup.path), confirm_empty.unwrap_or(false))?)
}

/// A backup file from elsewhere (a USB stick), chosen in the open dialog.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ChosenBackup {
    pub file: ChosenFile,
    pub preview: BackupPreview,
}

/// Asks for a backup file anywhere; says what it holds.
#[tauri::command]
pub fn choose_backup_file(
    app: AppHandle,
    chosen: State<'_, Chosen>,
    text: DialogText,
) -> CmdResult<Option<ChosenBackup>> {
    let Some(path) = files::ask_open(&app, &text, &["sqlite3"]) else {
        return Ok(None);
    };
    let key = crate::gate::app_key(&app);
    let preview = dangol_core::backup::preview(&path, key.as_ref())?;
    let file = chosen.grant(path, Purpose::Restore);
    Ok(Some(ChosenBackup { file, preview }))
}

#[tauri::command]
pub fn restore_chosen_backup(
    shop: State<'_, Shop>,
    chosen: State<'_, Chosen>,
    file: u64,
    confirm_empty: Option<bool>,
) -> CmdResult<BackupPreview> {
    let path = chosen.path(file, Purpose::Restore)?;
    Ok(shop.restore_backup(&path, confirm_empty.unwrap_or(false))?)
}

/// Asks for the second backup folder and keeps it; `None` when the owner
/// closed the dialog.
#[tauri::command]
pub fn choose_backup_folder(
    app: AppHandle,
    shop: State<'_, Shop>,
    text: DialogText,
) -> CmdResult<Option<Settings>> {
    let Some(folder) = files::ask_folder(&app, &text) else {
        return Ok(None);
    };
    shop.set_backup_folder(Some(&folder))?;
    Ok(Some(shop.settings()?))
}

#[tauri::command]
pub fn clear_backup_folder(shop: State<'_, Shop>) -> CmdResult<Settings> {
    shop.set_backup_folder(None)?;
    Ok(shop.settings()?)
}

#[tauri::command]
pub fn find_duplicates(shop: State<'_, Shop>) -> CmdResult<Vec<DuplicatePair>> {
    Ok(shop.find_duplicates(200)?)
}

#[tauri::command]
pub fn merge_customers(shop: State<'_, Shop>, keep: i64, other: i64) -> CmdResult<Customer> {
    Ok(shop.merge_customers(keep, other)?)
}
