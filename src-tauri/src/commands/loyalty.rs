//! Loyalty: the shop's rules, visits with every rule applied, coupons and
//! tiers.

use dangol_core::loyalty::coupons::{Coupon, CouponOrigin};
use dangol_core::loyalty::rules::{LoyaltyRules, Reward};
use dangol_core::loyalty::tiers::{RecentTierChange, TierChange};
use dangol_core::loyalty::visit::{VisitInput, VisitOutcome};
use dangol_core::{LoyaltyStatus, Shop};
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn loyalty_rules(shop: State<'_, Shop>) -> CmdResult<LoyaltyRules> {
    Ok(shop.loyalty_rules()?)
}

#[tauri::command]
pub fn update_loyalty_rules(
    shop: State<'_, Shop>,
    rules: LoyaltyRules,
) -> CmdResult<Vec<TierChange>> {
    Ok(shop.update_loyalty_rules(&rules)?)
}

#[tauri::command]
pub fn record_visit(
    app: tauri::AppHandle,
    gate: State<'_, crate::gate::Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    mut input: VisitInput,
) -> CmdResult<VisitOutcome> {
    // A staff member's visit (its points and stamps with it) records her.
    input.sale.staff_id = gate.staff_or_worker(input.sale.staff_id);
    let outcome = shop.record_visit(customer_id, &input)?;
    // Her points-earned notice, when the owner turned it on.
    crate::texter::notices_now(&app);
    Ok(outcome)
}

#[tauri::command]
pub fn loyalty_status(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<LoyaltyStatus> {
    Ok(shop.loyalty_status(customer_id)?)
}

#[tauri::command]
pub fn issue_coupon(
    shop: State<'_, Shop>,
    customer_id: i64,
    reward: Reward,
    origin: CouponOrigin,
) -> CmdResult<Coupon> {
    Ok(shop.issue_coupon(customer_id, &reward, origin)?)
}

#[tauri::command]
pub fn issue_coupon_to_tier(
    shop: State<'_, Shop>,
    tier_id: String,
    reward: Reward,
) -> CmdResult<u32> {
    Ok(shop.issue_coupon_to_tier(&tier_id, &reward)?)
}

#[tauri::command]
pub fn recompute_tiers(shop: State<'_, Shop>) -> CmdResult<Vec<TierChange>> {
    Ok(shop.recompute_tiers()?)
}

#[tauri::command]
pub fn recent_tier_changes(shop: State<'_, Shop>) -> CmdResult<Vec<RecentTierChange>> {
    Ok(shop.recent_tier_changes()?)
}
