//! Complaints opened in the period by category (Albrecht's seven sins of
//! service, then product, price, delivery and other), how long they took
//! to resolve, and how many of those customers came back: bought again on
//! a later day than the complaint was opened.

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::clock::Clock;
use super::period::Span;
use super::table::{say, Cell, ReportTable};
use super::{median, share};
use crate::error::Result;
use crate::history::model::{ComplaintCategory, ComplaintStatus};
use crate::store::rows::enum_from;
use crate::store::settings::Language;

/// Every category in the order the screen shows them.
pub const CATEGORIES: [ComplaintCategory; 11] = [
    ComplaintCategory::Apathy,
    ComplaintCategory::BrushOff,
    ComplaintCategory::Coldness,
    ComplaintCategory::Condescension,
    ComplaintCategory::Robotism,
    ComplaintCategory::RuleBook,
    ComplaintCategory::Runaround,
    ComplaintCategory::Product,
    ComplaintCategory::Price,
    ComplaintCategory::Delivery,
    ComplaintCategory::Other,
];

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintRow {
    /// `None` for the whole period.
    pub category: Option<ComplaintCategory>,
    pub opened: u32,
    pub resolved: u32,
    /// Median days from opened to resolved, over the resolved ones.
    pub median_days_to_resolve: Option<u32>,
    /// Complaints whose customer bought again on a later day.
    pub came_back: u32,
    pub came_back_rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct ComplaintsReport {
    pub categories: Vec<ComplaintRow>,
    pub total: ComplaintRow,
}

#[derive(Default)]
struct Acc {
    opened: u32,
    resolved: u32,
    days: Vec<u32>,
    came_back: u32,
}

impl Acc {
    fn row(mut self, category: Option<ComplaintCategory>) -> ComplaintRow {
        ComplaintRow {
            category,
            opened: self.opened,
            resolved: self.resolved,
            median_days_to_resolve: median(&mut self.days),
            came_back: self.came_back,
            came_back_rate: share(self.came_back.into(), self.opened.into()),
        }
    }
}

pub(crate) fn complaints(
    conn: &Connection,
    span: &Span,
    clock: &Clock,
) -> Result<ComplaintsReport> {
    let mut stmt = conn.prepare_cached(
        "SELECT customer_id, category, status, opened_on, resolved_on FROM complaints
         WHERE opened_on >= ?1 AND opened_on <= ?2",
    )?;
    type Found = (i64, String, String, NaiveDate, Option<NaiveDate>);
    let found: Vec<Found> = stmt
        .query_map((span.from, span.to), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut back = conn.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM history WHERE customer_id = ?1 AND kind = 'sale'
             AND happened_at >= ?2 AND happened_at < ?3)",
    )?;
    let tomorrow = clock.end_text(span.today);
    let mut per: Vec<Acc> = CATEGORIES.iter().map(|_| Acc::default()).collect();
    let mut total = Acc::default();
    for (customer, category, status, opened, resolved_on) in found {
        let category: ComplaintCategory = enum_from(&category)?;
        let status: ComplaintStatus = enum_from(&status)?;
        let after = clock.start_text(opened.checked_add_days(Days::new(1)).unwrap_or(opened));
        let came_back: bool = back.query_row((customer, &after, &tomorrow), |r| r.get(0))?;
        let i = CATEGORIES.iter().position(|c| *c == category).unwrap_or(10);
        for acc in [&mut per[i], &mut total] {
            acc.opened += 1;
            if status == ComplaintStatus::Resolved {
                acc.resolved += 1;
                if let Some(done) = resolved_on {
                    acc.days.push((done - opened).num_days().max(0) as u32);
                }
            }
            acc.came_back += u32::from(came_back);
        }
    }
    Ok(ComplaintsReport {
        categories: CATEGORIES
            .iter()
            .zip(per)
            .map(|(c, acc)| acc.row(Some(*c)))
            .collect(),
        total: total.row(None),
    })
}

/// The category's name on the screen and in Excel.
pub(crate) fn category_name(c: ComplaintCategory, lang: Language) -> String {
    let key = match c {
        ComplaintCategory::Apathy => "complaints.apathy",
        ComplaintCategory::BrushOff => "complaints.brush_off",
        ComplaintCategory::Coldness => "complaints.coldness",
        ComplaintCategory::Condescension => "complaints.condescension",
        ComplaintCategory::Robotism => "complaints.robotic_service",
        ComplaintCategory::RuleBook => "complaints.hiding_behind_rules",
        ComplaintCategory::Runaround => "complaints.runaround",
        ComplaintCategory::Product => "complaints.product",
        ComplaintCategory::Price => "complaints.price",
        ComplaintCategory::Delivery => "complaints.delivery",
        ComplaintCategory::Other => "complaints.other",
    };
    say(lang, key)
}

impl ComplaintsReport {
    pub fn tables(&self, lang: Language) -> Vec<ReportTable> {
        let mut t = ReportTable::new(
            say(lang, "complaints.complaints_by_category"),
            &[
                "complaints.category",
                "complaints.opened",
                "complaints.resolved",
                "complaints.days_to_resolve_median",
                "complaints.came_back",
                "complaints.came_back_share",
            ],
            lang,
        );
        for r in self.categories.iter().chain(std::iter::once(&self.total)) {
            let name = r
                .category
                .map_or_else(|| say(lang, "complaints.all"), |c| category_name(c, lang));
            t.rows.push(vec![
                Cell::Text(name),
                Cell::Count(r.opened.into()),
                Cell::Count(r.resolved.into()),
                Cell::Days(r.median_days_to_resolve),
                Cell::Count(r.came_back.into()),
                Cell::Share(r.came_back_rate),
            ]);
        }
        vec![t]
    }
}
