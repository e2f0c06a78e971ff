//! The background sender: one thread at a time works through the outbox,
//! tells the window after each letter (`outbox-changed`), waits out the
//! provider's pace and comes back, and stops between letters when asked
//! (the app closing mid-batch resumes at the next start).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use dangol_core::mail::sender::{Policy, RunEnd};
use dangol_core::mail::smtp::{MailError, MailErrorCode};
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

/// Starts the sender unless it is running.
pub fn start(app: &AppHandle) {
    let mailer = app.state::<Mailer>();
    if mailer.running.swap(true, Ordering::SeqCst) {
        return;
    }
    mailer.stop.store(false, Ordering::SeqCst);
    let app = app.clone();
    std::thread::spawn(move || {
        let mailer = app.state::<Mailer>();
        let shop = app.state::<Shop>();
        loop {
            let end = run_once(&app, &shop, &mailer.stop);
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
        mailer.running.store(false, Ordering::SeqCst);
        let _ = app.emit("outbox-changed", ());
    });
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
