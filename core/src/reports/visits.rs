//! Every customer's visits, read once for the reports that need them: one
//! ordered pass over each customer's sales summed per UTC quarter hour
//! (`sale_quarters`, kept by triggers, migration 0022; packed one row per
//! customer, migration 0023), folded into visit days with what she spent
//! each day. Where the shop's clock has a
//! midnight off the quarter hours, the sales themselves are read (a
//! covering index, migration 0011).

use rusqlite::Connection;

use super::clock::Clock;
use crate::error::Result;
use crate::store::db::Db;

/// Visits of every customer who ever bought, as flat arrays: customer `i`
/// owns `days[starts[i]..starts[i + 1]]` (ascending local day numbers, one
/// per day) and the same range of `spent`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Visits {
    pub ids: Vec<i64>,
    starts: Vec<usize>,
    pub days: Vec<i32>,
    pub spent: Vec<i64>,
}

/// One customer's visits.
pub struct CustomerVisits<'a> {
    pub id: i64,
    pub days: &'a [i32],
    pub spent: &'a [i64],
}

impl Visits {
    /// Sales up to and including local day `until` (a day number).
    pub fn load(conn: &Connection, clock: &Clock, until: i32) -> Result<Visits> {
        Visits::load_range(conn, clock, until, i64::MIN, i64::MAX)
    }

    /// The same, read by two threads, each with its own connection and
    /// half of the customers: reading two million sales is most of what
    /// the reports cost, and a shop's computer has more than one core. A
    /// sale written between the two reads may be in one half and not yet
    /// in the other; a report shows the shop as it was a moment ago anyway.
    pub fn load_split(conn: &Connection, db: &Db, clock: &Clock, until: i32) -> Result<Visits> {
        let (lo, hi): (Option<i64>, Option<i64>) =
            conn.query_row("SELECT MIN(id), MAX(id) FROM customers", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return Ok(Visits::empty());
        };
        let mid = lo + (hi - lo) / 2;
        let (a, b) = std::thread::scope(|s| {
            let second =
                s.spawn(|| Visits::load_range(&*db.reader()?, clock, until, mid + 1, i64::MAX));
            let first = Visits::load_range(conn, clock, until, i64::MIN, mid);
            (first, second.join().expect("reading visits panicked"))
        });
        let (mut a, b) = (a?, b?);
        a.starts.pop();
        let base = a.days.len();
        a.ids.extend(b.ids);
        a.starts.extend(b.starts.into_iter().map(|s| s + base));
        a.days.extend(b.days);
        a.spent.extend(b.spent);
        Ok(a)
    }

    fn empty() -> Visits {
        Visits {
            starts: vec![0],
            ..Default::default()
        }
    }

    fn load_range(
        conn: &Connection,
        clock: &Clock,
        until: i32,
        lo: i64,
        hi: i64,
    ) -> Result<Visits> {
        if clock.quarter_aligned() {
            Visits::load_quarters(conn, clock, until, lo, hi)
        } else {
            Visits::load_sales(conn, clock, until, lo, hi)
        }
    }

    fn load_sales(
        conn: &Connection,
        clock: &Clock,
        until: i32,
        lo: i64,
        hi: i64,
    ) -> Result<Visits> {
        let mut stmt = conn.prepare_cached(
            "SELECT customer_id, happened_at, amount FROM history
             WHERE kind = 'sale' AND customer_id BETWEEN ?1 AND ?2
             ORDER BY customer_id, happened_at",
        )?;
        let mut rows = stmt.query([lo, hi])?;
        let mut v = Visits::default();
        while let Some(r) = rows.next()? {
            let id = r.get_ref_unwrap(0).as_i64().unwrap_or_default();
            let Some(day) = clock.day_of_text(r.get_ref_unwrap(1).as_bytes().unwrap_or(b"")) else {
                continue;
            };
            if day > until {
                continue;
            }
            let amount = r.get_ref_unwrap(2).as_i64().unwrap_or_default();
            v.push(id, day, amount);
        }
        v.starts.push(v.days.len());
        Ok(v)
    }

