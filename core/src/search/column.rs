//! One searchable field of every customer (folded names, their initials,
//! phone digits, emails), and the three ways to find a needle in it.
//!
//! - **A scan**: all entries are one byte string separated by `\n`, found
//!   with one SIMD substring search (`memchr::memmem`). It is the answer for
//!   short needles (`0`, `김`, `ㄱㅁ`) that occur almost everywhere: their
//!   best eight and a capped count come from the first part of the string.
//! - **Postings** (what SQLite FTS5's `trigram` tokenizer keeps, plus
//!   runs of one and two): for every run of up to three characters, the
//!   entries that hold it. A short needle reads its own list, a longer one the
//!   shortest list of its trigrams, and checks those entries only: a full
//!   name or seven phone digits cost what they find, not the size of the
//!   shop. Lists longer than an eighth of the entries (phones: a
//!   sixteenth) are not kept (a scan is cheaper than reading them).
//! - **Sorted entries**: the entries ordered by their text, so the ones
//!   equal to a needle (a whole name, a whole number) and, when few, the
//!   ones starting with it are a binary search away. They rank best and
//!   may be anywhere, so finding them apart lets a scan stop early.
//!
//! Postings and the sorted order cover the entries present at the last
//! build (`built`); entries added since (customers added or edited) are
//! few and always scanned.

use memchr::memmem;
use rustc_hash::FxHashMap;

#[derive(Default)]
pub(super) struct Column {
    blob: Vec<u8>,
    /// Where each entry starts in `blob`, ascending.
    starts: Vec<u32>,
    /// The slot each entry belongs to (ascending: entries are pushed slot
    /// by slot).
    pub owner: Vec<u32>,
    /// For phones: which of the slot's phones the entry is.
    pub sub: Vec<u8>,
    /// Entries below this have postings and a place in `sorted`.
    built: usize,
    sorted: Vec<u32>,
    /// Entries [0, built) ordered by their text read backwards, for the
    /// ones ending with a needle (phone numbers only: the last four
    /// digits rank first, and are few).
    rsorted: Vec<u32>,
    grams: Grams,
}

/// Bigram or trigram → entries holding it, as one array per key laid end
/// to end (keys sorted for a binary search; no per-list allocation).
/// Lists longer than a scan is worth are not kept, only their keys.
#[derive(Default)]
struct Grams {
    keys: Vec<u64>,
    /// Keys whose lists are not kept: in more entries than the share
    /// `seal` was given (`SearchIndex::run` accepts up to an eighth).
    common: Vec<u64>,
    /// `ends[i]`: where the list of `keys[i]` ends in `entries`.
    ends: Vec<u32>,
    entries: Vec<u32>,
}

/// A run of one, two or three characters (no character is NUL, so no two
/// lengths share a key).
fn gram(c: &[char]) -> u64 {
    c.iter().fold(0, |key, &c| key << 21 | c as u64)
}

/// The keys of `text`: itself when one or two characters long, else its
/// trigrams.
fn needle_grams(text: &[u8]) -> Vec<u64> {
    let chars: Vec<char> = std::str::from_utf8(text)
        .unwrap_or_default()
        .chars()
        .collect();
    match chars.len() {
        0 => vec![],
        1 | 2 => vec![gram(&chars)],
        _ => chars.windows(3).map(gram).collect(),
    }
}

/// The first 8 bytes, big-endian: sorts as the text does, up to ties.
fn prefix8(text: &[u8]) -> u64 {
    let mut b = [0; 8];
    let n = text.len().min(8);
    b[..n].copy_from_slice(&text[..n]);
    u64::from_be_bytes(b)
}

