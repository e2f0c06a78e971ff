//! The small interface a messaging provider implements, so another can be
//! added beside Solapi: send one text (tagged with our own reference), find
//! a text by that reference after an unknown outcome, and fetch a text's
//! delivery report. Every answer is one of: taken (with the provider's id),
//! refused before it was taken (safe to try again or not, by the code), or
//! unknown (the request may have reached it).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::length::TextKind;

/// Why a text could not go, as the owner is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TextErrorCode {
    /// Text settings were never filled in.
    NotConfigured,
    /// The keychain has no API key and secret.
    KeyMissing,
    /// The provider refused the API key or the signature.
    AuthFailed,
    /// The 발신번호 is not registered with the provider.
    SenderNotRegistered,
    /// The account's balance is used up.
    NoBalance,
    /// The customer's number cannot receive texts.
    InvalidNumber,
    /// The provider asked to slow down, and kept asking.
    RateLimited,
    /// The provider could not be reached (nothing was sent).
    Unreachable,
    /// No answer in time after the text was handed over: fate unknown.
    Timeout,
    /// The connection broke after the text was handed over: fate unknown.
    Dropped,
    /// Refused for another reason (the provider's words are kept).
    Rejected,
    /// The customer has no mobile number.
    NoMobile,
    /// Advertising to someone who has not agreed to texts (or opted out).
    NoConsent,
    /// Longer than an LMS carries.
    TooLong,
    /// An informational 알림톡 whose text reads as advertising.
    AdInAlimtalk,
    /// Sent, but the carrier reported it was not delivered.
    Undelivered,
}

impl TextErrorCode {
    /// Codes after which nothing else can go until the owner fixes the
    /// settings or the account: every waiting text fails with the reason.
    pub fn stops_batch(self) -> bool {
        matches!(
            self,
            Self::NotConfigured
                | Self::KeyMissing
                | Self::AuthFailed
                | Self::SenderNotRegistered
                | Self::NoBalance
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextError {
    pub code: TextErrorCode,
    /// The provider's or system's words, for 자세히 (never a key).
    pub detail: String,
}

impl TextError {
    pub fn new(code: TextErrorCode, detail: impl Into<String>) -> Self {
        TextError {
            code,
            detail: detail.into(),
        }
    }
}

/// One text to hand over.
#[derive(Debug, Clone)]
pub struct OutgoingText {
    /// Digits only, national form (01012345678).
    pub to: String,
    /// The registered 발신번호, digits only.
    pub from: String,
    pub kind: TextKind,
    /// LMS only.
    pub subject: String,
    pub text: String,
    /// Ours, unique per letter and kept across tries: finds it again.
    pub reference: String,
    /// 알림톡 only: the template and the values filled in.
    pub alimtalk: Option<super::alimtalk::AlimtalkSend>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendOutcome {
    /// Taken; the provider's id for reports.
    Accepted { message_id: String },
    /// Refused before it was taken: nothing went. `retry_after` for a
    /// rate limit or an unreachable provider.
    Refused {
        error: TextError,
        retry_after: Option<std::time::Duration>,
    },
    /// The request may have reached the provider.
    Unknown(TextError),
}

/// What became of a text after the provider took it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Delivery {
    /// With the carrier, no report yet.
    Pending,
    /// On her phone.
    Delivered,
    /// The carrier could not deliver it (the provider's words).
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found { message_id: String },
    NotFound,
    Failed(TextError),
}

pub trait TextProvider: Send + Sync {
    fn send(&self, text: &OutgoingText) -> SendOutcome;
    /// Whether a text with this reference to `to` reached the provider
    /// since `since` (after an unknown outcome).
    fn find(&self, reference: &str, to: &str, since: DateTime<Utc>) -> Lookup;
    /// The delivery report of a text it took, with the provider's words
    /// when it failed.
    fn report(&self, message_id: &str) -> Result<(Delivery, String), TextError>;
}
