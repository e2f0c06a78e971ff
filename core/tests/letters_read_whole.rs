//! Every built-in letter reads as a whole letter when everything that can
//! be missing is missing (no shop name yet, no coupon, no tier, no family
//! day found): no dangling particle, colon or comma, no double space, no
//! gift sentence without a gift. And a greeting that carries a coupon is
//! advertising in Korea (KISA's reading of 정보통신망법 제50조), so it goes
//! only to customers who agreed.

mod common;

use chrono::NaiveDate;
use common::{form, TestShop};
use dangol_core::letters::builtin::{self, Occasion, ALL};
use dangol_core::letters::store::Channel;
use dangol_core::letters::template::{render, LetterValues};
use dangol_core::letters::values::{values, Facts};
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::outbox::mail::smtp::MailErrorCode;
use dangol_core::{Country, Language, SetupInput};

/// What a letter says when only her name is known.
fn bare(o: Occasion, language: Language) -> LetterValues {
    let facts = Facts {
        language,
        country: Country::KR,
        shop_name: "",
        customer_name: if language == Language::Ko {
            "김민수"
        } else {
            "Jane Kim"
        },
        tier_name: None,
        coupons: &[],
        day: None,
        today: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
    };
    let mut v = values(&facts, Some(o));
    v.date = String::new();
    v
}

/// Particles that never stand alone, and words that cannot open a line
/// (what is left when the name before them is missing).
const PARTICLES: &[&str] = &[
    "을", "를", "은", "는", "의", "께서", "에게", "와", "과", "으로", "로",
];
const NOT_FIRST: &[&str] = &["님", "님의", "님께", "님과", "이", "가", "도", "께", "'s"];

/// What is wrong with a rendered letter, line by line.
fn flaws(text: &str) -> Vec<String> {
    let mut out = vec![];
    if text.trim().is_empty() {
        out.push("empty".into());
    }
    for line in text.lines() {
        let t = line.trim();
        if line != t {
            out.push(format!("spaces at the ends of {line:?}"));
        }
        if line.contains("  ") {
            out.push(format!("double space in {line:?}"));
        }
        if line.contains(['{', '}']) {
            out.push(format!("placeholder left in {line:?}"));
        }
        for bad in [
            " .", " ,", " !", " ?", " :", ",.", ":.", "..", "()", "''", "\"\"",
        ] {
            if line.contains(bad) {
                out.push(format!("{bad:?} in {line:?}"));
            }
        }
        if t.ends_with(':') || t.ends_with(" :") {
            out.push(format!("dangling colon in {line:?}"));
        }
        if t.starts_with(['.', ',', '!', '?', ':']) {
            out.push(format!("line opens with punctuation: {line:?}"));
        }
        for (i, word) in t.split_whitespace().enumerate() {
            let bare = word.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'');
            if PARTICLES.contains(&bare) || (i == 0 && NOT_FIRST.contains(&bare)) {
                out.push(format!("particle {bare:?} on its own in {line:?}"));
            }
        }
        for gift in ["준비했습니다", "gift for you"] {
            if t.contains(gift) && !t.contains("쿠폰") && !t.contains("coupon") {
                out.push(format!("a gift with nothing named: {line:?}"));
            }
        }
    }
    out
}

#[test]
fn every_built_in_letter_reads_whole_with_every_optional_placeholder_empty() {
    for o in ALL {
        for language in [Language::Ko, Language::En] {
            let (title, body) = builtin::text(o, language);
            let v = bare(o, language);
            let title = render(&title, &v, false).unwrap();
            let body = render(&body, &v, false).unwrap();
            let mut problems = flaws(&title);
            problems.extend(flaws(&body));
            assert!(
                problems.is_empty(),
                "{o:?} {language:?}:\n{title}\n{body}\n{problems:#?}"
            );
            let name = if language == Language::Ko {
                "김민수"
            } else {
                "Jane Kim"
            };
            assert!(
                body.contains(name),
                "{o:?} {language:?} lost its greeting: {body}"
            );
        }
    }
}

#[test]
fn the_flaw_finder_finds_flaws() {
    assert!(!flaws("작은 선물로 을 준비했습니다.").is_empty());
    assert!(!flaws("We have a small gift for you: .").is_empty());
    assert!(!flaws("김민수 님,  안녕하세요").is_empty());
    assert!(!flaws(" 드림").is_empty());
    assert!(flaws("김민수 님, 생일을 진심으로 축하드립니다.\n\n행복한 세탁소 드림").is_empty());
}

#[test]
fn a_gift_sentence_only_with_a_gift_in_both_languages() {
    let mut v = bare(Occasion::Birthday, Language::Ko);
    let (_, body) = builtin::text(Occasion::Birthday, Language::Ko);
    assert!(!render(&body, &v, false).unwrap().contains("선물"));
    v.coupon = "음료 1잔 쿠폰".into();
    assert!(render(&body, &v, false)
        .unwrap()
        .contains("작은 선물로 음료 1잔 쿠폰을 준비했습니다."));
    let mut v = bare(Occasion::Birthday, Language::En);
    let (_, body) = builtin::text(Occasion::Birthday, Language::En);
    assert!(!render(&body, &v, false).unwrap().contains("gift"));
    v.coupon = "a 10% off coupon".into();
    assert!(render(&body, &v, false)
        .unwrap()
        .contains("We have a small gift for you: a 10% off coupon."));
}

/// A customer with an email who has not agreed to advertising.
fn with_email(t: &TestShop, name: &str, email: &str) -> i64 {
    let n = t.shop.customer_count().unwrap();
    let f = form(name, &format!("+82 10-7700-{n:04}"), email);
    t.shop.create_customer(&f).unwrap().id
}

fn setup(t: &TestShop, country: Country) {
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country,
            language: Language::Ko,
            with_sample: false,
        })
        .unwrap();
}

#[test]
fn a_birthday_greeting_with_a_coupon_is_advertising_in_korea() {
    let coupon = Reward {
        kind: CouponKind::Percent,
        value: 10,
        item: String::new(),
        valid_days: 30,
    };
    for (country, ad) in [(Country::KR, true), (Country::US, false)] {
        let t = TestShop::new();
        setup(&t, country);
        let plain = with_email(&t, "김민수", "minsu@example.com");
        let gifted = with_email(&t, "이서연", "seoyeon@example.com");
        t.shop
            .issue_coupon(gifted, &coupon, CouponOrigin::Birthday)
            .unwrap();
        let made = t
            .shop
            .make_letters(Occasion::Birthday, &[plain, gifted], Channel::Email)
            .unwrap();
        let ids: Vec<i64> = made.made.iter().map(|l| l.id).collect();
        let report = t.shop.queue_letters(&ids).unwrap();
        // The plain greeting goes to her without consent; the one with a
        // coupon waits for consent in Korea.
        let refused: Vec<(&str, MailErrorCode)> = report
            .not_queued
            .iter()
            .map(|n| (n.customer_name.as_str(), n.reason))
            .collect();
        if ad {
            assert_eq!(refused, [("이서연", MailErrorCode::NoConsent)]);
        } else {
            assert!(refused.is_empty(), "{refused:?}");
        }
        let outbox = t.shop.outbox(10).unwrap();
        assert!(outbox.iter().all(|i| !i.advertising), "{country:?}");
    }
}
