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

    /// Every occurrence of `needle`: (entry, byte offset in the entry).
    fn find<'a>(&'a self, needle: &'a [u8]) -> impl Iterator<Item = (usize, usize)> + 'a {
        memmem::find_iter(&self.blob, needle).map(move |at| {
            let entry = self.starts.partition_point(|&s| s as usize <= at) - 1;
            (entry, at - self.starts[entry] as usize)
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

#[derive(Default)]
pub struct SearchIndex {
    slots: Vec<Slot>,
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
        let mut best: HashMap<u32, Found> = HashMap::new();
        let mut add = |f: Found| {
            if !self.slots[f.slot as usize].alive {
                return;
            }
            best.entry(f.slot)
                .and_modify(|b| {
                    if f.rank < b.rank {
                        *b = f
                    }
                })
                .or_insert(f);
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
        self.results(raw, best.into_values().collect(), limit, shop)
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
            let len = self.phones.entry(entry).len();
            let rank = match (at == 0 && len == digits.len(), at + digits.len() == len) {
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
        let rank_at = |slot: u32, pos: usize| {
            let whole = pos == 0 && self.slots[slot as usize].folded.len() == len;
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
                let slot = self.names.owner[entry];
                let pos = std::str::from_utf8(&self.names.entry(entry)[..at])
                    .map_or(1, |s| s.chars().count());
                add(Found {
                    slot,
                    rank: rank_at(slot, pos),
                    field: MatchField::Name,
                    phone: 0,
                });
            }
            return;
        }
        // Initials or a syllable being composed: find by initials, then check
        // each candidate character by character.
        let initials = reading.initials();
        for (entry, _) in self.initials.find(initials.as_bytes()) {
            let slot = self.initials.owner[entry];
            let name = &self.slots[slot as usize].folded;
            let pos = name
                .windows(len)
                .position(|w| w.iter().zip(&reading.chars).all(|(c, q)| q.matches(*c)));
            if let Some(pos) = pos {
                let field = if reading
                    .chars
                    .iter()
                    .all(|q| matches!(q, query::QChar::Initial(_)))
                {
                    MatchField::Initials
                } else {
                    MatchField::Name
                };
                add(Found {
                    slot,
                    rank: rank_at(slot, pos) + 1,
                    field,
                    phone: 0,
                });
            }
        }
    }

    fn results(
        &self,
        raw: &str,
        mut found: Vec<Found>,
        limit: usize,
        shop: Country,
    ) -> SearchResults {
        let total = found.len() as u32;
        let key = |f: &Found| {
            (
                f.rank,
                &self.slots[f.slot as usize].row.name,
                self.slots[f.slot as usize].row.id,
            )
        };
        if limit < found.len() {
            found.select_nth_unstable_by(limit, |a, b| key(a).cmp(&key(b)));
            found.truncate(limit);
        }
        found.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
        let hits = found
            .into_iter()
            .map(|f| {
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
