//! When each automatic notice is due, and putting it in the outbox once.
//!
//! A notice is a letter whose occasion key names what it is about —
//! `points_earned:<ledger entry>`, `points_expiring:<first day they
//! lapse>`, `birthday_coupon:<coupon>` — and the letters table keeps one
//! letter per customer and key (UNIQUE), so a notice is made once however
//! often the check runs, and the letter and its outbox row are written in
//! one transaction: a crash leaves both or neither, and the outbox sends
//! it once (its reference found again after an unknown outcome).
//!
//! - Points earned: each earning entry since the notice was turned on.
//! - Points expiring: points that lapse within 30 days (counted as
//!   `ledger::expire_points` will), at most one notice in 30 days each.
//! - Birthday coupon: on her birthday (solar, or lunar on this year's
//!   calendar) from 08:00 until 21:00 shop time, for her unused birthday
//!   coupon (issued by the loyalty rules a few days before).

use chrono::{DateTime, Days, NaiveDate, TimeDelta, Utc};
use rusqlite::{params, Connection, OptionalExtension};

use super::alimtalk::AlimtalkTemplate;
use super::law;
use super::notices::{self, NoticeContext, NoticeKind, NoticeSettings, NoticeValues};
use super::queue::{self, QueueContext};
use super::settings::TextSettings;
use crate::error::Result;
use crate::letters::values::coupon_text;
use crate::loyalty::coupons::{self, Coupon, CouponOrigin};
use crate::loyalty::rules::LoyaltyRules;
use crate::store::clock::Clock;
use crate::store::settings::{Country, Language};

/// Days ahead a lapse is told, and the least days between two such notices.
pub const EXPIRY_NOTICE_DAYS: u64 = 30;

/// One notice due for one customer.
#[derive(Debug, Clone)]
pub struct Due {
    pub customer_id: i64,
    pub key: String,
    pub values: NoticeValues,
}

/// Everything the check needs.
pub struct DueContext<'a> {
    pub settings: &'a TextSettings,
    pub notices: &'a NoticeSettings,
    pub rules: &'a LoyaltyRules,
    pub templates: &'a [AlimtalkTemplate],
    pub shop_name: &'a str,
    pub language: Language,
    pub country: Country,
    pub clock: &'a dyn Clock,
    pub reference: &'a dyn Fn() -> String,
}

fn balance_after(conn: &Connection, customer_id: i64, entry: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(SUM(delta), 0) FROM points_ledger WHERE customer_id = ?1 AND id <= ?2",
        [customer_id, entry],
        |r| r.get(0),
    )?)
}

/// Points earned since `since` that no notice has told yet; `limit` 1
/// with no `since` gives the latest, for a preview.
fn earned(
    conn: &Connection,
    since: Option<DateTime<Utc>>,
    fresh_only: bool,
    limit: u32,
) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.customer_id, c.name, p.delta FROM points_ledger p
         JOIN customers c ON c.id = p.customer_id
         WHERE p.reason = 'earn' AND p.delta > 0 AND (?1 IS NULL OR p.created_at >= ?1)
           AND (?2 = 0 OR NOT EXISTS (SELECT 1 FROM letters l WHERE l.customer_id = p.customer_id
                AND l.occasion_key = 'points_earned:' || p.id))
         ORDER BY p.id DESC LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(params![since, fresh_only, limit], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<Vec<(i64, i64, String, i64)>>>()?;
    let mut out = vec![];
    for (entry, customer_id, name, points) in rows.into_iter().rev() {
        out.push(Due {
            customer_id,
            key: format!("points_earned:{entry}"),
            values: NoticeValues {
                name,
                points,
                balance: balance_after(conn, customer_id, entry)?,
                ..Default::default()
            },
        });
    }
    Ok(out)
}

