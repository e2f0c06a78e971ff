//! Updating Dangol, the shop's side: the check for a new version runs at
//! most once a day, remembered across restarts, and the backup made before
//! installing holds the shop as it was (on a real file).

mod common;

use common::{form, TestShop};
use dangol_core::data::backup::{self, BackupReason};

#[test]
fn the_update_check_is_due_once_a_day_across_restarts() {
    let t = TestShop::new();
    assert!(t.shop.update_check_due().unwrap(), "never checked: due");
    t.shop.record_update_check().unwrap();
    assert!(!t.shop.update_check_due().unwrap(), "checked just now");
    let t = t.reopen();
    assert!(
        !t.shop.update_check_due().unwrap(),
        "a restart must not check again the same day"
    );
}

#[test]
fn the_backup_before_an_update_holds_the_shop_as_it_was() {
    let t = TestShop::new();
    t.shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap();
    t.shop
        .create_customer(&form("이서연", "010-3456-7890", ""))
        .unwrap();

    let made = t.shop.backup_before_update().unwrap();
    assert_eq!(made.reason, BackupReason::BeforeUpdate);
    let listed = t.shop.list_backups().unwrap();
    assert!(
        listed
            .iter()
            .any(|b| b.path == made.path && b.reason == BackupReason::BeforeUpdate),
        "not listed among the backups: {listed:?}"
    );
    let preview = backup::preview(std::path::Path::new(&made.path), None).unwrap();
    assert!(preview.usable);
    assert_eq!(preview.customers, 2);
}
