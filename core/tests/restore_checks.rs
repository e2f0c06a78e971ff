//! What restore accepts: only a Dangol shop (its application id or its
//! exact tables, a schema version this build knows, integrity ok), and an
//! empty one only when the owner confirms. Also what backups leave behind
//! (no half copies, no `-wal`/`-shm` after a preview), and a shop file
//! found empty at start while backups exist, which is not a new shop.

mod common;

use std::path::{Path, PathBuf};

use common::{form, TestShop};
use dangol_core::data::backup::{self, BackupProblem, BackupReason};
use dangol_core::{Error, FieldErrorCode, Shop};

/// Puts `bytes` in the shop's backups folder under a backup's name.
fn fake_backup(t: &TestShop, bytes: &[u8]) -> PathBuf {
    let dir = t.shop.backup_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("dangol-20240102-030405006-manual.sqlite3");
    std::fs::write(&path, bytes).unwrap();
    path
}

fn shop_with_customers(n: usize) -> TestShop {
    let t = TestShop::new();
    for i in 0..n {
        t.shop
            .create_customer(&form(&format!("고객{i}"), &format!("010-5000-{i:04}"), ""))
            .unwrap();
    }
    t
}

/// Restoring `path` is refused as not usable, and nothing changed.
fn assert_refused(t: &TestShop, path: &Path, problem: BackupProblem) {
    let before = t.shop.customer_count().unwrap();
    let preview = t.shop.preview_backup(path).unwrap();
    assert_eq!(preview.problem, Some(problem), "{}", path.display());
    assert!(!preview.usable);
    for confirm in [false, true] {
        let e = t.shop.restore_backup(path, confirm).unwrap_err();
        assert_eq!(
            common::field_codes(e),
            [("backup".to_string(), FieldErrorCode::InvalidChoice)]
        );
    }
    assert_eq!(t.shop.customer_count().unwrap(), before, "data changed");
}

#[test]
fn an_empty_file_named_like_a_backup_is_not_a_shop() {
    let t = shop_with_customers(3);
    let path = fake_backup(&t, b"");
    assert_refused(&t, &path, BackupProblem::NotAShop);
}

#[test]
fn another_programs_database_is_not_a_shop() {
    let t = shop_with_customers(3);
    let path = fake_backup(&t, b"");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
             INSERT INTO notes (body) VALUES ('hello');
             PRAGMA user_version = 3;",
        )
        .unwrap();
    }
    assert_refused(&t, &path, BackupProblem::NotAShop);
    // Another program's application id, even over Dangol's tables.
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    {
        let conn = rusqlite::Connection::open(&made.path).unwrap();
        conn.pragma_update(None, "application_id", 0x1234_5678)
            .unwrap();
    }
    assert_refused(&t, made.path.as_ref(), BackupProblem::NotAShop);
}

#[test]
fn a_shop_with_a_trigger_or_table_of_its_own_is_not_a_shop() {
    let t = shop_with_customers(3);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    {
        let conn = rusqlite::Connection::open(&made.path).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER spy AFTER INSERT ON customers BEGIN
                 UPDATE customers SET memo = 'x' WHERE id = new.id;
             END;",
        )
        .unwrap();
    }
    assert_refused(&t, made.path.as_ref(), BackupProblem::NotAShop);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    {
        let conn = rusqlite::Connection::open(&made.path).unwrap();
        conn.execute_batch("CREATE TABLE extra (x)").unwrap();
    }
    assert_refused(&t, made.path.as_ref(), BackupProblem::NotAShop);
}

#[test]
fn a_shop_from_a_newer_dangol_is_refused_as_too_new() {
    let t = shop_with_customers(3);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    {
        let conn = rusqlite::Connection::open(&made.path).unwrap();
        conn.pragma_update(None, "user_version", 9999).unwrap();
    }
    assert_refused(&t, made.path.as_ref(), BackupProblem::TooNew);
}

#[test]
fn a_damaged_shop_is_refused_as_damaged() {
    let t = shop_with_customers(300);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    let mut bytes = std::fs::read(&made.path).unwrap();
    let len = bytes.len();
    for b in &mut bytes[len / 2..len / 2 + 8192] {
        *b = 0x5A;
    }
    std::fs::write(&made.path, &bytes).unwrap();
    assert_refused(&t, made.path.as_ref(), BackupProblem::Damaged);
}

