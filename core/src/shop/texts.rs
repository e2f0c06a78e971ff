//! `Shop`'s texts: settings, the cost of a batch before it goes, queueing
//! letters as texts, the owner's decisions, and text consents.

use crate::people::consent::records::{self, Change};
use crate::people::consent::{ConsentChannel, ConsentMethod, ConsentScope};

use crate::error::Result;
use crate::history::entries::{append, NewEntry};
use crate::history::model::HistoryKind;
use crate::letters::builtin::Occasion;
use crate::outbox::texts::outbox;
use crate::outbox::texts::provider::{TextError, TextProvider};
use crate::outbox::texts::queue::{self, QueueContext, TextPlan};
use crate::outbox::texts::sender::{Run, TextPolicy, TextRunEnd};
use crate::outbox::texts::settings::{self, TextSettings};
use crate::people::consent::records::cancel_waiting_ads;
use crate::store::rows::enum_from;
use crate::Shop;
use std::sync::atomic::AtomicBool;

impl Shop {
    /// Sends what waits until nothing is due, `stop` is set, the wait is
    /// longer than the policy allows, or the account cannot be used.
    pub fn send_texts(
        &self,
        provider: &dyn TextProvider,
        policy: &TextPolicy,
        stop: &AtomicBool,
        progress: &mut dyn FnMut(),
    ) -> Result<TextRunEnd> {
        Run { db: &self.db }.send_texts(provider, self.clock(), policy, stop, progress)
    }

    /// Texts of unknown fate looked up at the provider by our reference:
    /// found, they went; returns how many were found.
    pub fn reconcile_texts(&self, provider: &dyn TextProvider) -> Result<u32> {
        Run { db: &self.db }.reconcile_texts(provider, self.clock())
    }

    /// Delivery reports asked for (at most `limit`); returns how many settled.
    pub fn fetch_text_reports(&self, provider: &dyn TextProvider, limit: u32) -> Result<u32> {
        Run { db: &self.db }.fetch_text_reports(provider, self.clock(), limit)
    }

    /// Fails every waiting text with `e` (the key, the number or the balance).
    pub fn fail_texts(&self, e: TextError) -> Result<TextRunEnd> {
        Run { db: &self.db }.fail_texts(e)
    }

    pub fn text_settings(&self) -> Result<Option<TextSettings>> {
        settings::load(&*self.db.reader()?)
    }

    pub fn save_text_settings(&self, s: &TextSettings) -> Result<TextSettings> {
        self.db.with_tx(|tx| settings::save(tx, s))
    }

    fn ad_occasions(&self) -> Result<std::collections::HashMap<String, bool>> {
        let mut ads = std::collections::HashMap::new();
        for o in crate::letters::builtin::ALL {
            ads.insert(
                crate::store::rows::enum_str(&o),
                self.letter_template(o)?.advertising,
            );
        }
        Ok(ads)
    }

    /// What sending these letters as texts would send and cost (nothing
    /// is queued), or with `dry_run` false, queues them.
    pub fn queue_texts(&self, letter_ids: &[i64], dry_run: bool) -> Result<TextPlan> {
        let settings = self.text_settings()?.unwrap_or_default();
        let shop_name = self.settings()?.shop_name;
        let ads = self.ad_occasions()?;
        let advertising = |occasion: &str| {
            ads.get(occasion)
                .copied()
                .unwrap_or_else(|| enum_from::<Occasion>(occasion).is_ok_and(Occasion::advertising))
        };
        let ctx = QueueContext {
            settings: &settings,
            shop_name: &shop_name,
            advertising: &advertising,
            alimtalk: &|_| None,
            clock: self.clock(),
        };
        let reference = || {
            format!(
                "dangol-{:016x}{:016x}",
                fastrand::u64(..),
                fastrand::u64(..)
            )
        };
        if dry_run {
            queue::queue(&*self.db.reader()?, letter_ids, &ctx, &reference, true)
        } else {
            self.db
                .with_tx(|tx| queue::queue(tx, letter_ids, &ctx, &reference, false))
        }
    }

    /// Whether the text sender has work at start: texts waiting, of
    /// unknown fate, or sent and still without a delivery report.
    pub fn texts_waiting(&self) -> Result<bool> {
        outbox::has_work(&*self.db.reader()?)
    }

    /// Failed texts back to waiting (after the key, number or balance was
    /// fixed), except those no retry can help.
    pub fn retry_failed_texts(&self) -> Result<u32> {
        self.db.with_tx(|tx| outbox::retry_failed(tx, self.now()))
    }

    /// She asked for no more advertising texts: consent (day and night)
    /// withdrawn at once and recorded, noted in her history, waiting ads
    /// cancelled.
    pub fn opt_out_texts(&self, customer_id: i64) -> Result<()> {
        let now = self.now();
        let note =
            crate::outbox::mail::compose::text(self.settings()?.language, "opt_out_texts_note");
        self.db.with_tx(|tx| {
            crate::store::rows::ensure_customer(tx, customer_id)?;
            let change = Change {
                scope: ConsentScope::marketing(ConsentChannel::Text),
                given: false,
                method: ConsentMethod::Request,
                note: "",
            };
            records::apply(tx, customer_id, change, now, None)?;
            cancel_waiting_ads(tx, customer_id, ConsentChannel::Text, now)?;
            let note = NewEntry {
                kind: Some(HistoryKind::Note),
                summary: note.clone(),
                ..Default::default()
            };
            append(tx, customer_id, &note, now)?;
            Ok(())
        })
    }

    /// Her separate agreement to advertising texts at night (21:00–08:00),
    /// given (how not said) or withdrawn; recorded like every consent.
    pub fn set_night_text_consent(&self, customer_id: i64, given: bool) -> Result<()> {
        let now = self.now();
        let lang = self.settings()?.language;
        self.db.with_tx(|tx| {
            crate::store::rows::ensure_customer(tx, customer_id)?;
            let change = Change {
                scope: ConsentScope::night(ConsentChannel::Text),
                given,
                method: if given {
                    ConsentMethod::Form
                } else {
                    ConsentMethod::Request
                },
                note: "",
            };
            records::apply(tx, customer_id, change, now, Some(lang))?;
            Ok(())
        })
    }
}
