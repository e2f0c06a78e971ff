//! The mail password in the OS keychain (Keychain on macOS, Credential
//! Manager on Windows, the kernel keyring on Linux), never in the database,
//! a log or an error message. keyring-core with one store crate per OS.
//!
//! Linux: the kernel keyring keeps it until logout or reboot, after which
//! the app says the password is missing and asks for it again (Linux is a
//! development platform here; shops run Windows or macOS).

use dangol_core::mail::settings::MailSettings;
use keyring_core::Entry;

const SERVICE: &str = "Dangol mail";

/// Sets the OS's store as keyring-core's default; call once at start.
pub fn init() {
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
