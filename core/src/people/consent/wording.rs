//! The words of consent, versioned. What a customer agreed to is the text
//! she was shown, so each version of the 개인정보 수집·이용 동의서 is kept
//! here as it was (`wording/<version>.<lang>.json`), never edited: a
//! change of wording is a new version, and `CURRENT` moves to it. Each
//! record names its version, so the exact text can be shown again years
//! later. The form follows the 개인정보보호위원회's model consent form:
//! per part, what is collected, what for, how long it is kept, the right
//! to refuse and what refusing means, then 동의함 / 동의하지 않음.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::ConsentPurpose;
use crate::store::settings::Language;
use crate::store::words::Book;

/// The version a consent given now is recorded with.
pub const CURRENT: &str = "2026-12";

/// The version of what was recorded before consents were kept this way
/// (the wording shown then is not known).
pub const EARLIER: &str = "earlier";

/// Every version's text, Korean and English, oldest first.
const VERSIONS: &[(&str, &str, &str)] = &[(
    "2026-12",
    include_str!("wording/2026-12.ko.json"),
    include_str!("wording/2026-12.en.json"),
)];

type Texts = HashMap<String, String>;

/// The versions kept, oldest first.
pub fn versions() -> Vec<&'static str> {
    VERSIONS.iter().map(|v| v.0).collect()
}

/// A version's text in one language; `None` for a version not kept.
pub fn text(version: &str, lang: Language) -> Option<Texts> {
    let (_, ko, en) = VERSIONS.iter().find(|v| v.0 == version)?;
    let src = match lang {
        Language::Ko => ko,
        Language::En => en,
    };
    Some(serde_json::from_str(src).expect("consent wording is valid JSON"))
}

pub(crate) static WORDS: Book = Book::new(
    "consent",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);

/// A consent's or a method's name (`locale/<lang>.json`).
pub(crate) fn label(lang: Language, key: &str) -> String {
    WORDS.say(lang, key)
}

/// A line with its `{name}` parts filled in.
pub(crate) fn say(lang: Language, key: &str, fill: &[(&str, &str)]) -> String {
    WORDS.say_with(lang, key, fill)
}

/// One part of the form: what is collected, what for, how long, and the
/// right to refuse with what refusing means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FormPart {
    pub purpose: ConsentPurpose,
    pub title: String,
    pub items: String,
    pub purpose_text: String,
    pub retention: String,
    pub refusal: String,
}

/// The printable 개인정보 수집·이용 동의서, with the shop's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ConsentForm {
    pub version: String,
    pub title: String,
    pub intro: String,
    pub head_items: String,
    pub head_purpose: String,
    pub head_retention: String,
    pub parts: Vec<FormPart>,
    /// "받으실 방법", then text, email, post.
    pub channels_label: String,
    pub channels: Vec<String>,
    pub night_title: String,
    pub night_text: String,
    pub agree: String,
    pub disagree: String,
    pub closing: String,
    pub date: String,
    pub date_blank: String,
    pub name: String,
    pub signature: String,
    pub footer: String,
}

/// The form of `version` in `lang`, filled with the shop's name.
pub(crate) fn form(version: &str, lang: Language, shop_name: &str) -> Option<ConsentForm> {
    let t = text(version, lang)?;
    let get = |k: &str| {
        t.get(k)
            .cloned()
            .unwrap_or_default()
            .replace("{shop}", shop_name.trim())
            .replace("{version}", version)
    };
    let part = |purpose: ConsentPurpose, key: &str| FormPart {
        purpose,
        title: get(&format!("{key}.title")),
        items: get(&format!("{key}.items")),
        purpose_text: get(&format!("{key}.purpose")),
        retention: get(&format!("{key}.retention")),
        refusal: get(&format!("{key}.refusal")),
    };
    Some(ConsentForm {
        version: version.to_owned(),
        title: get("title"),
        intro: get("intro"),
        head_items: get("head.items"),
        head_purpose: get("head.purpose"),
        head_retention: get("head.retention"),
        parts: vec![
            part(ConsentPurpose::Care, "care"),
            part(ConsentPurpose::Greetings, "greetings"),
            part(ConsentPurpose::Marketing, "marketing"),
        ],
        channels_label: get("marketing.channels"),
        channels: vec![
            get("channel.text"),
            get("channel.email"),
            get("channel.post"),
        ],
        night_title: get("night.title"),
        night_text: get("night.text"),
        agree: get("agree"),
        disagree: get("disagree"),
        closing: get("closing"),
        date: get("date"),
        date_blank: get("date_blank"),
        name: get("name"),
        signature: get("signature"),
        footer: get("footer"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_has_the_same_keys_in_both_languages_and_none_empty() {
        for v in versions() {
            let ko = text(v, Language::Ko).unwrap();
            let en = text(v, Language::En).unwrap();
            let mut k: Vec<_> = ko.keys().collect();
            let mut e: Vec<_> = en.keys().collect();
            k.sort();
            e.sort();
            assert_eq!(k, e, "version {v}");
            assert!(ko.values().all(|s| !s.trim().is_empty()), "version {v}");
        }
        assert!(versions().contains(&CURRENT));
    }
}