/// Customers with points lapsing within 30 days of `today`, and no such
/// notice in the last 30 days (when `fresh_only`).
fn expiring(
    conn: &Connection,
    today: NaiveDate,
    now: DateTime<Utc>,
    fresh_only: bool,
) -> Result<Vec<Due>> {
    let horizon = today + Days::new(EXPIRY_NOTICE_DAYS);
    let recent = now - TimeDelta::days(EXPIRY_NOTICE_DAYS as i64);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name,
            SUM(CASE WHEN p.delta > 0 AND p.expires_on IS NOT NULL AND p.expires_on <= ?1
                THEN p.delta ELSE 0 END),
            -SUM(CASE WHEN p.delta < 0 THEN p.delta ELSE 0 END),
            SUM(p.delta),
            MIN(CASE WHEN p.delta > 0 AND p.expires_on > ?2 AND p.expires_on <= ?1
                THEN p.expires_on END) AS first
         FROM points_ledger p JOIN customers c ON c.id = p.customer_id
         WHERE ?4 = 0 OR NOT EXISTS (SELECT 1 FROM letters l WHERE l.customer_id = c.id
                AND l.occasion = 'points_expiring' AND l.created_at >= ?3)
         GROUP BY c.id HAVING first IS NOT NULL ORDER BY c.id",
    )?;
    let rows = stmt
        .query_map(params![horizon, today, recent, fresh_only], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, NaiveDate>(5)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(customer_id, name, lapsing, used, balance, first)| {
            let points = (lapsing - used).clamp(0, balance.max(0));
            (points > 0).then(|| Due {
                customer_id,
                key: format!("points_expiring:{first}"),
                values: NoticeValues {
                    name,
                    points,
                    balance,
                    date: Some(first),
                    ..Default::default()
                },
            })
        })
        .collect())
}

fn is_birthday(birthday: &str, lunar: bool, today: NaiveDate) -> bool {
    // 'YYYY-MM-DD' or '--MM-DD'
    let md = &birthday[birthday.len().saturating_sub(5)..];
    let (m, d) = (
        md[..2].parse().unwrap_or(0),
        md.get(3..).and_then(|d| d.parse().ok()).unwrap_or(0),
    );
    crate::letters::dates::next_on_or_after(today, m, d, lunar, false) == Some(today)
}

/// Customers whose birthday is today, with an unused birthday coupon.
fn birthdays(
    conn: &Connection,
    today: NaiveDate,
    lang: Language,
    country: Country,
) -> Result<Vec<Due>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.birthday, c.birthday_lunar, k.id FROM customers c
         JOIN coupons k ON k.customer_id = c.id AND k.origin = 'birthday'
              AND k.used_at IS NULL AND k.expires_on >= ?1 AND k.issued_on >= ?2
         WHERE c.birthday IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM letters l WHERE l.customer_id = c.id
                AND l.occasion_key = 'birthday_coupon:' || k.id)
         ORDER BY c.id, k.id",
    )?;
    let since = today - Days::new(300);
    let rows = stmt
        .query_map(params![today, since], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, bool>(3)?,
                r.get::<_, i64>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out: Vec<Due> = vec![];
    for (customer_id, name, birthday, lunar, coupon) in rows {
        if !is_birthday(&birthday, lunar, today) || out.iter().any(|d| d.customer_id == customer_id)
        {
            continue;
        }
        let c = coupons::get(conn, coupon)?;
        out.push(Due {
            customer_id,
            key: format!("birthday_coupon:{coupon}"),
            values: NoticeValues {
                name,
                date: Some(c.expires_on),
                coupon: coupon_text(&c, lang, country),
                ..Default::default()
            },
        });
    }
    Ok(out)
}

/// Whether the birthday notice may go now: the day's morning has come
/// and the night has not (so it is never held to the day after).
fn birthday_hours(local: chrono::NaiveDateTime) -> bool {
    let t = local.time();
    t >= law::night_ends() && t < law::night_starts()
}

