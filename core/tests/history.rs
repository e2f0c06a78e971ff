//! A customer's history on a real file: credit sales and payments with the
//! balance owed, follow-ups after a sale, the complaint workflow, keyword
//! search (two-syllable Korean included), and deletion taking it all away.

mod common;

use common::{form, TestShop};
use dangol_core::*;

fn customer(t: &TestShop, name: &str) -> i64 {
    let n = t.shop.customer_count().unwrap();
    t.shop
        .create_customer(&form(name, &format!("+82 10-7000-{n:04}"), ""))
        .unwrap()
        .id
}

fn sale(amount: &str, credit: bool, paid_now: &str, items: &str) -> SaleInput {
    SaleInput {
        amount: amount.into(),
        items: items.into(),
        credit,
        paid_now: paid_now.into(),
        staff_id: None,
    }
}

fn pay(amount: &str) -> PaymentInput {
    PaymentInput {
        amount: amount.into(),
        ..Default::default()
    }
}

fn field_codes(e: Error) -> Vec<(String, FieldErrorCode)> {
    match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

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
    assert_eq!(story.visits, 2);
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
    assert_eq!((e.amount, e.owed_delta), (1250, 1250));
    t.shop.record_payment(id, &pay("2.25")).unwrap();
    assert_eq!(t.shop.balance_owed(id).unwrap(), 1025);
}

#[test]
fn a_sale_schedules_the_after_sale_call_unless_turned_off() {
    let t = TestShop::new();
    let id = customer(&t, "이서연");
    t.shop
        .record_sale(id, &sale("30000", false, "", "원피스"))
        .unwrap();
    let story = t.shop.customer_story(id).unwrap();
    assert_eq!(story.followups.len(), 1);
    let f = &story.followups[0];
    assert_eq!(f.origin, FollowupOrigin::Sale);
    assert_eq!(
        (f.due - shop_today()).num_days(),
        7,
        "default is a week after"
    );
    assert!(
        t.shop.agenda(None).unwrap().followups.is_empty(),
        "not due yet"
    );

    // A second sale moves the pending call instead of adding another.
    let mut s = t.shop.settings().unwrap();
    s.followup_days_after_sale = 3;
    t.shop.update_settings(&s).unwrap();
    t.shop
        .record_sale(id, &sale("5000", false, "", ""))
        .unwrap();
    let calls = t.shop.customer_story(id).unwrap().followups;
    assert_eq!(calls.len(), 1);
    assert_eq!((calls[0].due - shop_today()).num_days(), 3);

    s.followup_days_after_sale = 0;
    t.shop.update_settings(&s).unwrap();
    t.shop
        .record_sale(id, &sale("10000", false, "", ""))
        .unwrap();
    assert_eq!(
        t.shop.customer_story(id).unwrap().followups.len(),
        1,
        "turned off, yet scheduled"
    );
}

fn shop_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

#[test]
fn followups_due_today_are_on_the_agenda_until_done_or_snoozed() {
    let t = TestShop::new();
    let id = customer(&t, "박지훈");
    let today = shop_today().format("%Y-%m-%d").to_string();
    let input = FollowupInput {
        due: today,
        reason: "수선 완료 안내".into(),
        staff_id: None,
    };
    let f = t
        .shop
        .add_followup(id, &input, FollowupOrigin::Manual)
        .unwrap();
    let agenda = t.shop.agenda(None).unwrap();
    assert_eq!(
        agenda.followups.iter().map(|f| f.id).collect::<Vec<_>>(),
        [f.id]
    );
    assert_eq!(
        agenda.followups[0].customer_phone.as_deref(),
        Some("010-7000-0000")
    );

    t.shop.snooze_followup(f.id).unwrap();
    assert!(
        t.shop.agenda(None).unwrap().followups.is_empty(),
        "snoozed to tomorrow"
    );
    t.shop.reschedule_followup(f.id, shop_today()).unwrap();
    assert_eq!(t.shop.agenda(None).unwrap().followups.len(), 1);
    let done = t.shop.complete_followup(f.id).unwrap();
    assert!(done.done_at.is_some());
    assert!(t.shop.agenda(None).unwrap().followups.is_empty());
    let q = TimelineQuery {
        customer_id: id,
        kinds: vec![HistoryKind::Followup],
        offset: 0,
        limit: 10,
    };
    assert_eq!(
        t.shop.timeline(&q).unwrap().entries[0].summary,
        "수선 완료 안내"
    );

    let past = FollowupInput {
        due: "2020-01-01".into(),
        ..Default::default()
    };
    let err = t
        .shop
        .add_followup(id, &past, FollowupOrigin::Manual)
        .unwrap_err();
    assert_eq!(
        field_codes(err),
        [("due".into(), FieldErrorCode::InvalidDate)]
    );
}

#[test]
fn complaint_goes_open_in_progress_resolved_and_stays_resolved() {
    let t = TestShop::new();
    let id = customer(&t, "최유진");
    let input = ComplaintInput {
        category: ComplaintCategory::Runaround,
        description: "세 번 전화했는데 담당자가 없다고만 함".into(),
        staff_id: None,
    };
    let c = t.shop.open_complaint(id, &input).unwrap();
    assert_eq!(c.status, ComplaintStatus::Open);
    assert_eq!(t.shop.agenda(None).unwrap().open_complaints.len(), 1);

    let step = |status, resolution: &str| ComplaintUpdate {
        status,
        resolution: resolution.into(),
        compensation: String::new(),
        staff_id: None,
    };
    let err = t
        .shop
        .update_complaint(c.id, &step(ComplaintStatus::Resolved, ""))
        .unwrap_err();
    assert_eq!(
        field_codes(err),
        [("resolution".into(), FieldErrorCode::Required)]
    );
    t.shop
        .update_complaint(c.id, &step(ComplaintStatus::InProgress, ""))
        .unwrap();
    let mut done = step(ComplaintStatus::Resolved, "사장님이 직접 사과 전화");
    done.compensation = "다음 방문 음료 무료".into();
    let c = t.shop.update_complaint(c.id, &done).unwrap();
    assert_eq!(c.resolved_on, Some(shop_today()));
    assert!(t.shop.agenda(None).unwrap().open_complaints.is_empty());
    assert!(t
        .shop
        .customer_story(id)
        .unwrap()
        .open_complaints
        .is_empty());
    let err = t
        .shop
        .update_complaint(c.id, &step(ComplaintStatus::Open, ""))
        .unwrap_err();
    assert_eq!(
        field_codes(err),
        [("status".into(), FieldErrorCode::InvalidTransition)]
    );

    // Opened, moved on, resolved: three entries on her timeline.
    let q = TimelineQuery {
        customer_id: id,
        kinds: vec![HistoryKind::Complaint],
        offset: 0,
        limit: 10,
    };
    let page = t.shop.timeline(&q).unwrap();
    assert_eq!(page.total, 3);
    assert!(page.entries[0].detail.contains("다음 방문 음료 무료"));
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
    let err = t.shop.edit_entry(s.id, "고침", "", None).unwrap_err();
    assert_eq!(
        field_codes(err),
        [("kind".into(), FieldErrorCode::InvalidTransition)]
    );
}
