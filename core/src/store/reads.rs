//! The reads in flight, which the close interrupts and waits for: the
//! long ones beside the app, each on a connection of its own (the search
//! index's first build and the whole-file check the start skipped, a
//! second or more each at 100,000 customers on an encrypted file), and
//! the pool's readers while a command has one.
//!
//! A process that exits while one of them is still decrypting pages
//! crashes: SQLCipher frees its own heap and crypto provider at exit (its
//! `atexit` and `.fini_array` hooks), under the reader still using them.
//! An owner who opened Dangol and closed it again within a few seconds met
//! exactly that (a segmentation fault on four closes of five). So once the
//! close began no read starts, and the close returns only when every read
//! has let go.

use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use rusqlite::{Connection, InterruptHandle};

use crate::error::{Error, Result};

/// The reads in flight on one `Db`.
#[derive(Default)]
pub(crate) struct Reads {
    state: Mutex<State>,
    gone: Condvar,
}

#[derive(Default)]
struct State {
    /// Set by `stop`: no new read starts.
    closing: bool,
    next: u64,
    running: HashMap<u64, InterruptHandle>,
}

/// A connection of a long read beside the app. It stays registered (the
/// close can interrupt it) until dropped, after the connection itself is
/// closed.
pub struct BackgroundConn {
    // Fields drop in order: the connection is closed before the entry
    // tells the close that this read is gone.
    conn: Connection,
    _entry: Entry,
}

impl std::ops::Deref for BackgroundConn {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.conn
    }
}

/// One read in flight, until dropped.
pub(crate) struct Entry {
    reads: Arc<Reads>,
    id: u64,
}

impl Drop for Entry {
    fn drop(&mut self) {
        self.reads.state().running.remove(&self.id);
        self.reads.gone.notify_all();
    }
}

/// The error a read gets when the app is closing: the same
/// SQLite gives a statement that was interrupted (`Error::is_interrupted`).
fn closing() -> Error {
    Error::Db(rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT),
        None,
    ))
}

impl Reads {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers a read on `conn` until the entry is dropped; refused
    /// once `stop` began.
    pub(crate) fn enter(self: &Arc<Self>, conn: &Connection) -> Result<Entry> {
        let mut state = self.state();
        if state.closing {
            return Err(closing());
        }
        let id = state.next;
        state.next += 1;
        state.running.insert(id, conn.get_interrupt_handle());
        Ok(Entry {
            reads: self.clone(),
            id,
        })
    }

    /// `conn` as a long read beside the app, for as long as it lives.
    pub(crate) fn background(self: &Arc<Self>, conn: Connection) -> Result<BackgroundConn> {
        let entry = self.enter(&conn)?;
        Ok(BackgroundConn {
            conn,
            _entry: entry,
        })
    }

    /// Interrupts every read in flight, refuses new ones, and waits (at
    /// most `at_most`) until all have let go of the file. True when none
    /// is left.
    pub(crate) fn stop(&self, at_most: Duration) -> bool {
        let deadline = Instant::now() + at_most;
        let mut state = self.state();
        state.closing = true;
        while !state.running.is_empty() {
            // Again and again: SQLite forgets an interrupt that comes
            // while the connection runs no statement (a read about to
            // begin its query).
            for handle in state.running.values() {
                handle.interrupt();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            state = self
                .gone
                .wait_timeout(state, left.min(Duration::from_millis(10)))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow_read(conn: &Connection) -> rusqlite::Result<i64> {
        // Counts to a billion: far longer than any test waits.
        conn.query_row(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000)
             SELECT count(*) FROM n",
            [],
            |r| r.get(0),
        )
    }

    #[test]
    fn stop_interrupts_a_running_read_and_waits_until_it_is_gone() {
        let reads = Arc::new(Reads::default());
        let conn = reads
            .background(Connection::open_in_memory().unwrap())
            .unwrap();
        let reading = std::thread::spawn(move || {
            let got = slow_read(&conn);
            drop(conn);
            got
        });
        // Stopped before or after the read began: both must stop it.
        std::thread::sleep(Duration::from_millis(1));
        assert!(reads.stop(Duration::from_secs(30)), "the read let go");
        assert!(reads.state().running.is_empty());
        let got = reading.join().unwrap();
        let Err(rusqlite::Error::SqliteFailure(e, _)) = got else {
            panic!("interrupted, not {got:?}");
        };
        assert_eq!(e.code, rusqlite::ErrorCode::OperationInterrupted);
    }

    #[test]
    fn once_stopping_no_new_read_starts() {
        let reads = Arc::new(Reads::default());
        assert!(reads.stop(Duration::from_secs(1)), "nothing to wait for");
        let refused = reads.background(Connection::open_in_memory().unwrap());
        assert!(refused.is_err_and(|e| e.is_interrupted()));
    }

    #[test]
    fn a_read_that_does_not_let_go_is_waited_for_no_longer_than_asked() {
        let reads = Arc::new(Reads::default());
        // Held, never reading: the interrupt has nothing to stop.
        let held = reads
            .background(Connection::open_in_memory().unwrap())
            .unwrap();
        assert!(!reads.stop(Duration::from_millis(50)));
        drop(held);
        assert!(reads.state().running.is_empty());
    }
}
