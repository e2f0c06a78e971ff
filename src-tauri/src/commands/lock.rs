//! The lock screen's commands, the PIN and idle settings, and the
//! recovery key page (src-tauri/src/gate.rs says how the lock is kept;
//! staff members' own PINs are in `lock_staff.rs`).

use chrono::{DateTime, Utc};
use dangol_core::data::vault::{secret_is_valid, KeyFile, RecoveryKey, Refused, SecretKind};
use dangol_core::people::customers::model::StaffRef;
use dangol_core::{FieldError, FieldErrorCode, Language, Shop};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use ts_rs::TS;

use crate::error::{AppError, CmdResult};
use crate::gate::{Gate, Inner, Worker};

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LockStatus {
    pub locked: bool,
    /// The shop file and backups are encrypted.
    pub encrypted: bool,
    /// What unlocks it; none when no PIN or password is set.
    pub secret: Option<SecretKind>,
    /// Wrong tries in a row, and until when the next one waits.
    pub failed: u32,
    pub wait_until: Option<DateTime<Utc>>,
    pub idle_minutes: u32,
    /// The idle time in force, in seconds (the window locks itself after
    /// it too); none when the app does not lock by itself.
    pub idle_seconds: Option<u32>,
    /// The owner said she printed the current recovery key.
    pub recovery_confirmed: bool,
    /// No PIN is set and the keychain lost the key: only the recovery key
    /// opens the shop.
    pub needs_recovery: bool,
    /// The shop's language for the lock screen (its settings, not data).
    pub language: Option<Language>,
    /// The staff member working now; none when it is the owner.
    pub working: Option<StaffRef>,
    /// The staff who can open the lock with their own PIN (the lock
    /// screen offers them beside the owner); none when nobody has one.
    pub people: Vec<StaffRef>,
    /// Staff PINs are set, but the shop's key is not at hand without the
    /// owner (the keychain lost it): only her PIN or the recovery key
    /// opens the shop this time.
    pub staff_need_owner: bool,
}

/// The recovery key page: the words and the same as a QR code.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct RecoveryPage {
    pub words: Vec<String>,
    pub qr_svg: String,
}

pub(crate) fn status(app: &AppHandle, inner: &Inner) -> LockStatus {
    let keys = inner.keys.as_ref();
    let shop = app.try_state::<Shop>();
    let language = shop
        .as_ref()
        .and_then(|s| s.settings().ok())
        .map(|s| s.language);
    let has_secret = keys.is_some_and(|k| k.secret.is_some());
    let people = match (&shop, has_secret, &inner.key) {
        (Some(shop), true, Some(_)) => shop
            .staff_with_pins()
            .unwrap_or_default()
            .into_iter()
            .map(|s| StaffRef {
                id: s.id,
                name: s.name,
            })
            .collect(),
        _ => vec![],
    };
    let staff_need_owner =
        has_secret && keys.is_some_and(|k| k.staff_pins) && (inner.key.is_none() || shop.is_none());
    let working = match &inner.worker {
        Worker::Owner => None,
        Worker::Staff { id, name } => Some(StaffRef {
            id: *id,
            name: name.clone(),
        }),
    };
    LockStatus {
        locked: inner.locked,
        encrypted: keys.is_some() || inner.key.is_some(),
        secret: keys.and_then(|k| k.secret.as_ref()).map(|s| s.kind),
        failed: keys.map_or(0, |k| k.lock.failed),
        wait_until: keys.and_then(|k| k.lock.wait_until),
        idle_minutes: keys.map_or(0, |k| k.lock.idle_minutes),
        idle_seconds: inner.idle().map(|d| d.as_secs() as u32),
        recovery_confirmed: keys.map_or(true, |k| k.recovery_confirmed),
        needs_recovery: inner.key.is_none() && keys.is_some_and(|k| k.secret.is_none()),
        language,
        working,
        people,
        staff_need_owner,
    }
}

pub(crate) fn refused(field: &str, code: FieldErrorCode) -> AppError {
    AppError::from(dangol_core::Error::Validation(vec![FieldError::new(
        field, code,
    )]))
}

