//! A person's rights: everything the shop keeps about her, to print or to
//! save as .xlsx where the owner chooses in the save dialog (열람); what the
//! backups keep once she is erased; the retention review on 오늘.

use dangol_core::people::rights::retention::{RetentionPeriod, RetentionReview};
use dangol_core::people::rights::{BackupsAfterErasure, PersonalData};
use dangol_core::Shop;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::files::{self, DialogText};

#[tauri::command]
pub fn personal_data(shop: State<'_, Shop>, id: i64) -> CmdResult<PersonalData> {
    Ok(shop.personal_data(id)?)
}

/// Saves her data as .xlsx; the file's name, or `None` when the owner
/// closed the dialog.
#[tauri::command]
pub fn export_personal_data(
    app: AppHandle,
    shop: State<'_, Shop>,
    id: i64,
    text: DialogText,
) -> CmdResult<Option<String>> {
    let Some(path) = files::ask_save(&app, &text, "xlsx") else {
        return Ok(None);
    };
    shop.export_personal_data(id, &path)?;
    Ok(Some(files::name_of(&path)))
}

#[tauri::command]
pub fn erasure_backups(shop: State<'_, Shop>, id: i64) -> CmdResult<BackupsAfterErasure> {
    Ok(shop.erasure_backups(id)?)
}

#[tauri::command]
pub fn retention_review(shop: State<'_, Shop>) -> CmdResult<RetentionReview> {
    Ok(shop.retention_review()?)
}

#[tauri::command]
pub fn retention_period(shop: State<'_, Shop>) -> CmdResult<RetentionPeriod> {
    Ok(shop.retention_period()?)
}

#[tauri::command]
pub fn set_retention_period(
    shop: State<'_, Shop>,
    period: RetentionPeriod,
) -> CmdResult<RetentionPeriod> {
    Ok(shop.set_retention_period(period)?)
}

#[tauri::command]
pub fn keep_past_retention(shop: State<'_, Shop>, id: i64) -> CmdResult<()> {
    Ok(shop.keep_past_retention(id)?)
}

#[tauri::command]
pub fn review_retention_later(shop: State<'_, Shop>) -> CmdResult<()> {
    Ok(shop.review_retention_later()?)
}
