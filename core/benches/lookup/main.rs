//! The numbers behind BENCHMARKS.md: bulk insert, opening a shop, and the
//! search box's lookups at 100,000 customers on a real SQLite file, each
//! beside SQLite `LIKE` and FTS5 `trigram` doing the same work on the same
//! rows (`peers.rs`).
//!
//! ```text
//! cargo bench -p dangol-core --bench lookup [-- --customers 100000 --queries 500 --peer-queries 100]
//! cargo bench -p dangol-core --bench lookup -- --keep DIR   # also leaves DIR/dangol.sqlite3
//! ```
//!
//! `--keep` leaves the shop behind, set up, for timing the app itself on
//! it (`DANGOL_DATA_DIR=DIR`).
//!
//! Every query is drawn (deterministically) from the customers themselves,
//! so each must find someone; one that finds nobody is a bug and panics.
//! Nothing timed is asserted: the output is markdown to paste.

mod peers;
mod queries;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::Utc;
use dangol_core::people::customers::store;
use dangol_core::people::customers::validate;
use dangol_core::sample;
use dangol_core::search::SearchIndex;
use dangol_core::store::db::Db;
use dangol_core::{Country, Shop};
use peers::{Peer, Peers};

/// What the search box asks for (`LIMIT` in ui/src/components/search/SearchBox.svelte).
const UI_LIMIT: usize = 8;
const OPENS: usize = 5;
const P95_TARGET_MS: f64 = 1.0;
const INSERT_TARGET_S: f64 = 1.5;
const INSERT_TARGET_ROWS: usize = 100_000;

/// `--name N` from the command line (`cargo bench` adds `--bench`; anything
/// unknown is ignored).
fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == name) {
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.replace('_', "").parse().ok())
            .filter(|&n| n > 0)
            .unwrap_or_else(|| panic!("{name} needs a positive number")),
        None => default,
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn ms(d: Duration) -> String {
    if d < Duration::from_micros(1) {
        return "< 0.001".into();
    }
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// Nearest-rank percentile of sorted samples.
fn pct(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU", |(_, v)| v.trim());
    let (os, arch) = (std::env::consts::OS, std::env::consts::ARCH);
    format!("{os} {arch}, {cores} cores available, {cpu}")
}

/// The 1, 5 and 15 minute load averages, as the kernel reports them.
fn load() -> String {
    let l = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
}

/// Counts the bytes allocated and not yet freed, to weigh the index.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live_mb() -> f64 {
    LIVE.load(Ordering::Relaxed) as f64 / 1e6
}

/// The shop file and its write-ahead log, in MB.
fn file_mb(path: &Path) -> (f64, f64) {
    let mb = |p: &Path| std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1e6);
    (mb(path), mb(&path.with_extension("dangol-wal")))
}

struct Timings {
    sorted: Vec<Duration>,
    mean_total: f64,
}

/// Times `run` on every query, one by one, after an untimed pass.
fn time_all(queries: &[String], mut run: impl FnMut(&str) -> u64) -> Timings {
    for q in queries {
        run(q);
    }
    let (mut sorted, mut totals) = (Vec::with_capacity(queries.len()), 0u64);
    for q in queries {
        let t = Instant::now();
        totals += std::hint::black_box(run(q));
        sorted.push(t.elapsed());
    }
    sorted.sort();
    let mean_total = totals as f64 / queries.len() as f64;
    Timings { sorted, mean_total }
}

