//! Who a batch of letters goes to: this week's birthdays, customers not
//! seen or not written to for six months (the six-month promise), a tier,
//! everyone who consents to post or email, or customers picked elsewhere
//! (the reports' "stopped coming" list).

use chrono::{Days, Months, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::letters::builtin::Occasion;
use crate::letters::dates::occasions::{self, OccasionKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum Audience {
    /// Customers with a day in the next 7 days that the letter is for (a
    /// parent's birthday for the 생신 letter, a 기일 for the remembrance);
    /// without an occasion, any birthday of theirs or their family's.
    BirthdaysThisWeek,
    /// No visit, contact or letter for `months` months (default 6).
    NotContacted {
        months: u32,
    },
    Tier {
        tier_id: String,
    },
    ConsentPost,
    ConsentEmail,
    /// These customers, in this order (those since deleted are left out).
    Customers {
        ids: Vec<i64>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Recipient {
    pub customer_id: i64,
    pub name: String,
    /// The last visit, contact or letter, if any.
    pub last_contact: Option<String>,
    pub has_address: bool,
    pub has_email: bool,
}

pub(crate) fn recipients(
    conn: &Connection,
    audience: &Audience,
    occasion: Option<Occasion>,
    today: NaiveDate,
) -> Result<Vec<Recipient>> {
    let base = "SELECT c.id, c.name,
            (SELECT MAX(h.happened_at) FROM history h WHERE h.customer_id = c.id
               AND h.kind IN ('sale', 'contact', 'letter')),
            c.address1 <> '', c.email IS NOT NULL
         FROM customers c";
    let row = |r: &rusqlite::Row<'_>| {
        Ok(Recipient {
            customer_id: r.get(0)?,
            name: r.get(1)?,
            last_contact: r
                .get::<_, Option<String>>(2)?
                .map(|s| s.chars().take(10).collect()),
            has_address: r.get(3)?,
            has_email: r.get(4)?,
        })
    };
    let out = match audience {
        Audience::Customers { ids } => {
            let mut stmt = conn.prepare(&format!("{base} WHERE c.id = ?1"))?;
            let mut out = vec![];
            for id in ids {
                if let Some(r) = stmt.query_row([id], row).optional()? {
                    out.push(r);
                }
            }
            out
        }
        Audience::BirthdaysThisWeek => {
            let to = today.checked_add_days(Days::new(7)).unwrap_or(today);
            let mut ids: Vec<i64> = occasions::between(conn, today, to)?
                .into_iter()
                .filter(|u| match occasion {
                    Some(o) => u.letter == Some(o),
                    None => u.kind == OccasionKind::Birthday,
                })
                .map(|u| u.customer_id)
                .collect();
            ids.sort_unstable();
            ids.dedup();
            let mut stmt = conn.prepare(&format!("{base} WHERE c.id = ?1"))?;
            let mut out = vec![];
            for id in ids {
                out.push(stmt.query_row([id], row)?);
            }
            out
        }
        Audience::NotContacted { months } => {
            let since = today
                .checked_sub_months(Months::new((*months).max(1)))
                .unwrap_or(today);
            let mut stmt = conn.prepare(&format!(
                "{base} WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.customer_id = c.id
                   AND h.kind IN ('sale', 'contact', 'letter') AND h.happened_at >= ?1)
                 ORDER BY c.name"
            ))?;
            let out = stmt
                .query_map(params![since.to_string()], row)?
                .collect::<rusqlite::Result<_>>()?;
            out
        }
        Audience::Tier { tier_id } => {
            let mut stmt = conn.prepare(&format!("{base} WHERE c.tier = ?1 ORDER BY c.name"))?;
            let out = stmt
                .query_map([tier_id], row)?
                .collect::<rusqlite::Result<_>>()?;
            out
        }
        Audience::ConsentPost | Audience::ConsentEmail => {
            let column = if *audience == Audience::ConsentPost {
                "consent_post"
            } else {
                "consent_email"
            };
            let mut stmt = conn.prepare(&format!(
                "{base} WHERE c.{column} IS NOT NULL ORDER BY c.name"
            ))?;
            let out = stmt.query_map([], row)?.collect::<rusqlite::Result<_>>()?;
            out
        }
    };
    Ok(out)
}
