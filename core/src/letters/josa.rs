//! Korean particles (조사) chosen by the word they follow: 은/는, 이/가,
//! 을/를, 과/와, 아/야, 이나/나 by whether its last syllable has a final
//! consonant (받침), and 으로/로 where a final ㄹ takes 로. Names that end
//! in a digit are read the Korean way (…1 일 takes 은); names in Latin
//! letters get both forms, 은(는), as Korean print does.

/// The final consonant of a Hangul syllable: `None` for other characters,
/// `Some(0)` for none, else its index (8 is ㄹ).
pub(crate) fn final_of(c: char) -> Option<u32> {
    let code = c as u32;
    (0xAC00..=0xD7A3)
        .contains(&code)
        .then(|| (code - 0xAC00) % 28)
}

/// Whether the word's sound ends in a consonant, and whether it is ㄹ;
/// `None` when it cannot be told (Latin letters, symbols).
fn ending(word: &str) -> Option<(bool, bool)> {
    let last = word
        .trim_end()
        .chars()
        .rev()
        .find(|c| !matches!(c, ')' | ']' | '"' | '\'' | '.' | ' '))?;
    if let Some(f) = final_of(last) {
        return Some((f != 0, f == 8));
    }
    // Digits as read in Korean: 영 일 이 삼 사 오 육 칠 팔 구.
    match last {
        '0' | '3' | '6' => Some((true, false)),
        '1' | '7' | '8' => Some((true, true)),
        '2' | '4' | '5' | '9' => Some((false, false)),
        _ => None,
    }
}

/// The pairs owners may write, as `consonant/vowel` forms.
pub const PAIRS: &[(&str, &str)] = &[
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("과", "와"),
    ("아", "야"),
    ("이나", "나"),
    ("으로", "로"),
    ("이에요", "예요"),
    ("이라고", "라고"),
];

/// Finds the pair an owner wrote as `은/는` or `는/은`.
pub(crate) fn pair(spec: &str) -> Option<(&'static str, &'static str)> {
    let (a, b) = spec.split_once('/')?;
    PAIRS
        .iter()
        .find(|(c, v)| (a == *c && b == *v) || (a == *v && b == *c))
        .copied()
}

/// The particle of `pair` that follows `word`.
pub(crate) fn particle(word: &str, (consonant, vowel): (&str, &str)) -> String {
    if word.trim().is_empty() {
        // Nothing to follow (a shop with no name yet): no particle either.
        return String::new();
    }
    match ending(word) {
        // 으로/로: a final ㄹ takes 로, like a vowel.
        Some((true, true)) if consonant == "으로" => vowel.into(),
        Some((true, _)) => consonant.into(),
        Some((false, _)) => vowel.into(),
        None => format!("{consonant}({vowel})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn names_people_have() {
        let p = |w: &str, s: &str| particle(w, pair(s).unwrap());
        assert_eq!(p("김민수", "은/는"), "는");
        assert_eq!(p("이서연", "이/가"), "이");
        assert_eq!(p("박지훈", "을/를"), "을");
        assert_eq!(p("서울", "으로/로"), "로");
        assert_eq!(p("부산", "으로/로"), "으로");
        assert_eq!(p("민수", "아/야"), "야");
        assert_eq!(p("Jane", "은/는"), "은(는)");
        assert_eq!(p("Room 1", "은/는"), "은");
        assert_eq!(p("2호점", "이/가"), "이");
        assert_eq!(p("민수 님", "은/는"), "은");
        assert_eq!(pair("는/은"), Some(("은", "는")));
        assert_eq!(p("", "이/가"), "");
        assert_eq!(pair("은/가"), None);
    }

    proptest! {
        /// For every Hangul syllable the choice agrees with its final jamo
        /// as Unicode decomposes it (an independent reading).
        #[test]
        fn every_syllable(code in 0xAC00u32..=0xD7A3) {
            let c = char::from_u32(code).unwrap();
            let jamo: Vec<char> = c.to_string().nfd().collect();
            let final_jamo = jamo.get(2).copied();
            let has_final = final_jamo.is_some();
            let is_rieul = final_jamo == Some('\u{11AF}');
            let word = format!("가{c}");
            prop_assert_eq!(particle(&word, ("은", "는")), if has_final { "은" } else { "는" });
            prop_assert_eq!(particle(&word, ("이", "가")), if has_final { "이" } else { "가" });
            let ro = if has_final && !is_rieul { "으로" } else { "로" };
            prop_assert_eq!(particle(&word, ("으로", "로")), ro);
        }
    }
}
