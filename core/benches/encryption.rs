//! Encryption at rest, 100,000 customers: converting a plaintext shop,
//! opening the shop (until the first search answers) and looking customers
//! up, plain against encrypted, on the same data.
//!
//! `cargo bench -p dangol-core --bench encryption [-- --customers N --runs R]`

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use dangol_core::data::vault::{self, DbKey};
use dangol_core::{sample, Country, Shop};

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn pct(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    ms(sorted[i])
}

fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Open, then the first search (which waits for the index built at open).
fn open(path: &Path, key: Option<DbKey>) -> (Shop, Duration, Duration) {
    let t = Instant::now();
    let shop = Shop::open_keyed(path, key).expect("open");
    let opened = t.elapsed();
    let _ = shop.search("김", 20);
    (shop, opened, t.elapsed())
}

/// A search (in memory) and the customer's record (from SQLite) per query.
fn lookups(shop: &Shop, queries: &[String]) -> (Vec<Duration>, Vec<Duration>) {
    let (mut search, mut record) = (vec![], vec![]);
    for q in queries {
        let t = Instant::now();
        let found = shop.search(q, 20);
        search.push(t.elapsed());
        if let Some(hit) = found.hits.first() {
            let t = Instant::now();
            shop.get_customer(hit.id).expect("her record");
            record.push(t.elapsed());
        }
    }
    search.sort();
    record.sort();
    (search, record)
}

fn main() {
    let (n, runs) = (arg("--customers", 100_000), arg("--runs", 3));
    let dir = tempfile::tempdir().expect("temp dir");
    let plain = dir.path().join("plain/dangol.sqlite3");
    let enc = dir.path().join("enc/dangol.sqlite3");
    eprintln!("encryption bench: {n} customers; load before {}", load());
    let shop = Shop::open(&plain).expect("new shop");
    shop.db()
        .with_tx(|tx| sample::fill(tx, Country::KR, n, Utc::now()))
        .expect("fill");
    drop(shop);
    std::fs::create_dir_all(enc.parent().unwrap()).unwrap();
    std::fs::copy(&plain, &enc).unwrap();
    let key = DbKey::random();
    let t = Instant::now();
    vault::encrypt_shop(&enc, &key).expect("convert");
    let convert = t.elapsed();
    let size = |p: &Path| {
        std::fs::metadata(p)
            .map(|m| m.len() as f64 / 1e6)
            .unwrap_or(0.0)
    };
    println!(
        "convert {n} customers (backup first, export, rename): {:.0} ms",
        ms(convert)
    );
    println!(
        "file: plain {:.1} MB, encrypted {:.1} MB",
        size(&plain),
        size(&enc)
    );

    let queries: Vec<String> = sample::generate(Country::KR, 400, 11)
        .into_iter()
        .enumerate()
        .map(|(i, c)| match i % 3 {
            0 => c.name.chars().take(2).collect(),
            1 => c.name,
            _ => c
                .phones
                .first()
                .map(|p| {
                    p.number
                        .chars()
                        .rev()
                        .take(4)
                        .collect::<String>()
                        .chars()
                        .rev()
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    for (label, path, key) in [("plain", &plain, None), ("encrypted", &enc, Some(key))] {
        for run in 1..=runs {
            let (shop, opened, searchable) = open(path, key.clone());
            let (search, record) = lookups(&shop, &queries);
            println!(
                "{label} run {run}: open {:.0} ms, first search answered {:.0} ms; search p50 {:.2} p95 {:.2} ms; record p50 {:.2} p95 {:.2} ms (load {})",
                ms(opened),
                ms(searchable),
                pct(&search, 0.5),
                pct(&search, 0.95),
                pct(&record, 0.5),
                pct(&record, 0.95),
                load()
            );
        }
    }
}
