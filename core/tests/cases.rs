//! Follow-ups and complaints on a real file: the post-sale call, the
//! agenda, snoozing and rescheduling, and a complaint from open to resolved.

mod common;

use common::{customer, field_codes, sale, TestShop};
use dangol_core::*;

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
