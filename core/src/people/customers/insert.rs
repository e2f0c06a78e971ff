//! Adding customers: one from the form, or many at once (an import, the
//! sample shop). A bulk insert prepares its statements and writes the time
//! once (`Inserter`), and checks the next customers on a second thread
//! while this one writes (`checked_ahead`): 100,000 customers in about
//! half the time (BENCHMARKS.md, issue 18).

use std::sync::mpsc::{channel, sync_channel};

use chrono::{DateTime, Utc};
use rusqlite::types::{ToSql, ToSqlOutput, Value};
use rusqlite::{CachedStatement, Connection, Statement};

use super::store::birthday_to_sql;
use super::validate::{ValidCustomer, ValidPhone};
use crate::error::Result;
use crate::people::consent::records::NewCustomerConsents;

/// Reserves `n` card numbers at once and returns the first: a bulk insert
/// (an import, the sample shop) writes the counter once, not once a
/// customer (a sixth of 100,000 inserts' SQL time, BENCHMARKS.md).
pub fn reserve_card_numbers(conn: &Connection, n: i64) -> Result<i64> {
    // Cached like the inserts: preparing it anew for every row cost a bulk
    // insert 2 µs a row (benches/lookup).
    let mut stmt = conn.prepare_cached(
        "UPDATE card_counter SET next = next + ?1 WHERE id = 1 RETURNING next - ?1",
    )?;
    Ok(stmt.query_row([n], |r| r.get(0))?)
}

/// Adds a customer with the next card number; returns its id.
pub fn insert(conn: &Connection, v: &ValidCustomer, now: DateTime<Utc>) -> Result<i64> {
    let card_no = reserve_card_numbers(conn, 1)?;
    insert_numbered(conn, v, card_no, now)
}

/// Adds a customer with a card number reserved by `reserve_card_numbers`.
pub fn insert_numbered(
    conn: &Connection,
    v: &ValidCustomer,
    card_no: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    Inserter::new(conn, now, None)?.insert(v, card_no)
}

pub(crate) fn phone_statement(conn: &Connection) -> Result<CachedStatement<'_>> {
    Ok(conn.prepare_cached(
        "INSERT INTO customer_phones
           (customer_id, position, label, raw, e164, region, national, international)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?)
}

pub(super) fn insert_phones(stmt: &mut Statement<'_>, id: i64, v: &ValidCustomer) -> Result<()> {
    for (pos, p) in v.phones.iter().enumerate() {
        insert_phone(stmt, id, pos as i64, p)?;
    }
    Ok(())
}

/// Adds `p` as customer `id`'s phone at `position`, through
/// `phone_statement`.
pub(crate) fn insert_phone(
    stmt: &mut Statement<'_>,
    id: i64,
    position: i64,
    p: &ValidPhone,
) -> Result<()> {
    stmt.execute((
        id,
        position,
        p.label.as_str(),
        &p.raw,
        &p.parsed.e164,
        &p.parsed.region,
        &p.parsed.national,
        &p.parsed.international,
    ))?;
    Ok(())
}

/// Adds customers, all with the same time and import batch, through
/// statements prepared once.
pub struct Inserter<'c> {
    customer: CachedStatement<'c>,
    phones: CachedStatement<'c>,
    consents: NewCustomerConsents<'c>,
    /// `now` as rusqlite writes a time, written once.
    now: Value,
    batch: Option<i64>,
}

