//! Birthday coupons: a set number of days before a customer's birthday
//! (solar, or lunar put on this year's calendar), once a year.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{params, Connection};

use super::coupons::{self, Coupon, CouponOrigin};
use super::rules::LoyaltyRules;
use crate::error::Result;
use crate::letters::dates;

/// Issues the birthday coupons due today (birthday within the rule's days
/// from today, none issued to her in the last 300 days); returns them.
pub(crate) fn issue_due(
    conn: &Connection,
    rules: &LoyaltyRules,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<Coupon>> {
    let Some(days) = rules.birthday_days_before else {
        return Ok(vec![]);
    };
    let horizon = today
        .checked_add_days(Days::new(days.into()))
        .unwrap_or(today);
    let since = today.checked_sub_days(Days::new(300)).unwrap_or(today);
    let mut stmt = conn.prepare(
        "SELECT c.id, c.birthday, c.birthday_lunar FROM customers c
         WHERE c.birthday IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM coupons k WHERE k.customer_id = c.id
                           AND k.origin = 'birthday' AND k.issued_on >= ?1)",
    )?;
    let due: Vec<i64> = stmt
        .query_map(params![since], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|(_, birthday, lunar)| {
            // 'YYYY-MM-DD' or '--MM-DD'
            let md = &birthday[birthday.len().saturating_sub(5)..];
            let (m, d) = (md[..2].parse().unwrap_or(0), md[3..].parse().unwrap_or(0));
            dates::next_on_or_after(today, m, d, *lunar, false).is_some_and(|next| next <= horizon)
        })
        .map(|(id, _, _)| id)
        .collect();
    due.into_iter()
        .map(|id| {
            coupons::issue(
                conn,
                id,
                &rules.birthday_reward,
                CouponOrigin::Birthday,
                today,
                now,
            )
        })
        .collect()
}
