//! The app's exit. What runs beside the window (the senders, the start's
//! upkeep, the shop's background reads) stops before the process ends:
//! SQLCipher frees its heap at exit, under any thread still reading the
//! encrypted file, and the process would crash on its way out (it did, on
//! four closes of five within a second of the first screen).
//!
//! The order: the senders finish the letter they are on (their "sent"
//! lands before the close), the upkeep begins no further step, the shop
//! closes (it interrupts its background reads, folds the log into the
//! file and leaves the stamp of a clean close), then the upkeep's thread
//! is waited for. All of it within `AT_MOST`, and the windows are
//! already gone.

use std::time::{Duration, Instant};

use dangol_core::Shop;
use tauri::{AppHandle, Manager};

use crate::{mailer, texter, upkeep};

/// The longest the exit waits in all (a letter being handed to the mail
/// server, a daily backup being written).
const AT_MOST: Duration = Duration::from_secs(5);

/// Closing was asked for (the window's close button): the senders stop
/// after the letter they are on.
pub(crate) fn requested(app: &AppHandle) {
    app.state::<mailer::Mailer>().stop();
    app.state::<texter::Texter>().stop();
}

/// The windows are gone and the process is about to end.
pub(crate) fn exit(app: &AppHandle) {
    let deadline = Instant::now() + AT_MOST;
    requested(app);
    let upkeep = app.state::<upkeep::Upkeep>();
    upkeep.stop(&app.state::<upkeep::FirstScreen>());
    let mailer = app.state::<mailer::Mailer>();
    let texter = app.state::<texter::Texter>();
    while (mailer.state().running || texter.state().running) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    // The app's state is not dropped at exit: the shop is closed here,
    // so the next start need not read every page.
    if let Some(shop) = app.try_state::<Shop>() {
        shop.close();
    }
    upkeep.wait(deadline);
}
