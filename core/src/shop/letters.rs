//! `Shop`'s letters: templates in the shop's language, a live preview with
//! a real customer, and letters made in a batch.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};
use crate::letters::builtin::Occasion;
use crate::letters::dates::day_letter::days_for_letter;
use crate::letters::dates::occasions::{self, Upcoming};
use crate::letters::store::{self, Channel, LetterTemplate, MadeLetters};
use crate::letters::template::{self, LetterValues, TemplateProblem};
use crate::letters::values::{values, Facts};
use crate::letters::{for_day, state};
use crate::Shop;

impl Shop {
    pub fn letter_template(&self, occasion: Occasion) -> Result<LetterTemplate> {
        let lang = self.settings()?.language;
        store::template(&*self.db.reader()?, occasion, lang)
    }

    pub fn save_letter_template(&self, t: &LetterTemplate) -> Result<()> {
        self.db
            .with_tx(|tx| store::save_template(tx, t, self.now()))
    }

    /// What the template's placeholders become for this customer (for a
    /// letter of `occasion`: a family day's names and milestone).
    pub fn letter_values(
        &self,
        customer_id: i64,
        occasion: Option<Occasion>,
    ) -> Result<LetterValues> {
        let day = match occasion {
            Some(o) => self.letter_days(o)?.remove(&customer_id),
            None => None,
        };
        self.values_with(customer_id, occasion, day.as_ref())
    }

    /// Each customer's day a letter of `occasion` is about.
    fn letter_days(&self, occasion: Occasion) -> Result<HashMap<i64, Upcoming>> {
        days_for_letter(&*self.db.reader()?, occasion, self.today())
    }

    fn values_with(
        &self,
        customer_id: i64,
        occasion: Option<Occasion>,
        day: Option<&Upcoming>,
    ) -> Result<LetterValues> {
        let s = self.settings()?;
        let customer = self.get_customer(customer_id)?;
        let status = self.loyalty_status(customer_id)?;
        let facts = Facts {
            language: s.language,
            country: s.country,
            shop_name: &s.shop_name,
            customer_name: &customer.name,
            tier_name: status.tier.as_ref().map(|t| t.name.as_str()),
            coupons: &status.coupons,
            day,
            today: self.today(),
        };
        Ok(values(&facts, occasion))
    }

    /// The template's title and body for a real customer, or what is wrong.
    pub fn preview_letter(
        &self,
        title: &str,
        body: &str,
        customer_id: i64,
        occasion: Option<Occasion>,
    ) -> Result<Result<(String, String), Vec<TemplateProblem>>> {
        let v = self.letter_values(customer_id, occasion)?;
        Ok(template::render(title, &v, false)
            .and_then(|t| template::render(body, &v, false).map(|b| (t, b))))
    }

    /// Makes the occasion's letter for each customer, once a year each
    /// (once a year for each family day: two children, two letters).
    pub fn make_letters(
        &self,
        occasion: Occasion,
        customer_ids: &[i64],
        channel: Channel,
    ) -> Result<MadeLetters> {
        let tmpl = self.letter_template(occasion)?;
        let days = self.letter_days(occasion)?;
        let mut customers = vec![];
        for id in customer_ids {
            let day = days.get(id);
            customers.push(store::LetterFor {
                customer_id: *id,
                name: self.get_customer(*id)?.name,
                values: self.values_with(*id, Some(occasion), day)?,
                date_id: day.and_then(|d| d.date_id),
            });
        }
        let key = format!(
            "{}:{}",
            crate::store::rows::enum_str(&occasion),
            self.today().year()
        );
        self.db
            .with_tx(|tx| store::make(tx, &tmpl, &key, channel, &customers, self.now()))
    }

    /// Who a batch of `occasion` letters goes to.
    pub fn letter_recipients(
        &self,
        audience: &crate::letters::audience::Audience,
        occasion: Option<Occasion>,
    ) -> Result<Vec<crate::letters::audience::Recipient>> {
        let conn = self.db.reader()?;
        crate::letters::audience::recipients(&conn, audience, occasion, self.today())
    }

    /// Changes a made letter's text before it goes.
    pub fn edit_letter(&self, id: i64, title: &str, body: &str) -> Result<store::Letter> {
        self.db
            .with_tx(|tx| store::edit(tx, id, title, body, self.now()))
    }

    /// 편지 쓰기 for one of her days: her letter for the day `on` (her own
    /// birthday when `date_id` is none, else that recorded date), made or
    /// found, ready to print or email. `occasion` overrides the letter the
    /// day calls for. The same letter a batch makes for that day (one key).
    pub fn write_letter(
        &self,
        customer_id: i64,
        date_id: Option<i64>,
        on: NaiveDate,
        occasion: Option<Occasion>,
    ) -> Result<store::Letter> {
        let day = occasions::between(&*self.db.reader()?, on, on)?
            .into_iter()
            .find(|u| u.customer_id == customer_id && u.date_id == date_id)
            .ok_or(Error::NotFound {
                what: "date",
                id: date_id.unwrap_or(customer_id),
            })?;
        let occasion = occasion.unwrap_or_else(|| for_day::occasion_for(&day));
        let tmpl = self.letter_template(occasion)?;
        let customers = [store::LetterFor {
            customer_id,
            name: day.customer_name.clone(),
            values: self.values_with(customer_id, Some(occasion), Some(&day))?,
            date_id: day.date_id,
        }];
        let key = for_day::key_for(&day, occasion);
        let made = self
            .db
            .with_tx(|tx| store::make(tx, &tmpl, &key, Channel::Print, &customers, self.now()))?;
        made.made
            .into_iter()
            .chain(made.already)
            .next()
            .ok_or(Error::NotFound {
                what: "letter",
                id: customer_id,
            })
    }

    /// The owner printed these letters (see `state::mark_printed`).
    pub fn mark_letters_printed(&self, ids: &[i64]) -> Result<Vec<store::Letter>> {
        self.db
            .with_tx(|tx| state::mark_printed(tx, ids, self.now()))
    }

    /// These letters as they are now (their state changes as mail goes).
    pub fn letters(&self, ids: &[i64]) -> Result<Vec<store::Letter>> {
        let conn = self.db.reader()?;
        ids.iter().map(|id| state::get(&conn, *id)).collect()
    }
}
