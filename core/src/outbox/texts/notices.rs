//! Automatic notices the owner chooses: points earned after a visit, points
//! expiring within 30 days, and a birthday coupon on the morning of the
//! day. Each is off until she turns it on, and she can only turn it on
//! having seen exactly what it sends (`NoticePreview`: the text with a real
//! customer's name, or a sample when she has none yet; the preview's text
//! must be given back when turning it on). What each says is here; when it
//! is due, and sending it once, is `notices_due`.
//!
//! Points notices are information: they go to every customer with a
//! mobile, by text or — when she chose an approved template — by 알림톡. A
//! birthday coupon is advertising (정보통신망법 제50조): it goes only as a
//! text framed with "(광고)", the shop's name and the free opt-out, only to
//! customers who agreed to advertising texts, and never by 알림톡.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::alimtalk::{AlimtalkSend, AlimtalkTemplate};
use super::law;
use super::length::{self, TextKind};
use super::settings::TextSettings;
use crate::error::Result;
use crate::outbox::mail::compose::text_with;
use crate::store::settings::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NoticeKind {
    PointsEarned,
    PointsExpiring,
    BirthdayCoupon,
}

pub const ALL: [NoticeKind; 3] = [
    NoticeKind::PointsEarned,
    NoticeKind::PointsExpiring,
    NoticeKind::BirthdayCoupon,
];

impl NoticeKind {
    /// The letters' occasion for it (and the first part of its key).
    pub fn occasion(self) -> &'static str {
        match self {
            NoticeKind::PointsEarned => "points_earned",
            NoticeKind::PointsExpiring => "points_expiring",
            NoticeKind::BirthdayCoupon => "birthday_coupon",
        }
    }

    pub fn advertising(self) -> bool {
        self == NoticeKind::BirthdayCoupon
    }
}

/// One notice's choice.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoticeRule {
    pub on: bool,
    /// When it was turned on: only what happens after counts (turning on
    /// "points earned" does not write to everyone who ever earned any).
    pub since: Option<DateTime<Utc>>,
    /// The code of the approved 알림톡 template it goes by; none: a text.
    pub alimtalk: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NoticeSettings {
    pub points_earned: NoticeRule,
    pub points_expiring: NoticeRule,
    pub birthday_coupon: NoticeRule,
}

impl NoticeSettings {
    pub fn rule(&self, k: NoticeKind) -> &NoticeRule {
        match k {
            NoticeKind::PointsEarned => &self.points_earned,
            NoticeKind::PointsExpiring => &self.points_expiring,
            NoticeKind::BirthdayCoupon => &self.birthday_coupon,
        }
    }

    pub fn rule_mut(&mut self, k: NoticeKind) -> &mut NoticeRule {
        match k {
            NoticeKind::PointsEarned => &mut self.points_earned,
            NoticeKind::PointsExpiring => &mut self.points_expiring,
            NoticeKind::BirthdayCoupon => &mut self.birthday_coupon,
        }
    }
}

const KEY: &str = "text_notices";

pub(crate) fn load(conn: &rusqlite::Connection) -> Result<NoticeSettings> {
    Ok(crate::store::settings::get(conn, KEY)?.unwrap_or_default())
}

pub(crate) fn save(conn: &rusqlite::Connection, s: &NoticeSettings) -> Result<()> {
    crate::store::settings::put(conn, KEY, s)
}

/// Why a notice cannot be turned on yet, in the owner's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum NoticeBlock {
    /// Text settings were never saved.
    NotSetUp,
    /// The shop gives no points.
    PointsOff,
    /// Points never lapse.
    NoExpiry,
    /// The loyalty rules give no birthday coupon.
    BirthdayCouponOff,
    /// An advertisement needs the shop's name after "(광고)".
    NeedShopName,
    /// An advertisement needs the free opt-out.
    NeedOptOut,
    /// 알림톡 needs the KakaoTalk channel's id.
    NeedChannel,
    /// The chosen template is no longer there.
    UnknownTemplate,
    /// 알림톡 carries no advertising (the birthday coupon, or a template).
    AdInAlimtalk,
}

/// The values a notice is written with.
#[derive(Debug, Clone, Default)]
pub struct NoticeValues {
    pub name: String,
    /// Earned (points earned) or lapsing (points expiring).
    pub points: i64,
    pub balance: i64,
    /// When they lapse, or until when the coupon may be used.
    pub date: Option<NaiveDate>,
    /// The coupon as a letter names it ("10% 할인 쿠폰").
    pub coupon: String,
}

/// What the notice is written with besides her values.
pub struct NoticeContext<'a> {
    pub language: Language,
    pub shop_name: &'a str,
    pub settings: &'a TextSettings,
    /// The approved template chosen for it, if any.
    pub template: Option<&'a AlimtalkTemplate>,
}

