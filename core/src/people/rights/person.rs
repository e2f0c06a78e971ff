//! 열람: everything Dangol keeps about one customer, gathered in one place
//! as tables (her record, family, important dates, history, complaints,
//! follow-ups, points, stamps, coupons, trials, letters, mail and texts,
//! what imports left out, and her record as it was before an import).
//! The printable page shows these tables and the .xlsx file has one sheet
//! per table, so the two forms hold the same things. Every query here is
//! by her id alone: nothing of another customer can come along.

use chrono::{DateTime, Local, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::person_history;
use super::words::{say, say_with};
use crate::error::{Error, Result};
use crate::reports::{Cell, ReportTable};
use crate::store::settings::{Country, Language};

/// What the shop keeps about one customer, ready to print or save.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct PersonalData {
    pub customer_id: i64,
    pub name: String,
    /// "김민지 님의 개인정보".
    pub title: String,
    /// Who keeps it, and when this copy was made.
    pub subtitle: String,
    /// One per kind of data, always all of them and in the same order: a
    /// kind she has nothing of is there with no rows.
    pub tables: Vec<ReportTable>,
}

/// What every part of the collection needs.
pub(super) struct Ctx<'a> {
    pub conn: &'a Connection,
    pub id: i64,
    pub lang: Language,
    pub country: Country,
}

impl Ctx<'_> {
    pub fn say(&self, key: &str) -> String {
        say(self.lang, key)
    }

    /// A kind's word: `label("kind", "sale")` is 구매.
    pub fn label(&self, group: &str, value: &str) -> String {
        say(self.lang, &format!("{group}.{value}"))
    }

    /// An empty table: `sheet.{name}` titles it, `col.{c}` heads its columns.
    pub fn table(&self, name: &str, columns: &[&str]) -> ReportTable {
        ReportTable {
            title: self.say(&format!("sheet.{name}")),
            columns: columns
                .iter()
                .map(|c| self.say(&format!("col.{c}")))
                .collect(),
            rows: vec![],
        }
    }

    /// An amount as the owner reads it in a sentence: 5,000원, $12.50.
    pub fn money_text(&self, minor: i64) -> String {
        crate::history::money::text(minor, self.country)
    }
}

pub(super) fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// An amount, or an empty cell when there is none.
pub(super) fn money(minor: i64) -> Cell {
    if minor == 0 {
        text("")
    } else {
        Cell::Money(minor)
    }
}

