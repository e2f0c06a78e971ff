//! A person's rights over what the shop keeps about them, as Korea's
//! 개인정보 보호법 and the counter ask:
//!
//! - to see all of it (열람): `person::collect` gathers everything about one
//!   customer into one set of tables, in one place, and both forms the owner
//!   hands over — the printable page and the .xlsx file — are made from
//!   those same tables, so the two never disagree and nothing is left out of
//!   one of them;
//! - to have it erased (`Shop::delete_customer`): `backups::after_erasure`
//!   says plainly what the shop's older backups still hold and until when;
//! - to have it destroyed once no longer needed: `retention` lists the
//!   customers idle past the period the owner chose, for her to review.
//!   Nothing is deleted without her click.

pub mod backups;
pub mod person;
mod person_history;
pub mod retention;
pub(crate) mod words;

pub use backups::BackupsAfterErasure;
pub use person::PersonalData;
pub use retention::{RetentionDue, RetentionPeriod, RetentionReview};

/// A line of this module's locale, for the shop's history notes.
pub(crate) fn words_for(
    lang: crate::store::settings::Language,
    key: &str,
    fill: &[(&str, &str)],
) -> String {
    words::say_with(lang, key, fill)
}
