//! A letter as an email: multipart text + HTML, the shop's name and address
//! as sender, Korean subjects and names encoded by lettre (RFC 2047), and
//! for advertising what the law asks: "(광고)" at the start of the subject
//! in Korea, the shop's name and contact, and a free way to opt out
//! (reply, and a List-Unsubscribe header); the postal address in the US.

use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::Message;

use super::settings::MailSettings;
use crate::store::settings::{Country, Language};
use crate::store::words::Book;

/// What Korean law wants at the very start of an advertising subject.
pub const AD_PREFIX: &str = "(광고)";

/// One email to write: the letter's text and who it is for.
#[derive(Debug, Clone)]
pub struct Draft {
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    pub advertising: bool,
    pub message_id: String,
}

/// The shop as the footer of an advertising mail names it.
#[derive(Debug, Clone)]
pub struct Sender<'a> {
    pub mail: &'a MailSettings,
    pub shop_name: &'a str,
    pub country: Country,
    pub language: Language,
}

#[derive(Debug, thiserror::Error)]
pub enum ComposeError {
    #[error("not an email address: {0}")]
    Address(String),
    #[error("{0}")]
    Build(#[from] lettre::error::Error),
}

pub(crate) static WORDS: Book = Book::new(
    "mail",
    include_str!("locale/ko.json"),
    include_str!("locale/en.json"),
);

/// A line from the mail locale files (history notes about mail).
pub fn text(lang: Language, key: &str) -> String {
    WORDS.say(lang, key)
}

/// A core text with its `{name}` parts filled in.
pub(crate) fn text_with(lang: Language, key: &str, fill: &[(&str, &str)]) -> String {
    WORDS.say_with(lang, key, fill)
}

/// The subject as it goes out: advertising in Korea starts with "(광고)".
pub(crate) fn subject(d: &Draft, s: &Sender<'_>) -> String {
    let title = one_line(&d.subject);
    let title = title.as_str();
    if d.advertising && s.country == Country::KR && !title.starts_with(AD_PREFIX) {
        format!("{AD_PREFIX} {title}")
    } else {
        title.to_string()
    }
}

/// The lines an advertising mail ends with (none for greetings).
pub(crate) fn footer(d: &Draft, s: &Sender<'_>) -> Vec<String> {
    if !d.advertising {
        return vec![];
    }
    let lang = s.language;
    let shop = if s.shop_name.trim().is_empty() {
        s.mail.from_name.as_str()
    } else {
        s.shop_name
    };
    let mut lines = vec![
        text_with(lang, "footer_rule", &[]),
        text_with(lang, "footer_why", &[("shop", shop)]),
        text_with(lang, "footer_sender", &[("shop", shop)]),
    ];
    let contact = [s.mail.shop_phone.as_str(), s.mail.from_address.as_str()]
        .into_iter()
        .filter(|x| !x.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    lines.push(text_with(lang, "footer_contact", &[("contact", &contact)]));
    if !s.mail.shop_address.trim().is_empty() {
        lines.push(text_with(
            lang,
            "footer_address",
            &[("address", &s.mail.shop_address)],
        ));
    }
    lines.push(text_with(lang, "footer_opt_out", &[]));
    lines
}

fn html(body: &str, footer: &[String]) -> String {
    let esc = |s: &str| minijinja::HtmlEscape(s).to_string();
    let mut out = String::from(
        "<!doctype html><html><body style=\"font-family:sans-serif;font-size:15px;line-height:1.7;color:#222\">",
    );
    for para in body.split("\n\n") {
        let lines: Vec<String> = para.lines().map(esc).collect();
        out.push_str(&format!("<p>{}</p>", lines.join("<br>")));
    }
    if !footer.is_empty() {
        let lines: Vec<String> = footer.iter().skip(1).map(|l| esc(l)).collect();
        out.push_str(&format!(
            "<hr style=\"border:0;border-top:1px solid #ddd;margin-top:32px\"><p style=\"font-size:12px;color:#777\">{}</p>",
            lines.join("<br>")
        ));
    }
    out.push_str("</body></html>");
    out
}

/// `List-Unsubscribe: <mailto:…?subject=…>`: mail programs show it as an
/// "unsubscribe" button that writes to the shop.
#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), self.0.clone())
    }
}

/// A header's text on one line: line breaks and other control characters
/// (a name pasted from somewhere, a sender name typed with Enter) become
/// spaces. lettre refuses them by panicking, and in a header they could
/// start a new header.
pub(crate) fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_control() || c == '\u{2028}' || c == '\u{2029}')
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

