//! The Tauri shell: opens the shop's database in the OS app-data folder and
//! registers the commands. All domain logic is in `dangol-core`.

mod commands;
mod contain;
#[cfg(test)]
mod contract;
pub mod error;
mod exit;
mod files;
mod gate;
mod kakao;
mod mailer;
mod recovery;
pub mod secrets;
mod showing;
mod texter;
mod trace;
mod updates;
mod upkeep;

use std::path::PathBuf;

use dangol_core::Shop;
use tauri::Manager;

pub use commands::app::AppInfo;
pub use contain::AppProblem;

/// The database file: `DANGOL_DATA_DIR` when set (tests, portable
/// installs), else the OS's app-data folder for this app.
fn database_path(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = match std::env::var_os("DANGOL_DATA_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => app.path().app_data_dir()?,
    };
    Ok(dir.join("dangol.sqlite3"))
}

/// Opens the shop (with `key` when it is encrypted) and starts what runs
/// beside it: the outbox resumes, the daily backup and upkeep. When it
/// cannot be opened, the window offers the backups (`recovery.rs`).
pub(crate) fn open_shop(app: &tauri::AppHandle, key: Option<dangol_core::data::vault::DbKey>) {
    let recovery = app.state::<recovery::Recovery>();
    match Shop::open_with(&recovery.path, key, texter::shop_clock(&recovery.path)) {
        Ok(shop) => {
            // A letter left 'sending' by a crash becomes 'unknown'
            // before anything else is sent; what waits resumes.
            let waiting = shop
                .recover_outbox()
                .and_then(|_| shop.outbox_counts())
                .map(|c| c.queued > 0)
                .unwrap_or(false);
            let texts_waiting = shop.texts_waiting().unwrap_or(false);
            app.manage(shop);
            if waiting {
                mailer::start(app);
            }
            // Texts too: what waits goes, unknown ones are looked up,
            // reports still pending are fetched.
            if texts_waiting {
                texter::start(app);
            }
            // Automatic notices the owner turned on: checked now and
            // every few minutes (a birthday's morning comes while open).
            texter::watch_notices(app);
            // The daily backup and upkeep, once the first screen is up.
            upkeep::start(app);
        }
        // The window opens anyway and offers the backups.
        Err(e) => {
            *recovery.error.lock().unwrap_or_else(|e| e.into_inner()) =
                Some(error::AppError::from(e));
        }
    }
}

