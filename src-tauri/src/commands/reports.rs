//! Reports: every figure for a period, and one report's numbers to an
//! .xlsx the owner names in the save dialog.

use dangol_core::reports::{ReportKind, ReportQuery, Reports};
use dangol_core::Shop;
use tauri::{AppHandle, State};

use crate::error::CmdResult;
use crate::files::{self, DialogText};

#[tauri::command]
pub fn reports(shop: State<'_, Shop>, query: ReportQuery) -> CmdResult<Reports> {
    Ok(shop.reports(&query)?)
}

/// Saves one report; returns the file's name, or `None` when the owner
/// closed the dialog.
#[tauri::command]
pub fn export_report(
    app: AppHandle,
    shop: State<'_, Shop>,
    kind: ReportKind,
    query: ReportQuery,
    text: DialogText,
) -> CmdResult<Option<String>> {
    let Some(path) = files::ask_save(&app, &text, "xlsx") else {
        return Ok(None);
    };
    shop.export_report(kind, &query, &path)?;
    Ok(Some(files::name_of(&path)))
}
