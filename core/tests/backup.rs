//! Backups on real files: backup → wipe → restore gives the same data; a
//! damaged database is refused at open (and a damaged backup at restore);
//! an upgrade keeps a copy of the old file; old backups are pruned.

mod common;

use common::{form, TestShop};
use dangol_core::data::backup::{self, BackupReason, KEEP};
use dangol_core::store::migrations::{latest_version, migrate_to};
use dangol_core::{ContactInput, CustomerListQuery, Error, SaleInput, Shop};

/// Everything a user would compare: customers with phones, and history.
fn snapshot(shop: &Shop) -> String {
    let page = shop
        .list_customers(&CustomerListQuery {
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    let mut out = vec![];
    for row in page.rows {
        let c = shop.get_customer(row.id).unwrap();
        let story = shop.customer_story(row.id).unwrap();
        out.push(format!(
            "{c:?} owes {} visits {}",
            story.balance_owed, story.visits
        ));
    }
    out.extend(
        shop.search_history("케이크", 100)
            .unwrap()
            .iter()
            .map(|h| format!("{h:?}")),
    );
    out.join("\n")
}

#[test]
fn backup_wipe_restore_gives_identical_data() {
    let t = TestShop::new();
    for (name, phone) in [("김민수", "010-2345-6789"), ("이서연", "010-3456-7890")] {
        let id = t.shop.create_customer(&form(name, phone, "")).unwrap().id;
        let sale = SaleInput {
            amount: "30000".into(),
            credit: true,
            items: "케이크".into(),
            ..Default::default()
        };
        t.shop.record_sale(id, &sale).unwrap();
        let contact = ContactInput {
            inquiry: "케이크 픽업 시간".into(),
            ..Default::default()
        };
        t.shop.log_contact(id, &contact).unwrap();
    }
    let before = snapshot(&t.shop);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    assert_eq!(made.reason, BackupReason::Manual);

    // Wipe: every customer deleted.
    for row in t
        .shop
        .list_customers(&CustomerListQuery {
            limit: 100,
            ..Default::default()
        })
        .unwrap()
        .rows
    {
        t.shop.delete_customer(row.id).unwrap();
    }
    assert_eq!(t.shop.customer_count().unwrap(), 0);

    let preview = t.shop.preview_backup(made.path.as_ref()).unwrap();
    assert!(preview.usable);
    assert_eq!((preview.customers, preview.history_entries), (2, 4));
    t.shop.restore_backup(made.path.as_ref(), false).unwrap();
    assert_eq!(snapshot(&t.shop), before, "restored data differs");
    assert_eq!(
        t.shop.search("ㄱㅁㅅ", 5).hits.len(),
        1,
        "search index not rebuilt"
    );

    // The empty state from before the restore was itself backed up.
    let kinds: Vec<BackupReason> = t
        .shop
        .list_backups()
        .unwrap()
        .iter()
        .map(|b| b.reason)
        .collect();
    assert!(kinds.contains(&BackupReason::BeforeRestore), "{kinds:?}");
    let t = t.reopen();
    assert_eq!(
        snapshot(&t.shop),
        before,
        "restore did not survive reopening"
    );
}

#[test]
fn a_damaged_database_is_refused_not_opened() {
    let t = TestShop::new();
    for i in 0..300 {
        t.shop
            .create_customer(&form(&format!("고객{i}"), &format!("010-5000-{i:04}"), ""))
            .unwrap();
    }
    let path = t.path();
    drop(t.shop);
    // Scribble over the middle of the file, where the tables' pages are.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(
        bytes.len() > 16 * 4096,
        "file too small to damage: {}",
        bytes.len()
    );
    for b in &mut bytes[8 * 4096..12 * 4096] {
        *b = 0x5A;
    }
    std::fs::write(&path, &bytes).unwrap();
    match Shop::open(&path) {
        Err(Error::Corrupt(_)) => {}
        other => panic!(
            "a damaged file should be refused as corrupt, got {:?}",
            other.map(|_| ())
        ),
    }
}

#[test]
fn a_damaged_backup_cannot_be_restored() {
    let t = TestShop::new();
    t.shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap();
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    std::fs::write(
        &made.path,
        b"not a database at all, just some bytes".repeat(300),
    )
    .unwrap();
    let preview = t.shop.preview_backup(made.path.as_ref());
    assert!(preview.map(|p| !p.usable).unwrap_or(true));
    assert!(t.shop.restore_backup(made.path.as_ref(), true).is_err());
    assert_eq!(
        t.shop.customer_count().unwrap(),
        1,
        "a refused restore changed the data"
    );
}

#[test]
fn an_upgrade_keeps_a_copy_of_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        migrate_to(&mut conn, latest_version() - 1).unwrap();
    }
    let _shop = Shop::open(&path).unwrap();
    let kept = backup::list(&backup::folder_beside(&path));
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].reason, BackupReason::BeforeMigration);
    let old = rusqlite::Connection::open(&kept[0].path).unwrap();
    let v: i64 = old
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, latest_version() - 1);
}

#[test]
fn daily_backups_are_made_once_and_old_ones_pruned() {
    let t = TestShop::new();
    assert!(t.shop.backup_if_due().unwrap().is_some());
    assert!(
        t.shop.backup_if_due().unwrap().is_none(),
        "a second daily backup the same day"
    );
    for _ in 0..KEEP + 3 {
        t.shop.backup_now(BackupReason::Manual).unwrap();
    }
    assert_eq!(t.shop.list_backups().unwrap().len(), KEEP);
}

#[test]
fn backups_also_go_to_the_owners_folder() {
    let t = TestShop::new();
    let usb = tempfile::tempdir().unwrap();
    t.shop.set_backup_folder(Some(usb.path())).unwrap();
    t.shop.backup_now(BackupReason::Manual).unwrap();
    assert_eq!(backup::list(usb.path()).len(), 1);
    assert_eq!(t.shop.list_backups().unwrap().len(), 2);
}