#[tauri::command]
pub fn lock_status(app: AppHandle, gate: State<'_, Gate>) -> LockStatus {
    let mut inner = gate.guard();
    inner.lock_if_idle();
    status(&app, &inner)
}

/// Opens the shop with `key` if it is not open yet (the keychain had no
/// key), and puts the key back in the keychain.
fn open_with(
    app: &AppHandle,
    gate: &Gate,
    inner: &mut Inner,
    key: dangol_core::data::vault::DbKey,
) {
    if inner.key.is_none() {
        if let Err(e) = crate::secrets::save_db_key(&gate.db_path, &key) {
            tracing::warn!(
                len = e.len(),
                "the database key was not kept in the keychain"
            );
        }
        inner.key = Some(key.clone());
    }
    if app.try_state::<Shop>().is_none() {
        crate::open_shop(app, Some(key));
    }
}

/// Tries the PIN or password — the owner's, or with `staff_id` that
/// staff member's own PIN. A wrong one counts (after five, each next try
/// waits longer; the owner and staff share the count); the answer says
/// how many and until when.
#[tauri::command]
pub fn unlock(
    app: AppHandle,
    gate: State<'_, Gate>,
    secret: String,
    staff_id: Option<i64>,
) -> CmdResult<LockStatus> {
    if let Some(id) = staff_id {
        return super::lock_staff::unlock_as_staff(&app, &gate, id, &secret);
    }
    let mut inner = gate.guard();
    let Some(keys) = inner.keys.as_mut() else {
        return Err(refused("secret", FieldErrorCode::InvalidTransition));
    };
    let tried = keys.try_secret(&secret, Utc::now());
    inner.save_keys(&gate.db_path)?;
    match tried {
        Ok(key) => {
            open_with(&app, &gate, &mut inner, key);
            inner.locked = false;
            inner.worker = Worker::Owner;
            inner.touch();
            tracing::info!("unlocked");
        }
        Err(Refused::NoSecret) => return Err(refused("secret", FieldErrorCode::InvalidTransition)),
        Err(Refused::Wrong { failed, .. }) => tracing::info!(failed, "wrong PIN"),
        Err(Refused::Wait { .. }) => {}
    }
    Ok(status(&app, &inner))
}

/// Opens with the printed recovery key (a forgotten PIN, a lost keychain).
#[tauri::command]
pub fn unlock_with_recovery(
    app: AppHandle,
    gate: State<'_, Gate>,
    words: String,
) -> CmdResult<LockStatus> {
    let mut inner = gate.guard();
    let recovery = RecoveryKey::parse(&words)
        .ok_or_else(|| refused("words", FieldErrorCode::InvalidChoice))?;
    let key = inner
        .keys
        .as_ref()
        .and_then(|k| k.open_with_recovery(&recovery))
        .ok_or_else(|| refused("words", FieldErrorCode::InvalidChoice))?;
    if let Some(keys) = inner.keys.as_mut() {
        keys.lock.failed = 0;
        keys.lock.wait_until = None;
    }
    inner.save_keys(&gate.db_path)?;
    open_with(&app, &gate, &mut inner, key);
    inner.locked = false;
    inner.worker = Worker::Owner;
    inner.touch();
    Ok(status(&app, &inner))
}

/// Locks now (the button, Ctrl+L). Without a PIN there is nothing to
/// unlock with, so it is refused.
#[tauri::command]
pub fn lock_now(app: AppHandle, gate: State<'_, Gate>) -> CmdResult<LockStatus> {
    let mut inner = gate.guard();
    if inner
        .keys
        .as_ref()
        .and_then(|k| k.secret.as_ref())
        .is_none()
    {
        return Err(refused("secret", FieldErrorCode::Required));
    }
    inner.locked = true;
    Ok(status(&app, &inner))
}

/// The owner is at the counter (a key or a click in the window).
#[tauri::command]
pub fn still_here(gate: State<'_, Gate>) {
    gate.guard().touch();
}

