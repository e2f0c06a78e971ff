//! Putting letters in the outbox as texts, each once, with what the law
//! asks: advertising framed with "(광고)", the shop's name and a free
//! opt-out, only to customers who agreed to texts, and held until 08:00
//! when it is night and she has not agreed to night-time advertising.
//! The same plan gives the cost shown before a batch goes.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::alimtalk::AlimtalkSend;
use super::law::{self, OptOut};
use super::length::{self, TextKind};
use super::provider::TextErrorCode;
use super::settings::{digits, TextSettings};
use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::store::clock::Clock;
use crate::store::rows::enum_str;

/// A letter that will not go as a text, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TextNotQueued {
    pub letter_id: i64,
    pub customer_name: String,
    pub reason: TextErrorCode,
}

/// What a batch would send and cost, before it goes (and what it did).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TextPlan {
    pub sms: u32,
    pub lms: u32,
    pub alimtalk: u32,
    /// Already waiting or sent: left as they are (not counted in the cost).
    pub already: u32,
    /// Advertisements that will wait for 08:00 (night, no night consent).
    pub held_for_morning: u32,
    /// What the texts cost, in won, at the owner's unit prices.
    pub cost: u32,
    pub not_queued: Vec<TextNotQueued>,
    /// One text as it will read (the first letter's), for the dialog.
    pub sample: Option<String>,
}

/// What the batch is given: the shop, its settings, which occasions are
/// advertising, and the clock.
pub struct QueueContext<'a> {
    pub settings: &'a TextSettings,
    pub shop_name: &'a str,
    pub advertising: &'a dyn Fn(&str) -> bool,
    /// Letters that go as 알림톡 (an automatic notice with a template
    /// chosen): the template and its values, by letter id.
    pub alimtalk: &'a dyn Fn(i64) -> Option<AlimtalkSend>,
    pub clock: &'a dyn Clock,
}

struct Planned {
    customer_id: i64,
    to: String,
    kind: TextKind,
    body: String,
    advertising: bool,
    not_before: Option<DateTime<Utc>>,
    alimtalk: Option<String>,
}

/// A fresh reference for a text (sent with it, to find it again).
pub(crate) fn new_reference() -> String {
    format!(
        "dangol-{:016x}{:016x}",
        fastrand::u64(..),
        fastrand::u64(..)
    )
}

