//! Finding the entries that rank best without a scan: those equal to
//! the query, and those starting with it (all of them when few; of many,
//! the first few in ranking order, with the rest counted).

use super::{bit, Best, Column, Found, SearchIndex, PREFIX_LOOKUP_MAX};

impl SearchIndex {
    /// Offers the built entries equal to `needle` (rank `whole`) and those
    /// starting with it (rank `prefix`); returns the ranks this settles,
    /// which the scan then need not wait for. `exact`: `rank_of` ranks
    /// every entry starting with the needle at `prefix` or better (it
    /// does not check the entry further), so of many only the first few
    /// in ranking order need offering; else all are offered, when few.
    pub(super) fn lookup(
        &self,
        col: &Column,
        needle: &[u8],
        (whole, prefix): (Option<u8>, Option<u8>),
        exact: bool,
        best: &mut Best,
        rank_of: &mut dyn FnMut(usize, usize) -> Option<Found>,
    ) -> u16 {
        let (equal, prefixed) = col.prefixed(needle);
        match (whole, prefix) {
            (w, Some(p)) if prefixed.len() <= PREFIX_LOOKUP_MAX || exact => {
                self.offer_starting(col, equal, prefixed, best, rank_of);
                bit(p) | w.map_or(0, bit)
            }
            (Some(w), _) => {
                self.offer_all(col, equal, best, rank_of);
                bit(w)
            }
            (None, _) => 0,
        }
    }

    /// Offers every entry of `list` (their needle at 0) that is alive.
    pub(super) fn offer_all(
        &self,
        col: &Column,
        list: &[u32],
        best: &mut Best,
        rank_of: &mut dyn FnMut(usize, usize) -> Option<Found>,
    ) {
        for &e in list {
            if self.alive[col.owner[e as usize] as usize] {
                if let Some(f) = rank_of(e as usize, 0) {
                    best.offer(f);
                }
            }
        }
    }

    /// Offers the entries of `starting` that can be among the best when
    /// every one of them ranks at one rank or better: all of `equal` (the
    /// whole matches, better still, wherever they are) and the first
    /// `best`'s limit of the rest in ranking order, that is by slot. A
    /// later one of that rank loses to each of them. So typing ㅎ settles
    /// the names starting with ㅎ without reading the whole column up to
    /// them (ㅎ comes last in 가나다 order).
    pub(super) fn offer_starting(
        &self,
        col: &Column,
        equal: &[u32],
        starting: &[u32],
        best: &mut Best,
        rank_of: &mut dyn FnMut(usize, usize) -> Option<Found>,
    ) {
        if starting.len() <= PREFIX_LOOKUP_MAX {
            // `equal` is among them.
            return self.offer_all(col, starting, best, rank_of);
        }
        self.offer_all(col, equal, best, rank_of);
        // The first few customers by slot, kept sorted (most entries fail
        // the first comparison); then every entry of theirs (a customer
        // may have several, one per phone), so that the best is chosen as
        // the scan would.
        let mut first: Vec<u32> = Vec::with_capacity(best.limit() + 1);
        for &e in starting {
            let slot = col.owner[e as usize];
            if first.len() == best.limit() && slot >= first[first.len() - 1] {
                continue;
            }
            let at = first.partition_point(|&s| s < slot);
            if first.get(at) != Some(&slot) && self.alive[slot as usize] {
                first.insert(at, slot);
                first.truncate(best.limit());
            }
        }
        let Some(&last) = first.last() else {
            return;
        };
        let list: Vec<u32> = starting
            .iter()
            .copied()
            .filter(|&e| col.owner[e as usize] <= last)
            .collect();
        self.offer_all(col, &list, best, rank_of);
        // Every one of them matches: counted here (up to the cap), not
        // waited for in a scan. Typing 이 (14% of names start with it) is
        // then "1,000명 이상" at once.
        for &e in starting {
            if best.capped() {
                break;
            }
            let slot = col.owner[e as usize];
            if self.alive[slot as usize] {
                best.count(slot);
            }
        }
    }
}