pub fn run() {
    upkeep::note_start();
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            // Its size and place are kept; whether it is shown is not
            // (it appears when its page has loaded: showing.rs).
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::all()
                        - tauri_plugin_window_state::StateFlags::VISIBLE,
                )
                .build(),
        )
        // The window is created hidden and appears once its page has
        // loaded (showing.rs).
        .on_page_load(showing::on_page_load)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_updater::Builder::new().build())
        .setup(|app| {
            let path = database_path(app)?;
            // The log and the crash reports first: whatever fails after
            // this leaves a trace (docs/threat-model.md says what is in it).
            let logs = trace::log_dir(path.parent().unwrap_or(std::path::Path::new(".")));
            trace::init(&logs);
            contain::install_panic_hook(&logs);
            contain::set_app(app.handle());
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "started");
            showing::show_anyway_later(app.handle());
            app.manage(mailer::Mailer::default());
            app.manage(files::Chosen::default());
            app.manage(updates::Updates::default());
            app.manage(texter::Texter::default());
            app.manage(upkeep::FirstScreen::default());
            app.manage(upkeep::Upkeep::default());
            secrets::init();
            // The database key: from the keychain, or (locked, keychain
            // empty) later from the PIN or the recovery key (gate.rs).
            let (keys, key) = commands::lock::prepare(&path);
            let open_now = keys.is_none() || key.is_some();
            app.manage(gate::Gate::new(path.clone(), keys, key.clone()));
            app.manage(recovery::Recovery {
                path,
                error: std::sync::Mutex::new(None),
            });
            if open_now {
                open_shop(app.handle(), key);
            }
            Ok(())
        })
        // Every command off the main thread, a panic contained: see contain.rs.
        .invoke_handler(contain::commands(tauri::generate_handler![
            commands::app::app_info,
            commands::app::print_page,
            commands::mail::mail_setup,
            commands::mail::save_mail_settings,
            commands::mail::send_test_email,
            commands::mail::email_letters,
            commands::mail::outbox,
            commands::mail::decide_outbox,
            commands::mail::retry_failed_mail,
            commands::mail::start_sending,
            commands::mail::stop_sending,
            commands::mail::opt_out_email,
            commands::mail::consents_due,
            commands::mail::note_consent_notified,
            commands::mail::law_quotes,
            commands::settings::get_settings,
            commands::settings::update_settings,
            commands::settings::finish_setup,
            commands::settings::list_staff,
            commands::settings::add_staff,
            commands::settings::update_staff,
            commands::customers::search_customers,
            commands::customers::list_customers,
            commands::customers::get_customer,
            commands::customers::validate_customer,
            commands::customers::create_customer,
            commands::customers::update_customer,
            commands::customers::delete_customer,
            commands::history::record_sale,
            commands::history::record_payment,
            commands::history::log_contact,
            commands::history::add_note,
            commands::history::edit_entry,
            commands::history::timeline,
            commands::history::customer_story,
            commands::history::search_history,
            commands::history::open_complaint,
            commands::history::update_complaint,
            commands::history::add_followup,
            commands::history::complete_followup,
            commands::history::snooze_followup,
            commands::history::reschedule_followup,
            commands::history::agenda,
            commands::data::backup_now,
            commands::data::list_backups,
            commands::data::preview_backup,
            commands::data::restore_backup,
            commands::data::find_duplicates,
            commands::data::merge_customers,
            commands::loyalty::loyalty_rules,
            commands::loyalty::update_loyalty_rules,
            commands::loyalty::loyalty_status,
            commands::loyalty::issue_coupon,
            commands::loyalty::issue_coupon_to_tier,
            commands::loyalty::recompute_tiers,
            commands::loyalty::recent_tier_changes,
            commands::trials::create_trial,
            commands::trials::list_trials,
            commands::trials::give_trial,
            commands::trials::give_trial_to_tier,
            commands::trials::trial_participants,
            commands::trials::record_trial_feedback,
            commands::trials::customer_trials,
            commands::dates::add_family_member,
            commands::dates::family,
            commands::dates::add_important_date,
            commands::dates::upcoming_dates,
            commands::dates::catch_up_dates,
            commands::dates::important_dates,
            commands::dates::update_family_member,
            commands::dates::update_important_date,
            commands::dates::delete_family_member,
            commands::dates::delete_important_date,
            commands::letters::letter_template,
            commands::letters::save_letter_template,
            commands::letters::check_letter_template,
            commands::letters::preview_letter,
            commands::letters::make_letters,
            commands::letters::letter_recipients,
            commands::letters::edit_letter,
            commands::reports::reports,
            commands::reports::export_report,
            commands::letters::write_letter,
            commands::letters::mark_letters_printed,
            commands::letters::letters_by_id,
            commands::settings::first_day,
            commands::settings::note_first_day,
            commands::app::start_state,
            recovery::recovery_preview,
            recovery::recover_from_backup,
            commands::imports::choose_import_file,
            commands::imports::preview_import,
            commands::imports::import_customers,
            commands::imports::undo_import,
            commands::imports::import_warnings,
            commands::imports::dismiss_import_warning,
            commands::imports::export_customers,
            commands::data::choose_backup_file,
            commands::data::restore_chosen_backup,
            commands::data::preview_chosen_backup,
            commands::data::choose_backup_folder,
            commands::data::clear_backup_folder,
            recovery::recover_from_chosen_file,
            commands::lock::lock_status,
            commands::lock::unlock,
            commands::lock::unlock_with_recovery,
            commands::lock::lock_now,
            commands::lock::still_here,
            commands::lock::set_lock_secret,
            commands::lock::set_idle_minutes,
            commands::lock::new_recovery_key,
            commands::lock::confirm_recovery_key,
            commands::lock_staff::set_staff_pin,
            commands::updates::check_for_update,
            commands::updates::install_update,
            contain::take_app_problem,
            commands::texts::text_setup,
            commands::texts::save_text_settings,
            commands::texts::plan_texts,
            commands::texts::text_letters,
            commands::texts::retry_failed_texts,
            commands::texts::start_text_sender,
            commands::texts::opt_out_texts,
            commands::texts::set_night_text_consent,
            commands::notices::alimtalk_templates,
            commands::notices::save_alimtalk_template,
            commands::notices::delete_alimtalk_template,
            commands::notices::notice_settings,
            commands::notices::notice_preview,
            commands::notices::set_notice,
            commands::notices::open_kakaotalk,
            commands::notices::text_shop_offset,
            commands::consent::consents,
            commands::consent::give_consents,
            commands::consent::withdraw_consent,
            commands::consent::consent_form,
            commands::rights::personal_data,
            commands::rights::export_personal_data,
            commands::rights::erasure_backups,
            commands::rights::retention_review,
            commands::rights::retention_period,
            commands::rights::set_retention_period,
            commands::rights::keep_past_retention,
            commands::rights::review_retention_later,
        ]))
        .build(tauri::generate_context!())
        .expect("error while building Dangol")
        .run(|app, event| match event {
            // Closing mid-batch: the sender stops after the letter it is on;
            // the rest waits in the outbox for the next start.
            tauri::RunEvent::ExitRequested { .. } => exit::requested(app),
            tauri::RunEvent::Exit => exit::exit(app),
            _ => {}
        });
}
