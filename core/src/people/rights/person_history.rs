//! The part of `person` that grows with time: her history entries,
//! complaints and follow-ups, points and stamps, coupons, trials, letters,
//! the mail and texts sent to her, every consent she gave or withdrew,
//! import warnings (dismissed ones too:
//! they are still kept), and her record as an import found it. Oldest
//! first, as a record is read.

use chrono::{DateTime, Utc};
use rusqlite::Row;

use super::person::{local_day, local_time, money, text, Ctx};
use crate::error::Result;
use crate::reports::{Cell, ReportTable};

/// Runs `sql` (with her id as ?1) and adds a row per result.
fn fill(
    cx: &Ctx<'_>,
    t: &mut ReportTable,
    sql: &str,
    mut row: impl FnMut(&Row<'_>) -> rusqlite::Result<Vec<Cell>>,
) -> Result<()> {
    let mut stmt = cx.conn.prepare(sql)?;
    let mut rows = stmt.query([cx.id])?;
    while let Some(r) = rows.next()? {
        t.rows.push(row(r)?);
    }
    Ok(())
}

type Instant = Option<DateTime<Utc>>;

pub(super) fn history(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "history",
        &[
            "when", "kind", "amount", "owed", "summary", "detail", "staff",
        ],
    );
    fill(
        cx,
        &mut t,
        "SELECT h.happened_at, h.kind, h.channel, h.amount, h.owed_delta, h.summary,
                h.detail, s.name
         FROM history h LEFT JOIN staff s ON s.id = h.staff_id
         WHERE h.customer_id = ?1 ORDER BY h.happened_at, h.id",
        |r| {
            let kind: String = r.get(1)?;
            let channel: Option<String> = r.get(2)?;
            let kind = match (kind.as_str(), channel) {
                ("contact", Some(via)) => super::words::say_with(
                    cx.lang,
                    "kind.contact_via",
                    &[("via", &cx.label("via", &via))],
                ),
                _ => cx.label("kind", &kind),
            };
            Ok(vec![
                text(local_time(r.get::<_, Instant>(0)?)),
                text(kind),
                money(r.get(3)?),
                money(r.get(4)?),
                text(r.get::<_, String>(5)?),
                text(r.get::<_, String>(6)?),
                text(r.get::<_, Option<String>>(7)?.unwrap_or_default()),
            ])
        },
    )?;
    Ok(t)
}

pub(super) fn complaints(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "complaints",
        &[
            "opened",
            "kind",
            "summary",
            "status",
            "resolution",
            "compensation",
            "resolved",
            "staff",
        ],
    );
    fill(
        cx,
        &mut t,
        "SELECT c.opened_on, c.category, c.description, c.status, c.resolution,
                c.compensation, c.resolved_on, s.name
         FROM complaints c LEFT JOIN staff s ON s.id = c.staff_id
         WHERE c.customer_id = ?1 ORDER BY c.opened_on, c.id",
        |r| {
            Ok(vec![
                text(r.get::<_, String>(0)?),
                text(cx.label("category", &r.get::<_, String>(1)?)),
                text(r.get::<_, String>(2)?),
                text(cx.label("status", &r.get::<_, String>(3)?)),
                text(r.get::<_, String>(4)?),
                text(r.get::<_, String>(5)?),
                text(r.get::<_, Option<String>>(6)?.unwrap_or_default()),
                text(r.get::<_, Option<String>>(7)?.unwrap_or_default()),
            ])
        },
    )?;
    Ok(t)
}

pub(super) fn followups(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table("followups", &["due", "reason", "origin", "done"]);
    fill(
        cx,
        &mut t,
        "SELECT due, reason, origin, done_at FROM followups
         WHERE customer_id = ?1 ORDER BY due, id",
        |r| {
            Ok(vec![
                text(r.get::<_, String>(0)?),
                text(r.get::<_, String>(1)?),
                text(cx.label("followup", &r.get::<_, String>(2)?)),
                text(local_day(r.get::<_, Instant>(3)?)),
            ])
        },
    )?;
    Ok(t)
}

