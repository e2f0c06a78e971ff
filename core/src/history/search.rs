//! Keyword search over every customer's history (inquiries, answers,
//! complaints, notes), through the bigram index of `terms`.

use rusqlite::{params, Connection};

use super::entries::enum_from;
use super::model::HistoryHit;
use super::terms;
use crate::error::Result;
use crate::text::clean_line;

/// Keyword search over every customer's history, newest entries first.
pub fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<HistoryHit>> {
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
            let summary: String = r.get(5)?;
            let detail: String = r.get(6)?;
            Ok(HistoryHit {
                entry_id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                kind: enum_from(&r.get::<_, String>(3)?)?,
                happened_at: r.get(4)?,
                snippet: snippet(&format!("{summary}\n{detail}"), query),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

/// About 60 characters of `text` around the first word of `query`.
fn snippet(text: &str, query: &str) -> String {
    let text = clean_line(text);
    let lower = text.to_lowercase();
    let first = clean_line(query).to_lowercase();
    let word = first.split_whitespace().next().unwrap_or("");
    let chars: Vec<char> = text.chars().collect();
    let at = lower
        .find(word)
        .map(|b| lower[..b].chars().count())
        .unwrap_or(0);
    let start = at.saturating_sub(20);
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
