//! `Shop`'s consents: a customer's consents and their records, giving and
//! withdrawing them (withdrawing advertising also cancels the advertising
//! waiting for her on that channel), and the printable consent form.

use crate::error::Result;
use crate::people::consent::records::{self, Change};
use crate::people::consent::wording::{self, ConsentForm};
use crate::people::consent::{
    ConsentGiven, ConsentMethod, ConsentOverview, ConsentPurpose, ConsentScope,
};
use crate::store::rows::ensure_customer;
use crate::store::settings::Language;
use crate::Shop;

impl Shop {
    /// Her consents as they stand, and every record of them.
    pub fn consents(&self, customer_id: i64) -> Result<ConsentOverview> {
        let conn = self.db.reader()?;
        ensure_customer(&conn, customer_id)?;
        records::overview(&conn, customer_id)
    }

    /// She gave these consents (how, as the owner says): each one recorded
    /// with the current wording and noted in her history. Advertising
    /// before the night consent of the same channel, which needs it.
    pub fn give_consents(&self, customer_id: i64, given: &ConsentGiven) -> Result<ConsentOverview> {
        let lang = self.settings()?.language;
        let now = self.now();
        let mut scopes = given.scopes.clone();
        scopes.sort_by_key(|s| s.night);
        scopes.dedup();
        self.db.with_tx(|tx| {
            ensure_customer(tx, customer_id)?;
            for scope in scopes {
                let change = Change {
                    scope,
                    given: true,
                    method: given.method,
                    note: &given.note,
                };
                records::apply(tx, customer_id, change, now, Some(lang))?;
            }
            records::overview(tx, customer_id)
        })
    }

    /// She withdrew a consent: at once, one record, a note in her history.
    /// Advertising on a channel takes its night consent with it, and the
    /// advertising waiting for her there is cancelled.
    pub fn withdraw_consent(
        &self,
        customer_id: i64,
        scope: ConsentScope,
    ) -> Result<ConsentOverview> {
        let lang = self.settings()?.language;
        let now = self.now();
        self.db.with_tx(|tx| {
            ensure_customer(tx, customer_id)?;
            let change = Change {
                scope,
                given: false,
                method: ConsentMethod::Request,
                note: "",
            };
            records::apply(tx, customer_id, change, now, Some(lang))?;
            if let (ConsentPurpose::Marketing, Some(channel), false) =
                (scope.purpose, scope.channel, scope.night)
            {
                records::cancel_waiting_ads(tx, customer_id, channel, now)?;
            }
            records::overview(tx, customer_id)
        })
    }

    /// The consent form to print at the counter, in the current wording,
    /// with the shop's name; in the shop's language unless asked.
    pub fn consent_form(&self, lang: Option<Language>) -> Result<ConsentForm> {
        let s = self.settings()?;
        Ok(
            wording::form(wording::CURRENT, lang.unwrap_or(s.language), &s.shop_name)
                .expect("the current wording is kept"),
        )
    }

    /// The text of an earlier version, to show what she agreed to; `None`
    /// for what was recorded before versions were kept.
    pub fn consent_wording(&self, version: &str, lang: Language) -> Result<Option<ConsentForm>> {
        let s = self.settings()?;
        Ok(wording::form(version, lang, &s.shop_name))
    }
}
