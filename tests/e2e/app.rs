//! Starts the real app under tauri-driver with its own fresh data, config and
//! cache folders, and takes everything down again when the test ends.
//!
//! Tests hold a global lock while they run: there is one X display and a
//! window that takes focus, so two apps at once would type into each other.
//! On a failing test the screen, the page and the driver's log are saved to
//! `tests/e2e/artifacts/<test>.{png,html,log}`.

use std::fs::{self, File};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::thread::sleep;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::procs::{private_bus, stop};
use crate::webdriver::{self, Session};

/// How long a wait for something that should happen may last before the
/// test fails. Generous: a loaded 2-core CI machine is many times slower
/// than a desk, and only a failing test ever waits this long.
pub const PATIENCE: Duration = Duration::from_secs(60);

static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The CSS selector for a `data-testid`.
pub fn tid(id: &str) -> String {
    format!(r#"[data-testid="{id}"]"#)
}

pub struct App {
    pub wd: Session,
    /// What a probe last saw; printed when a wait times out.
    pub seen: std::cell::RefCell<String>,
    name: String,
    driver: Child,
    /// tauri-driver's address, for `restart`.
    base: String,
    dir: tempfile::TempDir,
    _turn: MutexGuard<'static, ()>,
}

fn free_ports() -> (u16, u16) {
    let a = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let b = TcpListener::bind("127.0.0.1:0").expect("a free port");
    (
        a.local_addr().unwrap().port(),
        b.local_addr().unwrap().port(),
    )
}

fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/artifacts")
}

