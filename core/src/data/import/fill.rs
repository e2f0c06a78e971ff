//! An imported row that is someone already known: merged into her record,
//! with her record as it was kept first, so that undoing the import puts
//! it back exactly; or, for an earlier row of the same file, into that row
//! before it is saved. What the row says differently is kept as a warning.

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use super::mapping::ImportField;
use super::row::{CellWarning, WarningCode};
use crate::error::Result;
use crate::people::customers::insert::{insert_phone, phone_statement};
use crate::people::customers::model::Birthday;
use crate::people::customers::store::{birthday_from_sql, birthday_to_sql};
use crate::people::customers::validate::{ValidCustomer, MAX_PHONES};

const CUSTOMER_COLUMNS: &str =
    "id, card_no, name, email, postal_code, address1, address2, birthday,
    birthday_lunar, source, source_note, memo, consent_email, consent_sms, consent_post,
    created_at, updated_at, staff_id, import_batch, tier";
const PHONE_COLUMNS: &str =
    "id, customer_id, position, label, raw, e164, region, national, international";

/// Keeps customer `id` as she is now, once per batch.
pub(crate) fn snapshot(conn: &Connection, batch: i64, id: i64) -> Result<()> {
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
pub(crate) fn forget(conn: &Connection, id: i64) -> Result<()> {
    conn.execute("DELETE FROM import_undo_customers WHERE id = ?1", [id])?;
    conn.execute(
        "DELETE FROM import_undo_phones WHERE customer_id = ?1",
        [id],
    )?;
    Ok(())
}

/// Puts back every customer a batch merged into; returns how many.
pub(crate) fn restore(conn: &Connection, batch: i64) -> Result<u32> {
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
pub(crate) fn fill_gaps(
    conn: &Connection,
    id: i64,
    v: &ValidCustomer,
    now: DateTime<Utc>,
) -> Result<()> {
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
            insert_phone(&mut *phone_statement(conn)?, id, next, p)?;
            next += 1;
        }
    }
    Ok(())
}

/// The values of a merged row that differ from what is kept (her name, a
/// second email, another birthday, another address): not saved, but kept
/// as warnings so that nothing in the file is lost without a word.
fn differences(
    kept: (&str, Option<&str>, Option<Birthday>, &str),
    row: &ValidCustomer,
) -> Vec<CellWarning> {
    let (name, email, birthday, address) = kept;
    let mut out = vec![];
    let mut differs = |field, keep: Option<&str>, new: Option<&str>| {
        if let (Some(k), Some(n)) = (keep, new) {
            if !k.is_empty() && !n.is_empty() && !k.eq_ignore_ascii_case(n) {
                out.push(CellWarning::new(field, WarningCode::NotKept, n));
            }
        }
    };
    differs(ImportField::Name, Some(name), Some(&row.name));
    differs(ImportField::Email, email, row.email.as_deref());
    differs(ImportField::Address, Some(address), Some(&row.address1));
    if let (Some(k), Some(n)) = (birthday, row.birthday) {
        if k != n {
            let text = if n.lunar {
                format!("(음) {}", n.to_iso())
            } else {
                n.to_iso()
            };
            out.push(CellWarning::new(
                ImportField::Birthday,
                WarningCode::NotKept,
                &text,
            ));
        }
    }
    out
}

/// What a row merged into customer `id` holds that she keeps otherwise.
pub(crate) fn differences_from_customer(
    conn: &Connection,
    id: i64,
    row: &ValidCustomer,
) -> Result<Vec<CellWarning>> {
    type Kept = (String, Option<String>, Option<String>, bool, String);
    let (name, email, birthday, lunar, address): Kept = conn.query_row(
        "SELECT name, email, birthday, birthday_lunar, address1 FROM customers WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )?;
    let birthday = birthday_from_sql(birthday, lunar);
    Ok(differences(
        (&name, email.as_deref(), birthday, &address),
        row,
    ))
}

/// Merges a later row of the same file into an earlier one (both still to
/// be saved): the earlier row's values stay, its gaps are filled, phones
/// it lacks are added, memos are joined. Returns what differed.
pub(crate) fn merge_rows(into: &mut ValidCustomer, row: &ValidCustomer) -> Vec<CellWarning> {
    let mut warnings = differences(
        (
            &into.name,
            into.email.as_deref(),
            into.birthday,
            &into.address1,
        ),
        row,
    );
    if into.email.is_none() {
        into.email = row.email.clone();
    }
    if into.birthday.is_none() {
        into.birthday = row.birthday;
    }
    if into.postal_code.is_empty() {
        into.postal_code = row.postal_code.clone();
    }
    if into.address1.is_empty() {
        into.address1 = row.address1.clone();
        into.address2 = row.address2.clone();
    }
    if !row.memo.is_empty() && !into.memo.contains(&row.memo) {
        if !into.memo.is_empty() {
            into.memo.push('\n');
        }
        into.memo.push_str(&row.memo);
    }
    for p in &row.phones {
        if into.phones.iter().any(|q| q.parsed.e164 == p.parsed.e164) {
            continue;
        }
        if into.phones.len() >= MAX_PHONES {
            warnings.push(CellWarning::new(
                ImportField::Phone,
                WarningCode::NotKept,
                &p.raw,
            ));
        } else {
            into.phones.push(p.clone());
        }
    }
    warnings
}
