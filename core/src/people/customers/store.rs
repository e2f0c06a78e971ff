//! Customers in SQLite. Callers hand in checked data (`ValidCustomer`);
//! ids, card numbers and timestamps are set here, never by the UI.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row};

pub use super::insert::{insert, insert_numbered, reserve_card_numbers, Inserter};
use super::insert::{insert_phones, phone_statement};
use super::model::{
    Birthday, Consents, Customer, CustomerListQuery, CustomerPage, CustomerSort, CustomerSummary,
    Phone, PhoneLabel, Source, StaffRef,
};
use super::phone;
use super::validate::ValidCustomer;
use crate::error::{Error, Result};
use crate::store::settings::Country;

/// What the search index keeps of a customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexRow {
    pub id: i64,
    pub card_no: i64,
    pub name: String,
    pub email: Option<String>,
    /// (national, international, region, e164)
    pub phones: Vec<IndexPhone>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexPhone {
    pub e164: String,
    pub region: String,
    pub national: String,
    pub international: String,
}

pub(crate) fn birthday_to_sql(b: &Option<Birthday>) -> (Option<String>, bool) {
    match b {
        Some(b) => (Some(b.to_iso()), b.lunar),
        None => (None, false),
    }
}

pub(crate) fn birthday_from_sql(iso: Option<String>, lunar: bool) -> Option<Birthday> {
    let iso = iso?;
    let (year, rest) = match iso.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => {
            let (y, rest) = iso.split_once('-')?;
            (Some(y.parse().ok()?), rest)
        }
    };
    let (m, d) = rest.split_once('-')?;
    Some(Birthday {
        year,
        month: m.parse().ok()?,
        day: d.parse().ok()?,
        lunar,
    })
}

/// Replaces a customer's details. A consent already given keeps its date;
/// one given now is dated today; one withdrawn is cleared.
pub(crate) fn update(
    conn: &Connection,
    id: i64,
    v: &ValidCustomer,
    now: DateTime<Utc>,
) -> Result<()> {
    let (birthday, lunar) = birthday_to_sql(&v.birthday);
    let n = conn.execute(
        "UPDATE customers SET name = ?2, email = ?3, postal_code = ?4, address1 = ?5,
            address2 = ?6, birthday = ?7, birthday_lunar = ?8, source = ?9, source_note = ?10,
            memo = ?11, staff_id = ?12, updated_at = ?13
         WHERE id = ?1",
        rusqlite::params![
            id,
            v.name,
            v.email,
            v.postal_code,
            v.address1,
            v.address2,
            birthday,
            lunar,
            v.source.as_str(),
            v.source_note,
            v.memo,
            v.staff_id,
            now,
        ],
    )?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "customer",
            id,
        });
    }
    conn.execute("DELETE FROM customer_phones WHERE customer_id = ?1", [id])?;
    insert_phones(&mut *phone_statement(conn)?, id, v)?;
    let lang = crate::store::settings::load(conn)?.language;
    crate::people::consent::records::from_form(conn, id, v, now, Some(lang))?;
    Ok(())
}

/// Deletes a customer and everything hanging off her (cascades).
pub(crate) fn delete(conn: &Connection, id: i64) -> Result<()> {
    crate::data::import::fill::forget(conn, id)?;
    let had_history: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM history WHERE customer_id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    let n = conn.execute("DELETE FROM customers WHERE id = ?1", [id])?;
    if n == 0 {
        return Err(Error::NotFound {
            what: "customer",
            id,
        });
    }
    if had_history {
        crate::history::search::purge_deleted(conn)?;
    }
    Ok(())
}