impl App {
    /// Calls a command through Tauri's IPC from the page; its answer or error.
    pub fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        self.wd
            .execute(
                "window.__probe = undefined;
                 window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(
                   (ok) => { window.__probe = { ok: ok ?? null }; },
                   (err) => { window.__probe = { err: err ?? null }; });
                 return null;",
                &[command.into(), args],
            )
            .expect("invoke");
        let answer = self.wait_until(&format!("{command} to answer"), || {
            let v = self.wd.execute("return window.__probe ?? null;", &[])?;
            Ok((!v.is_null()).then_some(v))
        });
        match answer.get("ok") {
            Some(ok) => Ok(ok.clone()),
            None => Err(answer["err"].clone()),
        }
    }

    /// Starts tauri-driver and the app with fresh folders; `name` names the
    /// artifacts saved if the test fails.
    pub fn launch(name: &str) -> App {
        App::launch_with(name, |_| {})
    }

    /// Like `launch`, but `prepare` may first put files in the data folder
    /// (a damaged shop file, backups).
    pub fn launch_with(name: &str, prepare: impl FnOnce(&Path)) -> App {
        App::launch_full(name, prepare, &[])
    }

    /// Like `launch_with`, with extra environment variables for the app
    /// (the debug-build seams, e.g. where to look for updates).
    pub fn launch_full(name: &str, prepare: impl FnOnce(&Path), env: &[(&str, String)]) -> App {
        if std::env::var_os("DISPLAY").map_or(true, |d| d.is_empty()) {
            panic!("DISPLAY is not set: run the e2e tests through scripts/e2e-xvfb.sh or xvfb-run");
        }
        let turn = ONE_AT_A_TIME
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let dir = tempfile::Builder::new()
            .prefix("dangol-e2e-")
            .tempdir()
            .expect("temp dir");
        let sub = |s: &str| {
            let p = dir.path().join(s);
            fs::create_dir_all(&p).expect("create test folder");
            p
        };
        prepare(&sub("data"));
        let (port, native_port) = free_ports();
        let log = File::create(dir.path().join("driver.log")).expect("driver log");
        let bus = private_bus(&sub("data"));
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DANGOL_DATA_DIR", sub("data"))
            // The seam the app's debug build answers file dialogs from
            // (src-tauri/src/files.rs): see `answer_dialog`.
            .env("DANGOL_E2E_DIALOGS", sub("dialogs"))
            // The loopback SMTP server's CA (tests/mail/certs), for mail tests.
            .env(
                "DANGOL_SMTP_CA",
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mail/certs/ca.pem"),
            )
            .env("XDG_DATA_HOME", sub("xdg-data"))
            .env("XDG_CONFIG_HOME", sub("xdg-config"))
            .env("XDG_CACHE_HOME", sub("xdg-cache"))
            .env("GDK_BACKEND", "x11")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus)
            .env_remove("WAYLAND_DISPLAY")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("driver log"))
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start tauri-driver ({e}): `cargo install tauri-driver --locked`")
            });
        let base = format!("http://127.0.0.1:{port}");
        let mut app = PartialApp {
            driver: Some(driver),
            dir: Some(dir),
        };
        let started = Instant::now();
        while !webdriver::is_ready(&base) {
            if started.elapsed() > PATIENCE {
                panic!("tauri-driver did not answer on {base}: {}", app.log());
            }
            sleep(Duration::from_millis(100));
        }
        let binary = env!("CARGO_BIN_EXE_dangol");
        let caps = json!({ "alwaysMatch": { "tauri:options": { "application": binary } } });
        let wd = Session::start(&base, caps)
            .unwrap_or_else(|e| panic!("cannot open the app: {e}\n{}", app.log()));
        let (driver, dir) = (app.driver.take().unwrap(), app.dir.take().unwrap());
        let app = App {
            wd,
            seen: Default::default(),
            name: name.to_string(),
            driver,
            base: base.clone(),
            dir,
            _turn: turn,
        };
        let url = app.wd.url().unwrap_or_default();
        assert!(
            !url.starts_with("http://localhost:5173"),
            "the app was built without the embedded UI (window shows {url}): \
             build with `npm --prefix ui run build && cargo test --features custom-protocol`"
        );
        app
    }

    /// Quits the app (its window closes, as when the owner closes it) and
    /// opens it again on the same data folder.
    pub fn restart(&mut self) {
        self.close();
        self.open_again();
    }

    /// Quits the app; `open_again` starts it on the same data folder.
    pub fn close(&self) {
        self.wd.delete().expect("close the app");
        // The single-instance plugin would hand a second start to a first
        // one still closing: let it go first.
        sleep(Duration::from_millis(1500));
    }

    /// Closes the window as the owner does, with its close button: the
    /// window manager's WM_DELETE_WINDOW (`scripts/close-window.py`; Xvfb
    /// has no window manager to send it). The app then exits on its own,
    /// through its clean close; `close` ends the WebDriver session instead,
    /// which kills it.
    pub fn close_window(&self) {
        let tree = Command::new("xwininfo")
            .args(["-root", "-tree"])
            .output()
            .expect("xwininfo (x11-utils: scripts/setup.sh)");
        let tree = String::from_utf8_lossy(&tree.stdout);
        // The app's window by its class, not GTK's hidden leader "dangol".
        let window = tree
            .lines()
            .find(|l| l.contains("(\"dangol\" \"Dangol\")") && !l.contains("\"dangol\":"))
            .and_then(|l| l.split_whitespace().next())
            .unwrap_or_else(|| panic!("no Dangol window among:\n{tree}"));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/close-window.py");
        let sent = Command::new("python3")
            .arg(script)
            .arg(window)
            .status()
            .expect("python3");
        assert!(sent.success(), "close-window.py {window} failed");
    }

    /// On a loaded machine the app that was closed may still be on its way
    /// out, and the single-instance plugin hands it the new start: tried
    /// again until it opens (or `PATIENCE` runs out).
    pub fn open_again(&mut self) {
        let binary = env!("CARGO_BIN_EXE_dangol");
        let caps = json!({ "alwaysMatch": { "tauri:options": { "application": binary } } });
        let started = Instant::now();
        loop {
            match Session::start(&self.base, caps.clone()) {
                Ok(wd) => {
                    self.wd = wd;
                    return;
                }
                Err(e) if started.elapsed() < PATIENCE => {
                    eprintln!("opening the app again: {e}; trying again");
                    sleep(Duration::from_secs(1));
                }
                Err(e) => panic!("cannot open the app again: {e}"),
            }
        }
    }

    /// The file or folder the next open, save or folder dialog answers with,
    /// as the owner would choose it there (native dialogs cannot be driven
    /// under automation; the app's debug build reads this instead).
    pub fn answer_dialog(&self, path: &Path) {
        let answer = self.dir.path().join("dialogs").join("answer");
        fs::write(answer, path.display().to_string()).expect("write the dialog's answer");
    }

    /// The folder the app keeps its data in (`DANGOL_DATA_DIR`).
    pub fn data_dir(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// With `DANGOL_E2E_SHOTS` set, saves the screen as
    /// `artifacts/<test>-<label>.png`, for looking at screens a passing test
    /// went through.
    pub fn snapshot(&self, label: &str) {
        if std::env::var_os("DANGOL_E2E_SHOTS").is_none() {
            return;
        }
        // Let the last change reach the screen before it is captured.
        sleep(Duration::from_millis(400));
        let dir = artifacts_dir();
        let _ = fs::create_dir_all(&dir);
        if let Ok(png) = self.wd.screenshot() {
            let _ = fs::write(dir.join(format!("{}-{label}.png", self.name)), png);
        }
    }

    fn save_artifacts(&self) {
        let dir = artifacts_dir();
        let _ = fs::create_dir_all(&dir);
        let base = dir.join(&self.name);
        if let Ok(png) = self.wd.screenshot() {
            let _ = fs::write(base.with_extension("png"), png);
        }
        if let Ok(html) = self.wd.page_source() {
            let _ = fs::write(base.with_extension("html"), html);
        }
        let _ = fs::copy(
            self.dir.path().join("driver.log"),
            base.with_extension("log"),
        );
        eprintln!("e2e: saved {}.{{png,html,log}}", base.display());
    }
}

impl Drop for App {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.save_artifacts();
        }
        let _ = self.wd.delete();
        stop(&mut self.driver, self.dir.path());
    }
}

/// What `launch` has started before the session exists, so that a failed
/// start is cleaned up too.
struct PartialApp {
    driver: Option<Child>,
    dir: Option<tempfile::TempDir>,
}

impl PartialApp {
    fn log(&self) -> String {
        let path = self.dir.as_ref().map(|d| d.path().join("driver.log"));
        path.and_then(|p| fs::read_to_string(p).ok())
            .unwrap_or_default()
    }
}

impl Drop for PartialApp {
    fn drop(&mut self) {
        if let (Some(driver), Some(dir)) = (self.driver.as_mut(), self.dir.as_ref()) {
            stop(driver, dir.path());
        }
    }
}
