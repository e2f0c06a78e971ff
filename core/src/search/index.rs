//! The customer search index, held in memory.
//!
//! Why not SQLite FTS: lookups must answer every keystroke at 100,000
//! customers in well under a millisecond, for substrings of any length
//! (two-syllable names like 민수 are below FTS5 trigram's three
//! characters), for Hangul initials, and for any run of phone digits.
//! Each searchable field is a `Column` (see there: a SIMD scan, trigram
//! postings, sorted entries). The database stays the source of truth: the
//! index is built from it at open and told of every change after it is
//! committed.
//!
//! At a build, customers get their slots in ranking order (name, then id),
//! so the first matches a scan meets are the best of their rank: `Best`
//! keeps the best few and stops counting at `COUNT_CAP`, and a scan stops
//! once the rest of it cannot change either. Changing a customer gives her
//! a new slot at the end (always scanned, outside that order) and leaves
//! the old slot dead; the index is built again once the new slots or the
//! dead ones grow past a bound.

use memchr::memmem;

use super::best::{Best, Found, Progress};
use super::column::Column;
use super::hangul;
use super::model::{MatchField, SearchHit, SearchResults};
use super::query::{self, Query};
use super::rows::Rows;
use crate::people::customers::phone;
use crate::people::customers::store::IndexRow;
use crate::store::settings::Country;

/// Entries starting with the query are all offered (and a scan need not
/// wait for them) when at most this many; of more, only the first few
/// (`offer_starting`), or the scan finds them.
#[cfg(not(test))]
const PREFIX_LOOKUP_MAX: usize = 512;
/// Small in tests, so that the few customers of a property test take the
/// paths of a long list too.
#[cfg(test)]
const PREFIX_LOOKUP_MAX: usize = 4;

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
    /// What each slot shows in a hit.
    rows: Rows,
    /// Whether each slot is still a customer (false: changed or deleted).
    alive: Vec<bool>,
    /// `name_key` of each slot's name.
    keys: Vec<u64>,
    /// The live slots ascending by id, and by card number: a binary search
    /// through `rows` finds a customer (two hash maps held 4.5 MB at
    /// 100,000 customers; these hold 0.8).
    by_id: Vec<u32>,
    by_card: Vec<u32>,
    /// One entry per slot: entry `i` is slot `i`'s folded name.
    names: Column,
    /// One entry per slot, its name's initials.
    initials: Column,
    phones: Column,
    emails: Column,
    live: usize,
    /// Slots below this are in ranking order and indexed by the columns.
    ordered: usize,
}

mod fields;
mod lookup;
#[cfg(test)]
mod tests;

fn bit(rank: u8) -> u16 {
    1 << rank
}

impl SearchIndex {
    pub fn build(mut rows: Vec<IndexRow>) -> Self {
        rows.sort_unstable_by(|a, b| {
            (name_key(&a.name), &a.name, a.id).cmp(&(name_key(&b.name), &b.name, b.id))
        });
        let mut index = SearchIndex::default();
        for row in rows {
            index.push(row);
        }
        index.ordered = index.alive.len();
        let slots = 0..index.ordered as u32;
        index.by_id = slots.clone().collect();
        index
            .by_id
            .sort_unstable_by_key(|&s| index.rows.id(s as usize));
        index.by_card = slots.collect();
        index
            .by_card
            .sort_unstable_by_key(|&s| index.rows.card_no(s as usize));
        index.rows.shrink_to_fit();
        index.keys.shrink_to_fit();
        index.alive.shrink_to_fit();
        // `run` reads a list of up to an eighth of the entries rather than
        // scan. Phones keep a sixteenth: their lists of two digits (each
        // pair is in about a tenth of the numbers; 6 MB at 100,000
        // customers) hold only matches, so reading one is no quicker than
        // the scan, which stops at the count's cap just as soon.
        let shares = [
            (&mut index.names, 8),
            (&mut index.initials, 8),
            (&mut index.phones, 16),
            (&mut index.emails, 8),
        ];
        for (column, share) in shares {
            column.seal(share);
        }
        index.phones.seal_suffixes();
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
        let (id, card) = (row.id, row.card_no);
        let slot = self.push(row);
        if let Err(at) = self.by_id(id) {
            self.by_id.insert(at, slot);
        }
        if let Err(at) = self.by_card(card) {
            self.by_card.insert(at, slot);
        }
        if self.alive.len() - self.ordered > (self.ordered / 32).max(1024) {
            self.rebuild();
        }
    }

