//! What erasing a customer cannot reach: the shop's backups. Each backup is
//! a whole copy of the shop made at one moment, so every backup made while
//! she was on the list still holds her. Dangol keeps the newest
//! `backup::KEEP` of each folder and removes older ones as new ones are
//! made (`backup::prune`); a backup is made each day the app is opened
//! (and before imports, restores and updates). So there is no fixed date:
//! the last backup that holds her goes once `KEEP` newer ones exist in its
//! folder. `after_erasure` says how many hold her now and, if the app is
//! opened every day from today, the day the last of them goes.

use std::path::PathBuf;

use chrono::{DateTime, Days, Local, NaiveDate, Utc};
use serde::Serialize;
use ts_rs::TS;

use crate::data::backup::{self, KEEP};

/// Said before a customer is erased.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct BackupsAfterErasure {
    /// Backups in Dangol's folders made while she was on the list.
    pub holding: u32,
    /// How many backups each folder keeps.
    pub keep: u32,
    /// With a backup made every day from today, the day the last backup
    /// holding her is removed; none when no backup holds her.
    pub gone_by: Option<NaiveDate>,
    /// Backups are encrypted with the shop's key.
    pub encrypted: bool,
    /// The owner also backs up to a folder of her own (a USB stick, a
    /// synced folder), whose copies elsewhere Dangol cannot reach.
    pub second_folder: bool,
}

/// For a customer added at `added`, given the folders Dangol backs up to
/// and the shop's `today`: how many backups hold her and when, at one
/// backup a day, the last of them is gone.
pub fn holding(
    folders: &[PathBuf],
    added: DateTime<Utc>,
    today: NaiveDate,
) -> (u32, Option<NaiveDate>) {
    let mut count = 0u32;
    let mut gone_by: Option<NaiveDate> = None;
    // A backup's time is kept to the millisecond: one made in the same
    // millisecond as she was added is counted as holding her.
    let added = added - chrono::Duration::milliseconds(1);
    for folder in folders {
        let list = backup::list(folder);
        // Newest first: the first that holds her is the last to go.
        let Some(position) = list.iter().position(|b| b.created_at >= added) else {
            continue;
        };
        count += list.iter().filter(|b| b.created_at >= added).count() as u32;
        let newest_day = list[0].created_at.with_timezone(&Local).date_naive();
        // The next daily backup: tomorrow if one was made today, else today.
        let next = (newest_day + Days::new(1)).max(today);
        // `KEEP - position` more backups push it out; the first is `next`.
        let more = (KEEP - position.min(KEEP)) as u64;
        let day = next + Days::new(more.saturating_sub(1));
        gone_by = Some(gone_by.map_or(day, |d| d.max(day)));
    }
    (count, gone_by)
}
