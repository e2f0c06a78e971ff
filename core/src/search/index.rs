//! The customer search index, held in memory.
//!
//! Why not SQLite FTS: lookups must answer every keystroke in well under
//! 5 ms at 100,000 customers, for substrings of any length (two-syllable
//! names like 민수 are below FTS5 trigram's three characters), for Hangul
//! initials, and for any run of phone digits. Here each searchable field is
//! one byte string of all its entries separated by `\n`; a query is one
//! SIMD substring scan (`memchr::memmem`) over it. The database stays the
//! source of truth: the index is built from it at open and told of every
//! change after it is committed.
//!
//! Entries are append-only. Changing a customer gives her a new slot and
//! leaves the old slot's entries dead; the index is rebuilt from the live
//! slots once the dead outweigh the live.

use std::collections::HashMap;

use memchr::memmem;

use super::hangul;
use super::model::{MatchField, SearchHit, SearchResults};
use super::query::{self, Query, Reading};
use crate::customers::phone;
use crate::customers::store::{IndexPhone, IndexRow};
use crate::settings::Country;

/// One searchable field of every customer.
#[derive(Default)]
struct Column {
    blob: Vec<u8>,
    /// Where each entry starts in `blob`, ascending.
    starts: Vec<u32>,
    /// The slot each entry belongs to.
    owner: Vec<u32>,
    /// For phones: which of the slot's phones the entry is.
    sub: Vec<u8>,
}

impl Column {
    fn push(&mut self, text: &str, slot: u32, sub: u8) {
        self.starts.push(self.blob.len() as u32);
        self.owner.push(slot);
        self.sub.push(sub);
        self.blob.extend_from_slice(text.as_bytes());
        self.blob.push(b'\n');
    }

    /// Every entry holding `needle`, once, with where it first occurs:
    /// (entry, byte offset in the entry). A later occurrence in the same
    /// entry never ranks better, so the scan skips to the next entry; hits
    /// come in order, so each entry is found by galloping from the last.
    fn find<'a>(&'a self, needle: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
        let finder = memmem::Finder::new(needle);
        let (mut from, mut entry) = (0, 0);
        std::iter::from_fn(move || {
            let at = from + finder.find(self.blob.get(from..)?)?;
            let mut step = 1;
            while self
                .starts
                .get(entry + step)
                .is_some_and(|&s| s as usize <= at)
            {
                entry += step;
                step *= 2;
            }
            let end = (entry + step).min(self.starts.len());
            entry += self.starts[entry..end].partition_point(|&s| s as usize <= at) - 1;
            let start = self.starts[entry] as usize;
            from = start + self.entry(entry).len() + 1;
            Some((entry, at - start))
        })
    }

    fn entry(&self, entry: usize) -> &[u8] {
        let start = self.starts[entry] as usize;
        let end = self
            .starts
            .get(entry + 1)
            .map_or(self.blob.len(), |&s| s as usize)
            - 1;
        &self.blob[start..end]
    }
}

struct Slot {
    row: IndexRow,
    /// `fold(name)` as characters, for checking a loose match.
    folded: Vec<char>,
    alive: bool,
}

