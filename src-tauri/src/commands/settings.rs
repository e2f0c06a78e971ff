use dangol_core::{Settings, SetupInput, Shop, Staff};
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn get_settings(shop: State<'_, Shop>) -> CmdResult<Settings> {
    Ok(shop.settings()?)
}

#[tauri::command]
pub fn update_settings(shop: State<'_, Shop>, settings: Settings) -> CmdResult<Settings> {
    Ok(shop.update_settings(&settings)?)
}

#[tauri::command]
pub fn finish_setup(shop: State<'_, Shop>, input: SetupInput) -> CmdResult<Settings> {
    Ok(shop.finish_setup(&input)?)
}

#[tauri::command]
pub fn list_staff(shop: State<'_, Shop>) -> CmdResult<Vec<Staff>> {
    Ok(shop.list_staff()?)
}

#[tauri::command]
pub fn add_staff(shop: State<'_, Shop>, name: String) -> CmdResult<Staff> {
    Ok(shop.add_staff(&name)?)
}

#[tauri::command]
pub fn update_staff(
    gate: State<'_, crate::gate::Gate>,
    shop: State<'_, Shop>,
    id: i64,
    name: String,
    active: bool,
) -> CmdResult<Staff> {
    let staff = shop.update_staff(id, &name, active)?;
    // One who left no longer opens the lock (nor is offered on it).
    crate::commands::lock_staff::note_staff_pins(&gate, &shop)?;
    Ok(staff)
}

/// The first-day checklist: which steps are done. Mail counts once its
/// password is in the keychain too (without it nothing can go).
#[tauri::command]
pub fn first_day(shop: State<'_, Shop>) -> CmdResult<dangol_core::FirstDay> {
    let mut steps = shop.first_day()?;
    steps.mail = steps.mail && crate::commands::mail::mail_ready(&shop)?;
    Ok(steps)
}

#[tauri::command]
pub fn note_first_day(shop: State<'_, Shop>, note: dangol_core::FirstDayNote) -> CmdResult<()> {
    Ok(shop.note_first_day(note)?)
}
