//! New versions of Dangol: look for one, install it when the owner says so
//! (the steps and their order are in `crate::updates`). Like every command
//! they run on the blocking pool (see `contain`); the updater's network
//! calls are awaited there.

use tauri::AppHandle;

use crate::error::CmdResult;
use crate::updates::{self, InstallOutcome, UpdateCheck};

/// `force`: look now even if the app looked less than a day ago (the
/// owner's button in settings).
#[tauri::command]
pub fn check_for_update(app: AppHandle, force: bool) -> CmdResult<UpdateCheck> {
    Ok(tauri::async_runtime::block_on(updates::check(&app, force)))
}

#[tauri::command]
pub fn install_update(app: AppHandle) -> CmdResult<InstallOutcome> {
    Ok(tauri::async_runtime::block_on(updates::install(&app)))
}