/// Her first Korean mobile number, digits only (010…).
pub(crate) fn mobile_of(conn: &Connection, customer_id: i64) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT national FROM customer_phones WHERE customer_id = ?1 AND region = 'KR'
         ORDER BY label = 'mobile' DESC, position",
    )?;
    let phones = stmt
        .query_map([customer_id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(phones
        .iter()
        .map(|p| digits(p))
        .find(|d| d.starts_with("01") && (10..=11).contains(&d.len())))
}

type LetterRow = (i64, String, String, String, Option<String>, Option<String>);

fn plan_one(
    conn: &Connection,
    letter_id: i64,
    ctx: &QueueContext<'_>,
    opt_out: Option<&OptOut>,
) -> Result<(String, std::result::Result<Planned, TextErrorCode>)> {
    let row: Option<LetterRow> = conn
        .query_row(
            "SELECT c.id, c.name, l.occasion, l.body, c.consent_sms, c.consent_sms_night
             FROM letters l JOIN customers c ON c.id = l.customer_id WHERE l.id = ?1",
            [letter_id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let (customer_id, name, occasion, body, consent, night) = row.ok_or(Error::NotFound {
        what: "letter",
        id: letter_id,
    })?;
    let advertising = (ctx.advertising)(&occasion);
    let Some(to) = mobile_of(conn, customer_id)? else {
        return Ok((name, Err(TextErrorCode::NoMobile)));
    };
    if advertising && consent.is_none() {
        return Ok((name, Err(TextErrorCode::NoConsent)));
    }
    if advertising && ctx.shop_name.trim().is_empty() {
        // The law asks for the sender's name after "(광고)".
        return Err(Error::Validation(vec![FieldError::new(
            "shop_name",
            FieldErrorCode::Required,
        )]));
    }
    if let Some(a) = (ctx.alimtalk)(letter_id) {
        // Information only: no advertising goes by 알림톡. (Its template's
        // words were checked when it was saved; the values filled in — her
        // name, the shop's, numbers — are not ad copy, and a shop called
        // "세일러 카페" must still be able to send.)
        let body = body.trim().to_string();
        if advertising {
            return Ok((name, Err(TextErrorCode::AdInAlimtalk)));
        }
        if body.chars().count() > super::alimtalk::MAX_CHARS {
            return Ok((name, Err(TextErrorCode::TooLong)));
        }
        let alimtalk = serde_json::to_string(&a).expect("alimtalk serialises");
        return Ok((
            name,
            Ok(Planned {
                customer_id,
                to,
                kind: TextKind::Alimtalk,
                body,
                advertising: false,
                not_before: None,
                alimtalk: Some(alimtalk),
            }),
        ));
    }
    let body = match (advertising, opt_out) {
        (true, Some(o)) => law::frame_ad(ctx.shop_name, &body, o),
        (true, None) => {
            return Err(Error::Validation(vec![FieldError::new(
                "opt_out_number",
                FieldErrorCode::Required,
            )]))
        }
        (false, _) => body.trim().to_string(),
    };
    let Some(kind) = length::kind_for(&body) else {
        return Ok((name, Err(TextErrorCode::TooLong)));
    };
    let now = ctx.clock.now();
    let local = ctx.clock.local(now);
    let not_before = (advertising && night.is_none() && law::is_night(local))
        .then(|| ctx.clock.utc(law::next_allowed(local)));
    Ok((
        name,
        Ok(Planned {
            customer_id,
            to,
            kind,
            body,
            advertising,
            not_before,
            alimtalk: None,
        }),
    ))
}

/// Plans the batch and, unless `dry_run`, puts it in the outbox: each
/// letter once (a letter waiting or sent is left alone; a failed or
/// cancelled one is queued again, keeping its reference).
pub fn queue(
    conn: &Connection,
    letter_ids: &[i64],
    ctx: &QueueContext<'_>,
    reference: &dyn Fn() -> String,
    dry_run: bool,
) -> Result<TextPlan> {
    let opt_out = ctx.settings.opt_out();
    let now = ctx.clock.now();
    let mut plan = TextPlan::default();
    for &id in letter_ids {
        let (name, planned) = plan_one(conn, id, ctx, opt_out.as_ref())?;
        let p = match planned {
            Ok(p) => p,
            Err(reason) => {
                plan.not_queued.push(TextNotQueued {
                    letter_id: id,
                    customer_name: name,
                    reason,
                });
                continue;
            }
        };
        let status: Option<String> = conn
            .query_row(
                "SELECT status FROM outbox WHERE letter_id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if !matches!(status.as_deref(), None | Some("failed" | "cancelled")) {
            plan.already += 1;
            continue;
        }
        if !dry_run {
            if status.is_none() {
                conn.execute(
                    "INSERT INTO outbox (letter_id, customer_id, to_address, advertising, status,
                        message_id, queued_at, updated_at, channel, text_kind, text_body, not_before,
                        alimtalk)
                     VALUES (?1, ?2, ?3, ?4, 'queued', ?5, ?6, ?6, 'text', ?7, ?8, ?9, ?10)",
                    params![id, p.customer_id, p.to, p.advertising, reference(), now,
                        enum_str(&p.kind), p.body, p.not_before, p.alimtalk],
                )?;
            } else {
                conn.execute(
                    "UPDATE outbox SET status = 'queued', to_address = ?2, advertising = ?3,
                        attempts = 0, error_code = NULL, error_detail = NULL, not_before = ?4,
                        queued_at = ?5, updated_at = ?5, channel = 'text', text_kind = ?6,
                        text_body = ?7, provider_id = NULL, delivery = NULL, delivery_detail = NULL,
                        alimtalk = ?8
                     WHERE letter_id = ?1",
                    params![
                        id,
                        p.to,
                        p.advertising,
                        p.not_before,
                        now,
                        enum_str(&p.kind),
                        p.body,
                        p.alimtalk
                    ],
                )?;
            }
        }
        let s = ctx.settings;
        match p.kind {
            TextKind::Sms => (plan.sms += 1, plan.cost += s.price_sms),
            TextKind::Lms => (plan.lms += 1, plan.cost += s.price_lms),
            TextKind::Alimtalk => (plan.alimtalk += 1, plan.cost += s.price_alimtalk),
        };
        plan.held_for_morning += u32::from(p.not_before.is_some());
        if plan.sample.is_none() {
            plan.sample = Some(p.body);
        }
    }
    Ok(plan)
}
