//! A stand-in of Solapi's REST API on 127.0.0.1, as its documentation
//! describes it (see `dangol_core::outbox::texts::solapi` for the pages): it
//! checks every request's `Authorization` header exactly — the key, the
//! date within 15 minutes, a salt of 12–64 bytes, the hex HMAC-SHA256 of
//! date + salt under the secret, and no signature used twice — answers
//! `POST /messages/v4/send` and `GET /messages/v4/list`, and replies with
//! the documented errors (401 InvalidApiKey / SignatureDoesNotMatch, 402
//! NotEnoughBalance, 400 InvalidStatusCode for an unregistered sender or
//! an invalid number, 429 TooManyRequests).
//!
//! 알림톡 (`type` ATA) is taken only as Solapi documents it: `kakaoOptions`
//! with the channel's `pfId`, an approved `templateId` (registered here with
//! `approve`), and `variables` mapping every `#{변수}` of that template —
//! written with its `#{}` — to a string; no `text` beside them. The stored
//! text is the template filled in, as the customer's phone shows it.
//!
//! Faults, chosen by the recipient's number: `CUT` stores the message and
//! closes the connection without a reply; `SLOW` stores it and answers
//! after the client gave up; `INVALID` is refused; `UNDELIVERED` is taken
//! but its report says the carrier failed. `list_down` cuts lookups too.
//!
//! A plain `TcpListener`, not tiny_http: a fault must close the socket
//! right after the request, and tiny_http owns its connections (a dropped
//! request gets a 500, not a cut).

use std::collections::HashSet;
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::solapi_http::{error, read_request, reply, Request};

pub const KEY: &str = "NCSTANDINKEY0001";
pub const SECRET: &str = "stand-in-secret-0123456789";
pub const SENDER: &str = "0212345678";
pub const CUT: &str = "01000008888";
pub const SLOW: &str = "01000007777";
pub const INVALID: &str = "01000009999";
pub const UNDELIVERED: &str = "01000006666";
/// The KakaoTalk channel linked to the stand-in's account.
pub const PF_ID: &str = "KA01PF2611300000STANDIN";

#[derive(Debug, Clone)]
pub struct Stored {
    pub id: String,
    pub to: String,
    pub from: String,
    pub text: String,
    pub kind: String,
    pub subject: Option<String>,
    pub reference: String,
    pub created: DateTime<Utc>,
    /// ATA only: the request's `kakaoOptions`, as sent.
    pub kakao: Option<Value>,
}

#[derive(Default)]
pub struct State {
    pub messages: Vec<Stored>,
    pub signatures: HashSet<String>,
    /// Won left; each SMS costs 20, LMS 50.
    pub balance: i64,
    pub senders: Vec<String>,
    /// The next n sends are answered 429.
    pub rate_limit_next: u32,
    pub list_down: bool,
    /// Requests refused for their signature (should stay 0).
    pub bad_signatures: u32,
    pub requests: u32,
    /// Approved 알림톡 templates: template id → text.
    pub templates: std::collections::HashMap<String, String>,
}

pub struct StandIn {
    pub base: String,
    pub state: Arc<Mutex<State>>,
}

impl StandIn {
    pub fn start() -> StandIn {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(Mutex::new(State {
            balance: 1_000_000_000,
            senders: vec![SENDER.into()],
            ..Default::default()
        }));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || serve(stream, &state));
            }
        });
        StandIn { base, state }
    }

    pub fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap()
    }

    /// Kakao approved this 알림톡 template for the stand-in's channel.
    pub fn approve(&self, template_id: &str, text: &str) {
        self.state()
            .templates
            .insert(template_id.into(), text.into());
    }

    /// Messages received for this number.
    pub fn to(&self, number: &str) -> Vec<Stored> {
        self.state()
            .messages
            .iter()
            .filter(|m| m.to == number)
            .cloned()
            .collect()
    }
}

