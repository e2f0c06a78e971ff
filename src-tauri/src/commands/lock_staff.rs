//! Staff members' own PINs: the owner gives or clears one in settings,
//! and the lock screen opens with it as that person (gate.rs keeps who is
//! working). A staff PIN is checked against its hash in the shop's file,
//! so it opens the app only while the shop's key is at hand without the
//! owner (the keychain holds it); otherwise the lock screen says only her
//! PIN or the recovery key opens the shop. Wrong tries count with the
//! owner's (`KeyFile::count_try`).

use chrono::Utc;
use dangol_core::{FieldErrorCode, Shop, Staff};
use tauri::{AppHandle, Manager, State};

use super::lock::{refused, status, LockStatus};
use crate::error::CmdResult;
use crate::gate::{Gate, Worker};

/// Tries staff member `id`'s own PIN.
pub(crate) fn unlock_as_staff(
    app: &AppHandle,
    gate: &Gate,
    id: i64,
    pin: &str,
) -> CmdResult<LockStatus> {
    let mut inner = gate.guard();
    let now = Utc::now();
    let shop = app.try_state::<Shop>();
    let usable = inner.key.is_some() && inner.keys.as_ref().is_some_and(|k| k.secret.is_some());
    let (Some(shop), true) = (shop, usable) else {
        return Err(refused("staff", FieldErrorCode::InvalidTransition));
    };
    let keys = inner.keys.as_mut().expect("checked above");
    if keys.may_try(now).is_err() {
        return Ok(status(app, &inner));
    }
    let who = shop.check_staff_pin(id, pin)?;
    let counted = keys.count_try(who.is_some(), now);
    inner.save_keys(&gate.db_path)?;
    match who {
        Some(staff) => {
            inner.worker = Worker::Staff {
                id: staff.id,
                name: staff.name,
            };
            inner.locked = false;
            inner.touch();
            tracing::info!(staff = id, "unlocked by a staff member");
        }
        None => {
            if let Err(dangol_core::data::vault::Refused::Wrong { failed, .. }) = counted {
                tracing::info!(failed, "wrong staff PIN");
            }
        }
    }
    Ok(status(app, &inner))
}

/// Gives staff member `id` her own PIN (4–8 digits), or with `pin` none
/// clears it. Only when the owner has a PIN herself: without one the app
/// never locks, and a staff PIN would open nothing.
#[tauri::command]
pub fn set_staff_pin(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    id: i64,
    pin: Option<String>,
) -> CmdResult<Staff> {
    let owner_has_secret = gate
        .guard()
        .keys
        .as_ref()
        .is_some_and(|k| k.secret.is_some());
    if pin.is_some() && !owner_has_secret {
        return Err(refused("pin", FieldErrorCode::InvalidTransition));
    }
    let staff = shop.set_staff_pin(id, pin.as_deref())?;
    note_staff_pins(&gate, &shop)?;
    Ok(staff)
}

/// Keeps the key file's note of whether any staff member has a PIN (the
/// lock screen needs it before the shop's file can be read).
pub(crate) fn note_staff_pins(gate: &Gate, shop: &Shop) -> CmdResult<()> {
    let any = !shop.staff_with_pins()?.is_empty();
    let mut inner = gate.guard();
    if let Some(keys) = inner.keys.as_mut() {
        if keys.staff_pins != any {
            keys.staff_pins = any;
            inner.save_keys(&gate.db_path)?;
        }
    }
    Ok(())
}
