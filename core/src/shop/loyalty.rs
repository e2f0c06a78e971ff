//! `Shop`'s loyalty side: rules, visits with every rule applied, coupons,
//! tiers for everyone, points that lapse.

use chrono::Duration;

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::loyalty::coupons::{self, Coupon, CouponOrigin};
use crate::loyalty::rules::{LoyaltyRules, Reward};
use crate::loyalty::status::{self, LoyaltyStatus};
use crate::loyalty::tiers::{self, TierChange};
use crate::loyalty::{self, ledger};
use crate::Shop;

impl Shop {
    pub fn loyalty_rules(&self) -> Result<LoyaltyRules> {
        loyalty::load_rules(&*self.db.reader()?)
    }

    /// Saves new rules; they apply from the next visit on (what was earned
    /// stays), and tiers are recomputed under them at once.
    pub fn update_loyalty_rules(&self, rules: &LoyaltyRules) -> Result<Vec<TierChange>> {
        let mut ids: Vec<&str> = rules.tiers.iter().map(|t| t.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() != rules.tiers.len() || rules.tiers.iter().any(|t| t.name.trim().is_empty()) {
            return Err(Error::Validation(vec![FieldError::new(
                "tiers",
                FieldErrorCode::InvalidChoice,
            )]));
        }
        rules.check()?;
        self.db.with_tx(|tx| {
            loyalty::save_rules(tx, rules)?;
            tiers::recompute(tx, rules, None, self.today(), self.now(), self.clock())
        })
    }

    pub fn points_balance(&self, customer_id: i64) -> Result<i64> {
        ledger::points(&*self.db.reader()?, customer_id)
    }

    pub fn stamps_balance(&self, customer_id: i64) -> Result<i64> {
        ledger::stamps(&*self.db.reader()?, customer_id)
    }

    pub fn usable_coupons(&self, customer_id: i64) -> Result<Vec<Coupon>> {
        coupons::usable(&*self.db.reader()?, customer_id, self.today())
    }

    pub fn issue_coupon(
        &self,
        customer_id: i64,
        reward: &Reward,
        origin: CouponOrigin,
    ) -> Result<Coupon> {
        self.db.with_tx(|tx| {
            crate::store::rows::ensure_customer(tx, customer_id)?;
            coupons::issue(tx, customer_id, reward, origin, self.today(), self.now())
        })
    }

    /// Issues the same coupon to every customer of a tier; returns how many.
    pub fn issue_coupon_to_tier(&self, tier_id: &str, reward: &Reward) -> Result<u32> {
        self.db
            .with_tx(|tx| coupons::issue_to_tier(tx, tier_id, reward, self.today(), self.now()))
    }

    /// Tiers for everyone (the window moved on, or rules changed).
    pub fn recompute_tiers(&self) -> Result<Vec<TierChange>> {
        let rules = self.loyalty_rules()?;
        self.db.with_tx(|tx| {
            tiers::recompute(tx, &rules, None, self.today(), self.now(), self.clock())
        })
    }

    /// Issues the birthday coupons due today; returns how many.
    pub fn issue_birthday_coupons(&self) -> Result<usize> {
        let rules = self.loyalty_rules()?;
        self.db
            .with_tx(|tx| crate::loyalty::birthday::issue_due(tx, &rules, self.today(), self.now()))
            .map(|v| v.len())
    }

    /// Lapses points whose day has come; returns how many customers lost some.
    pub fn expire_points(&self) -> Result<usize> {
        self.db
            .with_tx(|tx| ledger::expire_points(tx, self.today(), self.now()))
            .map(|v| v.len())
    }

    /// Promotions and demotions of the last seven days, newest first.
    pub fn recent_tier_changes(&self) -> Result<Vec<tiers::RecentTierChange>> {
        tiers::changes_since(&*self.db.reader()?, self.now() - Duration::days(7))
    }

    /// Her tier's id, if she has one.
    pub fn get_customer_tier(&self, customer_id: i64) -> Option<String> {
        tiers::of_customer(&*self.db.reader().ok()?, customer_id).ok()?
    }

    /// What the customer screen shows: tier and how far to the next,
    /// points, stamps, usable coupons.
    pub fn loyalty_status(&self, customer_id: i64) -> Result<LoyaltyStatus> {
        status::of(&*self.db.reader()?, customer_id, self.today(), self.clock())
    }
}
