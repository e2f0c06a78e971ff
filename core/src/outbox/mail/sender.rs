//! The sender: takes letters from the outbox one at a time over one reused,
//! logged-in connection, at the pace the provider allows, and settles each
//! as sent, failed with a reason, waiting to be retried (a 4xx), or of
//! unknown fate (the connection broke after its data was handed over).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::compose::{self, ComposeError, Draft};
use super::outbox::{self, Claimed};
use super::settings::MailSettings;
use super::smtp::{Connection, MailError, MailErrorCode, Outcome};
use crate::error::Result;
use crate::outbox::texts::law as night;
use crate::store::clock::Clock;
use crate::store::db::Db;

/// How patient the sender is.
#[derive(Debug, Clone)]
pub struct Policy {
    /// For connecting and for each answer.
    pub timeout: Duration,
    /// After a "try later" (4xx) or a connection lost before the data ended.
    pub retry_after: Duration,
    /// Tries per letter before it fails.
    pub max_attempts: u32,
    /// The longest the sender waits in one run (for the pace or a retry);
    /// beyond it the run ends and says when to come back.
    pub max_wait: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            timeout: Duration::from_secs(30),
            retry_after: Duration::from_secs(60),
            max_attempts: 3,
            max_wait: Duration::from_secs(10 * 60),
        }
    }
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum RunEnd {
    /// Nothing left to send.
    Done,
    /// The owner stopped it (or the app is closing); the rest waits.
    Stopped,
    /// The pace (or a retry) says not before `at`.
    WaitUntil { at: String },
    /// The server or the login failed: waiting letters failed with this.
    Failed {
        error: MailErrorCode,
        detail: String,
    },
}

fn later_by(d: Duration) -> TimeDelta {
    TimeDelta::from_std(d).unwrap_or_default()
}

fn wait(until: DateTime<Utc>, stop: &AtomicBool) -> bool {
    while Utc::now() < until {
        if stop.load(Ordering::Relaxed) {
            return false;
        }
        let left = (until - Utc::now()).to_std().unwrap_or_default();
        std::thread::sleep(left.min(Duration::from_millis(100)));
    }
    !stop.load(Ordering::Relaxed)
}

/// When the pace allows the next letter (now if it does).
fn paced(db: &Db, s: &MailSettings, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let conn = db.reader()?;
    let mut at = now;
    for (limit, window) in [
        (s.per_minute, TimeDelta::minutes(1)),
        (s.per_day, TimeDelta::days(1)),
    ] {
        if limit > 0 && outbox::sent_since(&conn, now - window)? >= limit {
            if let Some(t) = outbox::nth_latest_sent(&conn, limit)? {
                at = at.max(t + window);
            }
        }
    }
    Ok(at)
}

/// A run of the sender over the shop's storage (the facade starts it:
/// `Shop::send_outbox`). It commits each letter's fate on its own, since
/// the network lies between one letter and the next.
pub(crate) struct Run<'a> {
    pub db: &'a Db,
    /// The shop's wall clock: the night, and the times letters are settled
    /// at. Waiting for the pace is on the machine's own time.
    pub clock: &'a dyn Clock,
}

