//! The database key and how a connection is given it.

use std::io::Read;
use std::path::Path;

use rusqlite::Connection;
use zeroize::{Zeroize, ZeroizeOnDrop};

/// 32 random bytes; wiped from memory when dropped, never printed.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct DbKey([u8; 32]);

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DbKey(…)")
    }
}

impl DbKey {
    /// A new key from the OS's random source.
    pub fn random() -> DbKey {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the OS random source");
        DbKey(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DbKey {
        DbKey(bytes)
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The key as 64 hex digits (what the OS keychain stores).
    pub fn to_hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(text: &str) -> Option<DbKey> {
        let text = text.trim();
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).ok()?;
        }
        Some(DbKey(bytes))
    }

    /// SQLCipher's raw-key form, `x'…'`: the key is used as it is, with no
    /// passphrase stretching (it is random already).
    pub(crate) fn sql_literal(&self) -> String {
        format!("\"x'{}'\"", self.to_hex())
    }
}

/// True when this build has SQLCipher (the `encryption` feature).
pub const AVAILABLE: bool = cfg!(feature = "encryption");

/// Gives `conn` the key; must come before anything else reads the file.
/// Without the `encryption` feature a key is refused: plain SQLite would
/// ignore `PRAGMA key` and write the shop in the clear.
pub fn key_connection(conn: &Connection, key: Option<&DbKey>) -> rusqlite::Result<()> {
    let Some(key) = key else {
        return Ok(());
    };
    if !AVAILABLE {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_MISUSE),
            Some("this build has no encryption".into()),
        ));
    }
    conn.execute_batch(&format!("PRAGMA key = {};", key.sql_literal()))
}

/// True when the file at `path` starts with SQLite's plain header (an
/// unencrypted database). Missing and empty files are not plaintext.
pub fn is_plaintext(path: &Path) -> bool {
    let mut head = [0u8; 16];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"SQLite format 3\0"
}