/// Sets, changes or (with `secret` none) removes the PIN or password.
#[tauri::command]
pub fn set_lock_secret(
    app: AppHandle,
    gate: State<'_, Gate>,
    kind: SecretKind,
    secret: Option<String>,
) -> CmdResult<LockStatus> {
    let mut inner = gate.guard();
    let key = inner
        .key
        .clone()
        .ok_or_else(|| refused("secret", FieldErrorCode::InvalidTransition))?;
    if let Some(text) = &secret {
        if !secret_is_valid(kind, text) {
            return Err(refused("secret", FieldErrorCode::InvalidChoice));
        }
    }
    let keys = inner
        .keys
        .as_mut()
        .ok_or_else(|| refused("secret", FieldErrorCode::InvalidTransition))?;
    keys.set_secret(&key, secret.as_deref().map(|s| (kind, s)));
    inner.save_keys(&gate.db_path)?;
    inner.touch();
    Ok(status(&app, &inner))
}

/// Minutes without use after which the app locks (0: never).
#[tauri::command]
pub fn set_idle_minutes(
    app: AppHandle,
    gate: State<'_, Gate>,
    minutes: u32,
) -> CmdResult<LockStatus> {
    let mut inner = gate.guard();
    if minutes > 240 {
        return Err(refused("idle_minutes", FieldErrorCode::InvalidChoice));
    }
    let keys = inner
        .keys
        .as_mut()
        .ok_or_else(|| refused("idle_minutes", FieldErrorCode::InvalidTransition))?;
    keys.lock.idle_minutes = minutes;
    inner.save_keys(&gate.db_path)?;
    Ok(status(&app, &inner))
}

/// A new recovery key: the old one stops working. Shown once, to print.
#[tauri::command]
pub fn new_recovery_key(gate: State<'_, Gate>) -> CmdResult<RecoveryPage> {
    let mut inner = gate.guard();
    let key = inner
        .key
        .clone()
        .ok_or_else(|| refused("recovery", FieldErrorCode::InvalidTransition))?;
    let keys = inner
        .keys
        .as_mut()
        .ok_or_else(|| refused("recovery", FieldErrorCode::InvalidTransition))?;
    let recovery = RecoveryKey::random();
    keys.set_recovery(&key, &recovery);
    inner.save_keys(&gate.db_path)?;
    Ok(RecoveryPage {
        words: recovery.words(),
        qr_svg: recovery.qr_svg(),
    })
}

/// The owner printed or wrote down the recovery key.
#[tauri::command]
pub fn confirm_recovery_key(app: AppHandle, gate: State<'_, Gate>) -> CmdResult<LockStatus> {
    let mut inner = gate.guard();
    if let Some(keys) = inner.keys.as_mut() {
        keys.recovery_confirmed = true;
    }
    inner.save_keys(&gate.db_path)?;
    Ok(status(&app, &inner))
}

/// The key file and key at start: those found, or (first start with
/// encryption) a new key kept in the keychain and sealed in a new key
/// file. Without a keychain the shop stays as it was (plain), with a
/// warning in the log, rather than encrypted under a key nobody holds.
pub fn prepare(
    db_path: &std::path::Path,
) -> (Option<KeyFile>, Option<dangol_core::data::vault::DbKey>) {
    use dangol_core::data::vault::{DbKey, AVAILABLE};
    match KeyFile::load(db_path) {
        Ok(Some(keys)) => (Some(keys), crate::secrets::load_db_key(db_path)),
        Ok(None) if AVAILABLE && !encrypted_without_keys(db_path) => {
            let key = DbKey::random();
            let kept = crate::secrets::save_db_key(db_path, &key).is_ok()
                && crate::secrets::load_db_key(db_path).as_ref() == Some(&key);
            if !kept {
                tracing::warn!("no keychain: the shop stays unencrypted");
                return (None, None);
            }
            let keys = KeyFile::new(&key, &RecoveryKey::random());
            if keys.save(db_path).is_err() {
                tracing::warn!("the key file could not be written: the shop stays unencrypted");
                return (None, None);
            }
            (Some(keys), Some(key))
        }
        // An encrypted shop without its key file, or a damaged key file:
        // the keychain's key, if any, opens it.
        _ => (None, crate::secrets::load_db_key(db_path)),
    }
}

fn encrypted_without_keys(db_path: &std::path::Path) -> bool {
    std::fs::metadata(db_path).is_ok_and(|m| m.len() > 0)
        && !dangol_core::data::vault::is_plaintext(db_path)
}
