//! The memory SQLite keeps of a big read is given back on request: the
//! start's upkeep reads every customer through the writer (the tiers), and
//! the app asks for that page cache back once the upkeep is done
//! (`Db::release_caches`), instead of holding it all day.

use dangol_core::store::db::Db;
use rusqlite::{ffi, Connection};

/// Bytes of page cache `conn` holds now (SQLite's own count).
fn cache_used(conn: &Connection) -> i64 {
    let (mut current, mut highest) = (0, 0);
    // SAFETY: a live connection's handle; sqlite3_db_status only reads
    // counters into the two integers given.
    let rc = unsafe {
        ffi::sqlite3_db_status(
            conn.handle(),
            ffi::SQLITE_DBSTATUS_CACHE_USED,
            &mut current,
            &mut highest,
            0,
        )
    };
    assert_eq!(rc, ffi::SQLITE_OK);
    i64::from(current)
}

#[test]
fn the_writer_gives_back_what_a_big_read_cached() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Db::open(dir.path().join("dangol.sqlite3")).expect("open");
    db.with_tx(|tx| {
        tx.execute_batch(
            "CREATE TABLE big (id INTEGER PRIMARY KEY, body BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000)
             INSERT INTO big (body) SELECT randomblob(1000) FROM n;",
        )?;
        Ok(())
    })
    .expect("8 MB of rows");

    let after_read = db
        .with_tx(|tx| {
            let total: i64 = tx.query_row("SELECT sum(length(body)) FROM big", [], |r| r.get(0))?;
            assert_eq!(total, 8_000_000);
            Ok(cache_used(tx))
        })
        .expect("read it all");
    assert!(
        after_read > 4_000_000,
        "the read should have filled the writer's cache: {after_read} bytes"
    );

    db.release_caches();
    let after_release = db.with_tx(|tx| Ok(cache_used(tx))).expect("look again");
    assert!(
        after_release < after_read / 10,
        "still cached after release_caches: {after_release} of {after_read} bytes"
    );

    // Nothing was lost with the cache: the rows read back whole.
    let again: i64 = db
        .with_tx(|tx| Ok(tx.query_row("SELECT count(*) FROM big", [], |r| r.get(0))?))
        .expect("count");
    assert_eq!(again, 8000);
}