    /// The same from the sums per customer and UTC quarter hour that the
    /// database keeps beside the sales (migration 0022): one packed row
    /// per customer (migration 0023, `packs`), and the quarters
    /// themselves of the customers whose pack is stale, merged in customer
    /// order. Both are read in one transaction, so a customer packed
    /// meanwhile is read once, not twice or never.
    fn load_quarters(
        conn: &Connection,
        clock: &Clock,
        until: i32,
        lo: i64,
        hi: i64,
    ) -> Result<Visits> {
        conn.execute_batch("SAVEPOINT read_visits")?;
        let read = || -> Result<Visits> {
            let mut packed = conn.prepare_cached(
                "SELECT customer_id, quarters FROM sale_packs
                 WHERE customer_id BETWEEN ?1 AND ?2 ORDER BY customer_id",
            )?;
            // CROSS JOIN: the few stale customers outside, each one's quarters
            // by the key inside (a plain JOIN steps through every quarter of
            // the range and looks each customer up in the stale list).
            let mut stale = conn.prepare_cached(
                "SELECT q.customer_id, q.quarter, q.amount
                 FROM sale_packs_stale s CROSS JOIN sale_quarters q ON q.customer_id = s.customer_id
                 WHERE s.customer_id BETWEEN ?1 AND ?2 ORDER BY s.customer_id, q.quarter",
            )?;
            let mut packs = packed.query([lo, hi])?;
            let mut quarters = stale.query([lo, hi])?;
            let int = |r: &rusqlite::Row<'_>, i| r.get_ref_unwrap(i).as_i64().unwrap_or_default();
            let mut v = Visits::default();
            let add = |v: &mut Visits, id, quarter, amount| {
                let day = clock.day_of_quarter(quarter);
                if day <= until {
                    v.push(id, day, amount);
                }
            };
            let mut step = || -> rusqlite::Result<Option<(i64, i64, i64)>> {
                Ok(quarters.next()?.map(|r| (int(r, 0), int(r, 1), int(r, 2))))
            };
            let mut next_stale = step()?;
            while let Some(r) = packs.next()? {
                let id = int(r, 0);
                while let Some((sid, quarter, amount)) = next_stale.filter(|s| s.0 < id) {
                    add(&mut v, sid, quarter, amount);
                    next_stale = step()?;
                }
                for (quarter, amount) in
                    super::packs::decode(r.get_ref_unwrap(1).as_blob().unwrap_or(&[]))
                {
                    add(&mut v, id, quarter, amount);
                }
            }
            while let Some((sid, quarter, amount)) = next_stale {
                add(&mut v, sid, quarter, amount);
                next_stale = step()?;
            }
            v.starts.push(v.days.len());
            Ok(v)
        };
        let v = read();
        conn.execute_batch("RELEASE read_visits")?;
        v
    }

    /// Reads the sales themselves, as before migration 0022 (for tests:
    /// the sums per quarter must give the same visits).
    pub fn load_from_sales(conn: &Connection, clock: &Clock, until: i32) -> Result<Visits> {
        Visits::load_sales(conn, clock, until, i64::MIN, i64::MAX)
    }

    fn push(&mut self, id: i64, day: i32, amount: i64) {
        if self.ids.last() != Some(&id) {
            self.ids.push(id);
            self.starts.push(self.days.len());
        } else if self.days.last() == Some(&day) {
            *self.spent.last_mut().expect("a day has its spend") += amount;
            return;
        }
        self.days.push(day);
        self.spent.push(amount);
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn customer(&self, i: usize) -> CustomerVisits<'_> {
        let range = self.starts[i]..self.starts[i + 1];
        CustomerVisits {
            id: self.ids[i],
            days: &self.days[range.clone()],
            spent: &self.spent[range],
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = CustomerVisits<'_>> {
        (0..self.len()).map(|i| self.customer(i))
    }
}

impl CustomerVisits<'_> {
    /// Index of her first visit on or after `day`.
    pub fn first_from(&self, day: i32) -> usize {
        self.days.partition_point(|&d| d < day)
    }
}

/// Names of customers by id, for the lists reports show.
pub(crate) fn names(conn: &Connection, ids: &[i64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
    ids.iter()
        .map(|id| Ok(stmt.query_row([id], |r| r.get(0))?))
        .collect()
}
