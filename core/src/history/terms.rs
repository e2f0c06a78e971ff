//! What the history keyword index stores and asks for. Text is folded (NFC,
//! lower case) and cut into runs: a run of Hangul is indexed as its
//! overlapping two-syllable pieces (배송문의 → 배송 송문 문의), so any
//! substring of two or more syllables is a phrase of consecutive pieces;
//! other words are indexed whole and found by prefix. This is the CJK
//! bigram scheme of Lucene's CJKAnalyzer, on SQLite FTS5.

use crate::store::text::clean_line;

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Splits folded text into (is_hangul, run) pieces, dropping everything
/// that is neither Hangul nor a letter or digit (and lone jamo, which only
/// appear while a syllable is being typed).
fn runs(text: &str) -> Vec<(bool, String)> {
    let folded = clean_line(text).to_lowercase();
    let mut out: Vec<(bool, String)> = Vec::new();
    for c in folded.chars() {
        let kind = if is_hangul(c) {
            Some(true)
        } else if c.is_alphanumeric() && !('\u{3131}'..='\u{318E}').contains(&c) {
            Some(false)
        } else {
            None
        };
        match (kind, out.last_mut()) {
            (Some(k), Some((last, run))) if *last == k && !run.is_empty() => run.push(c),
            (Some(k), _) => out.push((k, c.to_string())),
            (None, Some((_, run))) if !run.is_empty() => out.push((false, String::new())),
            (None, _) => {}
        }
    }
    out.retain(|(_, r)| !r.is_empty());
    out
}

fn bigrams(run: &str) -> Vec<String> {
    let cs: Vec<char> = run.chars().collect();
    if cs.len() == 1 {
        return vec![run.to_string()];
    }
    cs.windows(2).map(|w| w.iter().collect()).collect()
}

/// The text to store in the index for `text`.
pub(crate) fn index_terms(text: &str) -> String {
    let mut terms = Vec::new();
    for (hangul, run) in runs(text) {
        if hangul {
            terms.extend(bigrams(&run));
        } else {
            terms.push(run);
        }
    }
    terms.join(" ")
}

/// An FTS5 MATCH expression for what the owner typed, or `None` when there
/// is nothing to look for. Every word must be there (AND).
pub(crate) fn match_query(query: &str) -> Option<String> {
    let parts: Vec<String> = runs(query)
        .into_iter()
        .map(|(hangul, run)| {
            if hangul && run.chars().count() >= 2 {
                format!("\"{}\"", bigrams(&run).join(" "))
            } else {
                // A single syllable, or a word being typed: by prefix.
                format!("\"{run}\"*")
            }
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_becomes_overlapping_pairs() {
        assert_eq!(index_terms("배송 문의"), "배송 문의");
        assert_eq!(index_terms("배송문의, 환불!"), "배송 송문 문의 환불");
        assert_eq!(index_terms("김"), "김");
        assert_eq!(index_terms("Size 270 교환요청"), "size 270 교환 환요 요청");
    }

    #[test]
    fn queries_are_phrases_of_pairs_or_prefixes() {
        assert_eq!(match_query("송문").as_deref(), Some("\"송문\""));
        assert_eq!(
            match_query("배송문의").as_deref(),
            Some("\"배송 송문 문의\"")
        );
        assert_eq!(
            match_query("환 SIZE").as_deref(),
            Some("\"환\"* AND \"size\"*")
        );
        assert_eq!(match_query("배송ㅁ").as_deref(), Some("\"배송\""));
        assert_eq!(match_query(" \"*( ").as_deref(), None);
    }
}