/// Checks the `Authorization` header as Solapi documents it.
fn check_auth(header: &str, state: &mut State) -> Result<(), (u16, Value)> {
    let rest = header
        .strip_prefix("HMAC-SHA256 ")
        .ok_or((401, error("InvalidAuthType", "HMAC-SHA256 only")))?;
    let mut fields = std::collections::HashMap::new();
    for part in rest.split(", ") {
        let (k, v) = part
            .split_once('=')
            .ok_or((401, error("InvalidAuth", part)))?;
        fields.insert(k, v);
    }
    let get = |k: &str| fields.get(k).copied().unwrap_or("");
    if get("apiKey") != KEY {
        return Err((401, error("InvalidApiKey", "유효하지 않은 API Key 입니다.")));
    }
    let date = DateTime::parse_from_rfc3339(get("date"))
        .map_err(|_| (400, error("ValidationError", "date")))?;
    if (Utc::now() - date.with_timezone(&Utc)).num_minutes().abs() > 15 {
        return Err((403, error("RequestTimeTooSkewed", "±15분")));
    }
    let salt = get("salt");
    if !(12..=64).contains(&salt.len()) {
        return Err((400, error("ValidationError", "salt")));
    }
    let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, SECRET.as_bytes());
    let expected = hex::encode(ring::hmac::sign(
        &key,
        format!("{}{salt}", get("date")).as_bytes(),
    ));
    if get("signature") != expected {
        state.bad_signatures += 1;
        return Err((401, error("SignatureDoesNotMatch", "signature")));
    }
    if !state.signatures.insert(expected) {
        return Err((
            400,
            error("DuplicatedSignature", "15분 내 동일한 Signature"),
        ));
    }
    Ok(())
}

fn serve(stream: TcpStream, state: &Mutex<State>) {
    let Some(req) = read_request(&stream) else {
        return;
    };
    let mut st = state.lock().unwrap();
    st.requests += 1;
    if let Err((code, body)) = check_auth(&req.authorization, &mut st) {
        drop(st);
        return reply(stream, code, body);
    }
    match (req.method.as_str(), req.path.as_str()) {
        ("POST", "/messages/v4/send") => send(stream, &req, st),
        ("GET", "/messages/v4/list") => {
            if st.list_down {
                let _ = stream.shutdown(Shutdown::Both);
                return;
            }
            let body = list(&req, &st);
            drop(st);
            reply(stream, 200, body)
        }
        _ => {
            drop(st);
            reply(stream, 404, error("NotFound", &req.path))
        }
    }
}

fn send(stream: TcpStream, req: &Request, mut st: std::sync::MutexGuard<'_, State>) {
    let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
    let m = &body["message"];
    let text = |k: &str| m[k].as_str().unwrap_or("").to_string();
    let (to, from, kind) = (text("to"), text("from"), text("type"));
    let n = st.messages.len() + 1;
    let id = format!("M4V{n:020}");
    if st.rate_limit_next > 0 {
        st.rate_limit_next -= 1;
        drop(st);
        return reply(
            stream,
            429,
            error("TooManyRequests", "잠시 후 다시 시도해 주세요."),
        );
    }
    if !st.senders.contains(&from) {
        drop(st);
        return reply(
            stream,
            400,
            error("InvalidStatusCode", &format!("{id} 의 statusCode(1062)")),
        );
    }
    if to == INVALID {
        drop(st);
        return reply(
            stream,
            400,
            error("InvalidStatusCode", &format!("{id} 의 statusCode(1022)")),
        );
    }
    let kakao = (kind == "ATA").then(|| m["kakaoOptions"].clone());
    let mut text = text("text");
    if let Some(k) = &kakao {
        match alimtalk(k, m, &st.templates) {
            Ok(filled) => text = filled,
            Err(why) => {
                drop(st);
                return reply(stream, 400, error("ValidationError", &why));
            }
        }
    }
    let price = match kind.as_str() {
        "SMS" => 20,
        "ATA" => 13,
        _ => 50,
    };
    if st.balance < price {
        drop(st);
        return reply(
            stream,
            402,
            error("NotEnoughBalance", "보유 잔액이 부족합니다."),
        );
    }
    st.balance -= price;
    st.messages.push(Stored {
        id: id.clone(),
        to: to.clone(),
        from: from.clone(),
        text,
        kind: kind.clone(),
        subject: m["subject"].as_str().map(str::to_string),
        reference: m["customFields"]["dangolRef"]
            .as_str()
            .unwrap_or("")
            .to_string(),
        created: Utc::now(),
        kakao,
    });
    drop(st);
    match to.as_str() {
        CUT => {
            let _ = stream.shutdown(Shutdown::Both);
        }
        SLOW => {
            std::thread::sleep(Duration::from_secs(3));
            let _ = stream.shutdown(Shutdown::Both);
        }
        _ => reply(
            stream,
            200,
            json!({
                "groupId": format!("G4V{n:020}"), "messageId": id, "accountId": "12925149",
                "statusCode": "2000", "statusMessage": "정상 접수(이통사로 접수 예정) ",
                "to": to, "from": from, "type": kind, "country": "82",
            }),
        ),
    }
}

