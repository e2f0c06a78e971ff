//! Reports: every figure for a period, and one report's numbers to an
//! .xlsx the owner names in the save dialog.

use dangol_core::reports::{ReportKind, ReportQuery, Reports};
use dangol_core::Shop;
use tauri::{AppHandle, Manager, State};

use crate::error::CmdResult;
use crate::files::{self, DialogText};

/// Every figure for the period. Afterwards, on a thread of its own, the
/// sales of the customers sold to since the last packing are packed, so
/// that a shop whose app stays open for weeks keeps its reports quick
/// (the upkeep packs only at the start).
#[tauri::command]
pub fn reports(app: AppHandle, shop: State<'_, Shop>, query: ReportQuery) -> CmdResult<Reports> {
    let reports = shop.reports(&query)?;
    std::thread::spawn(move || {
        if let Err(e) = app.state::<Shop>().pack_sales() {
            tracing::warn!(kind = e.kind(), "packing the sales for the reports failed");
        }
    });
    Ok(reports)
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
