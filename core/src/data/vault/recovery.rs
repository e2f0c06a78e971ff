//! The recovery key the owner prints at setup: 128 random bits written as
//! 12 words of the BIP-39 English list (words a person can read back and
//! type without an IME, each told apart by its first four letters) and the
//! same words as a QR code on the same page.

use zeroize::Zeroizing;

/// A recovery key; its words are what seals and opens the database key.
pub struct RecoveryKey {
    words: Zeroizing<String>,
}

impl std::fmt::Debug for RecoveryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RecoveryKey(…)")
    }
}

impl RecoveryKey {
    pub fn random() -> RecoveryKey {
        let mut entropy = Zeroizing::new([0u8; 16]);
        getrandom::fill(entropy.as_mut()).expect("the OS random source");
        let m = bip39::Mnemonic::from_entropy(entropy.as_ref()).expect("16 bytes make 12 words");
        RecoveryKey {
            words: Zeroizing::new(m.words().collect::<Vec<_>>().join(" ")),
        }
    }

    /// The key typed back: spaces, line breaks and case do not matter; a
    /// word not in the list or a wrong checksum is refused.
    pub fn parse(typed: &str) -> Option<RecoveryKey> {
        let clean = typed
            .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        let m = bip39::Mnemonic::parse_in_normalized(bip39::Language::English, &clean).ok()?;
        Some(RecoveryKey {
            words: Zeroizing::new(m.words().collect::<Vec<_>>().join(" ")),
        })
    }

    pub fn words(&self) -> Vec<String> {
        self.words.split(' ').map(str::to_string).collect()
    }

    /// What seals the database key: the words, one space apart.
    pub(crate) fn secret(&self) -> &[u8] {
        self.words.as_bytes()
    }

    /// The words as a QR code, an SVG to print beside them.
    pub fn qr_svg(&self) -> String {
        let code =
            qrcode::QrCode::with_error_correction_level(self.words.as_bytes(), qrcode::EcLevel::M)
                .expect("12 words fit a QR code");
        code.render::<qrcode::render::svg::Color>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build()
    }
}
