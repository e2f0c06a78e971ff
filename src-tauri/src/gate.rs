//! The lock, enforced here and not only in the window: while the app is
//! locked every command but the few the lock screen needs is refused
//! (`contain::commands` asks `Gate::allows` before running one), so a
//! webview that was never unlocked cannot read a customer.
//!
//! The app opens locked when a PIN or password is set. It locks again on
//! `lock_now` (the button, Ctrl+L) and after the idle time the owner chose:
//! the window reports the owner's own activity (`still_here`), and any
//! command after a silence longer than the idle time finds the app locked.
//! Debug builds read `DANGOL_E2E_IDLE_SECONDS` so the end-to-end test need
//! not wait minutes; release builds have no such seam.
//!
//! The gate also holds the key file (`dangol_core::vault::KeyFile`) and,
//! once known, the database key — to open the shop when the keychain had
//! no key and the PIN or recovery key brings it.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use dangol_core::vault::{DbKey, KeyFile};

/// Commands the lock screen needs; everything else waits for the unlock.
const WHILE_LOCKED: &[&str] = &[
    "lock_status",
    "unlock",
    "unlock_with_recovery",
    "lock_now",
    "take_app_problem",
    "startup_problem",
];

pub struct Gate {
    pub db_path: PathBuf,
    inner: Mutex<Inner>,
}

pub struct Inner {
    pub locked: bool,
    /// None when the shop is not encrypted (no keychain at first start, or
    /// a build without encryption): then there is no lock either.
    pub keys: Option<KeyFile>,
    /// The database key, when known (from the keychain or an unlock).
    pub key: Option<DbKey>,
    pub last_touch: Instant,
}

impl Gate {
    pub fn new(db_path: PathBuf, keys: Option<KeyFile>, key: Option<DbKey>) -> Gate {
        let locked =
            keys.as_ref().is_some_and(|k| k.secret.is_some()) || (keys.is_some() && key.is_none());
        Gate {
            db_path,
            inner: Mutex::new(Inner {
                locked,
                keys,
                key,
                last_touch: Instant::now(),
            }),
        }
    }

    pub fn guard(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether `command` may run now. Locks first when the owner has been
    /// away longer than the idle time.
    pub fn allows(&self, command: &str) -> bool {
        if WHILE_LOCKED.contains(&command) {
            return true;
        }
        let mut inner = self.guard();
        inner.lock_if_idle();
        !inner.locked
    }
}

impl Inner {
    /// The idle time after which the app locks, if it locks at all.
    pub fn idle(&self) -> Option<Duration> {
        let keys = self.keys.as_ref()?;
        keys.secret.as_ref()?;
        if let Some(seconds) = e2e_idle_seconds() {
            return Some(Duration::from_secs(seconds));
        }
        let minutes = keys.lock.idle_minutes;
        (minutes > 0).then(|| Duration::from_secs(u64::from(minutes) * 60))
    }

    pub fn lock_if_idle(&mut self) {
        if let Some(idle) = self.idle() {
            if !self.locked && self.last_touch.elapsed() > idle {
                self.locked = true;
                tracing::info!("locked after the idle time");
            }
        }
    }

    pub fn touch(&mut self) {
        self.last_touch = Instant::now();
    }

    pub fn save_keys(&self, db_path: &std::path::Path) -> dangol_core::Result<()> {
        match &self.keys {
            Some(k) => k.save(db_path),
            None => Ok(()),
        }
    }
}

/// The end-to-end tests' idle time, in seconds (debug builds only).
#[cfg(debug_assertions)]
pub fn e2e_idle_seconds() -> Option<u64> {
    std::env::var("DANGOL_E2E_IDLE_SECONDS").ok()?.parse().ok()
}

#[cfg(not(debug_assertions))]
pub fn e2e_idle_seconds() -> Option<u64> {
    None
}

/// The database key the gate knows (none: the shop is not encrypted).
pub fn app_key(app: &tauri::AppHandle) -> Option<DbKey> {
    use tauri::Manager;
    app.try_state::<Gate>()?.guard().key.clone()
}
