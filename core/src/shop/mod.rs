//! `Shop`: one shop's data, opened from its file, with the search index
//! kept beside it. Every change goes to SQLite first and reaches the index
//! only once committed, so the index never shows what the file does not hold.

mod consent;
mod data;
mod dates;
pub(crate) mod first_day;
pub(crate) mod history;
mod letters;
pub(crate) mod loyalty;
pub(crate) mod mail;
mod notices;
mod reports;
mod rights;
mod setup;
mod texts;
mod trials;
mod updates;

use std::path::Path;
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::thread::JoinHandle;

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, FieldError, Result};
use crate::people::customers::model::{Customer, CustomerInput, CustomerListQuery, CustomerPage};
use crate::people::customers::store;
use crate::people::customers::validate::{self, ValidCustomer};
use crate::people::staff;
use crate::search::model::SearchResults;
use crate::search::SearchIndex;
use crate::store::clock::{Clock, SystemClock};
use crate::store::db::Db;
use crate::store::settings::{self, Country};

pub struct Shop {
    db: Db,
    index: RwLock<SearchIndex>,
    /// The index being built since the shop opened, on a thread of its own,
    /// so that the window does not wait for it (only a search does).
    building: Mutex<Option<JoinHandle<Result<SearchIndex>>>>,
    country: RwLock<Country>,
    /// The only clock the core reads: the machine's, or one a test (or the
    /// end-to-end seam) sets.
    clock: Arc<dyn Clock>,
}

