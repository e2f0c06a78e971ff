//! Encryption at rest, through the public API: what lies on the disk (the
//! shop file, its log, its backups) holds no customer's name, phone or note
//! in plain bytes; a wrong key opens nothing and changes nothing; the
//! printed recovery key opens the shop and its backups when the keychain
//! and the PIN are gone; a plaintext shop is converted once, and a kill in
//! the middle leaves the old file or the new one.

mod common;

use std::path::{Path, PathBuf};

use common::form;
use dangol_core::data::backup::BackupReason;
use dangol_core::data::vault::{self, DbKey, KeyFile, RecoveryKey, Refused, SecretKind};
use dangol_core::{Error, Shop};

const NAME: &str = "김비밀";
const PHONE: &str = "01055501234";
const NOTE: &str = "땅콩 알레르기 주의";

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w == n)
}

/// Every file in `dir` and below, with its bytes.
fn all_files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(all_files(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn assert_nothing_plain(dir: &Path) {
    let files = all_files(dir);
    assert!(
        files.len() >= 2,
        "the shop and a backup at least: {files:?}",
        files = files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (path, bytes) in files {
        for secret in [NAME, PHONE, "010-5550-1234", NOTE] {
            assert!(
                !contains(&bytes, secret),
                "{secret} in plain bytes in {}",
                path.display()
            );
        }
        if path.extension().is_some_and(|e| e == "sqlite3") {
            assert!(!vault::is_plaintext(&path), "{} is plain", path.display());
        }
    }
}

fn fill(shop: &Shop) -> i64 {
    let c = shop.create_customer(&form(NAME, PHONE, "")).unwrap();
    shop.add_note(c.id, NOTE, None).unwrap();
    c.id
}

#[test]
fn the_shop_its_log_and_its_backups_hold_no_plain_customer_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let key = DbKey::random();
    let shop = Shop::open_keyed(&db, Some(key.clone())).unwrap();
    fill(&shop);
    shop.backup_now(BackupReason::Manual).unwrap();
    // While open: the write-ahead log holds the latest pages.
    assert!(dir.path().join("dangol.sqlite3-wal").exists());
    assert_nothing_plain(dir.path());
    drop(shop);
    assert_nothing_plain(dir.path());
    // And it is all there, with the key.
    let shop = Shop::open_keyed(&db, Some(key)).unwrap();
    assert_eq!(shop.search(NAME, 5).hits.len(), 1);
    let backups = shop.list_backups().unwrap();
    assert_eq!(
        shop.preview_backup(Path::new(&backups[0].path))
            .unwrap()
            .customers,
        1
    );
}

#[test]
fn a_wrong_key_opens_nothing_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let key = DbKey::random();
    fill(&Shop::open_keyed(&db, Some(key.clone())).unwrap());
    let before = all_files(dir.path());
    let err = Shop::open_keyed(&db, Some(DbKey::random()))
        .err()
        .expect("refused");
    assert!(matches!(err, Error::WrongKey), "{err:?}");
    // Without a key it is not a database SQLite can read at all.
    let err = Shop::open(&db).err().expect("refused");
    assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
    assert_eq!(
        all_files(dir.path()),
        before,
        "a refused open wrote something"
    );
    let shop = Shop::open_keyed(&db, Some(key)).unwrap();
    assert_eq!(shop.customer_count().unwrap(), 1);
}

#[test]
fn the_recovery_key_opens_the_shop_and_its_backups_without_keychain_or_pin() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let key = DbKey::random();
    let recovery = RecoveryKey::random();
    let mut keys = KeyFile::new(&key, &recovery);
    keys.set_secret(&key, Some((SecretKind::Pin, "4321")));
    keys.save(&db).unwrap();
    let shop = Shop::open_keyed(&db, Some(key)).unwrap();
    fill(&shop);
    shop.backup_now(BackupReason::Manual).unwrap();
    drop(shop);
    // The keychain entry is gone (the key is only in this test's memory,
    // now dropped) and the PIN forgotten: the owner types her words, in
    // capitals and on two lines, as from the printed page.
    let words = recovery.words();
    let typed = format!(
        "{}\n{}",
        words[..6].join(" "),
        words[6..].join("  ").to_uppercase()
    );
    drop(recovery);
    let mut keys = KeyFile::load(&db).unwrap().unwrap();
    let now = chrono::Utc::now();
    assert!(matches!(
        keys.try_secret("1111", now),
        Err(Refused::Wrong { .. })
    ));
    let recovered = keys
        .open_with_recovery(&RecoveryKey::parse(&typed).unwrap())
        .expect("the printed words open the key");
    let shop = Shop::open_keyed(&db, Some(recovered.clone())).unwrap();
    assert_eq!(shop.search(NAME, 5).hits.len(), 1);
    let backup = &shop.list_backups().unwrap()[0];
    let preview = shop.preview_backup(Path::new(&backup.path)).unwrap();
    assert!(preview.usable, "{preview:?}");
    assert_eq!(preview.customers, 1);
    shop.restore_backup(Path::new(&backup.path), false).unwrap();
    assert_eq!(shop.search(NAME, 5).hits.len(), 1);
    // Another set of words does not.
    assert!(keys.open_with_recovery(&RecoveryKey::random()).is_none());
    assert!(RecoveryKey::parse("not the words at all").is_none());
}

