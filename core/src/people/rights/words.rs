//! The words of the personal-data page and file (sheet names, headers,
//! the names of kinds and reasons), from `locale/{ko,en}.json`: both
//! languages have the same keys (a test here), and `core/tests/pairs_lock.rs`
//! catches a text changed on one side only.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::store::settings::Language;

fn locale(lang: Language) -> &'static HashMap<String, String> {
    static KO: OnceLock<HashMap<String, String>> = OnceLock::new();
    static EN: OnceLock<HashMap<String, String>> = OnceLock::new();
    let (cell, src) = match lang {
        Language::Ko => (&KO, include_str!("locale/ko.json")),
        Language::En => (&EN, include_str!("locale/en.json")),
    };
    cell.get_or_init(|| serde_json::from_str(src).expect("rights locale is valid JSON"))
}

/// The text of `key`; an unknown key (a value a newer Dangol wrote) is
/// shown as it is stored rather than hidden.
pub fn say(lang: Language, key: &str) -> String {
    locale(lang).get(key).cloned().unwrap_or_else(|| {
        key.rsplit_once('.')
            .map_or(key, |(_, last)| last)
            .to_string()
    })
}

/// `say` with its `{name}` parts filled in.
pub fn say_with(lang: Language, key: &str, fill: &[(&str, &str)]) -> String {
    let mut s = say(lang, key);
    for (k, v) in fill {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let mut ko: Vec<_> = locale(Language::Ko).keys().collect();
        let mut en: Vec<_> = locale(Language::En).keys().collect();
        ko.sort();
        en.sort();
        assert_eq!(ko, en);
    }

    #[test]
    fn a_value_without_a_word_shows_as_stored() {
        assert_eq!(say(Language::Ko, "kind.sale"), "구매");
        assert_eq!(say(Language::Ko, "kind.something_new"), "something_new");
    }
}
