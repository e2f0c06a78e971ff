//! New-product trials: create, give to customers or a tier, feedback.

use dangol_core::history::trials::{FeedbackInput, Participation, Trial, TrialInput};
use dangol_core::Shop;
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn create_trial(shop: State<'_, Shop>, input: TrialInput) -> CmdResult<Trial> {
    Ok(shop.create_trial(&input)?)
}

#[tauri::command]
pub fn list_trials(shop: State<'_, Shop>) -> CmdResult<Vec<Trial>> {
    Ok(shop.list_trials()?)
}

#[tauri::command]
pub fn give_trial(shop: State<'_, Shop>, trial_id: i64, customer_ids: Vec<i64>) -> CmdResult<u32> {
    Ok(shop.give_trial(trial_id, &customer_ids)?)
}

#[tauri::command]
pub fn give_trial_to_tier(shop: State<'_, Shop>, trial_id: i64, tier_id: String) -> CmdResult<u32> {
    Ok(shop.give_trial_to_tier(trial_id, &tier_id)?)
}

#[tauri::command]
pub fn trial_participants(
    shop: State<'_, Shop>,
    trial_id: i64,
    pending_only: bool,
) -> CmdResult<Vec<Participation>> {
    Ok(shop.trial_participants(trial_id, pending_only)?)
}

#[tauri::command]
pub fn record_trial_feedback(
    shop: State<'_, Shop>,
    trial_id: i64,
    customer_id: i64,
    input: FeedbackInput,
) -> CmdResult<()> {
    Ok(shop.record_trial_feedback(trial_id, customer_id, &input)?)
}

#[tauri::command]
pub fn customer_trials(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<Vec<Participation>> {
    Ok(shop.customer_trials(customer_id)?)
}
