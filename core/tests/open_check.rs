//! Opening a shop reads every page of its file only when it must: after a
//! clean close the next open trusts the file as it was left, and anything
//! else (a crash, a change behind Dangol's back, a week gone by) makes it
//! check the whole file, and refuse a damaged one, as before.

mod common;

use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{form, TestShop};
use dangol_core::data::vault::DbKey;
use dangol_core::{Error, Shop};

fn fill(t: &TestShop, n: usize) {
    for i in 0..n {
        t.shop
            .create_customer(&form(&format!("고객{i}"), &format!("010-5000-{i:04}"), ""))
            .unwrap();
    }
}

/// A shop of 300 customers, closed cleanly (its stamp left), and where
/// its file is (the folder goes when dropped).
fn closed_shop_of_300() -> (tempfile::TempDir, std::path::PathBuf) {
    let t = TestShop::new();
    fill(&t, 300);
    let path = t.path();
    drop(t.shop);
    (t.dir, path)
}

fn stamp(db: &Path) -> std::path::PathBuf {
    format!("{}-checked", db.display()).into()
}

/// Scribbles over four pages from page `from` (counted from the end when
/// negative) and puts the file's modification time back: the same file,
/// the same size, the same time, as a decaying disk would leave it.
fn damage_in_place(db: &Path, from: i64) {
    use std::io::{Seek, SeekFrom, Write};
    let modified = std::fs::metadata(db).unwrap().modified().unwrap();
    let mut f = std::fs::OpenOptions::new().write(true).open(db).unwrap();
    let pages = i64::try_from(f.metadata().unwrap().len() / 4096).unwrap();
    assert!(pages > 16, "file too small");
    let first = if from < 0 { pages + from } else { from };
    f.seek(SeekFrom::Start(u64::try_from(first * 4096).unwrap()))
        .unwrap();
    f.write_all(&[0x5A; 4 * 4096]).unwrap();
    f.set_modified(modified).unwrap();
    f.sync_all().unwrap();
}

fn refused_as_corrupt(db: &Path) {
    match Shop::open(db) {
        Err(Error::Corrupt(_)) => {}
        other => panic!("expected Corrupt, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn after_a_clean_close_the_next_open_trusts_the_file_and_keeps_everything() {
    let t = TestShop::new();
    assert!(
        !t.shop.db().skipped_whole_check(),
        "a new file is checked whole"
    );
    fill(&t, 50);
    let t = t.reopen();
    assert!(t.shop.db().skipped_whole_check());
    assert_eq!(t.shop.search("고객4", 100).total, 11);
    // The stamp is used once: the open takes it away.
    assert!(!stamp(&t.path()).exists());
}

#[test]
fn a_crash_leaves_no_stamp_and_the_next_open_checks_the_whole_file() {
    let t = TestShop::new();
    fill(&t, 5);
    let t = t.reopen();
    assert!(t.shop.db().skipped_whole_check());
    // Written, then the process dies: no close, the log still holds it.
    fill(&t, 1);
    let path = t.path();
    let dir = t.dir;
    std::mem::forget(t.shop);
    let again = Shop::open(&path).unwrap();
    assert!(!again.db().skipped_whole_check());
    assert_eq!(again.search("고객0", 100).total, 2);
    drop(again);
    drop(dir);
}

#[test]
fn writes_after_the_close_make_the_next_open_check_the_whole_file() {
    let t = TestShop::new();
    fill(&t, 5);
    t.shop.close();
    assert!(stamp(&t.path()).exists());
    // No read starts after the close (the process is about to exit)...
    assert!(t.shop.db().reader().is_err_and(|e| e.is_interrupted()));
    // ...but a write still lands (a command still running).
    t.shop
        .db()
        .with_tx(|tx| Ok(tx.execute("DELETE FROM customers WHERE id = 1", [])?))
        .unwrap();
    let path = t.path();
    let dir = t.dir;
    std::mem::forget(t.shop);
    let again = Shop::open(&path).unwrap();
    assert!(!again.db().skipped_whole_check());
    drop(again);
    drop(dir);
}

#[test]
fn a_file_changed_behind_dangols_back_is_checked_and_refused() {
    let (dir, path) = closed_shop_of_300();
    assert!(stamp(&path).exists());
    // Another program writes the same bytes' worth: a new time.
    let mut bytes = std::fs::read(&path).unwrap();
    for b in &mut bytes[8 * 4096..12 * 4096] {
        *b = 0x5A;
    }
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&path, &bytes).unwrap();
    refused_as_corrupt(&path);
    drop(dir);
}

#[test]
fn damage_under_an_unchanged_file_is_found_by_the_background_check_and_refused_next_time() {
    let (dir, path) = closed_shop_of_300();
    // The last pages: the opening reads none of them.
    damage_in_place(&path, -6);
    // The stamp vouches for the file: it opens without reading every page.
    let shop = Shop::open(&path).unwrap();
    assert!(shop.db().skipped_whole_check());
    // The upkeep's check reads them all and finds the damage...
    match shop.check_file_if_skipped() {
        Err(Error::Corrupt(_)) => {}
        other => panic!("expected Corrupt, got {other:?}"),
    }
    // ...so the close leaves no stamp, and the next start refuses it
    // (the window then offers the backups).
    drop(shop);
    assert!(!stamp(&path).exists());
    refused_as_corrupt(&path);
    drop(dir);
}

#[test]
fn damage_the_opening_reads_is_refused_as_damage() {
    let (dir, path) = closed_shop_of_300();
    // Pages the opening reads (the settings' among them).
    damage_in_place(&path, 8);
    refused_as_corrupt(&path);
    drop(dir);
}

#[test]
fn a_stamp_older_than_a_week_no_longer_vouches_for_the_file() {
    let (dir, path) = closed_shop_of_300();
    damage_in_place(&path, -6);
    let text = std::fs::read_to_string(stamp(&path)).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let eight_days_ago = SystemTime::now() - Duration::from_secs(8 * 24 * 3600);
    let secs = eight_days_ago
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    json["checked_at"] = secs.into();
    std::fs::write(stamp(&path), json.to_string()).unwrap();
    refused_as_corrupt(&path);
    drop(dir);
}

#[test]
fn a_trusted_encrypted_file_still_refuses_the_wrong_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dangol.sqlite3");
    let key = DbKey::random();
    let shop = Shop::open_keyed(&path, Some(key.clone())).unwrap();
    shop.create_customer(&form("김민수", "010-1234-5678", ""))
        .unwrap();
    drop(shop);
    assert!(stamp(&path).exists());
    match Shop::open_keyed(&path, Some(DbKey::random())) {
        Err(Error::WrongKey) => {}
        other => panic!("expected WrongKey, got {:?}", other.map(|_| ())),
    }
    // The refused open changed nothing, the stamp included: the right key
    // opens the file as it was left.
    assert!(stamp(&path).exists());
    let shop = Shop::open_keyed(&path, Some(key)).unwrap();
    assert!(shop.db().skipped_whole_check());
    assert_eq!(shop.search("김민수", 10).total, 1);
}
