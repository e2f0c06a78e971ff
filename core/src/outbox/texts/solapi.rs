//! Solapi (솔라피), a Korean messaging provider with a public REST API, as
//! its documentation describes it:
//!
//! - **Signing** ("API Key 인증 방식", docs.solapi.com/authentication/api-key,
//!   developers.solapi.dev/references/authentication/api-key): every request
//!   carries `Authorization: HMAC-SHA256 apiKey=<key>, date=<ISO 8601>,
//!   salt=<12–64 random bytes>, signature=<hex HMAC-SHA256 of date + salt
//!   keyed with the API secret>`. The server refuses a date more than 15
//!   minutes off and a signature used twice in 15 minutes, so every request
//!   (every retry too) is signed afresh with a new salt.
//! - **Sending** ("단일 메시지", solapi/documents
//!   api-reference/messages/sendSimpleMessage.md): `POST /messages/v4/send`
//!   with `{"message": {to, from, text, type, subject, kakaoOptions,
//!   customFields}}`; `type` is SMS, LMS or ATA (알림톡). An 알림톡 carries
//!   `kakaoOptions: {pfId, templateId, variables, disableSms}` and no text:
//!   `variables` maps each `#{변수}` of the approved template, written
//!   with its `#{}`, to a string (Solapi's SDKs' `KakaoOption`; its
//!   support's advice is "pfId, templateId, variables" rather than a text
//!   that must match the template to the letter). The reply has `messageId`, `groupId` and
//!   `statusCode`: "2000" is 정상 접수; "HTTP 200 with a statusCode other
//!   than 2000 is a problem". Errors are `{errorCode, errorMessage}`: 400
//!   `ValidationError` or `InvalidStatusCode` ("{messageId} 의
//!   statusCode({statusCode})"), 402 `NotEnoughBalance`. A refused key or
//!   signature comes back as 401/403; a rate limit as 429.
//! - **Our reference**: `customFields` ("확장 필드", keys up to 30 and values
//!   up to 100 characters) carries `dangolRef`, unique per letter and kept
//!   across tries.
//! - **Finding and reports** ("메시지 조회", api-reference/messages/
//!   getMessageList.md): `GET /messages/v4/list?criteria=…&cond=…&value=…`
//!   (criteria `messageId`, `to`, `dateCreated`…; cond `eq`, `gte`…) answers
//!   `{"messageList": {id: {messageId, statusCode, customFields, …}}}`.
//!   After an unknown outcome we list her number's messages since the first
//!   try and look for our reference. Status codes we act on: 2000/3000
//!   accepted and with the carrier (pending), 4000 received (delivered);
//!   1062 and 3059 (발신번호 미등록 / 변작) stop the batch; 1022 (수신번호
//!   형식 오류) fails that letter. Any other code fails the letter with
//!   Solapi's own `statusMessage`, shown under 자세히.

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use ring::rand::SecureRandom;
use serde_json::{json, Value};

use super::length::TextKind;
use super::provider::{
    Delivery, Lookup, OutgoingText, SendOutcome, TextError, TextErrorCode, TextProvider,
};

/// Solapi's API.
pub const DEFAULT_BASE: &str = "https://api.solapi.com";

const SENDER_CODES: &[&str] = &["1062", "3059"];
const NUMBER_CODES: &[&str] = &["1022"];

pub struct Solapi {
    base: String,
    key: String,
    secret: String,
    agent: ureq::Agent,
}

impl Solapi {
    /// `timeout` bounds each request from connecting to the last byte.
    pub fn new(base: &str, key: &str, secret: &str, timeout: Duration) -> Self {
        let config = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .timeout_global(Some(timeout))
            .build();
        Solapi {
            base: base.trim_end_matches('/').to_string(),
            key: key.trim().to_string(),
            secret: secret.trim().to_string(),
            agent: config.into(),
        }
    }

    /// The `Authorization` header for one request, signed now.
    pub fn authorization(&self) -> String {
        let date = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let mut salt = [0u8; 16];
        // The OS's random source; if it ever fails, the time's nanoseconds
        // still make the salt unique for the 15 minutes that matter.
        if ring::rand::SystemRandom::new().fill(&mut salt).is_err() {
            salt[..8].copy_from_slice(&Utc::now().timestamp_nanos_opt().unwrap_or(0).to_le_bytes());
        }
        let salt = hex::encode(salt);
        authorization(&self.key, &self.secret, &date, &salt)
    }

