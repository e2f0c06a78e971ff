//! Each customer's sums per quarter hour packed into one row
//! (`sale_packs`, migration 0023): the reports step through one row per
//! customer instead of one per quarter hour she bought in.
//!
//! `sale_quarters` stays what is true. A trigger deletes a customer's pack
//! and marks her stale (`sale_packs_stale`) in the very transaction that
//! changes any of her quarters; the reports read a stale customer's
//! quarters themselves ([`super::visits`]), and [`repack`] packs her
//! again. So a pack, where there is one, always equals her quarters.

use rusqlite::Connection;

use crate::error::Result;

/// Bytes per quarter in a pack: the quarter (`unixepoch / 900`) as a
/// 4-byte and its amount as an 8-byte little-endian integer.
const ENTRY: usize = 12;

/// Customers packed per transaction by the upkeep: short enough that a
/// sale recorded meanwhile waits a few milliseconds, not the whole pass.
pub const BATCH: usize = 2_000;

/// One customer's (quarter, amount) in quarter order, as a pack; `None`
/// when a quarter does not fit in 4 bytes (more than about 61,000 years
/// from 1970: such a customer stays stale and is read from her quarters).
fn encode(quarters: &[(i64, i64)]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(quarters.len() * ENTRY);
    for &(quarter, amount) in quarters {
        out.extend_from_slice(&i32::try_from(quarter).ok()?.to_le_bytes());
        out.extend_from_slice(&amount.to_le_bytes());
    }
    Some(out)
}

/// The (quarter, amount) pairs of a pack, in quarter order. A pack not
/// made by [`encode`] (a length off the entry size) yields its whole
/// entries only; nothing but this module writes packs.
pub fn decode(pack: &[u8]) -> impl Iterator<Item = (i64, i64)> + '_ {
    pack.chunks_exact(ENTRY).map(|e| {
        let (q, a) = e.split_at(4);
        (
            i64::from(i32::from_le_bytes(q.try_into().expect("4 bytes"))),
            i64::from_le_bytes(a.try_into().expect("8 bytes")),
        )
    })
}

/// Packs up to `most` stale customers after customer id `after`, in the
/// caller's transaction; returns the last id looked at, to go on after,
/// or `None` when there was none left.
pub fn repack(conn: &Connection, after: i64, most: usize) -> Result<Option<i64>> {
    let ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT customer_id FROM sale_packs_stale WHERE customer_id > ?1
             ORDER BY customer_id LIMIT ?2",
        )?
        .query_map([after, most as i64], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut read = conn.prepare_cached(
        "SELECT quarter, amount FROM sale_quarters WHERE customer_id = ?1 ORDER BY quarter",
    )?;
    let mut write = conn.prepare_cached(
        "INSERT OR REPLACE INTO sale_packs (customer_id, quarters) VALUES (?1, ?2)",
    )?;
    let mut fresh = conn.prepare_cached("DELETE FROM sale_packs_stale WHERE customer_id = ?1")?;
    let mut quarters = Vec::new();
    for &id in &ids {
        quarters.clear();
        let mut rows = read.query([id])?;
        while let Some(r) = rows.next()? {
            quarters.push((r.get(0)?, r.get(1)?));
        }
        if quarters.is_empty() {
            fresh.execute([id])?;
        } else if let Some(pack) = encode(&quarters) {
            write.execute(rusqlite::params![id, pack])?;
            fresh.execute([id])?;
        }
    }
    Ok(ids.last().copied())
}

/// How many customers are stale (read from their quarters until packed).
pub fn stale(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT COUNT(*) FROM sale_packs_stale", [], |r| r.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_gives_back_what_was_packed() {
        let q = [
            (-5, 0),
            (1_960_000, 12_000),
            (1_960_001, -3),
            (i64::from(i32::MAX), i64::MAX),
        ];
        assert_eq!(decode(&encode(&q).unwrap()).collect::<Vec<_>>(), q);
        assert_eq!(encode(&[(i64::from(i32::MAX) + 1, 1)]), None);
        assert_eq!(decode(&[1, 2, 3]).count(), 0);
    }
}
