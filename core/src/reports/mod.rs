//! Reports a shop owner reads at a glance: repurchase, new and returning
//! customers, who stopped coming, tiers and rewards, complaints and the
//! best customers, for a period she picks.
//!
//! Every figure is computed here from the database, so the screen, the
//! "numbers" tables and the .xlsx export show the same thing. Definitions
//! (also written on the screen and in docs/ARCHITECTURE.md):
//! - a **visit** is a day on which she bought something (two sales on one
//!   day are one visit); days are the shop's local days;
//! - a **new** customer's first visit ever falls in that month; a
//!   **returning** one had visited before it;
//! - she **came back** when she bought again on a later day within the
//!   chosen number of days after her first visit in the period;
//! - she **stopped coming** when more than twice her usual gap between
//!   visits has passed since her last one (see `lapsed`).
//!
//! A deleted customer is deleted with her history, so she is in no report,
//! for any period: reports describe the customers the shop still has.

pub mod activity;
pub mod clock;
pub mod complaints;
pub mod export;
pub mod lapsed;
pub mod loyalty;
pub mod packs;
pub mod period;
pub mod repurchase;
pub mod table;
pub mod top;
pub mod visits;

pub use clock::Clock;
pub use period::{Month, ReportPeriod, Span};
pub use table::{Cell, ReportTable};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The report screen's request: a period and how soon "came back" must be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReportQuery {
    pub period: ReportPeriod,
    /// Days after her first visit in the period within which a later visit
    /// counts as "came back" (30, 60 or 90 on the screen).
    pub return_days: u32,
}

/// One report, as the screen names it (for export).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ReportKind {
    Repurchase,
    Activity,
    Lapsed,
    Tiers,
    Rewards,
    Complaints,
    Top,
}

/// A share in 0..=1, or none when there is nothing to divide.
pub(crate) fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The median of whole days; for an even count, the mean of the two middle
/// values rounded half up (gaps of 10 and 31 days give 21).
pub(crate) fn median(values: &mut [u32]) -> Option<u32> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]).div_ceil(2)
    })
}

/// Every report of one period, and the numbers behind each chart.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct Reports {
    pub span: Span,
    pub months: Vec<Month>,
    pub repurchase: repurchase::RepurchaseReport,
    pub activity: activity::ActivityReport,
    pub lapsed: lapsed::LapsedReport,
    pub tiers: loyalty::TiersReport,
    pub rewards: loyalty::RewardsReport,
    pub complaints: complaints::ComplaintsReport,
    pub top: top::TopReport,
    pub tables: Vec<KindTables>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct KindTables {
    pub kind: ReportKind,
    pub tables: Vec<ReportTable>,
}

/// Everything the reports read, for one request: the shop's local days and
/// its settings.
pub struct Context<'a> {
    pub conn: &'a rusqlite::Connection,
    /// With the database, sales are read by two threads (`load_split`).
    pub db: Option<&'a crate::store::db::Db>,
    pub clock: &'a Clock,
    pub span: Span,
    pub return_days: u32,
    pub language: crate::store::settings::Language,
}

impl Context<'_> {
    pub fn visits(&self) -> crate::error::Result<visits::Visits> {
        use chrono::Datelike;
        let until = self.span.today.num_days_from_ce();
        match self.db {
            Some(db) => visits::Visits::load_split(self.conn, db, self.clock, until),
            None => visits::Visits::load(self.conn, self.clock, until),
        }
    }
}

type SqlReports = (
    loyalty::TiersReport,
    loyalty::RewardsReport,
    complaints::ComplaintsReport,
);

fn sql_reports(
    conn: &rusqlite::Connection,
    span: &Span,
    clock: &Clock,
) -> crate::error::Result<SqlReports> {
    let rules = crate::loyalty::load_rules(conn)?;
    Ok((
        loyalty::tiers(conn, span, clock, &rules)?,
        loyalty::rewards(conn, span, clock)?,
        complaints::complaints(conn, span, clock)?,
    ))
}

