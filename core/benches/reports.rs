//! The reports figures in BENCHMARKS.md: every report over 100,000
//! customers and 2,000,000 visits (two years of sales), with points for
//! every visit, coupons, tier moves and complaints.
//!
//! ```text
//! cargo bench -p dangol-core --bench reports [-- --customers 100000 --visits 2000000]
//! ```

use std::time::Instant;

use chrono::{Days, Duration, Local, Utc};
use dangol_core::reports::{self, Clock, Context, ReportKind, ReportPeriod, ReportQuery};
use dangol_core::{sample, Country, Language, Shop};
use rusqlite::params;

fn args() -> (usize, usize) {
    let mut it = std::env::args().skip(1);
    let (mut customers, mut visits) = (100_000, 2_000_000);
    let num = |v: Option<String>| v.and_then(|v| v.replace('_', "").parse().ok());
    while let Some(a) = it.next() {
        match a.as_str() {
            "--customers" => customers = num(it.next()).expect("--customers N"),
            "--visits" => visits = num(it.next()).expect("--visits N"),
            _ => {}
        }
    }
    (customers, visits)
}

fn pct(mut xs: Vec<f64>, p: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[((xs.len() as f64 * p).ceil() as usize).clamp(1, xs.len()) - 1]
}

/// Two years of sales written straight to the tables (the keyword index is
/// not what reports read), each with its points; coupons, tier moves and
/// complaints sprinkled in.
fn fill(shop: &Shop, customers: usize, visits: usize) -> usize {
    let mut rng = fastrand::Rng::with_seed(8);
    let now = Utc::now();
    let today = now.date_naive();
    let mut written = 0;
    shop.db()
        .with_tx(|tx| {
            sample::fill(tx, Country::KR, customers, now)?;
            let ids: Vec<i64> = tx
                .prepare("SELECT id FROM customers ORDER BY id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let mut sale = tx.prepare(
                "INSERT INTO history (customer_id, kind, happened_at, amount, created_at)
                 VALUES (?1, 'sale', ?2, ?3, ?2)",
            )?;
            let mut points = tx.prepare(
                "INSERT INTO points_ledger (customer_id, delta, reason, history_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut coupon = tx.prepare(
                "INSERT INTO coupons (customer_id, kind, value, origin, issued_on, expires_on,
                     used_at, created_at) VALUES (?1, 'amount', 1000, ?2, ?3, ?4, ?5, ?6)",
            )?;
            let mut event = tx.prepare(
                "INSERT INTO history (customer_id, kind, happened_at, summary, detail, created_at)
                 VALUES (?1, 'loyalty', ?2, ?3, ?4, ?2)",
            )?;
            let mut complaint = tx.prepare(
                "INSERT INTO complaints (customer_id, category, description, status, opened_on,
                     resolved_on, created_at, updated_at)
                 VALUES (?1, ?2, '늦은 배송', ?3, ?4, ?5, ?6, ?6)",
            )?;
            let origins = ["birthday", "stamp", "tier", "manual", "complaint"];
            let categories = [
                "apathy",
                "coldness",
                "runaround",
                "product",
                "price",
                "delivery",
            ];
            for (i, &id) in ids.iter().enumerate() {
                let left = visits - written;
                let share = left / (ids.len() - i).max(1);
                // Skewed: many come a few times, some come very often.
                let n = if i + 1 == ids.len() {
                    left
                } else {
                    ((rng.f64().powi(2) * 3.0 * share as f64) as usize + 1).min(left)
                };
                for _ in 0..n {
                    let when = now - Duration::minutes(rng.i64(0..730 * 1440));
                    let amount = i64::from(rng.u32(3..120)) * 500;
                    sale.execute(params![id, when, amount])?;
                    let hid = tx.last_insert_rowid();
                    points.execute(params![id, amount * 3 / 100, "earn", hid, when])?;
                    if rng.u8(..10) == 0 {
                        points.execute(params![id, -500, "redeem", hid, when])?;
                    }
                }
                written += n;
                if rng.u8(..4) == 0 {
                    let issued = today - Days::new(rng.u64(0..700));
                    let used = rng.bool().then(|| now - Duration::days(rng.i64(0..700)));
                    let origin = origins[rng.usize(..origins.len())];
                    coupon.execute(params![
                        id,
                        origin,
                        issued,
                        issued + Days::new(90),
                        used,
                        now
                    ])?;
                }
                if rng.u8(..10) == 0 {
                    let when = now - Duration::days(rng.i64(0..700));
                    let (summary, detail) = if rng.bool() {
                        ("단골 → VIP", "tier_up")
                    } else {
                        ("VIP → 단골", "tier_down")
                    };
                    event.execute(params![id, when, summary, detail])?;
                }
                if rng.u8(..50) == 0 {
                    let opened = today - Days::new(rng.u64(0..700));
                    let category = categories[rng.usize(..categories.len())];
                    let resolved = rng.bool().then(|| opened + Days::new(rng.u64(0..10)));
                    let status = if resolved.is_some() {
                        "resolved"
                    } else {
                        "open"
                    };
                    complaint.execute(params![id, category, status, opened, resolved, now])?;
                }
            }
            Ok(())
        })
        .unwrap();
    // What a shop that has been running a while looks like to the planner.
    shop.db()
        .with_tx(|tx| Ok(tx.execute_batch("ANALYZE")?))
        .unwrap();
    written
}