/// A name's first 8 bytes, big-endian: ordered as the name is, up to ties,
/// so ranking mostly compares integers instead of strings behind pointers.
fn name_key(name: &str) -> u64 {
    let mut b = [0; 8];
    let n = name.len().min(8);
    b[..n].copy_from_slice(&name.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

#[derive(Default)]
pub struct SearchIndex {
    slots: Vec<Slot>,
    /// `name_key` of each slot's name.
    keys: Vec<u64>,
    by_id: HashMap<i64, u32>,
    by_card: HashMap<i64, u32>,
    names: Column,
    initials: Column,
    phones: Column,
    emails: Column,
    live: usize,
}

/// A candidate before ranking; lower `rank` is better.
#[derive(Clone, Copy)]
struct Found {
    slot: u32,
    rank: u8,
    field: MatchField,
    phone: u8,
}

impl SearchIndex {
    pub fn build(rows: Vec<IndexRow>) -> Self {
        let mut index = SearchIndex::default();
        for row in rows {
            index.upsert(row);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Adds a customer, or replaces what we had of her.
    pub fn upsert(&mut self, row: IndexRow) {
        self.remove(row.id);
        let slot = self.slots.len() as u32;
        let folded = query::fold(&row.name);
        self.names.push(&folded, slot, 0);
        self.initials.push(&hangul::initials(&folded), slot, 0);
        for (i, p) in row.phones.iter().enumerate().take(u8::MAX as usize) {
            for digits in phone::search_digits(&p.national, &p.e164) {
                self.phones.push(&digits, slot, i as u8);
            }
        }
        if let Some(email) = &row.email {
            self.emails.push(&email.to_lowercase(), slot, 0);
        }
        self.by_id.insert(row.id, slot);
        self.by_card.insert(row.card_no, slot);
        self.keys.push(name_key(&row.name));
        self.slots.push(Slot {
            folded: folded.chars().collect(),
            row,
            alive: true,
        });
        self.live += 1;
    }

    pub fn remove(&mut self, id: i64) {
        if let Some(slot) = self.by_id.remove(&id) {
            let s = &mut self.slots[slot as usize];
            s.alive = false;
            self.by_card.remove(&s.row.card_no);
            self.live -= 1;
        }
        if self.slots.len() > 1024 && self.slots.len() > self.live * 2 {
            self.compact();
        }
    }

    fn compact(&mut self) {
        let rows = std::mem::take(&mut self.slots)
            .into_iter()
            .filter(|s| s.alive)
            .map(|s| s.row);
        *self = SearchIndex::build(rows.collect());
    }

    pub fn search(&self, raw: &str, limit: usize, shop: Country) -> SearchResults {
        // Per slot, 1 + where its best match is in `found`; 0 for none yet.
        let mut marks = vec![0u32; self.slots.len()];
        let mut found: Vec<Found> = vec![];
        let mut add = |f: Found| {
            if !self.slots[f.slot as usize].alive {
                return;
            }
            match marks[f.slot as usize] as usize {
                0 => {
                    found.push(f);
                    marks[f.slot as usize] = found.len() as u32;
                }
                at if f.rank < found[at - 1].rank => found[at - 1] = f,
                _ => {}
            }
        };
        match query::parse(raw) {
            Query::Empty => {}
            Query::CardNo(n) => {
                if let Some(&slot) = self.by_card.get(&n) {
                    add(Found {
                        slot,
                        rank: 0,
                        field: MatchField::CardNo,
                        phone: 0,
                    });
                }
            }
            Query::Digits(digits) => self.find_digits(&digits, &mut add),
            Query::Text { text, readings } => {
                for reading in &readings {
                    self.find_name(reading, &mut add);
                }
                if text.is_ascii() {
                    for (entry, at) in self.emails.find(text.as_bytes()) {
                        let rank = if at == 0 { 6 } else { 9 };
                        add(Found {
                            slot: self.emails.owner[entry],
                            rank,
                            field: MatchField::Email,
                            phone: 0,
                        });
                    }
                }
            }
        }
        self.results(raw, found, limit, shop)
    }

    fn find_digits(&self, digits: &str, add: &mut impl FnMut(Found)) {
        // The last four digits are how people find a caller; a short query is
        // more likely a card number than part of a phone.
        let long = digits.len() >= 4;
        if let Ok(n) = digits.parse::<i64>() {
            if let Some(&slot) = self.by_card.get(&n) {
                add(Found {
                    slot,
                    rank: if long { 3 } else { 0 },
                    field: MatchField::CardNo,
                    phone: 0,
                });
            }
        }
        for (entry, at) in self.phones.find(digits.as_bytes()) {
            // The best of every place the digits occur in this number.
            let number = self.phones.entry(entry);
            let d = digits.as_bytes();
            let suffix = number.len() >= d.len()
                && number.iter().rev().zip(d.iter().rev()).all(|(a, b)| a == b);
            let rank = match (at == 0 && number.len() == d.len(), suffix) {
                (true, _) => 0,
                (false, true) if long => 1,
                (false, true) => 4,
                _ if at == 0 => 4,
                _ => 8,
            };
            let (slot, phone) = (self.phones.owner[entry], self.phones.sub[entry]);
            add(Found {
                slot,
                rank,
                field: MatchField::Phone,
                phone,
            });
        }
    }

    fn find_name(&self, reading: &Reading, add: &mut impl FnMut(Found)) {
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
            for (entry, at) in self.names.find(text.as_bytes()) {
                let name = self.names.entry(entry);
                add(Found {
                    slot: self.names.owner[entry],
                    rank: rank_at(at == 0 && name.len() == text.len(), chars_in(&name[..at])),
                    field: MatchField::Name,
                    phone: 0,
                });
            }
            return;
        }
        // Initials or a syllable being composed: find by initials, then check
        // each candidate character by character.
        let initials = reading.initials();
        let only_initials = reading
            .chars
            .iter()
            .all(|q| matches!(q, query::QChar::Initial(_)));
        for (entry, at) in self.initials.find(initials.as_bytes()) {
            let slot = self.initials.owner[entry];
            let (whole, pos) = if only_initials {
                // Each character has one initial: this match is the match.
                let found = self.initials.entry(entry);
                (
                    at == 0 && found.len() == initials.len(),
                    chars_in(&found[..at]),
                )
            } else {
                let name = &self.slots[slot as usize].folded;
                let matches = |w: &[char]| w.iter().zip(&reading.chars).all(|(c, q)| q.matches(*c));
                match name.windows(len).position(matches) {
                    Some(pos) => (pos == 0 && name.len() == len, pos),
                    None => continue,
                }
            };
            let field = if only_initials {
                MatchField::Initials
            } else {
                MatchField::Name
            };
            add(Found {
                slot,
                rank: rank_at(whole, pos) + 1,
                field,
                phone: 0,
            });
        }
    }

    fn results(&self, raw: &str, found: Vec<Found>, limit: usize, shop: Country) -> SearchResults {
        let total = found.len() as u32;
        let key = |f: &Found| {
            let row = &self.slots[f.slot as usize].row;
            (f.rank, &row.name, row.id)
        };
        let mut found: Vec<(u8, u64, Found)> = found
            .into_iter()
            .map(|f| (f.rank, self.keys[f.slot as usize], f))
            .collect();
        let order = |a: &(u8, u64, Found), b: &(u8, u64, Found)| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| key(&a.2).cmp(&key(&b.2)))
        };
        if limit < found.len() {
            found.select_nth_unstable_by(limit, order);
            found.truncate(limit);
        }
        found.sort_unstable_by(order);
        let hits = found
            .into_iter()
            .map(|(_, _, f)| {
                let row = &self.slots[f.slot as usize].row;
                let phone = row.phones.get(f.phone as usize).or(row.phones.first());
                SearchHit {
                    id: row.id,
                    card_no: row.card_no,
                    name: row.name.clone(),
                    phone: phone.map(|p: &IndexPhone| {
                        phone::display(&p.region, &p.national, &p.international, shop).to_string()
                    }),
                    email: row.email.clone(),
                    matched: f.field,
                }
            })
            .collect();
        SearchResults {
            query: raw.to_string(),
            total,
            hits,
        }
    }
}

/// How many characters `utf8` holds (it is a whole number of them).
fn chars_in(utf8: &[u8]) -> usize {
    utf8.iter().filter(|&&b| (b as i8) >= -0x40).count()
}
