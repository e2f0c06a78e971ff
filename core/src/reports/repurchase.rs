//! Repurchase: of the customers who bought in the period, how many came
//! back — bought again on a later day within `return_days` of their first
//! visit in the period (that later visit may fall after the period) — how
//! soon, and the same month by month.

use chrono::Datelike;
use serde::Serialize;
use ts_rs::TS;

use super::period::{month_days, month_index, Span};
use super::table::{say, Cell, ReportTable};
use super::visits::Visits;
use super::{median, share};
use crate::store::settings::Language;

/// How soon those who came back did, in days: up to 7, 14, 30, 60, 90,
/// 180, and later (`None`).
pub const BUCKETS: [Option<u32>; 7] = [
    Some(7),
    Some(14),
    Some(30),
    Some(60),
    Some(90),
    Some(180),
    None,
];

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ReturnBucket {
    /// Up to this many days (after the previous bucket); `None`: later.
    pub max_days: Option<u32>,
    pub customers: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepurchaseMonth {
    pub month: String,
    pub buyers: u32,
    pub returned: u32,
    pub rate: Option<f64>,
    /// False while some of the month's buyers may still come back in time.
    pub settled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct RepurchaseReport {
    pub return_days: u32,
    /// Customers with a visit in the period.
    pub buyers: u32,
    /// Of them, those who came back within `return_days`.
    pub returned: u32,
    /// Not back yet, but their `return_days` have not all passed.
    pub waiting: u32,
    pub rate: Option<f64>,
    /// Median days to the next visit, over everyone who ever came back.
    pub median_days: Option<u32>,
    pub buckets: Vec<ReturnBucket>,
    pub months: Vec<RepurchaseMonth>,
}

pub(crate) fn repurchase(visits: &Visits, span: &Span, return_days: u32) -> RepurchaseReport {
    let from = span.from.num_days_from_ce();
    let to = span.to.num_days_from_ce();
    let today = span.today.num_days_from_ce();
    let window = return_days as i32;
    let months = span.months();
    let ranges = month_days(&months);
    let mut per_month = vec![(0u32, 0u32); months.len()];
    let (mut buyers, mut returned, mut waiting) = (0, 0, 0);
    let mut gaps = vec![];
    let mut buckets = vec![0u32; BUCKETS.len()];
    for c in visits.iter() {
        let i = c.first_from(from);
        let Some(&first) = c.days.get(i).filter(|&&d| d <= to) else {
            continue;
        };
        buyers += 1;
        match c.days.get(i + 1) {
            Some(&next) => {
                let gap = (next - first) as u32;
                gaps.push(gap);
                let b = BUCKETS.iter().position(|m| m.map_or(true, |m| gap <= m));
                buckets[b.unwrap_or(BUCKETS.len() - 1)] += 1;
                // A later visit is on or before today, so a gap beyond the
                // window means her window is over: she did not come back.
                if next - first <= window {
                    returned += 1;
                }
            }
            None if first + window > today => waiting += 1,
            None => {}
        }
        // Month by month: her first visit in each month, and the next one.
        let mut j = i;
        while let Some(&d) = c.days.get(j).filter(|&&d| d <= to) {
            let Some(m) = month_index(&ranges, d) else {
                break;
            };
            per_month[m].0 += 1;
            if c.days.get(j + 1).is_some_and(|&n| n - d <= window) {
                per_month[m].1 += 1;
            }
            let end = ranges[m].1;
            j += c.days[j..].partition_point(|&x| x <= end);
        }
    }
    RepurchaseReport {
        return_days,
        buyers,
        returned,
        waiting,
        rate: share(returned.into(), buyers.into()),
        median_days: median(&mut gaps),
        buckets: BUCKETS
            .iter()
            .zip(buckets)
            .map(|(&max_days, customers)| ReturnBucket {
                max_days,
                customers,
            })
            .collect(),
        months: months
            .iter()
            .zip(per_month)
            .map(|(m, (b, r))| RepurchaseMonth {
                month: m.label.clone(),
                buyers: b,
                returned: r,
                rate: share(r.into(), b.into()),
                settled: m.to.num_days_from_ce() + window <= today,
            })
            .collect(),
    }
}

impl RepurchaseReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut months = ReportTable::new(
            say(lang, "repurchase.repurchase_by_month"),
            &[
                "repurchase.month",
                "repurchase.buyers",
                "repurchase.came_back",
                "repurchase.repurchase_rate",
                "repurchase.final",
            ],
            lang,
        );
        let yes_no = |b: bool| {
            say(
                lang,
                if b {
                    "repurchase.yes"
                } else {
                    "repurchase.not_yet"
                },
            )
        };
        for m in &self.months {
            months.rows.push(vec![
                Cell::Text(m.month.clone()),
                Cell::Count(m.buyers.into()),
                Cell::Count(m.returned.into()),
                Cell::Share(m.rate),
                Cell::Text(yes_no(m.settled)),
            ]);
        }
        months.rows.push(vec![
            Cell::Text(say(lang, "repurchase.whole_period")),
            Cell::Count(self.buyers.into()),
            Cell::Count(self.returned.into()),
            Cell::Share(self.rate),
            Cell::Text(yes_no(self.waiting == 0)),
        ]);
        let mut soon = ReportTable::new(
            say(lang, "repurchase.days_to_come_back"),
            &["repurchase.within_days", "repurchase.customers"],
            lang,
        );
        let mut prev = 0;
        for b in &self.buckets {
            let label = match b.max_days {
                Some(m) => format!("{}–{m}", prev + 1),
                None => format!("{}+", prev + 1),
            };
            prev = b.max_days.unwrap_or(prev);
            soon.rows
                .push(vec![Cell::Text(label), Cell::Count(b.customers.into())]);
        }
        vec![months, soon]
    }
}