/// A stored instant at the shop's clock: "2026-03-05 14:30".
pub(super) fn local_time(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// A stored instant's day at the shop's clock: "2026-03-05".
pub(super) fn local_day(t: Option<DateTime<Utc>>) -> String {
    t.map(|t| t.with_timezone(&Local).format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

/// Everything about customer `id`; not found if there is no such customer.
pub(crate) fn collect(
    conn: &Connection,
    id: i64,
    lang: Language,
    country: Country,
    shop_name: &str,
    now: DateTime<Utc>,
) -> Result<PersonalData> {
    let cx = Ctx {
        conn,
        id,
        lang,
        country,
    };
    let (name, record) = record(&cx)?;
    let tables = vec![
        record,
        family(&cx)?,
        dates(&cx)?,
        person_history::history(&cx)?,
        person_history::complaints(&cx)?,
        person_history::followups(&cx)?,
        person_history::points(&cx)?,
        person_history::stamps(&cx)?,
        person_history::coupons(&cx)?,
        person_history::trials(&cx)?,
        person_history::consents(&cx)?,
        person_history::letters(&cx)?,
        person_history::outbox(&cx)?,
        person_history::warnings(&cx)?,
        person_history::before_import(&cx)?,
    ];
    let shop = match shop_name.trim() {
        "" => say(lang, "shop_fallback"),
        name => name.to_string(),
    };
    Ok(PersonalData {
        customer_id: id,
        title: say_with(lang, "title", &[("name", &name)]),
        subtitle: say_with(
            lang,
            "made",
            &[
                ("shop", &shop),
                ("name", &name),
                ("date", &local_time(Some(now))),
            ],
        ),
        name,
        tables,
    })
}

/// The same tables as an .xlsx file, one sheet each.
pub fn to_xlsx(data: &PersonalData, country: Country, path: &std::path::Path) -> Result<()> {
    crate::reports::export::to_xlsx(&data.tables, country, path)
}

struct Row {
    card_no: i64,
    name: String,
    email: Option<String>,
    postal_code: String,
    address1: String,
    address2: String,
    birthday: Option<String>,
    lunar: bool,
    source: String,
    source_note: String,
    memo: String,
    staff: Option<String>,
    tier: Option<String>,
    consents: [Option<String>; 4],
    notified: Option<DateTime<Utc>>,
    created: Option<DateTime<Utc>>,
    updated: Option<DateTime<Utc>>,
}

/// Her record, item by item; and her name.
fn record(cx: &Ctx<'_>) -> Result<(String, ReportTable)> {
    let row = cx
        .conn
        .query_row(
            "SELECT c.card_no, c.name, c.email, c.postal_code, c.address1, c.address2,
                    c.birthday, c.birthday_lunar, c.source, c.source_note, c.memo, s.name,
                    c.tier, c.consent_email, c.consent_sms, c.consent_post,
                    c.consent_sms_night, c.consent_notified_at, c.created_at, c.updated_at
             FROM customers c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.id = ?1",
            [cx.id],
            |r| {
                Ok(Row {
                    card_no: r.get(0)?,
                    name: r.get(1)?,
                    email: r.get(2)?,
                    postal_code: r.get(3)?,
                    address1: r.get(4)?,
                    address2: r.get(5)?,
                    birthday: r.get(6)?,
                    lunar: r.get(7)?,
                    source: r.get(8)?,
                    source_note: r.get(9)?,
                    memo: r.get(10)?,
                    staff: r.get(11)?,
                    tier: r.get(12)?,
                    consents: [r.get(13)?, r.get(14)?, r.get(15)?, r.get(16)?],
                    notified: r.get(17)?,
                    created: r.get(18)?,
                    updated: r.get(19)?,
                })
            },
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "customer",
            id: cx.id,
        })?;
    let mut t = cx.table("record", &["item", "value"]);
    let rows = &mut t.rows;
    let mut add = |key: &str, value: Cell| rows.push(vec![text(cx.say(key)), value]);
    add("row.card_no", text(format!("{:06}", row.card_no)));
    add("row.name", text(&row.name));
    for (label, number) in phones(cx)? {
        add(&format!("phone.{label}"), text(number));
    }
    add("row.email", text(row.email.unwrap_or_default()));
    add("row.postal_code", text(row.postal_code));
    add("row.address1", text(row.address1));
    add("row.address2", text(row.address2));
    let birthday = row.birthday.unwrap_or_default();
    let birthday = birthday.trim_start_matches('-').to_string();
    let birthday = match (birthday.is_empty(), row.lunar) {
        (false, true) => format!("{birthday} ({})", cx.say("value.lunar")),
        _ => birthday,
    };
    add("row.birthday", text(birthday));
    add("row.source", text(cx.label("source", &row.source)));
    add("row.source_note", text(row.source_note));
    add("row.memo", text(row.memo));
    add("row.staff", text(row.staff.unwrap_or_default()));
    add("row.tier", text(tier_name(cx, row.tier.as_deref())?));
    add(
        "row.balance",
        Cell::Money(crate::history::entries::balance(cx.conn, cx.id)?),
    );
    add(
        "row.points",
        Cell::Count(crate::loyalty::ledger::points(cx.conn, cx.id)?),
    );
    add(
        "row.stamps",
        Cell::Count(crate::loyalty::ledger::stamps(cx.conn, cx.id)?),
    );
    let consent_keys = [
        "row.consent_email",
        "row.consent_sms",
        "row.consent_post",
        "row.consent_night",
    ];
    for (key, given) in consent_keys.iter().zip(&row.consents) {
        let value = match given {
            Some(date) => say_with(
                cx.lang,
                "value.consent_given",
                &[("date", date.get(..10).unwrap_or(date))],
            ),
            None => cx.say("value.none"),
        };
        add(key, text(value));
    }
    add("row.consent_notified", text(local_day(row.notified)));
    add("row.created", text(local_time(row.created)));
    add("row.updated", text(local_time(row.updated)));
    Ok((row.name, t))
}

/// Her phones in order: (label, the number as the shop dials it).
fn phones(cx: &Ctx<'_>) -> Result<Vec<(String, String)>> {
    let mut stmt = cx.conn.prepare(
        "SELECT label, region, national, international FROM customer_phones
         WHERE customer_id = ?1 ORDER BY position",
    )?;
    let home = cx.country.region_code();
    let out = stmt
        .query_map([cx.id], |r| {
            let region: String = r.get(1)?;
            let number: String = if region == home { r.get(2)? } else { r.get(3)? };
            Ok((r.get(0)?, number))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(out)
}

fn tier_name(cx: &Ctx<'_>, tier: Option<&str>) -> Result<String> {
    let Some(tier) = tier else {
        return Ok(String::new());
    };
    let rules = crate::loyalty::load_rules(cx.conn)?;
    Ok(rules
        .tiers
        .iter()
        .find(|t| t.id == tier)
        .map_or_else(|| tier.to_string(), |t| t.name.clone()))
}

fn family(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table("family", &["name", "relation", "added"]);
    let mut stmt = cx.conn.prepare(
        "SELECT name, relation, created_at FROM family_members WHERE customer_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([cx.id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<DateTime<Utc>>>(2)?,
        ))
    })?;
    for row in rows {
        let (name, relation, added) = row?;
        t.rows.push(vec![
            text(name),
            text(cx.label("relation", &relation)),
            text(local_day(added)),
        ]);
    }
    Ok(t)
}

fn dates(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table("dates", &["who", "kind", "label", "date", "calendar"]);
    let mut stmt = cx.conn.prepare(
        "SELECT f.name, d.kind, d.label, d.year, d.month, d.day, d.lunar, d.leap
         FROM important_dates d LEFT JOIN family_members f ON f.id = d.member_id
         WHERE d.customer_id = ?1 ORDER BY d.month, d.day, d.id",
    )?;
    let rows = stmt.query_map([cx.id], |r| {
        Ok((
            r.get::<_, Option<String>>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<i64>>(3)?,
            r.get::<_, i64>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, bool>(6)?,
            r.get::<_, bool>(7)?,
        ))
    })?;
    for row in rows {
        let (who, kind, label, year, month, day, lunar, leap) = row?;
        let date = match year {
            Some(y) => format!("{y}-{month:02}-{day:02}"),
            None => format!("{month:02}-{day:02}"),
        };
        let calendar = match (lunar, leap) {
            (true, true) => cx.say("value.leap"),
            (true, false) => cx.say("value.lunar"),
            _ => cx.say("value.solar"),
        };
        t.rows.push(vec![
            text(who.unwrap_or_else(|| cx.say("value.self"))),
            text(cx.label("date", &kind)),
            text(label),
            text(date),
            text(calendar),
        ]);
    }
    Ok(t)
}
