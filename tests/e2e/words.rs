//! The words an owner reads, in the real window, in both languages: each
//! family day gets its own letter with the right honorifics (님, 생신, 칠순,
//! a remembrance not a condolence), and an English shop sees no Korean on
//! 오늘, a customer, the letters, 데이터 and 보고서.
//!
//! With `DANGOL_WORDS_SHOTS=<folder>` each screen is also captured with
//! `/usr/bin/import -window root` into that folder, to be read by a person.

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use chrono::{Datelike, Local};
use dangol_core::letters::dates::occasions::{DateInput, OccasionKind, Relation};
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::{Country, CustomerInput, Language, PhoneInput, SaleInput, SetupInput};

use crate::app::{tid, App};
use crate::shop::{hits_containing, search, set_up_shop_with, shows_customer, shows_text};

/// The letters' menu, in order (ui/src/lib/letters/letters.ts).
const CHILD: usize = 1;
const SPOUSE: usize = 2;
const PARENT: usize = 3;
const FAMILY: usize = 4;
const MEMORIAL: usize = 7;
const CONDOLENCE: usize = 8;

fn shot(app: &App, name: &str) {
    let Some(dir) = std::env::var_os("DANGOL_WORDS_SHOTS") else {
        return;
    };
    // The X screen is painted well after the page changes on a busy machine.
    sleep(Duration::from_millis(3000));
    let _ = std::fs::create_dir_all(&dir);
    let path = Path::new(&dir).join(format!("{name}.png"));
    let status = Command::new("/usr/bin/import")
        .args(["-window", "root"])
        .arg(&path)
        .status();
    assert!(status.is_ok_and(|s| s.success()), "import {name}");
    let _ = app;
}

fn has_hangul(text: &str) -> bool {
    text.chars()
        .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3131}'..='\u{318E}').contains(&c))
}

struct Family<'a> {
    customer: &'a str,
    phone: &'a str,
    email: &'a str,
    /// (name, relation, kind, days from today, 만 age on the day)
    days: &'a [(&'a str, Relation, OccasionKind, i64, Option<i32>)],
}

/// A shop with a customer whose family has a day each this week, a sale
/// and a birthday coupon.
fn prepare(data: &Path, language: Language, country: Country, shop_name: &str, f: &Family<'_>) {
    let shop = set_up_shop_with(
        data,
        &SetupInput {
            shop_name: shop_name.into(),
            country,
            language,
            with_sample: language == Language::Ko,
        },
    );
    let input = CustomerInput {
        name: f.customer.into(),
        phones: vec![PhoneInput {
            label: Default::default(),
            number: f.phone.into(),
        }],
        email: f.email.into(),
        consent_email: true,
        ..Default::default()
    };
    let id = shop.create_customer(&input).expect("customer").id;
    let today = Local::now().date_naive();
    for &(name, relation, kind, days, age) in f.days {
        let member = shop.add_family_member(id, name, relation).expect("member");
        let on = today + chrono::Duration::days(days);
        let date = DateInput {
            member_id: Some(member.id),
            kind,
            label: String::new(),
            year: age.map(|a| on.year() - a),
            month: on.month(),
            day: on.day(),
            lunar: false,
            leap: false,
            age_counting: None,
        };
        shop.add_important_date(id, &date).expect("date");
    }
    let amount = if country == Country::KR {
        "38000"
    } else {
        "38.00"
    };
    let sale = SaleInput {
        amount: amount.into(),
        items: String::new(),
        ..Default::default()
    };
    shop.record_sale(id, &sale).expect("sale");
    let reward = Reward {
        kind: CouponKind::Percent,
        value: 10,
        item: String::new(),
        valid_days: 30,
    };
    shop.issue_coupon(id, &reward, CouponOrigin::Birthday)
        .expect("coupon");
}

/// The letter for `occasion`, previewed with the customer whose day it is.
fn letter_preview(app: &App, occasion: usize, who: &str, expect: &str, name: &str) -> String {
    app.select_index("letter-occasion", occasion);
    app.select_index("letter-audience", 0);
    shows_text(app, &tid("letter-recipient"), who);
    let body = shows_text(app, &tid("letter-preview-body"), expect);
    shot(app, name);
    body
}

fn open(app: &App, who: &str) {
    let input = search(app, who);
    hits_containing(app, &input, who, who);
    app.wd
        .send_keys(&input, crate::webdriver::keys::ENTER)
        .expect("Enter");
    shows_customer(app, who);
}

