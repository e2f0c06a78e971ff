//! Staff members' own PINs on a real shop file: set, checked, changed and
//! cleared; only an Argon2id hash is kept (the file holds no PIN), a wrong
//! PIN opens nothing, and a staff member who left cannot open the lock.

mod common;

use common::{customer, field_codes, TestShop};
use dangol_core::{ContactInput, FieldErrorCode};
use rusqlite::Connection;

fn stored_hash(t: &TestShop, id: i64) -> Option<String> {
    Connection::open(t.path())
        .unwrap()
        .query_row("SELECT pin_hash FROM staff WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

#[test]
fn a_staff_pin_is_kept_as_a_hash_and_opens_only_with_the_right_digits() {
    let t = TestShop::new();
    let mina = t.shop.add_staff("박미나").unwrap();
    assert!(!mina.has_pin);
    assert!(t.shop.staff_with_pins().unwrap().is_empty());

    let saved = t.shop.set_staff_pin(mina.id, Some("482915")).unwrap();
    assert!(saved.has_pin);

    let hash = stored_hash(&t, mina.id).expect("a hash is stored");
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("482915"), "the PIN itself is stored: {hash}");
    // Nowhere in the file either (the WAL included, before a checkpoint).
    for file in ["dangol.sqlite3", "dangol.sqlite3-wal"] {
        let bytes = std::fs::read(t.dir.path().join(file)).unwrap_or_default();
        assert!(
            !bytes.windows(6).any(|w| w == b"482915"),
            "{file} holds the PIN"
        );
    }

    assert_eq!(
        t.shop
            .check_staff_pin(mina.id, "482915")
            .unwrap()
            .map(|s| s.name),
        Some("박미나".to_string())
    );
    assert_eq!(t.shop.check_staff_pin(mina.id, "482916").unwrap(), None);
    assert_eq!(t.shop.check_staff_pin(mina.id, "").unwrap(), None);
    assert_eq!(
        t.shop
            .staff_with_pins()
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>(),
        vec![mina.id]
    );

    // Still there after the shop is opened again.
    let t = t.reopen();
    assert!(t.shop.check_staff_pin(mina.id, "482915").unwrap().is_some());
}

#[test]
fn two_staff_with_the_same_pin_get_different_hashes() {
    let t = TestShop::new();
    let a = t.shop.add_staff("김하나").unwrap().id;
    let b = t.shop.add_staff("이두리").unwrap().id;
    t.shop.set_staff_pin(a, Some("1234")).unwrap();
    t.shop.set_staff_pin(b, Some("1234")).unwrap();
    assert_ne!(stored_hash(&t, a), stored_hash(&t, b), "salted");
    // Each PIN opens only for the person chosen.
    t.shop.set_staff_pin(b, Some("5678")).unwrap();
    assert!(t.shop.check_staff_pin(a, "5678").unwrap().is_none());
    assert!(t.shop.check_staff_pin(b, "1234").unwrap().is_none());
    assert!(t.shop.check_staff_pin(b, "5678").unwrap().is_some());
}

#[test]
fn a_pin_that_is_not_4_to_8_digits_is_refused_and_the_old_one_stays() {
    let t = TestShop::new();
    let id = t.shop.add_staff("박미나").unwrap().id;
    t.shop.set_staff_pin(id, Some("2580")).unwrap();
    for bad in ["123", "123456789", "12a4", "", " 1234", "１２３４"] {
        let err = t.shop.set_staff_pin(id, Some(bad)).unwrap_err();
        assert_eq!(
            field_codes(err),
            vec![("pin".to_string(), FieldErrorCode::InvalidChoice)],
            "{bad:?}"
        );
    }
    assert!(t.shop.check_staff_pin(id, "2580").unwrap().is_some());
    assert!(t.shop.set_staff_pin(9999, Some("2580")).is_err());
}

#[test]
fn a_cleared_pin_or_a_staff_member_who_left_opens_nothing() {
    let t = TestShop::new();
    let id = t.shop.add_staff("박미나").unwrap().id;
    t.shop.set_staff_pin(id, Some("2580")).unwrap();

    t.shop.update_staff(id, "박미나", false).unwrap();
    assert!(t.shop.check_staff_pin(id, "2580").unwrap().is_none());
    assert!(t.shop.staff_with_pins().unwrap().is_empty());
    let back = t.shop.update_staff(id, "박미나", true).unwrap();
    assert!(back.has_pin, "renaming or reactivating keeps her PIN");
    assert!(t.shop.check_staff_pin(id, "2580").unwrap().is_some());

    let cleared = t.shop.set_staff_pin(id, None).unwrap();
    assert!(!cleared.has_pin);
    assert_eq!(stored_hash(&t, id), None);
    assert!(t.shop.check_staff_pin(id, "2580").unwrap().is_none());
}

#[test]
fn an_entry_written_by_a_staff_member_carries_her_name_in_the_timeline() {
    let t = TestShop::new();
    let c = customer(&t, "김단골");
    let mina = t.shop.add_staff("박미나").unwrap().id;
    let input = ContactInput {
        inquiry: "예약 문의".into(),
        staff_id: Some(mina),
        ..Default::default()
    };
    let e = t.shop.log_contact(c, &input).unwrap();
    assert_eq!(e.staff.map(|s| s.name), Some("박미나".to_string()));
}
