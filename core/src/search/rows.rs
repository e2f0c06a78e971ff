//! What a hit shows of each customer (name, email, phones in every form),
//! packed into one byte string rather than an `IndexRow` per customer.
//!
//! Why: an `IndexRow` is seven allocations for a customer with one phone;
//! at 100,000 customers that was about 40 MB of small blocks, most of the
//! index's memory, for eight rows read per keystroke.

use crate::people::customers::store::{IndexPhone, IndexRow};

#[derive(Default)]
pub(super) struct Rows {
    ids: Vec<i64>,
    cards: Vec<i64>,
    /// Each row's strings, each as a 2-byte length then its bytes: name,
    /// email (length `NONE` for none), then per phone e164, region,
    /// national, international.
    text: Vec<u8>,
    /// Where each row's strings end in `text`.
    ends: Vec<u32>,
}

const NONE: u16 = u16::MAX;

/// One row, read from `Rows`.
pub(super) struct Row<'a> {
    pub id: i64,
    pub card_no: i64,
    pub name: &'a str,
    pub email: Option<&'a str>,
    /// (e164, region, national, international) of each phone.
    pub phones: Vec<[&'a str; 4]>,
}

impl Rows {
    pub fn push(&mut self, row: &IndexRow) {
        let mut put = |s: Option<&str>| {
            let s = s.map(|s| &s[..floor(s, NONE as usize - 1)]);
            let len = s.map_or(NONE, |s| s.len() as u16);
            self.text.extend_from_slice(&len.to_le_bytes());
            self.text.extend_from_slice(s.unwrap_or("").as_bytes());
        };
        put(Some(&row.name));
        put(row.email.as_deref());
        for p in &row.phones {
            for s in [&p.e164, &p.region, &p.national, &p.international] {
                put(Some(s));
            }
        }
        self.ids.push(row.id);
        self.cards.push(row.card_no);
        self.ends.push(self.text.len() as u32);
    }

    pub fn get(&self, slot: usize) -> Row<'_> {
        let start = if slot == 0 {
            0
        } else {
            self.ends[slot - 1] as usize
        };
        let mut at = &self.text[start..self.ends[slot] as usize];
        let name = next(&mut at).unwrap_or_default();
        let email = next(&mut at);
        let mut phones = vec![];
        while !at.is_empty() {
            let mut field = || next(&mut at).unwrap_or_default();
            phones.push([field(), field(), field(), field()]);
        }
        Row {
            id: self.ids[slot],
            card_no: self.cards[slot],
            name,
            email,
            phones,
        }
    }

    /// The row as the store gave it, for building the index again.
    pub fn to_index_row(&self, slot: usize) -> IndexRow {
        let r = self.get(slot);
        IndexRow {
            id: r.id,
            card_no: r.card_no,
            name: r.name.to_string(),
            email: r.email.map(str::to_string),
            phones: r
                .phones
                .iter()
                .map(|[e164, region, national, international]| IndexPhone {
                    e164: e164.to_string(),
                    region: region.to_string(),
                    national: national.to_string(),
                    international: international.to_string(),
                })
                .collect(),
        }
    }

    /// Gives back what the build's growing left unused.
    pub fn shrink_to_fit(&mut self) {
        self.ids.shrink_to_fit();
        self.cards.shrink_to_fit();
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Bytes held (written).
    pub fn heap_bytes(&self) -> usize {
        (self.ids.len() + self.cards.len()) * 8 + self.text.len() + self.ends.len() * 4
    }

    pub fn name(&self, slot: usize) -> &str {
        let start = if slot == 0 {
            0
        } else {
            self.ends[slot - 1] as usize
        };
        let len = u16::from_le_bytes([self.text[start], self.text[start + 1]]) as usize;
        std::str::from_utf8(&self.text[start + 2..start + 2 + len]).unwrap_or_default()
    }

    pub fn id(&self, slot: usize) -> i64 {
        self.ids[slot]
    }

    pub fn card_no(&self, slot: usize) -> i64 {
        self.cards[slot]
    }
}

/// The next string of a row, moving past it.
fn next<'a>(at: &mut &'a [u8]) -> Option<&'a str> {
    let len = u16::from_le_bytes([at[0], at[1]]);
    let n = if len == NONE { 0 } else { len as usize };
    let s = std::str::from_utf8(&at[2..2 + n]).unwrap_or_default();
    *at = &at[2 + n..];
    (len != NONE).then_some(s)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a
/// character boundary (a name is far shorter; this only keeps the length
/// in two bytes).
fn floor(s: &str, max: usize) -> usize {
    (0..=s.len().min(max))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_read_back_as_given() {
        let rows = [
            IndexRow {
                id: 7,
                card_no: 3,
                name: "김민수".into(),
                email: Some("minsu@naver.com".into()),
                phones: vec![IndexPhone {
                    e164: "+821012345678".into(),
                    region: "KR".into(),
                    national: "010-1234-5678".into(),
                    international: "+82 10-1234-5678".into(),
                }],
            },
            IndexRow {
                id: 9,
                card_no: 4,
                name: "Jane".into(),
                email: None,
                phones: vec![],
            },
        ];
        let mut packed = Rows::default();
        for r in &rows {
            packed.push(r);
        }
        assert_eq!(packed.to_index_row(0), rows[0]);
        assert_eq!(packed.to_index_row(1), rows[1]);
        assert_eq!(packed.get(1).email, None);
    }
}
