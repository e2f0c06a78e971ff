//! An imported row that is an existing customer: merged into her record,
//! with her record as it was kept first, so that undoing the import puts
//! it back exactly.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::customers::store::birthday_to_sql;
use crate::customers::validate::ValidCustomer;
use crate::error::Result;

const CUSTOMER_COLUMNS: &str =
    "id, card_no, name, email, postal_code, address1, address2, birthday,
    birthday_lunar, source, source_note, memo, consent_email, consent_sms, consent_post,
    created_at, updated_at, staff_id, import_batch, tier";
const PHONE_COLUMNS: &str =
    "id, customer_id, position, label, raw, e164, region, national, international";

/// Keeps customer `id` as she is now, once per batch.
pub fn snapshot(conn: &Connection, batch: i64, id: i64) -> Result<()> {
    let kept: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM import_undo_customers WHERE undo_batch = ?1 AND id = ?2)",
        (batch, id),
        |r| r.get(0),
    )?;
    if kept {
        return Ok(());
    }
    conn.execute(
        &format!(
            "INSERT INTO import_undo_customers ({CUSTOMER_COLUMNS}, undo_batch)
                  SELECT {CUSTOMER_COLUMNS}, ?1 FROM customers WHERE id = ?2"
        ),
        (batch, id),
    )?;
    conn.execute(
        &format!(
            "INSERT INTO import_undo_phones ({PHONE_COLUMNS}, undo_batch)
                  SELECT {PHONE_COLUMNS}, ?1 FROM customer_phones WHERE customer_id = ?2"
        ),
        (batch, id),
    )?;
    Ok(())
}

/// Drops every copy kept of customer `id` (she is being deleted, or merged
/// into another record): nothing of hers stays behind for an undo.
pub fn forget(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM import_undo_customers WHERE id = ?1", [id])?;
    conn.execute(
        "DELETE FROM import_undo_phones WHERE customer_id = ?1",
        [id],
    )?;
    Ok(())
}

/// Puts back every customer a batch merged into; returns how many.
pub fn restore(conn: &Connection, batch: i64) -> Result<u32> {
    // A customer deleted since has nothing to put back (and her copy went
    // with her: `forget`).
    let ids: Vec<i64> = conn
        .prepare(
            "SELECT id FROM import_undo_customers
              WHERE undo_batch = ?1 AND id IN (SELECT id FROM customers)",
        )?
        .query_map([batch], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        conn.execute("DELETE FROM customer_phones WHERE customer_id = ?1", [id])?;
        conn.execute(
            &format!(
                "UPDATE customers SET ({CUSTOMER_COLUMNS}) =
                        (SELECT {CUSTOMER_COLUMNS} FROM import_undo_customers
                          WHERE undo_batch = ?1 AND id = ?2)
                      WHERE id = ?2"
            ),
            (batch, id),
        )?;
        conn.execute(
            &format!(
                "INSERT INTO customer_phones ({PHONE_COLUMNS})
                      SELECT {PHONE_COLUMNS} FROM import_undo_phones
                       WHERE undo_batch = ?1 AND customer_id = ?2"
            ),
            (batch, id),
        )?;
    }
    conn.execute(
        "DELETE FROM import_undo_customers WHERE undo_batch = ?1",
        [batch],
    )?;
    conn.execute(
        "DELETE FROM import_undo_phones WHERE undo_batch = ?1",
        [batch],
    )?;
    Ok(ids.len() as u32)
}

/// Fills what `id` lacks from `v` (an imported row that is the same
/// person): empty contact fields, a birthday, phones she does not have;
/// a new memo is added below hers.
pub fn fill_gaps(conn: &Connection, id: i64, v: &ValidCustomer, now: DateTime<Utc>) -> Result<()> {
    let (birthday, lunar) = birthday_to_sql(&v.birthday);
    conn.execute(
        "UPDATE customers SET
            email = COALESCE(email, ?2),
            postal_code = CASE WHEN postal_code = '' THEN ?3 ELSE postal_code END,
            address1 = CASE WHEN address1 = '' THEN ?4 ELSE address1 END,
            address2 = CASE WHEN address1 = '' THEN ?5 ELSE address2 END,
            birthday_lunar = CASE WHEN birthday IS NULL THEN ?7 ELSE birthday_lunar END,
            birthday = COALESCE(birthday, ?6),
            memo = CASE WHEN ?8 = '' OR instr(memo, ?8) > 0 THEN memo
                        WHEN memo = '' THEN ?8 ELSE memo || char(10) || ?8 END,
            updated_at = ?9
         WHERE id = ?1",
        rusqlite::params![
            id,
            v.email,
            v.postal_code,
            v.address1,
            v.address2,
            birthday,
            lunar,
            v.memo,
            now
        ],
    )?;
    let mut next: i64 = conn.query_row(
        "SELECT COALESCE(MAX(position), -1) + 1 FROM customer_phones WHERE customer_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    for p in &v.phones {
        let has: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM customer_phones WHERE customer_id = ?1 AND e164 = ?2)",
            (id, &p.parsed.e164),
            |r| r.get(0),
        )?;
        if !has {
            conn.execute(
                "INSERT INTO customer_phones
                   (customer_id, position, label, raw, e164, region, national, international)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                (
                    id,
                    next,
                    p.label.as_str(),
                    &p.raw,
                    &p.parsed.e164,
                    &p.parsed.region,
                    &p.parsed.national,
                    &p.parsed.international,
                ),
            )?;
            next += 1;
        }
    }
    Ok(())
}
