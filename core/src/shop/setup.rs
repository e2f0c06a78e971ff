//! `Shop`'s settings, the first-run choice (setup) and the staff.

use crate::error::{Error, FieldError, Result};
use crate::people::customers::store;
use crate::people::staff::{self, Staff};
use crate::sample;
use crate::store::settings::{self, Settings, SetupInput};
use crate::Shop;

use super::write;

impl Shop {
    pub fn settings(&self) -> Result<Settings> {
        settings::load(&*self.db.reader()?)
    }

    pub fn update_settings(&self, s: &Settings) -> Result<Settings> {
        self.db.with_tx(|tx| settings::save(tx, s))?;
        *write(&self.country) = s.country;
        self.settings()
    }

    /// The first-run choice. With `with_sample`, the shop is filled with
    /// about 200 made-up customers to look around with.
    /// Only once: a second call (a double click, a stale window) is refused
    /// and changes nothing — it would put the sample customers into a real
    /// shop.
    pub fn finish_setup(&self, input: &SetupInput) -> Result<Settings> {
        let s = Settings {
            language: input.language,
            shop_name: input.shop_name.clone(),
            country: input.country,
            setup_done: true,
            ..Settings::default()
        };
        let now = self.now();
        self.db.with_tx(|tx| {
            if settings::load(tx)?.setup_done {
                return Err(Error::Validation(vec![FieldError::new(
                    "setup",
                    crate::error::FieldErrorCode::InvalidTransition,
                )]));
            }
            settings::save(tx, &s)?;
            // Tier names and the stamp reward in the language chosen here.
            let rules = crate::loyalty::rules::LoyaltyRules::for_shop(s.language, s.country);
            crate::loyalty::save_rules(tx, &rules)?;
            if input.with_sample {
                sample::fill(tx, input.country, sample::SAMPLE_SHOP_SIZE, now)?;
                let ids = store::all_ids(tx)?;
                let team: Vec<i64> = staff::list(tx)?.into_iter().map(|s| s.id).collect();
                crate::sample::history::fill(tx, input.country, &ids, &team, now)?;
                crate::sample::rewards::fill(tx, input.country, &ids, now)?;
            }
            Ok(())
        })?;
        *write(&self.country) = s.country;
        self.reload_index()?;
        self.settings()
    }

    pub fn list_staff(&self) -> Result<Vec<Staff>> {
        staff::list(&*self.db.reader()?)
    }

    pub fn add_staff(&self, name: &str) -> Result<Staff> {
        self.db.with_tx(|tx| staff::add(tx, name))
    }

    pub fn update_staff(&self, id: i64, name: &str, active: bool) -> Result<Staff> {
        self.db.with_tx(|tx| staff::update(tx, id, name, active))
    }

    /// Sets her own PIN (4–8 digits), or with `None` clears it. The hash
    /// is made before the transaction: it is slow on purpose.
    pub fn set_staff_pin(&self, id: i64, pin: Option<&str>) -> Result<Staff> {
        let hash = pin.map(staff::hash_pin).transpose()?;
        self.db
            .with_tx(|tx| staff::store_pin(tx, id, hash.as_deref()))
    }

    /// Her, when `pin` is her PIN and she is active; `None` otherwise
    /// (wrong PIN, no PIN, gone). Counting wrong tries is the lock's job.
    pub fn check_staff_pin(&self, id: i64, pin: &str) -> Result<Option<Staff>> {
        let hash = staff::pin_hash(&*self.db.reader()?, id)?;
        match hash {
            Some(hash) if staff::pin_matches(&hash, pin) => {
                Ok(Some(staff::get(&*self.db.reader()?, id)?))
            }
            _ => Ok(None),
        }
    }

    /// The active staff who can open the lock with their own PIN.
    pub fn staff_with_pins(&self) -> Result<Vec<Staff>> {
        staff::with_pins(&*self.db.reader()?)
    }
}
