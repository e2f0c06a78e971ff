//! `Shop`'s new-product trials: create one, give it to customers or a whole
//! tier, record what each said, see who has not answered yet.

use crate::error::Result;
use crate::history::trials::{self, FeedbackInput, Participation, Trial, TrialInput};
use crate::Shop;

impl Shop {
    pub fn create_trial(&self, input: &TrialInput) -> Result<Trial> {
        self.db
            .with_tx(|tx| trials::create(tx, input, self.today(), self.now()))
    }

    /// Trials, newest first, with how many got it and how many answered.
    pub fn list_trials(&self) -> Result<Vec<Trial>> {
        trials::list(&*self.db.reader()?)
    }

    /// Gives the product to these customers (those who have it already are
    /// skipped); returns how many were added.
    pub fn give_trial(&self, trial_id: i64, customer_ids: &[i64]) -> Result<u32> {
        let lang = self.settings()?.language;
        self.db
            .with_tx(|tx| trials::give(tx, trial_id, customer_ids, lang, self.today(), self.now()))
    }

    /// Gives the product to every customer of a tier; returns how many
    /// were added.
    pub fn give_trial_to_tier(&self, trial_id: i64, tier_id: &str) -> Result<u32> {
        let lang = self.settings()?.language;
        self.db.with_tx(|tx| {
            let ids = trials::tier_members(tx, tier_id)?;
            trials::give(tx, trial_id, &ids, lang, self.today(), self.now())
        })
    }

    pub fn trial_participants(
        &self,
        trial_id: i64,
        pending_only: bool,
    ) -> Result<Vec<Participation>> {
        let country = self.settings()?.country;
        trials::participants(&*self.db.reader()?, trial_id, pending_only, country)
    }

    pub fn record_trial_feedback(
        &self,
        trial_id: i64,
        customer_id: i64,
        input: &FeedbackInput,
    ) -> Result<()> {
        let lang = self.settings()?.language;
        self.db.with_tx(|tx| {
            trials::record_feedback(
                tx,
                trial_id,
                customer_id,
                input,
                lang,
                self.today(),
                self.now(),
            )
        })
    }

    /// Her trials for the customer screen, newest first.
    pub fn customer_trials(&self, customer_id: i64) -> Result<Vec<Participation>> {
        let country = self.settings()?.country;
        trials::of_customer(&*self.db.reader()?, customer_id, country)
    }
}
