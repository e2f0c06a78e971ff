//! Which letter a day gets, and what the day is for that letter: whose it
//! is (a parent's birthday gets the 생신 letter, a memorial day the yearly
//! remembrance), the age reached on it and its milestone name.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use super::age::{self, AgeCounting};
use super::family::Relation;
use super::occasions::{OccasionKind, Upcoming};
use crate::error::Result;
use crate::letters::builtin::Occasion;

/// A yearly day as recorded: what, whose, when, how its ages are counted.
pub(super) struct Day {
    pub kind: OccasionKind,
    pub relation: Option<Relation>,
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    pub lunar: bool,
    pub leap: bool,
    pub counting: AgeCounting,
}

impl Day {
    /// The day as it falls on `on`, in the (lunar, for a lunar day) year
    /// `year`: the age reached counts in that calendar's years, so a lunar
    /// birthday that falls in next January is still this lunar year's.
    #[allow(clippy::too_many_arguments)]
    pub fn upcoming(
        &self,
        date_id: Option<i64>,
        customer_id: i64,
        customer_name: &str,
        member_name: Option<String>,
        label: &str,
        year: i32,
        on: NaiveDate,
    ) -> Upcoming {
        let years = self.year.map(|y| year - y).filter(|n| *n > 0);
        let birthday = self.kind == OccasionKind::Birthday;
        Upcoming {
            date_id,
            customer_id,
            customer_name: customer_name.into(),
            member_name,
            relation: self.relation,
            kind: self.kind,
            label: label.into(),
            on,
            lunar: self.lunar,
            years,
            age_name: years
                .filter(|_| birthday)
                .and_then(|n| age::age_name(n, self.counting)),
            elder: birthday && age::is_elder(self.relation, years),
            letter: letter_occasion(self.kind, self.relation),
            letter_sent: false,
        }
    }
}

/// The letter for a day, by what it is and whose: a parent's birthday gets
/// the 생신 letter, a child's the child's, a memorial day the yearly
/// remembrance (never the condolence written for a new loss).
pub fn letter_occasion(kind: OccasionKind, relation: Option<Relation>) -> Option<Occasion> {
    Some(match (kind, relation) {
        (OccasionKind::Birthday, None) => Occasion::Birthday,
        (OccasionKind::Birthday, Some(Relation::Child)) => Occasion::ChildBirthday,
        (OccasionKind::Birthday, Some(Relation::Spouse)) => Occasion::SpouseBirthday,
        (OccasionKind::Birthday, Some(Relation::Parent | Relation::Grandparent)) => {
            Occasion::ParentBirthday
        }
        (OccasionKind::Birthday, Some(Relation::Sibling | Relation::Other)) => {
            Occasion::FamilyBirthday
        }
        (OccasionKind::Wedding, _) => Occasion::Anniversary,
        (OccasionKind::Graduation, _) => Occasion::Graduation,
        (OccasionKind::Memorial, _) => Occasion::Memorial,
        (OccasionKind::Other, _) => return None,
    })
}

/// For each customer, her day a letter for `occasion` is about: the one
/// nearest today among those from 30 days ago to 60 days ahead (a coming
/// day before a past one). A parent's birthday letter then names that
/// parent and her milestone; without such a day the letter speaks in
/// general words ("부모님").
pub(crate) fn days_for_letter(
    conn: &Connection,
    occasion: Occasion,
    today: NaiveDate,
) -> Result<HashMap<i64, Upcoming>> {
    let from = today - Duration::days(30);
    let to = today + Duration::days(60);
    let mut best: HashMap<i64, (i64, Upcoming)> = HashMap::new();
    for u in super::occasions::between(conn, from, to)? {
        if u.letter != Some(occasion) {
            continue;
        }
        let gap = (u.on - today).num_days();
        let rank = if gap >= 0 { gap * 2 } else { -gap * 2 + 1 };
        match best.get(&u.customer_id) {
            Some((r, _)) if *r <= rank => {}
            _ => {
                best.insert(u.customer_id, (rank, u));
            }
        }
    }
    Ok(best.into_iter().map(|(id, (_, u))| (id, u)).collect())
}
