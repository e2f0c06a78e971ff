//! A small W3C WebDriver client over `ureq`, just the commands these tests
//! use. Why not thirtyfour or fantoccini: they pull in tokio/reqwest features
//! that the Tauri crates share, so adding them rebuilds all of Tauri for the
//! test profile. The protocol itself is a handful of JSON requests.

use std::fmt;
use std::time::Duration;

use serde_json::{json, Value};

/// The key W3C uses to mark an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Keys as the WebDriver spec encodes them (Unicode private-use points).
pub mod keys {
    pub const BACKSPACE: &str = "\u{E003}";
    pub const ENTER: &str = "\u{E007}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const CONTROL: &str = "\u{E009}";
}

/// An error the remote end reported (`status` 0 when the request itself failed).
#[derive(Debug, Clone)]
pub struct WdError {
    pub status: u16,
    pub error: String,
    pub message: String,
}

impl fmt::Display for WdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "webdriver {} {}: {}",
            self.status, self.error, self.message
        )
    }
}

impl std::error::Error for WdError {}

pub type WdResult<T> = Result<T, WdError>;

/// A reference to an element in the current page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(pub String);

impl Element {
    /// The element as a script argument for [`Session::execute`].
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }
}

/// One WebDriver session.
pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        // WebDriver reports errors as JSON bodies with 4xx/5xx: keep them.
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

fn request(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> WdResult<Value> {
    let transport = |e: ureq::Error| WdError {
        status: 0,
        error: "transport".into(),
        message: format!("{method} {url}: {e}"),
    };
    let mut response = match method {
        "GET" => agent.get(url).call(),
        "DELETE" => agent.delete(url).call(),
        _ => agent.post(url).send_json(body.unwrap_or_else(|| json!({}))),
    }
    .map_err(transport)?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_string()
        .map_err(transport)?;
    let parsed: Value = serde_json::from_str(&text).unwrap_or(Value::String(text));
    let value = parsed.get("value").cloned().unwrap_or(Value::Null);
    if (200..300).contains(&status) {
        return Ok(value);
    }
    let field = |k: &str| {
        value
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    Err(WdError {
        status,
        error: field("error"),
        message: field("message"),
    })
}

/// Whether a WebDriver server answers `/status` at `base`.
pub fn is_ready(base: &str) -> bool {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(2)))
        .build()
        .into();
    request(&agent, "GET", &format!("{base}/status"), None).is_ok()
}

impl Session {
    /// Opens a session with the given `capabilities` object.
    pub fn start(base: &str, capabilities: Value) -> WdResult<Session> {
        let agent = agent();
        let body = json!({ "capabilities": capabilities });
        let value = request(&agent, "POST", &format!("{base}/session"), Some(body))?;
        let id = value["sessionId"].as_str().unwrap_or_default().to_string();
        Ok(Session {
            agent,
            base: base.to_string(),
            id,
        })
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> WdResult<Value> {
        let url = format!("{}/session/{}{}", self.base, self.id, path);
        request(&self.agent, method, &url, body)
    }

    fn element_of(value: &Value) -> Element {
        Element(value[ELEMENT_KEY].as_str().unwrap_or_default().to_string())
    }

    /// All elements matching a CSS selector, in document order.
    pub fn find_all(&self, css: &str) -> WdResult<Vec<Element>> {
        let body = json!({ "using": "css selector", "value": css });
        let found = self.cmd("POST", "/elements", Some(body))?;
        Ok(found
            .as_array()
            .map(|a| a.iter().map(Self::element_of).collect())
            .unwrap_or_default())
    }

    pub fn click(&self, el: &Element) -> WdResult<()> {
        self.cmd("POST", &format!("/element/{}/click", el.0), None)
            .map(drop)
    }

    /// Types `text` into the element (keys from [`keys`] may be mixed in).
    pub fn send_keys(&self, el: &Element, text: &str) -> WdResult<()> {
        let body = json!({ "text": text });
        self.cmd("POST", &format!("/element/{}/value", el.0), Some(body))
            .map(drop)
    }

    /// A DOM property, such as `value` or `checked`.
    pub fn property(&self, el: &Element, name: &str) -> WdResult<Value> {
        self.cmd("GET", &format!("/element/{}/property/{name}", el.0), None)
    }

    /// An HTML attribute, such as `data-testid` (`None` when absent).
    pub fn attribute(&self, el: &Element, name: &str) -> WdResult<Option<String>> {
        let v = self.cmd("GET", &format!("/element/{}/attribute/{name}", el.0), None)?;
        Ok(v.as_str().map(str::to_string))
    }

    /// The `value` of an input as a string.
    pub fn value(&self, el: &Element) -> WdResult<String> {
        Ok(self
            .property(el, "value")?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    pub fn is_displayed(&self, el: &Element) -> WdResult<bool> {
        let v = self.cmd("GET", &format!("/element/{}/displayed", el.0), None)?;
        Ok(v.as_bool().unwrap_or(false))
    }

    /// The element that has focus.
    pub fn active_element(&self) -> WdResult<Element> {
        self.cmd("GET", "/element/active", None)
            .map(|v| Self::element_of(&v))
    }

    /// Runs `script` (a function body) in the page with `arguments` = `args`.
    pub fn execute(&self, script: &str, args: &[Value]) -> WdResult<Value> {
        let body = json!({ "script": script, "args": args });
        self.cmd("POST", "/execute/sync", Some(body))
    }

    /// The address the window shows (`tauri://localhost` when ui/dist is embedded).
    pub fn url(&self) -> WdResult<String> {
        Ok(self
            .cmd("GET", "/url", None)?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    pub fn page_source(&self) -> WdResult<String> {
        Ok(self
            .cmd("GET", "/source", None)?
            .as_str()
            .unwrap_or_default()
            .to_string())
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> WdResult<Vec<u8>> {
        let v = self.cmd("GET", "/screenshot", None)?;
        Ok(decode_base64(v.as_str().unwrap_or_default()))
    }

    /// Ends the session (closes the app's window, so the app exits).
    pub fn delete(&self) -> WdResult<()> {
        request(
            &self.agent,
            "DELETE",
            &format!("{}/session/{}", self.base, self.id),
            None,
        )
        .map(drop)
    }
}

/// Standard base64 (what WebDriver uses for screenshots); skips anything else.
fn decode_base64(text: &str) -> Vec<u8> {
    let sextet = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let (mut out, mut acc, mut bits) = (Vec::with_capacity(text.len() * 3 / 4), 0u32, 0u32);
    for v in text.bytes().filter_map(sextet) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[test]
fn base64_decodes_padding_and_plain() {
    assert_eq!(decode_base64("aGVsbG8="), b"hello");
    assert_eq!(decode_base64("aGk="), b"hi");
    assert_eq!(decode_base64("YWJj"), b"abc");
}
