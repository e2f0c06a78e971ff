//! Encryption at rest: the shop file and its backups are SQLCipher
//! databases under one random 256-bit key. The key is never written to
//! disk as it is: the OS keychain holds it (the app's side, src-tauri), and
//! the key file beside the shop holds it sealed twice — by the printed
//! recovery key and, when one is set, by the owner's PIN or password — so
//! that neither a forgotten PIN nor a lost keychain loses the shop
//! (docs/threat-model.md says what this protects against and what not).

mod backup_key;
mod convert;
mod key;
mod keyfile;
mod recovery;
mod wrap;

pub use backup_key::{backup_key_path, has_backup_key, is_backup_key_name, open_backup_key};
pub use convert::{
    encrypt_backups, encrypt_copy, encrypt_shop, reencrypt_copy, remove_leftovers, Conversion,
};
pub use key::{is_plaintext, key_connection, DbKey, AVAILABLE};
pub use keyfile::{
    secret_is_valid, wait_after, KeyFile, Lock, LockSecret, Refused, SecretKind, FREE_TRIES,
};
pub use recovery::RecoveryKey;
pub use wrap::Sealed;
