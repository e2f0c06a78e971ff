//! The one way core text is written: each area keeps its words in
//! `locale/ko.json` and `locale/en.json` beside its code, declared once as
//! a `Book`, and says them by key (`say`, `say_with` for `{name}` parts).
//! Every book is listed in `BOOKS`, and a test checks that Korean and
//! English have the same keys in each (`core/tests/pairs_lock.rs` also
//! catches a text changed in one language only).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::store::settings::Language;

pub struct Book {
    name: &'static str,
    ko: &'static str,
    en: &'static str,
    cells: [OnceLock<HashMap<String, String>>; 2],
}

impl Book {
    pub const fn new(name: &'static str, ko: &'static str, en: &'static str) -> Book {
        Book {
            name,
            ko,
            en,
            cells: [OnceLock::new(), OnceLock::new()],
        }
    }

    fn words(&self, lang: Language) -> &HashMap<String, String> {
        let (cell, src) = match lang {
            Language::Ko => (&self.cells[0], self.ko),
            Language::En => (&self.cells[1], self.en),
        };
        cell.get_or_init(|| {
            serde_json::from_str(src)
                .unwrap_or_else(|e| panic!("the {} locale is not valid JSON: {e}", self.name))
        })
    }

    /// The text of `key`; an unknown key (a value a newer Dangol wrote) is
    /// shown by its last part rather than hidden.
    pub fn say(&self, lang: Language, key: &str) -> String {
        self.words(lang).get(key).cloned().unwrap_or_else(|| {
            key.rsplit_once('.')
                .map_or(key, |(_, last)| last)
                .to_string()
        })
    }

    /// `say` with its `{name}` parts filled in.
    pub fn say_with(&self, lang: Language, key: &str, fill: &[(&str, &str)]) -> String {
        let mut s = self.say(lang, key);
        for (k, v) in fill {
            s = s.replace(&format!("{{{k}}}"), v);
        }
        s
    }

    pub fn has(&self, lang: Language, key: &str) -> bool {
        self.words(lang).contains_key(key)
    }
}

/// Every book of the core, for the parity test.
#[cfg(test)]
fn books() -> [&'static Book; 8] {
    [
        &crate::letters::WORDS,
        &crate::history::WORDS,
        &crate::loyalty::WORDS,
        &crate::data::WORDS,
        &crate::outbox::mail::compose::WORDS,
        &crate::people::rights::words::WORDS,
        &crate::people::consent::wording::WORDS,
        &crate::reports::table::WORDS,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_book_has_the_same_keys_in_korean_and_english() {
        for book in books() {
            let ko: BTreeSet<_> = book.words(Language::Ko).keys().collect();
            let en: BTreeSet<_> = book.words(Language::En).keys().collect();
            assert_eq!(ko, en, "the {} locale", book.name);
            assert!(!ko.is_empty(), "the {} locale is empty", book.name);
            for lang in [Language::Ko, Language::En] {
                for (k, v) in book.words(lang) {
                    assert!(!v.trim().is_empty(), "{} {k} is empty", book.name);
                }
            }
        }
    }
}
