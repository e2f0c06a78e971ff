//! The background text sender, beside the mail sender: one thread works
//! through the outbox's texts with the provider built from the settings and
//! the keychain, tells the window after each (`outbox-changed`), waits out
//! the night or a retry and comes back, and stops between texts when the
//! app closes (what waits is sent at the next start). A panic marks the
//! text it was on 확인 필요 and the run goes on, as for mail.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use chrono::DateTime;
use dangol_core::outbox::texts::provider::{TextError, TextErrorCode};
use dangol_core::outbox::texts::sender::{TextPolicy, TextRunEnd};
use dangol_core::outbox::texts::solapi::{self, Solapi};
use dangol_core::store::clock::{Clock, SeamClock};
use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use ts_rs::TS;

#[derive(Default)]
pub struct Texter {
    running: AtomicBool,
    stop: AtomicBool,
    last: Mutex<Option<TextRunEnd>>,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct TextSenderState {
    pub running: bool,
    pub last: Option<TextRunEnd>,
}

impl Texter {
    pub fn state(&self) -> TextSenderState {
        TextSenderState {
            running: self.running.load(Ordering::SeqCst),
            last: self.last.lock().map(|l| l.clone()).unwrap_or_default(),
        }
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

pub const THREAD_NAME: &str = "text-sender";
const MAX_PANICS: u32 = 3;

/// Solapi's API, or (debug builds only) the stand-in the end-to-end tests
/// name in `DANGOL_E2E_TEXT_API`.
fn api_base() -> String {
    #[cfg(debug_assertions)]
    if let Ok(base) = std::env::var("DANGOL_E2E_TEXT_API") {
        return base;
    }
    solapi::DEFAULT_BASE.to_string()
}

/// The clock a shop at `path` is opened with: the machine's, or in debug
/// builds the end-to-end tests' `test-now` beside it.
pub fn shop_clock(path: &std::path::Path) -> std::sync::Arc<dyn Clock> {
    std::sync::Arc::new(SeamClock::new(
        path.parent().unwrap_or(std::path::Path::new(".")),
    ))
}

struct Running<'a>(&'a AtomicBool);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

pub fn start(app: &AppHandle) {
    let texter = app.state::<Texter>();
    if texter.running.swap(true, Ordering::SeqCst) {
        return;
    }
    texter.stop.store(false, Ordering::SeqCst);
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.into())
        .spawn(move || {
            let texter = app.state::<Texter>();
            let _running = Running(&texter.running);
            send_until_done(&app, &texter);
            let _ = app.emit("outbox-changed", ());
        });
    if let Err(e) = spawned {
        tracing::error!(kind = ?e.kind(), "text sender did not start");
        texter.running.store(false, Ordering::SeqCst);
    }
}

/// Queues the automatic notices that are due, off the caller's thread,
/// and sends them.
pub fn notices_now(app: &AppHandle) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("notices".into())
        .spawn(move || queue_notices(&app));
    if let Err(e) = spawned {
        tracing::error!(kind = ?e.kind(), "notice check did not start");
    }
}

fn queue_notices(app: &AppHandle) {
    let shop = app.state::<Shop>();
    match shop.queue_due_notices() {
        Ok(0) => {}
        Ok(_) => {
            let _ = app.emit("outbox-changed", ());
            start(app);
        }
        Err(e) => tracing::warn!(kind = e.kind(), "notice check failed"),
    }
}

/// How often the notices are checked while the app is open (a birthday's
/// morning, points reaching their last 30 days).
const NOTICE_CHECK: Duration = Duration::from_secs(300);

/// Checks the notices now and every few minutes until the app closes.
pub fn watch_notices(app: &AppHandle) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("notice-watch".into())
        .spawn(move || loop {
            queue_notices(&app);
            // A text queued while a run was ending waits no longer than this.
            if app.state::<Shop>().texts_waiting().unwrap_or(false) {
                start(&app);
            }
            std::thread::sleep(NOTICE_CHECK);
        });
    if let Err(e) = spawned {
        tracing::error!(kind = ?e.kind(), "notice watch did not start");
    }
}

fn send_until_done(app: &AppHandle, texter: &Texter) {
    let shop = app.state::<Shop>();
    let mut panics = 0;
    loop {
        let ran = catch_unwind(AssertUnwindSafe(|| run_once(app, &shop, &texter.stop)));
        let end = match ran {
            Ok(end) => end,
            Err(_) => {
                if let Err(e) = shop.recover_outbox() {
                    crate::trace::failed(crate::error::ErrorCode::Storage, &e.kind());
                }
                panics += 1;
                if panics >= MAX_PANICS {
                    break;
                }
                continue;
            }
        };
        if let Ok(mut last) = texter.last.lock() {
            *last = Some(end.clone());
        }
        let _ = app.emit("outbox-changed", ());
        let TextRunEnd::WaitUntil { at } = &end else {
            break;
        };
        let Ok(at) = DateTime::parse_from_rfc3339(at) else {
            break;
        };
        // The night or a retry: come back then (the clock may be moved by
        // the tests' seam, so it is read, not slept on).
        while shop.now() < at && !texter.stop.load(Ordering::SeqCst) {
            std::thread::sleep(Duration::from_millis(300));
        }
        if texter.stop.load(Ordering::SeqCst) {
            break;
        }
    }
}

fn run_once(app: &AppHandle, shop: &Shop, stop: &AtomicBool) -> TextRunEnd {
    let failed = |code| {
        shop.fail_texts(TextError::new(code, ""))
            .unwrap_or(TextRunEnd::Failed {
                error: code,
                detail: String::new(),
            })
    };
    let Some((key, secret)) = crate::secrets::load_text_key() else {
        return failed(TextErrorCode::KeyMissing);
    };
    let provider = Solapi::new(&api_base(), &key, &secret, Duration::from_secs(20));
    let mut progress = || {
        let _ = app.emit("outbox-changed", ());
    };
    shop.send_texts(&provider, &TextPolicy::default(), stop, &mut progress)
        .unwrap_or_else(|e| TextRunEnd::Failed {
            error: TextErrorCode::Unreachable,
            detail: e.kind(),
        })
}
