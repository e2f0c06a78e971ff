//! The numbers behind BENCHMARKS.md: bulk insert, opening a shop, and the
//! search box's lookups, at 100,000 customers on a real SQLite file.
//!
//! ```text
//! cargo bench -p dangol-core --bench lookup [-- --customers 100000 --queries 500]
//! ```
//!
//! Every query is drawn (deterministically) from the customers themselves,
//! so each must find someone; one that finds nobody is a bug and panics.
//! Nothing timed is asserted: the output is markdown to paste.

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::Utc;
use dangol_core::customers::store::{self, IndexRow};
use dangol_core::customers::validate;
use dangol_core::db::Db;
use dangol_core::sample;
use dangol_core::search::{hangul, SearchIndex};
use dangol_core::{Country, Shop};

/// What the search box asks for (`LIMIT` in ui/src/components/search/SearchBox.svelte).
const UI_LIMIT: usize = 8;
const OPENS: usize = 5;
const P95_TARGET_MS: f64 = 5.0;
const INSERT_TARGET_S: f64 = 2.0;
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

/// The shop file and its write-ahead log, in MB.
fn file_mb(path: &Path) -> (f64, f64) {
    let mb = |p: &Path| std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1e6);
    (mb(path), mb(&path.with_extension("dangol-wal")))
}

// ---- queries drawn from the data

fn is_hangul_name(r: &IndexRow) -> bool {
    r.name.chars().count() == 3 && r.name.chars().all(|c| hangul::parts(c).is_some())
}

/// The first phone's national digits (01012345678), if any.
fn phone_digits(r: &IndexRow) -> Option<String> {
    let national = &r.phones.first()?.national;
    let digits: String = national.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 7).then_some(digits)
}

/// What the box holds after each keystroke of typing `name` with a Korean
/// IME: 김민수 → ㄱ 기 김 김ㅁ 김미 김민 김민ㅅ 김민수.
fn ime_prefixes(name: &str) -> Vec<String> {
    let (mut out, mut done) = (vec![], String::new());
    for c in name.chars() {
        if let Some((i, m, f)) = hangul::parts(c) {
            out.push(format!("{done}{}", hangul::initial_of(c)));
            out.push(format!("{done}{}", hangul::compose(i, m, 0)));
            if f != 0 {
                out.push(format!("{done}{c}"));
            }
        } else {
            out.push(format!("{done}{c}"));
        }
        done.push(c);
    }
    out
}

/// `n` customers drawn with a fixed seed from those `keep` accepts, each
/// made into queries by `make`.
fn queries(
    rows: &[IndexRow],
    n: usize,
    seed: u64,
    keep: fn(&IndexRow) -> bool,
    mut make: impl FnMut(&IndexRow, &mut fastrand::Rng) -> Vec<String>,
) -> Vec<String> {
    let pool: Vec<&IndexRow> = rows.iter().filter(|r| keep(r)).collect();
    assert!(
        !pool.is_empty(),
        "no customer to draw queries from (seed {seed})"
    );
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n)
        .flat_map(|_| {
            let r = pool[rng.usize(..pool.len())];
            make(r, &mut rng)
        })
        .collect()
}

