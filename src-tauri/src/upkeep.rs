//! What a start leaves for later, on a thread of its own: the daily backup,
//! the loyalty upkeep (tiers, lapsed points, birthday coupons), the
//! whole-file check a clean close let the open skip, and handing the
//! memory all that read back.
//!
//! It waits for the first screen. At 100,000 customers this work takes
//! about a second of one core (the check decrypts every page, the tiers
//! read every customer), and a counter PC has two: started with the app,
//! it competed with WebKit starting its web process and with the search
//! index being built, and the search box came up later for it
//! (BENCHMARKS.md, start and memory, fifth round). The first screen's
//! first write (`catch_up_dates`) says the screen is up; if no screen
//! ever says so, the upkeep starts anyway after `AT_MOST`.

use std::sync::{Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use dangol_core::Shop;
use tauri::Manager;

/// How long the upkeep waits for the first screen at most.
const AT_MOST: Duration = Duration::from_secs(10);

/// When the app began (`note_start`), for the log's "first screen up".
static STARTED: OnceLock<Instant> = OnceLock::new();

/// Called first thing in `run`: the start's duration is counted from here.
pub(crate) fn note_start() {
    STARTED.get_or_init(Instant::now);
}

/// Whether the first screen is up (managed state).
#[derive(Default)]
pub(crate) struct FirstScreen {
    shown: Mutex<bool>,
    changed: Condvar,
}

impl FirstScreen {
    /// The first screen is up: the upkeep may start.
    /// The first time, the log says how long the start took: a slow
    /// counter PC's owner can send it, and `scripts/bench-start.sh`
    /// measures the start from it without WebDriver in the way.
    pub(crate) fn shown(&self) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if !*shown {
            let ms = STARTED.get().map_or(0, |t| t.elapsed().as_millis() as u64);
            tracing::info!(since_start_ms = ms, "first screen up");
        }
        *shown = true;
        self.changed.notify_all();
    }

    fn wait(&self, at_most: Duration) {
        let shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self
            .changed
            .wait_timeout_while(shown, at_most, |shown| !*shown);
    }
}

/// Starts the upkeep of the shop just opened.
pub(crate) fn start(app: &tauri::AppHandle) {
    let handle = app.clone();
    std::thread::spawn(move || {
        handle.state::<FirstScreen>().wait(AT_MOST);
        let shop = handle.state::<Shop>();
        if let Err(e) = shop.backup_if_due() {
            tracing::warn!(kind = e.kind(), "daily backup failed");
        }
        // The tier window moves on and points lapse by the day.
        let upkeep = shop
            .recompute_tiers()
            .and(shop.expire_points())
            .and(shop.issue_birthday_coupons());
        if let Err(e) = upkeep {
            tracing::warn!(kind = e.kind(), "daily loyalty upkeep failed");
        }
        // The reports read a customer's packed sales; those sold to
        // since the last start are packed again.
        if let Err(e) = shop.pack_sales() {
            tracing::warn!(kind = e.kind(), "packing the sales for the reports failed");
        }
        // The whole-file check the start skipped (a clean close vouched
        // for the file): damage found now makes the next start check it
        // again and offer the backups.
        if let Err(e) = shop.check_file_if_skipped() {
            tracing::warn!(kind = e.kind(), "the shop's file check failed");
        }
        shop.wait_for_index();
        shop.release_caches();
        give_back_freed_memory();
    });
}

/// Building the search index and the start's upkeep (tiers, backup, the
/// file check) allocate and free a few hundred MB at 100,000 customers;
/// glibc keeps what was freed in the middle of its heaps, and the process
/// would hold it all day. This hands it back to the system once.
fn give_back_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it touches nothing
    // in use and may be called from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Instant;

    #[test]
    fn the_upkeep_goes_as_soon_as_the_first_screen_is_up() {
        let first = Arc::new(FirstScreen::default());
        let waiting = {
            let first = first.clone();
            std::thread::spawn(move || {
                let t = Instant::now();
                first.wait(Duration::from_secs(60));
                t.elapsed()
            })
        };
        std::thread::sleep(Duration::from_millis(50));
        first.shown();
        let waited = waiting.join().expect("the waiting thread");
        assert!(waited < Duration::from_secs(60), "woken by shown()");
        // Shown already: no wait at all.
        let t = Instant::now();
        first.wait(Duration::from_secs(60));
        assert!(t.elapsed() < Duration::from_secs(60));
    }

    #[test]
    fn without_a_first_screen_the_upkeep_goes_anyway() {
        let first = FirstScreen::default();
        first.wait(Duration::from_millis(20));
        assert!(!*first.shown.lock().unwrap());
    }
}