impl Run<'_> {
    /// An advertisement for someone without night consent waits, between
    /// 21:00 and 08:00 shop time (`clock`), until 08:00 (as texts do;
    /// `texts::law`). The law asks this of texts and leaves email out
    /// (정보통신망법 시행령 제61조); Dangol holds email too, so that "no
    /// ads at night" is one rule the owner can promise her customers.
    pub fn send(
        &self,
        password: &str,
        policy: &Policy,
        stop: &AtomicBool,
        progress: &mut dyn FnMut(),
    ) -> Result<RunEnd> {
        let clock = self.clock;
        let hold = |c: &Claimed| {
            let local = clock.local(clock.now());
            (c.advertising && c.consents && !c.night_consent && night::is_night(local))
                .then(|| clock.utc(night::next_allowed(local)))
        };
        let Some(mail) = super::settings::load(&*self.db.reader()?)? else {
            return self.fail_run(MailError::new(MailErrorCode::NotConfigured, ""));
        };
        let shop = crate::store::settings::load(&*self.db.reader()?)?;
        let sender = compose::Sender {
            mail: &mail,
            shop_name: &shop.shop_name,
            country: shop.country,
            language: shop.language,
        };
        let mut conn: Option<Connection> = None;
        let end = loop {
            if stop.load(Ordering::Relaxed) {
                break RunEnd::Stopped;
            }
            let now = Utc::now();
            let allowed = paced(self.db, &mail, now)?;
            if allowed > now {
                if (allowed - now).to_std().unwrap_or_default() > policy.max_wait {
                    break RunEnd::WaitUntil {
                        at: allowed.to_rfc3339(),
                    };
                }
                if !wait(allowed, stop) {
                    break RunEnd::Stopped;
                }
                continue;
            }
            let claimed = self
                .db
                .with_tx(|tx| outbox::claim_next(tx, clock.now(), &hold))?;
            let Some(c) = claimed else {
                let due = outbox::next_due(&*self.db.reader()?)?;
                match due {
                    None => break RunEnd::Done,
                    Some(at)
                        if (at - clock.now()).to_std().unwrap_or_default() > policy.max_wait =>
                    {
                        break RunEnd::WaitUntil {
                            at: at.to_rfc3339(),
                        };
                    }
                    Some(at) => {
                        let left = (at - clock.now()).to_std().unwrap_or_default();
                        if !wait(Utc::now() + later_by(left), stop) {
                            break RunEnd::Stopped;
                        }
                        continue;
                    }
                }
            };
            if let Some(end) = self.send_one(&c, &sender, password, policy, &mut conn)? {
                break end;
            }
            progress();
        };
        if let Some(c) = conn {
            c.close();
        }
        progress();
        Ok(end)
    }

    /// One claimed letter; `Some` ends the run (the server cannot be used).
    fn send_one(
        &self,
        c: &Claimed,
        sender: &compose::Sender<'_>,
        password: &str,
        policy: &Policy,
        conn: &mut Option<Connection>,
    ) -> Result<Option<RunEnd>> {
        let settle = |f: &dyn Fn(&rusqlite::Connection) -> Result<()>| self.db.with_tx(|tx| f(tx));
        if c.advertising && !c.consents {
            // She opted out after it was queued: it never goes.
            let e = MailError::new(MailErrorCode::NoConsent, "");
            settle(&|tx| outbox::mark_failed(tx, c.id, &e, self.clock.now()))?;
            return Ok(None);
        }
        if let Some(dir) = self.db.path().parent() {
            if crate::store::test_seam::asked(dir, "mail") {
                panic!(
                    "test panic while sending to {} <{}>",
                    c.to_name, c.to_address
                );
            }
        }
        let draft = Draft {
            to_address: c.to_address.clone(),
            to_name: c.to_name.clone(),
            subject: c.subject.clone(),
            body: c.body.clone(),
            advertising: c.advertising,
            message_id: c.message_id.clone(),
        };
        let message = match compose::message(&draft, sender) {
            Ok(m) => m,
            Err(e) => {
                let code = match e {
                    ComposeError::Address(_) => MailErrorCode::InvalidAddress,
                    ComposeError::Build(_) => MailErrorCode::Rejected,
                };
                let e = MailError::new(code, e.to_string());
                settle(&|tx| outbox::mark_failed(tx, c.id, &e, self.clock.now()))?;
                return Ok(None);
            }
        };
        if !conn.as_ref().is_some_and(Connection::usable) {
            match Connection::open(sender.mail, password, policy.timeout) {
                Ok(opened) => *conn = Some(opened),
                Err(e) => {
                    // Nothing went on the wire for this one; all waiting fail alike.
                    return self.fail_run(e).map(Some);
                }
            }
        }
        let live = conn.as_mut().expect("connected above");
        let subject = compose::subject(&draft, sender);
        let retry = |e: &MailError| {
            let later =
                self.clock.now() + TimeDelta::from_std(policy.retry_after).unwrap_or_default();
            if c_attempts(self.db, c.id)? >= policy.max_attempts {
                settle(&|tx| outbox::mark_failed(tx, c.id, e, self.clock.now()))
            } else {
                settle(&|tx| outbox::requeue(tx, c.id, e, later, self.clock.now()))
            }
        };
        match live.send(message.envelope(), &message.formatted()) {
            Outcome::Sent => settle(&|tx| outbox::mark_sent(tx, c, &subject, self.clock.now()))?,
            Outcome::Refused {
                transient: true,
                error,
            } => retry(&error)?,
            Outcome::Refused {
                transient: false,
                error,
            } => settle(&|tx| outbox::mark_failed(tx, c.id, &error, self.clock.now()))?,
            Outcome::NotSent(error) => {
                *conn = None;
                retry(&error)?
            }
            Outcome::Unknown(error) => {
                *conn = None;
                settle(&|tx| outbox::mark_unknown(tx, c.id, &error, self.clock.now()))?
            }
        }
        Ok(None)
    }

    /// Fails every waiting letter with `e` (no settings, no password).
    pub fn fail_run(&self, e: MailError) -> Result<RunEnd> {
        self.db
            .with_tx(|tx| outbox::fail_waiting(tx, &e, self.clock.now()))?;
        Ok(RunEnd::Failed {
            error: e.code,
            detail: e.detail,
        })
    }
}

fn c_attempts(db: &Db, id: i64) -> Result<u32> {
    Ok(db
        .reader()?
        .query_row("SELECT attempts FROM outbox WHERE id = ?1", [id], |r| {
            r.get(0)
        })?)
}

/// Connects and logs in with these settings, then sends a short test
/// email to the shop's own address: what goes wrong, in plain words.
pub(crate) fn send_test_email(
    shop: &crate::store::settings::Settings,
    mail: &MailSettings,
    password: &str,
    timeout: Duration,
) -> Result<std::result::Result<(), MailError>> {
    mail.check()?;
    let sender = compose::Sender {
        mail,
        shop_name: &shop.shop_name,
        country: shop.country,
        language: shop.language,
    };
    let subject = compose::text(shop.language, "test_subject");
    let body = compose::text(shop.language, "test_body");
    let draft = Draft {
        to_address: mail.from_address.clone(),
        to_name: mail.from_name.clone(),
        subject,
        body,
        advertising: false,
        message_id: compose::new_message_id(&mail.from_address),
    };
    let message = match compose::message(&draft, &sender) {
        Ok(m) => m,
        Err(e) => {
            return Ok(Err(MailError::new(
                MailErrorCode::InvalidAddress,
                e.to_string(),
            )))
        }
    };
    let mut conn = match Connection::open(mail, password, timeout) {
        Ok(c) => c,
        Err(e) => return Ok(Err(e)),
    };
    let result = match conn.send(message.envelope(), &message.formatted()) {
        Outcome::Sent => Ok(()),
        Outcome::Refused { error, .. } | Outcome::NotSent(error) | Outcome::Unknown(error) => {
            Err(error)
        }
    };
    conn.close();
    Ok(result)
}
