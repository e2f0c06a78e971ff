//! The database key sealed by a secret a person knows or keeps (a PIN, a
//! password, the printed recovery key): Argon2id turns the secret into a
//! key-sealing key, XChaCha20-Poly1305 seals the database key with it. A
//! wrong secret fails the seal's tag: nothing is guessed or half-opened.

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::DbKey;

/// A sealed database key with what is needed to open it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    /// Argon2id memory in KiB, passes and lanes.
    pub m_kib: u32,
    pub t: u32,
    pub p: u32,
    pub salt: String,
    pub nonce: String,
    pub sealed: String,
}

/// OWASP's Argon2id minimum (19 MiB, 2 passes): about a tenth of a second
/// on a counter PC, and each guess of a PIN costs an attacker as much.
const M_KIB: u32 = 19 * 1024;
const T: u32 = 2;
const P: u32 = 1;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if text.len() % 2 != 0 || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

fn sealing_key(secret: &[u8], salt: &[u8], m: u32, t: u32, p: u32) -> Option<Zeroizing<[u8; 32]>> {
    let params = Params::new(m, t, p, Some(32)).ok()?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, out.as_mut())
        .ok()?;
    Some(out)
}

impl Sealed {
    /// Seals `key` under `secret`.
    pub fn seal(key: &DbKey, secret: &[u8]) -> Sealed {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut salt).expect("the OS random source");
        getrandom::fill(&mut nonce).expect("the OS random source");
        let kek = sealing_key(secret, &salt, M_KIB, T, P).expect("valid Argon2 parameters");
        let cipher = XChaCha20Poly1305::new(Key::from_slice(kek.as_ref()));
        let sealed = cipher
            .encrypt(XNonce::from_slice(&nonce), key.as_bytes().as_slice())
            .expect("sealing 32 bytes");
        Sealed {
            m_kib: M_KIB,
            t: T,
            p: P,
            salt: hex(&salt),
            nonce: hex(&nonce),
            sealed: hex(&sealed),
        }
    }

    /// The key, when `secret` is the one it was sealed with.
    pub fn open(&self, secret: &[u8]) -> Option<DbKey> {
        let salt = unhex(&self.salt)?;
        let nonce = unhex(&self.nonce)?;
        let sealed = unhex(&self.sealed)?;
        if nonce.len() != 24 {
            return None;
        }
        let kek = sealing_key(secret, &salt, self.m_kib, self.t, self.p)?;
        let cipher = XChaCha20Poly1305::new(Key::from_slice(kek.as_ref()));
        let plain = Zeroizing::new(
            cipher
                .decrypt(XNonce::from_slice(&nonce), sealed.as_slice())
                .ok()?,
        );
        let bytes: [u8; 32] = plain.as_slice().try_into().ok()?;
        Some(DbKey::from_bytes(bytes))
    }
}