impl Column {
    pub fn push(&mut self, text: &[u8], slot: u32, sub: u8) {
        self.starts.push(self.blob.len() as u32);
        self.owner.push(slot);
        self.sub.push(sub);
        self.blob.extend_from_slice(text);
        self.blob.push(b'\n');
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn built(&self) -> usize {
        self.built
    }

    pub fn entry(&self, entry: usize) -> &[u8] {
        &self.blob[self.start(entry)..self.start(entry + 1) - 1]
    }

    fn start(&self, entry: usize) -> usize {
        self.starts
            .get(entry)
            .map_or(self.blob.len(), |&s| s as usize)
    }

    /// Indexes every entry pushed so far: the sorted order and the trigram
    /// postings, keeping the lists of at most one `share`-th of the
    /// entries (and of 64 entries). Called once, after the build pushed
    /// everyone.
    pub fn seal(&mut self, share: usize) {
        self.built = self.len();
        let mut keyed: Vec<(u64, u32)> = (0..self.built)
            .map(|e| (prefix8(self.entry(e)), e as u32))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| self.entry(a.1 as usize).cmp(self.entry(b.1 as usize)))
        });
        self.sorted = keyed.into_iter().map(|(_, e)| e).collect();

        let mut lists: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
        let mut chars = vec![];
        for e in 0..self.built {
            chars.clear();
            chars.extend(
                std::str::from_utf8(self.entry(e))
                    .unwrap_or_default()
                    .chars(),
            );
            let grams = (1..=3).flat_map(|n| chars.windows(n)).map(gram);
            for key in grams {
                let list = lists.entry(key).or_default();
                if list.last() != Some(&(e as u32)) {
                    list.push(e as u32);
                }
            }
        }
        let (mut keys, mut common): (Vec<u64>, Vec<u64>) = lists
            .keys()
            .partition(|k| lists[k].len() <= (self.built / share).max(64));
        keys.sort_unstable();
        common.sort_unstable();
        let total = keys.iter().map(|k| lists[k].len()).sum();
        let mut grams = Grams {
            ends: Vec::with_capacity(keys.len()),
            entries: Vec::with_capacity(total),
            keys,
            common,
        };
        for key in &grams.keys {
            grams.entries.extend_from_slice(&lists[key]);
            grams.ends.push(grams.entries.len() as u32);
        }
        self.grams = grams;
        for v in [&mut self.starts, &mut self.owner] {
            v.shrink_to_fit();
        }
        self.blob.shrink_to_fit();
        self.sub.shrink_to_fit();
    }

    /// The built entries holding the rarest bigram (a needle of two
    /// characters) or trigram of `needle` — a superset of those holding
    /// `needle`, ascending — when they are at most `max`. `None`: the
    /// needle is too short or too common, and a scan is the cheaper way.
    pub fn candidates(&self, needle: &[u8], max: usize) -> Option<&[u32]> {
        let g = &self.grams;
        let list = |key: u64| match g.keys.binary_search(&key) {
            Ok(i) => {
                let from = if i == 0 { 0 } else { g.ends[i - 1] as usize };
                Some(&g.entries[from..g.ends[i] as usize])
            }
            Err(_) if g.common.binary_search(&key).is_ok() => None,
            Err(_) => Some(&[][..]),
        };
        let grams = needle_grams(needle);
        let rarest = grams.into_iter().filter_map(list).min_by_key(|l| l.len())?;
        (rarest.len() <= max).then_some(rarest)
    }

    /// The built entries holding any of `needles` (each one or two
    /// characters, so its postings are exact), ascending, once each; `None`
    /// when one of them is too common or they are more than `max`.
    pub fn holding_any(
        &self,
        needles: impl Iterator<Item = String>,
        max: usize,
    ) -> Option<Vec<u32>> {
        let mut all = vec![];
        for needle in needles {
            all.extend_from_slice(self.candidates(needle.as_bytes(), max)?);
            if all.len() > max {
                return None;
            }
        }
        all.sort_unstable();
        all.dedup();
        Some(all)
    }

    /// Orders the built entries by their text read backwards (once, after
    /// `seal`), for `suffixed`.
    pub fn seal_suffixes(&mut self) {
        let mut keyed: Vec<(u64, u32)> = (0..self.built)
            .map(|e| {
                let mut b = [0; 8];
                for (d, s) in b.iter_mut().zip(self.entry(e).iter().rev()) {
                    *d = *s;
                }
                (u64::from_be_bytes(b), e as u32)
            })
            .collect();
        let backwards = |e: u32| self.entry(e as usize).iter().rev();
        keyed.sort_unstable_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| backwards(a.1).cmp(backwards(b.1)))
        });
        self.rsorted = keyed.into_iter().map(|(_, e)| e).collect();
    }

    /// Bytes each part holds (written), for the lookup bench.
    pub fn heap_parts(&self) -> [(&'static str, usize); 5] {
        // A slice's size is its elements' (of a `&Vec` it would be the
        // vector's own three words).
        fn bytes<T>(v: &[T]) -> usize {
            std::mem::size_of_val(v)
        }
        let g = &self.grams;
        [
            ("text", bytes(&self.blob) + bytes(&self.starts)),
            ("owners", bytes(&self.owner) + bytes(&self.sub)),
            ("sorted", bytes(&self.sorted) + bytes(&self.rsorted)),
            (
                "posting keys",
                bytes(&g.keys) + bytes(&g.common) + bytes(&g.ends),
            ),
            ("postings", bytes(&g.entries)),
        ]
    }

    /// Built entries that end with `needle` (after `seal_suffixes`).
    pub fn suffixed(&self, needle: &[u8]) -> &[u32] {
        let s = &self.rsorted;
        let backwards = |e: u32| self.entry(e as usize).iter().rev();
        let lo = s.partition_point(|&e| backwards(e).lt(needle.iter().rev()));
        let rest = &s[lo..];
        &rest[..rest.partition_point(|&e| self.entry(e as usize).ends_with(needle))]
    }

    /// Built entries equal to `needle`, then those that start with it
    /// (the equal ones included), in text order.
    pub fn prefixed(&self, needle: &[u8]) -> (&[u32], &[u32]) {
        let s = &self.sorted;
        let lo = s.partition_point(|&e| self.entry(e as usize) < needle);
        let rest = &s[lo..];
        let equal = rest.partition_point(|&e| self.entry(e as usize) == needle);
        let prefixed = rest.partition_point(|&e| self.entry(e as usize).starts_with(needle));
        (&rest[..equal], &rest[..prefixed])
    }

    /// Built entries from `lo` (included) to `hi` (excluded), in text
    /// order: those starting with any of a run of consecutive characters
    /// (저 … 젛, every syllable 저 may still become).
    pub fn between(&self, lo: &[u8], hi: &[u8]) -> &[u32] {
        let s = &self.sorted;
        let from = s.partition_point(|&e| self.entry(e as usize) < lo);
        let to = s.partition_point(|&e| self.entry(e as usize) < hi);
        &s[from..to.max(from)]
    }

    /// Entries in `range` holding the needle, once each, with where it
    /// first occurs: (entry, byte offset in the entry). A later occurrence
    /// never ranks better, so the scan skips to the next entry; hits come
    /// in order, so each entry is found by galloping from the last.
    pub fn scan<'a>(
        &'a self,
        finder: &'a memmem::Finder<'a>,
        range: std::ops::Range<usize>,
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let (mut from, end) = (self.start(range.start), self.start(range.end));
        let mut entry = range.start;
        std::iter::from_fn(move || {
            let at = from + finder.find(self.blob.get(from..end)?)?;
            let mut step = 1;
            while self
                .starts
                .get(entry + step)
                .is_some_and(|&s| s as usize <= at)
            {
                entry += step;
                step *= 2;
            }
            let last = (entry + step).min(self.starts.len());
            entry += self.starts[entry..last].partition_point(|&s| s as usize <= at) - 1;
            let start = self.starts[entry] as usize;
            from = self.start(entry + 1);
            Some((entry, at - start))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(texts: &[&str]) -> Column {
        let mut c = Column::default();
        for (i, t) in texts.iter().enumerate() {
            c.push(t.as_bytes(), i as u32, 0);
        }
        c.seal(8);
        c
    }

    #[test]
    fn equal_and_prefixed_entries() {
        let c = column(&["김민수", "김", "박김", "김민", "이"]);
        let (equal, prefixed) = c.prefixed("김".as_bytes());
        assert_eq!(equal, [1]);
        assert_eq!(prefixed, [1, 3, 0]);
        let (equal, prefixed) = c.prefixed("김민".as_bytes());
        assert_eq!((equal, prefixed), (&[3][..], &[3, 0][..]));
    }

    #[test]
    fn candidates_hold_every_trigram() {
        let c = column(&["01012345678", "01099998888", "0212345678"]);
        assert_eq!(c.candidates(b"2345", 10), Some(&[0, 2][..]));
        assert_eq!(c.candidates(b"999", 10), Some(&[1][..]));
        assert_eq!(c.candidates(b"777", 10), Some(&[][..]));
        assert_eq!(
            c.candidates(b"99", 10),
            Some(&[1][..]),
            "two characters: bigrams"
        );
        assert_eq!(c.candidates(b"9", 10), Some(&[1][..]), "one character");
        assert_eq!(c.candidates(b"010", 1), None, "too common: scan");
    }

    #[test]
    fn entries_ending_with_a_needle() {
        let mut c = column(&["01012345678", "0105678", "5678", "01099998888"]);
        c.seal_suffixes();
        let mut found = c.suffixed(b"5678").to_vec();
        found.sort();
        assert_eq!(found, [0, 1, 2]);
        assert!(c.suffixed(b"1234").is_empty());
    }

    #[test]
    fn scan_finds_each_entry_once_in_a_range() {
        let c = column(&["5111", "15", "2", "11"]);
        let finder = memmem::Finder::new(b"1");
        let all: Vec<_> = c.scan(&finder, 0..4).collect();
        assert_eq!(all, [(0, 1), (1, 0), (3, 0)]);
        let tail: Vec<_> = c.scan(&finder, 2..4).collect();
        assert_eq!(tail, [(3, 0)]);
    }
}