#[test]
fn korean_letters_speak_to_each_relation_with_honorifics() {
    let family = Family {
        customer: "이수아",
        phone: "010-5151-2323",
        email: "sua@example.com",
        days: &[
            (
                "김철수",
                Relation::Spouse,
                OccasionKind::Birthday,
                1,
                Some(41),
            ),
            (
                "이서준",
                Relation::Child,
                OccasionKind::Birthday,
                2,
                Some(7),
            ),
            (
                "박순자",
                Relation::Parent,
                OccasionKind::Birthday,
                3,
                Some(69),
            ),
            ("이민지", Relation::Sibling, OccasionKind::Birthday, 4, None),
            ("박영호", Relation::Parent, OccasionKind::Memorial, 5, None),
        ],
    };
    let app = App::launch_with("korean_letters_speak_to_each_relation", |data| {
        prepare(data, Language::Ko, Country::KR, "행복한 세탁소", &family)
    });
    app.wait_for(&tid("search-input"));
    app.click("dates-week");
    let row = shows_text(&app, &tid("upcoming-date"), "박순자 님");
    assert!(
        app.texts(&tid("upcoming-date"))
            .unwrap()
            .iter()
            .any(|r| r.contains("이수아 님의 부모 박순자 님") && r.contains("칠순 (만 69세)")),
        "{row}"
    );
    open(&app, "이수아");
    shot(&app, "ko-customer");

    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    letter_preview(
        &app,
        CHILD,
        "이수아",
        "이수아 님, 이서준 님의 생일을 진심으로 축하드립니다.",
        "ko-letter-child",
    );
    letter_preview(
        &app,
        SPOUSE,
        "이수아",
        "김철수 님의 생일을 진심으로 축하드립니다.",
        "ko-letter-spouse",
    );
    let parent = letter_preview(
        &app,
        PARENT,
        "이수아",
        "박순자 님의 칠순을 진심으로 축하드립니다.",
        "ko-letter-parent",
    );
    assert!(parent.contains("박순자 님께서 늘 건강하시고"), "{parent}");
    letter_preview(
        &app,
        FAMILY,
        "이수아",
        "이민지 님의 생일을 진심으로 축하드립니다.",
        "ko-letter-family",
    );
    let yearly = letter_preview(
        &app,
        MEMORIAL,
        "이수아",
        "그리운 분을 기리는 날",
        "ko-letter-memorial",
    );
    assert!(
        !yearly.contains("명복") && yearly.ends_with("올림"),
        "{yearly}"
    );
    app.select_index("letter-occasion", CONDOLENCE);
    let loss = shows_text(&app, &tid("letter-preview-body"), "유가족분들께");
    assert!(
        loss.contains("삼가 고인의 명복을 빕니다") && loss.ends_with("올림"),
        "{loss}"
    );
    assert!(!loss.contains("쿠폰"), "a coupon in a condolence: {loss}");
    shot(&app, "ko-letter-condolence");

    app.click("nav-data");
    app.wait_for(&tid("data-screen"));
    shot(&app, "ko-data");
    app.click("nav-reports");
    app.wait_for(&tid("reports-screen"));
    shows_text(&app, &tid("reports-screen"), "재구매율");
    shot(&app, "ko-reports");
    // 오늘 last: the first screen after start is painted late on a busy machine.
    app.click("nav-home");
    app.click("dates-week");
    shows_text(&app, &tid("upcoming-date"), "칠순 (만 69세)");
    shot(&app, "ko-today");
}

#[test]
fn an_english_shop_reads_english_everywhere() {
    let family = Family {
        customer: "Grace Lee",
        phone: "(213) 555-0142",
        email: "grace@example.com",
        days: &[
            (
                "Daniel Lee",
                Relation::Spouse,
                OccasionKind::Birthday,
                1,
                Some(44),
            ),
            (
                "Noah Lee",
                Relation::Child,
                OccasionKind::Birthday,
                2,
                Some(7),
            ),
            (
                "Sun-ja Park",
                Relation::Parent,
                OccasionKind::Birthday,
                3,
                Some(69),
            ),
            (
                "Amy Lee",
                Relation::Sibling,
                OccasionKind::Birthday,
                4,
                None,
            ),
            (
                "Young-ho Park",
                Relation::Parent,
                OccasionKind::Memorial,
                5,
                None,
            ),
        ],
    };
    let app = App::launch_with("an_english_shop_reads_english_everywhere", |data| {
        prepare(data, Language::En, Country::US, "Happy Cleaners", &family)
    });
    app.wait_for(&tid("search-input"));
    let no_korean = |where_: &str| {
        let text = app.texts("main").unwrap().join("\n");
        assert!(!has_hangul(&text), "Korean on {where_}: {text}");
    };
    app.click("dates-week");
    shows_text(&app, &tid("upcoming-date"), "70th birthday (chilsun)");
    no_korean("Today");
    open(&app, "Grace Lee");
    no_korean("the customer");
    shot(&app, "en-customer");

    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    letter_preview(
        &app,
        CHILD,
        "Grace Lee",
        "Happy birthday to Noah Lee! We wish them",
        "en-letter-child",
    );
    letter_preview(
        &app,
        SPOUSE,
        "Grace Lee",
        "to Daniel Lee on their birthday",
        "en-letter-spouse",
    );
    letter_preview(
        &app,
        PARENT,
        "Grace Lee",
        "Congratulations on Sun-ja Park's 70th birthday!",
        "en-letter-parent",
    );
    letter_preview(
        &app,
        FAMILY,
        "Grace Lee",
        "Happy birthday to Amy Lee!",
        "en-letter-family",
    );
    letter_preview(
        &app,
        MEMORIAL,
        "Grace Lee",
        "As a day of remembrance comes near",
        "en-letter-memorial",
    );
    app.select_index("letter-occasion", CONDOLENCE);
    shows_text(
        &app,
        &tid("letter-preview-body"),
        "To Grace Lee and your family,",
    );
    no_korean("the letters");
    shot(&app, "en-letter-condolence");

    app.click("nav-data");
    app.wait_for(&tid("data-screen"));
    no_korean("Data");
    shot(&app, "en-data");
    app.click("nav-reports");
    app.wait_for(&tid("reports-screen"));
    shows_text(&app, &tid("reports-screen"), "Repurchase rate");
    no_korean("Reports");
    shot(&app, "en-reports");
    app.click("nav-home");
    app.click("dates-week");
    shows_text(&app, &tid("upcoming-date"), "70th birthday (chilsun)");
    shot(&app, "en-today");
}
