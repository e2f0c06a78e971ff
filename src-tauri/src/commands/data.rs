//! The shop's data: backups (named by the shop's own list, or a file the
//! owner chose in the system's dialog), the second backup folder (chosen
//! in the folder dialog), and duplicate customers. (Every command runs off
//! the main thread: see `contain`.)

use std::path::Path;

use dangol_core::data::backup::{BackupInfo, BackupPreview, BackupReason};
use dangol_core::data::vault::RecoveryKey;
use dangol_core::people::customers::merge::DuplicatePair;
use dangol_core::{Customer, FieldError, FieldErrorCode, Settings, Shop};
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
/// `recovery`: the recovery key of the shop that made a backup under
/// another key (`BackupProblem::NeedsRecoveryKey`), as typed.
pub fn preview_backup(
    shop: State<'_, Shop>,
    file_name: String,
    recovery: Option<String>,
) -> CmdResult<BackupPreview> {
    let backup = shop.find_backup(&file_name)?;
    let words = typed_words(recovery)?;
    Ok(shop.preview_backup_with(Path::new(&backup.path), words.as_ref())?)
}

#[tauri::command]
pub fn restore_backup(
    shop: State<'_, Shop>,
    file_name: String,
    confirm_empty: Option<bool>,
    recovery: Option<String>,
) -> CmdResult<BackupPreview> {
    let backup = shop.find_backup(&file_name)?;
    let words = typed_words(recovery)?;
    Ok(shop.restore_backup_with(
        Path::new(&backup.path),
        confirm_empty.unwrap_or(false),
        words.as_ref(),
    )?)
}

/// The recovery key as typed: none when left empty; words that are not a
/// recovery key are refused on the `recovery` field.
fn typed_words(typed: Option<String>) -> CmdResult<Option<RecoveryKey>> {
    let Some(typed) = typed.filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    RecoveryKey::parse(&typed).map(Some).ok_or_else(|| {
        dangol_core::Error::Validation(vec![FieldError::new(
            "recovery",
            FieldErrorCode::InvalidChoice,
        )])
        .into()
    })
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
    let preview = dangol_core::data::backup::preview(&path, key.as_ref())?;
    let file = chosen.grant(path, Purpose::Restore);
    Ok(Some(ChosenBackup { file, preview }))
}

#[tauri::command]
pub fn restore_chosen_backup(
    shop: State<'_, Shop>,
    chosen: State<'_, Chosen>,
    file: u64,
    confirm_empty: Option<bool>,
    recovery: Option<String>,
) -> CmdResult<BackupPreview> {
    let path = chosen.path(file, Purpose::Restore)?;
    let words = typed_words(recovery)?;
    Ok(shop.restore_backup_with(&path, confirm_empty.unwrap_or(false), words.as_ref())?)
}

/// What a chosen backup holds, read with the recovery key typed for it.
#[tauri::command]
pub fn preview_chosen_backup(
    shop: State<'_, Shop>,
    chosen: State<'_, Chosen>,
    file: u64,
    recovery: Option<String>,
) -> CmdResult<BackupPreview> {
    let path = chosen.path(file, Purpose::Restore)?;
    let words = typed_words(recovery)?;
    Ok(shop.preview_backup_with(&path, words.as_ref())?)
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
