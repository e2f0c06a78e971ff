//! A real SMTP server on loopback for the mail tests (core's and the
//! end-to-end ones): `tests/mail/server.mjs`
//! (npm smtp-server + mailparser) with STARTTLS and AUTH, its certificates
//! signed by the test CA that `DANGOL_SMTP_CA` makes the app trust.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use dangol_core::outbox::mail::settings::{MailSettings, Provider, Security};

pub const USER: &str = "shop@example.com";
pub const PASSWORD: &str = "app-password-1234";

pub struct SmtpServer {
    child: Child,
    pub port: u16,
    out: PathBuf,
    _dir: tempfile::TempDir,
}

/// The repository root (these helpers serve core's tests and the app's
/// end-to-end tests, one folder apart).
fn repo() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if here.join("tests/mail").is_dir() {
        here.to_path_buf()
    } else {
        here.parent().unwrap().to_path_buf()
    }
}

/// Makes this process trust the test CA (the server's certificate).
pub fn trust_test_ca() {
    std::env::set_var("DANGOL_SMTP_CA", repo().join("tests/mail/certs/ca.pem"));
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        trust_test_ca();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("received.jsonl");
        let mut child = Command::new("node")
            .arg(repo().join("tests/mail/server.mjs"))
            .args([
                "--out",
                out.to_str().unwrap(),
                "--user",
                USER,
                "--pass",
                PASSWORD,
            ])
            .stdout(Stdio::piped())
            .spawn()
            .expect("node runs tests/mail/server.mjs (npm ci installs smtp-server)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .strip_prefix("READY ")
            .and_then(|p| p.trim().parse().ok())
            .unwrap_or_else(|| panic!("the SMTP test server did not start: {line:?}"));
        SmtpServer {
            child,
            port,
            out,
            _dir: dir,
        }
    }

    /// Every message the server accepted, parsed, in order.
    pub fn received(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.out)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// Mail settings for this server, with no pace limit.
    pub fn settings(&self) -> MailSettings {
        MailSettings {
            host: "localhost".into(),
            port: self.port,
            security: Security::Starttls,
            per_minute: 0,
            per_day: 0,
            ..MailSettings::for_provider(Provider::Custom, USER, "행복한 세탁소")
        }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