    fn list(&self, query: &[(&str, &str)]) -> Result<Value, TextError> {
        let mut req = self
            .agent
            .get(format!("{}/messages/v4/list", self.base))
            .header("Authorization", &self.authorization());
        for (k, v) in query {
            req = req.query(*k, *v);
        }
        match req.call() {
            Ok(mut resp) => {
                let status = resp.status().as_u16();
                let body: Value = resp.body_mut().read_json().unwrap_or(Value::Null);
                if status >= 300 {
                    let (code, detail) = classify(status, &body);
                    return Err(TextError::new(code, detail));
                }
                Ok(body)
            }
            Err(e) => Err(TextError::new(TextErrorCode::Unreachable, e.to_string())),
        }
    }
}

/// `HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…` as Solapi documents.
pub(crate) fn authorization(key: &str, secret: &str, date: &str, salt: &str) -> String {
    format!(
        "HMAC-SHA256 apiKey={key}, date={date}, salt={salt}, signature={}",
        signature(secret, date, salt)
    )
}

/// Hex HMAC-SHA256 of `date + salt`, keyed with the API secret.
pub(crate) fn signature(secret: &str, date: &str, salt: &str) -> String {
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret.as_bytes());
    hex::encode(ring::hmac::sign(&key, format!("{date}{salt}").as_bytes()).as_ref())
}

fn status_code_in(body: &Value) -> Option<String> {
    if let Some(s) = body.get("statusCode").and_then(Value::as_str) {
        return Some(s.to_string());
    }
    // InvalidStatusCode: "{messageId} 의 statusCode({statusCode})"
    let msg = body.get("errorMessage").and_then(Value::as_str)?;
    let start = msg.find("statusCode(")? + "statusCode(".len();
    let end = msg[start..].find(')')? + start;
    Some(msg[start..end].to_string())
}

/// A refusal in the owner's terms, with Solapi's words for 자세히.
fn classify(status: u16, body: &Value) -> (TextErrorCode, String) {
    let error_code = body.get("errorCode").and_then(Value::as_str).unwrap_or("");
    let words = body
        .get("errorMessage")
        .or_else(|| body.get("statusMessage"))
        .and_then(Value::as_str)
        .unwrap_or("");
    let detail = format!("{status} {error_code} {words}").trim().to_string();
    let status_code = status_code_in(body);
    let code = match (status, error_code, status_code.as_deref()) {
        (402, _, _) | (_, "NotEnoughBalance", _) => TextErrorCode::NoBalance,
        (429, _, _) | (_, "TooManyRequests", _) => TextErrorCode::RateLimited,
        (401 | 403, _, _)
        | (_, "InvalidApiKey" | "SignatureDoesNotMatch" | "RequestTimeTooSkewed", _) => {
            TextErrorCode::AuthFailed
        }
        (_, _, Some(c)) if SENDER_CODES.contains(&c) => TextErrorCode::SenderNotRegistered,
        (_, _, Some(c)) if NUMBER_CODES.contains(&c) => TextErrorCode::InvalidNumber,
        _ => TextErrorCode::Rejected,
    };
    (code, detail)
}

fn retry_after(resp: &ureq::http::Response<ureq::Body>) -> Duration {
    resp.headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map(Duration::from_secs)
        .unwrap_or(Duration::from_secs(2))
}

fn message_body(t: &OutgoingText) -> Value {
    let kind = match t.kind {
        TextKind::Sms => "SMS",
        TextKind::Lms => "LMS",
        TextKind::Alimtalk => "ATA",
    };
    let mut m = json!({
        "to": t.to,
        "from": t.from,
        "type": kind,
        "customFields": { "dangolRef": t.reference },
    });
    if t.kind == TextKind::Lms {
        m["subject"] = json!(t.subject);
    }
    match &t.alimtalk {
        // The template and its values, no text: Solapi builds the text
        // from the approved template. disableSms: no text goes instead
        // when the 알림톡 cannot; that would be a second message the
        // owner did not choose (and one the law may see as an ad).
        Some(a) => {
            m["kakaoOptions"] = json!({
                "pfId": a.pf_id,
                "templateId": a.template_id,
                "variables": a.variables,
                "disableSms": true,
            });
        }
        None => m["text"] = json!(t.text),
    }
    json!({ "message": m })
}