/// Values for a preview: a real customer's when there is one.
pub(crate) fn sample(
    conn: &Connection,
    kind: NoticeKind,
    rules: &LoyaltyRules,
    today: NaiveDate,
    now: DateTime<Utc>,
    lang: Language,
    country: Country,
) -> Result<Option<NoticeValues>> {
    Ok(match kind {
        NoticeKind::PointsEarned => earned(conn, None, false, 1)?.pop().map(|d| d.values),
        NoticeKind::PointsExpiring => expiring(conn, today, now, false)?.pop().map(|d| d.values),
        NoticeKind::BirthdayCoupon => {
            let name: Option<String> = conn
                .query_row(
                    "SELECT name FROM customers WHERE birthday IS NOT NULL ORDER BY id LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            name.map(|name| birthday_sample(name, rules, today, lang, country))
        }
    })
}

/// The birthday coupon the rules give, as if issued today.
pub(crate) fn birthday_sample(
    name: String,
    rules: &LoyaltyRules,
    today: NaiveDate,
    lang: Language,
    country: Country,
) -> NoticeValues {
    let r = &rules.birthday_reward;
    let expires_on = today + Days::new(r.valid_days.into());
    let c = Coupon {
        id: 0,
        customer_id: 0,
        kind: r.kind,
        value: r.value,
        item: r.item.clone(),
        origin: CouponOrigin::Birthday,
        issued_on: today,
        expires_on,
        used_at: None,
    };
    NoticeValues {
        name,
        date: Some(expires_on),
        coupon: coupon_text(&c, lang, country),
        ..Default::default()
    }
}

/// Finds the notices due and puts each in the outbox once; returns how
/// many were queued.
pub(crate) fn queue_due(conn: &Connection, cx: &DueContext<'_>) -> Result<u32> {
    let now = cx.clock.now();
    let local = cx.clock.local(now);
    let today = local.date();
    let mut queued = 0;
    for kind in notices::ALL {
        let rule = cx.notices.rule(kind);
        if !rule.on {
            continue;
        }
        let template = rule
            .alimtalk
            .as_deref()
            .and_then(|code| cx.templates.iter().find(|t| t.code == code));
        let blocked = notices::block(
            kind,
            Some(cx.settings),
            cx.shop_name,
            cx.rules,
            rule.alimtalk.as_deref(),
            template,
        );
        if blocked.is_some() {
            continue;
        }
        let due = match kind {
            NoticeKind::PointsEarned => earned(conn, rule.since, true, u32::MAX)?,
            NoticeKind::PointsExpiring => expiring(conn, today, now, true)?,
            NoticeKind::BirthdayCoupon if birthday_hours(local) => {
                birthdays(conn, today, cx.language, cx.country)?
            }
            NoticeKind::BirthdayCoupon => vec![],
        };
        let ncx = NoticeContext {
            language: cx.language,
            shop_name: cx.shop_name,
            settings: cx.settings,
            template,
        };
        for d in due {
            if queue_one(
                conn,
                kind,
                &d,
                &notices::render(kind, &d.values, &ncx),
                cx,
                now,
            )? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

/// The letter and its outbox row; false when this notice was made before.
fn queue_one(
    conn: &Connection,
    kind: NoticeKind,
    d: &Due,
    r: &notices::Rendered,
    cx: &DueContext<'_>,
    now: DateTime<Utc>,
) -> Result<bool> {
    let made = conn.execute(
        "INSERT OR IGNORE INTO letters (customer_id, occasion, occasion_key, channel, title, body,
            created_at, with_coupon)
         VALUES (?1, ?2, ?3, 'email', ?4, ?5, ?6, ?7)",
        params![
            d.customer_id,
            kind.occasion(),
            d.key,
            r.title,
            r.body,
            now,
            kind == NoticeKind::BirthdayCoupon
        ],
    )?;
    if made == 0 {
        return Ok(false);
    }
    let letter = conn.last_insert_rowid();
    let alimtalk = r.alimtalk.clone();
    let ctx = QueueContext {
        settings: cx.settings,
        shop_name: cx.shop_name,
        advertising: &|occasion| occasion == NoticeKind::BirthdayCoupon.occasion(),
        alimtalk: &|id| alimtalk.clone().filter(|_| id == letter),
        clock: cx.clock,
    };
    let plan = queue::queue(conn, &[letter], &ctx, cx.reference, false)?;
    Ok(plan.not_queued.is_empty())
}
