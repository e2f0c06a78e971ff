//! Who a row may already be: a customer of the shop or an earlier row of
//! the same file, found by the same phone, the same email, or a similar
//! name (spaces and case aside) with the same birthday. Two people with
//! one name are common; one name and one birthday rarely are two people.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::people::customers::validate::ValidCustomer;

/// What to do with a row that looks like someone already known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicateChoice {
    /// Fill what the one already known lacks from this row.
    Merge,
    /// Two people: this row is a customer of its own.
    KeepBoth,
    /// Leave this row out.
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicateReason {
    Phone,
    Email,
    NameAndBirthday,
}

impl DuplicateReason {
    /// Merge for the same phone (the same person, surely); keep both
    /// otherwise, so that nobody is lost unless the owner says so.
    pub fn suggested(self) -> DuplicateChoice {
        match self {
            DuplicateReason::Phone => DuplicateChoice::Merge,
            _ => DuplicateChoice::KeepBoth,
        }
    }
}

/// Who a row looks like.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum DuplicateOf {
    /// A customer the shop already has.
    Customer { id: i64, name: String },
    /// An earlier row of the same file.
    Row { row: u32, name: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct RowDuplicate {
    pub row: u32,
    pub name: String,
    pub of: DuplicateOf,
    pub reason: DuplicateReason,
    /// What happens unless the owner chooses otherwise.
    pub suggested: DuplicateChoice,
}

/// A name for comparing: no spaces, lower case (NFC already).
fn folded(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn name_key(name: &str, birthday_iso: &str, lunar: bool) -> String {
    format!("{}\u{1}{birthday_iso}\u{1}{lunar}", folded(name))
}

/// Everyone known so far: the shop's customers, then the file's rows.
#[derive(Default)]
pub struct Known {
    phones: HashMap<String, DuplicateOf>,
    emails: HashMap<String, DuplicateOf>,
    names: HashMap<String, DuplicateOf>,
}

impl Known {
    /// The shop's customers.
    pub fn load(conn: &Connection) -> Result<Known> {
        let mut known = Known::default();
        let mut names: HashMap<i64, String> = HashMap::new();
        let mut stmt =
            conn.prepare("SELECT id, name, email, birthday, birthday_lunar FROM customers")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let (id, name): (i64, String) = (r.get(0)?, r.get(1)?);
            let who = DuplicateOf::Customer {
                id,
                name: name.clone(),
            };
            if let Some(email) = r.get::<_, Option<String>>(2)? {
                known
                    .emails
                    .entry(email.to_lowercase())
                    .or_insert(who.clone());
            }
            if let Some(birthday) = r.get::<_, Option<String>>(3)? {
                let key = name_key(&name, &birthday, r.get(4)?);
                known.names.entry(key).or_insert(who);
            }
            names.insert(id, name);
        }
        let mut stmt = conn.prepare("SELECT customer_id, e164 FROM customer_phones")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            let id: i64 = r.get(0)?;
            if let Some(name) = names.get(&id) {
                known
                    .phones
                    .entry(r.get(1)?)
                    .or_insert(DuplicateOf::Customer {
                        id,
                        name: name.clone(),
                    });
            }
        }
        Ok(known)
    }

    fn name_key_of(v: &ValidCustomer) -> Option<String> {
        v.birthday.map(|b| name_key(&v.name, &b.to_iso(), b.lunar))
    }

    /// Who `v` looks like, and why, if anyone.
    pub fn find(&self, v: &ValidCustomer) -> Option<(DuplicateOf, DuplicateReason)> {
        if let Some(who) = v
            .phones
            .iter()
            .find_map(|p| self.phones.get(&p.parsed.e164))
        {
            return Some((who.clone(), DuplicateReason::Phone));
        }
        if let Some(who) = v
            .email
            .as_ref()
            .and_then(|m| self.emails.get(&m.to_lowercase()))
        {
            return Some((who.clone(), DuplicateReason::Email));
        }
        Self::name_key_of(v)
            .and_then(|k| self.names.get(&k))
            .map(|who| (who.clone(), DuplicateReason::NameAndBirthday))
    }

    /// Row `row` of the file is now known too (the first row with a phone,
    /// an email or a name and birthday stands for it).
    pub fn add_row(&mut self, row: u32, v: &ValidCustomer) {
        let who = DuplicateOf::Row {
            row,
            name: v.name.clone(),
        };
        for p in &v.phones {
            self.phones
                .entry(p.parsed.e164.clone())
                .or_insert_with(|| who.clone());
        }
        if let Some(m) = &v.email {
            self.emails
                .entry(m.to_lowercase())
                .or_insert_with(|| who.clone());
        }
        if let Some(k) = Self::name_key_of(v) {
            self.names.entry(k).or_insert(who);
        }
    }

    /// Looks `v` (row `row`) up and then adds it: what preview and import
    /// both do for each row in order, so they agree.
    pub fn check_row(&mut self, row: u32, v: &ValidCustomer) -> Option<RowDuplicate> {
        let found = self.find(v).map(|(of, reason)| RowDuplicate {
            row,
            name: v.name.clone(),
            of,
            reason,
            suggested: reason.suggested(),
        });
        self.add_row(row, v);
        found
    }
}
