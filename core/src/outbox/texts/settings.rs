//! The shop's text settings: which provider, the registered 발신번호 (a
//! Korean law since 2015: texts may only come from a number the sender
//! registered and proved is theirs — the provider refuses any other), the
//! unit prices the owner pays (for the cost shown before a batch), how a
//! customer refuses advertising free of charge, the pace, and the
//! KakaoTalk channel for 알림톡. The API key and secret are not here: the
//! shell keeps them in the OS keychain.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::law::OptOut;
use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TextProviderKind {
    #[default]
    Solapi,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TextSettings {
    pub provider: TextProviderKind,
    /// The 발신번호 registered with the provider, as typed.
    pub sender_number: String,
    /// What one SMS, LMS and 알림톡 cost the shop, in won.
    pub price_sms: u32,
    pub price_lms: u32,
    pub price_alimtalk: u32,
    /// The shop's free 080 number for refusing advertising…
    pub opt_out_number: String,
    /// …or the word a customer replies with.
    pub opt_out_keyword: String,
    /// Texts a second at most (0: as fast as the provider answers).
    pub per_second: u32,
    /// The KakaoTalk channel's id at the provider (pfId), for 알림톡.
    pub kakao_channel_id: String,
}

impl Default for TextSettings {
    fn default() -> Self {
        TextSettings {
            provider: TextProviderKind::Solapi,
            sender_number: String::new(),
            price_sms: 20,
            price_lms: 50,
            price_alimtalk: 15,
            opt_out_number: String::new(),
            opt_out_keyword: String::new(),
            per_second: 20,
            kakao_channel_id: String::new(),
        }
    }
}

/// Digits only: "02-123-4567" → "021234567".
pub(crate) fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

impl TextSettings {
    pub fn check(&self) -> Result<()> {
        let mut bad = vec![];
        let sender = digits(&self.sender_number);
        if self.sender_number.trim().is_empty() {
            bad.push(FieldError::new("sender_number", FieldErrorCode::Required));
        } else if !(8..=12).contains(&sender.len())
            || !sender.starts_with('0') && !sender.starts_with('1')
            || self
                .sender_number
                .chars()
                .any(|c| !c.is_ascii_digit() && !"- ()".contains(c))
        {
            bad.push(FieldError::new(
                "sender_number",
                FieldErrorCode::InvalidPhone,
            ));
        }
        let opt = digits(&self.opt_out_number);
        if !(self.opt_out_number.trim().is_empty() || opt.starts_with("080") && opt.len() >= 10) {
            bad.push(FieldError::new(
                "opt_out_number",
                FieldErrorCode::InvalidPhone,
            ));
        }
        if self.opt_out_keyword.chars().count() > 20 {
            bad.push(FieldError::new("opt_out_keyword", FieldErrorCode::TooLong));
        }
        if self.per_second > 1000 {
            bad.push(FieldError::new("per_second", FieldErrorCode::InvalidChoice));
        }
        if bad.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(bad))
        }
    }

    /// How a customer refuses advertising: the 080 number first.
    pub fn opt_out(&self) -> Option<OptOut> {
        if !self.opt_out_number.trim().is_empty() {
            Some(OptOut::Number(self.opt_out_number.trim().to_string()))
        } else if !self.opt_out_keyword.trim().is_empty() {
            Some(OptOut::Keyword(self.opt_out_keyword.trim().to_string()))
        } else {
            None
        }
    }

    fn trimmed(&self) -> Self {
        TextSettings {
            sender_number: self.sender_number.trim().to_string(),
            opt_out_number: self.opt_out_number.trim().to_string(),
            opt_out_keyword: self.opt_out_keyword.trim().to_string(),
            kakao_channel_id: self.kakao_channel_id.trim().to_string(),
            ..self.clone()
        }
    }
}

const KEY: &str = "texts";

pub(crate) fn load(conn: &Connection) -> Result<Option<TextSettings>> {
    crate::store::settings::get(conn, KEY)
}

pub(crate) fn save(conn: &Connection, s: &TextSettings) -> Result<TextSettings> {
    let s = s.trimmed();
    s.check()?;
    crate::store::settings::put(conn, KEY, &s)?;
    Ok(s)
}