#[test]
fn wrong_pins_after_five_wait_longer_each_time() {
    let key = DbKey::random();
    let mut keys = KeyFile::new(&key, &RecoveryKey::random());
    keys.set_secret(&key, Some((SecretKind::Pin, "2580")));
    let t0 = chrono::Utc::now();
    for i in 1..=4 {
        assert_eq!(
            keys.try_secret("0000", t0),
            Err(Refused::Wrong {
                failed: i,
                wait_until: None
            })
        );
    }
    let Err(Refused::Wrong {
        wait_until: Some(first),
        ..
    }) = keys.try_secret("0000", t0)
    else {
        panic!("the fifth wrong try makes the next wait");
    };
    // Too soon: even the right PIN is not checked.
    assert_eq!(
        keys.try_secret("2580", t0),
        Err(Refused::Wait { until: first })
    );
    let Err(Refused::Wrong {
        wait_until: Some(second),
        ..
    }) = keys.try_secret("0000", first)
    else {
        panic!("still waiting");
    };
    assert!(second - first > first - t0, "the wait grows");
    assert!(keys.try_secret("2580", second).is_ok());
    assert_eq!(keys.lock.failed, 0);
}

#[test]
fn a_plaintext_shop_is_converted_once_with_a_backup_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let shop = Shop::open(&db).unwrap();
    let id = fill(&shop);
    shop.backup_now(BackupReason::Manual).unwrap();
    drop(shop);
    assert!(vault::is_plaintext(&db));
    let key = DbKey::random();
    let shop = Shop::open_keyed(&db, Some(key.clone())).unwrap();
    assert_eq!(shop.get_customer(id).unwrap().name, NAME);
    assert_eq!(
        shop.search(NOTE, 5).hits.len(),
        0,
        "notes are not in the name index"
    );
    assert!(shop.balance_owed(id).is_ok());
    let backups = shop.list_backups().unwrap();
    assert!(backups
        .iter()
        .any(|b| b.reason == BackupReason::BeforeEncryption));
    assert!(backups.len() >= 2);
    drop(shop);
    // The backup taken first, and the one from before, are encrypted too.
    assert_nothing_plain(dir.path());
    let again = Shop::open_keyed(&db, Some(key)).unwrap();
    assert_eq!(
        again.list_backups().unwrap().len(),
        backups.len(),
        "converted once"
    );
}

/// A plain backup from before (a USB stick that was away) is restored into
/// an encrypted shop, and the file on the stick is left as it was.
#[test]
fn a_plain_backup_restores_into_an_encrypted_shop() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old/dangol.sqlite3");
    let shop = Shop::open(&old).unwrap();
    fill(&shop);
    let made = shop.backup_now(BackupReason::Manual).unwrap();
    drop(shop);
    let plain_copy = std::fs::read(&made.path).unwrap();
    let db = dir.path().join("new/dangol.sqlite3");
    let shop = Shop::open_keyed(&db, Some(DbKey::random())).unwrap();
    shop.restore_backup(Path::new(&made.path), false).unwrap();
    assert_eq!(shop.search(NAME, 5).hits.len(), 1);
    assert_eq!(std::fs::read(&made.path).unwrap(), plain_copy);
    drop(shop);
    assert!(!vault::is_plaintext(&db));
}