/// A notice for one customer.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub title: String,
    /// The letter's text (an advertisement is framed when it is queued).
    pub body: String,
    /// Exactly what her phone shows.
    pub shown: String,
    pub via: TextKind,
    pub alimtalk: Option<AlimtalkSend>,
}

/// 1,200
pub(crate) fn grouped(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

pub(crate) fn date_text(d: Option<NaiveDate>, lang: Language) -> String {
    d.map(|d| {
        d.format(&crate::letters::WORDS.say(lang, "date.full"))
            .to_string()
    })
    .unwrap_or_default()
}

pub fn render(kind: NoticeKind, v: &NoticeValues, cx: &NoticeContext<'_>) -> Rendered {
    let lang = cx.language;
    let date = date_text(v.date, lang);
    let (points, balance) = (grouped(v.points), grouped(v.balance));
    let title = text_with(lang, &format!("notice_{}_title", kind.occasion()), &[]);
    let template = cx.template.filter(|_| !kind.advertising());
    if let Some(t) = template {
        let values = BTreeMap::from([
            ("이름", v.name.clone()),
            ("매장명", cx.shop_name.trim().to_string()),
            ("포인트", points),
            ("보유포인트", balance),
            ("소멸일", date),
        ]);
        let (text, send) = t.fill(&cx.settings.kakao_channel_id, &values);
        return Rendered {
            title,
            body: text.clone(),
            shown: text,
            via: TextKind::Alimtalk,
            alimtalk: Some(send),
        };
    }
    let fill = [
        ("name", v.name.as_str()),
        ("points", points.as_str()),
        ("balance", balance.as_str()),
        ("date", date.as_str()),
        ("coupon", v.coupon.as_str()),
    ];
    let mut body = text_with(lang, &format!("notice_{}", kind.occasion()), &fill);
    let shop = cx.shop_name.trim();
    if !kind.advertising() && !shop.is_empty() {
        // Who it is from: an information text carries the shop's name too.
        body = format!("[{shop}] {body}");
    }
    let shown = match (kind.advertising(), cx.settings.opt_out()) {
        (true, Some(o)) => law::frame_ad(shop, &body, &o),
        _ => body.clone(),
    };
    Rendered {
        title,
        via: length::kind_for(&shown).unwrap_or(TextKind::Lms),
        body,
        shown,
        alimtalk: None,
    }
}

/// A notice as the owner sees it before turning it on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct NoticePreview {
    pub kind: NoticeKind,
    /// Whose values it was written with; none: a sample.
    pub customer_name: Option<String>,
    pub title: String,
    /// Exactly what will be sent.
    pub text: String,
    pub via: TextKind,
    pub advertising: bool,
    /// Why it cannot be turned on yet.
    pub blocked: Option<NoticeBlock>,
    pub rule: NoticeRule,
}

/// What keeps the notice from going, given the shop's set-up.
pub(crate) fn block(
    kind: NoticeKind,
    settings: Option<&TextSettings>,
    shop_name: &str,
    rules: &crate::loyalty::rules::LoyaltyRules,
    alimtalk: Option<&str>,
    template: Option<&AlimtalkTemplate>,
) -> Option<NoticeBlock> {
    use crate::loyalty::rules::PointsMode;
    let Some(settings) = settings else {
        return Some(NoticeBlock::NotSetUp);
    };
    let points_off = rules.points.mode == PointsMode::Off;
    match kind {
        NoticeKind::PointsEarned | NoticeKind::PointsExpiring if points_off => {
            return Some(NoticeBlock::PointsOff)
        }
        NoticeKind::PointsExpiring if rules.points.expiry_months.is_none() => {
            return Some(NoticeBlock::NoExpiry)
        }
        NoticeKind::BirthdayCoupon => {
            if rules.birthday_days_before.is_none() {
                return Some(NoticeBlock::BirthdayCouponOff);
            }
            if alimtalk.is_some() {
                return Some(NoticeBlock::AdInAlimtalk);
            }
            if shop_name.trim().is_empty() {
                return Some(NoticeBlock::NeedShopName);
            }
            if settings.opt_out().is_none() {
                return Some(NoticeBlock::NeedOptOut);
            }
        }
        _ => {}
    }
    if let Some(code) = alimtalk {
        let Some(t) = template.filter(|t| t.code == code) else {
            return Some(NoticeBlock::UnknownTemplate);
        };
        if settings.kakao_channel_id.trim().is_empty() {
            return Some(NoticeBlock::NeedChannel);
        }
        if t.check().is_some() {
            return Some(NoticeBlock::AdInAlimtalk);
        }
    }
    None
}
