//! The sums per quarter hour that the reports read (`sale_quarters`,
//! `points_quarters`, migration 0022) are kept by triggers: after any mix
//! of sales and ledger entries written, edited, moved and deleted — one by
//! one, by the app's own calls, and with the customer who made them — they
//! equal the sums recomputed from the entries, and the visits the reports
//! build from them equal the visits built from the sales themselves.
//! The packs made from them (`sale_packs`, migration 0023) are checked
//! the same way: before the upkeep packs (the customers written to read
//! from their quarters), and after (every pack equal to her quarters).
//! Every way the app writes them is gone through: the one sale path
//! (points earned and spent, 외상 and its payment), lapsed points, the
//! sample shop of the first run, a merge and an erasure. (An import writes
//! customers only, no sales or points.)

mod common;

use chrono::{Datelike, Duration, FixedOffset, TimeZone, Utc};
use common::{customer, sale, TestShop};
use dangol_core::reports::packs;
use dangol_core::reports::visits::Visits;
use dangol_core::reports::Clock;
use dangol_core::{Country, Language, SetupInput};
use rusqlite::{params, Connection};

type Rows = Vec<(i64, i64, i64, i64)>;

fn kept(conn: &Connection, sql: &str) -> Rows {
    conn.prepare(sql)
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// Both tables against the sums made from scratch, and the visits.
fn check(t: &TestShop, clock: &Clock, what: &str) {
    let conn = Connection::open(t.path()).unwrap();
    let sales = kept(
        &conn,
        "SELECT customer_id, quarter, amount, sales FROM sale_quarters ORDER BY 1, 2",
    );
    let want = kept(
        &conn,
        "SELECT customer_id, unixepoch(happened_at) / 900, SUM(amount), COUNT(*) FROM history
         WHERE kind = 'sale' GROUP BY 1, 2 ORDER BY 1, 2",
    );
    assert_eq!(sales, want, "sales per quarter after {what}");
    let points = kept(
        &conn,
        "SELECT quarter, reason = 'earn', delta, entries FROM points_quarters
         ORDER BY quarter, reason",
    );
    let want = kept(
        &conn,
        "SELECT unixepoch(created_at) / 900, reason = 'earn', SUM(delta), COUNT(*)
         FROM points_ledger GROUP BY unixepoch(created_at) / 900, reason
         ORDER BY unixepoch(created_at) / 900, reason",
    );
    assert_eq!(points, want, "points per quarter after {what}");
    let until = Utc::now().date_naive().num_days_from_ce() + 400;
    let truth = Visits::load_from_sales(&conn, clock, until).unwrap();
    // As the writes left them: the customers written to are stale, read
    // from their quarters; the others from their packs.
    assert_eq!(
        Visits::load(&conn, clock, until).unwrap(),
        truth,
        "visits after {what}, before packing"
    );
    t.shop.pack_sales().unwrap();
    assert_eq!(packs::stale(&conn).unwrap(), 0, "stale after packing");
    let mut packed: Vec<(i64, i64, i64)> = vec![];
    let mut stmt = conn
        .prepare("SELECT customer_id, quarters FROM sale_packs ORDER BY customer_id")
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let id: i64 = r.get(0).unwrap();
        let pack: Vec<u8> = r.get(1).unwrap();
        packed.extend(packs::decode(&pack).map(|(q, a)| (id, q, a)));
    }
    let quarters: Vec<(i64, i64, i64)> = sales.iter().map(|s| (s.0, s.1, s.2)).collect();
    assert_eq!(packed, quarters, "packs after {what}");
    assert_eq!(
        Visits::load(&conn, clock, until).unwrap(),
        truth,
        "visits after {what}, packed"
    );
}

