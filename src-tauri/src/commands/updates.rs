//! New versions of Dangol: look for one, install it when the owner says so
//! (the steps and their order are in `crate::updates`).

use tauri::AppHandle;

use crate::error::CmdResult;
use crate::updates::{self, InstallOutcome, UpdateCheck};

/// `force`: look now even if the app looked less than a day ago (the
/// owner's button in settings).
#[tauri::command]
pub async fn check_for_update(app: AppHandle, force: bool) -> CmdResult<UpdateCheck> {
    Ok(updates::check(&app, force).await)
}

#[tauri::command]
pub async fn install_update(app: AppHandle) -> CmdResult<InstallOutcome> {
    Ok(updates::install(&app).await)
}
