//! A panic never takes the app down with it, and never goes unnoticed.
//!
//! - **Commands run on the blocking pool, inside `catch_unwind`.** Tauri
//!   runs a sync command on the main thread, where a panic unwinds into
//!   the GTK/Cocoa/Win32 event loop and aborts the process; an `async`
//!   command runs on a tokio task, where a panic leaves the window's
//!   promise waiting forever. `commands` wraps the generated handler: every
//!   command (so: never mark one `async`) runs on
//!   `tauri::async_runtime::spawn_blocking`, in a span naming it, and a
//!   panic answers the window with a `panic` error.
//! - **A panic hook writes a crash report** to the log folder: when, which
//!   version, which thread and command, where in the code, and the stack —
//!   never the panic's message, which can quote the data being handled
//!   (a slice panic prints the text it cut). It logs the same, and tells
//!   the window (`app-problem`), which says so to the owner.

use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde::Serialize;
use tauri::ipc::Invoke;
use tauri::{AppHandle, Emitter, Runtime};
use ts_rs::TS;

use crate::error::AppError;

thread_local! {
    /// The command this thread is running, for the crash report.
    static COMMAND: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Told to the window after a panic (event `app-problem`).
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppProblem {
    /// Where the crash report was written (for 자세히 and for support).
    pub report: Option<String>,
    /// True when it happened in the background mail sender.
    pub in_mail: bool,
}

static APP: OnceLock<AppHandle> = OnceLock::new();
static LOG_DIR: OnceLock<PathBuf> = OnceLock::new();
/// The last problem, kept for a window that was not listening yet (the
/// mail sender starts before the window has loaded).
static LAST: Mutex<Option<AppProblem>> = Mutex::new(None);

/// The problem the window has not shown yet, if any (taken once).
#[tauri::command]
pub fn take_app_problem() -> Option<AppProblem> {
    LAST.lock().unwrap_or_else(|e| e.into_inner()).take()
}

/// Wraps the generated command handler: each command runs on the
/// blocking pool, in a span with its name, and a panic becomes an
/// `panic` error for the window instead of a dead app.
pub fn commands<R, F>(handler: F) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static
where
    R: Runtime,
    F: Fn(Invoke<R>) -> bool + Send + Sync + 'static,
{
    let handler = Arc::new(handler);
    move |invoke: Invoke<R>| {
        let handler = handler.clone();
        let name = invoke.message.command().to_string();
        let resolver = invoke.resolver.clone();
        // The lock, kept here for every command (gate.rs).
        let refusal = {
            use tauri::Manager;
            invoke
                .message
                .webview_ref()
                .try_state::<crate::gate::Gate>()
                .and_then(|gate| gate.refusal(&name))
        };
        match refusal {
            Some(crate::gate::Refusal::Locked) => {
                resolver.reject(AppError::locked());
                return true;
            }
            Some(crate::gate::Refusal::OwnerOnly) => {
                tracing::info!(command = %name, "refused: only the owner may");
                resolver.reject(AppError::owner_only());
                return true;
            }
            None => {}
        }
        tauri::async_runtime::spawn_blocking(move || {
            let span = tracing::info_span!("command", name = %name);
            let _entered = span.enter();
            COMMAND.with(|c| *c.borrow_mut() = Some(name.clone()));
            let ran = catch_unwind(AssertUnwindSafe(|| {
                if asked_to_panic(&name) {
                    panic!("test panic in {name}: {:?}", invoke.message.payload());
                }
                handler(invoke)
            }));
            COMMAND.with(|c| *c.borrow_mut() = None);
            match ran {
                Ok(true) => {}
                Ok(false) => resolver.reject(format!("Command {name} not found")),
                Err(_) => resolver.reject(AppError::panic()),
            }
        });
        true
    }
}

/// The end-to-end tests' seam (debug builds only): `command:<name>` in the
/// data folder's `test-panic` makes that command panic.
fn asked_to_panic(command: &str) -> bool {
    LOG_DIR
        .get()
        .and_then(|logs| logs.parent())
        .is_some_and(|data| {
            dangol_core::store::test_seam::asked(data, &format!("command:{command}"))
        })
}

/// Installs the panic hook. Call once, before anything else runs.
pub fn install_panic_hook(log_dir: &Path) {
    let _ = LOG_DIR.set(log_dir.to_path_buf());
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let thread = thread.name().unwrap_or("unnamed").to_string();
        let command = COMMAND.with(|c| c.borrow().clone());
        let location = info
            .location()
            .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
            .unwrap_or_default();
        tracing::error!(thread, command, location, "panic");
        let report = LOG_DIR
            .get()
            .and_then(|dir| write_report(dir, &thread, command.as_deref(), &location));
        match &report {
            Some(path) => eprintln!("dangol: a problem was recorded in {}", path.display()),
            None => eprintln!("dangol: a problem happened at {location}"),
        }
        if let Some(app) = APP.get() {
            let problem = AppProblem {
                report: report.map(|p| p.display().to_string()),
                in_mail: thread == crate::mailer::THREAD_NAME
                    || thread == crate::texter::THREAD_NAME,
            };
            *LAST.lock().unwrap_or_else(|e| e.into_inner()) = Some(problem.clone());
            let _ = app.emit("app-problem", problem);
        }
    }));
}

/// Lets the panic hook tell the window.
pub fn set_app(app: &AppHandle) {
    let _ = APP.set(app.clone());
}

/// `crash-<UTC time>.txt`: enough to find the fault, nothing personal.
fn write_report(
    dir: &Path,
    thread: &str,
    command: Option<&str>,
    location: &str,
) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let now = chrono::Utc::now();
    let path = dir.join(format!("crash-{}.txt", now.format("%Y%m%d-%H%M%S%3f")));
    let backtrace = std::backtrace::Backtrace::force_capture();
    let text = format!(
        "Dangol crash report\n\
         time: {}\n\
         version: {}\n\
         os: {} {}\n\
         thread: {thread}\n\
         command: {}\n\
         location: {location}\n\
         (the panic's message is not written: it can quote customer data)\n\n\
         {backtrace}\n",
        now.to_rfc3339(),
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH,
        command.unwrap_or("-"),
    );
    std::fs::write(&path, text).ok()?;
    Some(path)
}

#[cfg(test)]
mod tests {
    /// The rule of `commands`: an async command would run on a tokio task,
    /// outside the `catch_unwind`, and a panic in it would leave the window
    /// waiting. Every command is a plain `fn`.
    #[test]
    fn no_command_is_async() {
        let attr = ["#[tauri::", "command"].concat();
        let mut files = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src-tauri/src"
        ))];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let lines: Vec<&str> = text.lines().map(str::trim).collect();
            for (i, line) in lines.iter().enumerate() {
                if !line.starts_with(&attr) {
                    continue;
                }
                checked += 1;
                let next = lines.get(i + 1).copied().unwrap_or_default();
                assert!(
                    !line.contains("async") && !next.contains("async fn"),
                    "{}: an async command ({next})",
                    path.display()
                );
            }
        }
        assert!(checked > 50, "found only {checked} commands");
    }
}
