//! `Shop`'s mail: settings, the outbox and the owner's decisions on it,
//! opt-outs, and consents that need reconfirming.

use chrono::Months;

use crate::error::Result;
use crate::history::entries::{append, NewEntry};
use crate::history::model::HistoryKind;
use crate::letters::builtin::Occasion;
use crate::outbox::mail::compose;
use crate::outbox::mail::outbox::{self, Decision, OutboxCounts, OutboxItem, QueueReport};
use crate::outbox::mail::sender::{self, Policy, Run, RunEnd};
use crate::outbox::mail::settings::{self, MailSettings};
use crate::outbox::mail::smtp::MailError;
use crate::people::consent::notice::{self, ConsentDue};
use crate::people::consent::records::cancel_waiting_ads;
use crate::people::consent::records::{self, Change};
use crate::people::consent::{ConsentChannel, ConsentMethod, ConsentScope};
use crate::store::clock::Clock;
use crate::store::rows::enum_from;
use crate::Shop;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

impl Shop {
    /// Sends what waits in the outbox until it is empty, `stop` is set, the
    /// pace asks for a long pause, or the server cannot be used.
    /// `progress` is called after each letter. The shop's clock says when
    /// it is night.
    pub fn send_outbox(
        &self,
        password: &str,
        policy: &Policy,
        stop: &AtomicBool,
        progress: &mut dyn FnMut(),
    ) -> Result<RunEnd> {
        self.send_outbox_at(self.clock(), password, policy, stop, progress)
    }

    /// `send_outbox` with the wall clock that decides the night given
    /// (tests keep their runs in daytime with it).
    pub fn send_outbox_at(
        &self,
        clock: &dyn Clock,
        password: &str,
        policy: &Policy,
        stop: &AtomicBool,
        progress: &mut dyn FnMut(),
    ) -> Result<RunEnd> {
        let run = Run {
            db: &self.db,
            clock,
        };
        run.send(password, policy, stop, progress)
    }

    /// Fails every waiting letter with `e` (no settings, no password).
    pub fn fail_outbox(&self, e: MailError) -> Result<RunEnd> {
        let run = Run {
            db: &self.db,
            clock: self.clock(),
        };
        run.fail_run(e)
    }

    /// Connects and logs in with these settings, then sends a short test
    /// email to the shop's own address: what goes wrong, in plain words.
    pub fn send_test_email(
        &self,
        mail: &MailSettings,
        password: &str,
        timeout: Duration,
    ) -> Result<std::result::Result<(), MailError>> {
        sender::send_test_email(&self.settings()?, mail, password, timeout)
    }

    pub fn mail_settings(&self) -> Result<Option<MailSettings>> {
        settings::load(&*self.db.reader()?)
    }

    pub fn save_mail_settings(&self, s: &MailSettings) -> Result<MailSettings> {
        self.db.with_tx(|tx| settings::save(tx, s))
    }

    /// Puts made letters in the outbox (see `outbox::queue`). Advertising
    /// is what the occasion's template says, and in Korea any letter that
    /// names a coupon (`mail::law`).
    pub fn queue_letters(&self, letter_ids: &[i64]) -> Result<QueueReport> {
        let from = self
            .mail_settings()?
            .map(|m| m.from_address)
            .unwrap_or_default();
        let korea = self.settings()?.country == crate::store::settings::Country::KR;
        let mut ads = std::collections::HashMap::new();
        for o in crate::letters::builtin::ALL {
            ads.insert(
                crate::store::rows::enum_str(&o),
                self.letter_template(o)?.advertising,
            );
        }
        self.db.with_tx(|tx| {
            outbox::queue(
                tx,
                letter_ids,
                |occasion, with_coupon| {
                    let template_says = ads.get(occasion).copied().unwrap_or_else(|| {
                        enum_from::<Occasion>(occasion).is_ok_and(Occasion::advertising)
                    });
                    crate::outbox::mail::law::is_advertising(template_says, with_coupon, korea)
                },
                || compose::new_message_id(&from),
                self.now(),
            )
        })
    }

    pub fn outbox(&self, limit: u32) -> Result<Vec<OutboxItem>> {
        outbox::list(&*self.db.reader()?, limit)
    }

    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        outbox::counts(&*self.db.reader()?)
    }

    pub fn decide_outbox(&self, id: i64, decision: Decision) -> Result<()> {
        self.db
            .with_tx(|tx| outbox::decide(tx, id, decision, self.now()))
    }

    /// How many failed letters a retry can help.
    pub fn retriable_mail(&self) -> Result<u32> {
        outbox::retriable(&*self.db.reader()?)
    }

    /// Failed letters back to waiting, except those no retry can help (a
    /// wrong address, no consent).
    pub fn retry_failed_mail(&self) -> Result<u32> {
        self.db.with_tx(|tx| outbox::retry_failed(tx, self.now()))
    }

    /// At start, before any sending: letters left 'sending' by a crash
    /// become 'unknown'. Returns how many.
    pub fn recover_outbox(&self) -> Result<u32> {
        self.db
            .with_tx(|tx| outbox::recover_after_crash(tx, self.now()))
    }

    /// She asked for no more advertising email: consent withdrawn at once,
    /// noted in her history, and advertising waiting for her cancelled.
    pub fn opt_out_email(&self, customer_id: i64) -> Result<()> {
        let now = self.now();
        let note = compose::text(self.settings()?.language, "opt_out_note");
        self.db.with_tx(|tx| {
            crate::store::rows::ensure_customer(tx, customer_id)?;
            let change = Change {
                scope: ConsentScope::marketing(ConsentChannel::Email),
                given: false,
                method: ConsentMethod::Request,
                note: "",
            };
            records::apply(tx, customer_id, change, now, None)?;
            cancel_waiting_ads(tx, customer_id, ConsentChannel::Email, now)?;
            let note = NewEntry {
                kind: Some(HistoryKind::Note),
                summary: note.clone(),
                ..Default::default()
            };
            append(tx, customer_id, &note, now)?;
            Ok(())
        })
    }

    /// The shop told her what the law asks every two years: that and when
    /// she agreed, and how to keep or withdraw it (the 오늘 card says what
    /// to tell). Noted in her history; she is due again in two years.
    pub fn note_consent_notified(&self, customer_id: i64) -> Result<()> {
        let now = self.now();
        let lang = self.settings()?.language;
        self.db.with_tx(|tx| {
            crate::store::rows::ensure_customer(tx, customer_id)?;
            let Some(given) = notice::earliest_given(tx, customer_id)? else {
                // No consent to tell her about.
                return Err(crate::Error::Validation(vec![crate::FieldError::new(
                    "consent",
                    crate::FieldErrorCode::InvalidTransition,
                )]));
            };
            notice::mark_notified(tx, customer_id, now)?;
            let note = NewEntry {
                kind: Some(HistoryKind::Note),
                summary: compose::text_with(lang, "consent_notice_note", &[("date", &given)]),
                ..Default::default()
            };
            append(tx, customer_id, &note, now)?;
            Ok(())
        })
    }

    /// Customers whose consent to be contacted was given two or more years
    /// ago and who were not told of it since: Korean law asks shops to tell
    /// them every two years (not to ask again).
    pub fn consents_due(&self) -> Result<Vec<ConsentDue>> {
        let cutoff = self
            .today()
            .checked_sub_months(Months::new(24))
            .expect("a date two years back");
        notice::due(&*self.db.reader()?, cutoff)
    }
}