fn read<T>(l: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(l: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

impl Shop {
    /// Opens the shop's database (creating it if new) and starts building
    /// the search index beside it; the first search waits for it.
    pub fn open(path: impl AsRef<Path>) -> Result<Shop> {
        Self::open_keyed(path, None)
    }

    /// `open` of a shop encrypted with `key`. A plaintext shop is encrypted
    /// first (once, with a backup before: `vault::encrypt_shop`).
    pub fn open_keyed(
        path: impl AsRef<Path>,
        key: Option<crate::data::vault::DbKey>,
    ) -> Result<Shop> {
        Self::open_with(path, key, Arc::new(SystemClock))
    }

    /// `open_keyed` with the clock every "now" and "today" is read from.
    pub fn open_with(
        path: impl AsRef<Path>,
        key: Option<crate::data::vault::DbKey>,
        clock: Arc<dyn Clock>,
    ) -> Result<Shop> {
        if let Some(key) = &key {
            crate::data::vault::encrypt_shop(path.as_ref(), key)?;
        }
        let db = Db::open_keyed(path, key)?;
        // Backups made before they had key files (the conversion's, an
        // upgrade's) get theirs; failing that is no reason not to open.
        let _ = db.seal_backups(&crate::data::backup::folder_beside(db.path()));
        // A damaged page met here (the whole check was skipped: see
        // `store::checked`) is a damaged file, as the check would have said.
        let country = settings::load(&*db.reader()?)
            .map_err(Error::damaged_as_corrupt)?
            .country;
        // Its own connection: the page cache that reading every customer
        // fills goes away with it, and the close can interrupt it.
        let conn = db.connect_read_only()?;
        let building = std::thread::spawn(move || -> Result<SearchIndex> {
            let rows = store::index_rows(&conn)?;
            drop(conn);
            Ok(SearchIndex::build(rows))
        });
        Ok(Shop {
            db,
            index: RwLock::new(SearchIndex::default()),
            building: Mutex::new(Some(building)),
            country: RwLock::new(country),
            clock,
        })
    }

    /// Puts the index built since the shop opened in place, waiting for it
    /// if need be (holding `building`, so no one reads the empty one).
    fn finish_building(&self) {
        let mut building = self.building.lock().unwrap_or_else(|e| e.into_inner());
        let Some(handle) = building.take() else {
            return;
        };
        match handle.join() {
            Ok(Ok(index)) => *write(&self.index) = index,
            // The close stopped it: the app is going away.
            Ok(Err(e)) if e.is_interrupted() => {}
            // Built again here, where a failure is seen by the caller.
            _ => {
                drop(building);
                let _ = self.reload_index();
            }
        }
    }

    /// Waits until the search index built since the open is in place
    /// (the background upkeep, before it gives freed memory back).
    pub fn wait_for_index(&self) {
        self.finish_building();
    }

    fn index(&self) -> RwLockReadGuard<'_, SearchIndex> {
        self.finish_building();
        read(&self.index)
    }

    fn index_mut(&self) -> RwLockWriteGuard<'_, SearchIndex> {
        self.finish_building();
        write(&self.index)
    }

    pub fn db_path(&self) -> &Path {
        self.db.path()
    }

    /// The storage under the facade, for tests and benchmarks that drive
    /// an area directly (a fixture of sales at given times, 100,000
    /// sample customers, a row another program damaged). The shell never
    /// uses it (its contract test checks), and nothing in the core does.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Now, by the shop's clock.
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The shop's calendar day (the counter's clock, not UTC).
    pub fn today(&self) -> NaiveDate {
        self.clock.local(self.clock.now()).date()
    }

    /// The clock the shop reads (the senders' night rule uses it too).
    pub(crate) fn clock(&self) -> &dyn Clock {
        &*self.clock
    }

    /// The shop's time zone now, in minutes east of UTC (the texts' night
    /// rule is in shop time; the window shows the computer's too).
    pub fn utc_offset_minutes(&self) -> i32 {
        let now = self.now();
        (self.clock.local(now) - now.naive_utc()).num_minutes() as i32
    }

    fn country(&self) -> Country {
        *read(&self.country)
    }

    // ---- customers

    fn check(&self, input: &CustomerInput) -> Result<Result<ValidCustomer, Vec<FieldError>>> {
        let conn = self.db.reader()?;
        let today = self.today();
        let mut staff_error = None;
        let checked = validate::validate(input, self.country(), today, |id| {
            staff::exists(&conn, id).unwrap_or_else(|e| {
                staff_error = Some(e);
                false
            })
        });
        match staff_error {
            Some(e) => Err(e),
            None => Ok(checked),
        }
    }

    /// The problems a form has, without saving it (to show them early).
    pub fn validate_customer(&self, input: &CustomerInput) -> Result<Vec<FieldError>> {
        Ok(self.check(input)?.err().unwrap_or_default())
    }

    pub fn create_customer(&self, input: &CustomerInput) -> Result<Customer> {
        let valid = self.check(input)?.map_err(Error::Validation)?;
        let id = self
            .db
            .with_tx(|tx| store::insert(tx, &valid, self.now()))?;
        self.reindex(id)?;
        self.get_customer(id)
    }

    pub fn update_customer(&self, id: i64, input: &CustomerInput) -> Result<Customer> {
        let valid = self.check(input)?.map_err(Error::Validation)?;
        self.db
            .with_tx(|tx| store::update(tx, id, &valid, self.now()))?;
        self.reindex(id)?;
        self.get_customer(id)
    }

    /// Deletes the customer for good: the row, her phones, and the freed
    /// pages (secure_delete), with the write-ahead log truncated after.
    pub fn delete_customer(&self, id: i64) -> Result<()> {
        self.db.with_tx(|tx| store::delete(tx, id))?;
        self.index_mut().remove(id);
        // Best effort: a reader holding an old snapshot can delay this.
        let _ = self.db.checkpoint();
        Ok(())
    }

    /// Customers that look like the same person.
    pub fn find_duplicates(
        &self,
        limit: u32,
    ) -> Result<Vec<crate::people::customers::merge::DuplicatePair>> {
        crate::people::customers::merge::find(&*self.db.reader()?, limit)
    }

    /// Merges `other` into `keep` (her history and all) and returns `keep`.
    pub fn merge_customers(&self, keep: i64, other: i64) -> Result<Customer> {
        self.db.with_tx(|tx| {
            crate::people::customers::merge::merge(tx, keep, other)?;
            let rules = crate::loyalty::load_rules(tx)?;
            let today = self.today();
            crate::loyalty::tiers::recompute(
                tx,
                &rules,
                Some(keep),
                today,
                self.now(),
                self.clock(),
            )?;
            Ok(())
        })?;
        self.index_mut().remove(other);
        // The merged-away record's own fields are gone: out of the log too.
        let _ = self.db.checkpoint();
        self.reindex(keep)?;
        self.get_customer(keep)
    }

    pub fn get_customer(&self, id: i64) -> Result<Customer> {
        store::get(&*self.db.reader()?, id, self.country())
    }

    pub fn list_customers(&self, q: &CustomerListQuery) -> Result<CustomerPage> {
        store::list(&*self.db.reader()?, q, self.country())
    }

    pub fn customer_count(&self) -> Result<u32> {
        store::count(&*self.db.reader()?)
    }

    // ---- search

    pub fn search(&self, query: &str, limit: usize) -> SearchResults {
        let country = self.country();
        self.index().search(query, limit.clamp(1, 100), country)
    }

    fn reindex(&self, id: i64) -> Result<()> {
        let row = store::index_row(&*self.db.reader()?, id)?;
        let mut index = self.index_mut();
        match row {
            Some(row) => index.upsert(row),
            None => index.remove(id),
        }
        Ok(())
    }

    /// After the file changed wholesale (restore, import): settings and
    /// the search index are read again.
    pub fn after_bulk_change(&self) -> Result<()> {
        *write(&self.country) = self.settings()?.country;
        self.reload_index()
    }

    /// Rebuilds the index from the file (after bulk changes).
    pub fn reload_index(&self) -> Result<()> {
        let rows = {
            let conn = self.db.reader()?;
            let rows = store::index_rows(&conn)?;
            crate::store::db::release_cache(&conn);
            rows
        };
        let index = SearchIndex::build(rows);
        *self.index_mut() = index;
        Ok(())
    }
}

/// A shop closed while its index is still being built waits for it: no
/// thread goes on reading a file the app has let go of.
impl Drop for Shop {
    fn drop(&mut self) {
        let building = self.building.get_mut().unwrap_or_else(|e| e.into_inner());
        if let Some(handle) = building.take() {
            let _ = handle.join();
        }
    }
}
