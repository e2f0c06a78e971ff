use dangol_core::Shop;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

/// Where the shop's data lives, shown in settings so the owner can find it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppInfo {
    pub version: String,
    pub data_file: String,
}

#[tauri::command]
pub fn app_info(shop: State<'_, Shop>) -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        data_file: shop.db_path().display().to_string(),
    }
}

/// Opens the system's print dialog for what the window shows (the print
/// view hides the app around its pages). Through Tauri rather than
/// `window.print()`: WKWebView on macOS ignores the latter, and one path
/// everywhere is one path to test.
#[tauri::command]
pub fn print_page(webview: tauri::Webview) -> crate::error::CmdResult<()> {
    webview
        .print()
        .map_err(|e| crate::error::AppError::internal("print", e.to_string()))
}