/// An ATA message checked as Solapi documents it; the text it shows.
fn alimtalk(
    k: &Value,
    m: &Value,
    templates: &std::collections::HashMap<String, String>,
) -> Result<String, String> {
    if k["pfId"].as_str() != Some(PF_ID) {
        return Err(format!("pfId {} 는 연동되지 않은 채널입니다.", k["pfId"]));
    }
    let id = k["templateId"].as_str().unwrap_or("");
    let template = templates
        .get(id)
        .ok_or(format!("templateId {id} 는 승인된 템플릿이 아닙니다."))?;
    if !m["text"].is_null() {
        return Err("variables 와 text 를 함께 보낼 수 없습니다.".into());
    }
    let vars = k["variables"]
        .as_object()
        .ok_or("variables 가 없습니다.".to_string())?;
    let mut text = template.clone();
    for (key, value) in vars {
        let value = value
            .as_str()
            .ok_or(format!("{key} 의 값은 문자열이어야 합니다."))?;
        if !(key.starts_with("#{") && key.ends_with('}')) {
            return Err(format!("{key} 는 #{{변수명}} 형식이 아닙니다."));
        }
        text = text.replace(key.as_str(), value);
    }
    if text.contains("#{") {
        return Err(format!("치환되지 않은 변수가 있습니다: {text}"));
    }
    Ok(text)
}

fn list(req: &Request, st: &State) -> Value {
    let q = |k: &str| {
        req.query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let criteria: Vec<String> = q("criteria").split(',').map(str::to_string).collect();
    let conds: Vec<String> = q("cond").split(',').map(str::to_string).collect();
    let values: Vec<String> = q("value").split(',').map(str::to_string).collect();
    let matches = |m: &Stored| {
        criteria
            .iter()
            .zip(&conds)
            .zip(&values)
            .all(|((c, cond), v)| match (c.as_str(), cond.as_str()) {
                ("messageId", "eq") => &m.id == v,
                ("to", "eq") => &m.to == v,
                ("dateCreated", "gte") => DateTime::parse_from_rfc3339(v)
                    .is_ok_and(|d| m.created >= d.with_timezone(&Utc)),
                _ => false,
            })
    };
    let mut list = serde_json::Map::new();
    for m in st.messages.iter().filter(|m| matches(m)) {
        let (code, reason) = if m.to == UNDELIVERED {
            ("3018", "전송 실패(단말기 전원 꺼짐)")
        } else {
            ("4000", "")
        };
        list.insert(
            m.id.clone(),
            json!({
                "_id": m.id, "messageId": m.id, "to": m.to, "from": m.from, "type": m.kind,
                "text": m.text, "statusCode": code, "reason": reason,
                "customFields": { "dangolRef": m.reference },
                "dateCreated": m.created.to_rfc3339(),
            }),
        );
    }
    json!({ "startKey": null, "limit": 100, "messageList": list })
}
