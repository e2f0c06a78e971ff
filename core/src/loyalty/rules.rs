//! The shop's loyalty programme, set once in settings: points, a stamp
//! card, tiers with their benefits, and the birthday coupon. Stored as one
//! JSON value; sensible defaults for a café or a small shop.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::settings::{Country, Language};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PointsMode {
    Off,
    /// `percent_bp` basis points of what was paid (300 = 3 %).
    Percent,
    /// `per_visit` points for every visit.
    PerVisit,
}

/// Points on a sale bought partly on credit (외상), in `Percent` mode.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CreditPoints {
    /// On what was paid at the counter; the rest earns its points when the
    /// 외상 is paid (what most shops do, and the default).
    #[default]
    WhenPaid,
    /// On the whole purchase at once, paid or not.
    AtSale,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PointsRule {
    pub mode: PointsMode,
    pub percent_bp: u32,
    pub per_visit: i64,
    /// Months after which earned points lapse; none = never.
    pub expiry_months: Option<u32>,
    /// One point is worth one minor unit when paying with points.
    pub redeem: bool,
    /// Rules saved before this choice existed read as the default.
    #[serde(default)]
    pub on_credit: CreditPoints,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CouponKind {
    Percent,
    Amount,
    FreeItem,
}

/// What a coupon gives, as the rules describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Reward {
    pub kind: CouponKind,
    /// Percent 0–100, or minor units for an amount.
    pub value: i64,
    pub item: String,
    pub valid_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StampRule {
    pub enabled: bool,
    /// Spend per stamp (minor units); 0 = one stamp per visit.
    pub per_amount: i64,
    /// Stamps for a reward (10th coffee free: 10).
    pub goal: u32,
    pub reward: Reward,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TierWindow {
    Lifetime,
    Last12Months,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Tier {
    /// Stable id kept on customers; the name can change.
    pub id: String,
    pub name: String,
    /// `#RRGGBB`.
    pub color: String,
    /// Reached with at least this many visits (if set)…
    pub min_visits: Option<u32>,
    /// …and at least this much spend, minor units (if set).
    pub min_spend: Option<i64>,
    pub discount_percent: u32,
    /// 100 = ×1, 150 = ×1.5 points.
    pub points_multiplier_pct: u32,
    pub benefits: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LoyaltyRules {
    pub points: PointsRule,
    pub stamps: StampRule,
    /// Lowest first; a customer has the highest tier she qualifies for.
    pub tiers: Vec<Tier>,
    pub tier_window: TierWindow,
    /// A birthday coupon this many days before; none = off.
    pub birthday_days_before: Option<u32>,
    pub birthday_reward: Reward,
}

impl LoyaltyRules {
    /// The programme a new shop starts with, in the language and currency
    /// chosen at setup: an English shop's tiers are Standard, Regular, VIP
    /// and VVIP and its stamp card earns "one free drink"; a US shop's
    /// spend thresholds are in dollars ($300, $1,000). The owner renames
    /// them at will; they do not change when the app's language does.
    pub fn for_shop(language: Language, country: Country) -> LoyaltyRules {
        let mut rules = LoyaltyRules::default();
        if country == Country::US {
            // ₩300,000 → $300.00 (30,000 cents); ₩1,000,000 → $1,000.00.
            for t in &mut rules.tiers {
                t.min_spend = t.min_spend.map(|won| won / 10);
            }
        }
        rules.name_in(language);
        rules
    }

    /// The starting tiers' names and the stamp reward in `language`
    /// (VIP and VVIP are the same in both).
    fn name_in(&mut self, language: Language) {
        let words = &super::WORDS;
        for t in &mut self.tiers {
            let key = format!("tier.{}", t.id);
            if words.has(language, &key) {
                t.name = words.say(language, &key);
            }
        }
        self.stamps.reward.item = words.say(language, "stamps.reward_item");
    }
}

/// A Korean shop's programme (what `for_shop` starts from).
impl Default for LoyaltyRules {
    fn default() -> Self {
        let tier =
            |id: &str, name: &str, color: &str, v: Option<u32>, s: Option<i64>, d: u32, m: u32| {
                Tier {
                    id: id.into(),
                    name: name.into(),
                    color: color.into(),
                    min_visits: v,
                    min_spend: s,
                    discount_percent: d,
                    points_multiplier_pct: m,
                    benefits: String::new(),
                }
            };
        let mut rules = LoyaltyRules {
            points: PointsRule {
                mode: PointsMode::Percent,
                percent_bp: 300,
                per_visit: 100,
                expiry_months: Some(12),
                redeem: true,
                on_credit: CreditPoints::WhenPaid,
            },
            stamps: StampRule {
                enabled: true,
                per_amount: 0,
                goal: 10,
                reward: Reward {
                    kind: CouponKind::FreeItem,
                    value: 0,
                    item: String::new(),
                    valid_days: 90,
                },
            },
            tiers: vec![
                tier("regular", "", "#8A8F98", None, None, 0, 100),
                tier("dangol", "", "#0F766E", Some(5), None, 0, 100),
                tier("vip", "VIP", "#B45309", Some(10), Some(300_000), 5, 150),
                tier(
                    "vvip",
                    "VVIP",
                    "#7C3AED",
                    Some(20),
                    Some(1_000_000),
                    10,
                    200,
                ),
            ],
            tier_window: TierWindow::Last12Months,
            birthday_days_before: Some(7),
            birthday_reward: Reward {
                kind: CouponKind::Percent,
                value: 10,
                item: String::new(),
                valid_days: 30,
            },
        };
        rules.name_in(Language::Ko);
        rules
    }
}

impl LoyaltyRules {
    /// Refuses rules that make no sense (a 150 % discount, a card of zero
    /// stamps), naming the part that is wrong.
    pub fn check(&self) -> crate::error::Result<()> {
        use crate::error::{Error, FieldError, FieldErrorCode::InvalidChoice};
        let mut bad = vec![];
        if self.points.percent_bp > 10_000 || self.points.per_visit < 0 {
            bad.push(FieldError::new("points", InvalidChoice));
        }
        if self.stamps.enabled && (self.stamps.goal == 0 || self.stamps.per_amount < 0) {
            bad.push(FieldError::new("stamps", InvalidChoice));
        }
        for (i, t) in self.tiers.iter().enumerate() {
            let nonsense = t.discount_percent > 100
                || !(1..=1000).contains(&t.points_multiplier_pct)
                || t.min_spend.is_some_and(|s| s < 0);
            if nonsense {
                bad.push(FieldError::new(format!("tiers.{i}"), InvalidChoice));
            }
        }
        for (field, r) in [
            ("stamps.reward", &self.stamps.reward),
            ("birthday_reward", &self.birthday_reward),
        ] {
            let wrong = match r.kind {
                CouponKind::Percent => !(1..=100).contains(&r.value),
                CouponKind::Amount => r.value <= 0,
                CouponKind::FreeItem => r.item.trim().is_empty(),
            };
            if wrong || r.valid_days == 0 {
                bad.push(FieldError::new(field, InvalidChoice));
            }
        }
        if bad.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(bad))
        }
    }

    /// The highest tier `visits` and `spend` reach. More of either never
    /// gives a lower tier (property-tested).
    pub fn tier_for(&self, visits: u32, spend: i64) -> Option<&Tier> {
        self.tiers.iter().rev().find(|t| {
            t.min_visits.map_or(true, |v| visits >= v) && t.min_spend.map_or(true, |s| spend >= s)
        })
    }

    pub fn tier(&self, id: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.id == id)
    }

    /// Points a payment of `paid` earns on a visit at `tier`.
    pub fn points_for(&self, paid: i64, tier: Option<&Tier>) -> i64 {
        let base = match self.points.mode {
            PointsMode::Off => 0,
            PointsMode::Percent => paid * i64::from(self.points.percent_bp) / 10_000,
            PointsMode::PerVisit => self.points.per_visit,
        };
        base * i64::from(tier.map_or(100, |t| t.points_multiplier_pct)) / 100
    }

    /// Stamps a visit with `paid` earns.
    pub fn stamps_for(&self, paid: i64) -> i64 {
        match (self.stamps.enabled, self.stamps.per_amount) {
            (false, _) => 0,
            (true, 0) => 1,
            (true, per) => paid / per,
        }
    }
}