/// Her points ledger, and the points that wait for her tab to be paid.
pub(super) fn points(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table("points", &["when", "change", "reason", "expires"]);
    fill(
        cx,
        &mut t,
        "SELECT created_at, delta, reason, expires_on FROM (
             SELECT created_at, delta, reason, expires_on, id, 0 AS waits
             FROM points_ledger WHERE customer_id = ?1
             UNION ALL
             SELECT created_at, delta, NULL, NULL, id, 1
             FROM credit_points WHERE customer_id = ?1)
         ORDER BY created_at, waits, id",
        |r| {
            let reason = match r.get::<_, Option<String>>(2)? {
                Some(reason) => cx.label("points", &reason),
                None => cx.say("value.pending_credit"),
            };
            Ok(vec![
                text(local_time(r.get::<_, Instant>(0)?)),
                Cell::Count(r.get(1)?),
                text(reason),
                text(r.get::<_, Option<String>>(3)?.unwrap_or_default()),
            ])
        },
    )?;
    Ok(t)
}

pub(super) fn stamps(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table("stamps", &["when", "change", "reason"]);
    fill(
        cx,
        &mut t,
        "SELECT created_at, delta, reason FROM stamps_ledger
         WHERE customer_id = ?1 ORDER BY created_at, id",
        |r| {
            Ok(vec![
                text(local_time(r.get::<_, Instant>(0)?)),
                Cell::Count(r.get(1)?),
                text(cx.label("stamps", &r.get::<_, String>(2)?)),
            ])
        },
    )?;
    Ok(t)
}

pub(super) fn coupons(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "coupons",
        &["issued", "benefit", "origin", "expires", "used"],
    );
    fill(
        cx,
        &mut t,
        "SELECT issued_on, kind, value, item, origin, expires_on, used_at FROM coupons
         WHERE customer_id = ?1 ORDER BY issued_on, id",
        |r| {
            let kind: String = r.get(1)?;
            let value: i64 = r.get(2)?;
            let item: String = r.get(3)?;
            let value = match kind.as_str() {
                "amount" => cx.money_text(value),
                _ => value.to_string(),
            };
            let benefit = super::words::say_with(
                cx.lang,
                &format!("coupon.{kind}"),
                &[("value", &value), ("item", &item)],
            );
            Ok(vec![
                text(r.get::<_, String>(0)?),
                text(benefit),
                text(cx.label("coupon", &r.get::<_, String>(4)?)),
                text(r.get::<_, String>(5)?),
                text(local_day(r.get::<_, Instant>(6)?)),
            ])
        },
    )?;
    Ok(t)
}

pub(super) fn trials(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "trials",
        &["product", "given", "feedback", "rating", "feedback_on"],
    );
    fill(
        cx,
        &mut t,
        "SELECT t.product, p.given_on, p.feedback, p.rating, p.feedback_on
         FROM trial_participants p JOIN trials t ON t.id = p.trial_id
         WHERE p.customer_id = ?1 ORDER BY p.given_on, t.id",
        |r| {
            Ok(vec![
                text(r.get::<_, String>(0)?),
                text(r.get::<_, String>(1)?),
                text(r.get::<_, String>(2)?),
                r.get::<_, Option<i64>>(3)?
                    .map_or_else(|| text(""), Cell::Count),
                text(r.get::<_, Option<String>>(4)?.unwrap_or_default()),
            ])
        },
    )?;
    Ok(t)
}

/// Every consent she gave or withdrew, with how and on which wording.
pub(super) fn consents(cx: &Ctx<'_>) -> Result<ReportTable> {
    use crate::people::consent::{records, wording};
    let mut t = cx.table(
        "consents",
        &["when", "consent", "state", "method", "wording", "note"],
    );
    let mut all = records::list(cx.conn, cx.id)?;
    all.reverse();
    for r in all {
        let method = crate::store::rows::enum_str(&r.method);
        t.rows.push(vec![
            text(r.at),
            text(wording::label(cx.lang, &records::scope_key(r.scope))),
            text(cx.label("state", if r.given { "given" } else { "withdrawn" })),
            text(wording::label(cx.lang, &format!("method.{method}"))),
            text(r.wording),
            text(r.note),
        ]);
    }
    Ok(t)
}