/// Run as a child by `a_killed_conversion_leaves_the_old_file_or_the_new`.
#[test]
fn child_convert_until_killed() {
    let Some(db) = std::env::var_os("DANGOL_KILL_CONVERT_DB") else {
        return;
    };
    let key = DbKey::from_hex(&std::env::var("DANGOL_KILL_CONVERT_KEY").unwrap()).unwrap();
    vault::encrypt_shop(Path::new(&db), &key).unwrap();
}

#[test]
fn a_killed_conversion_leaves_the_old_file_or_the_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let shop = Shop::open(&db).unwrap();
    shop.db()
        .with_tx(|tx| {
            dangol_core::sample::fill(tx, dangol_core::Country::KR, 100_000, chrono::Utc::now())
        })
        .unwrap();
    drop(shop);
    let key = DbKey::random();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["child_convert_until_killed", "--exact", "--nocapture"])
        .env("DANGOL_KILL_CONVERT_DB", &db)
        .env("DANGOL_KILL_CONVERT_KEY", key.to_hex())
        .spawn()
        .unwrap();
    // Kill it once the new file is being written.
    let tmp = dir.path().join("dangol.sqlite3.encrypting");
    let started = std::time::Instant::now();
    while !tmp.metadata().is_ok_and(|m| m.len() > 1 << 20) {
        assert!(
            child.try_wait().unwrap().is_none(),
            "converted before it could be killed"
        );
        assert!(started.elapsed().as_secs() < 300, "the new file never grew");
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // The old file is whole: the plain shop, all of it.
    assert!(vault::is_plaintext(&db));
    assert_eq!(Shop::open(&db).unwrap().customer_count().unwrap(), 100_000);
    // The next start converts it, the leftover gone.
    let shop = Shop::open_keyed(&db, Some(key)).unwrap();
    assert_eq!(shop.customer_count().unwrap(), 100_000);
    assert!(!tmp.exists());
    drop(shop);
    assert!(!vault::is_plaintext(&db));
}

/// The child of `closing_while_the_background_reads_run_exits_cleanly`:
/// opens the encrypted shop, starts the whole check the open skipped,
/// closes at once (the index is still being built too) and exits.
#[test]
fn child_close_while_reading() {
    let Some(db) = std::env::var_os("DANGOL_CLOSE_READING_DB") else {
        return;
    };
    let key = DbKey::from_hex(&std::env::var("DANGOL_CLOSE_READING_KEY").unwrap()).unwrap();
    let shop = std::sync::Arc::new(Shop::open_keyed(Path::new(&db), Some(key)).unwrap());
    assert!(shop.db().skipped_whole_check(), "the clean close vouched");
    let checking = {
        let shop = shop.clone();
        std::thread::spawn(move || shop.check_file_if_skipped())
    };
    std::thread::sleep(std::time::Duration::from_millis(20));
    shop.close();
    // The app's exit does not wait for the upkeep's thread; the check
    // must have let go of the file by now all the same.
    std::mem::forget(checking);
    std::mem::forget(shop);
}

/// Closing the app a moment after it opened, while the index's first
/// build and the skipped whole check still decrypt pages: the process
/// exits without crashing (SQLCipher frees its heap at exit, under any
/// reader still using it), the close is clean and nothing is lost.
#[test]
fn closing_while_the_background_reads_run_exits_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let key = DbKey::random();
    let shop = Shop::open_keyed(&db, Some(key.clone())).unwrap();
    shop.db()
        .with_tx(|tx| {
            dangol_core::sample::fill(tx, dangol_core::Country::KR, 20_000, chrono::Utc::now())
        })
        .unwrap();
    drop(shop);
    for run in 0..3 {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["child_close_while_reading", "--exact", "--nocapture"])
            .env("DANGOL_CLOSE_READING_DB", &db)
            .env("DANGOL_CLOSE_READING_KEY", key.to_hex())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "run {run}: the process ended with {:?}: {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        // The close was clean: the next open trusts the file again.
        let format = format!("{}-checked", db.display());
        assert!(Path::new(&format).exists(), "run {run}: stamp left");
    }
    let shop = Shop::open_keyed(&db, Some(key)).unwrap();
    assert!(shop.db().skipped_whole_check());
    assert_eq!(shop.customer_count().unwrap(), 20_000);
    shop.check_file_if_skipped().unwrap();
}
