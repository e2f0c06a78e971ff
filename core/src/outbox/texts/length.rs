//! SMS or LMS, chosen by length. Korean carriers count a text in EUC-KR
//! bytes (a Hangul syllable is 2, an ASCII letter 1): up to 90 bytes goes
//! as one SMS, longer as an LMS (up to 2,000 bytes, with a subject of up
//! to 40 bytes). Solapi's send API states the same limits ("한글 1,000자,
//! 영문 2,000자"; subject "한글 20자, 영문 40자"). The count uses
//! `encoding_rs`'s EUC-KR (the WHATWG encoder, which is Microsoft's
//! superset CP949: every modern syllable is 2 bytes); a character it has
//! no code for (an emoji) is counted as 2, which is what carriers bill.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The most an SMS carries.
pub const SMS_MAX_BYTES: usize = 90;
/// The most an LMS carries.
pub const LMS_MAX_BYTES: usize = 2000;
/// The most an LMS subject carries.
pub const SUBJECT_MAX_BYTES: usize = 40;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TextKind {
    /// Short text (≤ 90 bytes).
    Sms,
    /// Long text (≤ 2,000 bytes), with a subject.
    Lms,
    /// KakaoTalk 알림톡 through an approved template.
    Alimtalk,
}

/// The text's length as carriers count it.
pub(crate) fn euc_kr_bytes(text: &str) -> usize {
    let mut buf = [0u8; 4];
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                return 1;
            }
            let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(c.encode_utf8(&mut buf));
            if unmappable {
                2
            } else {
                bytes.len()
            }
        })
        .sum()
}

/// SMS when it fits in 90 bytes, else LMS; `None` when it is too long
/// even for an LMS.
pub(crate) fn kind_for(text: &str) -> Option<TextKind> {
    match euc_kr_bytes(text) {
        n if n <= SMS_MAX_BYTES => Some(TextKind::Sms),
        n if n <= LMS_MAX_BYTES => Some(TextKind::Lms),
        _ => None,
    }
}

/// The subject cut to what an LMS carries, on a character boundary.
pub(crate) fn subject(title: &str) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in title.trim().chars() {
        let n = euc_kr_bytes(c.encode_utf8(&mut [0u8; 4]));
        if used + n > SUBJECT_MAX_BYTES {
            break;
        }
        used += n;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_is_two_bytes_and_ascii_one() {
        assert_eq!(euc_kr_bytes("가"), 2);
        assert_eq!(euc_kr_bytes("똠"), 2, "a CP949-only syllable");
        assert_eq!(euc_kr_bytes("abc 1"), 5);
        assert_eq!(euc_kr_bytes("🎂"), 2);
    }

    #[test]
    fn ninety_bytes_is_an_sms_and_ninety_one_an_lms() {
        let at_limit = "가".repeat(45);
        assert_eq!(kind_for(&at_limit), Some(TextKind::Sms));
        assert_eq!(kind_for(&format!("{at_limit}a")), Some(TextKind::Lms));
        assert_eq!(kind_for(&"a".repeat(2000)), Some(TextKind::Lms));
        assert_eq!(kind_for(&"a".repeat(2001)), None);
    }

    #[test]
    fn a_subject_is_cut_to_forty_bytes() {
        assert_eq!(subject(&"생".repeat(30)), "생".repeat(20));
    }
}
