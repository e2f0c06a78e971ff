//! 1,000 letters through the outbox to the loopback SMTP server (STARTTLS,
//! AUTH) over one reused connection, each settled in SQLite before and
//! after it goes (BENCHMARKS.md). Needs node and `npm ci` at the root.
//!
//! ```text
//! cargo bench -p dangol-core --bench mail
//! ```

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::mail::sender::{Policy, RunEnd};
use dangol_core::outbox::mail::settings::{MailSettings, Provider, Security};
use dangol_core::{sample, Country, CustomerInput, Language, SetupInput, Shop};

const N: usize = 1_000;

fn main() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    std::env::set_var("DANGOL_SMTP_CA", repo.join("tests/mail/certs/ca.pem"));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("received.jsonl");
    let mut server = Command::new("node")
        .arg(repo.join("tests/mail/server.mjs"))
        .args(["--out", out.to_str().unwrap()])
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs the test SMTP server");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port: u16 = line.trim().strip_prefix("READY ").unwrap().parse().unwrap();

    let shop = Shop::open(dir.path().join("dangol.sqlite3")).unwrap();
    shop.finish_setup(&SetupInput {
        shop_name: "행복한 세탁소".into(),
        country: Country::KR,
        language: Language::Ko,
        with_sample: false,
    })
    .unwrap();
    shop.save_mail_settings(&MailSettings {
        host: "localhost".into(),
        port,
        security: Security::Starttls,
        per_minute: 0,
        per_day: 0,
        ..MailSettings::for_provider(Provider::Custom, "shop@example.com", "행복한 세탁소")
    })
    .unwrap();
    let ids: Vec<i64> = sample::generate(Country::KR, N, 11)
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let input = CustomerInput {
                name: p.name.clone(),
                email: format!("c{i}@example.com"),
                ..Default::default()
            };
            shop.create_customer(&input).unwrap().id
        })
        .collect();
    let made = shop
        .make_letters(Occasion::Birthday, &ids, Channel::Email)
        .unwrap();
    let letters: Vec<i64> = made.made.iter().map(|l| l.id).collect();
    shop.queue_letters(&letters).unwrap();

    let policy = Policy {
        timeout: Duration::from_secs(10),
        ..Policy::default()
    };
    let started = Instant::now();
    let end = shop
        .send_outbox(
            "app-password-1234",
            &policy,
            &AtomicBool::new(false),
            &mut || {},
        )
        .unwrap();
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(end, RunEnd::Done);
    assert_eq!(shop.outbox_counts().unwrap().sent as usize, N);
    // The server writes each message after parsing it; wait for the last.
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&out)
        .unwrap_or_default()
        .lines()
        .count()
        < N
        && Instant::now() < deadline
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), N);
    let _ = server.kill();
    let _ = server.wait();
    println!("| Send 1,000 letters (STARTTLS + AUTH, one connection) | s | letters/s |");
    println!("|---|---:|---:|");
    println!(
        "| loopback smtp-server, each settled in SQLite | {secs:.2} | {:.0} |",
        N as f64 / secs
    );
}
