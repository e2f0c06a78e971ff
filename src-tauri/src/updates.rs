//! New versions of Dangol, through tauri-plugin-updater: look for one at
//! most once a day (the UI asks only from the home screen, never in the
//! middle of work), say what changed in the owner's language, and install
//! only when she says so: download → verify the signature → back up the
//! shop → install → restart. Any step that fails stops there and leaves
//! the app and the data as they were (a backup made is only an extra copy).
//!
//! Where updates come from is set by the release build (the workflow adds
//! the endpoint to the config); a build without one never looks. Debug
//! builds also read `DANGOL_UPDATE_URL` and `DANGOL_UPDATE_PUBKEY`, the
//! seam the end-to-end tests use to point the app at a server on
//! 127.0.0.1 that they sign for; release builds ignore both.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_updater::{Error as UpdaterError, Update, Updater, UpdaterExt};
use ts_rs::TS;

/// A newer Dangol that can be installed.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AvailableUpdate {
    pub version: String,
    pub current_version: String,
    /// What changed, in the app's language (`updates::notes_for`).
    pub notes: String,
    /// The day it was published (YYYY-MM-DD), when the release says.
    pub date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CheckStatus {
    /// This build has no place to look for updates (a developer's build).
    NotConfigured,
    /// Looked less than a day ago: not looking again yet.
    NotDue,
    UpToDate,
    Available,
    /// No answer (no internet, server down): nothing to do, try tomorrow.
    Failed,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UpdateCheck {
    pub status: CheckStatus,
    pub update: Option<AvailableUpdate>,
}

/// How an install the owner asked for ended, when the app is still running
/// to say so (after a successful install it restarts instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum InstallOutcome {
    /// There was no update waiting (checked again: none).
    NothingToInstall,
    /// Another install is already under way.
    Busy,
    /// The download failed: nothing changed.
    DownloadFailed,
    /// The file did not carry Dangol's signature: refused, nothing changed.
    Unverified,
    /// The backup before installing could not be made: not installed.
    BackupFailed,
    /// The new version could not be put in place; the old one still runs.
    InstallFailed,
}

/// Download progress, emitted as `update-progress`.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct UpdateProgress {
    pub downloaded: u64,
    pub total: Option<u64>,
}

/// The update found by the last check, kept until installed or the app
/// closes.
#[derive(Default)]
pub struct Updates {
    pending: Mutex<Option<Update>>,
    installing: AtomicBool,
}

fn updater(app: &AppHandle) -> Option<Updater> {
    #[allow(unused_mut)]
    let mut builder = app.updater_builder();
    #[cfg(debug_assertions)]
    {
        if let Some(url) = std::env::var("DANGOL_UPDATE_URL")
            .ok()
            .and_then(|u| u.parse().ok())
        {
            builder = builder.endpoints(vec![url]).ok()?;
        }
        if let Ok(key) = std::env::var("DANGOL_UPDATE_PUBKEY") {
            builder = builder.pubkey(key);
        }
    }
    // No endpoint configured (EmptyEndpoints): this build does not update.
    builder.build().ok()
}

fn describe(update: &Update, shop: &Shop) -> AvailableUpdate {
    let language = shop.settings().map(|s| s.language).unwrap_or_default();
    let notes =
        dangol_core::data::updates::notes_for(update.body.as_deref().unwrap_or(""), language);
    let date = update.raw_json["pub_date"]
        .as_str()
        .and_then(|d| d.get(..10))
        .map(str::to_string);
    AvailableUpdate {
        version: update.version.clone(),
        current_version: update.current_version.clone(),
        notes,
        date,
    }
}

