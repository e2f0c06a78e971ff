//! Recognise → classify → reward: points, a stamp card, tiers and coupons,
//! applied by the app on every visit by the shop's rules.

pub mod birthday;
pub mod coupons;
pub mod credit;
pub mod ledger;
pub mod rules;
pub mod tiers;
pub mod visit;

use rusqlite::{Connection, OptionalExtension};

use crate::error::{Error, Result};
use rules::LoyaltyRules;

const KEY: &str = "loyalty_rules";

pub fn load_rules(conn: &Connection) -> Result<LoyaltyRules> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
            r.get(0)
        })
        .optional()?;
    match raw {
        None => {
            // Never saved (a shop from before setup saved its rules): the
            // programme for its language and currency.
            let s = crate::settings::load(conn)?;
            Ok(LoyaltyRules::for_shop(s.language, s.country))
        }
        Some(raw) => {
            serde_json::from_str(&raw).map_err(|e| Error::Corrupt(format!("loyalty rules: {e}")))
        }
    }
}

pub fn save_rules(conn: &Connection, rules: &LoyaltyRules) -> Result<()> {
    let raw = serde_json::to_string(rules).expect("rules serialise");
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (KEY, raw),
    )?;
    Ok(())
}
