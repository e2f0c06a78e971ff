//! The names Koreans give to milestone birthdays (환갑, 칠순, 팔순, 구순) and
//! when a birthday is a 생신 (an elder's birthday, said with respect).
//!
//! # Which counting
//! Every age here starts from **만 나이**: the years completed on that
//! birthday (`year of the birthday − year of birth`; for a lunar birthday
//! both years are lunar years). The milestone names are older than 만 나이
//! and are counted in **세는 나이** (a child is one at birth and a year older
//! every new year, so 세는 나이 = 만 나이 + 1 on and after the birthday):
//!
//! | name | 세는 나이 | 만 나이 on that birthday |
//! |---|---|---|
//! | 환갑 (還甲, also 회갑) | 61 | 60 — the 60-year cycle of 간지 has come round |
//! | 칠순 (七旬, also 고희) | 70 | 69 |
//! | 팔순 (八旬) | 80 | 79 |
//! | 구순 (九旬) | 90 | 89 |
//!
//! Sources: 한국일보 2002-02-06 ("칠순 잔치도 71세에 하나요?", which asks
//! 국립국어연구원: 칠순 is 70 in 우리 나이, and 회갑 61 in 우리 나이 = 만 60);
//! 한국경제 생글생글 2021-11 (홍성호, "육순과 환갑은 달라요": 육순, 칠순 are
//! 세는나이 60, 70 = 만 59, 69; 환갑 is 만 60 = 세는나이 61).
//!
//! Since the 만 나이 통일법 (행정기본법·민법, in force 2023-06-28) some
//! families hold the 칠순 at 만 70 instead, so the counting can be chosen per
//! date ([`AgeCounting`]); by default the traditional one is used. 환갑 is
//! 만 60 either way: it is the cycle coming round, not a round number.
//!
//! 생신 (not 생일) is said for parents and grandparents, and for anyone whose
//! age is known to be 60 (환갑) or more.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::family::Relation;
use crate::store::settings::Language;

/// How a date's milestone birthdays are counted (chosen per date; `None`
/// stored means [`AgeCounting::Traditional`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgeCounting {
    /// 세는 나이: 칠순 at 만 69, 팔순 at 79, 구순 at 89 (환갑 at 60).
    #[default]
    Traditional,
    /// 만 나이: 칠순 at 만 70, 팔순 at 80, 구순 at 90 (환갑 at 60).
    International,
    /// The family does not want milestone names for this day.
    Off,
}

/// A milestone birthday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum AgeName {
    Hwangap,
    Chilsun,
    Palsun,
    Gusun,
}

/// The milestone a birthday is, from the 만 age reached on it.
pub(crate) fn age_name(man_age: i32, counting: AgeCounting) -> Option<AgeName> {
    // 세는 나이 on the birthday is 만 + 1; the 순 names are 세는 나이 70/80/90.
    let round = match counting {
        AgeCounting::Traditional => man_age + 1,
        AgeCounting::International => man_age,
        AgeCounting::Off => return None,
    };
    match (man_age, round) {
        (60, _) => Some(AgeName::Hwangap),
        (_, 70) => Some(AgeName::Chilsun),
        (_, 80) => Some(AgeName::Palsun),
        (_, 90) => Some(AgeName::Gusun),
        _ => None,
    }
}

/// Whether the birthday is an elder's (생신): a parent's or grandparent's,
/// or anyone known to be 60 or more.
pub(crate) fn is_elder(relation: Option<Relation>, man_age: Option<i32>) -> bool {
    matches!(relation, Some(Relation::Parent | Relation::Grandparent))
        || man_age.is_some_and(|a| a >= 60)
}

/// What a letter calls the birthday: 칠순, 생신, 생일 / "70th birthday",
/// "birthday". English names the celebration the family holds (a 칠순 is
/// "70th birthday" even when it falls on the 69th by the calendar).
pub(crate) fn birthday_word(lang: Language, name: Option<AgeName>, elder: bool) -> String {
    let key = match name {
        Some(AgeName::Hwangap) => "birthday.hwangap",
        Some(AgeName::Chilsun) => "birthday.chilsun",
        Some(AgeName::Palsun) => "birthday.palsun",
        Some(AgeName::Gusun) => "birthday.gusun",
        None if elder => "birthday.elder",
        None => "birthday.plain",
    };
    crate::letters::WORDS.say(lang, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AgeCounting::*;

    #[test]
    fn traditional_counting_names_the_korean_ages() {
        assert_eq!(age_name(59, Traditional), None, "육순 is not 환갑");
        assert_eq!(age_name(60, Traditional), Some(AgeName::Hwangap));
        assert_eq!(age_name(61, Traditional), None, "진갑 is not named");
        assert_eq!(age_name(69, Traditional), Some(AgeName::Chilsun));
        assert_eq!(age_name(70, Traditional), None);
        assert_eq!(age_name(79, Traditional), Some(AgeName::Palsun));
        assert_eq!(age_name(89, Traditional), Some(AgeName::Gusun));
    }

    #[test]
    fn international_counting_moves_the_round_ones_but_not_hwangap() {
        assert_eq!(age_name(60, International), Some(AgeName::Hwangap));
        assert_eq!(age_name(69, International), None);
        assert_eq!(age_name(70, International), Some(AgeName::Chilsun));
        assert_eq!(age_name(80, International), Some(AgeName::Palsun));
        assert_eq!(age_name(90, International), Some(AgeName::Gusun));
        assert_eq!(age_name(60, Off), None);
        assert_eq!(age_name(69, Off), None);
    }

    #[test]
    fn elders_have_a_saengsin() {
        assert!(is_elder(Some(Relation::Parent), None));
        assert!(is_elder(Some(Relation::Grandparent), Some(40)));
        assert!(is_elder(None, Some(60)));
        assert!(!is_elder(Some(Relation::Spouse), Some(59)));
        assert!(!is_elder(Some(Relation::Child), None));
        assert_eq!(birthday_word(Language::Ko, None, true), "생신");
        assert_eq!(birthday_word(Language::Ko, None, false), "생일");
        assert_eq!(
            birthday_word(Language::Ko, Some(AgeName::Chilsun), true),
            "칠순"
        );
        assert_eq!(
            birthday_word(Language::En, Some(AgeName::Chilsun), true),
            "70th birthday"
        );
        assert_eq!(birthday_word(Language::En, None, true), "birthday");
    }
}
