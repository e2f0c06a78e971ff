//! Finding customers entered twice and merging them: history, complaints and
//! follow-ups move to the kept record; empty fields are filled; nothing of
//! the other record is lost or left behind.

mod common;

use common::{form, TestShop};
use dangol_core::*;

#[test]
fn duplicates_by_phone_email_and_name_are_found() {
    let t = TestShop::new();
    let a = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", "minsu@example.com"))
        .unwrap();
    let b = t
        .shop
        .create_customer(&form("김민수 (가게2)", "01023456789", ""))
        .unwrap();
    let c = t
        .shop
        .create_customer(&form("Minsu Kim", "010-9999-0000", "MINSU@example.com"))
        .unwrap();
    let d = t
        .shop
        .create_customer(&form("이서연", "010-1111-2222", ""))
        .unwrap();
    let e = t
        .shop
        .create_customer(&form("이서연", "010-3333-4444", ""))
        .unwrap();
    let found: Vec<(i64, i64, String)> = t
        .shop
        .find_duplicates(50)
        .unwrap()
        .into_iter()
        .map(|p| (p.first_id, p.second_id, p.reason))
        .collect();
    assert_eq!(
        found,
        [
            (a.id, b.id, "phone".to_string()),
            (a.id, c.id, "email".into()),
            (d.id, e.id, "name".into())
        ]
    );
}

#[test]
fn merging_moves_the_story_and_fills_the_gaps() {
    let t = TestShop::new();
    let mut first = form("김민수", "010-2345-6789", "");
    first.memo = "단골".into();
    let keep = t.shop.create_customer(&first).unwrap();
    let mut second = form("김민수", "02-345-6789", "minsu@example.com");
    second.birthday = "1985-03-02".into();
    second.memo = "케이크 좋아함".into();
    second.consent_sms = true;
    let other = t.shop.create_customer(&second).unwrap();
    let sale = SaleInput {
        amount: "20000".into(),
        credit: true,
        ..Default::default()
    };
    t.shop.record_sale(other.id, &sale).unwrap();
    t.shop
        .log_contact(
            other.id,
            &ContactInput {
                inquiry: "배송 문의".into(),
                ..Default::default()
            },
        )
        .unwrap();
    t.shop
        .open_complaint(
            other.id,
            &ComplaintInput {
                description: "늦은 배송".into(),
                ..Default::default()
            },
        )
        .unwrap();

    let visit = SaleInput {
        amount: "10000".into(),
        ..Default::default()
    };
    t.shop.record_sale(other.id, &visit).unwrap();
    let merged = t.shop.merge_customers(keep.id, other.id).unwrap();
    assert_eq!(
        t.shop.points_balance(keep.id).unwrap(),
        300,
        "her points moved"
    );
    assert_eq!(
        t.shop.stamps_balance(keep.id).unwrap(),
        2,
        "her stamps moved (one for each of her two sales)"
    );
    assert_eq!(t.shop.get_customer_tier(keep.id), Some("regular".into()));
    assert_eq!(merged.card_no, keep.card_no);
    assert_eq!(merged.email.as_deref(), Some("minsu@example.com"));
    assert_eq!(merged.birthday.map(|b| (b.month, b.day)), Some((3, 2)));
    assert_eq!(merged.memo, "단골\n케이크 좋아함");
    assert!(merged.consents.sms.is_some());
    let phones: Vec<&str> = merged.phones.iter().map(|p| p.display.as_str()).collect();
    assert_eq!(phones, ["010-2345-6789", "02-345-6789"]);

    let story = t.shop.customer_story(keep.id).unwrap();
    assert_eq!(story.balance_owed, 20_000, "the debt moved with her");
    assert_eq!(story.open_complaints.len(), 1);
    assert_eq!(story.followups.len(), 1, "the post-sale call moved too");
    assert_eq!(
        t.shop.search_history("배송", 10).unwrap()[0].customer_id,
        keep.id
    );
    assert!(matches!(
        t.shop.get_customer(other.id),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(
        t.shop
            .search("3456789", 10)
            .hits
            .iter()
            .map(|h| h.id)
            .collect::<Vec<_>>(),
        [keep.id]
    );
    assert!(t.shop.find_duplicates(10).unwrap().is_empty());
}

#[test]
fn merging_into_oneself_or_a_missing_customer_is_refused() {
    let t = TestShop::new();
    let a = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap();
    assert!(matches!(
        t.shop.merge_customers(a.id, a.id),
        Err(Error::Validation(_))
    ));
    assert!(matches!(
        t.shop.merge_customers(a.id, 999),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(t.shop.customer_count().unwrap(), 1);
}