#[test]
fn an_empty_shop_is_restored_only_when_the_owner_confirms() {
    let t = shop_with_customers(0);
    let empty = t.shop.backup_now(BackupReason::Manual).unwrap();
    for i in 0..3 {
        t.shop
            .create_customer(&form(&format!("고객{i}"), &format!("010-5000-{i:04}"), ""))
            .unwrap();
    }
    let preview = t.shop.preview_backup(empty.path.as_ref()).unwrap();
    assert!(preview.usable);
    assert_eq!((preview.customers, preview.problem), (0, None));
    let e = t
        .shop
        .restore_backup(empty.path.as_ref(), false)
        .unwrap_err();
    assert_eq!(
        common::field_codes(e),
        [("confirm_empty".to_string(), FieldErrorCode::Required)]
    );
    assert_eq!(t.shop.customer_count().unwrap(), 3, "restored unasked");
    t.shop.restore_backup(empty.path.as_ref(), true).unwrap();
    assert_eq!(t.shop.customer_count().unwrap(), 0);
}

#[test]
fn a_real_backup_is_accepted_and_carries_dangols_application_id() {
    let t = shop_with_customers(2);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    let conn = rusqlite::Connection::open(&made.path).unwrap();
    let id: i64 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(id, i64::from(backup::APPLICATION_ID));
    drop(conn);
    let preview = t.shop.preview_backup(made.path.as_ref()).unwrap();
    assert_eq!((preview.customers, preview.problem), (2, None));
    t.shop.restore_backup(made.path.as_ref(), false).unwrap();
    assert_eq!(t.shop.customer_count().unwrap(), 2);
}

/// The files in a folder, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn previewing_and_restoring_a_backup_leave_nothing_beside_it() {
    let t = shop_with_customers(2);
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    t.shop.preview_backup(made.path.as_ref()).unwrap();
    t.shop.restore_backup(made.path.as_ref(), false).unwrap();
    for name in files_in(&t.shop.backup_dir()) {
        assert!(
            name.starts_with("dangol-") && name.ends_with(".sqlite3"),
            "{name} left in the backups folder"
        );
    }
}

#[test]
fn half_written_backups_are_cleaned_up() {
    let t = shop_with_customers(2);
    let dir = t.shop.backup_dir();
    std::fs::create_dir_all(&dir).unwrap();
    // What a backup interrupted by a crash or a power cut leaves.
    let partial = dir.join("dangol-20240102-030405006-daily.sqlite3.partial");
    std::fs::write(&partial, b"half a copy of every customer").unwrap();
    let owners_file = dir.join("my notes.txt");
    std::fs::write(&owners_file, b"mine").unwrap();
    t.shop.backup_now(BackupReason::Manual).unwrap();
    assert!(!partial.exists(), "the half copy is still there");
    assert!(owners_file.exists(), "a file that is not ours was removed");
}

#[test]
fn an_empty_shop_file_while_backups_exist_is_not_opened_as_a_new_shop() {
    let t = shop_with_customers(2);
    t.shop.backup_now(BackupReason::Manual).unwrap();
    let path = t.path();
    drop(t.shop);
    std::fs::write(&path, b"").unwrap();
    for side in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", path.display()));
    }
    match Shop::open(&path) {
        Err(Error::Corrupt(_)) => {}
        other => panic!("opened an empty file as a shop: {:?}", other.map(|_| ())),
    }
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "file touched");

    // With no backup beside it, an empty file is simply a new shop.
    let fresh = tempfile::tempdir().unwrap();
    let path = fresh.path().join("dangol.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let shop = Shop::open(&path).unwrap();
    assert_eq!(shop.customer_count().unwrap(), 0);
}

#[test]
fn the_oldest_backup_can_be_restored_when_the_folder_is_full() {
    let t = shop_with_customers(1);
    let oldest = t.shop.backup_now(BackupReason::Manual).unwrap();
    t.shop
        .create_customer(&form("나중손님", "010-6000-0001", ""))
        .unwrap();
    for _ in 1..backup::KEEP {
        t.shop.backup_now(BackupReason::Manual).unwrap();
    }
    assert_eq!(backup::list(&t.shop.backup_dir()).len(), backup::KEEP);
    // The backup made before restoring must not push out the one restored.
    t.shop.restore_backup(oldest.path.as_ref(), false).unwrap();
    assert_eq!(t.shop.customer_count().unwrap(), 1);
    assert_eq!(backup::list(&t.shop.backup_dir()).len(), backup::KEEP);
}
