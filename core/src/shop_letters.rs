//! `Shop`'s letters: templates in the shop's language, a live preview with
//! a real customer, and letters made in a batch.

use chrono::{Datelike, NaiveDate, Utc};

use crate::dates::occasions;
use crate::error::{Error, Result};
use crate::letters::builtin::Occasion;
use crate::letters::store::{self, Channel, LetterTemplate, MadeLetters};
use crate::letters::template::{self, LetterValues, TemplateProblem};
use crate::letters::{for_day, state};
use crate::loyalty::coupons::Coupon;
use crate::loyalty::rules::CouponKind;
use crate::settings::{Country, Language};
use crate::shop_history::today;
use crate::Shop;

fn grouped(n: i64) -> String {
    let s = n.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A coupon as a letter names it: "10% 할인 쿠폰", "음료 1잔 쿠폰".
pub fn coupon_text(c: &Coupon, lang: Language, country: Country) -> String {
    let money = |m: i64| match country {
        Country::KR => format!("{}원", grouped(m)),
        Country::US => format!("${}.{:02}", grouped(m / 100), m % 100),
    };
    match (c.kind, lang) {
        (CouponKind::Percent, Language::Ko) => format!("{}% 할인 쿠폰", c.value),
        (CouponKind::Amount, Language::Ko) => format!("{} 할인 쿠폰", money(c.value)),
        (CouponKind::FreeItem, Language::Ko) => format!("{} 쿠폰", c.item),
        (CouponKind::Percent, Language::En) => format!("a {}% off coupon", c.value),
        (CouponKind::Amount, Language::En) => format!("a {} off coupon", money(c.value)),
        (CouponKind::FreeItem, Language::En) => format!("a coupon for {}", c.item),
    }
}

impl Shop {
    pub fn letter_template(&self, occasion: Occasion) -> Result<LetterTemplate> {
        let lang = self.settings()?.language;
        store::template(&*self.db().reader()?, occasion, lang)
    }

    pub fn save_letter_template(&self, t: &LetterTemplate) -> Result<()> {
        self.db()
            .with_tx(|tx| store::save_template(tx, t, Utc::now()))
    }

    /// What the template's placeholders become for this customer.
    pub fn letter_values(&self, customer_id: i64) -> Result<LetterValues> {
        let s = self.settings()?;
        let customer = self.get_customer(customer_id)?;
        let status = self.loyalty_status(customer_id)?;
        let d = today();
        Ok(LetterValues {
            name: customer.name,
            shop: s.shop_name.clone(),
            tier: status.tier.map(|t| t.name).unwrap_or_default(),
            coupon: status
                .coupons
                .first()
                .map(|c| coupon_text(c, s.language, s.country))
                .unwrap_or_default(),
            date: match s.language {
                Language::Ko => format!("{}월 {}일", d.month(), d.day()),
                Language::En => d.format("%B %-d").to_string(),
            },
        })
    }

    /// The template's title and body for a real customer, or what is wrong.
    pub fn preview_letter(
        &self,
        title: &str,
        body: &str,
        customer_id: i64,
    ) -> Result<Result<(String, String), Vec<TemplateProblem>>> {
        let v = self.letter_values(customer_id)?;
        Ok(template::render(title, &v, false)
            .and_then(|t| template::render(body, &v, false).map(|b| (t, b))))
    }

    /// Makes the occasion's letter for each customer, once a year each.
    pub fn make_letters(
        &self,
        occasion: Occasion,
        customer_ids: &[i64],
        channel: Channel,
    ) -> Result<MadeLetters> {
        let tmpl = self.letter_template(occasion)?;
        let mut customers = vec![];
        for id in customer_ids {
            customers.push((*id, self.get_customer(*id)?.name, self.letter_values(*id)?));
        }
        let key = format!(
            "{}:{}",
            crate::history::entries::enum_str(&occasion),
            today().year()
        );
        self.db()
            .with_tx(|tx| store::make(tx, &tmpl, &key, channel, &customers, Utc::now()))
    }

    /// Who a batch goes to.
    pub fn letter_recipients(
        &self,
        audience: &crate::letters::audience::Audience,
    ) -> Result<Vec<crate::letters::audience::Recipient>> {
        crate::letters::audience::recipients(&*self.db().reader()?, audience, today())
    }

    /// Changes a made letter's text before it goes.
    pub fn edit_letter(&self, id: i64, title: &str, body: &str) -> Result<store::Letter> {
        self.db()
            .with_tx(|tx| store::edit(tx, id, title, body, Utc::now()))
    }

    /// 편지 쓰기 for one of her days: her letter for the day `on` (her own
    /// birthday when `date_id` is none, else that recorded date), made or
    /// found, ready to print or email. `occasion` overrides the letter the
    /// day calls for.
    pub fn write_letter(
        &self,
        customer_id: i64,
        date_id: Option<i64>,
        on: NaiveDate,
        occasion: Option<Occasion>,
    ) -> Result<store::Letter> {
        let day = occasions::between(&*self.db().reader()?, on, on)?
            .into_iter()
            .find(|u| u.customer_id == customer_id && u.date_id == date_id)
            .ok_or(Error::NotFound {
                what: "date",
                id: date_id.unwrap_or(customer_id),
            })?;
        let occasion = occasion.unwrap_or_else(|| for_day::occasion_for(&day));
        let tmpl = self.letter_template(occasion)?;
        let customers = [(
            customer_id,
            day.customer_name.clone(),
            self.letter_values(customer_id)?,
        )];
        let key = for_day::key_for(&day, occasion);
        let made = self
            .db()
            .with_tx(|tx| store::make(tx, &tmpl, &key, Channel::Print, &customers, Utc::now()))?;
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
        self.db()
            .with_tx(|tx| state::mark_printed(tx, ids, Utc::now()))
    }

    /// These letters as they are now (their state changes as mail goes).
    pub fn letters(&self, ids: &[i64]) -> Result<Vec<store::Letter>> {
        let conn = self.db().reader()?;
        ids.iter().map(|id| state::get(&conn, *id)).collect()
    }
}
