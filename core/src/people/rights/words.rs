//! The words of the personal-data page and file (sheet names, headers,
//! the names of kinds and reasons), from `locale/{ko,en}.json`: both
//! languages have the same keys (a test here), and `core/tests/pairs_lock.rs`
//! catches a text changed on one side only.

use crate::store::settings::Language;
use crate::store::words::Book;

pub(crate) static WORDS: Book = Book::new(
    "rights",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);

/// The text of `key`; an unknown key (a value a newer Dangol wrote) is
/// shown as it is stored rather than hidden.
pub(crate) fn say(lang: Language, key: &str) -> String {
    WORDS.say(lang, key)
}

/// `say` with its `{name}` parts filled in.
pub(crate) fn say_with(lang: Language, key: &str, fill: &[(&str, &str)]) -> String {
    WORDS.say_with(lang, key, fill)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_without_a_word_shows_as_stored() {
        assert_eq!(say(Language::Ko, "kind.sale"), "구매");
        assert_eq!(say(Language::Ko, "kind.something_new"), "something_new");
    }
}