/// Her pack, if she has one (none once she is stale or erased).
fn pack_of(t: &TestShop, id: i64) -> i64 {
    Connection::open(t.path())
        .unwrap()
        .query_row(
            "SELECT COUNT(*) FROM sale_packs WHERE customer_id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn quarters_equal_the_entries_after_every_kind_of_write() {
    let t = TestShop::new();
    let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
    let today = Utc::now().with_timezone(&seoul).date_naive();
    let clock = Clock::around(&seoul, today);
    assert!(clock.quarter_aligned());
    let ids: Vec<i64> = ["가나", "다라", "마바", "사아", "자차"]
        .iter()
        .map(|n| customer(&t, n))
        .collect();

    // Through the app: sales (on credit too), which also earn nothing
    // unless rules say so, and a payment (not a sale: no visit).
    t.shop
        .record_sale(ids[0], &sale("12000", false, "", "케이크"))
        .unwrap();
    t.shop
        .record_sale(ids[0], &sale("3000", true, "1000", "커피"))
        .unwrap();
    t.shop.record_payment(ids[0], &common::pay("2000")).unwrap();
    check(&t, &clock, "sales recorded by the app");

    // Her pack goes the moment any of her quarters changes: a sale in a
    // new quarter hour, another in the same one, and one deleted.
    let write = |sql: &str| {
        t.shop
            .db()
            .with_tx(|tx| {
                tx.execute(sql, [ids[0]])?;
                Ok(())
            })
            .unwrap()
    };
    let at = "'2026-02-01 03:00:00+00:00'";
    let one_sale = format!(
        "INSERT INTO history (customer_id, kind, happened_at, amount, created_at)
         VALUES (?1, 'sale', {at}, 5000, {at})"
    );
    for (sql, what) in [
        (one_sale.clone(), "a sale in a new quarter hour"),
        (one_sale, "a sale in a quarter hour she has"),
        (
            format!("DELETE FROM history WHERE customer_id = ?1 AND happened_at = {at}"),
            "her sales of a quarter hour deleted",
        ),
    ] {
        assert_eq!(pack_of(&t, ids[0]), 1, "packed before {what}");
        write(&sql);
        assert_eq!(pack_of(&t, ids[0]), 0, "no pack after {what}");
        check(&t, &clock, what);
    }

    // Many sales and ledger entries, some in the same quarter hour, some
    // either side of a Seoul midnight (15:00 UTC).
    let mut rng = fastrand::Rng::with_seed(18);
    let base = Utc.with_ymd_and_hms(2026, 3, 1, 14, 50, 0).unwrap();
    t.shop
        .db()
        .with_tx(|tx| {
            for _ in 0..400 {
                let who = ids[rng.usize(..ids.len())];
                let when = base + Duration::minutes(rng.i64(0..60 * 24 * 40) / 7 * 7);
                let amount = rng.i64(0..50) * 1000;
                tx.execute(
                    "INSERT INTO history (customer_id, kind, happened_at, amount, created_at)
                     VALUES (?1, 'sale', ?2, ?3, ?2)",
                    params![who, when, amount],
                )?;
                let reason = ["earn", "redeem", "expire", "adjust"][rng.usize(..4)];
                tx.execute(
                    "INSERT INTO points_ledger (customer_id, delta, reason, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![who, rng.i64(-500..500), reason, when],
                )?;
            }
            Ok(())
        })
        .unwrap();
    check(&t, &clock, "400 sales and ledger entries");

    // Edits of every column the sums depend on, and deletions.
    t.shop
        .db()
        .with_tx(|tx| {
            tx.execute_batch(
                "UPDATE history SET amount = amount + 500 WHERE id % 5 = 0;
                 UPDATE history SET happened_at = datetime(happened_at, '+9 minutes')
                     WHERE id % 7 = 0;
                 UPDATE history SET kind = 'payment' WHERE id % 11 = 0;
                 UPDATE history SET kind = 'sale' WHERE kind = 'payment';
                 UPDATE history SET customer_id = (SELECT MIN(id) FROM customers)
                     WHERE id % 13 = 0;
                 DELETE FROM history WHERE id % 17 = 0;
                 UPDATE points_ledger SET delta = delta * 2 WHERE id % 3 = 0;
                 UPDATE points_ledger SET reason = 'adjust' WHERE id % 4 = 0;
                 UPDATE points_ledger SET created_at = datetime(created_at, '+1 hour')
                     WHERE id % 6 = 0;
                 DELETE FROM points_ledger WHERE id % 19 = 0;",
            )?;
            Ok(())
        })
        .unwrap();
    check(&t, &clock, "edits and deletions");

    // A deleted customer takes her sales and points out of the sums, and
    // her pack with them, in the same transaction.
    assert_eq!(pack_of(&t, ids[1]), 1);
    t.shop.delete_customer(ids[1]).unwrap();
    assert_eq!(pack_of(&t, ids[1]), 0);
    check(&t, &clock, "a customer deleted");
    let conn = Connection::open(t.path()).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM sale_quarters WHERE customer_id = ?1",
            [ids[1]],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn a_clock_off_the_quarter_hours_reads_the_sales_themselves() {
    let t = TestShop::new();
    let id = customer(&t, "가나");
    t.shop
        .db()
        .with_tx(|tx| {
            // 14:35 and 14:44 UTC: the same quarter hour (14:30 to 14:45).
            for when in ["2026-03-01 14:35:00+00:00", "2026-03-01 14:44:00+00:00"] {
                tx.execute(
                    "INSERT INTO history (customer_id, kind, happened_at, amount, created_at)
                     VALUES (?1, 'sale', ?2, 1000, ?2)",
                    params![id, when],
                )?;
            }
            Ok(())
        })
        .unwrap();
    // Midnight at 14:40 UTC (UTC+9:20): the two sales are on two days,
    // though they share a quarter hour.
    let odd = FixedOffset::east_opt(9 * 3600 + 20 * 60).unwrap();
    let clock = Clock::around(&odd, "2026-05-01".parse().unwrap());
    assert!(!clock.quarter_aligned());
    let conn = Connection::open(t.path()).unwrap();
    let v = Visits::load(&conn, &clock, i32::MAX).unwrap();
    assert_eq!(v.days.len(), 2, "two local days");
    assert_eq!(v, Visits::load_from_sales(&conn, &clock, i32::MAX).unwrap());
}

#[test]
fn quarters_follow_every_path_the_app_writes_sales_and_points_by() {
    let t = TestShop::new();
    let seoul = FixedOffset::east_opt(9 * 3600).unwrap();
    let clock = Clock::around(&seoul, Utc::now().with_timezone(&seoul).date_naive());

    // The first run's sample shop: its sales, points earned and spent.
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: true,
        })
        .unwrap();
    let conn = Connection::open(t.path()).unwrap();
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert!(count("SELECT COUNT(*) FROM history WHERE kind = 'sale'") > 100);
    assert!(count("SELECT COUNT(*) FROM points_ledger") > 100);
    check(&t, &clock, "the sample shop");

    // The one sale path with points on: earned, spent at the counter, a
    // 외상 whose points wait for the payment, and the payment.
    let mut rules = t.shop.loyalty_rules().unwrap();
    rules.points.percent_bp = 1000;
    t.shop.update_loyalty_rules(&rules).unwrap();
    let a = customer(&t, "가나");
    let b = customer(&t, "다라");
    let earned = t
        .shop
        .record_sale(a, &sale("20000", false, "", "케이크"))
        .unwrap()
        .points_earned;
    assert!(earned > 0);
    let mut spend = sale("5000", false, "", "커피");
    spend.use_points = "1000".into();
    assert_eq!(t.shop.record_sale(a, &spend).unwrap().points_used, 1000);
    t.shop
        .record_sale(b, &sale("30000", true, "10000", "꽃다발"))
        .unwrap();
    t.shop.record_payment(b, &common::pay("20000")).unwrap();
    check(&t, &clock, "sales, points spent, 외상 and its payment");

    // Points that lapse.
    conn.execute(
        "UPDATE points_ledger SET expires_on = '2020-01-01' WHERE customer_id = ?1",
        [a],
    )
    .unwrap();
    assert!(t.shop.expire_points().unwrap() > 0);
    check(&t, &clock, "points lapsed");

    // A merge moves her sales and points to the one kept.
    t.shop.merge_customers(a, b).unwrap();
    let on_b = count(&format!(
        "SELECT COUNT(*) FROM sale_quarters WHERE customer_id = {b}"
    ));
    assert_eq!(on_b, 0, "the merged-away customer keeps no sums");
    check(&t, &clock, "a merge");

    // Erasure (the customer's right, or the retention review) takes her
    // sales and points out of the sums.
    assert_eq!(pack_of(&t, a), 1);
    t.shop.delete_customer(a).unwrap();
    assert_eq!(pack_of(&t, a), 0, "an erased customer's pack goes with her");
    let on_a = count(&format!(
        "SELECT COUNT(*) FROM sale_quarters WHERE customer_id = {a}"
    ));
    assert_eq!(on_a, 0);
    check(&t, &clock, "an erasure");
}
