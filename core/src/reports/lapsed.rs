//! Who stopped coming, by her own rhythm: her usual gap is the median of
//! the gaps between her last visits (up to ten gaps); she has stopped
//! coming once more than `FACTOR` times that gap (at least `MIN_DAYS`) has
//! passed since her last visit. A customer with one visit has no rhythm
//! of her own: the shop's usual gap (the median of everyone's) stands in.
//!
//! The report lists those whose day to be back passed during the period —
//! the ones still worth a letter — with the most valuable first; those
//! gone before the period are only counted.

use chrono::Datelike;
use serde::Serialize;
use ts_rs::TS;

use super::clock::date_of;
use super::median;
use super::period::{month_days, month_index, Span};
use super::table::{say, Cell, ReportTable};
use super::visits::{names, CustomerVisits, Visits};
use crate::error::Result;
use crate::store::settings::Language;

pub const FACTOR: u32 = 2;
pub const MIN_DAYS: u32 = 14;
/// Gaps that make her rhythm: her most recent ones.
pub const RECENT_GAPS: usize = 10;
/// The shop's usual gap when no customer has come twice.
pub const DEFAULT_GAP: u32 = 90;
/// How many of them the report lists (all are counted).
pub const LIST_LIMIT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LapsedCustomer {
    pub customer_id: i64,
    pub name: String,
    pub last_visit: chrono::NaiveDate,
    /// Her usual gap in days (the shop's when `own_rhythm` is false).
    pub usual_days: u32,
    pub own_rhythm: bool,
    /// Days from her last visit to the period's end.
    pub days_since: u32,
    pub visits: u32,
    /// Everything she has spent.
    pub spent: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LapsedMonth {
    pub month: String,
    /// Customers whose day to be back passed this month.
    pub customers: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct LapsedReport {
    pub factor: u32,
    pub min_days: u32,
    /// The median of customers' usual gaps (for one-visit customers).
    pub shop_usual_days: u32,
    /// Stopped coming during the period.
    pub stopped: u32,
    /// Had already stopped before the period began.
    pub earlier: u32,
    pub months: Vec<LapsedMonth>,
    /// The first `LIST_LIMIT` who stopped during the period, biggest
    /// spenders first.
    pub customers: Vec<LapsedCustomer>,
}

/// Her usual gap from her most recent gaps, if she has any.
fn own_gap(days: &[i32]) -> Option<u32> {
    let start = days.len().saturating_sub(RECENT_GAPS + 1);
    // On the stack: this runs for every customer.
    let mut gaps = [0u32; RECENT_GAPS];
    let mut n = 0;
    for w in days[start..].windows(2) {
        gaps[n] = (w[1] - w[0]) as u32;
        n += 1;
    }
    median(&mut gaps[..n])
}

/// The day after which she counts as gone.
pub(crate) fn threshold(usual: u32) -> u32 {
    (usual * FACTOR).max(MIN_DAYS)
}

pub(crate) fn lapsed(
    visits: &Visits,
    span: &Span,
    conn: &rusqlite::Connection,
) -> Result<LapsedReport> {
    let from = span.from.num_days_from_ce();
    let to = span.to.num_days_from_ce();
    let months = span.months();
    let ranges = month_days(&months);
    // Only what had happened by the period's end counts.
    let until = |c: &CustomerVisits<'_>| c.days.partition_point(|&d| d <= to);
    // Each customer's own gap, worked out once.
    let gaps: Vec<Option<u32>> = visits
        .iter()
        .map(|c| own_gap(&c.days[..until(&c)]))
        .collect();
    let mut usual: Vec<u32> = gaps.iter().flatten().copied().collect();
    let shop_usual = median(&mut usual).unwrap_or(DEFAULT_GAP);
    let mut per_month = vec![0u32; months.len()];
    let (mut stopped, mut earlier) = (0, 0);
    let mut found: Vec<LapsedCustomer> = vec![];
    for (c, own_gap) in visits.iter().zip(gaps) {
        let n = until(&c);
        if n == 0 {
            continue;
        }
        let days = &c.days[..n];
        let last = days[n - 1];
        let (gap, own) = own_gap.map_or((shop_usual, false), |g| (g, true));
        // She is gone from the day after `last + threshold`.
        let gone = last + threshold(gap) as i32 + 1;
        if gone > to {
            continue;
        }
        if gone < from {
            earlier += 1;
            continue;
        }
        stopped += 1;
        if let Some(m) = month_index(&ranges, gone) {
            per_month[m] += 1;
        }
        found.push(LapsedCustomer {
            customer_id: c.id,
            name: String::new(),
            last_visit: date_of(last),
            usual_days: gap,
            own_rhythm: own,
            days_since: (to - last) as u32,
            visits: n as u32,
            spent: c.spent[..n].iter().sum(),
        });
    }
    found.sort_by(|a, b| {
        b.spent
            .cmp(&a.spent)
            .then(a.customer_id.cmp(&b.customer_id))
    });
    found.truncate(LIST_LIMIT);
    let ids: Vec<i64> = found.iter().map(|c| c.customer_id).collect();
    for (c, name) in found.iter_mut().zip(names(conn, &ids)?) {
        c.name = name;
    }
    Ok(LapsedReport {
        factor: FACTOR,
        min_days: MIN_DAYS,
        shop_usual_days: shop_usual,
        stopped,
        earlier,
        months: months
            .iter()
            .zip(per_month)
            .map(|(m, customers)| LapsedMonth {
                month: m.label.clone(),
                customers,
            })
            .collect(),
        customers: found,
    })
}

impl LapsedReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut by_month = ReportTable::new(
            say(lang, "lapsed.stopped_coming_by_month"),
            &["lapsed.month", "lapsed.customers"],
            lang,
        );
        for m in &self.months {
            by_month.rows.push(vec![
                Cell::Text(m.month.clone()),
                Cell::Count(m.customers.into()),
            ]);
        }
        let mut list = ReportTable::new(
            say(lang, "lapsed.customers_who_stopped_coming"),
            &[
                "lapsed.name",
                "lapsed.last_visit",
                "lapsed.usual_gap_days",
                "lapsed.gap_from",
                "lapsed.days_since",
                "lapsed.visits",
                "lapsed.spent_in_all",
            ],
            lang,
        );
        for c in &self.customers {
            let basis = if c.own_rhythm {
                say(lang, "lapsed.their_own")
            } else {
                say(lang, "lapsed.the_shop_s")
            };
            list.rows.push(vec![
                Cell::Text(c.name.clone()),
                Cell::Date(c.last_visit),
                Cell::Days(Some(c.usual_days)),
                Cell::Text(basis),
                Cell::Days(Some(c.days_since)),
                Cell::Count(c.visits.into()),
                Cell::Money(c.spent),
            ]);
        }
        vec![by_month, list]
    }
}
