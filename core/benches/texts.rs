//! 1,000 texts queued (the plan with its cost, then the outbox) and sent to
//! the loopback stand-in of Solapi's API (`core/tests/common/solapi.rs`,
//! which checks every signature), each settled in SQLite before and after
//! it goes, then their delivery reports fetched (BENCHMARKS.md).
//!
//! ```text
//! cargo bench -p dangol-core --bench texts
//! ```

#[path = "../tests/common/solapi.rs"]
#[allow(dead_code)]
mod solapi;
#[path = "../tests/common/solapi_http.rs"]
mod solapi_http;

use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::Channel;
use dangol_core::outbox::texts::sender::{TextPolicy, TextRunEnd};
use dangol_core::outbox::texts::settings::TextSettings;
use dangol_core::outbox::texts::solapi::Solapi;
use dangol_core::{sample, Country, CustomerInput, Language, PhoneInput, SetupInput, Shop};

const N: usize = 1_000;

fn main() {
    let standin = solapi::StandIn::start();
    let dir = tempfile::tempdir().unwrap();
    let shop = Shop::open(dir.path().join("dangol.sqlite3")).unwrap();
    shop.finish_setup(&SetupInput {
        shop_name: "행복한 세탁소".into(),
        country: Country::KR,
        language: Language::Ko,
        with_sample: false,
    })
    .unwrap();
    shop.save_text_settings(&TextSettings {
        sender_number: solapi::SENDER.into(),
        per_second: 0,
        ..Default::default()
    })
    .unwrap();
    let ids: Vec<i64> = sample::generate(Country::KR, N, 11)
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let input = CustomerInput {
                name: p.name.clone(),
                phones: vec![PhoneInput {
                    label: Default::default(),
                    number: format!("010-5{:03}-{:04}", i / 10_000, i % 10_000),
                }],
                ..Default::default()
            };
            shop.create_customer(&input).unwrap().id
        })
        .collect();
    let made = shop
        .make_letters(Occasion::Birthday, &ids, Channel::Email)
        .unwrap();
    let letters: Vec<i64> = made.made.iter().map(|l| l.id).collect();

    let started = Instant::now();
    let plan = shop.queue_texts(&letters, true).unwrap();
    let plan_secs = started.elapsed().as_secs_f64();
    assert_eq!((plan.sms + plan.lms) as usize, N);
    let started = Instant::now();
    shop.queue_texts(&letters, false).unwrap();
    let queue_secs = started.elapsed().as_secs_f64();

    let provider = Solapi::new(
        &standin.base,
        solapi::KEY,
        solapi::SECRET,
        Duration::from_secs(10),
    );
    let policy = TextPolicy {
        reports_per_run: 0,
        ..TextPolicy::default()
    };
    let started = Instant::now();
    let end = shop
        .send_texts(&provider, &policy, &AtomicBool::new(false), &mut || {})
        .unwrap();
    let send_secs = started.elapsed().as_secs_f64();
    assert_eq!(end, TextRunEnd::Done);
    assert_eq!(standin.state().messages.len(), N);
    assert_eq!(standin.state().bad_signatures, 0);

    let started = Instant::now();
    let reports = shop.fetch_text_reports(&provider, N as u32).unwrap();
    let report_secs = started.elapsed().as_secs_f64();
    assert_eq!(reports as usize, N);

    println!("| 1,000 texts | s | texts/s |");
    println!("|---|---:|---:|");
    let row = |what: &str, s: f64| println!("| {what} | {s:.2} | {:.0} |", N as f64 / s);
    row("plan (counts and cost, nothing written)", plan_secs);
    row("queue (one transaction)", queue_secs);
    row("send to the stand-in, each settled in SQLite", send_secs);
    row("fetch delivery reports", report_secs);
}
