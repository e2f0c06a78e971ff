//! `Shop`'s important dates: family members, dates, what is coming up, and
//! what was missed while the app was closed.

use chrono::{Days, NaiveDate};

use crate::error::Result;
use crate::letters::dates::occasions::{
    self, DateInput, FamilyMember, ImportantDate, Relation, Upcoming,
};
use crate::store::settings;
use crate::Shop;

const LAST_OPEN: &str = "last_open_day";

impl Shop {
    pub fn add_family_member(
        &self,
        customer_id: i64,
        name: &str,
        relation: Relation,
    ) -> Result<FamilyMember> {
        self.db
            .with_tx(|tx| occasions::add_member(tx, customer_id, name, relation, self.now()))
    }

    pub fn family(&self, customer_id: i64) -> Result<Vec<FamilyMember>> {
        occasions::members(&*self.db.reader()?, customer_id)
    }

    pub fn add_important_date(&self, customer_id: i64, input: &DateInput) -> Result<i64> {
        self.db
            .with_tx(|tx| occasions::add_date(tx, customer_id, input, self.now()))
    }

    pub fn important_dates(&self, customer_id: i64) -> Result<Vec<ImportantDate>> {
        occasions::dates_of(&*self.db.reader()?, customer_id, self.today())
    }

    pub fn update_family_member(
        &self,
        id: i64,
        name: &str,
        relation: Relation,
    ) -> Result<FamilyMember> {
        self.db
            .with_tx(|tx| occasions::update_member(tx, id, name, relation))
    }

    pub fn update_important_date(&self, id: i64, input: &DateInput) -> Result<()> {
        self.db.with_tx(|tx| occasions::update_date(tx, id, input))
    }

    pub fn delete_family_member(&self, id: i64) -> Result<()> {
        self.db.with_tx(|tx| occasions::delete(tx, "member", id))
    }

    pub fn delete_important_date(&self, id: i64) -> Result<()> {
        self.db.with_tx(|tx| occasions::delete(tx, "date", id))
    }

    /// Days from today to `days` ahead (0: today only).
    pub fn upcoming_dates(&self, days: u32) -> Result<Vec<Upcoming>> {
        let from = self.today();
        let to = from
            .checked_add_days(Days::new(days.into()))
            .unwrap_or(from);
        let conn = self.db.reader()?;
        let mut days = occasions::between(&conn, from, to)?;
        crate::letters::for_day::mark_gone(&conn, &mut days)?;
        Ok(days)
    }

    /// The days that passed while the app was closed (since the day after
    /// it was last open, up to yesterday), never silently skipped; then
    /// notes today as seen. At most a year back.
    pub fn catch_up_dates(&self) -> Result<Vec<Upcoming>> {
        let today = self.today();
        let last: Option<NaiveDate> = self.db.with_tx(|tx| {
            // A value that does not read as a day counts as never open.
            let last = settings::get(tx, LAST_OPEN).ok().flatten();
            settings::put(tx, LAST_OPEN, &today)?;
            Ok(last)
        })?;
        let Some(last) = last else { return Ok(vec![]) };
        let from = last
            .succ_opt()
            .unwrap_or(last)
            .max(today - chrono::Duration::days(365));
        let Some(to) = today.pred_opt() else {
            return Ok(vec![]);
        };
        if from > to {
            return Ok(vec![]);
        }
        let conn = self.db.reader()?;
        let mut days = occasions::between(&conn, from, to)?;
        crate::letters::for_day::mark_gone(&conn, &mut days)?;
        Ok(days)
    }
}
