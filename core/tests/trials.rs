//! New-product trials on a real file: given to a tier and to chosen
//! customers without duplicates, feedback recorded and on her timeline,
//! who has not answered yet, participation gone with the customer.

mod common;

use common::{form, TestShop};
use dangol_core::history::trials::{FeedbackInput, TrialInput};
use dangol_core::*;

fn codes(e: Error) -> Vec<(String, FieldErrorCode)> {
    match e {
        Error::Validation(f) => f.into_iter().map(|f| (f.field, f.code)).collect(),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

fn trial(t: &TestShop, product: &str) -> i64 {
    let input = TrialInput {
        product: product.into(),
        note: "샘플 100g".into(),
        started_on: None,
    };
    t.shop.create_trial(&input).unwrap().id
}

fn customer(t: &TestShop, name: &str, phone: &str) -> i64 {
    t.shop.create_customer(&form(name, phone, "")).unwrap().id
}

fn said(text: &str, rating: Option<u8>) -> FeedbackInput {
    FeedbackInput {
        feedback: text.into(),
        rating,
    }
}

#[test]
fn a_trial_goes_to_a_tier_and_chosen_customers_once_each() {
    let t = TestShop::new();
    let kim = customer(&t, "김민수", "010-2345-6789");
    let lee = customer(&t, "이영희", "010-3456-7890");
    let park = customer(&t, "박지성", "");
    // One visit places a customer in the first tier; Park has none.
    for id in [kim, lee] {
        let visit = SaleInput {
            amount: "4500".into(),
            ..Default::default()
        };
        t.shop.record_sale(id, &visit).unwrap();
    }
    let tier = t.shop.get_customer_tier(kim).expect("placed");
    let id = trial(&t, "새 원두 블렌드");

    assert_eq!(t.shop.give_trial_to_tier(id, &tier).unwrap(), 2);
    assert_eq!(
        t.shop.give_trial(id, &[kim, park, park]).unwrap(),
        1,
        "no duplicates"
    );
    assert_eq!(t.shop.give_trial_to_tier(id, &tier).unwrap(), 0);

    let trials = t.shop.list_trials().unwrap();
    assert_eq!(trials.len(), 1);
    assert_eq!((trials[0].given, trials[0].answered), (3, 0));
    let people = t.shop.trial_participants(id, false).unwrap();
    let names: Vec<&str> = people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["김민수", "박지성", "이영희"]);
    assert_eq!(people[0].phone.as_deref(), Some("010-2345-6789"));
    assert_eq!(people[1].phone, None);

    // Giving shows on her timeline and is found by keyword.
    let hits = t.shop.search_history("원두", 10).unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h.kind == HistoryKind::Loyalty));
    assert!(matches!(
        t.shop.give_trial(id, &[9999]),
        Err(Error::NotFound { .. })
    ));
}

#[test]
fn feedback_is_recorded_and_she_leaves_the_not_yet_list() {
    let t = TestShop::new();
    let kim = customer(&t, "김민수", "010-2345-6789");
    let lee = customer(&t, "이영희", "010-3456-7890");
    let id = trial(&t, "유자 케이크");
    t.shop.give_trial(id, &[kim, lee]).unwrap();
    assert_eq!(t.shop.trial_participants(id, true).unwrap().len(), 2);

    t.shop
        .record_trial_feedback(id, kim, &said("  너무 달아요\n", Some(4)))
        .unwrap();
    let pending = t.shop.trial_participants(id, true).unwrap();
    assert_eq!(
        pending.iter().map(|p| p.customer_id).collect::<Vec<_>>(),
        [lee]
    );
    // A rating alone is feedback too.
    t.shop
        .record_trial_feedback(id, lee, &said("", Some(5)))
        .unwrap();
    assert!(t.shop.trial_participants(id, true).unwrap().is_empty());

    let mine = t.shop.customer_trials(kim).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        (
            mine[0].product.as_str(),
            mine[0].feedback.as_str(),
            mine[0].rating
        ),
        ("유자 케이크", "너무 달아요", Some(4))
    );
    assert!(mine[0].feedback_on.is_some());
    let trials = t.shop.list_trials().unwrap();
    assert_eq!((trials[0].given, trials[0].answered), (2, 2));

    let hits = t.shop.search_history("달아요", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].customer_id, kim);
}

#[test]
fn empty_names_and_feedback_are_refused_with_field_errors() {
    let t = TestShop::new();
    let blank = TrialInput {
        product: "   ".into(),
        ..Default::default()
    };
    assert_eq!(
        codes(t.shop.create_trial(&blank).unwrap_err()),
        [("product".into(), FieldErrorCode::Required)]
    );
    let kim = customer(&t, "김민수", "010-2345-6789");
    let id = trial(&t, "유자 케이크");
    t.shop.give_trial(id, &[kim]).unwrap();
    assert_eq!(
        codes(
            t.shop
                .record_trial_feedback(id, kim, &said(" \n ", None))
                .unwrap_err()
        ),
        [("feedback".into(), FieldErrorCode::Required)]
    );
    assert_eq!(
        codes(
            t.shop
                .record_trial_feedback(id, kim, &said("좋아요", Some(6)))
                .unwrap_err()
        ),
        [("rating".into(), FieldErrorCode::InvalidChoice)]
    );
    let other = customer(&t, "이영희", "");
    assert!(matches!(
        t.shop
            .record_trial_feedback(id, other, &said("좋아요", None)),
        Err(Error::NotFound { .. })
    ));
    assert_eq!(t.shop.trial_participants(id, true).unwrap().len(), 1);
}

#[test]
fn deleting_a_customer_removes_her_participation() {
    let t = TestShop::new();
    let kim = customer(&t, "김민수", "010-2345-6789");
    let lee = customer(&t, "이영희", "010-3456-7890");
    let id = trial(&t, "유자 케이크");
    t.shop.give_trial(id, &[kim, lee]).unwrap();
    t.shop.delete_customer(kim).unwrap();
    let t = t.reopen();
    let people = t.shop.trial_participants(id, false).unwrap();
    assert_eq!(
        people.iter().map(|p| p.customer_id).collect::<Vec<_>>(),
        [lee]
    );
    assert_eq!(t.shop.list_trials().unwrap()[0].given, 1);
}
