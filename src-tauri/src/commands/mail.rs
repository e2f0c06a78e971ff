//! Mail: settings (the password to the OS keychain), the test email, the
//! outbox and the background sender, opt-outs and old consents.

use std::time::Duration;

use dangol_core::outbox::mail::outbox::{Decision, OutboxCounts, OutboxItem, QueueReport};
use dangol_core::outbox::mail::settings::{self, MailSettings, Provider};
use dangol_core::outbox::mail::smtp::MailErrorCode;
use dangol_core::{ConsentDue, Shop};
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::{AppError, CmdResult};
use crate::mailer::{self, Mailer, SenderState};

/// A provider's defaults, for the settings form.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MailPreset {
    pub provider: Provider,
    pub host: String,
    pub port: u16,
    pub security: settings::Security,
    pub per_minute: u32,
    pub per_day: u32,
    pub app_password: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MailSetup {
    pub settings: Option<MailSettings>,
    /// Whether the keychain holds a password for these settings.
    pub has_password: bool,
    pub presets: Vec<MailPreset>,
    /// Failed letters that sending again can help ("지금 보내기").
    pub retriable: u32,
}

/// How the test email went: `None` = it went.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct MailTest {
    pub error: Option<MailErrorCode>,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct OutboxView {
    pub counts: OutboxCounts,
    pub items: Vec<OutboxItem>,
    pub sender: SenderState,
    pub text_sender: crate::texter::TextSenderState,
}

#[tauri::command]
pub fn mail_setup(shop: State<'_, Shop>) -> CmdResult<MailSetup> {
    let s = shop.mail_settings()?;
    let presets = settings::PRESETS
        .iter()
        .map(|p| MailPreset {
            provider: p.provider,
            host: p.host.into(),
            port: p.port,
            security: p.security,
            per_minute: p.per_minute,
            per_day: p.per_day,
            app_password: p.app_password,
        })
        .collect();
    let has_password = s
        .as_ref()
        .is_some_and(|s| crate::secrets::load(s).is_some());
    Ok(MailSetup {
        settings: s,
        has_password,
        presets,
        retriable: shop.retriable_mail()?,
    })
}

/// Saves the settings, and the password to the keychain when one is typed.
#[tauri::command]
pub fn save_mail_settings(
    shop: State<'_, Shop>,
    settings: MailSettings,
    password: Option<String>,
) -> CmdResult<MailSettings> {
    let saved = shop.save_mail_settings(&settings)?;
    if let Some(pw) = password.filter(|p| !p.is_empty()) {
        crate::secrets::save(&saved, &pw).map_err(|e| AppError::internal("keychain", e))?;
    }
    Ok(saved)
}

/// Tries the settings as typed (the typed password, else the saved one).
#[tauri::command]
pub fn send_test_email(
    shop: State<'_, Shop>,
    settings: MailSettings,
    password: Option<String>,
) -> CmdResult<MailTest> {
    let password = match password.filter(|p| !p.is_empty()) {
        Some(p) => p,
        None => match crate::secrets::load(&settings) {
            Some(p) => p,
            None => {
                return Ok(MailTest {
                    error: Some(MailErrorCode::PasswordMissing),
                    detail: String::new(),
                })
            }
        },
    };
    let result = shop.send_test_email(&settings, &password, Duration::from_secs(20))?;
    Ok(match result {
        Ok(()) => MailTest {
            error: None,
            detail: String::new(),
        },
        Err(e) => MailTest {
            error: Some(e.code),
            detail: e.detail,
        },
    })
}

/// Whether mail can go: settings saved and their password in the keychain.
pub fn mail_ready(shop: &Shop) -> CmdResult<bool> {
    Ok(shop
        .mail_settings()?
        .is_some_and(|s| crate::secrets::load(&s).is_some()))
}

/// Puts made letters in the outbox and starts sending. Without mail set
/// up nothing is queued (a letter that cannot go never waits as if it
/// could): the report says so and the UI opens the mail setup first.
#[tauri::command]
pub fn email_letters(
    app: AppHandle,
    shop: State<'_, Shop>,
    letter_ids: Vec<i64>,
) -> CmdResult<QueueReport> {
    if !mail_ready(&shop)? {
        return Ok(QueueReport {
            mail_not_set_up: true,
            ..Default::default()
        });
    }
    let report = shop.queue_letters(&letter_ids)?;
    mailer::start(&app);
    Ok(report)
}

#[tauri::command]
pub fn outbox(
    shop: State<'_, Shop>,
    mailer: State<'_, Mailer>,
    texter: State<'_, crate::texter::Texter>,
) -> CmdResult<OutboxView> {
    Ok(OutboxView {
        counts: shop.outbox_counts()?,
        items: shop.outbox(500)?,
        sender: mailer.state(),
        text_sender: texter.state(),
    })
}

#[tauri::command]
pub fn decide_outbox(
    app: AppHandle,
    shop: State<'_, Shop>,
    id: i64,
    decision: Decision,
) -> CmdResult<()> {
    shop.decide_outbox(id, decision)?;
    if decision == Decision::Retry {
        mailer::start(&app);
        crate::texter::start(&app);
    }
    Ok(())
}

#[tauri::command]
pub fn retry_failed_mail(app: AppHandle, shop: State<'_, Shop>) -> CmdResult<u32> {
    let n = shop.retry_failed_mail()?;
    mailer::start(&app);
    Ok(n)
}

#[tauri::command]
pub fn start_sending(app: AppHandle) {
    mailer::start(&app);
}

#[tauri::command]
pub fn stop_sending(mailer: State<'_, Mailer>) {
    mailer.stop();
}

#[tauri::command]
pub fn opt_out_email(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<()> {
    Ok(shop.opt_out_email(customer_id)?)
}

#[tauri::command]
pub fn consents_due(shop: State<'_, Shop>) -> CmdResult<Vec<ConsentDue>> {
    Ok(shop.consents_due()?)
}

/// The owner told her of her consent (the two-yearly notice).
#[tauri::command]
pub fn note_consent_notified(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<()> {
    Ok(shop.note_consent_notified(customer_id)?)
}

/// The passages of Korean law behind a topic, quoted, for a shop in Korea.
#[tauri::command]
pub fn law_quotes(
    topic: dangol_core::outbox::mail::law::LawTopic,
) -> Vec<dangol_core::outbox::mail::law::Quote> {
    dangol_core::outbox::mail::law::quotes(topic)
}
