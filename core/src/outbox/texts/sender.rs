//! The texts' sender: takes texts from the outbox one at a time, at the
//! owner's pace, and settles each as sent, failed with a reason, waiting
//! (a rate limit, an unreachable provider, the night) or of unknown fate.
//! After an unknown outcome (the connection cut after the request, no
//! answer in time) it asks the provider for our reference: found, it went;
//! not found, it did not, and trying again is safe; no answer, it stays
//! 확인 필요 for the owner. Time comes from the injected clock, so the
//! night rule is tested without waiting for the night.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::law;
use super::length;
use super::outbox::{self, ClaimedText};
use super::provider::{Lookup, OutgoingText, SendOutcome, TextError, TextErrorCode, TextProvider};
use super::settings::{digits, TextSettings};
use crate::error::Result;
use crate::store::clock::Clock;
use crate::store::db::Db;

#[derive(Debug, Clone)]
pub struct TextPolicy {
    /// Tries per text before it fails (rate limits do not count).
    pub max_attempts: u32,
    /// After an unreachable provider.
    pub retry_after: Duration,
    /// The longest the sender waits in one run; beyond it the run ends
    /// and says when to come back (tests set 0: they never sleep).
    pub max_wait: Duration,
    /// Sent texts whose delivery report is asked for at the end of a run.
    pub reports_per_run: u32,
}

