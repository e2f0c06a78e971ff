//! How the shop sends mail: its own mailbox's SMTP server, the login, the
//! name customers see, and the pace the provider allows. The password is
//! not here: the shell keeps it in the OS keychain.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Provider {
    Gmail,
    Naver,
    Daum,
    Outlook,
    Icloud,
    Custom,
}

/// STARTTLS upgrades a plain connection (port 587); TLS is encrypted from
/// the first byte (port 465). Never unencrypted: the password would travel
/// in the clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Security {
    Starttls,
    Tls,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MailSettings {
    pub provider: Provider,
    pub host: String,
    pub port: u16,
    pub security: Security,
    /// The login, usually the whole address.
    pub username: String,
    /// The address mail comes from (what customers know).
    pub from_address: String,
    /// The name customers see: the shop's, usually.
    pub from_name: String,
    /// For advertising mail: the contact Korean law asks for, and the postal
    /// address US law asks for.
    pub shop_phone: String,
    pub shop_address: String,
    /// Pace: letters per minute and per day; 0 = no limit.
    pub per_minute: u32,
    pub per_day: u32,
}

/// A provider's server and the pace it tolerates from one mailbox
/// (kept well under the published limits so an account is never locked).
pub struct Preset {
    pub provider: Provider,
    pub host: &'static str,
    pub port: u16,
    pub security: Security,
    pub per_minute: u32,
    pub per_day: u32,
    /// Whether the provider wants an app password rather than the normal one.
    pub app_password: bool,
}

pub const PRESETS: [Preset; 6] = [
    Preset {
        provider: Provider::Gmail,
        host: "smtp.gmail.com",
        port: 587,
        security: Security::Starttls,
        per_minute: 20,
        per_day: 400,
        app_password: true,
    },
    Preset {
        provider: Provider::Naver,
        host: "smtp.naver.com",
        port: 587,
        security: Security::Starttls,
        per_minute: 20,
        per_day: 400,
        app_password: true,
    },
    Preset {
        provider: Provider::Daum,
        host: "smtp.daum.net",
        port: 465,
        security: Security::Tls,
        per_minute: 20,
        per_day: 400,
        app_password: true,
    },
    Preset {
        provider: Provider::Outlook,
        host: "smtp-mail.outlook.com",
        port: 587,
        security: Security::Starttls,
        per_minute: 20,
        per_day: 250,
        app_password: true,
    },
    Preset {
        provider: Provider::Icloud,
        host: "smtp.mail.me.com",
        port: 587,
        security: Security::Starttls,
        per_minute: 20,
        per_day: 400,
        app_password: true,
    },
    Preset {
        provider: Provider::Custom,
        host: "",
        port: 587,
        security: Security::Starttls,
        per_minute: 30,
        per_day: 1000,
        app_password: false,
    },
];

pub(crate) fn preset(p: Provider) -> &'static Preset {
    PRESETS
        .iter()
        .find(|x| x.provider == p)
        .expect("every provider has a preset")
}

impl MailSettings {
    /// A provider's settings for this address (the login is the address).
    pub fn for_provider(provider: Provider, address: &str, from_name: &str) -> Self {
        let p = preset(provider);
        MailSettings {
            provider,
            host: p.host.into(),
            port: p.port,
            security: p.security,
            username: address.into(),
            from_address: address.into(),
            from_name: from_name.into(),
            shop_phone: String::new(),
            shop_address: String::new(),
            per_minute: p.per_minute,
            per_day: p.per_day,
        }
    }

    /// Every problem at once, by field, so the form can show them all.
    pub fn check(&self) -> Result<()> {
        let mut bad = vec![];
        let host = self.host.trim();
        if host.is_empty() {
            bad.push(FieldError::new("host", FieldErrorCode::Required));
        } else if host.contains(char::is_whitespace) || host.contains('/') {
            bad.push(FieldError::new("host", FieldErrorCode::InvalidChoice));
        }
        if self.port == 0 {
            bad.push(FieldError::new("port", FieldErrorCode::InvalidChoice));
        }
        if self.username.trim().is_empty() {
            bad.push(FieldError::new("username", FieldErrorCode::Required));
        }
        let from = self.from_address.trim();
        if from.is_empty() {
            bad.push(FieldError::new("from_address", FieldErrorCode::Required));
        } else if !email_address::EmailAddress::is_valid(from) {
            bad.push(FieldError::new(
                "from_address",
                FieldErrorCode::InvalidEmail,
            ));
        }
        if self.from_name.chars().count() > 100 {
            bad.push(FieldError::new("from_name", FieldErrorCode::TooLong));
        }
        if bad.is_empty() {
            Ok(())
        } else {
            Err(Error::Validation(bad))
        }
    }

    fn trimmed(&self) -> Self {
        MailSettings {
            host: self.host.trim().to_string(),
            username: self.username.trim().to_string(),
            from_address: self.from_address.trim().to_string(),
            from_name: self.from_name.trim().to_string(),
            shop_phone: self.shop_phone.trim().to_string(),
            shop_address: self.shop_address.trim().to_string(),
            ..self.clone()
        }
    }
}

const KEY: &str = "mail";

pub(crate) fn load(conn: &Connection) -> Result<Option<MailSettings>> {
    crate::store::settings::get(conn, KEY)
}

pub(crate) fn save(conn: &Connection, s: &MailSettings) -> Result<MailSettings> {
    let s = s.trimmed();
    s.check()?;
    crate::store::settings::put(conn, KEY, &s)?;
    Ok(s)
}
