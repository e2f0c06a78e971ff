//! The loyalty figures in BENCHMARKS.md: recomputing tiers for 100,000
//! customers, and recording one visit with every rule applied.
//!
//! ```text
//! cargo bench -p dangol-core --bench loyalty [-- --customers 100000]
//! ```

use std::time::Instant;

use chrono::{Duration, Utc};
use dangol_core::history::entries;
use dangol_core::{sample, Country, SaleInput, Shop};

fn arg() -> usize {
    let mut it = std::env::args().skip(1);
    let mut n = 100_000;
    while let Some(a) = it.next() {
        if a == "--customers" {
            n = it
                .next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .expect("--customers N");
        }
    }
    n
}

fn pct(mut xs: Vec<f64>, p: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[((xs.len() as f64 * p).ceil() as usize).clamp(1, xs.len()) - 1]
}

fn main() {
    let n = arg();
    let dir = tempfile::tempdir().unwrap();
    let shop = Shop::open(dir.path().join("loyalty.sqlite3")).unwrap();
    let mut rng = fastrand::Rng::with_seed(5);
    let now = Utc::now();
    let mut sales = 0;
    shop.db()
        .with_tx(|tx| {
            sample::fill(tx, Country::KR, n, now)?;
            let ids: Vec<i64> = tx
                .prepare("SELECT id FROM customers")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                for _ in 0..rng.usize(0..12) {
                    let when = now - Duration::days(rng.i64(0..700));
                    let sale = SaleInput {
                        amount: format!("{}", rng.u32(2..100) * 1000),
                        ..Default::default()
                    };
                    entries::record_sale(tx, id, &sale, Country::KR, when)?;
                    sales += 1;
                }
            }
            Ok(())
        })
        .unwrap();
    println!("Loyalty bench: {n} customers, {sales} sales over two years (default rules: 4 tiers, last 12 months)");
    println!();
    println!("| Operation | Runs | p50 ms | p95 ms |");
    println!("|---|---:|---:|---:|");
    let mut times = vec![];
    for _ in 0..5 {
        let t = Instant::now();
        let changes = shop.recompute_tiers().unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        if times.len() == 1 {
            assert!(!changes.is_empty(), "the first run promoted nobody");
        }
    }
    let first = times[0];
    println!("| Recompute tiers for {n} customers, first run (everyone placed; promotions written to history) | 1 | {first:.0} | |");
    let rest = times[1..].to_vec();
    println!(
        "| Recompute tiers for {n} customers, nothing changed | {} | {:.0} | {:.0} |",
        rest.len(),
        pct(rest.clone(), 0.5),
        pct(rest, 0.95)
    );
    let mut times = vec![];
    for i in 0..300 {
        let id = 1 + (i * 331) % n as i64;
        let mut v = SaleInput {
            apply_tier_discount: true,
            ..Default::default()
        };
        v.amount = "12000".into();
        let t = Instant::now();
        shop.record_sale(id, &v).unwrap();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "| Record a visit with every rule applied (discount, points, stamps, tier), committed | {} | {:.2} | {:.2} |",
        times.len(), pct(times.clone(), 0.5), pct(times, 0.95)
    );
}
