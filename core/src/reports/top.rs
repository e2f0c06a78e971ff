//! The best customers of the period and what share of its revenue they
//! bring: the top 20 by name, and how much the top tenth and fifth of all
//! buyers bring together.

use chrono::Datelike;
use serde::Serialize;
use ts_rs::TS;

use super::period::Span;
use super::share;
use super::table::{say, Cell, ReportTable};
use super::visits::{names, Visits};
use crate::error::Result;
use crate::store::settings::Language;

pub const TOP: usize = 20;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TopCustomer {
    pub customer_id: i64,
    pub name: String,
    pub visits: u32,
    pub revenue: i64,
    pub share: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct TopReport {
    pub buyers: u32,
    pub revenue: i64,
    pub customers: Vec<TopCustomer>,
    /// Share of revenue from the top 10 % of buyers (at least one buyer).
    pub top_tenth_share: Option<f64>,
    pub top_fifth_share: Option<f64>,
}

pub(crate) fn top(visits: &Visits, span: &Span, conn: &rusqlite::Connection) -> Result<TopReport> {
    let from = span.from.num_days_from_ce();
    let to = span.to.num_days_from_ce();
    let mut rows: Vec<(i64, u32, i64)> = vec![];
    for c in visits.iter() {
        let a = c.first_from(from);
        let b = c.first_from(to + 1);
        if a < b {
            rows.push((c.id, (b - a) as u32, c.spent[a..b].iter().sum()));
        }
    }
    rows.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)));
    let total: i64 = rows.iter().map(|r| r.2).sum();
    let whole = total.max(0) as u64;
    let top_share = |fraction: usize| {
        let n = rows.len().div_ceil(fraction);
        let part: i64 = rows.iter().take(n).map(|r| r.2).sum();
        share(part.max(0) as u64, whole)
    };
    let listed = &rows[..rows.len().min(TOP)];
    let ids: Vec<i64> = listed.iter().map(|r| r.0).collect();
    let customers = listed
        .iter()
        .zip(names(conn, &ids)?)
        .map(|(&(id, visits, revenue), name)| TopCustomer {
            customer_id: id,
            name,
            visits,
            revenue,
            share: share(revenue.max(0) as u64, whole),
        })
        .collect();
    Ok(TopReport {
        buyers: rows.len() as u32,
        revenue: total,
        customers,
        top_tenth_share: top_share(10),
        top_fifth_share: top_share(5),
    })
}

impl TopReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            say(lang, "top.top_customers"),
            &[
                "top.rank",
                "top.name",
                "top.visits",
                "top.revenue",
                "top.share_of_revenue",
            ],
            lang,
        );
        for (i, c) in self.customers.iter().enumerate() {
            t.rows.push(vec![
                Cell::Count(i as i64 + 1),
                Cell::Text(c.name.clone()),
                Cell::Count(c.visits.into()),
                Cell::Money(c.revenue),
                Cell::Share(c.share),
            ]);
        }
        let mut s = ReportTable::new(
            say(lang, "top.revenue_concentration"),
            &["top.customers", "top.share_of_revenue"],
            lang,
        );
        s.rows.push(vec![
            Cell::Text(say(lang, "top.top_10")),
            Cell::Share(self.top_tenth_share),
        ]);
        s.rows.push(vec![
            Cell::Text(say(lang, "top.top_20")),
            Cell::Share(self.top_fifth_share),
        ]);
        s.rows.push(vec![
            Cell::Text(say(lang, "top.all_buyers")),
            Cell::Count(self.buyers.into()),
        ]);
        vec![t, s]
    }
}
