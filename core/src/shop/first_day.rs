//! The first day: a new shop's 오늘 lists what to do first — add or import
//! customers, set up mail, look at the rewards, send a first greeting —
//! and each step is gone once done. Done is read from the data itself
//! (customers exist, mail is saved, a letter was printed or delivered);
//! only "looked at the rewards" and closing the list are remembered.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::store::settings::{get, put};
use crate::Shop;

const REWARDS_SEEN: &str = "first_day_rewards_seen";
const DISMISSED: &str = "first_day_dismissed";

/// Which first-day steps are done.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FirstDay {
    pub customers: bool,
    /// Mail settings saved (the shell also asks the keychain for the
    /// password: without it nothing can go).
    pub mail: bool,
    pub rewards: bool,
    /// A letter was printed or delivered.
    pub greeting: bool,
    /// The owner closed the list.
    pub dismissed: bool,
}

/// What the owner did that the data does not show by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FirstDayNote {
    RewardsSeen,
    Dismissed,
}

impl Shop {
    pub fn first_day(&self) -> Result<FirstDay> {
        let conn = self.db.reader()?;
        let customers = crate::people::customers::store::count(&conn)? > 0;
        // Rules the owner changed from the ones setup gave the shop count
        // as looked at.
        let settings = crate::store::settings::load(&conn)?;
        let rules_saved = crate::loyalty::load_rules(&conn)?
            != crate::loyalty::rules::LoyaltyRules::for_shop(settings.language, settings.country);
        Ok(FirstDay {
            customers,
            mail: crate::outbox::mail::settings::load(&conn)?.is_some(),
            rewards: rules_saved || get::<bool>(&conn, REWARDS_SEEN)?.unwrap_or(false),
            greeting: crate::letters::state::any_gone(&conn)?,
            dismissed: get::<bool>(&conn, DISMISSED)?.unwrap_or(false),
        })
    }

    pub fn note_first_day(&self, note: FirstDayNote) -> Result<()> {
        let key = match note {
            FirstDayNote::RewardsSeen => REWARDS_SEEN,
            FirstDayNote::Dismissed => DISMISSED,
        };
        self.db.with_tx(|tx| put(tx, key, &true))
    }
}
