//! A letter for one of her days (편지 쓰기 on 오늘 and on her dates card):
//! which occasion's letter a day calls for, the key it is kept under, and
//! whether this year's letter for it has gone.

use chrono::{Datelike, Duration};
use rusqlite::Connection;

use super::builtin::Occasion;
use super::state;
use crate::error::Result;
use crate::letters::dates::occasions::Upcoming;
use crate::store::rows::enum_str;

/// The letter occasion a day calls for: the one chosen by whose day it is
/// (`dates::day_letter::letter_occasion`); an owner's own kind of day gets
/// a thank-you, the nearest letter.
pub(crate) fn occasion_for(u: &Upcoming) -> Occasion {
    u.letter.unwrap_or(Occasion::ThankYou)
}

/// The key a day's letter is kept under, once per year, as the batch keys
/// it (`birthday:2026`); `store::make` adds a recorded date's id
/// (`child_birthday:2026:12`: two children's birthdays are two letters),
/// so 편지 쓰기 and a batch never make two letters for one day.
pub(crate) fn key_for(u: &Upcoming, occasion: Occasion) -> String {
    format!("{}:{}", enum_str(&occasion), u.on.year())
}

/// Sets each day's `letter_sent`: a letter for it was printed or delivered,
/// made in the two months before the day (or on it). A letter only made,
/// or whose email failed, was cancelled or is still waiting, is not sent.
pub(crate) fn mark_gone(conn: &Connection, days: &mut [Upcoming]) -> Result<()> {
    for u in days {
        let from = (u.on - Duration::days(60)).to_string();
        let until = (u.on + Duration::days(1)).to_string();
        let this_date = u.date_id.map(|id| format!("%:{}:{id}", u.on.year()));
        u.letter_sent = state::gone_between(
            conn,
            u.customer_id,
            occasion_for(u),
            this_date.as_deref(),
            &from,
            &until,
        )?;
    }
    Ok(())
}