pub(super) fn letters(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "letters",
        &["made", "occasion", "channel", "title", "body", "printed"],
    );
    fill(
        cx,
        &mut t,
        "SELECT created_at, occasion, channel, title, body, printed_at FROM letters
         WHERE customer_id = ?1 ORDER BY created_at, id",
        |r| {
            Ok(vec![
                text(local_time(r.get::<_, Instant>(0)?)),
                text(cx.label("occasion", &r.get::<_, String>(1)?)),
                text(cx.label("channel", &r.get::<_, String>(2)?)),
                text(r.get::<_, String>(3)?),
                text(r.get::<_, String>(4)?),
                text(local_time(r.get::<_, Instant>(5)?)),
            ])
        },
    )?;
    Ok(t)
}

/// Mail and texts queued for her, sent or not.
pub(super) fn outbox(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "outbox",
        &[
            "queued",
            "channel",
            "to",
            "summary",
            "advertising",
            "status",
            "sent",
        ],
    );
    fill(
        cx,
        &mut t,
        "SELECT o.queued_at, o.channel, o.to_address, COALESCE(o.text_body, l.title, ''),
                o.advertising, o.status, o.sent_at
         FROM outbox o LEFT JOIN letters l ON l.id = o.letter_id
         WHERE o.customer_id = ?1 ORDER BY o.queued_at, o.id",
        |r| {
            let ad: bool = r.get(4)?;
            Ok(vec![
                text(local_time(r.get::<_, Instant>(0)?)),
                text(cx.label("channel", &r.get::<_, String>(1)?)),
                text(r.get::<_, String>(2)?),
                text(r.get::<_, String>(3)?),
                text(if ad {
                    cx.say("value.yes")
                } else {
                    String::new()
                }),
                text(cx.label("outbox", &r.get::<_, String>(5)?)),
                text(local_time(r.get::<_, Instant>(6)?)),
            ])
        },
    )?;
    Ok(t)
}

pub(super) fn warnings(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "warnings",
        &["file", "row", "field", "reason", "original", "dismissed"],
    );
    fill(
        cx,
        &mut t,
        "SELECT b.file_name, w.row_no, w.field, w.code, w.original, w.dismissed_at
         FROM import_warnings w LEFT JOIN import_batches b ON b.id = w.batch_id
         WHERE w.customer_id = ?1 ORDER BY w.id",
        |r| {
            Ok(vec![
                text(r.get::<_, Option<String>>(0)?.unwrap_or_default()),
                Cell::Count(r.get(1)?),
                text(cx.label("field", &r.get::<_, String>(2)?)),
                text(cx.label("warning", &r.get::<_, String>(3)?)),
                text(r.get::<_, String>(4)?),
                text(local_day(r.get::<_, Instant>(5)?)),
            ])
        },
    )?;
    Ok(t)
}

/// Her record as it was before an import changed it, kept so that the
/// import can be undone.
pub(super) fn before_import(cx: &Ctx<'_>) -> Result<ReportTable> {
    let mut t = cx.table(
        "before_import",
        &["file", "name", "phones", "email", "address", "memo"],
    );
    fill(
        cx,
        &mut t,
        "SELECT b.file_name, u.name,
                (SELECT group_concat(p.national, ', ') FROM import_undo_phones p
                 WHERE p.customer_id = u.id AND p.undo_batch = u.undo_batch),
                u.email, trim(u.address1 || ' ' || u.address2), u.memo
         FROM import_undo_customers u LEFT JOIN import_batches b ON b.id = u.undo_batch
         WHERE u.id = ?1 ORDER BY u.undo_batch",
        |r| {
            Ok(vec![
                text(r.get::<_, Option<String>>(0)?.unwrap_or_default()),
                text(r.get::<_, String>(1)?),
                text(r.get::<_, Option<String>>(2)?.unwrap_or_default()),
                text(r.get::<_, Option<String>>(3)?.unwrap_or_default()),
                text(r.get::<_, String>(4)?),
                text(r.get::<_, String>(5)?),
            ])
        },
    )?;
    Ok(t)
}
