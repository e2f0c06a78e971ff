//! Property tests: whatever is typed, the form is either saved exactly as
//! read back or refused with field messages; whatever is saved, search finds
//! it by its name, its initials and its last four digits.

mod common;

use common::{form, TestShop};
use dangol_core::search::hangul;
use dangol_core::{Error, HistoryKind, PaymentInput, SaleInput, TimelineQuery};
use proptest::prelude::*;

fn hangul_name() -> impl Strategy<Value = String> {
    proptest::collection::vec(0xAC00u32..=0xD7A3, 2..=4)
        .prop_map(|cs| cs.into_iter().filter_map(char::from_u32).collect())
}

fn mobile() -> impl Strategy<Value = String> {
    (0u32..10000, 0u32..10000).prop_map(|(a, b)| format!("010-{a:04}-{b:04}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn saved_customers_are_found_by_name_initials_and_last_four(
        people in proptest::collection::vec((hangul_name(), mobile()), 1..12)
    ) {
        let t = TestShop::new();
        let mut ids = vec![];
        for (name, phone) in &people {
            ids.push(t.shop.create_customer(&form(name, phone, "")).unwrap().id);
        }
        for ((name, phone), id) in people.iter().zip(&ids) {
            let by_name = t.shop.search(name, 100);
            prop_assert!(by_name.hits.iter().any(|h| h.id == *id), "{name} not found by name");
            let initials = hangul::initials(name);
            let by_initials = t.shop.search(&initials, 100);
            prop_assert!(by_initials.hits.iter().any(|h| h.id == *id), "{name} not found by {initials}");
            let last4 = &phone[phone.len() - 4..];
            let by_phone = t.shop.search(last4, 100);
            prop_assert!(by_phone.hits.iter().any(|h| h.id == *id), "{name} not found by {last4}");
            // Every hit really contains what was asked for.
            for h in &by_name.hits {
                prop_assert!(h.name.contains(name.as_str()), "{} returned for {name}", h.name);
            }
        }
    }

    #[test]
    fn any_form_is_saved_faithfully_or_refused_with_messages(
        name in "\\PC{0,12}",
        phone in "[0-9 ()+-]{0,16}",
        email in "[a-z@.]{0,12}",
        birthday in "[0-9.\\-/월일 ]{0,12}",
    ) {
        let t = TestShop::new();
        let mut input = form(&name, &phone, &email);
        input.birthday = birthday;
        match t.shop.create_customer(&input) {
            Ok(c) => {
                let back = t.shop.get_customer(c.id).unwrap();
                prop_assert_eq!(&back, &c);
                prop_assert!(!back.name.trim().is_empty());
                prop_assert!(t.shop.search(&back.name, 100).hits.iter().any(|h| h.id == c.id));
            }
            Err(Error::Validation(fields)) => {
                prop_assert!(!fields.is_empty());
                prop_assert_eq!(t.shop.customer_count().unwrap(), 0);
            }
            Err(e) => prop_assert!(false, "unexpected error {e:?}"),
        }
    }

    #[test]
    fn balance_owed_is_always_the_sum_of_its_entries(
        steps in proptest::collection::vec((any::<bool>(), 0u32..100_000, 0u32..100_000), 1..25)
    ) {
        let t = TestShop::new();
        let id = t.shop.create_customer(&form("외상손님", "010-1234-5678", "")).unwrap().id;
        let mut expected: i64 = 0;
        for (is_sale, a, b) in steps {
            if is_sale {
                let (amount, paid) = (a.max(b), a.min(b));
                let input = SaleInput {
                    amount: amount.to_string(),
                    credit: true,
                    paid_now: paid.to_string(),
                    ..Default::default()
                };
                t.shop.record_sale(id, &input).unwrap();
                expected += i64::from(amount - paid);
            } else {
                let input = PaymentInput { amount: a.to_string(), ..Default::default() };
                match t.shop.record_payment(id, &input) {
                    Ok(_) => expected -= i64::from(a),
                    Err(Error::Validation(_)) => prop_assert!(a == 0 || i64::from(a) > expected),
                    Err(e) => prop_assert!(false, "unexpected {e:?}"),
                }
            }
            let balance = t.shop.balance_owed(id).unwrap();
            prop_assert_eq!(balance, expected);
            prop_assert!(balance >= 0, "owes a negative amount");
        }
        let q = TimelineQuery { customer_id: id, kinds: vec![HistoryKind::Sale, HistoryKind::Payment], offset: 0, limit: 500 };
        let page = t.shop.timeline(&q).unwrap();
        let sum: i64 = page.entries.iter().map(|e| e.owed_delta).sum();
        prop_assert_eq!(sum, expected);
    }
}
