//! Embedded schema migrations, applied in order at open, one transaction
//! each, tracked by SQLite's `user_version`. Migrations are additive: a
//! database written by any earlier version opens and upgrades (tested in
//! `core/tests/migrations.rs`).

use rusqlite::Connection;

use crate::error::{Error, Result};

/// Every migration, in order; `MIGRATIONS[i]` brings the schema from
/// version `i` to `i + 1`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_customers",
        include_str!("../migrations/0001_customers.sql"),
    ),
    (
        "0002_shop_and_staff",
        include_str!("../migrations/0002_shop_and_staff.sql"),
    ),
    (
        "0003_history",
        include_str!("../migrations/0003_history.sql"),
    ),
    (
        "0004_imports",
        include_str!("../migrations/0004_imports.sql"),
    ),
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Applies the migrations after the database's version, up to `target`.
/// Returns how many ran.
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<usize> {
    let found = schema_version(conn)?;
    if found > latest_version() {
        return Err(Error::SchemaTooNew {
            found,
            known: latest_version(),
        });
    }
    let mut ran = 0;
    for (index, (_name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = index as i64 + 1;
        if version <= found || version > target {
            continue;
        }
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        ran += 1;
    }
    Ok(ran)
}

pub fn migrate(conn: &mut Connection) -> Result<usize> {
    migrate_to(conn, latest_version())
}
