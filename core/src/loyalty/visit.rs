//! A visit with every rule applied: the tier discount, a coupon, points as
//! payment; then points and stamps earned, a full stamp card turned into a
//! reward coupon, and the tier recomputed — one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::coupons::{self, Coupon, CouponOrigin};
use super::credit;
use super::ledger;
use super::rules::LoyaltyRules;
use super::tiers::{self, TierChange};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::history::entries;
use crate::history::model::SaleInput;
use crate::history::money::{parse_amount, plain};
use crate::store::rows::ensure_customer;
use crate::store::settings::Country;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct VisitInput {
    /// The sale before any discount (`amount` is the full price).
    pub sale: SaleInput,
    pub apply_tier_discount: bool,
    pub coupon_id: Option<i64>,
    /// Points to pay with; empty for none.
    pub use_points: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct VisitOutcome {
    pub entry_id: i64,
    pub gross: i64,
    pub tier_discount: i64,
    pub coupon_discount: i64,
    pub points_used: i64,
    /// What she bought, after discounts and points: the sale's amount.
    pub net: i64,
    /// Paid at the counter now.
    pub paid: i64,
    /// Left on her tab (외상): `net - paid`.
    pub owed: i64,
    pub points_earned: i64,
    /// Points the 외상 will earn when it is paid (at today's tier).
    pub points_on_payment: i64,
    pub stamps_added: i64,
    pub stamps_now: i64,
    pub points_now: i64,
    pub reward_coupons: Vec<Coupon>,
    pub tier_change: Option<TierChange>,
}

pub(crate) fn current_tier<'a>(
    conn: &Connection,
    rules: &'a LoyaltyRules,
    id: i64,
) -> Result<Option<&'a super::rules::Tier>> {
    let tier: Option<String> =
        conn.query_row("SELECT tier FROM customers WHERE id = ?1", [id], |r| {
            r.get(0)
        })?;
    Ok(tier.as_deref().and_then(|t| rules.tier(t)))
}

pub fn record_visit(
    conn: &Connection,
    customer_id: i64,
    input: &VisitInput,
    rules: &LoyaltyRules,
    country: Country,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<VisitOutcome> {
    ensure_customer(conn, customer_id)?;
    let bad = |field: &str, code| Error::Validation(vec![FieldError::new(field, code)]);
    let gross = parse_amount(&input.sale.amount, country).ok_or_else(|| {
        let code = if input.sale.amount.trim().is_empty() {
            FieldErrorCode::Required
        } else {
            FieldErrorCode::InvalidAmount
        };
        bad("amount", code)
    })?;
    let tier = current_tier(conn, rules, customer_id)?;
    let tier_discount = if input.apply_tier_discount {
        gross * i64::from(tier.map_or(0, |t| t.discount_percent)) / 100
    } else {
        0
    };
    let coupon = match input.coupon_id {
        Some(id) => {
            let c = coupons::get(conn, id)?;
            coupons::check_usable(&c, customer_id, today)?;
            Some(c)
        }
        None => None,
    };
    let coupon_discount = coupon
        .as_ref()
        .map_or(0, |c| coupons::discount(c, gross - tier_discount));
    let due = gross - tier_discount - coupon_discount;
    let points_used = if input.use_points.trim().is_empty() {
        0
    } else {
        let p = parse_amount(&input.use_points, Country::KR)
            .ok_or_else(|| bad("use_points", FieldErrorCode::InvalidAmount))?;
        if !rules.points.redeem || p > ledger::points(conn, customer_id)? || p > due {
            return Err(bad("use_points", FieldErrorCode::ExceedsBalance));
        }
        p
    };
    let net = due - points_used;
    let sale = SaleInput {
        amount: plain(net, country),
        ..input.sale.clone()
    };
    let entry_id = entries::record_sale(conn, customer_id, &sale, country, now)?;
    if let Some(c) = &coupon {
        coupons::mark_used(conn, c.id, entry_id, now)?;
    }
    ledger::add_points(
        conn,
        customer_id,
        -points_used,
        "redeem",
        Some(entry_id),
        None,
        now,
    )?;
    let owed: i64 = conn.query_row(
        "SELECT owed_delta FROM history WHERE id = ?1",
        [entry_id],
        |r| r.get(0),
    )?;
    // Points on what was paid; the 외상's wait for its money (credit.rs).
    let points_earned = rules.points_for(credit::basis_at_sale(rules, net, owed), tier);
    let points_on_payment = if credit::defers(rules) && owed > 0 {
        credit::defer(conn, customer_id, entry_id, owed, now)?;
        rules.points_for(owed, tier)
    } else {
        0
    };
    let expiry = ledger::expiry_for(today, rules.points.expiry_months);
    ledger::add_points(
        conn,
        customer_id,
        points_earned,
        "earn",
        Some(entry_id),
        expiry,
        now,
    )?;
    let stamps_added = rules.stamps_for(net);
    ledger::add_stamps(
        conn,
        customer_id,
        stamps_added,
        "visit",
        Some(entry_id),
        now,
    )?;
    let mut reward_coupons = vec![];
    let goal = i64::from(rules.stamps.goal.max(1));
    while rules.stamps.enabled && ledger::stamps(conn, customer_id)? >= goal {
        ledger::add_stamps(conn, customer_id, -goal, "reward", Some(entry_id), now)?;
        reward_coupons.push(coupons::issue(
            conn,
            customer_id,
            &rules.stamps.reward,
            CouponOrigin::Stamp,
            today,
            now,
        )?);
    }
    let tier_change = tiers::recompute(conn, rules, Some(customer_id), today, now)?.pop();
    Ok(VisitOutcome {
        entry_id,
        gross,
        tier_discount,
        coupon_discount,
        points_used,
        net,
        paid: net - owed,
        owed,
        points_earned,
        points_on_payment,
        stamps_added,
        stamps_now: ledger::stamps(conn, customer_id)?,
        points_now: ledger::points(conn, customer_id)?,
        reward_coupons,
        tier_change,
    })
}
