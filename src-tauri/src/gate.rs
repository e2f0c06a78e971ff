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
//! The gate also holds the key file (`dangol_core::data::vault::KeyFile`) and,
//! once known, the database key — to open the shop when the keychain had
//! no key and the PIN or recovery key brings it.
//!
//! And it knows who opened the lock: the owner (her PIN, the recovery key,
//! or no lock at all) or a staff member with her own PIN. What a staff
//! member writes records her (`working_staff`), and the owner's own
//! commands (`OWNER_ONLY`: settings, staff PINs, the lock, backups and
//! restore, deletion for good, exports and imports of the whole list) are
//! refused to her here, whatever the window shows.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use dangol_core::data::vault::{DbKey, KeyFile};

/// Commands the lock screen needs; everything else waits for the unlock.
const WHILE_LOCKED: &[&str] = &[
    "lock_status",
    "unlock",
    "unlock_with_recovery",
    "lock_now",
    "take_app_problem",
    // the start's one call: while locked it answers the lock alone
    "start_state",
];

/// Commands only the owner may run (not a staff member who opened the
/// lock with her own PIN).
pub const OWNER_ONLY: &[&str] = &[
    // settings, staff and their PINs
    "update_settings",
    "finish_setup",
    "add_staff",
    "update_staff",
    "set_staff_pin",
    "save_mail_settings",
    "save_text_settings",
    "update_loyalty_rules",
    // the lock and the recovery key
    "set_lock_secret",
    "set_idle_minutes",
    "new_recovery_key",
    "confirm_recovery_key",
    // backups and restore
    "backup_now",
    "list_backups",
    "preview_backup",
    "restore_backup",
    "choose_backup_file",
    "restore_chosen_backup",
    "choose_backup_folder",
    "clear_backup_folder",
    "recovery_preview",
    "recover_from_backup",
    "recover_from_chosen_file",
    // deletion for good (a merge deletes the record merged away)
    "delete_customer",
    "merge_customers",
    // the whole list, out of the app or into it
    "export_customers",
    "export_report",
    "choose_import_file",
    "preview_import",
    "import_customers",
    "undo_import",
];

/// Who opened the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Worker {
    /// The owner: her PIN, the recovery key, or a shop without a lock.
    Owner,
    /// A staff member, with her own PIN.
    Staff { id: i64, name: String },
}

/// Why a command may not run now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Locked,
    OwnerOnly,
}

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
    /// Who is working now (who opened the lock last).
    pub worker: Worker,
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
                worker: Worker::Owner,
            }),
        }
    }

    pub fn guard(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Why `command` may not run now, if it may not. Locks first when the
    /// owner has been away longer than the idle time.
    pub fn refusal(&self, command: &str) -> Option<Refusal> {
        if WHILE_LOCKED.contains(&command) {
            return None;
        }
        let mut inner = self.guard();
        inner.lock_if_idle();
        if inner.locked {
            return Some(Refusal::Locked);
        }
        (OWNER_ONLY.contains(&command) && inner.worker != Worker::Owner)
            .then_some(Refusal::OwnerOnly)
    }

    /// The staff member working now; none when it is the owner.
    pub fn working_staff(&self) -> Option<i64> {
        match self.guard().worker {
            Worker::Owner => None,
            Worker::Staff { id, .. } => Some(id),
        }
    }

    /// `chosen` as the form sent it, or else the staff member working now:
    /// what she writes records her.
    pub fn staff_or_worker(&self, chosen: Option<i64>) -> Option<i64> {
        chosen.or_else(|| self.working_staff())
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

#[cfg(test)]
mod tests {
    use super::*;
    use dangol_core::data::vault::{RecoveryKey, SecretKind};

    /// A gate over a shop locked by the owner's PIN "2468".
    fn locked_gate() -> Gate {
        let key = DbKey::random();
        let mut keys = KeyFile::new(&key, &RecoveryKey::random());
        keys.set_secret(&key, Some((SecretKind::Pin, "2468")));
        Gate::new(PathBuf::from("unused.sqlite3"), Some(keys), Some(key))
    }

    fn open_as(gate: &Gate, worker: Worker) {
        let mut inner = gate.guard();
        inner.locked = false;
        inner.worker = worker;
        inner.touch();
    }

    #[test]
    fn a_staff_member_cannot_run_the_owners_commands() {
        let gate = locked_gate();
        assert_eq!(gate.refusal("update_settings"), Some(Refusal::Locked));
        open_as(
            &gate,
            Worker::Staff {
                id: 3,
                name: "박미나".into(),
            },
        );
        for command in [
            "update_settings",
            "set_staff_pin",
            "add_staff",
            "set_lock_secret",
            "set_idle_minutes",
            "new_recovery_key",
            "backup_now",
            "restore_backup",
            "delete_customer",
            "export_customers",
        ] {
            assert_eq!(gate.refusal(command), Some(Refusal::OwnerOnly), "{command}");
        }
        for command in ["log_contact", "record_sale", "timeline", "lock_now"] {
            assert_eq!(gate.refusal(command), None, "{command}");
        }
        assert_eq!(gate.working_staff(), Some(3));
        assert_eq!(gate.staff_or_worker(None), Some(3));
        assert_eq!(
            gate.staff_or_worker(Some(5)),
            Some(5),
            "her own choice stays"
        );
    }

    #[test]
    fn the_owner_runs_everything_and_writes_as_herself() {
        let gate = locked_gate();
        open_as(&gate, Worker::Owner);
        for command in OWNER_ONLY {
            assert_eq!(gate.refusal(command), None, "{command}");
        }
        assert_eq!(gate.staff_or_worker(None), None);
    }

    /// Each name in `OWNER_ONLY` is a command the app registers: a renamed
    /// command would otherwise slip out of the list unnoticed.
    #[test]
    fn every_owner_only_name_is_a_registered_command() {
        let lib = include_str!("lib.rs");
        for command in OWNER_ONLY.iter().chain(WHILE_LOCKED) {
            assert!(
                lib.contains(&format!("::{command},")),
                "{command} is not registered in lib.rs"
            );
        }
    }
}