fn kinds(rows: &[IndexRow], n: usize) -> Vec<(&'static str, Vec<String>)> {
    let chars = |r: &IndexRow| r.name.chars().collect::<Vec<_>>();
    let (k, any) = (is_hangul_name, |_: &IndexRow| true);
    let phone = |r: &IndexRow| phone_digits(r).is_some();
    let email = |r: &IndexRow| r.email.is_some();
    let digits = |r: &IndexRow| phone_digits(r).expect("has a phone");
    let mut out = vec![];
    let mut kind = |name, qs| out.push((name, qs));
    kind(
        "Full name (김민수)",
        queries(rows, n, 1, k, |r, _| vec![r.name.clone()]),
    );
    let given = |r: &IndexRow, _: &mut _| vec![chars(r)[1..].iter().collect()];
    kind(
        "Given name, 2 syllables (민수)",
        queries(rows, n, 2, k, given),
    );
    let surname = |r: &IndexRow, _: &mut _| vec![chars(r)[0].into()];
    kind(
        "Surname, 1 syllable (drawn from data)",
        queries(rows, n, 3, k, surname),
    );
    kind(
        "Surname 김 alone (most common, 21% of names)",
        vec!["김".to_string(); n],
    );
    let initials = |r: &IndexRow, _: &mut _| vec![hangul::initials(&r.name)];
    kind("Initials (ㄱㅁㅅ)", queries(rows, n, 4, k, initials));
    let mixed = |r: &IndexRow, _: &mut _| {
        let rest: String = chars(r)[1..].iter().collect();
        vec![format!("{}{}", chars(r)[0], hangul::initials(&rest))]
    };
    kind(
        "Syllable + initials (김ㅁㅅ)",
        queries(rows, n, 5, k, mixed),
    );
    let last4 = |r: &IndexRow, _: &mut _| vec![digits(r)[digits(r).len() - 4..].to_string()];
    kind(
        "Phone, last 4 digits (5678)",
        queries(rows, n, 6, phone, last4),
    );
    let run7 = |r: &IndexRow, rng: &mut fastrand::Rng| {
        let (d, at) = (digits(r), rng.usize(..=digits(r).len() - 7));
        vec![d[at..at + 7].to_string()]
    };
    kind(
        "Phone, 7-digit run (1234567)",
        queries(rows, n, 7, phone, run7),
    );
    let mail = |r: &IndexRow, rng: &mut fastrand::Rng| {
        let local = r
            .email
            .as_deref()
            .and_then(|e| e.split('@').next())
            .unwrap_or("");
        vec![local[..rng.usize(local.len().min(5)..=local.len())].to_lowercase()]
    };
    kind(
        "Email, start of it (minsu.k)",
        queries(rows, n, 8, email, mail),
    );
    let card = |r: &IndexRow, _: &mut _| vec![format!("#{}", r.card_no)];
    kind("Card number (#123)", queries(rows, n, 9, any, card));
    let typing = |r: &IndexRow, _: &mut _| ime_prefixes(&r.name);
    let name = "As you type a name (ㄱ 기 김 김ㅁ … 김민수)";
    kind(name, queries(rows, n.div_ceil(8), 10, k, typing));
    let dialing = |r: &IndexRow, _: &mut _| {
        let d = digits(r);
        (1..=d.len()).map(|i| d[..i].to_string()).collect()
    };
    let name = "As you type a phone (0 01 010 … 01012345678)";
    kind(name, queries(rows, n.div_ceil(11), 11, phone, dialing));
    out
}

struct Measured {
    name: &'static str,
    example: String,
    count: usize,
    mean_total: f64,
    sorted: Vec<Duration>,
}

fn measure(shop: &Shop, name: &'static str, queries: &[String]) -> Measured {
    // One untimed pass: warms caches and checks every query finds someone.
    for q in queries {
        let found = shop.search(q, UI_LIMIT);
        assert!(
            !found.hits.is_empty(),
            "BUG: {name} query {q:?} comes from a customer but found nobody"
        );
    }
    let (mut sorted, mut totals) = (Vec::with_capacity(queries.len()), 0u64);
    for q in queries {
        let t = Instant::now();
        let found = shop.search(q, UI_LIMIT);
        sorted.push(t.elapsed());
        totals += u64::from(found.total);
        std::hint::black_box(found);
    }
    sorted.sort();
    let example = queries[queries.len() / 2].clone();
    let (count, mean_total) = (queries.len(), totals as f64 / queries.len() as f64);
    Measured {
        name,
        example,
        count,
        mean_total,
        sorted,
    }
}