    /// Where the live slot of customer `id` is in `by_id` (`Err`: where
    /// it would go).
    fn by_id(&self, id: i64) -> Result<usize, usize> {
        self.by_id
            .binary_search_by_key(&id, |&s| self.rows.id(s as usize))
    }

    /// Where the live slot of card number `card` is in `by_card`.
    pub(super) fn by_card(&self, card: i64) -> Result<usize, usize> {
        self.by_card
            .binary_search_by_key(&card, |&s| self.rows.card_no(s as usize))
    }

    /// Adds a slot (the caller files it in `by_id` and `by_card`).
    fn push(&mut self, row: IndexRow) -> u32 {
        let slot = self.alive.len() as u32;
        let folded = query::fold(&row.name);
        self.names.push(folded.as_bytes(), slot, 0);
        self.initials
            .push(hangul::initials(&folded).as_bytes(), slot, 0);
        for (i, p) in row.phones.iter().enumerate().take(u8::MAX as usize) {
            for digits in phone::search_digits(&p.national, &p.e164) {
                self.phones.push(digits.as_bytes(), slot, i as u8);
            }
        }
        if let Some(email) = &row.email {
            self.emails.push(email.to_lowercase().as_bytes(), slot, 0);
        }
        self.keys.push(name_key(&row.name));
        self.rows.push(&row);
        self.alive.push(true);
        self.live += 1;
        slot
    }

    pub fn remove(&mut self, id: i64) {
        if let Ok(at) = self.by_id(id) {
            let slot = self.by_id.remove(at);
            self.alive[slot as usize] = false;
            if let Ok(at) = self.by_card(self.rows.card_no(slot as usize)) {
                self.by_card.remove(at);
            }
            self.live -= 1;
        }
        if self.alive.len() > 1024 && self.alive.len() > self.live * 2 {
            self.rebuild();
        }
    }

    fn rebuild(&mut self) {
        let rows = (0..self.alive.len())
            .filter(|&s| self.alive[s])
            .map(|s| self.rows.to_index_row(s));
        *self = SearchIndex::build(rows.collect());
    }

    /// Bytes each part holds, for the lookup bench (by length: the
    /// unused capacity of a vector is never written, so not resident).
    pub fn heap_parts(&self) -> Vec<(String, usize)> {
        let mut parts = vec![
            ("rows".to_string(), self.rows.heap_bytes()),
            (
                "slots (alive, name keys, by id, by card)".to_string(),
                self.alive.len()
                    + self.keys.len() * 8
                    + (self.by_id.len() + self.by_card.len()) * 4,
            ),
        ];
        let columns = [
            ("names", &self.names),
            ("initials", &self.initials),
            ("phones", &self.phones),
            ("emails", &self.emails),
        ];
        for (column, col) in columns {
            for (part, bytes) in col.heap_parts() {
                parts.push((format!("{column}: {part}"), bytes));
            }
        }
        parts
    }

    /// Ranking order between two slots of the same rank: name, then id.
    fn before(&self, a: u32, b: u32) -> bool {
        let key = |s: u32| {
            let s = s as usize;
            (self.keys[s], self.rows.name(s), self.rows.id(s))
        };
        key(a) < key(b)
    }

