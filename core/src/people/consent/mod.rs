//! Consents as the law wants them kept. 개인정보 보호법 제15·22조 ask a
//! shop to collect personal data with consent, required and optional items
//! separately; 정보통신망법 제50조 asks for a prior consent to advertising
//! per channel and a separate one for advertising at night (21:00–08:00),
//! and a record of it. Every consent given or withdrawn is one row of
//! `consent_records`: its purpose, channel, whether it is the night
//! consent, the version of the wording she was shown (the text of every
//! version is kept in `wording`), how and when. The customers' `consent_*`
//! columns, which the outboxes read, are the current state and are written
//! only by `records::apply`, in the same transaction as the row.

pub mod notice;
pub mod records;
pub mod wording;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a consent is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConsentPurpose {
    /// The required items (name, phone) for keeping her as a customer.
    Care,
    /// The optional items (birthday, address, family days) for greetings:
    /// informational letters, no advertising.
    Greetings,
    /// Advertising (광고성 정보), per channel.
    Marketing,
}

/// How advertising reaches her.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConsentChannel {
    Email,
    /// SMS, LMS and 알림톡.
    Text,
    Post,
}

/// How a consent was given (or withdrawn).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ConsentMethod {
    /// She signed the paper form at the counter.
    Paper,
    /// She said so at the counter.
    InPerson,
    /// She said so on the phone.
    Phone,
    /// Online (a web form, a reply by email or text).
    Online,
    /// It came with the shop's old customer list.
    Import,
    /// Ticked in the customer form, without saying how.
    Form,
    /// She asked (a withdrawal: in person, by phone, a 수신거부 reply).
    Request,
    /// Recorded before Dangol kept consents this way.
    Earlier,
}

/// Which consent: a purpose, its channel (advertising only), and whether
/// it is the separate night-time consent (advertising by email or text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConsentScope {
    pub purpose: ConsentPurpose,
    pub channel: Option<ConsentChannel>,
    pub night: bool,
}

impl ConsentScope {
    pub const fn marketing(channel: ConsentChannel) -> Self {
        ConsentScope {
            purpose: ConsentPurpose::Marketing,
            channel: Some(channel),
            night: false,
        }
    }

    pub const fn night(channel: ConsentChannel) -> Self {
        ConsentScope {
            purpose: ConsentPurpose::Marketing,
            channel: Some(channel),
            night: true,
        }
    }

    pub const fn of(purpose: ConsentPurpose) -> Self {
        ConsentScope {
            purpose,
            channel: None,
            night: false,
        }
    }

    /// Whether the law knows such a consent: a channel for advertising
    /// only, night only for advertising by email or text.
    pub fn is_valid(self) -> bool {
        match (self.purpose, self.channel, self.night) {
            (ConsentPurpose::Marketing, Some(ConsentChannel::Post), night) => !night,
            (ConsentPurpose::Marketing, Some(_), _) => true,
            (ConsentPurpose::Marketing, None, _) => false,
            (_, channel, night) => channel.is_none() && !night,
        }
    }

    /// The day consent a night consent needs.
    pub fn day(self) -> Self {
        ConsentScope {
            night: false,
            ..self
        }
    }
}

/// Every consent the customer screen shows, in its order.
pub const SCOPES: [ConsentScope; 7] = [
    ConsentScope::of(ConsentPurpose::Care),
    ConsentScope::of(ConsentPurpose::Greetings),
    ConsentScope::marketing(ConsentChannel::Text),
    ConsentScope::night(ConsentChannel::Text),
    ConsentScope::marketing(ConsentChannel::Email),
    ConsentScope::night(ConsentChannel::Email),
    ConsentScope::marketing(ConsentChannel::Post),
];

/// One consent given or withdrawn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConsentRecord {
    pub id: i64,
    pub scope: ConsentScope,
    pub given: bool,
    /// The version of the wording she was shown (`wording::versions`), or
    /// `earlier` for what was recorded before.
    pub wording: String,
    pub method: ConsentMethod,
    /// RFC 3339, or a date alone for what was recorded before.
    pub at: String,
    pub note: String,
}

/// Where a consent stands now: its latest record, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConsentState {
    pub scope: ConsentScope,
    pub given: bool,
    pub last: Option<ConsentRecord>,
}

/// A customer's consents: each one's state, and every record, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConsentOverview {
    pub states: Vec<ConsentState>,
    pub records: Vec<ConsentRecord>,
    /// The wording version a consent given now is recorded with.
    pub current_wording: String,
}

/// What the owner records: these consents given, how, and a note.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
pub struct ConsentGiven {
    pub scopes: Vec<ConsentScope>,
    pub method: ConsentMethod,
    #[serde(default)]
    pub note: String,
}
