//! New and returning customers, visits and revenue, month by month. New:
//! her first visit ever was that month. Returning: she had visited before
//! the month began. Revenue is every sale written down for a customer.

use chrono::Datelike;
use serde::Serialize;
use ts_rs::TS;

use super::period::{month_days, month_index, Span};
use super::table::{say, Cell, ReportTable};
use super::visits::Visits;
use crate::store::settings::Language;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ActivityRow {
    /// `YYYY-MM`, or empty for the whole period.
    pub month: String,
    pub new_customers: u32,
    pub returning_customers: u32,
    pub visits: u32,
    pub revenue: i64,
    pub revenue_new: i64,
    pub revenue_returning: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ActivityReport {
    pub months: Vec<ActivityRow>,
    /// The period as a whole: a customer counts once (new if her first
    /// visit ever is in the period).
    pub total: ActivityRow,
    /// The period before, of the same shape (`Span::previous`), as a whole.
    pub previous_span: Span,
    pub previous: ActivityRow,
    /// Change against the period before: 0.25 is 25 % more; none when
    /// the period before had nothing.
    pub revenue_change: Option<f64>,
    pub visits_change: Option<f64>,
    pub customers_change: Option<f64>,
}

fn change(now: i64, before: i64) -> Option<f64> {
    (before > 0).then(|| (now - before) as f64 / before as f64)
}

fn add(row: &mut ActivityRow, new: bool, first_here: bool, spent: i64) {
    row.visits += 1;
    row.revenue += spent;
    if new {
        row.revenue_new += spent;
        if first_here {
            row.new_customers += 1;
        }
    } else {
        row.revenue_returning += spent;
        if first_here {
            row.returning_customers += 1;
        }
    }
}

pub(crate) fn activity(visits: &Visits, span: &Span) -> ActivityReport {
    let (months, total) = count(visits, span);
    let previous_span = span.previous();
    let (_, previous) = count(visits, &previous_span);
    let customers = |r: &ActivityRow| i64::from(r.new_customers + r.returning_customers);
    ActivityReport {
        months,
        revenue_change: change(total.revenue, previous.revenue),
        visits_change: change(total.visits.into(), previous.visits.into()),
        customers_change: change(customers(&total), customers(&previous)),
        total,
        previous_span,
        previous,
    }
}

/// The span's months and its whole.
fn count(visits: &Visits, span: &Span) -> (Vec<ActivityRow>, ActivityRow) {
    let from = span.from.num_days_from_ce();
    let to = span.to.num_days_from_ce();
    let months = span.months();
    let ranges = month_days(&months);
    let mut rows: Vec<ActivityRow> = months
        .iter()
        .map(|m| ActivityRow {
            month: m.label.clone(),
            ..Default::default()
        })
        .collect();
    let mut total = ActivityRow::default();
    for c in visits.iter() {
        let start = c.first_from(from);
        let first_ever = c.days[0];
        let mut last_month = usize::MAX;
        for j in start..c.days.len() {
            let d = c.days[j];
            if d > to {
                break;
            }
            let spent = c.spent[j];
            add(&mut total, first_ever >= from, j == start, spent);
            if let Some(m) = month_index(&ranges, d) {
                let new = first_ever >= ranges[m].0;
                add(&mut rows[m], new, m != last_month, spent);
                last_month = m;
            }
        }
    }
    (rows, total)
}

impl ActivityReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            say(lang, "activity.new_and_returning_customers"),
            &[
                "activity.month",
                "activity.new_customers",
                "activity.returning_customers",
                "activity.visits",
                "activity.revenue",
                "activity.revenue_new",
                "activity.revenue_returning",
            ],
            lang,
        );
        let whole = ActivityRow {
            month: say(lang, "activity.whole_period"),
            ..self.total.clone()
        };
        let (a, b) = (self.previous_span.from, self.previous_span.to);
        let before = ActivityRow {
            month: say(lang, "activity.period_before") + &format!(" ({a} ~ {b})"),
            ..self.previous.clone()
        };
        for r in self.months.iter().chain([&whole, &before]) {
            t.rows.push(vec![
                Cell::Text(r.month.clone()),
                Cell::Count(r.new_customers.into()),
                Cell::Count(r.returning_customers.into()),
                Cell::Count(r.visits.into()),
                Cell::Money(r.revenue),
                Cell::Money(r.revenue_new),
                Cell::Money(r.revenue_returning),
            ]);
        }
        vec![t]
    }
}
