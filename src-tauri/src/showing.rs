//! The window appears once its page has loaded, not when it is created.
//!
//! Shown at once, the window stood still for 500 ms on a quarter to a
//! half of the starts on a 2-core PC (BENCHMARKS.md, start, tenth round:
//! 0.80–0.83 s against 0.30–0.35 s). `perf sched` showed both sides
//! asleep: the window's thread in a wait that only a 500 ms time-out
//! ended, the web process waiting for the window's thread. It happened
//! when WebKitGTK painted the empty view before its web process was
//! ready; WebKit waits for the web process's first drawing state before
//! such a paint, with a 500 ms time-out. Created hidden (`"visible":
//! false` in `tauri.conf.json`) and shown when its page has loaded, the
//! window is painted only once the web process can answer: no start of
//! 32 stood still. On Windows and macOS it spares the owner a white
//! window before the first screen too.
//!
//! Should the page never report its load, the window is shown anyway
//! after `AT_MOST`: a start never ends without a window.

use std::time::Duration;

use tauri::webview::{PageLoadEvent, PageLoadPayload};
use tauri::{AppHandle, Manager, Runtime, Webview};

/// The longest the window stays hidden.
const AT_MOST: Duration = Duration::from_secs(3);

/// `Builder::on_page_load`: the page has loaded, the window appears.
pub(crate) fn on_page_load<R: Runtime>(webview: &Webview<R>, payload: &PageLoadPayload<'_>) {
    if payload.event() == PageLoadEvent::Finished {
        let _ = webview.window().show();
    }
}

/// Shows the window after `AT_MOST` whatever the page did.
pub(crate) fn show_anyway_later<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("show-window".into())
        .spawn(move || {
            std::thread::sleep(AT_MOST);
            if let Some(window) = app.get_webview_window("main") {
                if !window.is_visible().unwrap_or(true) {
                    tracing::warn!("the page did not load in time: window shown anyway");
                    let _ = window.show();
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!(kind = ?e.kind(), "window fallback did not start");
    }
}