fn main() {
    let (n, per_kind) = (arg("--customers", 100_000), arg("--queries", 500));
    let per_peer = arg("--peer-queries", 100);
    let args: Vec<String> = std::env::args().collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shop.dangol");
    let now = Utc::now();
    let load_before = load();
    eprintln!("lookup bench: {n} customers in {}", path.display());

    // 1. Bulk insert as the sample shop is filled: generate, validate (phone
    //    parsing) on a second thread while this one inserts, all in one
    //    transaction; then the three steps apart, one after another.
    let shop = Shop::open(&path).expect("open a new shop");
    let ((), fill) = timed(|| {
        let filled = shop
            .db()
            .with_tx(|tx| sample::fill(tx, Country::KR, n, now));
        filled.expect("fill");
    });
    let count = shop.customer_count().expect("count") as usize;
    assert_eq!(count, n, "every customer inserted");
    let ((), close) = timed(|| drop(shop));
    let (db_mb, wal_mb) = file_mb(&path);

    // The same work in parts, to see where the time goes.
    let (inputs, gen) = timed(|| sample::generate(Country::KR, n, 7));
    let (valid, check) = timed(|| {
        let check = |i| validate::validate(i, Country::KR, now.date_naive(), |_| true);
        inputs
            .iter()
            .map(|i| check(i).expect("valid sample"))
            .collect::<Vec<_>>()
    });
    let side = Db::open(dir.path().join("side.dangol")).expect("open side db");
    let ((), sql) = timed(|| {
        let inserted = side.with_tx(|tx| {
            let first = store::reserve_card_numbers(tx, valid.len() as i64)?;
            let mut inserter = store::Inserter::new(tx, now, None)?;
            (first..)
                .zip(&valid)
                .try_for_each(|(card, v)| inserter.insert(v, card).map(drop))
        });
        inserted.expect("insert");
    });
    drop(side);

    // 2. Opening the shop: file, integrity and migrations check, reading
    //    rows, index.
    let times = |f: &dyn Fn()| (0..OPENS).map(|_| timed(f).1).collect::<Vec<_>>();
    let opens = times(&|| drop(Shop::open(&path).expect("reopen")));
    // The first search waits for the index the open started building.
    let searchable = times(&|| {
        let shop = Shop::open(&path).expect("reopen");
        std::hint::black_box(shop.search("김", UI_LIMIT));
    });
    let db_opens = times(&|| drop(Db::open(&path).expect("db open")));
    let db = Db::open(&path).expect("db open");
    let (rows, read_rows) =
        timed(|| store::index_rows(&db.reader().expect("reader")).expect("rows"));
    let builds = times(&|| drop(SearchIndex::build(rows.clone())));
    let before = live_mb();
    let index = SearchIndex::build(rows.clone());
    let index_mb = live_mb() - before;
    let parts = index.heap_parts();
    // The parts are what was written, the allocator's count what was
    // asked for: they differ by vectors' slack, not by whole parts.
    let written_mb = parts.iter().map(|p| p.1).sum::<usize>() as f64 / 1e6;
    assert!(
        written_mb > 0.8 * index_mb && written_mb < 1.05 * index_mb,
        "BUG: the index's parts add up to {written_mb:.1} MB of {index_mb:.1}"
    );
    drop(index);
    // On a new connection each time, with a cold page cache as at open.
    let checks = times(&|| {
        let conn = rusqlite::Connection::open(&path).expect("open");
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(ok, "ok", "the benchmark's shop file is damaged");
    });
    drop(db);

    // 3. Lookups, through `Shop::search` as the Tauri command calls it,
    //    and the same queries through the peers.
    let shop = Shop::open(&path).expect("reopen");
    let peers = Peers::build(&dir.path().join("peers.sqlite3"), &rows);
    let kinds = queries::kinds(&rows, per_kind);
    let measured: Vec<_> = kinds
        .iter()
        .map(|k| {
            let dangol = time_all(&k.queries, |q| {
                let found = shop.search(q, UI_LIMIT);
                assert!(
                    !found.hits.is_empty(),
                    "BUG: {} query {q:?} comes from a customer but found nobody",
                    k.name
                );
                u64::from(found.total)
            });
            let few = &k.queries[..per_peer.min(k.queries.len())];
            let like = time_all(few, |q| peers.search(Peer::Like, q).0);
            let fts5 = time_all(few, |q| peers.search(Peer::Fts5, q).0);
            (k, dangol, like, fts5)
        })
        .collect();

    // ---- report
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!(
        "Machine: {}; load average before {load_before}, after {}",
        machine(),
        load()
    );
    println!("Customers: {n} (sample::generate, Korean shop); after closing: file {db_mb:.1} MB + WAL {wal_mb:.1} MB; search limit {UI_LIMIT}\n");
    println!("| Bulk insert, one transaction | Time s | Rows/s |\n|---|---:|---:|");
    for (what, d) in [
        ("**`sample::fill`: generate + validate + insert**", fill),
        ("of which: generate inputs", gen),
        ("of which: validate (phone parsing)", check),
        ("of which: SQL insert (`store::Inserter`) + commit", sql),
    ] {
        println!("| {what} | {:.2} | {:.0} |", d.as_secs_f64(), rate(d));
    }
    println!("| closing the shop | {:.2} | |", close.as_secs_f64());
    println!("\n| App data open (median of {OPENS}) | Time ms |\n|---|---:|");
    for (what, d) in [
        (
            "**`Shop::open` and a first search answered**",
            median(searchable),
        ),
        (
            "`Shop::open` alone (the index is built on a thread of its own)",
            median(opens),
        ),
        (
            "of which: `Db::open` (integrity + migrations check, WAL, 2 readers)",
            median(db_opens),
        ),
        (
            "of which, in `Db::open`: `PRAGMA quick_check` (cold cache)",
            median(checks),
        ),
        (
            "of which: reading every customer (`store::index_rows`, once)",
            read_rows,
        ),
        ("of which: `SearchIndex::build`", median(builds)),
    ] {
        println!("| {what} | {} |", ms(d));
    }
    println!("\nMemory the search index holds (bytes allocated, counted by the bench's allocator): {index_mb:.1} MB");
    println!("\n| Part of the index (bytes written; a vector's unused capacity is never touched) | MB |\n|---|---:|");
    for (part, bytes) in &parts {
        println!("| {part} | {:.2} |", *bytes as f64 / 1e6);
    }
    let written: usize = parts.iter().map(|p| p.1).sum();
    println!("| **all** | **{:.2}** |", written as f64 / 1e6);
    println!("\n| Lookup (best {UI_LIMIT}, count capped at {}) | Example | Mean matches | p50 ms | p95 ms | p99 ms | max ms | LIKE p50 / p95 | FTS5 p50 / p95 | best peer p95 ÷ Dangol p95 | goal |", dangol_core::search::COUNT_CAP);
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    let mut missed = vec![];
    for (k, d, like, fts5) in &measured {
        let p = |t: &Timings, x| pct(&t.sorted, x);
        let ps = [50.0, 95.0, 99.0, 100.0].map(|x| ms(p(d, x))).join(" | ");
        let peer = |t: &Timings| format!("{} / {}", ms(p(t, 50.0)), ms(p(t, 95.0)));
        let best_peer = p(like, 95.0).min(p(fts5, 95.0));
        let ratio = best_peer.as_secs_f64() / p(d, 95.0).as_secs_f64();
        // A half-typed syllable or 김ㅇㅈ is no plain substring: there the
        // peers find nobody, do less work, and are no yardstick.
        let compared = like.mean_total > 0.0 && fts5.mean_total > 0.0;
        let fast = p(d, 95.0).as_secs_f64() * 1e3 < P95_TARGET_MS;
        let met = fast && (ratio >= 1.0 || !compared);
        let ratio = match compared {
            true => format!("{ratio:.1}×"),
            false => "n/a: peers find nobody".to_string(),
        };
        if !met {
            missed.push(k.name.clone());
        }
        let goal = if met { "met" } else { "**MISSED**" };
        let example = &k.queries[k.queries.len() / 2];
        println!(
            "| {} | `{example}` | {:.0} | {ps} | {} | {} | {ratio} | {goal} |",
            k.name,
            d.mean_total,
            peer(like),
            peer(fts5)
        );
    }
    let lookups = match missed.is_empty() {
        true => "met".to_string(),
        false => format!("MISSED by {}", missed.join(", ")),
    };
    let inserts = match (
        n == INSERT_TARGET_ROWS,
        fill.as_secs_f64() < INSERT_TARGET_S,
    ) {
        (false, _) => "n/a (run with --customers 100000)",
        (true, true) => "met",
        (true, false) => "MISSED",
    };
    if let Some(keep) = args
        .iter()
        .position(|a| a == "--keep")
        .and_then(|i| args.get(i + 1))
    {
        drop(shop);
        let kept = Path::new(keep).join("dangol.sqlite3");
        std::fs::create_dir_all(keep).expect("--keep folder");
        std::fs::copy(&path, &kept).expect("copy the shop");
        let setup = dangol_core::SetupInput {
            language: dangol_core::Language::Ko,
            shop_name: "단골 벤치".into(),
            country: Country::KR,
            with_sample: false,
        };
        let kept_shop = Shop::open(&kept).expect("open the kept shop");
        kept_shop.finish_setup(&setup).expect("set up");
        eprintln!("kept the shop in {}", kept.display());
    }
    println!("\nTargets: p95 < {P95_TARGET_MS} ms per lookup and no slower than the best peer: {lookups}; {INSERT_TARGET_ROWS} inserts < {INSERT_TARGET_S} s: {inserts}");
}