impl TextProvider for Solapi {
    fn send(&self, t: &OutgoingText) -> SendOutcome {
        let result = self
            .agent
            .post(format!("{}/messages/v4/send", self.base))
            .header("Authorization", &self.authorization())
            .send_json(message_body(t));
        let mut resp = match result {
            Ok(resp) => resp,
            Err(e) => return failed_exchange(e),
        };
        let status = resp.status().as_u16();
        let wait = retry_after(&resp);
        let body: Value = match resp.body_mut().read_json() {
            Ok(b) => b,
            // The reply was cut short: it may have been taken.
            Err(e) if status < 300 => {
                return SendOutcome::Unknown(TextError::new(TextErrorCode::Dropped, e.to_string()))
            }
            Err(_) => Value::Null,
        };
        if status >= 500 {
            let (_, detail) = classify(status, &body);
            return SendOutcome::Unknown(TextError::new(TextErrorCode::Rejected, detail));
        }
        let accepted = status < 300 && status_code_in(&body).as_deref() == Some("2000");
        if accepted {
            if let Some(id) = body.get("messageId").and_then(Value::as_str) {
                return SendOutcome::Accepted {
                    message_id: id.to_string(),
                };
            }
        }
        let (code, detail) = classify(status, &body);
        SendOutcome::Refused {
            error: TextError::new(code, detail),
            retry_after: (code == TextErrorCode::RateLimited).then_some(wait),
        }
    }

    fn find(&self, reference: &str, to: &str, since: DateTime<Utc>) -> Lookup {
        let since = since.to_rfc3339_opts(SecondsFormat::Secs, true);
        let value = format!("{to},{since}");
        let body = match self.list(&[
            ("criteria", "to,dateCreated"),
            ("cond", "eq,gte"),
            ("value", &value),
            ("limit", "100"),
        ]) {
            Ok(b) => b,
            Err(e) => return Lookup::Failed(e),
        };
        let found = body
            .get("messageList")
            .and_then(Value::as_object)
            .into_iter()
            .flat_map(|m| m.values())
            .find(|m| m["customFields"]["dangolRef"].as_str() == Some(reference));
        match found.and_then(|m| m["messageId"].as_str()) {
            Some(id) => Lookup::Found {
                message_id: id.to_string(),
            },
            None => Lookup::NotFound,
        }
    }

    fn report(&self, message_id: &str) -> Result<(Delivery, String), TextError> {
        let body = self.list(&[
            ("criteria", "messageId"),
            ("cond", "eq"),
            ("value", message_id),
        ])?;
        let m = &body["messageList"][message_id];
        let code = m["statusCode"].as_str().unwrap_or("");
        let words = m["reason"]
            .as_str()
            .or(m["statusMessage"].as_str())
            .unwrap_or("")
            .to_string();
        Ok(match code {
            "4000" => (Delivery::Delivered, String::new()),
            "" | "2000" | "3000" => (Delivery::Pending, String::new()),
            other => (
                Delivery::Failed,
                format!("{other} {words}").trim().to_string(),
            ),
        })
    }
}

/// No reply: before the request went (nothing sent) or after (unknown).
fn failed_exchange(e: ureq::Error) -> SendOutcome {
    use ureq::Timeout as T;
    let not_sent = |detail: String| SendOutcome::Refused {
        error: TextError::new(TextErrorCode::Unreachable, detail),
        retry_after: Some(Duration::from_secs(30)),
    };
    match e {
        ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => not_sent(e.to_string()),
        ureq::Error::Timeout(T::Resolve | T::Connect) => not_sent(e.to_string()),
        ureq::Error::Io(ref io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            not_sent(e.to_string())
        }
        ureq::Error::Timeout(_) => {
            SendOutcome::Unknown(TextError::new(TextErrorCode::Timeout, e.to_string()))
        }
        other => SendOutcome::Unknown(TextError::new(TextErrorCode::Dropped, other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    /// The example in Solapi's documentation, recomputed: the signature is
    /// the hex HMAC-SHA256 of date + salt under the secret.
    #[test]
    fn signature_is_hex_hmac_sha256_of_date_and_salt() {
        let s = super::signature("secret", "2019-07-01T00:41:48Z", "jqsba2jxjnrjor");
        assert_eq!(s.len(), 64);
        assert!(s
            .chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        let h = super::authorization(
            "NCSAYU7YDBXYORXC",
            "secret",
            "2019-07-01T00:41:48Z",
            "jqsba2jxjnrjor",
        );
        assert_eq!(
            h,
            format!("HMAC-SHA256 apiKey=NCSAYU7YDBXYORXC, date=2019-07-01T00:41:48Z, salt=jqsba2jxjnrjor, signature={s}")
        );
    }
}
