//! Texts: settings (the API key and secret to the OS keychain), the cost
//! of a batch before it goes, sending letters as texts, the text sender,
//! and text consents.

use dangol_core::outbox::texts::queue::TextPlan;
use dangol_core::outbox::texts::settings::TextSettings;
use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::{AppError, CmdResult};
use crate::texter;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TextSetup {
    pub settings: Option<TextSettings>,
    /// Whether the keychain holds the API key and secret.
    pub has_key: bool,
    /// The settings a new shop starts from (unit prices, pace).
    pub defaults: TextSettings,
}

#[tauri::command]
pub fn text_setup(shop: State<'_, Shop>) -> CmdResult<TextSetup> {
    Ok(TextSetup {
        settings: shop.text_settings()?,
        has_key: crate::secrets::load_text_key().is_some(),
        defaults: TextSettings::default(),
    })
}

/// Saves the settings, and the key and secret when both are typed.
#[tauri::command]
pub fn save_text_settings(
    shop: State<'_, Shop>,
    settings: TextSettings,
    api_key: Option<String>,
    api_secret: Option<String>,
) -> CmdResult<TextSettings> {
    let saved = shop.save_text_settings(&settings)?;
    if let (Some(k), Some(s)) = (api_key, api_secret) {
        if !k.trim().is_empty() && !s.trim().is_empty() {
            crate::secrets::save_text_key(&k, &s).map_err(|e| AppError::internal("keychain", e))?;
        }
    }
    Ok(saved)
}

/// What sending these letters as texts would send and cost; nothing goes.
#[tauri::command]
pub fn plan_texts(shop: State<'_, Shop>, letter_ids: Vec<i64>) -> CmdResult<TextPlan> {
    Ok(shop.queue_texts(&letter_ids, true)?)
}

/// Puts made letters in the outbox as texts and starts sending.
#[tauri::command]
pub fn text_letters(
    app: AppHandle,
    shop: State<'_, Shop>,
    letter_ids: Vec<i64>,
) -> CmdResult<TextPlan> {
    let plan = shop.queue_texts(&letter_ids, false)?;
    texter::start(&app);
    Ok(plan)
}

#[tauri::command]
pub fn retry_failed_texts(app: AppHandle, shop: State<'_, Shop>) -> CmdResult<u32> {
    let n = shop.retry_failed_texts()?;
    texter::start(&app);
    Ok(n)
}

/// Runs the text sender: what waits goes, texts of unknown fate are
/// looked up, delivery reports are fetched.
#[tauri::command]
pub fn start_text_sender(app: AppHandle) {
    texter::start(&app);
}

#[tauri::command]
pub fn opt_out_texts(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<()> {
    Ok(shop.opt_out_texts(customer_id)?)
}

#[tauri::command]
pub fn set_night_text_consent(
    shop: State<'_, Shop>,
    customer_id: i64,
    given: bool,
) -> CmdResult<()> {
    Ok(shop.set_night_text_consent(customer_id, given)?)
}
