//! `Shop`'s part in updating Dangol: whether a check for a new version is
//! due (once a day), and the backup made right before one is installed.

use crate::data::backup::{BackupInfo, BackupReason};
use crate::data::updates;
use crate::error::Result;
use crate::Shop;

impl Shop {
    /// True when the app has not looked for a new version in 24 hours.
    pub fn update_check_due(&self) -> Result<bool> {
        let last = updates::last_check(&*self.db.reader()?)?;
        Ok(updates::check_due(last, self.now()))
    }

    /// Remembers that the app looked for a new version just now.
    pub fn record_update_check(&self) -> Result<()> {
        self.db.with_tx(|tx| updates::record_check(tx, self.now()))
    }

    /// The backup made right before a new version is installed (beside the
    /// database and in the owner's second folder, like every backup).
    pub fn backup_before_update(&self) -> Result<BackupInfo> {
        self.backup_now(BackupReason::BeforeUpdate)
    }
}
