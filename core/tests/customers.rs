//! Customer records on a real SQLite file: create, read back after reopening,
//! update, delete for good, validation messages per field.

mod common;

use common::{form, TestShop};
use dangol_core::{
    Country, CustomerListQuery, Error, FieldErrorCode, Language, SetupInput, Source,
};

#[test]
fn a_customer_survives_closing_the_app() {
    let t = TestShop::new();
    let mut input = form("김민수", "010-2345-6789", "minsu@example.com");
    input.birthday = "1985.3.2".into();
    input.birthday_lunar = true;
    input.address1 = "서울특별시 마포구 월드컵로 10".into();
    input.source = Source::Referral;
    input.source_note = "이서연 님 소개".into();
    input.consent_sms = true;
    let created = t.shop.create_customer(&input).unwrap();
    assert_eq!(created.card_no, 1);

    let t = t.reopen();
    let c = t.shop.get_customer(created.id).unwrap();
    assert_eq!(c.name, "김민수");
    assert_eq!(c.phones[0].display, "010-2345-6789");
    assert_eq!(c.phones[0].e164, "+821023456789");
    assert_eq!(c.email.as_deref(), Some("minsu@example.com"));
    let b = c.birthday.expect("birthday kept");
    assert_eq!((b.year, b.month, b.day, b.lunar), (Some(1985), 3, 2, true));
    assert_eq!(c.source, Source::Referral);
    assert_eq!(c.source_note, "이서연 님 소개");
    assert!(c.consents.sms.is_some(), "SMS consent has its date");
    assert!(c.consents.email.is_none());
    // The index is rebuilt from the file on open.
    assert_eq!(t.shop.search("6789", 10).hits[0].id, created.id);
}

#[test]
fn card_numbers_are_never_reused() {
    let t = TestShop::new();
    let a = t
        .shop
        .create_customer(&form("가나다", "010-1111-2222", ""))
        .unwrap();
    let b = t
        .shop
        .create_customer(&form("라마바", "010-1111-3333", ""))
        .unwrap();
    t.shop.delete_customer(b.id).unwrap();
    let c = t
        .shop
        .create_customer(&form("사아자", "010-1111-4444", ""))
        .unwrap();
    assert_eq!((a.card_no, b.card_no, c.card_no), (1, 2, 3));
}

#[test]
fn every_bad_field_is_reported_at_once() {
    let t = TestShop::new();
    let mut input = form("  ", "010-12", "seoyeon@@example");
    input.birthday = "1985-02-30".into();
    let err = t.shop.create_customer(&input).unwrap_err();
    let Error::Validation(fields) = err else {
        panic!("expected a validation error, got {err:?}")
    };
    let codes: Vec<(String, FieldErrorCode)> =
        fields.iter().map(|f| (f.field.clone(), f.code)).collect();
    assert!(
        codes.contains(&("name".into(), FieldErrorCode::Required)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("phones.0".into(), FieldErrorCode::InvalidPhone)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("email".into(), FieldErrorCode::InvalidEmail)),
        "{codes:?}"
    );
    assert!(
        codes.contains(&("birthday".into(), FieldErrorCode::InvalidDate)),
        "{codes:?}"
    );
    assert_eq!(t.shop.customer_count().unwrap(), 0, "nothing saved");
}

#[test]
fn update_keeps_consent_date_and_changes_the_index() {
    let t = TestShop::new();
    let mut input = form("박지현", "010-4444-2222", "");
    input.consent_email = true;
    let c = t.shop.create_customer(&input).unwrap();
    let first_date = c.consents.email;
    input.name = "박지윤".into();
    input.phones[0].number = "02-345-6789".into();
    let u = t.shop.update_customer(c.id, &input).unwrap();
    assert_eq!(
        u.consents.email, first_date,
        "consent date is when it was given"
    );
    assert_eq!(u.phones[0].display, "02-345-6789");
    assert!(
        t.shop.search("박지현", 10).hits.is_empty(),
        "old name still found"
    );
    assert_eq!(t.shop.search("ㅂㅈㅇ", 10).hits[0].id, c.id);
    assert!(
        t.shop.search("2222", 10).hits.is_empty(),
        "old phone still found"
    );
    assert_eq!(t.shop.search("6789", 10).hits[0].id, c.id);
    input.consent_email = false;
    let u = t.shop.update_customer(c.id, &input).unwrap();
    assert!(u.consents.email.is_none(), "withdrawn consent has no date");
}

