//! Beside every encrypted backup, `<backup>.key`: the database key sealed
//! by the recovery key alone (never by the PIN, whose few digits a copied
//! file would let anyone try offline). A backup folder on a USB stick thus
//! opens with the printed recovery key on any PC, after the shop's own
//! PC, its keychain and its key file are gone.
//!
//! The seal is the one in the key file at the time the backup was made: a
//! backup keeps opening with the recovery key that was current then.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{DbKey, KeyFile, RecoveryKey, Sealed};
use crate::error::Result;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct BackupKey {
    version: u32,
    recovery: Sealed,
}

const END: &str = ".key";

/// Where the key of the backup at `backup` is kept.
pub fn backup_key_path(backup: &Path) -> PathBuf {
    let mut name = backup.as_os_str().to_owned();
    name.push(END);
    PathBuf::from(name)
}

/// True for a backup's key file name (so folder listings can skip it).
pub fn is_backup_key_name(name: &str) -> bool {
    name.ends_with(END)
}

impl KeyFile {
    /// Writes `backup`'s key file: whole under a temporary name, then
    /// renamed, so a crash never leaves half of one.
    pub fn seal_backup(&self, backup: &Path) -> Result<()> {
        let path = backup_key_path(backup);
        let partial = {
            let mut name = path.as_os_str().to_owned();
            name.push(".partial");
            PathBuf::from(name)
        };
        let bytes = serde_json::to_vec_pretty(&BackupKey {
            version: 1,
            recovery: self.recovery.clone(),
        })
        .expect("a backup key serializes");
        {
            use std::io::Write;
            let mut f = std::fs::File::create(&partial)?;
            f.write_all(&bytes)?;
            f.sync_all()?;
        }
        std::fs::rename(&partial, &path)?;
        Ok(())
    }
}

/// The key of the backup at `backup`, opened with the recovery key; `None`
/// when the backup has no key file or these are not its words.
pub fn open_backup_key(backup: &Path, recovery: &RecoveryKey) -> Option<DbKey> {
    let bytes = std::fs::read(backup_key_path(backup)).ok()?;
    let found: BackupKey = serde_json::from_slice(&bytes).ok()?;
    found.recovery.open(recovery.secret())
}

/// True when the backup at `backup` has a key file beside it.
pub fn has_backup_key(backup: &Path) -> bool {
    backup_key_path(backup).is_file()
}
