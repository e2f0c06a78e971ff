//! `Shop`'s history side: each call is one transaction on the file.

use chrono::{Days, NaiveDate};

use crate::error::Result;
use crate::history::model::*;
use crate::history::sale::{self, SaleOutcome};
use crate::history::{cases, entries, search};
use crate::Shop;

impl Shop {
    /// Records a sale with every rule of the shop applied (`history::sale`,
    /// the one path for a sale).
    pub fn record_sale(&self, customer_id: i64, input: &SaleInput) -> Result<SaleOutcome> {
        self.db
            .with_tx(|tx| sale::record(tx, customer_id, input, self.clock()))
    }

    /// Records a payment of 외상; the points its sales waited for are earned
    /// now, in the same transaction (loyalty::credit).
    pub fn record_payment(&self, customer_id: i64, input: &PaymentInput) -> Result<HistoryEntry> {
        let id = self.db.with_tx(|tx| {
            let now = self.now();
            let country = crate::store::settings::load(tx)?.country;
            let rules = crate::loyalty::load_rules(tx)?;
            let id = entries::record_payment(tx, customer_id, input, country, now)?;
            let paid = entries::get_entry(tx, id)?.amount;
            let tier = crate::history::sale::current_tier(tx, &rules, customer_id)?;
            crate::loyalty::credit::earn_on_payment(
                tx,
                &rules,
                tier,
                customer_id,
                paid,
                id,
                self.today(),
                now,
            )?;
            Ok(id)
        })?;
        self.history_entry(id)
    }

    pub fn log_contact(&self, customer_id: i64, input: &ContactInput) -> Result<HistoryEntry> {
        let id = self
            .db
            .with_tx(|tx| entries::log_contact(tx, customer_id, input, self.now()))?;
        self.history_entry(id)
    }

    pub fn add_note(
        &self,
        customer_id: i64,
        text: &str,
        staff_id: Option<i64>,
    ) -> Result<HistoryEntry> {
        let id = self
            .db
            .with_tx(|tx| entries::add_note(tx, customer_id, text, staff_id, self.now()))?;
        self.history_entry(id)
    }

    /// Corrects a contact's or a note's text, keeping who and when.
    pub fn edit_entry(
        &self,
        id: i64,
        summary: &str,
        detail: &str,
        staff_id: Option<i64>,
    ) -> Result<HistoryEntry> {
        self.db
            .with_tx(|tx| entries::edit_text(tx, id, summary, detail, staff_id, self.now()))?;
        self.history_entry(id)
    }

    pub fn history_entry(&self, id: i64) -> Result<HistoryEntry> {
        entries::get_entry(&*self.db.reader()?, id)
    }

    pub fn timeline(&self, q: &TimelineQuery) -> Result<TimelinePage> {
        entries::timeline(&*self.db.reader()?, q)
    }

    pub fn balance_owed(&self, customer_id: i64) -> Result<i64> {
        entries::balance(&*self.db.reader()?, customer_id)
    }

    pub fn customer_story(&self, customer_id: i64) -> Result<CustomerStory> {
        cases::story(&*self.db.reader()?, customer_id, self.clock())
    }

    pub fn search_history(&self, query: &str, limit: u32) -> Result<Vec<HistoryHit>> {
        search::search(&*self.db.reader()?, query, limit)
    }

    pub fn open_complaint(&self, customer_id: i64, input: &ComplaintInput) -> Result<Complaint> {
        let id = self.db.with_tx(|tx| {
            cases::open_complaint(tx, customer_id, input, self.today(), self.now())
        })?;
        cases::get_complaint(&*self.db.reader()?, id)
    }

    pub fn update_complaint(&self, id: i64, update: &ComplaintUpdate) -> Result<Complaint> {
        self.db
            .with_tx(|tx| cases::update_complaint(tx, id, update, self.today(), self.now()))
    }

    pub fn add_followup(
        &self,
        customer_id: i64,
        input: &FollowupInput,
        origin: FollowupOrigin,
    ) -> Result<Followup> {
        let id = self.db.with_tx(|tx| {
            cases::add_followup(tx, customer_id, input, origin, self.today(), self.now())
        })?;
        cases::get_followup(&*self.db.reader()?, id)
    }

    pub fn complete_followup(&self, id: i64) -> Result<Followup> {
        self.db
            .with_tx(|tx| cases::complete_followup(tx, id, self.now()))
    }

    /// Puts a follow-up off to tomorrow.
    pub fn snooze_followup(&self, id: i64) -> Result<Followup> {
        let tomorrow = self
            .today()
            .checked_add_days(Days::new(1))
            .unwrap_or(self.today());
        self.reschedule_followup(id, tomorrow)
    }

    pub fn reschedule_followup(&self, id: i64, due: NaiveDate) -> Result<Followup> {
        self.db
            .with_tx(|tx| cases::reschedule_followup(tx, id, due))
    }

    pub fn agenda(&self, staff_id: Option<i64>) -> Result<Agenda> {
        cases::agenda(&*self.db.reader()?, self.today(), staff_id)
    }
}
