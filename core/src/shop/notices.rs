//! `Shop`'s automatic notices and 알림톡 templates: the owner's choices,
//! what a notice will send before it is turned on, and the check that
//! queues what is due. The rules and the SQL are in `texts::notices`,
//! `texts::notices_due` and `texts::alimtalk`.

use crate::error::{Error, FieldError, FieldErrorCode, Result};
use crate::outbox::texts::alimtalk::{self, AlimtalkProblem, AlimtalkTemplate};
use crate::outbox::texts::notices::{
    self, NoticeContext, NoticeKind, NoticePreview, NoticeSettings, NoticeValues,
};
use crate::outbox::texts::notices_due::{self, DueContext};
use crate::outbox::texts::queue::new_reference;
use crate::Shop;

impl Shop {
    pub fn alimtalk_templates(&self) -> Result<Vec<AlimtalkTemplate>> {
        alimtalk::load(&*self.db.reader()?)
    }

    /// Adds a template (or replaces the one with code `replacing`);
    /// refused with the reason, nothing saved, when it cannot be used.
    pub fn save_alimtalk_template(
        &self,
        t: &AlimtalkTemplate,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<Vec<AlimtalkTemplate>, AlimtalkProblem>> {
        self.db.with_tx(|tx| alimtalk::save(tx, t, replacing))
    }

    /// Deletes a template; a notice that went by it is turned off (it
    /// would otherwise say something she has not seen).
    pub fn delete_alimtalk_template(&self, code: &str) -> Result<Vec<AlimtalkTemplate>> {
        self.db.with_tx(|tx| {
            let mut n = notices::load(tx)?;
            for k in notices::ALL {
                let rule = n.rule_mut(k);
                if rule.alimtalk.as_deref() == Some(code) {
                    *rule = Default::default();
                }
            }
            notices::save(tx, &n)?;
            alimtalk::delete(tx, code)
        })
    }

    pub fn notice_settings(&self) -> Result<NoticeSettings> {
        notices::load(&*self.db.reader()?)
    }

    /// Exactly what this notice sends (by text, or by the template
    /// `alimtalk`), with a real customer's values when there are any.
    pub fn notice_preview(
        &self,
        kind: NoticeKind,
        alimtalk: Option<&str>,
    ) -> Result<NoticePreview> {
        let shop = self.settings()?;
        let rules = self.loyalty_rules()?;
        let text_settings = self.text_settings()?;
        let conn = self.db.reader()?;
        let templates = alimtalk::load(&conn)?;
        let template = alimtalk.and_then(|c| templates.iter().find(|t| t.code == c));
        let (now, today) = (self.now(), self.today());
        let (lang, country) = (shop.language, shop.country);
        let found = notices_due::sample(&conn, kind, &rules, today, now, lang, country)?;
        let customer_name = found.as_ref().map(|v| v.name.clone());
        let sample_name = crate::outbox::mail::compose::text(lang, "notice_sample_name");
        let values = found.unwrap_or_else(|| match kind {
            NoticeKind::BirthdayCoupon => {
                notices_due::birthday_sample(sample_name, &rules, today, lang, country)
            }
            _ => NoticeValues {
                name: sample_name,
                points: 500,
                balance: 3500,
                date: Some(today + chrono::Days::new(notices_due::EXPIRY_NOTICE_DAYS)),
                ..Default::default()
            },
        });
        let settings = text_settings.clone().unwrap_or_default();
        let cx = NoticeContext {
            language: lang,
            shop_name: &shop.shop_name,
            settings: &settings,
            template,
        };
        let r = notices::render(kind, &values, &cx);
        Ok(NoticePreview {
            kind,
            customer_name,
            title: r.title,
            text: r.shown,
            via: r.via,
            advertising: kind.advertising(),
            blocked: notices::block(
                kind,
                text_settings.as_ref(),
                &shop.shop_name,
                &rules,
                alimtalk,
                template,
            ),
            rule: notices::load(&conn)?.rule(kind).clone(),
        })
    }

    /// Turns a notice on (only with the preview's text she saw, and only
    /// when nothing blocks it) or off.
    pub fn set_notice(
        &self,
        kind: NoticeKind,
        on: bool,
        alimtalk: Option<String>,
        seen: &str,
    ) -> Result<NoticeSettings> {
        if on {
            let p = self.notice_preview(kind, alimtalk.as_deref())?;
            if p.blocked.is_some() || p.text != seen {
                return Err(Error::Validation(vec![FieldError::new(
                    "preview",
                    FieldErrorCode::InvalidChoice,
                )]));
            }
        }
        let now = self.now();
        self.db.with_tx(|tx| {
            let mut n = notices::load(tx)?;
            let rule = n.rule_mut(kind);
            if on && !rule.on {
                rule.since = Some(now);
            }
            rule.on = on;
            rule.alimtalk = alimtalk.clone().filter(|_| on);
            notices::save(tx, &n)?;
            Ok(n)
        })
    }

    /// Queues the notices that are due; returns how many.
    pub fn queue_due_notices(&self) -> Result<u32> {
        let notices = self.notice_settings()?;
        if !notices::ALL.iter().any(|k| notices.rule(*k).on) {
            return Ok(0);
        }
        let Some(settings) = self.text_settings()? else {
            return Ok(0);
        };
        let shop = self.settings()?;
        let rules = self.loyalty_rules()?;
        let templates = self.alimtalk_templates()?;
        let cx = DueContext {
            settings: &settings,
            notices: &notices,
            rules: &rules,
            templates: &templates,
            shop_name: &shop.shop_name,
            language: shop.language,
            country: shop.country,
            clock: self.clock(),
            reference: &new_reference,
        };
        self.db.with_tx(|tx| notices_due::queue_due(tx, &cx))
    }
}
