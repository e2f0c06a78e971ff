//! Property tests: whatever is typed, the form is either saved exactly as
//! read back or refused with field messages; whatever is saved, search finds
//! it by its name, its initials and its last four digits.

mod common;

use common::{form, TestShop};
use dangol_core::search::hangul;
use dangol_core::Error;
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
}