/// Looks for a newer version when a day has passed since the last look
/// (or always, when `force`: the owner pressed 확인 in settings).
pub async fn check(app: &AppHandle, force: bool) -> UpdateCheck {
    // The recovery screen (no shop open) does not look for updates.
    let Some(shop) = app.try_state::<Shop>() else {
        return UpdateCheck {
            status: CheckStatus::NotConfigured,
            update: None,
        };
    };
    let state = app.state::<Updates>();
    let known = state.pending.lock().unwrap().clone();
    if let Some(update) = known.filter(|_| !force) {
        return UpdateCheck {
            status: CheckStatus::Available,
            update: Some(describe(&update, &shop)),
        };
    }
    let Some(updater) = updater(app) else {
        return UpdateCheck {
            status: CheckStatus::NotConfigured,
            update: None,
        };
    };
    if !force && !shop.update_check_due().unwrap_or(false) {
        return UpdateCheck {
            status: CheckStatus::NotDue,
            update: None,
        };
    }
    // Remembered before asking, so a shop without internet is not asked
    // again at every visit to the home screen.
    if let Err(e) = shop.record_update_check() {
        eprintln!("dangol: cannot record the update check: {e}");
    }
    match updater.check().await {
        Ok(Some(update)) => {
            let shown = describe(&update, &shop);
            *state.pending.lock().unwrap() = Some(update);
            UpdateCheck {
                status: CheckStatus::Available,
                update: Some(shown),
            }
        }
        Ok(None) => UpdateCheck {
            status: CheckStatus::UpToDate,
            update: None,
        },
        Err(e) => {
            eprintln!("dangol: update check failed: {e}");
            UpdateCheck {
                status: CheckStatus::Failed,
                update: None,
            }
        }
    }
}

fn is_signature_problem(e: &UpdaterError) -> bool {
    matches!(
        e,
        UpdaterError::Minisign(_)
            | UpdaterError::Base64(_)
            | UpdaterError::SignatureUtf8(_)
            | UpdaterError::SignedVersionMismatch { .. }
            | UpdaterError::MissingSignedVersion
    )
}

/// Installs the update found by the last check, when the owner said so.
/// Returns only when something stopped it; on success the app restarts
/// (on Windows the installer closes it and opens the new version).
pub async fn install(app: &AppHandle) -> InstallOutcome {
    let state = app.state::<Updates>();
    let Some(update) = state.pending.lock().unwrap().clone() else {
        return InstallOutcome::NothingToInstall;
    };
    if state.installing.swap(true, Ordering::SeqCst) {
        return InstallOutcome::Busy;
    }
    let outcome = install_steps(app, &update).await;
    state.installing.store(false, Ordering::SeqCst);
    outcome
}

async fn install_steps(app: &AppHandle, update: &Update) -> InstallOutcome {
    let mut downloaded = 0u64;
    let progress = |chunk: usize, total: Option<u64>| {
        downloaded += chunk as u64;
        let _ = app.emit("update-progress", UpdateProgress { downloaded, total });
    };
    // `download` verifies the signature against the public key in the
    // config before it returns the bytes.
    let bytes = match update.download(progress, || {}).await {
        Ok(bytes) => bytes,
        Err(e) if is_signature_problem(&e) => {
            eprintln!("dangol: update refused, signature: {e}");
            return InstallOutcome::Unverified;
        }
        Err(e) => {
            eprintln!("dangol: update download failed: {e}");
            return InstallOutcome::DownloadFailed;
        }
    };
    let Some(shop) = app.try_state::<Shop>() else {
        return InstallOutcome::BackupFailed;
    };
    if let Err(e) = shop.backup_before_update() {
        eprintln!("dangol: backup before update failed: {e}");
        return InstallOutcome::BackupFailed;
    }
    let sending = pause_mail(app);
    if let Err(e) = update.install(&bytes) {
        eprintln!("dangol: update install failed: {e}");
        if sending {
            crate::mailer::start(app);
        }
        return InstallOutcome::InstallFailed;
    }
    app.restart();
}

/// Lets the mail sender finish the letter it is on (up to 30 s) so that no
/// letter is cut in half when the app goes away; true when it was sending.
fn pause_mail(app: &AppHandle) -> bool {
    let mailer = app.state::<crate::mailer::Mailer>();
    let sending = mailer.state().running;
    mailer.stop();
    let until = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while mailer.state().running && std::time::Instant::now() < until {
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    sending
}
