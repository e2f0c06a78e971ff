//! `Shop`'s side of a person's rights (see `rights`): her data to see or
//! hand over, what backups keep after she is erased, and the retention
//! review on 오늘. The shop reads the clock here; `rights` takes the day.

use std::path::Path;

use crate::error::Result;
use crate::people::rights::backups::{self, BackupsAfterErasure};
use crate::people::rights::person::{self, PersonalData};
use crate::people::rights::retention::{self, RetentionPeriod, RetentionReview};
use crate::Shop;

impl Shop {
    /// Everything the shop keeps about customer `id` (열람), in the shop's
    /// language: the printable page shows these tables.
    pub fn personal_data(&self, id: i64) -> Result<PersonalData> {
        let s = self.settings()?;
        let conn = self.db.reader()?;
        person::collect(&conn, id, s.language, s.country, &s.shop_name, self.now())
    }

    /// The same, as an .xlsx file at `path` (one sheet per kind of data).
    /// The file is not encrypted: the window says so when it is saved.
    pub fn export_personal_data(&self, id: i64, path: &Path) -> Result<PersonalData> {
        let data = self.personal_data(id)?;
        person::to_xlsx(&data, self.settings()?.country, path)?;
        Ok(data)
    }

    /// What the shop's backups would still hold of customer `id` if she
    /// were erased now, and until when.
    pub fn erasure_backups(&self, id: i64) -> Result<BackupsAfterErasure> {
        let added = crate::people::customers::store::created_at(&*self.db.reader()?, id)?;
        let extra = self.settings()?.backup_folder;
        let mut folders = vec![self.backup_dir()];
        if !extra.is_empty() {
            folders.push(extra.clone().into());
        }
        let (holding, gone_by) = backups::holding(&folders, added, self.today());
        Ok(BackupsAfterErasure {
            holding,
            keep: crate::data::backup::KEEP as u32,
            gone_by,
            encrypted: self.db.key().is_some(),
            second_folder: !extra.is_empty(),
        })
    }

    pub fn retention_period(&self) -> Result<RetentionPeriod> {
        retention::period(&*self.db.reader()?)
    }

    pub fn set_retention_period(&self, p: RetentionPeriod) -> Result<RetentionPeriod> {
        self.db.with_tx(|tx| retention::set_period(tx, p))?;
        self.retention_period()
    }

    /// Customers past the retention period, for 오늘.
    pub fn retention_review(&self) -> Result<RetentionReview> {
        retention::review(&*self.db.reader()?, self.today())
    }

    /// 계속 보관: customer `id` stays, and is not listed again for a year.
    pub fn keep_past_retention(&self, id: i64) -> Result<()> {
        let lang = self.settings()?.language;
        let years = self.retention_period()?.years().unwrap_or(0).to_string();
        let note =
            crate::people::rights::words_for(lang, "retention.kept_note", &[("years", &years)]);
        self.db
            .with_tx(|tx| retention::keep(tx, id, &note, self.now()))
    }

    /// 다음 달에 다시 보기: the review card waits until next month.
    pub fn review_retention_later(&self) -> Result<()> {
        self.db.with_tx(|tx| retention::later(tx, self.today()))
    }
}
