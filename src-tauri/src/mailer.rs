//! The background sender: one thread at a time works through the outbox,
//! tells the window after each letter (`outbox-changed`), waits out the
//! provider's pace and comes back, and stops between letters when asked
//! (the app closing mid-batch resumes at the next start).
//!
//! A panic while sending does not stop the sender for good: the letter it
//! was on is marked `unknown` (확인 필요: it may or may not have gone, and
//! is never re-sent without the owner's say), the window is told (by the
//! panic hook), and the sender goes on with the next letter — up to
//! `MAX_PANICS` times in one run, so a fault that repeats cannot spin.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use dangol_core::outbox::mail::sender::{Policy, RunEnd};
use dangol_core::outbox::mail::smtp::{MailError, MailErrorCode};
use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use ts_rs::TS;

#[derive(Default)]
pub struct Mailer {
    running: AtomicBool,
    stop: Arc<AtomicBool>,
    last: Mutex<Option<RunEnd>>,
}

/// What the outbox screen shows beside the counts.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct SenderState {
    pub running: bool,
    /// How the last run ended (why it stopped, when it comes back).
    pub last: Option<RunEnd>,
}

impl Mailer {
    pub fn state(&self) -> SenderState {
        SenderState {
            running: self.running.load(Ordering::SeqCst),
            last: self.last.lock().map(|l| l.clone()).unwrap_or_default(),
        }
    }

    /// Asks the sender to stop after the letter it is on.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// The sender thread's name (the crash report and the window say a panic
/// happened in the mail).
pub const THREAD_NAME: &str = "mail-sender";

/// Panics survived in one run of the sender before it stops.
const MAX_PANICS: u32 = 3;

/// Sets `running` back to false however the thread ends.
struct Running<'a>(&'a AtomicBool);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Starts the sender unless it is running.
pub fn start(app: &AppHandle) {
    let mailer = app.state::<Mailer>();
    if mailer.running.swap(true, Ordering::SeqCst) {
        return;
    }
    mailer.stop.store(false, Ordering::SeqCst);
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            let mailer = app.state::<Mailer>();
            let _running = Running(&mailer.running);
            send_until_done(&app, &mailer);
            let _ = app.emit("outbox-changed", ());
        });
    if let Err(e) = spawned {
        tracing::error!(kind = ?e.kind(), "mail sender did not start");
        mailer.running.store(false, Ordering::SeqCst);
    }
}

/// One run of the sender with a panic contained: the letter being sent is
/// marked unknown, and the run goes on.
fn run_contained(app: &AppHandle, shop: &Shop, stop: &AtomicBool) -> Option<RunEnd> {
    match catch_unwind(AssertUnwindSafe(|| run_once(app, shop, stop))) {
        Ok(end) => Some(end),
        Err(_) => {
            if let Err(e) = shop.recover_outbox() {
                crate::trace::failed(crate::error::ErrorCode::Storage, &e.kind());
            }
            let _ = app.emit("outbox-changed", ());
            None
        }
    }
}

fn send_until_done(app: &AppHandle, mailer: &Mailer) {
    let shop = app.state::<Shop>();
    let mut panics = 0;
    loop {
        let Some(end) = run_contained(app, &shop, &mailer.stop) else {
            panics += 1;
            if panics >= MAX_PANICS {
                if let Ok(mut last) = mailer.last.lock() {
                    *last = Some(RunEnd::Stopped);
                }
                break;
            }
            continue;
        };
        if let Ok(mut last) = mailer.last.lock() {
            *last = Some(end.clone());
        }
        let _ = app.emit("outbox-changed", ());
        // Come back when the pace allows, unless told to stop.
        let RunEnd::WaitUntil { at } = &end else {
            break;
        };
        let Ok(at) = DateTime::parse_from_rfc3339(at) else {
            break;
        };
        while Utc::now() < at && !mailer.stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(500));
        }
        if mailer.stop.load(Ordering::SeqCst) {
            break;
        }
    }
}

fn run_once(app: &AppHandle, shop: &Shop, stop: &AtomicBool) -> RunEnd {
    let settings = match shop.mail_settings() {
        Ok(Some(s)) => s,
        Ok(None) => return fail(shop, MailErrorCode::NotConfigured),
        Err(e) => {
            return RunEnd::Failed {
                error: MailErrorCode::Unreachable,
                detail: e.to_string(),
            }
        }
    };
    let Some(password) = crate::secrets::load(&settings) else {
        return fail(shop, MailErrorCode::PasswordMissing);
    };
    let mut progress = || {
        let _ = app.emit("outbox-changed", ());
    };
    shop.send_outbox(&password, &Policy::default(), stop, &mut progress)
        .unwrap_or_else(|e| RunEnd::Failed {
            error: MailErrorCode::Unreachable,
            detail: e.to_string(),
        })
}

fn fail(shop: &Shop, code: MailErrorCode) -> RunEnd {
    shop.fail_outbox(MailError::new(code, ""))
        .unwrap_or(RunEnd::Failed {
            error: code,
            detail: String::new(),
        })
}