fn main() {
    let (n, per_kind) = (arg("--customers", 100_000), arg("--queries", 500));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shop.dangol");
    let now = Utc::now();
    eprintln!("lookup bench: {n} customers in {}", path.display());

    // 1. Bulk insert as the sample shop is filled: generate, validate (phone
    //    parsing), insert, all in one transaction.
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
        let insert = |tx: &_, v| store::insert(tx, v, now).map(drop);
        let inserted = side.with_tx(|tx| valid.iter().try_for_each(|v| insert(tx, v)));
        inserted.expect("insert");
    });
    drop(side);

    // 2. Opening the shop: file, integrity and migrations check, reading
    //    rows, index.
    let times = |f: &dyn Fn()| (0..OPENS).map(|_| timed(f).1).collect::<Vec<_>>();
    let opens = times(&|| drop(Shop::open(&path).expect("reopen")));
    let db_opens = times(&|| drop(Db::open(&path).expect("db open")));
    let db = Db::open(&path).expect("db open");
    let (rows, read_rows) =
        timed(|| store::index_rows(&db.reader().expect("reader")).expect("rows"));
    let builds = times(&|| drop(SearchIndex::build(rows.clone())));
    // On a new connection each time, with a cold page cache as at open.
    let checks = times(&|| {
        let conn = rusqlite::Connection::open(&path).expect("open");
        let ok: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .expect("check");
        assert_eq!(ok, "ok", "the benchmark's shop file is damaged");
    });
    // Closing leaves the write-ahead log of the bulk insert behind, and each
    // open reads it all again; once it is checkpointed and truncated:
    db.checkpoint().expect("checkpoint");
    drop(db);
    let truncated_opens = times(&|| drop(Shop::open(&path).expect("reopen")));

    // 3. Lookups, through `Shop::search` as the Tauri command calls it.
    let shop = Shop::open(&path).expect("reopen");
    let results: Vec<Measured> = kinds(&rows, per_kind)
        .iter()
        .map(|(name, qs)| measure(&shop, name, qs))
        .collect();

    // ---- report
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!("Machine: {}", machine());
    println!("Customers: {n} (sample::generate, Korean shop); after closing: file {db_mb:.1} MB + WAL {wal_mb:.1} MB; search limit {UI_LIMIT}\n");
    println!("| Bulk insert, one transaction | Time s | Rows/s |\n|---|---:|---:|");
    for (what, d) in [
        ("**`sample::fill`: generate + validate + insert**", fill),
        ("of which: generate inputs", gen),
        ("of which: validate (phone parsing)", check),
        ("of which: SQL insert (`store::insert`) + commit", sql),
    ] {
        println!("| {what} | {:.2} | {:.0} |", d.as_secs_f64(), rate(d));
    }
    println!("| closing the shop | {:.2} | |", close.as_secs_f64());
    println!("\n| App data open (median of {OPENS}) | Time ms |\n|---|---:|");
    for (what, d) in [
        (
            "**`Shop::open`: file + checks + rows + index**",
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
        (
            "`Shop::open` once the WAL is checkpointed and truncated",
            median(truncated_opens),
        ),
    ] {
        println!("| {what} | {} |", ms(d));
    }
    println!("\n| Lookup (limit {UI_LIMIT}) | Example | Queries | Mean matches | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for m in &results {
        let ps = [50.0, 95.0, 99.0, 100.0]
            .map(|p| ms(pct(&m.sorted, p)))
            .join(" | ");
        let (name, example, count, mean) = (m.name, &m.example, m.count, m.mean_total);
        println!("| {name} | `{example}` | {count} | {mean:.0} | {ps} |");
    }
    let p95_ms = |m: &&Measured| pct(&m.sorted, 95.0).as_secs_f64() * 1e3;
    let slow: Vec<&str> = results
        .iter()
        .filter(|m| p95_ms(m) > P95_TARGET_MS)
        .map(|m| m.name)
        .collect();
    let lookups = match slow.is_empty() {
        true => "met".to_string(),
        false => format!("MISSED by {}", slow.join(", ")),
    };
    let inserts = match (
        n == INSERT_TARGET_ROWS,
        fill.as_secs_f64() < INSERT_TARGET_S,
    ) {
        (false, _) => "n/a (run with --customers 100000)",
        (true, true) => "met",
        (true, false) => "MISSED",
    };
    println!("\nTargets: p95 < {P95_TARGET_MS} ms per lookup: {lookups}; {INSERT_TARGET_ROWS} inserts < {INSERT_TARGET_S} s: {inserts}");
}
