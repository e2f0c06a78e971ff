//! The bits of Hangul that search needs: a syllable's initial consonant
//! (초성) and its parts. This is the arithmetic of the Unicode Standard
//! (§3.12, "Conjoining Jamo Behavior"), not a table we maintain.

const SYLLABLE_FIRST: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
const MEDIALS: u32 = 21;
pub(crate) const FINALS: u32 = 28;

/// The 19 initial consonants as the compatibility jamo a keyboard types
/// (ㄱ U+3131 …), in Unicode's choseong order.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// Final consonants (index 1..=27) as compatibility jamo; `None` for the
/// double finals (ㄳ, ㄺ, …) that cannot begin the next syllable whole.
const FINAL_AS_INITIAL: [Option<char>; 28] = [
    None,
    Some('ㄱ'),
    Some('ㄲ'),
    None,
    Some('ㄴ'),
    None,
    None,
    Some('ㄷ'),
    Some('ㄹ'),
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    Some('ㅁ'),
    Some('ㅂ'),
    None,
    Some('ㅅ'),
    Some('ㅆ'),
    Some('ㅇ'),
    Some('ㅈ'),
    Some('ㅊ'),
    Some('ㅋ'),
    Some('ㅌ'),
    Some('ㅍ'),
    Some('ㅎ'),
];

/// A precomposed syllable's parts: (initial, medial, final) indexes, final
/// 0 meaning none.
pub fn parts(c: char) -> Option<(u32, u32, u32)> {
    let code = c as u32;
    if !(SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let s = code - SYLLABLE_FIRST;
    Some((
        s / (MEDIALS * FINALS),
        (s % (MEDIALS * FINALS)) / FINALS,
        s % FINALS,
    ))
}

pub fn compose(initial: u32, medial: u32, fin: u32) -> char {
    char::from_u32(SYLLABLE_FIRST + (initial * MEDIALS + medial) * FINALS + fin)
        .expect("valid syllable parts")
}

/// 김 → ㄱ; anything that is not a syllable is its own initial.
pub fn initial_of(c: char) -> char {
    match parts(c) {
        Some((i, _, _)) => INITIALS[i as usize],
        None => c,
    }
}

/// Whether `c` is a consonant someone types as an initial (ㄱ … ㅎ).
pub(crate) fn is_initial_jamo(c: char) -> bool {
    INITIALS.contains(&c)
}

/// The final consonant of a syllable as an initial, when it could be the
/// start of the next syllable still being typed (김 → ㅁ).
pub(crate) fn final_as_initial(c: char) -> Option<char> {
    let (_, _, f) = parts(c)?;
    FINAL_AS_INITIAL[f as usize]
}

/// The initials of every character: 김민수 → ㄱㅁㅅ, Kim → Kim.
pub fn initials(s: &str) -> String {
    s.chars().map(initial_of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("김민수"), "ㄱㅁㅅ");
        assert_eq!(initials("빵집 ABC"), "ㅃㅈ ABC");
        assert_eq!(initials("ㄱ"), "ㄱ");
    }

    #[test]
    fn every_syllable_round_trips() {
        for code in SYLLABLE_FIRST..=SYLLABLE_LAST {
            let c = char::from_u32(code).unwrap();
            let (i, m, f) = parts(c).unwrap();
            assert_eq!(compose(i, m, f), c);
            assert!(is_initial_jamo(initial_of(c)));
        }
    }

    #[test]
    fn finals_that_can_start_a_syllable() {
        assert_eq!(final_as_initial('김'), Some('ㅁ'));
        assert_eq!(final_as_initial('민'), Some('ㄴ'));
        assert_eq!(final_as_initial('기'), None);
        assert_eq!(final_as_initial('닭'), None);
        assert_eq!(final_as_initial('a'), None);
    }
}
