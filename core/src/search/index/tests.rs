//! The index against a reference that ranks every customer the slow,
//! obvious way and sorts them all: whatever the index skips (early stops,
//! lookups, trigram postings, the capped count), the best it returns and
//! its count must be the reference's.

use proptest::prelude::*;

use super::*;
use crate::people::customers::store::IndexPhone;
use crate::search::best::COUNT_CAP;
use crate::search::query::{Query, Reading};

fn row(id: i64, name: &str, phones: &[String], email: Option<&str>) -> IndexRow {
    IndexRow {
        id,
        // Not in the ids' order, so that the lookups by card and by id
        // differ.
        card_no: 1_000 - id,
        name: name.to_string(),
        email: email.map(str::to_string),
        phones: phones
            .iter()
            .map(|d| IndexPhone {
                e164: format!("+82{}", d.get(1..).unwrap_or("")),
                region: "KR".into(),
                national: d.clone(),
                international: format!("+82 {d}"),
            })
            .collect(),
    }
}

/// The best rank of one customer for `q`, with the field and phone that
/// gave it (the first phone among equals), as `index.rs` defines ranks.
fn rank(r: &IndexRow, q: &Query) -> Option<(u8, MatchField, u8)> {
    let mut best: Option<(u8, MatchField, u8)> = None;
    let mut offer = |rank: u8, field, phone: u8| {
        if best.is_none_or(|(b, _, p)| (rank, phone) < (b, p)) {
            best = Some((rank, field, phone));
        }
    };
    match q {
        Query::Empty => {}
        Query::CardNo(n) => {
            if *n == r.card_no {
                offer(0, MatchField::CardNo, 0);
            }
        }
        Query::Digits(d) => {
            let long = d.len() >= 4;
            if d.parse::<i64>().ok() == Some(r.card_no) {
                offer(if long { 3 } else { 0 }, MatchField::CardNo, 0);
            }
            for (i, p) in r.phones.iter().enumerate() {
                for number in phone::search_digits(&p.national, &p.e164) {
                    let Some(at) = number.find(d.as_str()) else {
                        continue;
                    };
                    let rank = match (at == 0 && number == *d, number.ends_with(d.as_str())) {
                        (true, _) => 0,
                        (false, true) if long => 1,
                        (false, true) => 4,
                        _ if at == 0 => 4,
                        _ => 8,
                    };
                    offer(rank, MatchField::Phone, i as u8);
                }
            }
        }
        Query::Text { text, readings } => {
            let name: Vec<char> = query::fold(&r.name).chars().collect();
            for reading in readings {
                if let Some((rank, field)) = rank_name(&name, reading) {
                    offer(rank, field, 0);
                }
            }
            let email = r.email.as_deref().map(str::to_lowercase);
            if let Some(at) = email.filter(|_| text.is_ascii()).and_then(|e| e.find(text)) {
                offer(if at == 0 { 6 } else { 9 }, MatchField::Email, 0);
            }
        }
    }
    best
}

fn rank_name(name: &[char], reading: &Reading) -> Option<(u8, MatchField)> {
    let len = reading.chars.len();
    let pos = name
        .windows(len)
        .position(|w| w.iter().zip(&reading.chars).all(|(c, q)| q.matches(*c)))?;
    let whole = pos == 0 && name.len() == len;
    let base = if whole {
        0
    } else if pos == 0 {
        2
    } else {
        5
    };
    let exact = reading.exact_text().is_some();
    let only_initials = reading
        .chars
        .iter()
        .all(|q| matches!(q, query::QChar::Initial(_)));
    let field = if only_initials && !exact {
        MatchField::Initials
    } else {
        MatchField::Name
    };
    Some((base + reading.loose as u8 + u8::from(!exact), field))
}

/// (id, field, phone shown) of the best `limit`, and the count, capped.
type Answer = (Vec<(i64, MatchField, Option<String>)>, u32, bool);

fn reference(rows: &[IndexRow], raw: &str, limit: usize) -> Answer {
    let q = query::parse(raw);
    let mut found: Vec<_> = rows
        .iter()
        .filter_map(|r| rank(r, &q).map(|(rank, f, p)| (rank, name_key(&r.name), r, f, p)))
        .collect();
    let total = found.len() as u32;
    found.sort_by(|a, b| (a.0, a.1, &a.2.name, a.2.id).cmp(&(b.0, b.1, &b.2.name, b.2.id)));
    let hits = found
        .iter()
        .take(limit)
        .map(|(_, _, r, f, p)| {
            let phone = r.phones.get(*p as usize).or(r.phones.first());
            let shown = phone.map(|p| p.national.clone());
            (r.id, *f, shown)
        })
        .collect();
    (hits, total.min(COUNT_CAP), total >= COUNT_CAP)
}

