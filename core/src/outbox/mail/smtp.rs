//! Talking to the shop's SMTP server on lettre's own connection type, one
//! step at a time, so that every failure is known to have happened before
//! the message's data ended (not sent: safe to try again) or after it
//! (the server may have it: fate unknown). And every failure is put in
//! plain words: wrong password, app password needed, unreachable, TLS,
//! timeout.

use std::time::Duration;

use lettre::address::Envelope;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, MailBodyParameter, MailParameter};
use lettre::transport::smtp::Error as SmtpError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::settings::{MailSettings, Security};

/// Why mail could not go, as the owner is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum MailErrorCode {
    /// Mail settings were never filled in.
    NotConfigured,
    /// The keychain has no password (never saved, or forgotten).
    PasswordMissing,
    /// No server answered at that name and port.
    Unreachable,
    Timeout,
    /// The secure connection failed (certificate, or wrong security type).
    Tls,
    /// The login or password was refused.
    AuthFailed,
    /// The provider wants an app password, not the account's own.
    AppPasswordNeeded,
    /// The server refused this letter for good (5xx): a wrong address.
    Rejected,
    /// The server asked to try later (4xx), and it kept asking.
    TryLater,
    /// The connection broke after the letter was handed over: it may or
    /// may not have arrived.
    Dropped,
    /// The customer has no email address.
    NoEmail,
    /// Advertising to someone who has not agreed (or opted out).
    NoConsent,
    /// The address cannot be written to (not an address).
    InvalidAddress,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailError {
    pub code: MailErrorCode,
    /// The server's or system's words, for the curious (never a password).
    pub detail: String,
}

impl MailError {
    pub fn new(code: MailErrorCode, detail: impl Into<String>) -> Self {
        Self {
            code,
            detail: detail.into(),
        }
    }
}

/// What became of one letter handed to the server.
#[derive(Debug)]
pub enum Outcome {
    Sent,
    /// Refused before its data ended; `transient` for a 4xx.
    Refused {
        transient: bool,
        error: MailError,
    },
    /// The connection failed before the data ended: not sent, reconnect.
    NotSent(MailError),
    /// After the data ended, no answer: it may have arrived.
    Unknown(MailError),
}

/// Extra certificate authorities to trust (a shop's own mail server with a
/// private CA; the tests' loopback server), PEM, from `DANGOL_SMTP_CA`.
fn extra_ca() -> Option<Vec<u8>> {
    std::env::var_os("DANGOL_SMTP_CA").and_then(|p| std::fs::read(p).ok())
}

fn tls(host: &str) -> Result<TlsParameters, MailError> {
    let mut b = TlsParameters::builder(host.to_string());
    if let Some(pem) = extra_ca() {
        let cert = Certificate::from_pem(&pem)
            .map_err(|e| MailError::new(MailErrorCode::Tls, e.to_string()))?;
        b = b.add_root_certificate(cert);
    }
    b.build_rustls()
        .map_err(|e| MailError::new(MailErrorCode::Tls, e.to_string()))
}

/// A read or connect that ran out of time. lettre only knows `TimedOut`;
/// a socket read timeout on Linux and macOS is `WouldBlock`.
fn timed_out(e: &SmtpError) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(err) = source {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            return matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            );
        }
        source = err.source();
    }
    false
}

/// Why connecting or logging in failed, in the owner's terms.
pub(crate) fn diagnose(e: &SmtpError) -> MailError {
    let detail = e.to_string();
    let lower = detail.to_lowercase();
    let code = if timed_out(e) {
        MailErrorCode::Timeout
    } else if e.is_tls()
        || [
            "certificate",
            "tls",
            "corrupt message",
            "handshake",
            "alert",
        ]
        .iter()
        .any(|w| lower.contains(w))
    {
        MailErrorCode::Tls
    } else if let Some(status) = e.status() {
        let n = status.to_string();
        if n == "534"
            || lower.contains("application-specific")
            || lower.contains("app password")
            || lower.contains("invalidsecondfactor")
        {
            MailErrorCode::AppPasswordNeeded
        } else if n.starts_with("53")
            || n == "454"
            || lower.contains("auth")
            || lower.contains("password")
        {
            MailErrorCode::AuthFailed
        } else if e.is_transient() {
            MailErrorCode::TryLater
        } else {
            MailErrorCode::Rejected
        }
    } else if lower.contains("authentication mechanism") {
        MailErrorCode::AuthFailed
    } else {
        MailErrorCode::Unreachable
    };
    MailError::new(code, detail)
}

