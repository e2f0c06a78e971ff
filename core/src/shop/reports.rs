//! `Shop`'s reports: every figure for a period, in the shop's local days,
//! and one report's numbers written to .xlsx.

use std::path::Path;

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::reports::{self, Clock, Context, ReportKind, ReportQuery, Reports};
use crate::Shop;

fn check(q: &ReportQuery) -> Result<()> {
    if !(1..=365).contains(&q.return_days) {
        return Err(Error::Validation(vec![FieldError::new(
            "return_days",
            FieldErrorCode::InvalidChoice,
        )]));
    }
    Ok(())
}

impl Shop {
    pub fn reports(&self, q: &ReportQuery) -> Result<Reports> {
        check(q)?;
        let today = self.today();
        let span = q.period.resolve(today)?;
        let clock = Clock::of_shop(self.clock(), today);
        let language = self.settings()?.language;
        let conn = self.db.reader()?;
        reports::build(&Context {
            conn: &conn,
            db: Some(&self.db),
            clock: &clock,
            span,
            return_days: q.return_days,
            language,
        })
    }

    /// Packs the sales of every customer whose pack is stale (sold to,
    /// edited, moved or erased since it was made; all of them after
    /// migration 0023), a batch per transaction so that a sale recorded
    /// meanwhile waits milliseconds. The reports read the unpacked ones
    /// more slowly but as rightly; the upkeep calls this after the first
    /// screen.
    pub fn pack_sales(&self) -> Result<()> {
        let mut after = i64::MIN;
        while let Some(last) = self
            .db
            .with_tx(|tx| reports::packs::repack(tx, after, reports::packs::BATCH))?
        {
            after = last;
        }
        Ok(())
    }

    /// Writes one report's tables to an .xlsx file at `path`.
    pub fn export_report(&self, kind: ReportKind, q: &ReportQuery, path: &Path) -> Result<()> {
        check(q)?;
        let today = self.today();
        let span = q.period.resolve(today)?;
        let clock = Clock::of_shop(self.clock(), today);
        let settings = self.settings()?;
        let conn = self.db.reader()?;
        let cx = Context {
            conn: &conn,
            db: Some(&self.db),
            clock: &clock,
            span,
            return_days: q.return_days,
            language: settings.language,
        };
        let tables = reports::tables_of(&cx, kind)?;
        reports::export::to_xlsx(&tables, settings.country, path)
    }
}
