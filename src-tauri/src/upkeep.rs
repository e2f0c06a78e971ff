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
//!
//! The app's exit stops it between its steps and waits for it (`exit.rs`).

use std::sync::atomic::{AtomicBool, Ordering};
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

    /// The app is closing before its first screen said so: the upkeep
    /// waits no longer (and stops at once: `Upkeep::stopping`).
    fn let_go(&self) {
        *self.shown.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.changed.notify_all();
    }

    fn wait(&self, at_most: Duration) {
        let shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self
            .changed
            .wait_timeout_while(shown, at_most, |shown| !*shown);
    }
}

/// The upkeep's thread, as the exit sees it (managed state).
#[derive(Default)]
pub(crate) struct Upkeep {
    stop: AtomicBool,
    running: Mutex<bool>,
    ended: Condvar,
}

impl Upkeep {
    /// Asks the upkeep to stop after the step it is on (the whole check
    /// is interrupted by the shop's close).
    pub(crate) fn stop(&self, first_screen: &FirstScreen) {
        self.stop.store(true, Ordering::SeqCst);
        first_screen.let_go();
    }

    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    fn set_running(&self, running: bool) {
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) = running;
        self.ended.notify_all();
    }

    /// Waits until the upkeep's thread has ended, at most until `deadline`.
    pub(crate) fn wait(&self, deadline: Instant) {
        let running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        let left = deadline.saturating_duration_since(Instant::now());
        let _ = self
            .ended
            .wait_timeout_while(running, left, |running| *running);
    }
}

/// Sets `running` back to false however the thread ends.
struct Running<'a>(&'a Upkeep);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.set_running(false);
    }
}

/// Starts the upkeep of the shop just opened.
pub(crate) fn start(app: &tauri::AppHandle) {
    let handle = app.clone();
    app.state::<Upkeep>().set_running(true);
    let spawned = std::thread::Builder::new()
        .name("upkeep".into())
        .spawn(move || {
            let upkeep = handle.state::<Upkeep>();
            let _running = Running(&upkeep);
            handle.state::<FirstScreen>().wait(AT_MOST);
            run(&handle.state::<Shop>(), &upkeep);
        });
    if let Err(e) = spawned {
        tracing::error!(kind = ?e.kind(), "upkeep did not start");
        app.state::<Upkeep>().set_running(false);
    }
}

/// One step of the upkeep, and what the log says when it fails.
type Step = (fn(&Shop) -> dangol_core::Result<()>, &'static str);

const STEPS: [Step; 4] = [
    (|shop| shop.backup_if_due().map(drop), "daily backup failed"),
    // The tier window moves on and points lapse by the day.
    (
        // Each runs even when one before it failed.
        |shop| {
            let tiers = shop.recompute_tiers().map(drop);
            let points = shop.expire_points().map(drop);
            let coupons = shop.issue_birthday_coupons().map(drop);
            tiers.and(points).and(coupons)
        },
        "daily loyalty upkeep failed",
    ),
    // The reports read a customer's packed sales; those sold to since
    // the last start are packed again.
    (Shop::pack_sales, "packing the sales for the reports failed"),
    // The whole-file check the start skipped (a clean close vouched for
    // the file): damage found now makes the next start check it again
    // and offer the backups. The shop's close interrupts it.
    (Shop::check_file_if_skipped, "the shop's file check failed"),
];

/// The upkeep's steps, in order; once the app is closing, no further
/// step begins.
fn run(shop: &Shop, upkeep: &Upkeep) {
    for (step, failed) in STEPS {
        if upkeep.stopping() {
            return;
        }
        match step(shop) {
            Ok(()) => {}
            // The app's exit interrupted it: nothing failed.
            Err(e) if e.is_interrupted() => return,
            Err(e) => tracing::warn!(kind = e.kind(), "{failed}"),
        }
    }
    if upkeep.stopping() {
        return;
    }
    shop.wait_for_index();
    shop.release_caches();
    give_back_freed_memory();
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
    fn the_exit_stops_an_upkeep_still_waiting_for_the_first_screen() {
        let first = FirstScreen::default();
        let upkeep = Upkeep::default();
        upkeep.stop(&first);
        let t = Instant::now();
        first.wait(Duration::from_secs(60));
        assert!(t.elapsed() < Duration::from_secs(60), "let go at once");
        assert!(upkeep.stopping(), "and it begins no step");
    }

    #[test]
    fn the_exit_waits_for_the_upkeep_thread_to_end() {
        let upkeep = Arc::new(Upkeep::default());
        upkeep.set_running(true);
        let ending = {
            let upkeep = upkeep.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                let _running = Running(&upkeep);
            })
        };
        upkeep.wait(Instant::now() + Duration::from_secs(60));
        assert!(!*upkeep.running.lock().unwrap(), "waited until it ended");
        ending.join().unwrap();
        // A thread that does not end is waited for no longer than asked.
        upkeep.set_running(true);
        let t = Instant::now();
        upkeep.wait(Instant::now() + Duration::from_millis(20));
        assert!(t.elapsed() < Duration::from_secs(60));
    }

    #[test]
    fn without_a_first_screen_the_upkeep_goes_anyway() {
        let first = FirstScreen::default();
        first.wait(Duration::from_millis(20));
        assert!(!*first.shown.lock().unwrap());
    }
}
