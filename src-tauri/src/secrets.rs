//! The mail password in the OS keychain (Keychain on macOS, Credential
//! Manager on Windows, the kernel keyring on Linux), never in the database,
//! a log or an error message. keyring-core with one store crate per OS.
//!
//! Linux: the kernel keyring keeps it until logout or reboot, after which
//! the app says the password is missing and asks for it again (Linux is a
//! development platform here; shops run Windows or macOS).

use dangol_core::data::vault::DbKey;
use dangol_core::outbox::mail::settings::MailSettings;
use keyring_core::Entry;

const SERVICE: &str = "Dangol mail";

/// Sets the OS's store as keyring-core's default; call once at start.
pub fn init() {
    #[cfg(target_os = "linux")]
    join_own_session_keyring();
    #[cfg(target_os = "linux")]
    let store = linux_keyutils_keyring_store::Store::new();
    #[cfg(target_os = "macos")]
    let store = apple_native_keyring_store::keychain::Store::new();
    #[cfg(target_os = "windows")]
    let store = windows_native_keyring_store::Store::new();
    match store {
        Ok(store) => keyring_core::set_default_store(store),
        Err(e) => eprintln!("dangol: no OS keychain: {e}"),
    }
}

/// Linux: the process joins a session keyring named "dangol" (created if
/// missing). The session keyring a process inherits may not be searchable
/// by it (seen in containers: every read is EACCES); the store also links
/// each key into the user's persistent keyring, so a later start finds it.
#[cfg(target_os = "linux")]
fn join_own_session_keyring() {
    const KEYCTL_JOIN_SESSION_KEYRING: libc::c_long = 1;
    let name = c"dangol";
    // SAFETY: keyctl(2) JOIN_SESSION_KEYRING takes a NUL-terminated name
    // that outlives the call; it only changes this process's keyrings.
    let joined =
        unsafe { libc::syscall(libc::SYS_keyctl, KEYCTL_JOIN_SESSION_KEYRING, name.as_ptr()) };
    if joined < 0 {
        eprintln!(
            "dangol: cannot join a session keyring: {}",
            std::io::Error::last_os_error()
        );
    }
}

const DB_SERVICE: &str = "Dangol database";

/// The shop's database key, one per data file.
fn db_entry(db_path: &std::path::Path) -> Option<Entry> {
    Entry::new(DB_SERVICE, &db_path.display().to_string()).ok()
}

/// Keeps the database key in the OS keychain (as hex; never on disk).
pub fn save_db_key(db_path: &std::path::Path, key: &DbKey) -> Result<(), String> {
    let e = db_entry(db_path).ok_or("no keychain")?;
    e.set_password(&key.to_hex()).map_err(|e| e.to_string())
}

/// The database key the keychain holds for this file, if any.
pub fn load_db_key(db_path: &std::path::Path) -> Option<DbKey> {
    DbKey::from_hex(&db_entry(db_path)?.get_password().ok()?)
}

/// Removes the database key from the keychain (a lost keychain, as the
/// end-to-end tests make one: then only the owner's PIN or the recovery
/// key opens the shop).
pub fn forget_db_key(db_path: &std::path::Path) -> Result<(), String> {
    let e = db_entry(db_path).ok_or("no keychain")?;
    e.delete_credential().map_err(|e| e.to_string())
}

/// One password per login and server.
fn entry(s: &MailSettings) -> Option<Entry> {
    let user = format!("{}@{}:{}", s.username.trim(), s.host.trim(), s.port);
    Entry::new(SERVICE, &user).ok()
}

pub fn save(s: &MailSettings, password: &str) -> Result<(), String> {
    let e = entry(s).ok_or("no keychain")?;
    e.set_password(password).map_err(|e| e.to_string())
}

/// The saved password, if the keychain has one.
pub fn load(s: &MailSettings) -> Option<String> {
    entry(s)?.get_password().ok()
}

/// The texts provider's API key and secret, one entry per provider.
fn text_entry() -> Option<Entry> {
    Entry::new("Dangol texts", "solapi").ok()
}

pub fn save_text_key(key: &str, secret: &str) -> Result<(), String> {
    let e = text_entry().ok_or("no keychain")?;
    e.set_password(&format!("{}\n{}", key.trim(), secret.trim()))
        .map_err(|e| e.to_string())
}

/// (API key, API secret), if the keychain has them.
pub fn load_text_key() -> Option<(String, String)> {
    let both = text_entry()?.get_password().ok()?;
    let (key, secret) = both.split_once('\n')?;
    Some((key.to_string(), secret.to_string()))
}

#[cfg(test)]
mod tests {
    use dangol_core::outbox::mail::settings::{MailSettings, Provider};

    /// The real OS store: what is saved comes back, for these settings only.
    #[test]
    fn a_saved_password_comes_back_from_the_os_keychain() {
        super::init();
        let mut s = MailSettings::for_provider(Provider::Naver, "test@naver.com", "가게");
        s.port = 40000 + (std::process::id() % 20000) as u16;
        super::save(&s, "비밀-pw-1").unwrap();
        assert_eq!(super::load(&s).as_deref(), Some("비밀-pw-1"));
        s.username = "other@naver.com".into();
        assert_eq!(super::load(&s), None);
    }

    /// The texts key and secret go to the same store and come back apart.
    #[test]
    fn the_text_key_and_secret_come_back_from_the_os_keychain() {
        super::init();
        super::save_text_key("NCSKEY", "비밀-secret").unwrap();
        assert_eq!(
            super::load_text_key(),
            Some(("NCSKEY".to_string(), "비밀-secret".to_string()))
        );
    }
}
