//! The yardsticks: SQLite, in this process, on the very rows Dangol
//! indexes (folded name, initials, phone digits in both forms, email),
//! doing Dangol's work for each query — count every match, rank, return
//! the best 8 — two ways: a plain `LIKE '%q%'` scan, and the FTS5
//! `trigram` tokenizer (its index answers three characters or more; for
//! shorter queries it falls back to `LIKE`, as SQLite documents).
//!
//! They match plain substrings: a half-composed syllable (김미 on the way
//! to 김민수) or a mix of syllables and initials (김ㅁㅅ) finds less there
//! (often nobody), so on those rows they do less work than Dangol.

use dangol_core::people::customers::phone;
use dangol_core::people::customers::store::IndexRow;
use dangol_core::search::{fold, hangul};
use rusqlite::{params, Connection};

pub struct Peers {
    conn: Connection,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    Like,
    Fts5,
}

const TEXT_RANK: &str = "CASE WHEN name = :q THEN 0 WHEN name LIKE :s ESCAPE '\\' THEN 2
    WHEN initials = :q THEN 1 WHEN initials LIKE :s ESCAPE '\\' THEN 3
    WHEN name LIKE :p ESCAPE '\\' THEN 5 WHEN initials LIKE :p ESCAPE '\\' THEN 6
    WHEN email LIKE :s ESCAPE '\\' THEN 6 ELSE 9 END";
const TEXT_LIKE: &str =
    "(name LIKE :p ESCAPE '\\' OR initials LIKE :p ESCAPE '\\' OR email LIKE :p ESCAPE '\\')";
const DIGITS_RANK: &str = "CASE WHEN card_no = :n THEN :cr WHEN phones LIKE :w THEN 0
    WHEN phones LIKE :e ESCAPE '\\' THEN :er WHEN phones LIKE :b ESCAPE '\\' THEN 4 ELSE 8 END";
const DIGITS_LIKE: &str = "(phones LIKE :p ESCAPE '\\' OR card_no = :n)";

fn escape(q: &str) -> String {
    q.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

impl Peers {
    pub fn build(path: &std::path::Path, rows: &[IndexRow]) -> Peers {
        let conn = Connection::open(path).expect("peer db");
        // Enough cache for the whole file: the peers run from memory, as
        // Dangol's index does.
        conn.execute_batch(
            "PRAGMA cache_size = -400000;
             CREATE TABLE p(slot INTEGER PRIMARY KEY, name TEXT NOT NULL, initials TEXT NOT NULL,
               phones TEXT NOT NULL, email TEXT NOT NULL, card_no INTEGER NOT NULL,
               sortname TEXT NOT NULL, id INTEGER NOT NULL);
             CREATE INDEX p_card ON p(card_no);
             CREATE VIRTUAL TABLE f USING fts5(name, initials, phones, email,
               tokenize = 'trigram', content = 'p', content_rowid = 'slot');",
        )
        .expect("peer schema");
        let tx = conn.unchecked_transaction().expect("tx");
        {
            let mut insert = tx
                .prepare("INSERT INTO p VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .expect("insert");
            for (slot, r) in rows.iter().enumerate() {
                let name = fold(&r.name);
                let digits: Vec<String> = r
                    .phones
                    .iter()
                    .flat_map(|p| phone::search_digits(&p.national, &p.e164))
                    .collect();
                let phones = format!(" {} ", digits.join(" "));
                let email = r.email.as_deref().unwrap_or("").to_lowercase();
                let initials = hangul::initials(&name);
                insert
                    .execute(params![
                        slot as i64,
                        name,
                        initials,
                        phones,
                        email,
                        r.card_no,
                        r.name,
                        r.id
                    ])
                    .expect("insert row");
            }
        }
        tx.execute_batch("INSERT INTO f(f) VALUES ('rebuild');")
            .expect("fts rebuild");
        tx.commit().expect("commit");
        Peers { conn }
    }

    /// (matches counted, ids of the best 8) for `raw`, as `peer` finds them.
    pub fn search(&self, peer: Peer, raw: &str) -> (u64, usize) {
        let q = fold(raw);
        if q.is_empty() {
            return (0, 0);
        }
        let card = q.strip_prefix('#').and_then(|d| d.parse::<i64>().ok());
        if let Some(n) = card {
            let mut s = self
                .conn
                .prepare_cached("SELECT count(*) FROM p WHERE card_no = ?1")
                .expect("card");
            let n: i64 = s.query_row([n], |r| r.get(0)).expect("card");
            return (n as u64, n as usize);
        }
        let digits = q.chars().all(|c| c.is_ascii_digit() || "+-().".contains(c));
        let long = q.chars().count() >= 3;
        let (sql, named): (String, Vec<(&str, String)>) = if digits {
            let d: String = q.chars().filter(char::is_ascii_digit).collect();
            let e = escape(&d);
            let matched = match (peer, long) {
                (Peer::Fts5, true) => {
                    "slot IN (SELECT rowid FROM f WHERE f MATCH :m) OR card_no = :n"
                }
                _ => DIGITS_LIKE,
            };
            let sql = format!("SELECT count(*) OVER (), slot FROM p WHERE {matched} ORDER BY {DIGITS_RANK}, sortname, id LIMIT 8");
            let short = d.len() < 4;
            let args = vec![
                (":p", format!("%{e}%")),
                (":w", format!("% {d} %")),
                (":e", format!("%{e} %")),
                (":b", format!("% {e}%")),
                (":n", d.parse::<i64>().unwrap_or(-1).to_string()),
                (":cr", if short { "0" } else { "3" }.into()),
                (":er", if short { "4" } else { "1" }.into()),
                (":m", format!("phones : \"{d}\"")),
            ];
            (sql, args)
        } else {
            let e = escape(&q);
            let matched = match (peer, long) {
                (Peer::Fts5, true) => "slot IN (SELECT rowid FROM f WHERE f MATCH :m)",
                _ => TEXT_LIKE,
            };
            let sql = format!("SELECT count(*) OVER (), slot FROM p WHERE {matched} ORDER BY {TEXT_RANK}, sortname, id LIMIT 8");
            let phrase = q.replace('"', "\"\"");
            let args = vec![
                (":q", q.clone()),
                (":p", format!("%{e}%")),
                (":s", format!("{e}%")),
                (":m", format!("{{name initials email}} : \"{phrase}\"")),
            ];
            (sql, args)
        };
        let mut stmt = self.conn.prepare_cached(&sql).expect("peer query");
        let mut bound = vec![];
        for (name, value) in &named {
            if stmt.parameter_index(name).expect("param").is_some() {
                bound.push((*name, value as &dyn rusqlite::ToSql));
            }
        }
        let mut rows = stmt.query(bound.as_slice()).expect("peer run");
        let (mut total, mut best) = (0, 0);
        while let Some(r) = rows.next().expect("peer row") {
            total = r.get::<_, i64>(0).expect("count") as u64;
            best += 1;
        }
        (total, best)
    }
}
