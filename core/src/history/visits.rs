//! One definition of a visit, used by her screen, her tier and the
//! reports alike: a day — the shop's local day — on which she bought
//! something. Two sales on one day are one visit; spend is the sum of her
//! sales. (The reports count the same way over `reports::clock::Clock`; a
//! test checks that the two agree around local midnight.)

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};

use crate::error::Result;
use crate::reports::clock::Clock;
use crate::store::clock::Clock as ShopClock;

/// Visits and spend over a window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Visits {
    /// Days with a purchase.
    pub visits: u32,
    /// The sum of her sales (what she bought, paid or owed).
    pub spend: i64,
    pub last: Option<DateTime<Utc>>,
}

/// The stored-instant text of the shop's local midnight starting `day`, to
/// compare with `happened_at` in SQL.
fn local_midnight_text(day: NaiveDate, zone: &dyn ShopClock) -> String {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    zone.utc(midnight).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// Adds one sale to a running count (sales come in time order).
fn add(
    v: &mut Visits,
    last_day: &mut Option<NaiveDate>,
    at: DateTime<Utc>,
    amount: i64,
    zone: &dyn ShopClock,
) {
    let day = zone.local(at).date();
    if *last_day != Some(day) {
        v.visits += 1;
        *last_day = Some(day);
    }
    v.spend += amount;
    v.last = Some(at);
}

/// Her visits and spend since the local day `since` (all time if none),
/// days as the shop's clock (`zone`) lives them.
pub(crate) fn of_customer(
    conn: &Connection,
    customer_id: i64,
    since: Option<NaiveDate>,
    zone: &dyn ShopClock,
) -> Result<Visits> {
    let since = since.map(|d| local_midnight_text(d, zone));
    let mut stmt = conn.prepare_cached(
        "SELECT happened_at, amount FROM history
         WHERE kind = 'sale' AND customer_id = ?1 AND (?2 IS NULL OR happened_at >= ?2)
         ORDER BY happened_at",
    )?;
    let mut rows = stmt.query(params![customer_id, since])?;
    let (mut v, mut day) = (Visits::default(), None);
    while let Some(r) = rows.next()? {
        add(&mut v, &mut day, r.get(0)?, r.get(1)?, zone);
    }
    Ok(v)
}

/// Everyone's visits and spend since the local day `since`, by customer
/// (customers who bought nothing are absent; `last` is not filled). Days are
/// found with the reports' `Clock` straight from the stored text: at 100,000
/// customers parsing every instant through the time zone was most of the
/// time.
pub fn of_everyone(
    conn: &Connection,
    since: Option<NaiveDate>,
    today: NaiveDate,
    zone: &dyn ShopClock,
) -> Result<HashMap<i64, Visits>> {
    let clock = Clock::of_shop(zone, today);
    let since = since.map(|d| local_midnight_text(d, zone));
    let mut stmt = conn.prepare_cached(
        "SELECT customer_id, happened_at, amount FROM history
         WHERE kind = 'sale' AND (?1 IS NULL OR happened_at >= ?1)
         ORDER BY customer_id, happened_at",
    )?;
    let mut rows = stmt.query(params![since])?;
    let mut out: HashMap<i64, Visits> = HashMap::new();
    let (mut current, mut v, mut last_day) = (None, Visits::default(), None);
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if current != Some(id) {
            if let Some(prev) = current {
                out.insert(prev, v);
            }
            (current, v, last_day) = (Some(id), Visits::default(), None);
        }
        let day = r
            .get_ref(1)?
            .as_bytes()
            .ok()
            .and_then(|t| clock.day_of_text(t));
        if day.is_none() || day != last_day {
            v.visits += 1;
            last_day = day;
        }
        v.spend += r.get::<_, i64>(2)?;
    }
    if let Some(prev) = current {
        out.insert(prev, v);
    }
    Ok(out)
}
