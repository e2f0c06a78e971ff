//! Keyword search over every customer's history (inquiries, answers,
//! complaints, notes), through the bigram index of `terms`.

use rusqlite::{params, Connection};

use super::model::HistoryHit;
use super::terms;
use crate::error::Result;
use crate::store::rows::enum_from;
use crate::store::text::clean_line;

/// Keyword search over every customer's history, newest entries first.
pub(crate) fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<HistoryHit>> {
    let Some(expr) = terms::match_query(query) else {
        return Ok(vec![]);
    };
    let mut stmt = conn.prepare_cached(
        "SELECT h.id, h.customer_id, c.name, h.kind, h.happened_at, h.summary, h.detail
         FROM history_fts f JOIN history h ON h.id = f.rowid JOIN customers c ON c.id = h.customer_id
         WHERE history_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2",
    )?;
    let hits = stmt
        .query_map(params![expr, limit.clamp(1, 200)], |r| {
            // Text damaged on disk (a restored backup with a changed byte)
            // is shown with a replacement mark, not a failed search.
            let summary = lossy(r.get_ref(5)?);
            let detail = lossy(r.get_ref(6)?);
            Ok(HistoryHit {
                entry_id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: lossy(r.get_ref(2)?),
                kind: enum_from(&r.get::<_, String>(3)?)?,
                happened_at: r.get(4)?,
                snippet: snippet(&format!("{summary}\n{detail}"), query),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

/// A text column as text, whatever its bytes.
fn lossy(v: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Null => String::new(),
    }
}

/// Rewrites the keyword index without what was deleted. FTS5 only marks a
/// deleted entry as deleted: its words stay readable in the index's pages
/// (`history_fts_data`) until segments happen to merge. 'optimize' merges
/// them all now, and `secure_delete` overwrites the pages it frees. Run
/// after customers with history are deleted (one by one, or by undoing an
/// import), so that "deleted" holds for the bytes on disk.
pub(crate) fn purge_deleted(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT INTO history_fts(history_fts) VALUES ('optimize')",
        [],
    )?;
    Ok(())
}

/// About 60 characters of `text` around the first word of `query`. The
/// word is looked for in a lower-cased copy built character by character,
/// each lower-case character remembering which original one it came from:
/// lower case can be longer than the text ('İ' is 'i' and a combining
/// dot), so positions in the copy are not positions in the text.
fn snippet(text: &str, query: &str) -> String {
    let text = clean_line(text);
    let chars: Vec<char> = text.chars().collect();
    let mut lower = String::with_capacity(text.len());
    // For each byte offset of a character in `lower`: its original index.
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        for l in c.to_lowercase() {
            origin.push((lower.len(), i));
            lower.push(l);
        }
    }
    let first = clean_line(query).to_lowercase();
    let word = first.split_whitespace().next().unwrap_or("");
    let at = lower
        .find(word)
        .and_then(|b| origin.get(origin.partition_point(|(at, _)| *at < b)))
        .map_or(0, |(_, i)| *i);
    let start = at.saturating_sub(20).min(chars.len());
    let end = (start + 60).min(chars.len());
    let mut out: String = chars[start..end].iter().collect();
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}
