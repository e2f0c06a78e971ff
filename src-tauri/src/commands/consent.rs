//! Consents: a customer's consents and records, giving and withdrawing,
//! and the printable consent form.

use dangol_core::people::consent::wording::ConsentForm;
use dangol_core::people::consent::{ConsentGiven, ConsentOverview, ConsentScope};
use dangol_core::{Language, Shop};
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn consents(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<ConsentOverview> {
    Ok(shop.consents(customer_id)?)
}

#[tauri::command]
pub fn give_consents(
    shop: State<'_, Shop>,
    customer_id: i64,
    given: ConsentGiven,
) -> CmdResult<ConsentOverview> {
    Ok(shop.give_consents(customer_id, &given)?)
}

#[tauri::command]
pub fn withdraw_consent(
    shop: State<'_, Shop>,
    customer_id: i64,
    scope: ConsentScope,
) -> CmdResult<ConsentOverview> {
    Ok(shop.withdraw_consent(customer_id, scope)?)
}

#[tauri::command]
pub fn consent_form(shop: State<'_, Shop>, language: Option<Language>) -> CmdResult<ConsentForm> {
    Ok(shop.consent_form(language)?)
}
