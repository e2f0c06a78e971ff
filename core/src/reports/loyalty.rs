//! Tiers (how many customers are in each now, and who moved up or down in
//! the period) and rewards (points earned, spent and lapsed; coupons given
//! and used, month by month and by where they came from).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::clock::Clock;
use super::period::{month_days, month_index, Span};
use super::share;
use super::table::{say, Cell, ReportTable};
use crate::error::Result;
use crate::loyalty::coupons::CouponOrigin;
use crate::loyalty::rules::LoyaltyRules;
use crate::store::rows::enum_str;
use crate::store::settings::Language;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TierCount {
    /// `None`: no tier.
    pub tier_id: Option<String>,
    pub name: String,
    pub color: String,
    pub customers: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TierMonth {
    pub month: String,
    pub up: u32,
    pub down: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TierMove {
    /// "단골 → VIP", with the names the tiers had then.
    pub change: String,
    pub up: bool,
    pub customers: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TiersReport {
    /// Today's tiers, lowest first, then those with none.
    pub tiers: Vec<TierCount>,
    pub months: Vec<TierMonth>,
    /// Moves in the period, most frequent first.
    pub moves: Vec<TierMove>,
}

pub(crate) fn tiers(
    conn: &Connection,
    span: &Span,
    clock: &Clock,
    rules: &LoyaltyRules,
) -> Result<TiersReport> {
    // Those with a tier from its index (migration 0024), the others as
    // what is left of the count: no pass over every customer's row.
    let mut counts: Vec<(Option<String>, u32)> = conn
        .prepare_cached(
            "SELECT tier, COUNT(*) FROM customers WHERE tier IS NOT NULL GROUP BY tier",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let all: u32 = conn
        .prepare_cached("SELECT COUNT(*) FROM customers")?
        .query_row([], |r| r.get(0))?;
    let none = all - counts.iter().map(|c| c.1).sum::<u32>();
    if none > 0 {
        counts.push((None, none));
    }
    let mut out: Vec<TierCount> = vec![];
    for t in &rules.tiers {
        let n = counts
            .iter()
            .position(|c| c.0.as_deref() == Some(&t.id))
            .map_or(0, |i| counts.remove(i).1);
        out.push(TierCount {
            tier_id: Some(t.id.clone()),
            name: t.name.clone(),
            color: t.color.clone(),
            customers: n,
        });
    }
    // Tiers the rules no longer have, then no tier at all.
    counts.sort_by_key(|c| c.0.is_none());
    for (id, n) in counts {
        out.push(TierCount {
            name: id.clone().unwrap_or_default(),
            tier_id: id,
            color: String::new(),
            customers: n,
        });
    }
    let months = span.months();
    let ranges = month_days(&months);
    let mut per_month = vec![(0u32, 0u32); months.len()];
    let mut moves: Vec<TierMove> = vec![];
    let mut stmt = conn.prepare_cached(
        "SELECT happened_at, detail, summary FROM history
         WHERE kind = 'loyalty' AND happened_at >= ?1 AND happened_at < ?2
           AND detail IN ('tier_up', 'tier_down')",
    )?;
    let mut rows = stmt.query((clock.start_text(span.from), clock.end_text(span.to)))?;
    while let Some(r) = rows.next()? {
        let Some(day) = clock.day_of_text(r.get_ref(0)?.as_bytes().unwrap_or(b"")) else {
            continue;
        };
        let up = r.get_ref(1)?.as_str().unwrap_or("") == "tier_up";
        let change: String = r.get(2)?;
        if let Some(m) = month_index(&ranges, day) {
            if up {
                per_month[m].0 += 1;
            } else {
                per_month[m].1 += 1;
            }
        }
        match moves.iter_mut().find(|m| m.change == change) {
            Some(m) => m.customers += 1,
            None => moves.push(TierMove {
                change,
                up,
                customers: 1,
            }),
        }
    }
    moves.sort_by(|a, b| b.customers.cmp(&a.customers).then(a.change.cmp(&b.change)));
    Ok(TiersReport {
        tiers: out,
        months: months
            .iter()
            .zip(per_month)
            .map(|(m, (up, down))| TierMonth {
                month: m.label.clone(),
                up,
                down,
            })
            .collect(),
        moves,
    })
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RewardMonth {
    pub month: String,
    pub points_earned: i64,
    pub points_redeemed: i64,
    pub points_expired: i64,
    pub coupons_issued: u32,
    pub coupons_used: u32,
    /// Unused coupons whose last valid day fell this month (and is past).
    pub coupons_expired: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct CouponOriginRow {
    pub origin: CouponOrigin,
    /// Issued in the period…
    pub issued: u32,
    /// …and of those, used by today.
    pub used: u32,
    pub used_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RewardsReport {
    pub months: Vec<RewardMonth>,
    pub total: RewardMonth,
    pub origins: Vec<CouponOriginRow>,
}

pub(crate) fn rewards(conn: &Connection, span: &Span, clock: &Clock) -> Result<RewardsReport> {
    // Points summed per UTC quarter hour (migration 0022) where every
    // local midnight is on a quarter hour; the ledger itself otherwise.
    let sums = "SELECT COALESCE(SUM(CASE WHEN reason = 'earn' THEN delta END), 0),
                COALESCE(SUM(CASE WHEN reason = 'redeem' THEN -delta END), 0),
                COALESCE(SUM(CASE WHEN reason = 'expire' THEN -delta END), 0)";
    let quarters = clock.quarter_aligned();
    let mut points = if quarters {
        conn.prepare_cached(&format!(
            "{sums} FROM points_quarters WHERE quarter >= ?1 AND quarter < ?2"
        ))?
    } else {
        conn.prepare_cached(&format!(
            "{sums} FROM points_ledger WHERE created_at >= ?1 AND created_at < ?2"
        ))?
    };
    let mut issued = conn
        .prepare_cached("SELECT COUNT(*) FROM coupons WHERE issued_on >= ?1 AND issued_on <= ?2")?;
    let mut used =
        conn.prepare_cached("SELECT COUNT(*) FROM coupons WHERE used_at >= ?1 AND used_at < ?2")?;
    let mut expired = conn.prepare_cached(
        "SELECT COUNT(*) FROM coupons
         WHERE expires_on >= ?1 AND expires_on <= ?2 AND expires_on < ?3 AND used_at IS NULL",
    )?;
    let mut month = |label: String, from: NaiveDate, to: NaiveDate| -> Result<RewardMonth> {
        let mut m = RewardMonth {
            month: label,
            ..Default::default()
        };
        let (a, b) = (clock.start_text(from), clock.end_text(to));
        let three = |r: &rusqlite::Row<'_>| Ok((r.get(0)?, r.get(1)?, r.get(2)?));
        (m.points_earned, m.points_redeemed, m.points_expired) = if quarters {
            let after = to.succ_opt().unwrap_or(to);
            let (qa, qb) = (clock.start_quarter(from), clock.start_quarter(after));
            points.query_row((qa, qb), three)?
        } else {
            points.query_row((&a, &b), three)?
        };
        m.coupons_issued = issued.query_row((from, to), |r| r.get(0))?;
        m.coupons_used = used.query_row((&a, &b), |r| r.get(0))?;
        m.coupons_expired = expired.query_row((from, to, span.today), |r| r.get(0))?;
        Ok(m)
    };
    let months = span
        .months()
        .into_iter()
        .map(|m| month(m.label, m.from, m.to))
        .collect::<Result<Vec<_>>>()?;
    // The period is its months: add them up rather than read it all again
    // (coupons issued and used are events, so their counts add up too).
    let total = months.iter().fold(RewardMonth::default(), |mut t, m| {
        t.points_earned += m.points_earned;
        t.points_redeemed += m.points_redeemed;
        t.points_expired += m.points_expired;
        t.coupons_issued += m.coupons_issued;
        t.coupons_used += m.coupons_used;
        t.coupons_expired += m.coupons_expired;
        t
    });
    let mut by_origin = conn.prepare_cached(
        "SELECT origin, COUNT(*), COUNT(used_at) FROM coupons
         WHERE issued_on >= ?1 AND issued_on <= ?2 GROUP BY origin",
    )?;
    let found: Vec<(String, u32, u32)> = by_origin
        .query_map((span.from, span.to), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let origins = [
        CouponOrigin::Birthday,
        CouponOrigin::Stamp,
        CouponOrigin::Tier,
        CouponOrigin::Complaint,
        CouponOrigin::Manual,
    ]
    .into_iter()
    .map(|origin| {
        let key = enum_str(&origin);
        let (issued, used) = found
            .iter()
            .find(|f| f.0 == key)
            .map_or((0, 0), |f| (f.1, f.2));
        CouponOriginRow {
            origin,
            issued,
            used,
            used_rate: share(used.into(), issued.into()),
        }
    })
    .collect();
    Ok(RewardsReport {
        months,
        total,
        origins,
    })
}

pub(crate) fn origin_name(o: CouponOrigin, lang: Language) -> String {
    let key = match o {
        CouponOrigin::Manual => "loyalty.given_by_hand",
        CouponOrigin::Tier => "loyalty.tier_perk",
        CouponOrigin::Stamp => "loyalty.stamp_card",
        CouponOrigin::Birthday => "loyalty.birthday",
        CouponOrigin::Complaint => "loyalty.for_a_complaint",
    };
    say(lang, key)
}

impl TiersReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut now = ReportTable::new(
            say(lang, "loyalty.customers_by_tier_today"),
            &["loyalty.tier", "loyalty.customers"],
            lang,
        );
        for t in &self.tiers {
            let name = if t.tier_id.is_none() {
                say(lang, "loyalty.no_tier")
            } else {
                t.name.clone()
            };
            now.rows
                .push(vec![Cell::Text(name), Cell::Count(t.customers.into())]);
        }
        let mut months = ReportTable::new(
            say(lang, "loyalty.tier_moves_by_month"),
            &["loyalty.month", "loyalty.up", "loyalty.down"],
            lang,
        );
        for m in &self.months {
            months.rows.push(vec![
                Cell::Text(m.month.clone()),
                Cell::Count(m.up.into()),
                Cell::Count(m.down.into()),
            ]);
        }
        let mut moves = ReportTable::new(
            say(lang, "loyalty.tier_moves"),
            &["loyalty.move", "loyalty.customers"],
            lang,
        );
        for m in &self.moves {
            moves.rows.push(vec![
                Cell::Text(m.change.clone()),
                Cell::Count(m.customers.into()),
            ]);
        }
        vec![now, months, moves]
    }
}

impl RewardsReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut months = ReportTable::new(
            say(lang, "loyalty.points_and_coupons_by_month"),
            &[
                "loyalty.month",
                "loyalty.points_earned",
                "loyalty.points_used",
                "loyalty.points_lapsed",
                "loyalty.coupons_issued",
                "loyalty.coupons_used",
                "loyalty.coupons_expired",
            ],
            lang,
        );
        let whole = RewardMonth {
            month: say(lang, "loyalty.whole_period"),
            ..self.total.clone()
        };
        for m in self.months.iter().chain(std::iter::once(&whole)) {
            months.rows.push(vec![
                Cell::Text(m.month.clone()),
                Cell::Count(m.points_earned),
                Cell::Count(m.points_redeemed),
                Cell::Count(m.points_expired),
                Cell::Count(m.coupons_issued.into()),
                Cell::Count(m.coupons_used.into()),
                Cell::Count(m.coupons_expired.into()),
            ]);
        }
        let mut origins = ReportTable::new(
            say(lang, "loyalty.coupons_by_origin"),
            &[
                "loyalty.origin",
                "loyalty.issued_in_the_period",
                "loyalty.of_them_used",
                "loyalty.used_share",
            ],
            lang,
        );
        for o in &self.origins {
            origins.rows.push(vec![
                Cell::Text(origin_name(o.origin, lang)),
                Cell::Count(o.issued.into()),
                Cell::Count(o.used.into()),
                Cell::Share(o.used_rate),
            ]);
        }
        vec![months, origins]
    }
}
