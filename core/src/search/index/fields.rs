//! How each kind of query is ranked: phone digits (a whole number, then
//! the last digits, then a start, then anywhere), names and initials (whole
//! name, start, anywhere; a reading that relies on a syllable still being
//! composed one step lower), emails (start, anywhere).

use super::{bit, chars_in, Best, Found, SearchIndex};
use crate::search::hangul;
use crate::search::model::MatchField;
use crate::search::query::{self, Reading};

impl SearchIndex {
    pub(super) fn find_digits(&self, d: &[u8], best: &mut Best) {
        // The last four digits are how people find a caller; a short query is
        // more likely a card number than part of a phone.
        let long = d.len() >= 4;
        let card = std::str::from_utf8(d)
            .ok()
            .and_then(|s| s.parse::<i64>().ok());
        if let Some(&slot) = card.and_then(|n| self.by_card.get(&n)) {
            best.offer(Found {
                slot,
                rank: if long { 3 } else { 0 },
                field: MatchField::CardNo,
                phone: 0,
            });
        }
        let col = &self.phones;
        let mut rank_of = |e: usize, at: usize| {
            // The best of every place the digits occur in this number.
            let number = col.entry(e);
            let rank = match (at == 0 && number.len() == d.len(), number.ends_with(d)) {
                (true, _) => 0,
                (false, true) if long => 1,
                (false, true) => 4,
                _ if at == 0 => 4,
                _ => 8,
            };
            Some(Found {
                slot: col.owner[e],
                rank,
                field: MatchField::Phone,
                phone: col.sub[e],
            })
        };
        // Long: rank 4 is a start that is not an ending, all found by
        // the lookup when few.
        let ranks = (Some(0), long.then_some(4));
        let mut settled = self.lookup(col, d, ranks, true, best, &mut rank_of);
        // Long: rank 1 is an ending; few numbers share their last digits.
        let endings = col.suffixed(d);
        if long && endings.len() <= super::PREFIX_LOOKUP_MAX {
            for &e in endings {
                if self.alive[col.owner[e as usize] as usize] {
                    let at = memchr::memmem::find(col.entry(e as usize), d).unwrap_or(0);
                    if let Some(f) = rank_of(e as usize, at) {
                        best.offer(f);
                    }
                }
            }
            settled |= bit(1);
        }
        let open = bit(0) | bit(if long { 1 } else { 4 }) | bit(4) | bit(8);
        self.run(col, d, (open & !settled, false), best, &mut rank_of);
    }

    pub(super) fn find_name(&self, reading: &Reading, best: &mut Best) {
        let loose = reading.loose as u8;
        let len = reading.chars.len();
        let rank_at = |whole: bool, pos: usize| {
            (if whole {
                0
            } else if pos == 0 {
                2
            } else {
                5
            }) + loose
        };
        if let Some(text) = reading.exact_text() {
            let (col, text) = (&self.names, text.as_bytes());
            let mut rank_of = |e: usize, at: usize| {
                let name = col.entry(e);
                Some(Found {
                    slot: col.owner[e],
                    rank: rank_at(at == 0 && name.len() == text.len(), chars_in(&name[..at])),
                    field: MatchField::Name,
                    phone: 0,
                })
            };
            let ranks = (rank_at(true, 0), rank_at(false, 0), rank_at(false, 1));
            let settled = self.lookup(
                col,
                text,
                (Some(ranks.0), Some(ranks.1)),
                true,
                best,
                &mut rank_of,
            );
            let open = bit(ranks.0) | bit(ranks.1) | bit(ranks.2);
            self.run(col, text, (open & !settled, false), best, &mut rank_of);
            return;
        }
        // Initials or a syllable being composed: find by initials, then check
        // each candidate character by character.
        let initials = reading.initials();
        let only_initials = reading
            .chars
            .iter()
            .all(|q| matches!(q, query::QChar::Initial(_)));
        let field = if only_initials {
            MatchField::Initials
        } else {
            MatchField::Name
        };
        let col = &self.initials;
        let mut name: Vec<char> = vec![];
        let mut rank_of = |e: usize, at: usize| {
            let slot = col.owner[e];
            let (whole, pos) = if only_initials {
                // Each character has one initial: this match is the match.
                let found = col.entry(e);
                (
                    at == 0 && found.len() == initials.len(),
                    chars_in(&found[..at]),
                )
            } else {
                name.clear();
                let folded = self.names.entry(slot as usize);
                name.extend(std::str::from_utf8(folded).unwrap_or_default().chars());
                let matches = |w: &[char]| w.iter().zip(&reading.chars).all(|(c, q)| q.matches(*c));
                let pos = name.windows(len).position(matches)?;
                (pos == 0 && name.len() == len, pos)
            };
            Some(Found {
                slot,
                rank: rank_at(whole, pos) + 1,
                field,
                phone: 0,
            })
        };
        let ranks = (
            rank_at(true, 0) + 1,
            rank_at(false, 0) + 1,
            rank_at(false, 1) + 1,
        );
        let needle = initials.as_bytes();
        let mut settled = self.lookup(
            col,
            needle,
            (Some(ranks.0), Some(ranks.1)),
            only_initials,
            best,
            &mut rank_of,
        );
        // One syllable still being composed (저): the names starting with
        // any syllable it may become (저 … 젛) are one run of the names in
        // text order, so its starts are settled as a prefix's are. Entries
        // of names and of initials are both slots.
        if let [query::QChar::Open { initial, medial }] = reading.chars[..] {
            let form = |f| hangul::compose(initial, medial, f).to_string();
            let mut equal = vec![];
            for f in 0..hangul::FINALS {
                equal.extend_from_slice(self.names.prefixed(form(f).as_bytes()).0);
            }
            // Up to the character after the last form (after 힣, the
            // last syllable, comes U+D7A4: still a character).
            let after = hangul::compose(initial, medial, hangul::FINALS - 1) as u32 + 1;
            let after = char::from_u32(after).map(String::from).unwrap_or_default();
            let starting = self.names.between(form(0).as_bytes(), after.as_bytes());
            self.offer_starting(&self.names, &equal, starting, best, &mut rank_of);
            settled |= bit(ranks.0) | bit(ranks.1);
        }
        let open = bit(ranks.0) | bit(ranks.1) | bit(ranks.2);
        self.run(
            col,
            needle,
            (open & !settled, !only_initials),
            best,
            &mut rank_of,
        );
    }

    pub(super) fn find_email(&self, text: &[u8], best: &mut Best) {
        let col = &self.emails;
        let mut rank_of = |e: usize, at: usize| {
            Some(Found {
                slot: col.owner[e],
                rank: if at == 0 { 6 } else { 9 },
                field: MatchField::Email,
                phone: 0,
            })
        };
        let settled = self.lookup(col, text, (None, Some(6)), true, best, &mut rank_of);
        self.run(
            col,
            text,
            ((bit(6) | bit(9)) & !settled, false),
            best,
            &mut rank_of,
        );
    }
}
