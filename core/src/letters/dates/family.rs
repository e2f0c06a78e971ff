//! Her family: the people whose days she wants remembered (a child's
//! birthday, her parents' memorial), by name and relation.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::store::rows::{ensure_customer, enum_from, enum_str};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Grandparent,
    Sibling,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FamilyMember {
    pub id: i64,
    pub customer_id: i64,
    pub name: String,
    pub relation: Relation,
}

pub fn add_member(
    conn: &Connection,
    customer_id: i64,
    name: &str,
    relation: Relation,
    now: DateTime<Utc>,
) -> Result<FamilyMember> {
    ensure_customer(conn, customer_id)?;
    let name = member_name(name)?;
    conn.execute(
        "INSERT INTO family_members (customer_id, name, relation, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![customer_id, name, enum_str(&relation), now],
    )?;
    Ok(FamilyMember {
        id: conn.last_insert_rowid(),
        customer_id,
        name,
        relation,
    })
}

pub fn members(conn: &Connection, customer_id: i64) -> Result<Vec<FamilyMember>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, customer_id, name, relation FROM family_members WHERE customer_id = ?1 ORDER BY id",
    )?;
    let out = stmt
        .query_map([customer_id], |r| {
            Ok(FamilyMember {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                name: r.get(2)?,
                relation: enum_from(&r.get::<_, String>(3)?)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

/// Renames a family member or corrects how she is related.
pub fn update_member(
    conn: &Connection,
    id: i64,
    name: &str,
    relation: Relation,
) -> Result<FamilyMember> {
    let name = member_name(name)?;
    if conn.execute(
        "UPDATE family_members SET name = ?2, relation = ?3 WHERE id = ?1",
        params![id, name, enum_str(&relation)],
    )? == 0
    {
        return Err(Error::NotFound {
            what: "family member",
            id,
        });
    }
    let customer_id = conn.query_row(
        "SELECT customer_id FROM family_members WHERE id = ?1",
        [id],
        |r| r.get(0),
    )?;
    Ok(FamilyMember {
        id,
        customer_id,
        name,
        relation,
    })
}

fn member_name(name: &str) -> Result<String> {
    let name = crate::store::text::clean_line(name);
    if name.is_empty() {
        return Err(Error::Validation(vec![FieldError::new(
            "name",
            FieldErrorCode::Required,
        )]));
    }
    Ok(name)
}
