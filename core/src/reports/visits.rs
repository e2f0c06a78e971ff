//! Every customer's visits, read once for the reports that need them: one
//! ordered pass over the sales (a covering index, migration 0011), folded
//! into visit days with what she spent each day.

use rusqlite::Connection;

use super::clock::Clock;
use crate::error::Result;

/// Visits of every customer who ever bought, as flat arrays: customer `i`
/// owns `days[starts[i]..starts[i + 1]]` (ascending local day numbers, one
/// per day) and the same range of `spent`.
#[derive(Debug, Default)]
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
        let mut stmt = conn.prepare_cached(
            "SELECT customer_id, happened_at, amount FROM history
             WHERE kind = 'sale' ORDER BY customer_id, happened_at",
        )?;
        let mut rows = stmt.query([])?;
        let mut v = Visits::default();
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let Some(day) = clock.day_of_text(r.get_ref(1)?.as_bytes().unwrap_or(b"")) else {
                continue;
            };
            if day > until {
                continue;
            }
            let amount: i64 = r.get(2)?;
            v.push(id, day, amount);
        }
        v.starts.push(v.days.len());
        Ok(v)
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
pub fn names(conn: &Connection, ids: &[i64]) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
    ids.iter()
        .map(|id| Ok(stmt.query_row([id], |r| r.get(0))?))
        .collect()
}
