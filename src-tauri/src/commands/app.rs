use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;

use super::lock::{lock_status, LockStatus};
use crate::error::CmdResult;
use crate::gate::Gate;
use crate::recovery::{startup_problem, Recovery, StartupProblem};

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

/// What the shop holds that every screen needs.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ShopStart {
    pub settings: dangol_core::Settings,
    pub staff: Vec<dangol_core::Staff>,
    pub info: AppInfo,
}

/// Everything the window needs for its first screen, in one call: each
/// call is a round trip through the webview, and the four the start made
/// one after another took about 40 ms of it (BENCHMARKS.md, issue 18).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct StartState {
    pub lock: LockStatus,
    /// The shop's file could not be opened: the backups are offered.
    pub problem: Option<StartupProblem>,
    /// None while the lock is shown (nothing of the shop before it
    /// opens), with a problem, or while the shop is not open.
    pub shop: Option<ShopStart>,
}

/// `lock_status`, then `startup_problem`, then the settings, staff and
/// `app_info`, as the window asked for them one by one. Allowed while
/// locked (`gate.rs`): it then answers the lock's status alone.
#[tauri::command]
pub fn start_state(
    app: AppHandle,
    gate: State<'_, Gate>,
    recovery: State<'_, Recovery>,
) -> CmdResult<StartState> {
    let lock = lock_status(app.clone(), gate);
    let mut state = StartState {
        lock,
        problem: None,
        shop: None,
    };
    if state.lock.locked || state.lock.needs_recovery {
        return Ok(state);
    }
    state.problem = startup_problem(recovery);
    if state.problem.is_some() {
        return Ok(state);
    }
    if let Some(shop) = app.try_state::<Shop>() {
        state.shop = Some(ShopStart {
            settings: shop.settings()?,
            staff: shop.list_staff()?,
            info: app_info(shop),
        });
    }
    Ok(state)
}
