//! The shop's data: backups and restore, Excel/CSV import and export, and
//! duplicate customers. (Every command runs off the main thread: see
//! `contain`.)

use std::path::PathBuf;

use dangol_core::backup::{BackupInfo, BackupPreview, BackupReason};
use dangol_core::customers::merge::DuplicatePair;
use dangol_core::import::plan::{ImportOptions, ImportOutcome, ImportPreview};
use dangol_core::{Customer, Shop};
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn backup_now(shop: State<'_, Shop>) -> CmdResult<BackupInfo> {
    Ok(shop.backup_now(BackupReason::Manual)?)
}

#[tauri::command]
pub fn list_backups(shop: State<'_, Shop>) -> CmdResult<Vec<BackupInfo>> {
    Ok(shop.list_backups()?)
}

#[tauri::command]
pub fn preview_backup(shop: State<'_, Shop>, path: PathBuf) -> CmdResult<BackupPreview> {
    Ok(shop.preview_backup(&path)?)
}

#[tauri::command]
pub fn restore_backup(
    shop: State<'_, Shop>,
    path: PathBuf,
    confirm_empty: Option<bool>,
) -> CmdResult<BackupPreview> {
    Ok(shop.restore_backup(&path, confirm_empty.unwrap_or(false))?)
}

#[tauri::command]
pub fn preview_import(
    shop: State<'_, Shop>,
    path: PathBuf,
    options: ImportOptions,
) -> CmdResult<ImportPreview> {
    Ok(shop.preview_import(&path, &options)?)
}

#[tauri::command]
pub fn import_customers(
    shop: State<'_, Shop>,
    path: PathBuf,
    options: ImportOptions,
) -> CmdResult<ImportOutcome> {
    Ok(shop.import_file(&path, &options)?)
}

#[tauri::command]
pub fn undo_import(shop: State<'_, Shop>, batch_id: i64) -> CmdResult<u32> {
    Ok(shop.undo_import(batch_id)?)
}

#[tauri::command]
pub fn export_customers(
    shop: State<'_, Shop>,
    path: PathBuf,
    with_history: Option<bool>,
) -> CmdResult<u32> {
    Ok(shop.export_customers(&path, with_history.unwrap_or(false))?)
}

#[tauri::command]
pub fn find_duplicates(shop: State<'_, Shop>) -> CmdResult<Vec<DuplicatePair>> {
    Ok(shop.find_duplicates(200)?)
}

#[tauri::command]
pub fn merge_customers(shop: State<'_, Shop>, keep: i64, other: i64) -> CmdResult<Customer> {
    Ok(shop.merge_customers(keep, other)?)
}