fn mailbox(name: &str, address: &str) -> Result<Mailbox, ComposeError> {
    let addr = address
        .trim()
        .parse()
        .map_err(|_| ComposeError::Address(address.to_string()))?;
    let name = one_line(name);
    Ok(Mailbox::new(
        (!name.is_empty()).then(|| name.to_string()),
        addr,
    ))
}

/// The message, ready for the wire.
pub(crate) fn message(d: &Draft, s: &Sender<'_>) -> Result<Message, ComposeError> {
    let footer = footer(d, s);
    let mut text = d.body.trim_end().to_string();
    if !footer.is_empty() {
        text.push_str("\n\n");
        text.push_str(&footer.join("\n"));
    }
    let html = html(d.body.trim_end(), &footer);
    let mut b = Message::builder()
        .from(mailbox(&s.mail.from_name, &s.mail.from_address)?)
        .to(mailbox(&d.to_name, &d.to_address)?)
        .subject(subject(d, s))
        .message_id(Some(d.message_id.clone()));
    if d.advertising {
        let unsubscribe = text_with(s.language, "unsubscribe_subject", &[]);
        let query: String = unsubscribe
            .bytes()
            .map(|b| match b {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                    (b as char).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect();
        b = b.header(ListUnsubscribe(format!(
            "<mailto:{}?subject={query}>",
            s.mail.from_address.trim()
        )));
    }
    Ok(b.multipart(MultiPart::alternative_plain_html(text, html))?)
}

/// A Message-ID that stays with the letter through retries.
pub(crate) fn new_message_id(from_address: &str) -> String {
    let domain = from_address
        .rsplit('@')
        .next()
        .filter(|d| !d.is_empty())
        .unwrap_or("dangol.local");
    format!(
        "<{}.{:016x}@{domain}>",
        chrono::Utc::now().timestamp_millis(),
        fastrand::u64(..)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outbox::mail::settings::Provider;

    #[test]
    fn us_advertising_carries_the_postal_address_and_an_opt_out() {
        let mut mail =
            MailSettings::for_provider(Provider::Gmail, "hello@kimsbakery.com", "Kim's Bakery");
        mail.shop_address = "3450 W 6th St, Los Angeles, CA 90020".into();
        mail.shop_phone = "(213) 555-0123".into();
        let us = Sender {
            mail: &mail,
            shop_name: "Kim's Bakery",
            country: Country::US,
            language: Language::En,
        };
        let d = Draft {
            to_address: "jane@example.com".into(),
            to_name: "Jane Park".into(),
            subject: "New pastries this week".into(),
            body: "Hi Jane".into(),
            advertising: true,
            message_id: "<2@x>".into(),
        };
        let lines = footer(&d, &us);
        assert!(
            lines.contains(&"Address: 3450 W 6th St, Los Angeles, CA 90020".to_string()),
            "{lines:?}"
        );
        assert!(
            lines.contains(&"Contact: (213) 555-0123 · hello@kimsbakery.com".to_string()),
            "{lines:?}"
        );
        assert!(lines.iter().any(|l| l.contains("unsubscribe")), "{lines:?}");
        let raw = String::from_utf8(message(&d, &us).unwrap().formatted()).unwrap();
        assert!(
            raw.contains("List-Unsubscribe: <mailto:hello@kimsbakery.com?subject=unsubscribe>"),
            "{raw}"
        );
    }

    #[test]
    fn advertising_is_marked_only_in_korea_and_only_once() {
        let mail = MailSettings::for_provider(Provider::Naver, "shop@naver.com", "행복한 세탁소");
        let kr = Sender {
            mail: &mail,
            shop_name: "행복한 세탁소",
            country: Country::KR,
            language: Language::Ko,
        };
        let us = Sender {
            country: Country::US,
            ..kr.clone()
        };
        let mut d = Draft {
            to_address: "a@example.com".into(),
            to_name: "김민수".into(),
            subject: "새 상품 안내".into(),
            body: "안녕하세요".into(),
            advertising: true,
            message_id: "<1@x>".into(),
        };
        assert_eq!(subject(&d, &kr), "(광고) 새 상품 안내");
        assert_eq!(subject(&d, &us), "새 상품 안내");
        d.subject = "(광고) 새 상품".into();
        assert_eq!(subject(&d, &kr), "(광고) 새 상품");
        d.advertising = false;
        d.subject = "생일 축하드립니다".into();
        assert_eq!(subject(&d, &kr), "생일 축하드립니다");
        assert!(footer(&d, &kr).is_empty());
    }
}
