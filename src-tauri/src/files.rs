//! Every file Dangol reads or writes outside its own folder is chosen by
//! the owner in the system's open, save or folder dialog, opened here in
//! Rust. The window never names a path: it gets back a token for a file
//! the owner chose (to preview, then import or restore it) or just the
//! result. A token is good for one purpose only, so a file chosen to
//! import cannot be restored over the shop.
//!
//! End-to-end tests cannot click a native dialog. In debug builds (which
//! the e2e tests drive), when `DANGOL_E2E_DIALOGS` names a folder, the
//! dialog is not opened: the answer is the path written in that folder's
//! `answer` file (which is then removed), or "cancelled" when there is
//! none. Release builds (`tauri build`) compile this out: the seam is
//! `cfg(debug_assertions)` rather than a cargo feature so that every e2e
//! command line stays as it is, and no release build can carry it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use dangol_core::data::import::limits::FileRefusal;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::error::AppError;

/// What a chosen file may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Import,
    Restore,
}

/// A file the owner chose: a token to name it by, and what to show.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct ChosenFile {
    pub token: u64,
    /// The file's name, without its folder.
    pub name: String,
    pub size_bytes: u64,
}

/// The words of a dialog, in the owner's language (the window knows it).
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[ts(export)]
pub struct DialogText {
    pub title: String,
    /// What the file filter is called (엑셀·CSV 파일).
    pub filter: String,
    /// For save dialogs: the name offered (no folder; one is not allowed).
    pub file_name: String,
}

/// The files chosen in this session, by token.
#[derive(Default)]
pub struct Chosen {
    next: AtomicU64,
    files: Mutex<HashMap<u64, (PathBuf, Purpose)>>,
}

impl Chosen {
    pub fn grant(&self, path: PathBuf, purpose: Purpose) -> ChosenFile {
        let token = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let size_bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        if let Ok(mut files) = self.files.lock() {
            files.insert(token, (path, purpose));
        }
        ChosenFile {
            token,
            name,
            size_bytes,
        }
    }

    /// The file behind `token`, if it was chosen for `purpose`.
    pub fn path(&self, token: u64, purpose: Purpose) -> Result<PathBuf, AppError> {
        let files = self
            .files
            .lock()
            .map_err(|_| AppError::internal("chosen_files_lock", "chosen files lock"))?;
        match files.get(&token) {
            Some((path, p)) if *p == purpose => Ok(path.clone()),
            _ => Err(AppError::from(dangol_core::Error::File(
                FileRefusal::Unavailable,
            ))),
        }
    }
}

/// A file name offered in a save dialog: its last part only.
fn bare_name(name: &str, fallback: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or("").trim();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        fallback.to_string()
    } else {
        name.to_string()
    }
}

#[cfg(debug_assertions)]
fn scripted() -> Option<Option<PathBuf>> {
    let dir = PathBuf::from(std::env::var_os("DANGOL_E2E_DIALOGS")?);
    let file = dir.join("answer");
    let answer = std::fs::read_to_string(&file).ok();
    let _ = std::fs::remove_file(&file);
    Some(
        answer
            .map(|a| PathBuf::from(a.trim()))
            .filter(|p| !p.as_os_str().is_empty()),
    )
}

#[cfg(not(debug_assertions))]
fn scripted() -> Option<Option<PathBuf>> {
    None
}

fn builder(
    app: &AppHandle,
    text: &DialogText,
) -> tauri_plugin_dialog::FileDialogBuilder<tauri::Wry> {
    let mut b = app.dialog().file();
    if let Some(window) = app.get_webview_window("main") {
        b = b.set_parent(&window);
    }
    if !text.title.is_empty() {
        b = b.set_title(&text.title);
    }
    b
}

/// Asks the owner for a file to open, of the given extensions.
pub fn ask_open(app: &AppHandle, text: &DialogText, extensions: &[&str]) -> Option<PathBuf> {
    if let Some(answer) = scripted() {
        return answer;
    }
    builder(app, text)
        .add_filter(&text.filter, extensions)
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks the owner where to save a file with extension `ext`; the answer
/// always ends in `.ext`.
pub fn ask_save(app: &AppHandle, text: &DialogText, ext: &str) -> Option<PathBuf> {
    let answer = match scripted() {
        Some(answer) => answer,
        None => builder(app, text)
            .add_filter(&text.filter, &[ext])
            .set_file_name(format!("{}.{ext}", bare_name(&text.file_name, "Dangol")))
            .blocking_save_file()
            .and_then(|p| p.into_path().ok()),
    }?;
    Some(with_extension(answer, ext))
}

/// Asks the owner for a folder.
pub fn ask_folder(app: &AppHandle, text: &DialogText) -> Option<PathBuf> {
    if let Some(answer) = scripted() {
        return answer;
    }
    builder(app, text)
        .blocking_pick_folder()
        .and_then(|p| p.into_path().ok())
}

fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has {
        path
    } else {
        let mut s = path.into_os_string();
        s.push(format!(".{ext}"));
        PathBuf::from(s)
    }
}

/// The name of a saved file, to tell the owner where it went.
pub fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_opens_only_what_it_was_chosen_for() {
        let chosen = Chosen::default();
        let file = chosen.grant(PathBuf::from("/tmp/고객.csv"), Purpose::Import);
        assert_eq!(file.name, "고객.csv");
        assert_eq!(
            chosen.path(file.token, Purpose::Import).unwrap(),
            PathBuf::from("/tmp/고객.csv")
        );
        assert!(chosen.path(file.token, Purpose::Restore).is_err());
        assert!(chosen.path(file.token + 1, Purpose::Import).is_err());
    }

    #[test]
    fn offered_names_lose_their_folders_and_saved_ones_get_their_extension() {
        assert_eq!(bare_name("../../etc/passwd", "x"), "passwd");
        assert_eq!(bare_name("C:\\Users\\a\\고객명단", "x"), "고객명단");
        assert_eq!(bare_name("  ", "단골"), "단골");
        assert_eq!(
            with_extension(PathBuf::from("/a/list"), "xlsx"),
            PathBuf::from("/a/list.xlsx")
        );
        assert_eq!(
            with_extension(PathBuf::from("/a/list.XLSX"), "xlsx"),
            PathBuf::from("/a/list.XLSX")
        );
        assert_eq!(
            with_extension(PathBuf::from("/a/list.csv"), "xlsx"),
            PathBuf::from("/a/list.csv.xlsx")
        );
    }
}
