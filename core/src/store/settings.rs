//! The shop's settings: its name, where it is (which decides how phone
//! numbers are read and money is counted) and the language of the app.

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError, FieldErrorCode, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Language {
    #[default]
    Ko,
    En,
}

/// Where the shop is. Numbers typed without a country code are read as
/// this country's; KRW has no minor unit, USD has cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub enum Country {
    #[default]
    KR,
    US,
}

impl Country {
    pub fn phone_region(self) -> phonenumber::country::Id {
        match self {
            Country::KR => phonenumber::country::Id::KR,
            Country::US => phonenumber::country::Id::US,
        }
    }

    pub fn region_code(self) -> &'static str {
        match self {
            Country::KR => "KR",
            Country::US => "US",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Settings {
    pub language: Language,
    pub shop_name: String,
    pub country: Country,
    /// False until the owner has gone through the first-run screen.
    pub setup_done: bool,
    /// Days after a sale to call and ask how it is going; 0 turns it off.
    pub followup_days_after_sale: u32,
    /// A second folder for backups (a USB stick, a synced folder); empty
    /// for none. Backups always go beside the database too. Read-only
    /// here: `update_settings` keeps what is stored.
    pub backup_folder: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: Language::Ko,
            shop_name: String::new(),
            country: Country::KR,
            setup_done: false,
            followup_days_after_sale: 7,
            backup_folder: String::new(),
        }
    }
}

/// The first-run choice: an empty shop, or a sample one to look around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SetupInput {
    pub shop_name: String,
    pub country: Country,
    pub language: Language,
    pub with_sample: bool,
}

const MAX_SHOP_NAME: usize = 100;

pub(crate) fn get<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    key: &str,
) -> Result<Option<T>> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    match raw {
        None => Ok(None),
        Some(raw) => serde_json::from_str(&raw)
            .map(Some)
            .map_err(|e| Error::Corrupt(format!("setting {key}: {e}"))),
    }
}

pub(crate) fn put<T: Serialize>(conn: &Connection, key: &str, value: &T) -> Result<()> {
    let raw = serde_json::to_string(value).expect("settings serialise");
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, raw),
    )?;
    Ok(())
}

pub(crate) fn load(conn: &Connection) -> Result<Settings> {
    let d = Settings::default();
    Ok(Settings {
        language: get(conn, "language")?.unwrap_or(d.language),
        shop_name: get(conn, "shop_name")?.unwrap_or(d.shop_name),
        country: get(conn, "country")?.unwrap_or(d.country),
        setup_done: get(conn, "setup_done")?.unwrap_or(d.setup_done),
        followup_days_after_sale: get(conn, "followup_days_after_sale")?
            .unwrap_or(d.followup_days_after_sale),
        backup_folder: get(conn, "backup_folder")?.unwrap_or(d.backup_folder),
    })
}

pub(crate) fn save(conn: &Connection, s: &Settings) -> Result<()> {
    let shop_name = s.shop_name.trim();
    if shop_name.chars().count() > MAX_SHOP_NAME {
        return Err(Error::Validation(vec![FieldError::new(
            "shop_name",
            FieldErrorCode::TooLong,
        )]));
    }
    put(conn, "language", &s.language)?;
    put(conn, "shop_name", &shop_name)?;
    put(conn, "country", &s.country)?;
    put(conn, "setup_done", &s.setup_done)?;
    if s.followup_days_after_sale > 365 {
        return Err(Error::Validation(vec![FieldError::new(
            "followup_days_after_sale",
            FieldErrorCode::InvalidChoice,
        )]));
    }
    put(
        conn,
        "followup_days_after_sale",
        &s.followup_days_after_sale,
    )?;
    // The backup folder is not saved here: it is set only from a folder
    // the owner chose in the system's dialog (`set_backup_folder`), never
    // from a path the window sends.
    Ok(())
}

/// The owner's second backup folder, as chosen in the system's dialog;
/// empty for none.
pub(crate) fn set_backup_folder(conn: &Connection, folder: &str) -> Result<()> {
    put(conn, "backup_folder", &folder.trim())
}