/// The message's data as SMTP carries it (RFC 5321 4.5.2): a line that
/// starts with a dot gets a second one, and a lone dot ends it.
fn dot_stuffed(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for (i, line) in text.split("\r\n").enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        if line.starts_with('.') {
            out.push('.');
        }
        out.push_str(line);
    }
    out.push_str("\r\n.\r\n");
    out
}

struct Payload(String);

impl std::fmt::Display for Payload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A logged-in connection to the shop's server.
pub struct Connection {
    conn: SmtpConnection,
}

impl Connection {
    /// Connects, secures (TLS or STARTTLS; never plain) and logs in.
    pub fn open(s: &MailSettings, password: &str, timeout: Duration) -> Result<Self, MailError> {
        let client = ClientId::default();
        let params = tls(&s.host)?;
        let addr = (s.host.as_str(), s.port);
        let mut conn = match s.security {
            Security::Tls => {
                SmtpConnection::connect(addr, Some(timeout), &client, Some(&params), None)
            }
            Security::Starttls => SmtpConnection::connect(addr, Some(timeout), &client, None, None),
        }
        .map_err(|e| diagnose(&e))?;
        if s.security == Security::Starttls {
            if !conn.can_starttls() {
                conn.abort();
                return Err(MailError::new(
                    MailErrorCode::Tls,
                    "the server does not offer STARTTLS",
                ));
            }
            conn.starttls(&params, &client).map_err(|e| diagnose(&e))?;
        }
        let creds = Credentials::new(s.username.clone(), password.to_string());
        if let Err(e) = conn.auth(&[Mechanism::Plain, Mechanism::Login], &creds) {
            conn.abort();
            return Err(diagnose(&e));
        }
        Ok(Self { conn })
    }

    /// Hands one message over, step by step (MAIL, RCPT, DATA, the data).
    pub fn send(&mut self, envelope: &Envelope, bytes: &[u8]) -> Outcome {
        let mut params = vec![];
        if !bytes.is_ascii() {
            params.push(MailParameter::Body(MailBodyParameter::EightBitMime));
        }
        let before = self
            .conn
            .command(Mail::new(envelope.from().cloned(), params))
            .and_then(|_| {
                for to in envelope.to() {
                    self.conn.command(Rcpt::new(to.clone(), vec![]))?;
                }
                self.conn.command(Data)
            });
        if let Err(e) = before {
            return self.refused_or_lost(&e, false);
        }
        // The data and its closing dot in one write: lettre writes them
        // apart, and the small second write then waits for the server's
        // delayed ACK (Nagle), ~40 ms a letter.
        let sent = match std::str::from_utf8(bytes) {
            Ok(text) => self.conn.command(Payload(dot_stuffed(text))),
            Err(_) => self.conn.message(bytes),
        };
        match sent {
            Ok(_) => Outcome::Sent,
            Err(e) if e.status().is_some() => self.refused_or_lost(&e, true),
            Err(e) => {
                self.conn.abort();
                Outcome::Unknown(MailError::new(MailErrorCode::Dropped, e.to_string()))
            }
        }
    }

    fn refused_or_lost(&mut self, e: &SmtpError, after_data: bool) -> Outcome {
        match e.status() {
            Some(_) => {
                // A clear answer: the session is still good after RSET.
                if !after_data && self.conn.command(Rset).is_err() {
                    self.conn.abort();
                }
                let transient = e.is_transient();
                let code = if transient {
                    MailErrorCode::TryLater
                } else {
                    MailErrorCode::Rejected
                };
                Outcome::Refused {
                    transient,
                    error: MailError::new(code, e.to_string()),
                }
            }
            None => {
                self.conn.abort();
                let code = if timed_out(e) {
                    MailErrorCode::Timeout
                } else {
                    MailErrorCode::Unreachable
                };
                Outcome::NotSent(MailError::new(code, e.to_string()))
            }
        }
    }

    /// False once the connection broke (the next letter reconnects).
    pub fn usable(&self) -> bool {
        !self.conn.has_broken()
    }

    pub fn close(mut self) {
        let _ = self.conn.quit();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_starting_with_a_dot_are_doubled_and_a_dot_ends_the_data() {
        assert_eq!(
            super::dot_stuffed("a\r\n.b\r\n..\r\nc"),
            "a\r\n..b\r\n...\r\nc\r\n.\r\n"
        );
        assert_eq!(super::dot_stuffed(".x\r\n"), "..x\r\n\r\n.\r\n");
    }
}
