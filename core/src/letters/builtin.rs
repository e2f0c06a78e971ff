//! The letters every shop starts with, in Korean and English. Owners edit
//! them (the edited copy is kept in the database); these stay as they are.
//!
//! How they are written (docs/glossary.md has the rules):
//! - 님 after every name, family included ({가족} is "박순자 님", or
//!   "부모님" when the letter was made without her day); 께, 드림; 올림 and
//!   no coupon, sales line or (광고) in a condolence or remembrance.
//! - Every sentence that holds a placeholder is left out when that
//!   placeholder is empty (`template`), so the coupon sentence stands alone
//!   and the rest never leans on the shop's name or a coupon.
//! - Nothing assumes goods (a café or a salon sells no things "to use"),
//!   and no promise is made that the shop has not kept ("바로잡겠습니다",
//!   not "바로잡았습니다").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::store::settings::Language;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Occasion {
    /// Her own birthday.
    Birthday,
    ChildBirthday,
    SpouseBirthday,
    /// A parent's or grandparent's birthday: a 생신.
    ParentBirthday,
    /// A sibling's or another family member's birthday.
    FamilyBirthday,
    Anniversary,
    Graduation,
    /// The yearly 기일 of someone she lost: a gentle remembrance.
    Memorial,
    /// A new loss: condolences to her and her family.
    Condolence,
    MissYou,
    NewProduct,
    Seollal,
    Chuseok,
    ThankYou,
    Apology,
}

pub const ALL: [Occasion; 15] = [
    Occasion::Birthday,
    Occasion::ChildBirthday,
    Occasion::SpouseBirthday,
    Occasion::ParentBirthday,
    Occasion::FamilyBirthday,
    Occasion::Anniversary,
    Occasion::Graduation,
    Occasion::Memorial,
    Occasion::Condolence,
    Occasion::MissYou,
    Occasion::NewProduct,
    Occasion::Seollal,
    Occasion::Chuseok,
    Occasion::ThankYou,
    Occasion::Apology,
];

impl Occasion {
    /// Marketing, which needs consent and "(광고)" when emailed; greetings
    /// and thank-you notes are not (unless they carry a coupon in Korea:
    /// see `mail::law`).
    pub fn advertising(self) -> bool {
        matches!(self, Occasion::NewProduct | Occasion::MissYou)
    }

    /// A letter about a death: no coupon, no sales line, never advertising.
    pub fn mourning(self) -> bool {
        matches!(self, Occasion::Memorial | Occasion::Condolence)
    }

    /// A birthday of someone in her family, named by {가족}.
    pub fn family_birthday(self) -> bool {
        matches!(
            self,
            Occasion::ChildBirthday
                | Occasion::SpouseBirthday
                | Occasion::ParentBirthday
                | Occasion::FamilyBirthday
        )
    }
}

/// (title, body) of the built-in letter, from the letters' locale files
/// (`letter.<occasion>.title` / `.body`).
pub fn text(o: Occasion, lang: Language) -> (String, String) {
    let name = serde_json::to_value(o)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let say = |part: &str| super::WORDS.say(lang, &format!("letter.{name}.{part}"));
    (say("title"), say("body"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::template::{check, used_keys};

    #[test]
    fn every_built_in_letter_is_a_valid_template() {
        for o in ALL {
            for lang in [Language::Ko, Language::En] {
                let (title, body) = text(o, lang);
                assert!(check(&title).is_empty(), "{o:?} title");
                assert!(
                    check(&body).is_empty(),
                    "{o:?} {lang:?} body: {:?}",
                    check(&body)
                );
            }
        }
    }

    #[test]
    fn every_occasion_has_its_letter_in_both_languages() {
        for o in ALL {
            let name = serde_json::to_value(o).unwrap();
            for lang in [Language::Ko, Language::En] {
                for part in ["title", "body"] {
                    let key = format!("letter.{}.{part}", name.as_str().unwrap());
                    assert!(super::super::WORDS.has(lang, &key), "{key} in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn mourning_letters_carry_no_coupon_and_are_never_advertising() {
        for o in ALL.into_iter().filter(|o| o.mourning()) {
            assert!(!o.advertising());
            for lang in [Language::Ko, Language::En] {
                let (title, body) = text(o, lang);
                assert!(!used_keys(&body).contains(&"coupon"), "{o:?}");
                assert!(!used_keys(&title).contains(&"coupon"), "{o:?}");
            }
        }
    }
}