    pub fn search(&self, raw: &str, limit: usize, shop: Country) -> SearchResults {
        let before = |a, b| self.before(a, b);
        let mut best = Best::new(limit, self.alive.len(), &before);
        match query::parse(raw) {
            Query::Empty => {}
            Query::CardNo(n) => {
                if let Ok(at) = self.by_card(n) {
                    best.offer(Found {
                        slot: self.by_card[at],
                        rank: 0,
                        field: MatchField::CardNo,
                        phone: 0,
                    });
                }
            }
            Query::Digits(digits) => self.find_digits(digits.as_bytes(), &mut best),
            Query::Text { text, readings } => {
                for reading in &readings {
                    self.find_name(reading, &mut best);
                }
                if text.is_ascii() {
                    self.find_email(text.as_bytes(), &mut best);
                }
            }
        }
        self.results(raw, best, shop)
    }

    /// Offers every entry of `col` holding `needle`, ranked by `rank_of`
    /// (`None`: not a match after all; `checked`: only `rank_of` can tell,
    /// else every entry holding the needle matches). `open`: the ranks it
    /// can produce that no lookup settled. The ordered part is read from
    /// the postings or scanned; once the best is settled only counting is
    /// left, and once the count is capped too the ordered part is left.
    /// Entries added since the build are always scanned. `given`: the
    /// built entries that can match, ascending, instead of the postings.
    pub(super) fn run(
        &self,
        col: &Column,
        needle: &[u8],
        (open, checked): (u16, bool),
        given: Option<&[u32]>,
        best: &mut Best,
        rank_of: &mut dyn FnMut(usize, usize) -> Option<Found>,
    ) {
        let finder = memmem::Finder::new(needle);
        let alive = |e: usize| self.alive[col.owner[e] as usize];
        let mut progress = Progress::new(open);
        let mut counting = false;
        // Whether the ordered part may be left.
        let mut take = |e: usize, at: usize, best: &mut Best| {
            if counting {
                if !checked || rank_of(e, at).is_some() {
                    best.count(col.owner[e]);
                }
                return best.capped();
            }
            if let Some(f) = rank_of(e, at) {
                progress.note(f.slot, f.rank);
                best.offer(f);
                counting = progress.settled(best);
            }
            counting && best.capped()
        };
        let built = col.built();
        // The shorter of two supersets of the matches.
        let list = match (given, col.candidates(needle, built / 8)) {
            (Some(g), Some(c)) if c.len() < g.len() => Some(c),
            (g, c) => g.or(c),
        };
        // Already counted to the cap, and the best kept are better than
        // any rank the ordered part could still give (typing 이: eight
        // names starting with it, and a thousand counted among those):
        // its scan, which would wait for one match to see that, is left
        // out. The first match inside a name can be far down the list.
        let done = best.capped() && Progress::new(open).settled(best);
        match list {
            _ if done => {}
            Some(list) => {
                for &e in list {
                    let e = e as usize;
                    let hit = alive(e).then(|| finder.find(col.entry(e))).flatten();
                    if hit.is_some_and(|at| take(e, at, best)) {
                        break;
                    }
                }
            }
            None => {
                for (e, at) in col.scan(&finder, 0..built) {
                    if alive(e) && take(e, at, best) {
                        break;
                    }
                }
            }
        }
        for (e, at) in col.scan(&finder, built..col.len()) {
            if alive(e) {
                if let Some(f) = rank_of(e, at) {
                    best.offer(f);
                }
            }
        }
    }

    fn results(&self, raw: &str, best: Best, shop: Country) -> SearchResults {
        let hits = best
            .hits
            .iter()
            .map(|f| {
                let row = self.rows.get(f.slot as usize);
                let phone = row.phones.get(f.phone as usize).or(row.phones.first());
                SearchHit {
                    id: row.id,
                    card_no: row.card_no,
                    name: row.name.to_string(),
                    phone: phone.map(|[_, region, national, international]| {
                        phone::display(region, national, international, shop).to_string()
                    }),
                    email: row.email.map(str::to_string),
                    matched: f.field,
                }
            })
            .collect();
        SearchResults {
            query: raw.to_string(),
            total: best.count,
            total_capped: best.capped(),
            hits,
        }
    }
}

/// How many characters `utf8` holds (it is a whole number of them).
pub(super) fn chars_in(utf8: &[u8]) -> usize {
    utf8.iter().filter(|&&b| (b as i8) >= -0x40).count()
}
