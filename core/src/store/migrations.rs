//! Embedded schema migrations, applied in order at open, one transaction
//! each, tracked by SQLite's `user_version`. Migrations are additive: a
//! database written by any earlier version opens and upgrades (tested in
//! `core/tests/migrations.rs`).

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};

/// Every migration, in order; `MIGRATIONS[i]` brings the schema from
/// version `i` to `i + 1`.
pub const MIGRATIONS: &[(&str, &str)] = &[
    (
        "0001_customers",
        include_str!("../../migrations/0001_customers.sql"),
    ),
    (
        "0002_shop_and_staff",
        include_str!("../../migrations/0002_shop_and_staff.sql"),
    ),
    (
        "0003_history",
        include_str!("../../migrations/0003_history.sql"),
    ),
    (
        "0004_imports",
        include_str!("../../migrations/0004_imports.sql"),
    ),
    (
        "0005_loyalty",
        include_str!("../../migrations/0005_loyalty.sql"),
    ),
    (
        "0006_import_merges",
        include_str!("../../migrations/0006_import_merges.sql"),
    ),
    (
        "0007_trials",
        include_str!("../../migrations/0007_trials.sql"),
    ),
    (
        "0008_family_dates",
        include_str!("../../migrations/0008_family_dates.sql"),
    ),
    (
        "0009_letters",
        include_str!("../../migrations/0009_letters.sql"),
    ),
    (
        "0010_outbox",
        include_str!("../../migrations/0010_outbox.sql"),
    ),
    (
        "0011_report_indexes",
        include_str!("../../migrations/0011_report_indexes.sql"),
    ),
    (
        "0012_history_fts_purge",
        include_str!("../../migrations/0012_history_fts_purge.sql"),
    ),
    (
        "0013_import_warnings",
        include_str!("../../migrations/0013_import_warnings.sql"),
    ),
    (
        "0014_letter_printed_and_credit_points",
        include_str!("../../migrations/0014_letter_printed_and_credit_points.sql"),
    ),
    (
        "0015_letters_by_relation",
        include_str!("../../migrations/0015_letters_by_relation.sql"),
    ),
    (
        "0016_consent_notice",
        include_str!("../../migrations/0016_consent_notice.sql"),
    ),
    (
        "0017_texts",
        include_str!("../../migrations/0017_texts.sql"),
    ),
    (
        "0018_staff_pins",
        include_str!("../../migrations/0018_staff_pins.sql"),
    ),
    (
        "0019_consent_records",
        include_str!("../../migrations/0019_consent_records.sql"),
    ),
    (
        "0020_retention_review",
        include_str!("../../migrations/0020_retention_review.sql"),
    ),
    (
        "0021_text_alimtalk",
        include_str!("../../migrations/0021_text_alimtalk.sql"),
    ),
    (
        "0022_report_quarters_and_phone_index",
        include_str!("../../migrations/0022_report_quarters_and_phone_index.sql"),
    ),
    (
        "0023_sale_packs",
        include_str!("../../migrations/0023_sale_packs.sql"),
    ),
    (
        "0024_report_indexes",
        include_str!("../../migrations/0024_report_indexes.sql"),
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
        // SQLite's procedure for changing a table's shape: foreign keys
        // off (it cannot change inside a transaction) so rebuilding a table
        // does not cascade, then checked before commit.
        let fk: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
        conn.pragma_update(None, "foreign_keys", "OFF")?;
        let outcome = (|| -> Result<()> {
            let tx = conn.transaction()?;
            tx.execute_batch(sql)?;
            let broken: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
                .optional()?;
            if let Some(table) = broken {
                return Err(Error::Corrupt(format!(
                    "migration {version} broke references in {table}"
                )));
            }
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()?;
            Ok(())
        })();
        conn.pragma_update(None, "foreign_keys", if fk { "ON" } else { "OFF" })?;
        outcome?;
        ran += 1;
    }
    Ok(ran)
}

pub fn migrate(conn: &mut Connection) -> Result<usize> {
    migrate_to(conn, latest_version())
}
