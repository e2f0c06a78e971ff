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

struct Args {
    customers: usize,
    queries: usize,
}

fn args() -> Args {
    let mut a = Args {
        customers: 100_000,
        queries: 500,
    };
    let mut it = std::env::args().skip(1);
    // `cargo bench` adds `--bench`; anything unknown is ignored.
    while let Some(arg) = it.next() {
        let mut num = |name: &str| {
            it.next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .unwrap_or_else(|| panic!("{name} needs a number"))
        };
        match arg.as_str() {
            "--customers" => a.customers = num("--customers"),
            "--queries" => a.queries = num("--queries"),
            _ => {}
        }
    }
    assert!(
        a.customers >= 100 && a.queries >= 1,
        "need --customers >= 100 and --queries >= 1"
    );
    a
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn ms(d: Duration) -> String {
    if d < Duration::from_micros(1) {
        return "< 0.001".into();
    }
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

/// The shop file and its write-ahead log, in MB.
fn file_mb(path: &std::path::Path) -> (f64, f64) {
    let mb = |p: &std::path::Path| std::fs::metadata(p).map_or(0.0, |m| m.len() as f64 / 1e6);
    (mb(path), mb(&path.with_extension("dangol-wal")))
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

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    format!(
        "{} {}, {cores} cores available, {cpu}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}

// ---- queries drawn from the data

fn is_hangul_name(name: &str) -> bool {
    name.chars().count() == 3 && name.chars().all(|c| hangul::parts(c).is_some())
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The first phone's national digits (01012345678), if any.
fn phone_digits(row: &IndexRow) -> Option<String> {
    row.phones
        .first()
        .map(|p| digits(&p.national))
        .filter(|d| d.len() >= 7)
}

/// What the box holds after each keystroke of typing `name` with a Korean
/// IME: 김민수 → ㄱ 기 김 김ㅁ 김미 김민 김민ㅅ 김민수.
fn ime_prefixes(name: &str) -> Vec<String> {
    let mut out = vec![];
    let mut done = String::new();
    for c in name.chars() {
        match hangul::parts(c) {
            Some((i, m, f)) => {
                out.push(format!("{done}{}", hangul::initial_of(c)));
                out.push(format!("{done}{}", hangul::compose(i, m, 0)));
                if f != 0 {
                    out.push(format!("{done}{c}"));
                }
            }
            None => out.push(format!("{done}{c}")),
        }
        done.push(c);
    }
    out.dedup();
    out
}

struct Kind {
    name: &'static str,
    queries: Vec<String>,
}

/// `n` rows drawn with a fixed seed from those `keep` accepts.
fn draw<'a>(
    rows: &'a [IndexRow],
    n: usize,
    seed: u64,
    keep: impl Fn(&IndexRow) -> bool,
) -> Vec<&'a IndexRow> {
    let pool: Vec<&IndexRow> = rows.iter().filter(|r| keep(r)).collect();
    assert!(
        !pool.is_empty(),
        "no customer fits query kind seeded {seed}"
    );
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n).map(|_| pool[rng.usize(..pool.len())]).collect()
}

fn kinds(rows: &[IndexRow], n: usize) -> Vec<Kind> {
    let mut rng = fastrand::Rng::with_seed(42);
    let korean = |r: &IndexRow| is_hangul_name(&r.name);
    let has_phone = |r: &IndexRow| phone_digits(r).is_some();
    let has_email = |r: &IndexRow| r.email.is_some();
    let chars = |s: &str| s.chars().collect::<Vec<_>>();
    let kind = |name, queries| Kind { name, queries };
    vec![
        kind(
            "Full name (김민수)",
            draw(rows, n, 1, korean)
                .iter()
                .map(|r| r.name.clone())
                .collect(),
        ),
        kind(
            "Given name, 2 syllables (민수)",
            draw(rows, n, 2, korean)
                .iter()
                .map(|r| chars(&r.name)[1..].iter().collect())
                .collect(),
        ),
        kind(
            "Surname, 1 syllable (drawn from data)",
            draw(rows, n, 3, korean)
                .iter()
                .map(|r| chars(&r.name)[0].to_string())
                .collect(),
        ),
        kind("Surname 김 only (worst case)", vec!["김".to_string(); n]),
        kind(
            "Initials (ㄱㅁㅅ)",
            draw(rows, n, 4, korean)
                .iter()
                .map(|r| hangul::initials(&r.name))
                .collect(),
        ),
        kind(
            "Mixed syllable + initials (김ㅁㅅ)",
            draw(rows, n, 5, korean)
                .iter()
                .map(|r| {
                    let c = chars(&r.name);
                    format!(
                        "{}{}",
                        c[0],
                        hangul::initials(&c[1..].iter().collect::<String>())
                    )
                })
                .collect(),
        ),
        kind(
            "Phone, last 4 digits (5678)",
            draw(rows, n, 6, has_phone)
                .iter()
                .map(|r| {
                    let d = phone_digits(r).expect("has phone");
                    d[d.len() - 4..].to_string()
                })
                .collect(),
        ),
        kind(
            "Phone, 7-digit run (1234567)",
            draw(rows, n, 7, has_phone)
                .iter()
                .map(|r| {
                    let d = phone_digits(r).expect("has phone");
                    let at = rng.usize(..=d.len() - 7);
                    d[at..at + 7].to_string()
                })
                .collect(),
        ),
        kind(
            "Email substring (minsu.k)",
            draw(rows, n, 8, has_email)
                .iter()
                .map(|r| {
                    let local = r
                        .email
                        .as_deref()
                        .and_then(|e| e.split('@').next())
                        .unwrap_or("");
                    let len = rng.usize(local.len().min(5)..=local.len());
                    local[..len].to_lowercase()
                })
                .collect(),
        ),
        kind(
            "Card number (#123)",
            draw(rows, n, 9, |_| true)
                .iter()
                .map(|r| format!("#{}", r.card_no))
                .collect(),
        ),
        kind(
            "As you type a name (ㄱ 기 김 김ㅁ … 김민수)",
            draw(rows, n.div_ceil(8), 10, korean)
                .iter()
                .flat_map(|r| ime_prefixes(&r.name))
                .collect(),
        ),
        kind(
            "As you type a phone (0 01 010 … 01012345678)",
            draw(rows, n.div_ceil(11), 11, has_phone)
                .iter()
                .flat_map(|r| {
                    let d = phone_digits(r).expect("has phone");
                    (1..=d.len()).map(move |i| d[..i].to_string())
                })
                .collect(),
        ),
    ]
}

struct Measured {
    name: &'static str,
    example: String,
    count: usize,
    mean_total: f64,
    sorted: Vec<Duration>,
}

fn measure(shop: &Shop, kind: &Kind) -> Measured {
    // One untimed pass: warms caches and checks every query finds someone.
    for q in &kind.queries {
        let r = shop.search(q, UI_LIMIT);
        assert!(
            !r.hits.is_empty(),
            "BUG: {} query {q:?} was taken from an existing customer but found nobody",
            kind.name
        );
    }
    let mut sorted = Vec::with_capacity(kind.queries.len());
    let mut totals = 0u64;
    for q in &kind.queries {
        let t = Instant::now();
        let r = shop.search(q, UI_LIMIT);
        sorted.push(t.elapsed());
        totals += u64::from(r.total);
        std::hint::black_box(r);
    }
    sorted.sort();
    Measured {
        name: kind.name,
        example: kind.queries[kind.queries.len() / 2].clone(),
        count: kind.queries.len(),
        mean_total: totals as f64 / kind.queries.len() as f64,
        sorted,
    }
}

fn main() {
    let a = args();
    let n = a.customers;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shop.dangol");
    let now = Utc::now();
    eprintln!("lookup bench: {n} customers in {}", path.display());

    // 1. Bulk insert, the way the sample shop is filled: generate, validate
    //    (phone parsing), insert, all in one transaction.
    let shop = Shop::open(&path).expect("open new shop");
    let ((), fill) = timed(|| {
        shop.db()
            .with_tx(|tx| sample::fill(tx, Country::KR, n, now))
            .expect("fill");
    });
    assert_eq!(
        shop.customer_count().expect("count") as usize,
        n,
        "every customer inserted"
    );
    let ((), close) = timed(|| drop(shop));
    let (db_mb, wal_mb) = file_mb(&path);

    // The same work in parts, to see where the time goes.
    let (inputs, gen) = timed(|| sample::generate(Country::KR, n, 7));
    let (valid, check) = timed(|| {
        let today = now.date_naive();
        inputs
            .iter()
            .map(|i| validate::validate(i, Country::KR, today, |_| true).expect("valid sample"))
            .collect::<Vec<_>>()
    });
    let side = Db::open(dir.path().join("side.dangol")).expect("open side db");
    let ((), sql) = timed(|| {
        side.with_tx(|tx| {
            for v in &valid {
                store::insert(tx, v, now)?;
            }
            Ok(())
        })
        .expect("insert")
    });
    drop(side);

    // 2. Opening the shop: file, migrations check, reading rows, index.
    let opens: Vec<Duration> = (0..OPENS)
        .map(|_| timed(|| Shop::open(&path).expect("reopen")).1)
        .collect();
    let db_opens: Vec<Duration> = (0..OPENS)
        .map(|_| timed(|| Db::open(&path).expect("db open")).1)
        .collect();
    let db = Db::open(&path).expect("db open");
    let (rows, read_rows) =
        timed(|| store::index_rows(&db.reader().expect("reader")).expect("rows"));
    let builds: Vec<Duration> = (0..OPENS)
        .map(|_| timed(|| SearchIndex::build(rows.clone())).1)
        .collect();
    drop(db);

    // 3. Lookups, through `Shop::search` as the Tauri command calls it.
    let shop = Shop::open(&path).expect("reopen");
    let results: Vec<Measured> = kinds(&rows, a.queries)
        .iter()
        .map(|k| measure(&shop, k))
        .collect();

    // ---- report
    let rate = |d: Duration| n as f64 / secs(d);
    println!("Machine: {}", machine());
    println!(
        "Customers: {n} (sample::generate, Korean shop); after closing: file {db_mb:.1} MB + WAL {wal_mb:.1} MB; search limit {UI_LIMIT}\n"
    );
    println!("| Bulk insert, one transaction | Time | Rows/s |");
    println!("|---|---:|---:|");
    println!(
        "| **`sample::fill`: generate + validate + insert** | **{:.2} s** | **{:.0}** |",
        secs(fill),
        rate(fill)
    );
    println!(
        "| of which: generate inputs | {:.2} s | {:.0} |",
        secs(gen),
        rate(gen)
    );
    println!(
        "| of which: validate (phone parsing) | {:.2} s | {:.0} |",
        secs(check),
        rate(check)
    );
    println!(
        "| of which: SQL insert (`store::insert`) + commit | {:.2} s | {:.0} |",
        secs(sql),
        rate(sql)
    );
    println!(
        "| closing the shop (WAL checkpoint) | {:.2} s | |",
        secs(close)
    );
    println!();
    println!("| App data open (median of {OPENS}) | Time |");
    println!("|---|---:|");
    println!(
        "| **`Shop::open`: file + migrations check + rows + index** | **{} ms** |",
        ms(median(opens.clone()))
    );
    println!(
        "| of which: `Db::open` (WAL, pragmas, migrations, 2 readers) | {} ms |",
        ms(median(db_opens))
    );
    println!(
        "| of which: reading {} index rows (`store::index_rows`) | {} ms |",
        rows.len(),
        ms(read_rows)
    );
    println!(
        "| of which: `SearchIndex::build` | {} ms |",
        ms(median(builds))
    );
    println!();
    println!("| Lookup (limit {UI_LIMIT}) | Example | Queries | Mean matches | p50 ms | p95 ms | p99 ms | max ms |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|");
    for m in &results {
        let s = &m.sorted;
        println!(
            "| {} | `{}` | {} | {:.0} | {} | {} | {} | {} |",
            m.name,
            m.example,
            m.count,
            m.mean_total,
            ms(pct(s, 50.0)),
            ms(pct(s, 95.0)),
            ms(pct(s, 99.0)),
            ms(*s.last().expect("samples")),
        );
    }
    println!();
    let slow: Vec<&str> = results
        .iter()
        .filter(|m| pct(&m.sorted, 95.0).as_secs_f64() * 1e3 > P95_TARGET_MS)
        .map(|m| m.name)
        .collect();
    let insert_ok = n != INSERT_TARGET_ROWS || secs(fill) < INSERT_TARGET_S;
    println!(
        "Targets: p95 < {P95_TARGET_MS} ms per lookup: {}; {INSERT_TARGET_ROWS} inserts < {INSERT_TARGET_S} s: {}",
        if slow.is_empty() { "met".to_string() } else { format!("MISSED by {}", slow.join(", ")) },
        match (n == INSERT_TARGET_ROWS, insert_ok) {
            (false, _) => "n/a (run with 100000)",
            (true, true) => "met",
            (true, false) => "MISSED",
        }
    );
}
