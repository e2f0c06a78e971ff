//! `dangol.keys.json` beside the shop: the database key sealed by the
//! recovery key and by the PIN or password, the idle time after which the
//! app locks, and the wrong tries so far (so that quitting does not reset
//! the wait). Nothing in it opens the shop without one of the secrets.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{DbKey, RecoveryKey, Sealed};
use crate::error::Result;

/// What the owner chose to lock with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SecretKind {
    /// Digits only, 4 to 12.
    Pin,
    /// Anything, at least 6 characters.
    Password,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockSecret {
    pub kind: SecretKind,
    pub sealed: Sealed,
}

/// How the app locks, and the wrong tries so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    /// Minutes without a touch after which the app locks; 0 = never.
    pub idle_minutes: u32,
    pub failed: u32,
    pub wait_until: Option<DateTime<Utc>>,
}

impl Default for Lock {
    fn default() -> Self {
        Lock {
            idle_minutes: 5,
            failed: 0,
            wait_until: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFile {
    pub version: u32,
    pub recovery: Sealed,
    pub secret: Option<LockSecret>,
    #[serde(default)]
    pub lock: Lock,
    /// The owner said she printed (or wrote down) the current recovery key.
    #[serde(default)]
    pub recovery_confirmed: bool,
    /// Some staff member has her own PIN (the PINs themselves are hashed
    /// in the shop's file): the lock screen says when only the owner can
    /// open the shop because its key is not at hand without her.
    #[serde(default)]
    pub staff_pins: bool,
}

/// Wrong tries allowed before each next one waits.
pub const FREE_TRIES: u32 = 5;

/// The wait after the `failed`-th wrong try: none for the first five, then
/// 30 s, doubling each time, at most an hour.
pub fn wait_after(failed: u32) -> Duration {
    if failed < FREE_TRIES {
        return Duration::zero();
    }
    let doublings = (failed - FREE_TRIES).min(7);
    Duration::seconds((30i64 << doublings).min(3600))
}

/// Why a PIN or password did not open the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Not the right one; the next try waits until `wait_until`, if set.
    Wrong {
        failed: u32,
        wait_until: Option<DateTime<Utc>>,
    },
    /// Too soon after the last wrong try: not even checked.
    Wait { until: DateTime<Utc> },
    /// No PIN or password is set.
    NoSecret,
}

impl KeyFile {
    /// The key file of the shop at `db_path`.
    pub fn path_for(db_path: &Path) -> PathBuf {
        db_path.with_extension("keys.json")
    }

    /// A new key file: `key` sealed by `recovery`, no PIN yet.
    pub fn new(key: &DbKey, recovery: &RecoveryKey) -> KeyFile {
        KeyFile {
            version: 1,
            recovery: Sealed::seal(key, recovery.secret()),
            secret: None,
            lock: Lock::default(),
            recovery_confirmed: false,
            staff_pins: false,
        }
    }

    /// The key file, if there is one (a damaged one is an error).
    pub fn load(db_path: &Path) -> Result<Option<KeyFile>> {
        let path = Self::path_for(db_path);
        match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|_| crate::Error::Corrupt("the key file is damaged".into())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Written whole under a temporary name, then renamed over the old one.
    pub fn save(&self, db_path: &Path) -> Result<()> {
        let path = Self::path_for(db_path);
        let partial = path.with_extension("json.partial");
        let bytes = serde_json::to_vec_pretty(self).expect("a key file serializes");
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&partial)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
        }
        std::fs::rename(&partial, &path)?;
        Ok(())
    }

    pub fn open_with_recovery(&self, recovery: &RecoveryKey) -> Option<DbKey> {
        self.recovery.open(recovery.secret())
    }

    /// Seals `key` under a new recovery key (the old one stops working).
    pub fn set_recovery(&mut self, key: &DbKey, recovery: &RecoveryKey) {
        self.recovery = Sealed::seal(key, recovery.secret());
        self.recovery_confirmed = false;
    }

    /// Sets (or, with `None`, removes) the PIN or password.
    pub fn set_secret(&mut self, key: &DbKey, secret: Option<(SecretKind, &str)>) {
        self.secret = secret.map(|(kind, text)| LockSecret {
            kind,
            sealed: Sealed::seal(key, text.as_bytes()),
        });
        self.lock.failed = 0;
        self.lock.wait_until = None;
    }

    /// Tries a PIN or password at `now`, counting wrong tries (the caller
    /// saves the file after). Too soon after a wrong one, it is not checked.
    pub fn try_secret(&mut self, typed: &str, now: DateTime<Utc>) -> Result<DbKey, Refused> {
        let Some(secret) = &self.secret else {
            return Err(Refused::NoSecret);
        };
        self.may_try(now)?;
        let opened = secret.sealed.open(typed.as_bytes());
        self.count_try(opened.is_some(), now)?;
        Ok(opened.expect("counted as opened"))
    }

    /// Refused while the wait after the last wrong try runs.
    pub fn may_try(&self, now: DateTime<Utc>) -> Result<(), Refused> {
        match self.lock.wait_until.filter(|u| *u > now) {
            Some(until) => Err(Refused::Wait { until }),
            None => Ok(()),
        }
    }

    /// Counts a try of any PIN — the owner's or a staff member's: they
    /// share one count, so choosing another person does not buy an
    /// attacker more guesses. A right one clears it; after five wrong
    /// ones, each next try waits longer.
    pub fn count_try(&mut self, opened: bool, now: DateTime<Utc>) -> Result<(), Refused> {
        if opened {
            self.lock.failed = 0;
            self.lock.wait_until = None;
            return Ok(());
        }
        self.lock.failed += 1;
        let wait = wait_after(self.lock.failed);
        self.lock.wait_until = (wait > Duration::zero()).then(|| now + wait);
        Err(Refused::Wrong {
            failed: self.lock.failed,
            wait_until: self.lock.wait_until,
        })
    }
}

/// Whether `typed` is acceptable as a secret of `kind`.
pub fn secret_is_valid(kind: SecretKind, typed: &str) -> bool {
    match kind {
        SecretKind::Pin => {
            (4..=12).contains(&typed.len()) && typed.bytes().all(|b| b.is_ascii_digit())
        }
        SecretKind::Password => typed.chars().count() >= 6,
    }
}
