//! `Shop`'s loyalty side: rules, visits with every rule applied, coupons,
//! tiers for everyone, points that lapse.

use chrono::{Duration, Utc};

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::loyalty::coupons::{self, Coupon, CouponOrigin};
use crate::loyalty::rules::{LoyaltyRules, Reward};
use crate::loyalty::tiers::{self, TierChange};
use crate::loyalty::visit::{self, VisitInput, VisitOutcome};
use crate::loyalty::{self, ledger};
use crate::shop::history::today;
use crate::Shop;

impl Shop {
    pub fn loyalty_rules(&self) -> Result<LoyaltyRules> {
        loyalty::load_rules(&*self.db().reader()?)
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
        self.db().with_tx(|tx| {
            loyalty::save_rules(tx, rules)?;
            tiers::recompute(tx, rules, None, today(), Utc::now())
        })
    }

    pub fn record_visit(&self, customer_id: i64, input: &VisitInput) -> Result<VisitOutcome> {
        let rules = self.loyalty_rules()?;
        let settings = self.settings()?;
        self.db().with_tx(|tx| {
            let now = Utc::now();
            let out = visit::record_visit(
                tx,
                customer_id,
                input,
                &rules,
                settings.country,
                today(),
                now,
            )?;
            // A visit is a sale: the post-sale call is scheduled as for any.
            let days = settings.followup_days_after_sale;
            crate::history::cases::schedule_after_sale(
                tx,
                customer_id,
                out.entry_id,
                days,
                today(),
                now,
            )?;
            Ok(out)
        })
    }

    pub fn points_balance(&self, customer_id: i64) -> Result<i64> {
        ledger::points(&*self.db().reader()?, customer_id)
    }

    pub fn stamps_balance(&self, customer_id: i64) -> Result<i64> {
        ledger::stamps(&*self.db().reader()?, customer_id)
    }

    pub fn usable_coupons(&self, customer_id: i64) -> Result<Vec<Coupon>> {
        coupons::usable(&*self.db().reader()?, customer_id, today())
    }

    pub fn issue_coupon(
        &self,
        customer_id: i64,
        reward: &Reward,
        origin: CouponOrigin,
    ) -> Result<Coupon> {
        self.db().with_tx(|tx| {
            crate::history::entries::ensure_customer(tx, customer_id)?;
            coupons::issue(tx, customer_id, reward, origin, today(), Utc::now())
        })
    }

    /// Issues the same coupon to every customer of a tier; returns how many.
    pub fn issue_coupon_to_tier(&self, tier_id: &str, reward: &Reward) -> Result<u32> {
        self.db().with_tx(|tx| {
            let ids: Vec<i64> = tx
                .prepare("SELECT id FROM customers WHERE tier = ?1")?
                .query_map([tier_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in &ids {
                coupons::issue(tx, *id, reward, CouponOrigin::Tier, today(), Utc::now())?;
            }
            Ok(ids.len() as u32)
        })
    }

    /// Tiers for everyone (the window moved on, or rules changed).
    pub fn recompute_tiers(&self) -> Result<Vec<TierChange>> {
        let rules = self.loyalty_rules()?;
        self.db()
            .with_tx(|tx| tiers::recompute(tx, &rules, None, today(), Utc::now()))
    }

    /// Issues the birthday coupons due today; returns how many.
    pub fn issue_birthday_coupons(&self) -> Result<usize> {
        let rules = self.loyalty_rules()?;
        self.db()
            .with_tx(|tx| crate::loyalty::birthday::issue_due(tx, &rules, today(), Utc::now()))
            .map(|v| v.len())
    }

    /// Lapses points whose day has come; returns how many customers lost some.
    pub fn expire_points(&self) -> Result<usize> {
        self.db()
            .with_tx(|tx| ledger::expire_points(tx, today(), Utc::now()))
            .map(|v| v.len())
    }

    /// Promotions and demotions of the last seven days, newest first.
    pub fn recent_tier_changes(&self) -> Result<Vec<tiers::RecentTierChange>> {
        tiers::changes_since(&*self.db().reader()?, Utc::now() - Duration::days(7))
    }

    /// Her tier's id, if she has one.
    pub fn get_customer_tier(&self, customer_id: i64) -> Option<String> {
        let conn = self.db().reader().ok()?;
        conn.query_row(
            "SELECT tier FROM customers WHERE id = ?1",
            [customer_id],
            |r| r.get(0),
        )
        .ok()?
    }

    /// What the customer screen shows: tier and how far to the next,
    /// points, stamps, usable coupons.
    pub fn loyalty_status(&self, customer_id: i64) -> Result<LoyaltyStatus> {
        let rules = self.loyalty_rules()?;
        let conn = self.db().reader()?;
        crate::history::entries::ensure_customer(&conn, customer_id)?;
        // Days with a purchase in the tier window (history::visits).
        let since = match rules.tier_window {
            crate::loyalty::rules::TierWindow::Lifetime => None,
            crate::loyalty::rules::TierWindow::Last12Months => {
                today().checked_sub_months(chrono::Months::new(12))
            }
        };
        let counted = crate::history::visits::of_customer(&conn, customer_id, since)?;
        let (visits, spend) = (counted.visits, counted.spend);
        let tier_id: Option<String> = conn.query_row(
            "SELECT tier FROM customers WHERE id = ?1",
            [customer_id],
            |r| r.get(0),
        )?;
        // A customer not yet placed (no visit since the rules) shows the
        // tier her visits give, the lowest for a new one.
        let tier = match tier_id.as_deref().and_then(|t| rules.tier(t)) {
            Some(t) => Some(t.clone()),
            None => rules.tier_for(visits, spend).cloned(),
        };
        let at = tier
            .as_ref()
            .and_then(|t| rules.tiers.iter().position(|x| x.id == t.id));
        let next = rules.tiers.get(at.map_or(0, |i| i + 1)).cloned();
        Ok(LoyaltyStatus {
            visits_to_next: next
                .as_ref()
                .and_then(|n| n.min_visits)
                .map(|v| v.saturating_sub(visits)),
            spend_to_next: next
                .as_ref()
                .and_then(|n| n.min_spend)
                .map(|s| (s - spend).max(0)),
            tier,
            next,
            visits_in_window: visits,
            spend_in_window: spend,
            points: ledger::points(&conn, customer_id)?,
            stamps: ledger::stamps(&conn, customer_id)?,
            stamp_goal: rules.stamps.goal,
            coupons: coupons::usable(&conn, customer_id, today())?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LoyaltyStatus {
    pub tier: Option<crate::loyalty::rules::Tier>,
    pub next: Option<crate::loyalty::rules::Tier>,
    pub visits_in_window: u32,
    pub spend_in_window: i64,
    /// Visits still needed for the next tier (if it asks for visits).
    pub visits_to_next: Option<u32>,
    /// Spend still needed for the next tier (if it asks for spend).
    pub spend_to_next: Option<i64>,
    pub points: i64,
    pub stamps: i64,
    pub stamp_goal: u32,
    pub coupons: Vec<Coupon>,
}
