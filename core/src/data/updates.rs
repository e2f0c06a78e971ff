//! New versions of Dangol: when the app may look for one, and what the owner
//! is told changed. Fetching, verifying and installing are the shell's (the
//! Tauri updater); what is decided here is what an owner would notice:
//!
//! - **At most once a day.** A check remembers when it ran (settings key
//!   `update_checked_at`); the next is due 24 hours later. A clock moved
//!   back (a dead CMOS battery) makes it due rather than never.
//! - **What changed, in the owner's language.** A release's notes hold both
//!   languages under the headings `## 한국어` and `## English` (the release
//!   workflow's template, docs/RELEASING.md); the owner sees the part in the
//!   app's language, or the whole text when the headings are missing.

use chrono::{DateTime, Duration, Utc};
use rusqlite::Connection;

use crate::error::Result;
use crate::store::settings::{self, Language};

const CHECKED_AT: &str = "update_checked_at";

/// True when no check ran in the last 24 hours (or ever).
pub(crate) fn check_due(last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    match last {
        None => true,
        Some(last) => last > now || now - last >= Duration::hours(24),
    }
}

pub(crate) fn last_check(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    settings::get(conn, CHECKED_AT)
}

pub(crate) fn record_check(conn: &Connection, at: DateTime<Utc>) -> Result<()> {
    settings::put(conn, CHECKED_AT, &at)
}

/// The part of a release's notes in `language`: the lines under its
/// heading (`## 한국어` / `## English`) up to the next `## ` heading. Notes
/// without that heading are shown whole.
pub fn notes_for(notes: &str, language: Language) -> String {
    let heading = match language {
        Language::Ko => "한국어",
        Language::En => "english",
    };
    let mut section: Option<Vec<&str>> = None;
    for line in notes.lines() {
        if let Some(title) = line.trim().strip_prefix("## ") {
            if section.is_some() {
                break;
            }
            if title.trim().to_lowercase() == heading {
                section = Some(Vec::new());
            }
        } else if let Some(lines) = section.as_mut() {
            lines.push(line);
        }
    }
    match section {
        Some(lines) => lines.join("\n").trim().to_string(),
        None => notes.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + h * 3600, 0).unwrap()
    }

    #[test]
    fn a_check_is_due_once_a_day() {
        assert!(check_due(None, at(0)));
        assert!(!check_due(Some(at(0)), at(1)));
        assert!(!check_due(Some(at(0)), at(23)));
        assert!(check_due(Some(at(0)), at(24)));
        // The PC's clock went back: check rather than wait for the old date.
        assert!(check_due(Some(at(48)), at(0)));
    }

    const NOTES: &str = "## 한국어\n- 고객 검색이 빨라졌습니다.\n- 편지 인쇄를 고쳤습니다.\n\n## English\n- Faster customer search.\n- Printing letters fixed.\n";

    #[test]
    fn the_owner_reads_what_changed_in_her_language() {
        assert_eq!(
            notes_for(NOTES, Language::Ko),
            "- 고객 검색이 빨라졌습니다.\n- 편지 인쇄를 고쳤습니다."
        );
        assert_eq!(
            notes_for(NOTES, Language::En),
            "- Faster customer search.\n- Printing letters fixed."
        );
    }

    #[test]
    fn notes_without_headings_are_shown_whole() {
        assert_eq!(
            notes_for("  버그를 고쳤습니다.\n", Language::En),
            "버그를 고쳤습니다."
        );
        assert_eq!(notes_for("", Language::Ko), "");
    }
}
