//! What a customer record is, as stored and as the UI sees it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How we met the customer — the column the articles tell owners to keep:
/// a cheque they paid with, a business card, simply asking, …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Source {
    Cheque,
    BusinessCard,
    Asked,
    WalkIn,
    Online,
    Referral,
    #[default]
    Other,
}

impl Source {
    pub const ALL: [Source; 7] = [
        Source::Cheque,
        Source::BusinessCard,
        Source::Asked,
        Source::WalkIn,
        Source::Online,
        Source::Referral,
        Source::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Cheque => "cheque",
            Source::BusinessCard => "business_card",
            Source::Asked => "asked",
            Source::WalkIn => "walk_in",
            Source::Online => "online",
            Source::Referral => "referral",
            Source::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum PhoneLabel {
    #[default]
    Mobile,
    Home,
    Work,
    Other,
}

impl PhoneLabel {
    pub fn as_str(self) -> &'static str {
        match self {
            PhoneLabel::Mobile => "mobile",
            PhoneLabel::Home => "home",
            PhoneLabel::Work => "work",
            PhoneLabel::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<PhoneLabel> {
        [
            PhoneLabel::Mobile,
            PhoneLabel::Home,
            PhoneLabel::Work,
            PhoneLabel::Other,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }
}

/// A phone as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct PhoneInput {
    pub label: PhoneLabel,
    pub number: String,
}

/// What the customer form sends. Everything is text as typed, so that a
/// refused form can be shown again exactly as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct CustomerInput {
    pub name: String,
    pub phones: Vec<PhoneInput>,
    pub email: String,
    pub postal_code: String,
    pub address1: String,
    pub address2: String,
    /// `1985-03-02`, `1985.3.2`, `19850302`, or `3-2` / `03-02` without a year.
    pub birthday: String,
    pub birthday_lunar: bool,
    pub source: Source,
    /// Who referred them, which website, …
    pub source_note: String,
    pub memo: String,
    pub staff_id: Option<i64>,
    pub consent_email: bool,
    pub consent_sms: bool,
    pub consent_post: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Phone {
    pub label: PhoneLabel,
    /// Exactly what was typed.
    pub raw: String,
    /// `+821012345678`
    pub e164: String,
    /// The way people write it: `010-1234-5678` at a Korean shop,
    /// `(213) 555-0123` at an American one, international otherwise.
    pub display: String,
}

/// A birthday; the year may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Birthday {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
    /// 음력: the date is on the Korean lunar calendar.
    pub lunar: bool,
}

/// The date each kind of contact was agreed to; `None` = no consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS, Default)]
#[ts(export)]
pub struct Consents {
    pub email: Option<NaiveDate>,
    pub sms: Option<NaiveDate>,
    pub post: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StaffRef {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Customer {
    pub id: i64,
    pub card_no: i64,
    pub name: String,
    pub phones: Vec<Phone>,
    pub email: Option<String>,
    pub postal_code: String,
    pub address1: String,
    pub address2: String,
    pub birthday: Option<Birthday>,
    pub source: Source,
    pub source_note: String,
    pub memo: String,
    pub staff: Option<StaffRef>,
    pub consents: Consents,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Customer {
    /// The record as a form would show it, for editing.
    pub fn to_input(&self) -> CustomerInput {
        CustomerInput {
            name: self.name.clone(),
            phones: self
                .phones
                .iter()
                .map(|p| PhoneInput {
                    label: p.label,
                    number: p.raw.clone(),
                })
                .collect(),
            email: self.email.clone().unwrap_or_default(),
            postal_code: self.postal_code.clone(),
            address1: self.address1.clone(),
            address2: self.address2.clone(),
            birthday: self.birthday.map(|b| b.to_iso()).unwrap_or_default(),
            birthday_lunar: self.birthday.is_some_and(|b| b.lunar),
            source: self.source,
            source_note: self.source_note.clone(),
            memo: self.memo.clone(),
            staff_id: self.staff.as_ref().map(|s| s.id),
            consent_email: self.consents.email.is_some(),
            consent_sms: self.consents.sms.is_some(),
            consent_post: self.consents.post.is_some(),
        }
    }
}

impl Birthday {
    /// `1985-03-02`, or `--03-02` when the year is unknown (ISO 8601).
    pub fn to_iso(self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("--{:02}-{:02}", self.month, self.day),
        }
    }
}

/// One row of the customer list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerSummary {
    pub id: i64,
    pub card_no: i64,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub staff: Option<StaffRef>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum CustomerSort {
    #[default]
    Name,
    RecentlyUpdated,
    CardNo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct CustomerListQuery {
    /// Only the customers this staff member is in charge of.
    pub staff_id: Option<i64>,
    pub sort: CustomerSort,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerPage {
    pub total: u32,
    pub rows: Vec<CustomerSummary>,
}
