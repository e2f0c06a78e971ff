//! Recording a sale — the one path, whoever records it: the sale goes into
//! her history with every rule of the shop applied (the tier discount, a
//! coupon, points as payment; then points and stamps earned, a full stamp
//! card turned into a reward coupon, the tier recomputed, the post-sale
//! call scheduled), in one transaction that also reads the rules and
//! settings it decides on. Amounts are parsed once, here, from what was
//! typed; from then on they are numbers. The outcome carries what the
//! customer screen shows afterwards, so the window applies it instead of
//! asking again.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::cases;
use super::entries::{self, Sale};
use super::model::{CustomerStory, SaleInput};
use super::money::parse_amount;
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::loyalty::coupons::{self, Coupon, CouponOrigin};
use crate::loyalty::rules::LoyaltyRules;
use crate::loyalty::status::{self, LoyaltyStatus};
use crate::loyalty::tiers::{self, TierChange};
use crate::loyalty::{self, credit, ledger};
use crate::store::settings::{self, Country};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct SaleOutcome {
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
    /// Her rewards after the sale, as the customer screen shows them.
    pub status: LoyaltyStatus,
    /// The top of her screen after the sale (what she owes, visits).
    pub story: CustomerStory,
}

pub(crate) fn current_tier<'a>(
    conn: &Connection,
    rules: &'a LoyaltyRules,
    id: i64,
) -> Result<Option<&'a crate::loyalty::rules::Tier>> {
    let tier = tiers::of_customer(conn, id)?;
    Ok(tier.as_deref().and_then(|t| rules.tier(t)))
}

/// Records the sale `input` for her, as of the shop's clock now.
pub(crate) fn record(
    conn: &Connection,
    customer_id: i64,
    input: &SaleInput,
    clock: &dyn crate::store::clock::Clock,
) -> Result<SaleOutcome> {
    let now = clock.now();
    let today = clock.local(now).date();
    let shop = settings::load(conn)?;
    let rules = loyalty::load_rules(conn)?;
    let rules = &rules;
    let bad = |field: &str, code| Error::Validation(vec![FieldError::new(field, code)]);
    // Her, the amounts as typed, the items and the staff member: every
    // problem of the form at once.
    let typed = entries::check_sale(conn, customer_id, input, shop.country)?;
    let gross = typed.amount;
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
        // Points are whole numbers in every currency.
        let p = parse_amount(&input.use_points, Country::KR)
            .ok_or_else(|| bad("use_points", FieldErrorCode::InvalidAmount))?;
        if !rules.points.redeem || p > ledger::points(conn, customer_id)? || p > due {
            return Err(bad("use_points", FieldErrorCode::ExceedsBalance));
        }
        p
    };
    let net = due - points_used;
    // Paid at the counter: all of it, or what the 외상 form says (never
    // more than what is left to pay after the discounts).
    let paid = match typed.paid_now {
        None => net,
        Some(p) if p > net => return Err(bad("paid_now", FieldErrorCode::ExceedsBalance)),
        Some(p) => p,
    };
    let owed = net - paid;
    let sale = Sale {
        amount: net,
        paid,
        items: typed.items,
        staff_id: input.staff_id,
    };
    let entry_id = entries::append_sale(conn, customer_id, &sale, now)?;
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
    let tier_change = tiers::recompute(conn, rules, Some(customer_id), today, now, clock)?.pop();
    // A sale is followed by a call, if the shop wants one.
    cases::schedule_after_sale(
        conn,
        customer_id,
        entry_id,
        shop.followup_days_after_sale,
        today,
        now,
    )?;
    Ok(SaleOutcome {
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
        status: status::of(conn, customer_id, today, clock)?,
        story: cases::story(conn, customer_id, clock)?,
    })
}
