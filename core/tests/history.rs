//! A customer's history on a real file: credit sales and payments with the
//! balance owed, follow-ups after a sale, the complaint workflow, keyword
//! search (two-syllable Korean included), and deletion taking it all away.

mod common;

use common::{customer, field_codes, pay, sale, TestShop};
use dangol_core::*;

#[test]
fn credit_sale_and_payments_keep_the_balance() {
    let t = TestShop::new();
    let id = customer(&t, "김민수");
    t.shop
        .record_sale(id, &sale("50,000", true, "20,000", "생일 케이크"))
        .unwrap();
    t.shop
        .record_sale(id, &sale("4500", false, "", "아메리카노"))
        .unwrap();
    assert_eq!(t.shop.balance_owed(id).unwrap(), 30_000);
    t.shop.record_payment(id, &pay("10000")).unwrap();
    let story = t.shop.customer_story(id).unwrap();
    assert_eq!(story.balance_owed, 20_000);
    assert_eq!(story.visits, 1, "two purchases on one day are one visit");
    assert_eq!(story.total_spent, 54_500);

    let too_much = t.shop.record_payment(id, &pay("20,001")).unwrap_err();
    assert_eq!(
        field_codes(too_much),
        [("amount".into(), FieldErrorCode::ExceedsBalance)]
    );
    let bad = t
        .shop
        .record_sale(id, &sale("3,000", true, "5,000", ""))
        .unwrap_err();
    assert_eq!(
        field_codes(bad),
        [("paid_now".into(), FieldErrorCode::ExceedsBalance)]
    );
    let bad = t
        .shop
        .record_sale(id, &sale("12.5", false, "", ""))
        .unwrap_err();
    assert_eq!(
        field_codes(bad),
        [("amount".into(), FieldErrorCode::InvalidAmount)]
    );
    assert_eq!(
        t.shop.balance_owed(id).unwrap(),
        20_000,
        "refused entries changed the balance"
    );

    let t = t.reopen();
    assert_eq!(t.shop.balance_owed(id).unwrap(), 20_000);
}

#[test]
fn a_us_shop_counts_cents() {
    let t = TestShop::new();
    let mut s = t.shop.settings().unwrap();
    s.country = Country::US;
    t.shop.update_settings(&s).unwrap();
    let id = customer(&t, "Jane Park");
    let e = t
        .shop
        .record_sale(id, &sale("$12.50", true, "", "Latte"))
        .unwrap();
    assert_eq!((e.net, e.owed), (1250, 1250));
    t.shop.record_payment(id, &pay("2.25")).unwrap();
    assert_eq!(t.shop.balance_owed(id).unwrap(), 1025);
}

#[test]
fn keyword_search_finds_two_syllable_korean_and_words() {
    let t = TestShop::new();
    let a = customer(&t, "김민수");
    let b = customer(&t, "Jane Park");
    let contact = |inquiry: &str, answer: &str| ContactInput {
        inquiry: inquiry.into(),
        answer: answer.into(),
        ..Default::default()
    };
    t.shop
        .log_contact(
            a,
            &contact("배송 문의: 주문한 케이크 언제 오나요", "내일 오전 도착"),
        )
        .unwrap();
    t.shop
        .log_contact(
            b,
            &contact("Size exchange for the blue dress", "교환요청 접수"),
        )
        .unwrap();
    t.shop
        .add_note(a, "단골 손님, 초코 케이크 좋아함", None)
        .unwrap();

    let ids = |q: &str| -> Vec<i64> {
        t.shop
            .search_history(q, 50)
            .unwrap()
            .iter()
            .map(|h| h.customer_id)
            .collect()
    };
    assert_eq!(ids("케이"), [a, a], "two syllables inside a word");
    assert_eq!(ids("케이크 언제"), [a]);
    assert_eq!(ids("오전"), [a], "the answer is searched too");
    assert_eq!(ids("요청"), [b], "the end of 교환요청");
    assert_eq!(ids("exch"), [b], "a word by its beginning");
    assert!(ids("없는말").is_empty());
    assert!(ids("ㅋ").is_empty());
    let hit = &t.shop.search_history("케이크 언제", 5).unwrap()[0];
    assert_eq!(hit.customer_name, "김민수");
    assert!(hit.snippet.contains("케이크"), "{}", hit.snippet);
}

