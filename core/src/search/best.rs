//! The best few hits and a count that stops at `COUNT_CAP`, kept while the
//! index offers candidates — so that a query matching 99,000 customers
//! neither ranks them all nor counts to the end.
//!
//! Why a scan may stop early: slots below `SearchIndex::ordered` are kept
//! in ranking order (name, then id), and each field's entries in slot
//! order. So within one scan, a candidate comes after every candidate it
//! ties with on rank and would lose to. Once `limit` different customers
//! with rank ≤ r have come from a scan, no later candidate of rank r from
//! it can enter the best; once every rank the scan can still produce is
//! settled that way (or worse than the worst kept), and the count is
//! capped, the rest of the scan cannot change the answer.

use super::model::MatchField;

/// Beyond this many matches the count stops: "1,000명 이상".
///
/// The box shows the best 8 and at most 100 on "더 보기"; past a thousand
/// the count only says "type more", and counting further is what a
/// one-character query (ㅎ, 저, a surname) spent its time on: a syllable
/// in 7,000 names was counted to the end on every keystroke (BENCHMARKS.md,
/// customer lookup).
pub const COUNT_CAP: u32 = 1_000;

/// A candidate; lower `rank` is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub slot: u32,
    pub rank: u8,
    pub field: MatchField,
    pub phone: u8,
}

pub(super) struct Best<'a> {
    limit: usize,
    /// Best first, by (rank, then `before`).
    pub hits: Vec<Found>,
    /// Whether slot `i` is counted: bit `i % 64` of word `i / 64`.
    counted: Vec<u64>,
    pub count: u32,
    /// Ranking order between two slots of the same rank.
    before: &'a dyn Fn(u32, u32) -> bool,
}

impl<'a> Best<'a> {
    pub fn new(limit: usize, slots: usize, before: &'a dyn Fn(u32, u32) -> bool) -> Self {
        Best {
            limit,
            hits: Vec::with_capacity(limit + 1),
            counted: vec![0; slots.div_ceil(64)],
            count: 0,
            before,
        }
    }

    /// How many hits are kept.
    pub fn limit(&self) -> usize {
        self.limit
    }

    pub fn capped(&self) -> bool {
        self.count >= COUNT_CAP
    }

    /// Counts a matching slot (once), without ranking it.
    pub fn count(&mut self, slot: u32) {
        let (word, bit) = (slot as usize / 64, 1u64 << (slot % 64));
        if self.counted[word] & bit == 0 && !self.capped() {
            self.counted[word] |= bit;
            self.count += 1;
        }
    }

    pub fn offer(&mut self, f: Found) {
        self.count(f.slot);
        if self.hits.len() == self.limit && f.rank > self.hits[self.limit - 1].rank {
            return;
        }
        if let Some(i) = self.hits.iter().position(|h| h.slot == f.slot) {
            // Of two equally good matches, her first phone is the one shown.
            if (f.rank, f.phone) >= (self.hits[i].rank, self.hits[i].phone) {
                return;
            }
            self.hits.remove(i);
        }
        let better =
            |h: &Found| h.rank < f.rank || (h.rank == f.rank && (self.before)(h.slot, f.slot));
        let at = self.hits.partition_point(better);
        if at < self.limit {
            self.hits.insert(at, f);
            self.hits.truncate(self.limit);
        }
    }

    /// The worst rank kept, once `limit` are kept.
    fn full_worst(&self) -> Option<u8> {
        (self.hits.len() == self.limit).then(|| self.hits[self.limit - 1].rank)
    }
}

/// What one scan has produced, to know when the rest of it cannot matter.
pub(super) struct Progress {
    /// Ranks this scan may still produce that nothing else settled.
    open: u16,
    /// Different slots seen with each best rank.
    seen: [u32; 16],
    last: Option<(u32, u8)>,
}

impl Progress {
    /// `open`: bit r set for every rank r the scan can produce and no
    /// lookup has already settled.
    pub fn new(open: u16) -> Self {
        Progress {
            open,
            seen: [0; 16],
            last: None,
        }
    }

    /// A candidate from the ordered part of the scan (entries come slot
    /// by slot, so one slot's entries are consecutive).
    pub fn note(&mut self, slot: u32, rank: u8) {
        match self.last {
            Some((s, r)) if s == slot => self.last = Some((s, r.min(rank))),
            Some((_, r)) => {
                self.seen[r as usize] += 1;
                self.last = Some((slot, rank));
            }
            None => self.last = Some((slot, rank)),
        }
    }

    /// Whether the rest of the ordered part cannot change the best: what
    /// is left to do there is counting, if the count is not capped yet.
    pub fn settled(&self, best: &Best) -> bool {
        let worst = best.full_worst();
        let mut before = 0;
        for r in 0..16u8 {
            before += self.seen[r as usize];
            let settled = before as usize >= best.limit || worst.is_some_and(|w| r > w);
            if self.open & (1 << r) != 0 && !settled {
                return false;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(slot: u32, rank: u8) -> Found {
        Found {
            slot,
            rank,
            field: MatchField::Name,
            phone: 0,
        }
    }

    #[test]
    fn keeps_the_best_rank_of_each_slot_in_order() {
        let before = |a: u32, b: u32| a < b;
        let mut best = Best::new(3, 10, &before);
        for (slot, rank) in [(5, 4), (2, 4), (7, 1), (5, 0), (9, 4), (1, 8), (2, 9)] {
            best.offer(found(slot, rank));
        }
        let kept: Vec<_> = best.hits.iter().map(|f| (f.slot, f.rank)).collect();
        assert_eq!(kept, [(5, 0), (7, 1), (2, 4)]);
        assert_eq!(best.count, 5, "five different slots");
    }

    #[test]
    fn a_scan_is_done_once_capped_and_settled() {
        let before = |a: u32, b: u32| a < b;
        let mut best = Best::new(2, COUNT_CAP as usize + 10, &before);
        let mut p = Progress::new(1 << 4 | 1 << 8);
        for slot in 0..COUNT_CAP {
            let rank = if slot % 2 == 0 { 4 } else { 8 };
            best.offer(found(slot, rank));
            p.note(slot, rank);
        }
        assert!(best.capped());
        assert!(p.settled(&best), "two of rank 4 seen; rank 8 cannot enter");
        let mut p = Progress::new(1 << 1 | 1 << 4);
        p.note(0, 4);
        p.note(1, 4);
        p.note(2, 4);
        assert!(!p.settled(&best), "a rank 1 may still come");
    }
}
