//! Updates, in the real window against an update server on 127.0.0.1: the
//! home screen finds the new version (and asks only once a day), shows what
//! changed in Korean, and nothing is installed until the owner presses the
//! button. A file signed with another key is refused before anything
//! happens (no backup, the app runs on); a properly signed one is verified
//! and the shop is backed up before the install step.
//!
//! The keys are made by the tauri CLI's own `signer` (the release signs
//! with it too) and handed to the app through the debug-build seam
//! `DANGOL_UPDATE_URL`/`DANGOL_UPDATE_PUBKEY` (`src-tauri/src/updates.rs`).
//! On Linux a development build has no AppImage to replace, so the
//! updater's last step refuses the payload and the app says it could not
//! install: that step is the platform's (Windows runs the NSIS installer,
//! tested under Wine by tests/windows/installer.sh).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use crate::app::{tid, App};
use crate::has_hangul;

const NOTES: &str = "## 한국어\n- 고객 검색이 빨라졌습니다.\n- 편지 인쇄를 고쳤습니다.\n\n## English\n- Faster customer search.\n- Printing letters fixed.";
const PAYLOAD: &[u8] = b"Dangol 9.9.9 test payload: neither an AppImage nor an archive";

/// A key pair from `tauri signer generate`: the private key file and the
/// public key as the config holds it.
fn keypair(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = Command::new(tauri_cli())
        .args(["signer", "generate", "--ci", "-p", "", "-w"])
        .arg(&key)
        .output()
        .expect("run tauri signer generate (npm ci in the root installs the CLI)");
    assert!(out.status.success(), "signer generate: {out:?}");
    let public = std::fs::read_to_string(dir.join(format!("{name}.pub"))).expect("public key");
    (key, public.trim().to_string())
}

/// The `.sig` text `tauri signer sign` writes for `file`.
fn sign(key: &Path, file: &Path) -> String {
    let out = Command::new(tauri_cli())
        .args(["signer", "sign", "-p", "", "-f"])
        .arg(key)
        .arg(file)
        .output()
        .expect("run tauri signer sign");
    assert!(out.status.success(), "signer sign: {out:?}");
    let sig = file.with_file_name(format!(
        "{}.sig",
        file.file_name().unwrap().to_string_lossy()
    ));
    std::fs::read_to_string(sig).expect("signature file")
}

fn tauri_cli() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/.bin/tauri")
}

/// Serves `latest.json` (with the signature currently in `signature`) and
/// the payload; counts requests by path.
struct UpdateServer {
    url: String,
    signature: Arc<Mutex<String>>,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl UpdateServer {
    fn start(signature: String) -> UpdateServer {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().unwrap().port();
        let base = format!("http://127.0.0.1:{port}");
        let signature = Arc::new(Mutex::new(signature));
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let (sig, count, download) = (signature.clone(), hits.clone(), base.clone());
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let path = request.url().split('?').next().unwrap_or("").to_string();
                *count.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
                let response = match path.as_str() {
                    "/latest.json" => {
                        let platform = serde_json::json!({
                            "url": format!("{download}/Dangol_9.9.9_amd64.AppImage"),
                            "signature": sig.lock().unwrap().clone(),
                        });
                        let body = serde_json::json!({
                            "version": "9.9.9",
                            "notes": NOTES,
                            "pub_date": "2026-11-20T09:00:00Z",
                            "platforms": { "linux-x86_64": platform },
                        });
                        tiny_http::Response::from_string(body.to_string())
                    }
                    "/Dangol_9.9.9_amd64.AppImage" => tiny_http::Response::from_data(PAYLOAD),
                    _ => tiny_http::Response::from_string("not found").with_status_code(404),
                };
                let _ = request.respond(response);
            }
        });
        UpdateServer {
            url: format!("{base}/latest.json"),
            signature,
            hits,
        }
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn backups_before_update(app: &App) -> usize {
    std::fs::read_dir(app.data_dir().join("backups"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                // The backups, not their key files (`<backup>.key`).
                .filter(|n| n.contains("before-update") && n.ends_with(".sqlite3"))
                .count()
        })
        .unwrap_or(0)
}

fn outcome(app: &App) -> String {
    app.wait_until("the update's outcome", || {
        let el = app.wd.find_all(&tid("update-outcome"))?;
        match el.first() {
            Some(el) => Ok(app.wd.attribute(el, "data-outcome")?),
            None => Ok(None),
        }
    })
}

#[test]
fn an_update_is_offered_refused_when_badly_signed_and_backed_up_before_installing() {
    let keys = tempfile::tempdir().expect("temp dir");
    let (dangol_key, public) = keypair(keys.path(), "dangol.key");
    let (stranger_key, _) = keypair(keys.path(), "stranger.key");
    let payload = keys.path().join("Dangol_9.9.9_amd64.AppImage");
    std::fs::write(&payload, PAYLOAD).unwrap();
    let good = sign(&dangol_key, &payload);
    let bad = sign(&stranger_key, &payload);

    let server = UpdateServer::start(bad);
    let env = [
        ("DANGOL_UPDATE_URL", server.url.clone()),
        ("DANGOL_UPDATE_PUBKEY", public),
    ];
    let app = App::launch_full(
        "an_update_is_offered_refused_when_badly_signed_and_backed_up_before_installing",
        |_| {},
        &env,
    );
    app.click("setup-start-empty");
    crate::shop::past_security_step(&app);

    // The home screen looked, and says what changed — in Korean only.
    let notice = app.wait_until("the new-version notice on the home screen", || {
        let texts = app.texts(&tid("update-notice"))?;
        Ok(texts.into_iter().find(|t| t.contains("9.9.9")))
    });
    assert!(notice.contains("고객 검색이 빨라졌습니다"), "{notice}");
    assert!(!notice.contains("Faster customer search"), "{notice}");
    assert!(notice.contains("0.1.0"), "the version in use: {notice}");
    app.snapshot("notice");
    assert_eq!(
        server.hits("/Dangol_9.9.9_amd64.AppImage"),
        0,
        "downloaded unasked"
    );

    // Away and back: not asked again the same day.
    app.click("nav-settings");
    app.click("nav-home");
    app.wait_for(&tid("update-notice"));
    assert_eq!(server.hits("/latest.json"), 1, "looked again the same day");

    // Signed with a key that is not Dangol's: refused, nothing backed up.
    app.click("update-install");
    assert_eq!(outcome(&app), "unverified");
    let said = app.texts(&tid("update-outcome")).unwrap().join(" ");
    assert!(has_hangul(&said), "not said in Korean: {said}");
    assert_eq!(server.hits("/Dangol_9.9.9_amd64.AppImage"), 1);
    assert_eq!(
        backups_before_update(&app),
        0,
        "backed up for a refused file"
    );
    app.snapshot("refused");

    // The release re-signed properly; the owner looks again from settings.
    *server.signature.lock().unwrap() = good;
    app.click("nav-settings");
    app.click("update-check");
    app.wait_until("settings to offer 9.9.9", || {
        let texts = app.texts(&tid("update-status"))?;
        Ok(texts.into_iter().find(|t| t.contains("9.9.9")))
    });
    assert_eq!(server.hits("/latest.json"), 2);
    app.snapshot("settings");
    app.click("update-install");
    // Verified, backed up, then the platform's install step (see above).
    assert_eq!(outcome(&app), "install_failed");
    assert_eq!(server.hits("/Dangol_9.9.9_amd64.AppImage"), 2);
    assert_eq!(
        backups_before_update(&app),
        1,
        "no backup before installing"
    );
    // The app runs on with its data.
    app.click("nav-customers");
    app.wait_for(&tid("search-input"));
}