fn answer(index: &SearchIndex, raw: &str, limit: usize) -> Answer {
    let r = index.search(raw, limit, Country::KR);
    let hits = r
        .hits
        .iter()
        .map(|h| (h.id, h.matched, h.phone.clone()))
        .collect();
    (hits, r.total, r.total_capped)
}

const SYLLABLES: [&str; 9] = ["김", "민", "수", "이", "지", "박", "기", "미", "은"];

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(prop::sample::select(&SYLLABLES[..]), 1..4)
            .prop_map(|s| s.concat()),
        1 => prop::sample::select(&["Kim Min", "min su", "MINSU", "Su Kim", "김 민수"][..])
            .prop_map(str::to_string),
    ]
}

fn digits(len: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&['0', '1', '2'][..]), len)
        .prop_map(|d| d.into_iter().collect())
}

fn customer() -> impl Strategy<Value = (String, Vec<String>, Option<String>)> {
    let email = prop::option::of(prop::sample::select(
        &["kim@a.kr", "min.su@b.com", "su@kim.kr"][..],
    ));
    (name(), prop::collection::vec(digits(3..9), 0..3), email)
        .prop_map(|(n, p, e)| (n, p, e.map(str::to_string)))
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        name().prop_map(|n| n.chars().take(2).collect()),
        name(),
        (name(), 0usize..6).prop_map(|(n, k)| {
            let typed = crate::search::hangul::initials(&n);
            typed.chars().take(k + 1).collect()
        }),
        prop::sample::select(&["기", "김ㅁ", "미", "ㅁㅅ", "김미", "수", "kim", "su@", "m"][..])
            .prop_map(str::to_string),
        digits(1..6),
        (850i64..1_001).prop_map(|n| format!("#{n}")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Built, then changed (new slots outside the order, dead slots):
    /// the best 8 and the count are the full sort's.
    #[test]
    fn best_eight_are_those_of_the_full_sort(
        first in prop::collection::vec(customer(), 0..120),
        changes in prop::collection::vec((0i64..150, prop::option::of(customer())), 0..40),
        queries in prop::collection::vec(query_text(), 1..12),
    ) {
        let mut rows: Vec<IndexRow> = first
            .iter()
            .enumerate()
            .map(|(i, (n, p, e))| row(i as i64, n, p, e.as_deref()))
            .collect();
        let mut index = SearchIndex::build(rows.clone());
        for (id, change) in changes {
            rows.retain(|r| r.id != id);
            match change {
                Some((n, p, e)) => {
                    let r = row(id, &n, &p, e.as_deref());
                    rows.push(r.clone());
                    index.upsert(r);
                }
                None => index.remove(id),
            }
        }
        for q in &queries {
            for limit in [1, 8] {
                prop_assert_eq!(answer(&index, q, limit), reference(&rows, q, limit), "{:?}", q);
            }
        }
    }
}

/// Past the cap the count stops ("1,000명 이상") and the scans stop
/// early; the best 8 must not change for it.
#[test]
fn capped_count_keeps_the_best_eight() {
    let mut rng = fastrand::Rng::with_seed(18);
    let rows: Vec<IndexRow> = (0..(COUNT_CAP as i64 + 2_500))
        .map(|id| {
            let n: String = (0..3)
                .map(|_| SYLLABLES[rng.usize(..SYLLABLES.len())])
                .collect();
            let d: String = (0..8).map(|_| char::from(b'0' + rng.u8(0..10))).collect();
            row(id, &n, &[format!("010{d}")], None)
        })
        .collect();
    let mut index = SearchIndex::build(rows.clone());
    let mut rows = rows;
    // A few changed since the build, one of them now first by name.
    for id in [5, 77, 9000] {
        let r = row(id, "김", &["0100000000".to_string()], Some("kim@a.kr"));
        rows.retain(|x| x.id != id);
        rows.push(r.clone());
        index.upsert(r);
    }
    for q in [
        "0", "01", "010", "0101", "01012", "1", "김", "ㄱ", "ㄱㅁ", "기", "김민", "미", "ㅁ", "k",
        "지", "ㅈ", "은", "수", "ㅅ",
    ] {
        assert_eq!(answer(&index, q, 8), reference(&rows, q, 8), "{q}");
    }
    let r = index.search("0", 8, Country::KR);
    assert!(
        r.total_capped && r.total == COUNT_CAP,
        "0 is in every number"
    );
}
