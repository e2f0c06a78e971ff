//! Reports: every figure for a period, and one report's numbers to .xlsx.

use std::path::PathBuf;

use dangol_core::reports::{ReportKind, ReportQuery, Reports};
use dangol_core::Shop;
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn reports(shop: State<'_, Shop>, query: ReportQuery) -> CmdResult<Reports> {
    Ok(shop.reports(&query)?)
}

#[tauri::command]
pub fn export_report(
    shop: State<'_, Shop>,
    kind: ReportKind,
    query: ReportQuery,
    path: PathBuf,
) -> CmdResult<()> {
    Ok(shop.export_report(kind, &query, &path)?)
}