fn phones_of(conn: &Connection, id: i64, shop: Country) -> Result<Vec<Phone>> {
    let mut stmt = conn.prepare_cached(
        "SELECT label, raw, e164, region, national, international FROM customer_phones
         WHERE customer_id = ?1 ORDER BY position",
    )?;
    let rows = stmt.query_map([id], |r| {
        let label: String = r.get(0)?;
        let (region, national, international): (String, String, String) =
            (r.get(3)?, r.get(4)?, r.get(5)?);
        Ok(Phone {
            label: PhoneLabel::parse(&label).unwrap_or_default(),
            raw: r.get(1)?,
            e164: r.get(2)?,
            display: phone::display(&region, &national, &international, shop).to_string(),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn staff_ref(r: &Row, id_col: usize) -> rusqlite::Result<Option<StaffRef>> {
    let id: Option<i64> = r.get(id_col)?;
    Ok(match id {
        Some(id) => Some(StaffRef {
            id,
            name: r.get(id_col + 1)?,
        }),
        None => None,
    })
}

pub(crate) fn get(conn: &Connection, id: i64, shop: Country) -> Result<Customer> {
    let customer = conn
        .query_row(
            "SELECT c.id, c.card_no, c.name, c.email, c.postal_code, c.address1, c.address2,
                    c.birthday, c.birthday_lunar, c.source, c.source_note, c.memo,
                    c.consent_email, c.consent_sms, c.consent_post, c.created_at, c.updated_at,
                    s.id, s.name
             FROM customers c LEFT JOIN staff s ON s.id = c.staff_id
             WHERE c.id = ?1",
            [id],
            |r| {
                let source: String = r.get(9)?;
                Ok(Customer {
                    id: r.get(0)?,
                    card_no: r.get(1)?,
                    name: r.get(2)?,
                    phones: vec![],
                    email: r.get(3)?,
                    postal_code: r.get(4)?,
                    address1: r.get(5)?,
                    address2: r.get(6)?,
                    birthday: birthday_from_sql(r.get(7)?, r.get(8)?),
                    source: Source::parse(&source).unwrap_or_default(),
                    source_note: r.get(10)?,
                    memo: r.get(11)?,
                    consents: Consents {
                        email: r.get(12)?,
                        sms: r.get(13)?,
                        post: r.get(14)?,
                    },
                    created_at: r.get(15)?,
                    updated_at: r.get(16)?,
                    staff: staff_ref(r, 17)?,
                })
            },
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "customer",
            id,
        })?;
    Ok(Customer {
        phones: phones_of(conn, id, shop)?,
        ..customer
    })
}

pub fn list(conn: &Connection, q: &CustomerListQuery, shop: Country) -> Result<CustomerPage> {
    let order = match (q.sort, shop) {
        // A Korean shop reads its list in 가나다 order with Latin names after;
        // a US shop the other way round.
        (CustomerSort::Name, Country::KR) => {
            "(c.name < '가' OR c.name >= char(55204)), c.name COLLATE NOCASE, c.id"
        }
        (CustomerSort::Name, Country::US) => {
            "(c.name >= '가' AND c.name < char(55204)), c.name COLLATE NOCASE, c.id"
        }
        (CustomerSort::RecentlyUpdated, _) => "c.updated_at DESC, c.id DESC",
        (CustomerSort::CardNo, _) => "c.card_no",
    };
    let filter = "(?1 IS NULL OR c.staff_id = ?1)";
    let total: u32 = conn.query_row(
        &format!("SELECT count(*) FROM customers c WHERE {filter}"),
        [q.staff_id],
        |r| r.get(0),
    )?;
    let limit = q.limit.clamp(1, 500);
    let mut stmt = conn.prepare(&format!(
        "SELECT c.id, c.card_no, c.name, c.email, c.updated_at, s.id, s.name,
                p.region, p.national, p.international
         FROM customers c
         LEFT JOIN staff s ON s.id = c.staff_id
         LEFT JOIN customer_phones p ON p.customer_id = c.id AND p.position = 0
         WHERE {filter} ORDER BY {order} LIMIT ?2 OFFSET ?3"
    ))?;
    let rows = stmt.query_map((q.staff_id, limit, q.offset), |r| {
        let region: Option<String> = r.get(7)?;
        let phone = match region {
            Some(region) => {
                let (n, i): (String, String) = (r.get(8)?, r.get(9)?);
                Some(phone::display(&region, &n, &i, shop).to_string())
            }
            None => None,
        };
        Ok(CustomerSummary {
            id: r.get(0)?,
            card_no: r.get(1)?,
            name: r.get(2)?,
            email: r.get(3)?,
            updated_at: r.get(4)?,
            staff: staff_ref(r, 5)?,
            phone,
        })
    })?;
    Ok(CustomerPage {
        total,
        rows: rows.collect::<Result<_, _>>()?,
    })
}

/// Every customer as the search index needs it, in one pass.
pub fn index_rows(conn: &Connection) -> Result<Vec<IndexRow>> {
    index_rows_where(conn, None)
}

pub(crate) fn index_row(conn: &Connection, id: i64) -> Result<Option<IndexRow>> {
    Ok(index_rows_where(conn, Some(id))?.pop())
}

fn index_rows_where(conn: &Connection, id: Option<i64>) -> Result<Vec<IndexRow>> {
    let mut rows: Vec<IndexRow> = vec![];
    let mut stmt = conn.prepare(
        "SELECT id, card_no, name, email FROM customers WHERE ?1 IS NULL OR id = ?1 ORDER BY id",
    )?;
    let mut q = stmt.query([id])?;
    while let Some(r) = q.next()? {
        rows.push(IndexRow {
            id: r.get(0)?,
            card_no: r.get(1)?,
            name: r.get(2)?,
            email: r.get(3)?,
            phones: vec![],
        });
    }
    let mut stmt = conn.prepare(
        "SELECT customer_id, e164, region, national, international FROM customer_phones
         WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY customer_id, position",
    )?;
    let mut q = stmt.query([id])?;
    while let Some(r) = q.next()? {
        let owner: i64 = r.get(0)?;
        if let Ok(at) = rows.binary_search_by_key(&owner, |row| row.id) {
            rows[at].phones.push(IndexPhone {
                e164: r.get(1)?,
                region: r.get(2)?,
                national: r.get(3)?,
                international: r.get(4)?,
            });
        }
    }
    Ok(rows)
}

/// Every customer's id, oldest first.
pub(crate) fn all_ids(conn: &Connection) -> Result<Vec<i64>> {
    let ids = conn
        .prepare("SELECT id FROM customers ORDER BY id")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// When she was added.
pub(crate) fn created_at(conn: &Connection, id: i64) -> Result<DateTime<Utc>> {
    Ok(conn.query_row(
        "SELECT created_at FROM customers WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?)
}

pub(crate) fn count(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?)
}