#[test]
fn delete_really_deletes_from_the_file() {
    let t = TestShop::new();
    let marker = "고유한메모문자열XYZ";
    let mut input = form("최유진", "010-9876-5432", "yujin@example.com");
    input.memo = marker.into();
    let c = t.shop.create_customer(&input).unwrap();
    t.shop.delete_customer(c.id).unwrap();
    assert!(matches!(
        t.shop.get_customer(c.id),
        Err(Error::NotFound { .. })
    ));
    assert!(t.shop.search("최유진", 10).hits.is_empty());
    let path = t.path();
    let t = t.reopen();
    assert!(t.shop.search("5432", 10).hits.is_empty());
    drop(t.shop);
    // secure_delete + checkpoint: the memo's bytes are gone from the files.
    for suffix in ["", "-wal"] {
        let file = format!("{}{suffix}", path.display());
        if let Ok(bytes) = std::fs::read(&file) {
            let hay = String::from_utf8_lossy(&bytes);
            assert!(
                !hay.contains(marker),
                "deleted memo still readable in {file}"
            );
        }
    }
}

#[test]
fn deleting_a_missing_customer_is_not_found() {
    let t = TestShop::new();
    assert!(matches!(
        t.shop.delete_customer(42),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn sample_shop_has_about_two_hundred_customers_and_staff() {
    let t = TestShop::new();
    let s = t
        .shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: true,
        })
        .unwrap();
    assert!(s.setup_done);
    let n = t.shop.customer_count().unwrap();
    assert!((150..=250).contains(&n), "sample shop has {n} customers");
    assert_eq!(t.shop.list_staff().unwrap().len(), 3);
    assert!(t.shop.search("김", 20).total >= 2);
    // Every screen has something on it: history, the agenda.
    let agenda = t.shop.agenda(None).unwrap();
    assert!(!agenda.followups.is_empty() && !agenda.open_complaints.is_empty());
    assert!(!t.shop.search_history("배송", 5).unwrap().is_empty());
    let page = t.shop.list_customers(&CustomerListQuery {
        limit: 50,
        ..Default::default()
    });
    assert_eq!(page.unwrap().rows.len(), 50);
}

#[test]
fn us_shop_shows_us_numbers_the_american_way() {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "Seoul Market".into(),
            country: Country::US,
            language: Language::En,
            with_sample: false,
        })
        .unwrap();
    let c = t
        .shop
        .create_customer(&form("Jane Park", "(213) 555-0142", ""))
        .unwrap();
    assert_eq!(c.phones[0].e164, "+12135550142");
    assert_eq!(c.phones[0].display, "(213) 555-0142");
    assert_eq!(t.shop.search("0142", 10).hits[0].id, c.id);
}

#[test]
fn name_order_puts_the_shops_own_script_first() {
    let t = TestShop::new();
    for (name, phone) in [
        ("Brian Chen", "010-1000-0001"),
        ("박지현", "010-1000-0002"),
        ("김민수", "010-1000-0003"),
        ("amy Lee", "010-1000-0004"),
    ] {
        t.shop.create_customer(&form(name, phone, "")).unwrap();
    }
    let names = |t: &TestShop| -> Vec<String> {
        let q = CustomerListQuery {
            limit: 10,
            ..Default::default()
        };
        t.shop
            .list_customers(&q)
            .unwrap()
            .rows
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    assert_eq!(names(&t), ["김민수", "박지현", "amy Lee", "Brian Chen"]);
    let mut s = t.shop.settings().unwrap();
    s.country = Country::US;
    t.shop.update_settings(&s).unwrap();
    assert_eq!(names(&t), ["amy Lee", "Brian Chen", "김민수", "박지현"]);
}