impl Default for TextPolicy {
    fn default() -> Self {
        TextPolicy {
            max_attempts: 3,
            retry_after: Duration::from_secs(30),
            max_wait: Duration::from_secs(60),
            reports_per_run: 500,
        }
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum TextRunEnd {
    Done,
    Stopped,
    /// Nothing may go before `at` (the night, a retry).
    WaitUntil {
        at: String,
    },
    /// The key, the sender number or the balance: waiting texts failed.
    Failed {
        error: TextErrorCode,
        detail: String,
    },
}

/// The owner's pace, in texts a second, over the last second.
struct Pace {
    per_second: u32,
    sent: VecDeque<Instant>,
}

impl Pace {
    fn wait(&mut self, stop: &AtomicBool) -> bool {
        if self.per_second == 0 {
            return true;
        }
        loop {
            while self
                .sent
                .front()
                .is_some_and(|t| t.elapsed() >= Duration::from_secs(1))
            {
                self.sent.pop_front();
            }
            if (self.sent.len() as u32) < self.per_second {
                self.sent.push_back(Instant::now());
                return true;
            }
            if stop.load(Ordering::Relaxed) {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn later(now: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
    now + TimeDelta::from_std(d).unwrap_or_default()
}

/// A run of the sender over the shop's storage (the facade starts it:
/// `Shop::send_texts`). It settles each text in its own transaction, since
/// the network lies between one text and the next.
pub(crate) struct Run<'a> {
    pub db: &'a Db,
}

impl Run<'_> {
    /// Sends what waits until nothing is due, `stop` is set, the wait is
    /// longer than the policy allows, or the account cannot be used.
    pub(crate) fn send_texts(
        &self,
        provider: &dyn TextProvider,
        clock: &dyn Clock,
        policy: &TextPolicy,
        stop: &AtomicBool,
        progress: &mut dyn FnMut(),
    ) -> Result<TextRunEnd> {
        let Some(settings) = super::settings::load(&*self.db.reader()?)? else {
            return self.fail_texts(TextError::new(TextErrorCode::NotConfigured, ""));
        };
        self.reconcile_texts(provider, clock)?;
        let mut pace = Pace {
            per_second: settings.per_second,
            sent: VecDeque::new(),
        };
        let hold = |c: &ClaimedText| {
            let local = clock.local(clock.now());
            (c.advertising && !c.night_consent && law::is_night(local))
                .then(|| clock.utc(law::next_allowed(local)))
        };
        let end = loop {
            if stop.load(Ordering::Relaxed) {
                break TextRunEnd::Stopped;
            }
            let claimed = self
                .db
                .with_tx(|tx| outbox::claim_next(tx, clock.now(), &hold))?;
            let Some(c) = claimed else {
                let Some(at) = outbox::next_due(&*self.db.reader()?)? else {
                    break TextRunEnd::Done;
                };
                let wait = (at - clock.now()).to_std().unwrap_or_default();
                if wait > policy.max_wait {
                    break TextRunEnd::WaitUntil {
                        at: at.to_rfc3339(),
                    };
                }
                // A short wait (a retry): watch the clock, and the stop.
                while clock.now() < at {
                    if stop.load(Ordering::Relaxed) {
                        return Ok(TextRunEnd::Stopped);
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                continue;
            };
            if !pace.wait(stop) {
                // Not sent: back to waiting as it was.
                let e = TextError::new(TextErrorCode::Unreachable, "stopped");
                self.db
                    .with_tx(|tx| outbox::requeue(tx, c.id, &e, clock.now(), false, clock.now()))?;
                break TextRunEnd::Stopped;
            }
            if let Some(end) = self.send_text(&c, &settings, provider, clock, policy)? {
                break end;
            }
            progress();
        };
        self.fetch_text_reports(provider, clock, policy.reports_per_run)?;
        progress();
        Ok(end)
    }

    /// One claimed text; `Some` ends the run (the account cannot be used).
    fn send_text(
        &self,
        c: &ClaimedText,
        settings: &TextSettings,
        provider: &dyn TextProvider,
        clock: &dyn Clock,
        policy: &TextPolicy,
    ) -> Result<Option<TextRunEnd>> {
        let settle = |f: &dyn Fn(&rusqlite::Connection) -> Result<()>| self.db.with_tx(|tx| f(tx));
        if c.advertising && !c.consents {
            // She withdrew her consent while it waited: it never goes.
            let e = TextError::new(TextErrorCode::NoConsent, "");
            settle(&|tx| outbox::mark_failed(tx, c.id, &e, clock.now()))?;
            return Ok(None);
        }
        let text = OutgoingText {
            to: c.to.clone(),
            from: digits(&settings.sender_number),
            kind: c.kind,
            subject: length::subject(&c.title),
            text: c.body.clone(),
            reference: c.reference.clone(),
            alimtalk: c.alimtalk.clone(),
        };
        let retry = |e: &TextError, after: Duration, counted: bool| {
            let now = clock.now();
            if counted && outbox::attempts(&*self.db.reader()?, c.id)? >= policy.max_attempts {
                settle(&|tx| outbox::mark_failed(tx, c.id, e, now))
            } else {
                settle(&|tx| outbox::requeue(tx, c.id, e, later(now, after), counted, now))
            }
        };
        match provider.send(&text) {
            SendOutcome::Accepted { message_id } => {
                settle(&|tx| outbox::mark_sent(tx, c, &message_id, clock.now()))?
            }
            SendOutcome::Refused { error, .. } if error.code.stops_batch() => {
                return self.fail_texts(error).map(Some);
            }
            SendOutcome::Refused {
                error,
                retry_after: Some(after),
            } => retry(&error, after, error.code != TextErrorCode::RateLimited)?,
            SendOutcome::Refused { error, .. } => {
                settle(&|tx| outbox::mark_failed(tx, c.id, &error, clock.now()))?
            }
            SendOutcome::Unknown(error) => {
                // Did it get there? Our reference tells.
                match provider.find(&c.reference, &c.to, c.queued_at - TimeDelta::minutes(1)) {
                    Lookup::Found { message_id } => {
                        settle(&|tx| outbox::mark_sent(tx, c, &message_id, clock.now()))?
                    }
                    Lookup::NotFound => retry(&error, Duration::ZERO, true)?,
                    Lookup::Failed(_) => {
                        settle(&|tx| outbox::mark_unknown(tx, c.id, &error, clock.now()))?
                    }
                }
            }
        }
        Ok(None)
    }

    /// Texts of unknown fate, asked about again: found at the provider,
    /// they are sent. Not found, they stay for the owner to decide (the
    /// outbox says sending again is safe).
    pub(crate) fn reconcile_texts(
        &self,
        provider: &dyn TextProvider,
        clock: &dyn Clock,
    ) -> Result<u32> {
        let unknown = outbox::unknown(&*self.db.reader()?)?;
        let mut found = 0;
        for (id, to, reference, queued_at) in unknown {
            if let Lookup::Found { message_id } =
                provider.find(&reference, &to, queued_at - TimeDelta::minutes(1))
            {
                self.db
                    .with_tx(|tx| outbox::found_sent(tx, id, &message_id, clock.now()))?;
                found += 1;
            }
        }
        Ok(found)
    }

    /// Asks for the delivery reports of sent texts still pending.
    pub(crate) fn fetch_text_reports(
        &self,
        provider: &dyn TextProvider,
        clock: &dyn Clock,
        limit: u32,
    ) -> Result<u32> {
        let pending = outbox::awaiting_report(&*self.db.reader()?, limit)?;
        let mut settled = 0;
        for (id, message_id) in pending {
            let Ok((delivery, detail)) = provider.report(&message_id) else {
                break;
            };
            if delivery != super::provider::Delivery::Pending {
                self.db
                    .with_tx(|tx| outbox::set_delivery(tx, id, &delivery, &detail, clock.now()))?;
                settled += 1;
            }
        }
        Ok(settled)
    }

    /// Fails every waiting text with `e` (no settings, no key, …).
    pub(crate) fn fail_texts(&self, e: TextError) -> Result<TextRunEnd> {
        self.db
            .with_tx(|tx| outbox::fail_waiting(tx, &e, Utc::now()))?;
        Ok(TextRunEnd::Failed {
            error: e.code,
            detail: e.detail,
        })
    }
}
