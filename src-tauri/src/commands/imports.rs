//! Customers in and out: the import file chosen in the system's dialog and
//! then named by its token; exports saved where the owner says in the
//! save dialog. Like every command they run off the main thread (see
//! `contain`), which the blocking dialogs need too.

use dangol_core::data::import::plan::{ImportOptions, ImportOutcome, ImportPreview};
use dangol_core::data::import::warnings::ImportWarning;
use dangol_core::Shop;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::CmdResult;
use crate::files::{self, Chosen, ChosenFile, DialogText, Purpose};

/// The kinds of file the importer reads (it goes by the bytes; these are
/// what the open dialog offers).
const IMPORT_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "csv", "txt", "tsv", "prn"];

#[tauri::command]
pub fn choose_import_file(
    app: AppHandle,
    chosen: State<'_, Chosen>,
    text: DialogText,
) -> Option<ChosenFile> {
    let path = files::ask_open(&app, &text, IMPORT_EXTENSIONS)?;
    Some(chosen.grant(path, Purpose::Import))
}

#[tauri::command]
pub fn preview_import(
    shop: State<'_, Shop>,
    chosen: State<'_, Chosen>,
    file: u64,
    options: ImportOptions,
) -> CmdResult<ImportPreview> {
    let path = chosen.path(file, Purpose::Import)?;
    Ok(shop.preview_import(&path, &options)?)
}

#[tauri::command]
pub fn import_customers(
    shop: State<'_, Shop>,
    chosen: State<'_, Chosen>,
    file: u64,
    options: ImportOptions,
) -> CmdResult<ImportOutcome> {
    let path = chosen.path(file, Purpose::Import)?;
    Ok(shop.import_file(&path, &options)?)
}

#[tauri::command]
pub fn undo_import(shop: State<'_, Shop>, batch_id: i64) -> CmdResult<u32> {
    Ok(shop.undo_import(batch_id)?)
}

#[tauri::command]
pub fn import_warnings(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<Vec<ImportWarning>> {
    Ok(shop.import_warnings(customer_id)?)
}

#[tauri::command]
pub fn dismiss_import_warning(shop: State<'_, Shop>, customer_id: i64, id: i64) -> CmdResult<()> {
    Ok(shop.dismiss_import_warning(customer_id, id)?)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ExportFormat {
    Xlsx,
    Csv,
}

/// What an export saved, and the name of the file it went to.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct Saved {
    pub count: u32,
    pub file_name: String,
}

/// Every customer to a file the owner names in the save dialog; `None`
/// when she closed it.
#[tauri::command]
pub fn export_customers(
    app: AppHandle,
    shop: State<'_, Shop>,
    format: ExportFormat,
    with_history: bool,
    text: DialogText,
) -> CmdResult<Option<Saved>> {
    let ext = match format {
        ExportFormat::Xlsx => "xlsx",
        ExportFormat::Csv => "csv",
    };
    let Some(path) = files::ask_save(&app, &text, ext) else {
        return Ok(None);
    };
    let with_history = with_history && format == ExportFormat::Xlsx;
    let count = shop.export_customers(&path, with_history)?;
    Ok(Some(Saved {
        count,
        file_name: files::name_of(&path),
    }))
}