fn main() {
    let (n, v) = args();
    let dir = tempfile::tempdir().unwrap();
    // DANGOL_BENCH_DB=path keeps the generated shop there and reuses it.
    let keep = std::env::var_os("DANGOL_BENCH_DB").map(std::path::PathBuf::from);
    let path = keep
        .clone()
        .unwrap_or_else(|| dir.path().join("reports.sqlite3"));
    let reuse = keep.is_some() && path.exists();
    let t = Instant::now();
    let shop = Shop::open(&path).unwrap();
    if reuse {
        // A file from an older build is brought up to date here (migration
        // 0022 sums every sale and ledger entry per quarter hour).
        println!("Opened the kept shop in {:.1} s", t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let visits = if reuse { v } else { fill(&shop, n, v) };
    let secs = t.elapsed().as_secs_f64();
    let mb = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    println!(
        "Reports bench: {n} customers, {visits} sales over two years, points for each; written in {secs:.1} s; file {mb:.0} MB"
    );
    println!();
    println!("| Report (last 12 months, came back within 60 days) | Runs | p50 ms | max ms |");
    println!("|---|---:|---:|---:|");
    let today = Local::now().date_naive();
    let clock = Clock::around(&Local, today);
    let span = ReportPeriod::LastMonths { months: 12 }
        .resolve(today)
        .unwrap();
    let runs = 5;
    let time = |label: &str, f: &mut dyn FnMut()| {
        f(); // warm the page cache once, as a shop that is open has it
        let mut times = vec![];
        for _ in 0..runs {
            let t = Instant::now();
            f();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        let max = times.iter().cloned().fold(0.0, f64::max);
        println!("| {label} | {runs} | {:.0} | {max:.0} |", pct(times, 0.5));
    };
    let q = ReportQuery {
        period: ReportPeriod::LastMonths { months: 12 },
        return_days: 60,
    };
    // Every customer stale, as right after the sales were written (or
    // after migration 0023), until the upkeep packs them: the reports
    // read their sums per quarter hour themselves.
    shop.db()
        .with_tx(|tx| {
            tx.execute_batch(
                "DELETE FROM sale_packs;
                 INSERT OR IGNORE INTO sale_packs_stale SELECT DISTINCT customer_id FROM sale_quarters;",
            )?;
            Ok(())
        })
        .unwrap();
    time(
        "The whole reports screen before the upkeep packed the sales (every customer stale)",
        &mut || {
            shop.reports(&q).unwrap();
        },
    );
    let stale = reports::packs::stale(&shop.db().reader().unwrap()).unwrap();
    let t = Instant::now();
    shop.pack_sales().unwrap();
    println!(
        "| Packing the sales of {stale} customers (the upkeep, once after they were written) | 1 | {:.0} | |",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let conn = shop.db().reader().unwrap();
    let cx = Context {
        conn: &conn,
        db: Some(shop.db()),
        clock: &clock,
        span,
        return_days: 60,
        language: Language::Ko,
    };
    time(
        "The shop's local midnights over 20 years (`Clock::around`, once a screen)",
        &mut || {
            Clock::around(&Local, today);
        },
    );
    time(
        "Reading every customer's sales into visits (packed; shared by the first four)",
        &mut || {
            cx.visits().unwrap();
        },
    );
    let until = chrono::Datelike::num_days_from_ce(&today);
    time(
        "… the same read by one thread (`Visits::load`)",
        &mut || {
            reports::visits::Visits::load(&conn, &clock, until).unwrap();
        },
    );
    let kinds = [
        (
            ReportKind::Repurchase,
            "Repurchase rate, how soon, by month",
        ),
        (
            ReportKind::Activity,
            "New and returning customers, visits, revenue by month",
        ),
        (
            ReportKind::Lapsed,
            "Who stopped coming (own rhythm), top 200 listed",
        ),
        (ReportKind::Top, "Top customers and their share of revenue"),
        (ReportKind::Tiers, "Tiers today and moves by month"),
        (
            ReportKind::Rewards,
            "Points and coupons issued and redeemed by month",
        ),
        (
            ReportKind::Complaints,
            "Complaints by category, time to resolve, came back",
        ),
    ];
    for (kind, label) in kinds {
        time(
            &format!("{label} (alone, with its own reading)"),
            &mut || {
                reports::tables_of(&cx, kind).unwrap();
            },
        );
    }
    drop(conn);
    time(
        "The whole reports screen (`Shop::reports`: all of the above)",
        &mut || {
            shop.reports(&q).unwrap();
        },
    );
    // A day's trade since the upkeep last packed: one customer in a
    // hundred stale (her pack dropped, as a sale to her drops it).
    shop.db()
        .with_tx(|tx| {
            tx.execute_batch(
                "INSERT OR IGNORE INTO sale_packs_stale
                     SELECT customer_id FROM sale_packs WHERE customer_id % 100 = 7;
                 DELETE FROM sale_packs WHERE customer_id % 100 = 7;",
            )?;
            Ok(())
        })
        .unwrap();
    let stale = reports::packs::stale(&shop.db().reader().unwrap()).unwrap();
    time(
        &format!("The whole reports screen with {stale} customers stale (a day's sales since the upkeep)"),
        &mut || {
            shop.reports(&q).unwrap();
        },
    );
    shop.pack_sales().unwrap();
    let out = dir.path().join("repurchase.xlsx");
    time("Export the repurchase report to .xlsx", &mut || {
        shop.export_report(ReportKind::Repurchase, &q, &out)
            .unwrap();
    });
    // A person's rights (issue 17) on the same shop: the 오늘 card of
    // customers past the retention period (one year, so that some are)
    // and everything about one customer, as the 열람 page asks for it.
    use dangol_core::people::rights::retention::{self, RetentionPeriod};
    let conn = shop.db().reader().unwrap();
    let year = RetentionPeriod::OneYear;
    let listed = retention::due(&conn, year, today).unwrap().len();
    time(
        &format!("Customers past a 1-year retention period ({listed} listed)"),
        &mut || {
            retention::due(&conn, year, today).unwrap();
        },
    );
    let id: i64 = conn
        .query_row(
            "SELECT customer_id FROM history GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    time(
        "One customer's personal data (the one with the most sales)",
        &mut || {
            shop.personal_data(id).unwrap();
        },
    );
}