/// Builds every report of the query's period.
pub fn build(cx: &Context<'_>) -> crate::error::Result<Reports> {
    // The reports that SQL answers (rewards, tiers, complaints) run on a
    // connection of their own, from the start to the end, when there is
    // one: while the sales are read and while the reports on them are
    // worked out. Each of the four reports on the visits is a pass over
    // all of them: two on another thread (they need no connection), two
    // here (they look up names).
    let (span, clock) = (cx.span, cx.clock);
    let four = |v: &visits::Visits| {
        std::thread::scope(|s| {
            let (span, days) = (&cx.span, cx.return_days);
            let pure = s.spawn(move || {
                (
                    repurchase::repurchase(v, span, days),
                    activity::activity(v, span),
                )
            });
            let lapsed = lapsed::lapsed(v, span, cx.conn);
            let top = top::top(v, span, cx.conn);
            (pure.join().expect("reports thread panicked"), lapsed, top)
        })
    };
    let (on_visits, sql) = match cx.db {
        Some(db) => std::thread::scope(|s| {
            let side = s.spawn(move || sql_reports(&*db.reader()?, &span, clock));
            let on_visits = cx.visits().map(|v| four(&v));
            (on_visits, side.join().expect("reports thread panicked"))
        }),
        None => (
            cx.visits().map(|v| four(&v)),
            sql_reports(cx.conn, &span, clock),
        ),
    };
    let (((repurchase, activity), lapsed, top), (tiers, rewards, complaints)) = (on_visits?, sql?);
    let mut r = Reports {
        span: cx.span,
        months: cx.span.months(),
        repurchase,
        activity,
        lapsed: lapsed?,
        tiers,
        rewards,
        complaints,
        top: top?,
        tables: vec![],
    };
    let lang = cx.language;
    r.tables = vec![
        KindTables {
            kind: ReportKind::Repurchase,
            tables: r.repurchase.tables(lang),
        },
        KindTables {
            kind: ReportKind::Activity,
            tables: r.activity.tables(lang),
        },
        KindTables {
            kind: ReportKind::Lapsed,
            tables: r.lapsed.tables(lang),
        },
        KindTables {
            kind: ReportKind::Tiers,
            tables: r.tiers.tables(lang),
        },
        KindTables {
            kind: ReportKind::Rewards,
            tables: r.rewards.tables(lang),
        },
        KindTables {
            kind: ReportKind::Complaints,
            tables: r.complaints.tables(lang),
        },
        KindTables {
            kind: ReportKind::Top,
            tables: r.top.tables(lang),
        },
    ];
    Ok(r)
}

/// One report's tables (for export), computing only that report.
pub fn tables_of(cx: &Context<'_>, kind: ReportKind) -> crate::error::Result<Vec<ReportTable>> {
    let lang = cx.language;
    Ok(match kind {
        ReportKind::Repurchase => {
            repurchase::repurchase(&cx.visits()?, &cx.span, cx.return_days).tables(lang)
        }
        ReportKind::Activity => activity::activity(&cx.visits()?, &cx.span).tables(lang),
        ReportKind::Lapsed => lapsed::lapsed(&cx.visits()?, &cx.span, cx.conn)?.tables(lang),
        ReportKind::Tiers => {
            let rules = crate::loyalty::load_rules(cx.conn)?;
            loyalty::tiers(cx.conn, &cx.span, cx.clock, &rules)?.tables(lang)
        }
        ReportKind::Rewards => loyalty::rewards(cx.conn, &cx.span, cx.clock)?.tables(lang),
        ReportKind::Complaints => complaints::complaints(cx.conn, &cx.span, cx.clock)?.tables(lang),
        ReportKind::Top => top::top(&cx.visits()?, &cx.span, cx.conn)?.tables(lang),
    })
}
