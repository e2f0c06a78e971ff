//! A seam for the end-to-end tests, compiled out of release builds: a
//! test writes `test-panic` in the data folder naming a place (`mail`,
//! `command:<name>`), and the app panics there, so the tests can prove a
//! panic is contained, reported and survived in the real window. Release
//! builds (`tauri build`) have no such file check at all.

use std::path::Path;

/// True when a debug build was asked to panic at `place`.
#[cfg(debug_assertions)]
pub fn asked(data_dir: &Path, place: &str) -> bool {
    std::fs::read_to_string(data_dir.join("test-panic")).is_ok_and(|s| s.trim() == place)
}

#[cfg(not(debug_assertions))]
pub fn asked(_data_dir: &Path, _place: &str) -> bool {
    false
}
