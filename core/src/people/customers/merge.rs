//! Duplicate customers: found by the same phone, the same email or the same
//! name, and merged into the record the owner keeps. Her history, cases,
//! follow-ups, points, stamps and coupons move over (and her tier is worked
//! out again from the joined history); empty fields are filled from the other record,
//! phones the kept one lacks are added, memos are joined, and the earlier
//! consent date wins.

use rusqlite::{params, Connection};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct DuplicatePair {
    pub first_id: i64,
    pub first_name: String,
    pub second_id: i64,
    pub second_name: String,
    /// `phone`, `email` or `name`.
    pub reason: String,
}

/// Pairs of customers that look like one person, phone matches first.
pub(crate) fn find(conn: &Connection, limit: u32) -> Result<Vec<DuplicatePair>> {
    let mut stmt = conn.prepare(
        "WITH pairs AS (
            SELECT a.customer_id AS x, b.customer_id AS y, 'phone' AS reason, 0 AS rank
              FROM customer_phones a JOIN customer_phones b
                ON a.e164 = b.e164 AND a.customer_id < b.customer_id
            UNION
            SELECT a.id, b.id, 'email', 1 FROM customers a JOIN customers b
                ON lower(a.email) = lower(b.email) AND a.id < b.id
            UNION
            SELECT a.id, b.id, 'name', 2 FROM customers a JOIN customers b
                ON a.name = b.name AND a.id < b.id
         )
         SELECT x, cx.name, y, cy.name, reason FROM pairs
           JOIN customers cx ON cx.id = x JOIN customers cy ON cy.id = y
         GROUP BY x, y HAVING rank = MIN(rank)
         ORDER BY MIN(rank), x, y LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok(DuplicatePair {
                first_id: r.get(0)?,
                first_name: r.get(1)?,
                second_id: r.get(2)?,
                second_name: r.get(3)?,
                reason: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Merges `other` into `keep` in the caller's transaction and deletes
/// `other`.
pub(crate) fn merge(conn: &Connection, keep: i64, other: i64) -> Result<()> {
    if keep == other {
        return Err(Error::Validation(vec![FieldError::new(
            "other",
            FieldErrorCode::InvalidChoice,
        )]));
    }
    for id in [keep, other] {
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM customers WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "customer",
                id,
            });
        }
    }
    for table in [
        "history",
        "complaints",
        "followups",
        "points_ledger",
        "stamps_ledger",
        "coupons",
        "import_warnings",
        "consent_records",
    ] {
        conn.execute(
            &format!("UPDATE {table} SET customer_id = ?1 WHERE customer_id = ?2"),
            params![keep, other],
        )?;
    }
    conn.execute(
        "UPDATE customers AS k SET
            email = COALESCE(k.email, o.email),
            postal_code = CASE WHEN k.postal_code = '' THEN o.postal_code ELSE k.postal_code END,
            address1 = CASE WHEN k.address1 = '' THEN o.address1 ELSE k.address1 END,
            address2 = CASE WHEN k.address1 = '' THEN o.address2 ELSE k.address2 END,
            birthday = COALESCE(k.birthday, o.birthday),
            birthday_lunar = CASE WHEN k.birthday IS NULL THEN o.birthday_lunar ELSE k.birthday_lunar END,
            memo = CASE WHEN o.memo = '' OR k.memo = o.memo THEN k.memo
                        WHEN k.memo = '' THEN o.memo ELSE k.memo || char(10) || o.memo END,
            staff_id = COALESCE(k.staff_id, o.staff_id),
            consent_email = CASE WHEN k.consent_email IS NULL OR o.consent_email < k.consent_email
                                 THEN o.consent_email ELSE k.consent_email END,
            consent_sms = CASE WHEN k.consent_sms IS NULL OR o.consent_sms < k.consent_sms
                               THEN o.consent_sms ELSE k.consent_sms END,
            consent_post = CASE WHEN k.consent_post IS NULL OR o.consent_post < k.consent_post
                                THEN o.consent_post ELSE k.consent_post END,
            consent_sms_night = CASE WHEN k.consent_sms_night IS NULL OR o.consent_sms_night < k.consent_sms_night
                                     THEN o.consent_sms_night ELSE k.consent_sms_night END,
            consent_email_night = CASE WHEN k.consent_email_night IS NULL OR o.consent_email_night < k.consent_email_night
                                       THEN o.consent_email_night ELSE k.consent_email_night END,
            created_at = min(k.created_at, o.created_at),
            updated_at = max(k.updated_at, o.updated_at)
         FROM customers AS o WHERE k.id = ?1 AND o.id = ?2",
        params![keep, other],
    )?;
    conn.execute(
        "INSERT INTO customer_phones (customer_id, position, label, raw, e164, region, national, international)
         SELECT ?1, (SELECT COALESCE(MAX(position), -1) FROM customer_phones WHERE customer_id = ?1)
                    + row_number() OVER (ORDER BY o.position),
                o.label, o.raw, o.e164, o.region, o.national, o.international
           FROM customer_phones o
          WHERE o.customer_id = ?2
            AND o.e164 NOT IN (SELECT e164 FROM customer_phones WHERE customer_id = ?1)",
        params![keep, other],
    )?;
    crate::data::import::fill::forget(conn, other)?;
    conn.execute("DELETE FROM customers WHERE id = ?1", [other])?;
    Ok(())
}
