//! Coupons: issued to a customer (by hand, to a whole tier, from a full
//! stamp card, for a birthday, as complaint compensation) with an expiry
//! date; redeemed once, at a visit. Expired or used ones are refused with
//! the reason.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::rules::{CouponKind, Reward};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::store::rows::{enum_from, enum_str};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CouponOrigin {
    Manual,
    Tier,
    Stamp,
    Birthday,
    Complaint,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Coupon {
    pub id: i64,
    pub customer_id: i64,
    pub kind: CouponKind,
    pub value: i64,
    pub item: String,
    pub origin: CouponOrigin,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub used_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, customer_id, kind, value, item, origin, issued_on, expires_on, used_at";

fn row(r: &Row<'_>) -> rusqlite::Result<Coupon> {
    Ok(Coupon {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        kind: enum_from(&r.get::<_, String>(2)?)?,
        value: r.get(3)?,
        item: r.get(4)?,
        origin: enum_from(&r.get::<_, String>(5)?)?,
        issued_on: r.get(6)?,
        expires_on: r.get(7)?,
        used_at: r.get(8)?,
    })
}

pub(crate) fn get(conn: &Connection, id: i64) -> Result<Coupon> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM coupons WHERE id = ?1"),
        [id],
        row,
    )
    .optional()?
    .ok_or(Error::NotFound { what: "coupon", id })
}

/// Issues `reward` to a customer, valid for its `valid_days` from today.
pub fn issue(
    conn: &Connection,
    customer_id: i64,
    reward: &Reward,
    origin: CouponOrigin,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Coupon> {
    let mut errors = vec![];
    match reward.kind {
        CouponKind::Percent if !(1..=100).contains(&reward.value) => {
            errors.push(FieldError::new("value", FieldErrorCode::InvalidAmount))
        }
        CouponKind::Amount if reward.value <= 0 => {
            errors.push(FieldError::new("value", FieldErrorCode::InvalidAmount))
        }
        CouponKind::FreeItem if reward.item.trim().is_empty() => {
            errors.push(FieldError::new("item", FieldErrorCode::Required))
        }
        _ => {}
    }
    if reward.valid_days == 0 {
        errors.push(FieldError::new("valid_days", FieldErrorCode::InvalidChoice));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let expires = today
        .checked_add_days(Days::new(reward.valid_days.into()))
        .unwrap_or(today);
    conn.execute(
        "INSERT INTO coupons (customer_id, kind, value, item, origin, issued_on, expires_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![customer_id, enum_str(&reward.kind), reward.value, reward.item.trim(), enum_str(&origin), today, expires, now],
    )?;
    get(conn, conn.last_insert_rowid())
}

/// Her coupons that can be used today, soonest to expire first.
/// The same coupon to every customer of a tier; how many got one.
pub(crate) fn issue_to_tier(
    conn: &Connection,
    tier_id: &str,
    reward: &Reward,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<u32> {
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM customers WHERE tier = ?1")?
        .query_map([tier_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in &ids {
        issue(conn, *id, reward, CouponOrigin::Tier, today, now)?;
    }
    Ok(ids.len() as u32)
}

pub(crate) fn usable(conn: &Connection, customer_id: i64, today: NaiveDate) -> Result<Vec<Coupon>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM coupons WHERE customer_id = ?1 AND used_at IS NULL AND expires_on >= ?2
         ORDER BY expires_on, id"
    ))?;
    let out = stmt
        .query_map(params![customer_id, today], row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Checks a coupon can be used by this customer today: a `coupon` field
/// error with its own code says why not (`coupon_used`, `coupon_expired`,
/// `coupon_not_hers`).
pub(crate) fn check_usable(c: &Coupon, customer_id: i64, today: NaiveDate) -> Result<()> {
    let code = if c.customer_id != customer_id {
        Some(FieldErrorCode::CouponNotHers)
    } else if c.used_at.is_some() {
        Some(FieldErrorCode::CouponUsed)
    } else if c.expires_on < today {
        Some(FieldErrorCode::CouponExpired)
    } else {
        None
    };
    match code {
        Some(code) => Err(Error::Validation(vec![FieldError::new("coupon", code)])),
        None => Ok(()),
    }
}

/// The discount a coupon gives on `amount` (free items: none in money).
pub(crate) fn discount(c: &Coupon, amount: i64) -> i64 {
    match c.kind {
        CouponKind::Percent => amount * c.value / 100,
        CouponKind::Amount => c.value.min(amount),
        CouponKind::FreeItem => 0,
    }
}

/// Marks a coupon used at a visit; only once, even if asked twice at once.
pub fn mark_used(conn: &Connection, id: i64, history_id: i64, now: DateTime<Utc>) -> Result<()> {
    let n = conn.execute(
        "UPDATE coupons SET used_at = ?2, used_history_id = ?3 WHERE id = ?1 AND used_at IS NULL",
        params![id, now, history_id],
    )?;
    if n == 0 {
        return Err(Error::Validation(vec![FieldError::new(
            "coupon",
            FieldErrorCode::InvalidTransition,
        )]));
    }
    Ok(())
}
