//! The processes behind one test: a private D-Bus session bus, tauri-driver,
//! WebKitWebDriver and the app; started per test and all ended with it.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

/// A D-Bus session bus of this test's own. The app's single-instance
/// guard lives on the session bus: on a shared one, an app starting while
/// the previous test's app is still leaving the bus takes it for a running
/// Dangol, forwards to it and quits. The daemon carries the test's data
/// folder in its environment, so `stop` ends it with the app.
pub fn private_bus(data: &Path) -> String {
    use std::io::{BufRead, BufReader};
    let mut daemon = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .env("DANGOL_DATA_DIR", data)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start dbus-daemon ({e}): sudo apt-get install dbus"));
    let mut address = String::new();
    let out = daemon.stdout.take().expect("dbus-daemon output");
    BufReader::new(out)
        .read_line(&mut address)
        .expect("dbus-daemon address");
    assert!(!address.trim().is_empty(), "dbus-daemon printed no address");
    // Reaped when `stop` ends it.
    std::thread::spawn(move || daemon.wait());
    address.trim().to_string()
}

/// Stops tauri-driver with SIGTERM (SIGKILL would orphan WebKitWebDriver,
/// which keeps pipes open), waits for it, then ends any process still
/// running with this test's data folder: the app or WebKitWebDriver.
pub fn stop(driver: &mut Child, dir: &Path) {
    signal("TERM", driver.id());
    if !wait_exit(driver, Duration::from_secs(10)) {
        signal("KILL", driver.id());
        let _ = driver.wait();
    }
    let marker = format!("DANGOL_DATA_DIR={}", dir.join("data").display());
    let started = Instant::now();
    loop {
        let left = processes_with_env(&marker);
        if left.is_empty() {
            return;
        }
        let sig = if started.elapsed() > Duration::from_secs(5) {
            "KILL"
        } else {
            "TERM"
        };
        left.iter().for_each(|&pid| signal(sig, pid));
        if started.elapsed() > Duration::from_secs(10) {
            eprintln!("e2e: processes {left:?} did not exit");
            return;
        }
        sleep(Duration::from_millis(200));
    }
}

fn signal(sig: &str, pid: u32) {
    let _ = Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status();
}

fn wait_exit(child: &mut Child, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        if let Ok(Some(_)) = child.try_wait() {
            return true;
        }
        sleep(Duration::from_millis(50));
    }
    false
}

/// Our own children, found by the unique data folder in their environment.
fn processes_with_env(marker: &str) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    let marker = marker.as_bytes();
    entries
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let env = fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            env.split(|&b| b == 0).any(|var| var == marker)
        })
        .collect()
}

/// Names of the top-level windows on the display (xwininfo), to see a
/// native dialog the webview cannot: the print dialog.
pub fn top_level_windows() -> Vec<String> {
    let out = std::process::Command::new("xwininfo")
        .args(["-root", "-children"])
        .output()
        .expect("xwininfo (x11-utils) runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let start = l.find('"')?;
            let end = l.rfind('"')?;
            (end > start).then(|| l[start + 1..end].to_string())
        })
        .collect()
}