#[test]
fn timeline_is_newest_first_filterable_and_paged() {
    let t = TestShop::new();
    let id = customer(&t, "정하늘");
    for i in 0..30 {
        t.shop
            .record_sale(
                id,
                &sale(&format!("{}", 1000 + i), false, "", &format!("상품{i}")),
            )
            .unwrap();
    }
    t.shop
        .log_contact(
            id,
            &ContactInput {
                inquiry: "영업시간 문의".into(),
                ..Default::default()
            },
        )
        .unwrap();
    let all = TimelineQuery {
        customer_id: id,
        kinds: vec![],
        offset: 0,
        limit: 10,
    };
    let page = t.shop.timeline(&all).unwrap();
    assert_eq!(page.total, 31);
    assert_eq!(page.entries[0].kind, HistoryKind::Contact);
    assert_eq!(page.entries[1].summary, "상품29");
    let rest = t
        .shop
        .timeline(&TimelineQuery {
            offset: 30,
            ..all.clone()
        })
        .unwrap();
    assert_eq!(rest.entries.len(), 1);
    assert_eq!(rest.entries[0].summary, "상품0");
    let sales = TimelineQuery {
        kinds: vec![HistoryKind::Sale],
        ..all
    };
    assert_eq!(t.shop.timeline(&sales).unwrap().total, 30);
}

#[test]
fn deleting_a_customer_deletes_her_history() {
    let t = TestShop::new();
    let id = customer(&t, "한지민");
    t.shop
        .record_sale(id, &sale("8000", true, "", "비밀상품"))
        .unwrap();
    t.shop
        .log_contact(
            id,
            &ContactInput {
                inquiry: "비밀문의내용".into(),
                ..Default::default()
            },
        )
        .unwrap();
    t.shop
        .open_complaint(
            id,
            &ComplaintInput {
                description: "불친절".into(),
                ..Default::default()
            },
        )
        .unwrap();
    t.shop.delete_customer(id).unwrap();
    assert!(t.shop.search_history("비밀문의", 10).unwrap().is_empty());
    assert!(t.shop.agenda(None).unwrap().open_complaints.is_empty());
    assert!(t.shop.agenda(None).unwrap().followups.is_empty());
    let conn = rusqlite::Connection::open(t.path()).unwrap();
    for table in ["history", "complaints", "followups", "history_fts"] {
        let n: i64 = conn
            .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table} still holds her rows");
    }
}

#[test]
fn a_contact_can_be_corrected_and_keeps_who_and_when() {
    let t = TestShop::new();
    let id = customer(&t, "김민수");
    let who = t.shop.add_staff("박지영").unwrap().id;
    let input = ContactInput {
        inquiry: "배송 문의".into(),
        answer: "모레 도착".into(),
        ..Default::default()
    };
    let e = t.shop.log_contact(id, &input).unwrap();
    let fixed = t
        .shop
        .edit_entry(e.id, "배송 문의", "내일 오전 도착", Some(who))
        .unwrap();
    assert_eq!(fixed.detail, "내일 오전 도착");
    assert_eq!(fixed.happened_at, e.happened_at, "when it happened stays");
    assert!(fixed.edited_at.is_some());
    let by: Option<i64> = rusqlite::Connection::open(t.path())
        .unwrap()
        .query_row("SELECT edited_by FROM history WHERE id = ?1", [e.id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(by, Some(who));
    assert_eq!(
        t.shop.search_history("오전", 5).unwrap().len(),
        1,
        "the new words are found"
    );
    assert!(
        t.shop.search_history("모레", 5).unwrap().is_empty(),
        "the old words are gone"
    );

    let s = t
        .shop
        .record_sale(id, &sale("5000", false, "", ""))
        .unwrap();
    let err = t.shop.edit_entry(s.entry_id, "고침", "", None).unwrap_err();
    assert_eq!(
        field_codes(err),
        [("kind".into(), FieldErrorCode::InvalidTransition)]
    );
}
