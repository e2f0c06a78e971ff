//! Reading what was typed into the search box, including a Korean syllable
//! that the IME is still composing.
//!
//! While someone types 김민수 the box holds, in turn, ㄱ, 기, 김, 김ㅁ, 김미,
//! 김민, 김민ㅅ, 김민수. A plain substring search would lose 김민수 at 김미
//! (미 ≠ 민) and at 김 when the next syllable is still to come (the ㅁ of 김
//! is about to become the ㅁ of 미 in 기미). So the last character of a
//! query is read loosely: a syllable without a final matches any final, and
//! a final consonant may be the start of the next syllable.

use super::hangul;
use crate::store::text::clean_line;

/// One character of a query, as it matches one character of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QChar {
    /// This very character.
    Exact(char),
    /// A syllable with this initial, or the jamo itself: ㄱ matches 김.
    Initial(char),
    /// A syllable still being composed: initial and medial fixed, any final.
    Open { initial: u32, medial: u32 },
}

impl QChar {
    pub fn matches(self, c: char) -> bool {
        match self {
            QChar::Exact(q) => q == c,
            QChar::Initial(j) => c == j || hangul::initial_of(c) == j,
            QChar::Open { initial, medial } => {
                matches!(hangul::parts(c), Some((i, m, _)) if i == initial && m == medial)
            }
        }
    }

    /// What this query character looks like in a name's initials.
    pub fn initial(self) -> char {
        match self {
            QChar::Exact(c) => hangul::initial_of(c),
            QChar::Initial(j) => j,
            QChar::Open { initial, medial } => {
                hangul::initial_of(hangul::compose(initial, medial, 0))
            }
        }
    }
}

/// One way to read the query; `loose` when it relies on the last
/// character still being typed (ranked below an exact reading).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub chars: Vec<QChar>,
    pub loose: bool,
}

impl Reading {
    /// The reading's characters when all are exact, for a plain substring
    /// search.
    pub fn exact_text(&self) -> Option<String> {
        self.chars
            .iter()
            .map(|q| match q {
                QChar::Exact(c) => Some(*c),
                _ => None,
            })
            .collect()
    }

    /// The runs of whole characters (`Exact`) in the reading: 임 of 임우.
    pub fn exact_runs(&self) -> Vec<String> {
        self.chars
            .split(|q| !matches!(q, QChar::Exact(_)))
            .filter(|run| !run.is_empty())
            .map(|run| {
                run.iter()
                    .filter_map(|q| match q {
                        QChar::Exact(c) => Some(*c),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    pub fn initials(&self) -> String {
        self.chars.iter().map(|q| q.initial()).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    Empty,
    /// Digits (and the + - ( ) . spaces people put between them): a phone
    /// number or a card number.
    Digits(String),
    /// `#123` or `No.123`: a card number only.
    CardNo(i64),
    /// Anything else: names, initials, emails.
    Text {
        text: String,
        readings: Vec<Reading>,
    },
}

/// Lower-case, NFC, no spaces: the form names are indexed in.
pub fn fold(s: &str) -> String {
    clean_line(s)
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

pub(crate) fn parse(raw: &str) -> Query {
    let text = fold(raw);
    if text.is_empty() {
        return Query::Empty;
    }
    let card = text.strip_prefix('#').or_else(|| text.strip_prefix("no."));
    if let Some(n) = card.and_then(|d| d.parse::<i64>().ok()) {
        return Query::CardNo(n);
    }
    if text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || "+-().".contains(c))
    {
        return Query::Digits(text.chars().filter(char::is_ascii_digit).collect());
    }
    let readings = readings(&text);
    Query::Text { text, readings }
}

fn readings(text: &str) -> Vec<Reading> {
    let mut chars: Vec<QChar> = text
        .chars()
        .map(|c| {
            if hangul::is_initial_jamo(c) {
                QChar::Initial(c)
            } else {
                QChar::Exact(c)
            }
        })
        .collect();
    let last = *text.chars().last().as_ref().expect("non-empty");
    let mut out = vec![];
    match hangul::parts(last) {
        Some((initial, medial, 0)) => {
            // 미 may still become 민: match any final.
            *chars.last_mut().expect("non-empty") = QChar::Open { initial, medial };
            out.push(Reading {
                chars,
                loose: false,
            });
        }
        Some((initial, medial, _)) => {
            out.push(Reading {
                chars: chars.clone(),
                loose: false,
            });
            // 김 may be 기 + the ㅁ of the next syllable.
            if let Some(next) = hangul::final_as_initial(last) {
                chars.pop();
                chars.push(QChar::Open { initial, medial });
                chars.push(QChar::Initial(next));
                out.push(Reading { chars, loose: true });
            }
        }
        None => out.push(Reading {
            chars,
            loose: false,
        }),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(query: &str, name: &str) -> bool {
        let Query::Text { readings, .. } = parse(query) else {
            panic!("{query} is not text")
        };
        let name: Vec<char> = fold(name).chars().collect();
        readings.iter().any(|r| {
            name.windows(r.chars.len())
                .any(|w| w.iter().zip(&r.chars).all(|(c, q)| q.matches(*c)))
        })
    }

    #[test]
    fn kinds_of_query() {
        assert_eq!(parse("  "), Query::Empty);
        assert_eq!(parse("010-1234"), Query::Digits("0101234".into()));
        assert_eq!(parse("(213) 555"), Query::Digits("213555".into()));
        assert_eq!(parse("#42"), Query::CardNo(42));
        assert_eq!(parse("No. 42"), Query::CardNo(42));
        assert!(matches!(parse("kim@"), Query::Text { .. }));
    }

    #[test]
    fn every_step_of_typing_a_name_keeps_it() {
        for q in [
            "ㄱ",
            "기",
            "김",
            "김ㅁ",
            "김미",
            "김민",
            "김민ㅅ",
            "김민수",
            "ㄱㅁㅅ",
            "김ㅁㅅ",
            "민수",
            "ㅁㅅ",
        ] {
            assert!(matches(q, "김민수"), "{q} should find 김민수");
        }
    }

    #[test]
    fn near_misses_are_not_found() {
        for q in ["김민서", "ㄱㅁㅈ", "박", "김수민", "민수김"] {
            assert!(!matches(q, "김민수"), "{q} should not find 김민수");
        }
    }

    #[test]
    fn latin_names_fold_case_and_spaces() {
        assert!(matches("grace", "Grace Kim"));
        assert!(matches("GRACE K", "Grace Kim"));
        assert!(matches("김 민수", "김민수"));
    }
}
