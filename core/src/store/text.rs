//! Cleaning what people type: one Unicode form (macOS and some Excel files
//! give decomposed Hangul), no control characters, single spaces.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// `s`'s characters in NFC. Nearly everything typed is NFC already (the
/// quick check says so without composing anything); composing it anyway
/// was about a tenth of the time a bulk import spends checking its rows
/// (BENCHMARKS.md, inserts).
fn nfc_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    let composed = is_nfc_quick(s.chars()) == IsNormalized::Yes;
    let (as_is, to_compose) = if composed {
        (Some(s.chars()), None)
    } else {
        (None, Some(s.nfc()))
    };
    as_is
        .into_iter()
        .flatten()
        .chain(to_compose.into_iter().flatten())
}

/// One line of text: NFC, control characters dropped, runs of whitespace
/// collapsed to one space, trimmed.
pub(crate) fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in nfc_chars(s) {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else if !c.is_control() {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Free text such as a memo: NFC, line breaks kept, other control
/// characters dropped, trimmed at both ends.
pub(crate) fn clean_text(s: &str) -> String {
    let s: String = nfc_chars(s)
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_is_trimmed_and_collapsed() {
        assert_eq!(clean_line("  김  민수 \t"), "김 민수");
        assert_eq!(clean_line("a\u{0}b"), "ab");
    }

    #[test]
    fn decomposed_hangul_is_composed() {
        // 김 as conjoining jamo (NFD), as macOS file names carry it
        assert_eq!(clean_line("\u{1100}\u{1175}\u{11B7}"), "김");
    }

    #[test]
    fn text_already_composed_is_kept_and_decomposed_is_composed() {
        assert_eq!(clean_text("김민수 님\n"), "김민수 님");
        // 한 as conjoining jamo followed by a composed 글
        assert_eq!(clean_text("\u{1112}\u{1161}\u{11AB}글"), "한글");
        assert_eq!(clean_line("Cafe\u{301} 김"), "Café 김");
    }

    #[test]
    fn text_keeps_line_breaks() {
        assert_eq!(clean_text(" 첫 줄\r\n둘째 줄 "), "첫 줄\n둘째 줄");
    }
}
