//! Keeping data no longer than needed (개인정보 보호법 asks a shop to
//! destroy what it no longer needs). The owner chooses a period — off, or
//! 1, 2, 3 (suggested) or 5 years since a customer last dealt with the
//! shop — and 오늘 lists the customers past it for her to review: erase
//! each for good, or keep her (the decision is kept, and she is not listed
//! again for a year). Nothing is deleted here.
//!
//! "Last dealt with" is her newest purchase, tab payment, contact,
//! complaint or follow-up; for a customer with none of these, the day she
//! was added. The shop's own notes, letters and loyalty entries do not
//! count: they say nothing about whether she is still a customer.
//!
//! Every function takes the day or moment it runs at (the shop reads the
//! clock, tests pass the day they mean).

use chrono::{DateTime, Local, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;

/// How long a customer may go without dealing with the shop before she is
/// listed for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum RetentionPeriod {
    #[default]
    Off,
    OneYear,
    TwoYears,
    /// The one the settings suggest.
    ThreeYears,
    FiveYears,
}

impl RetentionPeriod {
    pub fn years(self) -> Option<u32> {
        match self {
            RetentionPeriod::Off => None,
            RetentionPeriod::OneYear => Some(1),
            RetentionPeriod::TwoYears => Some(2),
            RetentionPeriod::ThreeYears => Some(3),
            RetentionPeriod::FiveYears => Some(5),
        }
    }
}

/// A customer past the period, as 오늘 lists her.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RetentionDue {
    pub customer_id: i64,
    pub name: String,
    pub card_no: i64,
    /// The day she last dealt with the shop (or was added).
    pub last_seen: NaiveDate,
    /// What she still owes: erasing her forgets it too.
    pub balance_owed: i64,
}

/// The review 오늘 shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RetentionReview {
    pub period: RetentionPeriod,
    pub due: Vec<RetentionDue>,
    /// The owner chose to look again next month: the card waits until then.
    pub later_this_month: bool,
}

const PERIOD_KEY: &str = "retention_period";
const LATER_KEY: &str = "retention_review_later";

pub(crate) fn period(conn: &Connection) -> Result<RetentionPeriod> {
    Ok(crate::store::settings::get(conn, PERIOD_KEY)?.unwrap_or_default())
}

pub(crate) fn set_period(conn: &Connection, p: RetentionPeriod) -> Result<()> {
    crate::store::settings::put(conn, PERIOD_KEY, &p)
}

/// The first moment of local day `day`, as stored instants are compared.
fn start_of(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::MIN);
    Local
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc))
}

fn years_before(today: NaiveDate, years: u32) -> NaiveDate {
    today
        .checked_sub_months(Months::new(12 * years))
        .unwrap_or(NaiveDate::MIN)
}

/// Customers who last dealt with the shop more than `period` before
/// `today`, longest idle first; those the owner kept within the last year
/// are left out. None when the period is off.
pub fn due(
    conn: &Connection,
    period: RetentionPeriod,
    today: NaiveDate,
) -> Result<Vec<RetentionDue>> {
    let Some(years) = period.years() else {
        return Ok(vec![]);
    };
    let idle_before = start_of(years_before(today, years));
    let kept_before = start_of(years_before(today, 1));
    // The newest dealing is found walking her timeline index newest first.
    let mut stmt = conn.prepare_cached(
        "SELECT id, name, card_no, last,
                (SELECT COALESCE(SUM(owed_delta), 0) FROM history h WHERE h.customer_id = c.id)
         FROM (SELECT id, name, card_no, retention_kept_at,
                      COALESCE((SELECT happened_at FROM history h
                                WHERE h.customer_id = customers.id
                                  AND h.kind IN ('sale', 'payment', 'contact', 'complaint', 'followup')
                                ORDER BY h.happened_at DESC LIMIT 1),
                               created_at) AS last
               FROM customers) c
         WHERE last < ?1 AND (retention_kept_at IS NULL OR retention_kept_at < ?2)
         ORDER BY last, id",
    )?;
    let rows = stmt.query_map(params![idle_before, kept_before], |r| {
        let last: DateTime<Utc> = r.get(3)?;
        Ok(RetentionDue {
            customer_id: r.get(0)?,
            name: r.get(1)?,
            card_no: r.get(2)?,
            last_seen: last.with_timezone(&Local).date_naive(),
            balance_owed: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The owner keeps customer `id` although she is past the period: she is
/// not listed again for a year from `now`, and her history says so.
pub fn keep(conn: &Connection, id: i64, note: &str, now: DateTime<Utc>) -> Result<()> {
    crate::store::rows::ensure_customer(conn, id)?;
    conn.execute(
        "UPDATE customers SET retention_kept_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    let entry = crate::history::entries::NewEntry {
        kind: Some(crate::history::model::HistoryKind::Note),
        summary: note.to_string(),
        ..Default::default()
    };
    crate::history::entries::append(conn, id, &entry, now)?;
    Ok(())
}

/// "다음 달에 다시 보기": the card waits until the month after `today`.
pub(crate) fn later(conn: &Connection, today: NaiveDate) -> Result<()> {
    crate::store::settings::put(conn, LATER_KEY, &today.format("%Y-%m").to_string())
}

/// The review as of `today`.
pub fn review(conn: &Connection, today: NaiveDate) -> Result<RetentionReview> {
    let period = period(conn)?;
    let later: Option<String> = crate::store::settings::get(conn, LATER_KEY)?;
    Ok(RetentionReview {
        period,
        due: due(conn, period, today)?,
        later_this_month: later.is_some_and(|m| m == today.format("%Y-%m").to_string()),
    })
}