impl<'c> Inserter<'c> {
    /// `batch`: the import the customers come from.
    pub fn new(conn: &'c Connection, now: DateTime<Utc>, batch: Option<i64>) -> Result<Self> {
        let customer = conn.prepare_cached(
            "INSERT INTO customers (card_no, name, email, postal_code, address1, address2,
                birthday, birthday_lunar, source, source_note, memo, staff_id,
                created_at, updated_at, consent_email, consent_sms, consent_post, import_batch)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14, ?15, ?16, ?17)",
        )?;
        let ToSqlOutput::Owned(now_sql) = now.to_sql()? else {
            unreachable!("rusqlite writes a time as text of its own")
        };
        Ok(Self {
            customer,
            phones: phone_statement(conn)?,
            consents: NewCustomerConsents::new(conn, now)?,
            now: now_sql,
            batch,
        })
    }

    /// Adds `v` with a card number reserved by `reserve_card_numbers`;
    /// returns her id.
    pub fn insert(&mut self, v: &ValidCustomer, card_no: i64) -> Result<i64> {
        let (birthday, lunar) = birthday_to_sql(&v.birthday);
        let [email, sms, post] = self.consents.columns(v);
        let id = self.customer.insert(rusqlite::params![
            card_no,
            v.name,
            v.email,
            v.postal_code,
            v.address1,
            v.address2,
            birthday,
            lunar,
            v.source.as_str(),
            v.source_note,
            v.memo,
            v.staff_id,
            self.now,
            email,
            sms,
            post,
            self.batch,
        ])?;
        insert_phones(&mut self.phones, id, v)?;
        self.consents.record(id, v)?;
        Ok(id)
    }
}

/// How many items the second thread checks before handing them over: one
/// hand-over for each would cost more than the check (a thread woken
/// 100,000 times).
const CHUNK: usize = 256;

/// Runs `check` over `items` on a second thread, a few chunks ahead, and
/// `take` over what it gives on this one, in order. The phone parser
/// (libphonenumber) holds one lock for its patterns, so two threads
/// checking are no faster than one, but one checking while the other
/// writes to SQLite are. Stops at `take`'s first error.
///
/// `take` borrows each item (it may move parts out): the chunks go back
/// to the checking thread to be freed there. Freed on this thread, the
/// memory of a thread still allocating takes that thread's allocator
/// lock each time, and the two threads wait on each other (a pipelined
/// bulk insert was slower than a plain loop until they went back).
pub fn checked_ahead<T, U, E>(
    items: impl IntoIterator<Item = T, IntoIter: Send>,
    check: impl FnMut(T) -> U + Send,
    mut take: impl FnMut(&mut U) -> std::result::Result<(), E>,
) -> std::result::Result<(), E>
where
    U: Send,
{
    std::thread::scope(|s| {
        // Made in here, so that they are gone (and the thread told) when
        // this returns, before the scope waits for the thread.
        let (send, receive) = sync_channel::<Vec<U>>(4);
        let (give_back, given_back) = channel::<Vec<U>>();
        let items = items.into_iter();
        s.spawn(move || {
            let mut check = check;
            let mut items = items.peekable();
            while items.peek().is_some() {
                given_back.try_iter().for_each(drop);
                let chunk: Vec<U> = items.by_ref().take(CHUNK).map(&mut check).collect();
                if send.send(chunk).is_err() {
                    return; // `take` failed: nothing more is wanted.
                }
            }
            drop(send);
            given_back.into_iter().for_each(drop);
        });
        // On an error `receive` is dropped, which stops the thread at its
        // next hand-over; the scope waits for it.
        for mut chunk in receive {
            chunk.iter_mut().try_for_each(&mut take)?;
            // The thread may be gone (all checked and freed): then this
            // one frees the last chunk.
            let _ = give_back.send(chunk);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_ahead_keeps_the_order_and_stops_at_the_first_error() {
        let mut got = vec![];
        let ok: std::result::Result<(), ()> = checked_ahead(
            0..1000,
            |i| i * 2,
            |x| {
                got.push(*x);
                Ok(())
            },
        );
        assert_eq!(ok, Ok(()));
        assert_eq!(got, (0..1000).map(|i| i * 2).collect::<Vec<_>>());

        let mut checked = std::sync::atomic::AtomicUsize::new(0);
        let mut taken = vec![];
        let err = checked_ahead(
            0..100_000,
            |i| {
                checked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                i
            },
            |x| {
                if *x == 300 {
                    return Err(*x);
                }
                taken.push(*x);
                Ok(())
            },
        );
        assert_eq!(err, Err(300));
        assert_eq!(taken, (0..300).collect::<Vec<_>>());
        // The checking thread stopped soon after, not at the end.
        assert!(*checked.get_mut() < 10 * CHUNK, "checked {checked:?}");
    }
}
