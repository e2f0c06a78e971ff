//! The shop's PC is gone — its keychain, its key file, the shop itself —
//! and only the backup folder on a USB stick is left. On a new PC, with a
//! new shop under a new key, the printed recovery key opens that folder's
//! backups and brings the customers back.

mod common;

use std::path::{Path, PathBuf};

use common::form;
use dangol_core::data::backup::{BackupProblem, BackupReason};
use dangol_core::data::vault::{self, DbKey, KeyFile, RecoveryKey, SecretKind};
use dangol_core::{Error, Shop};

const NAME: &str = "김은행";
const PHONE: &str = "01077701234";

/// A shop set up as the app sets one up: a random key, a key file sealed
/// by a recovery key and a PIN.
fn new_shop(db: &Path) -> (Shop, DbKey, RecoveryKey) {
    let key = DbKey::random();
    let recovery = RecoveryKey::random();
    let mut keys = KeyFile::new(&key, &recovery);
    keys.set_secret(&key, Some((SecretKind::Pin, "2580")));
    keys.save(db).unwrap();
    (
        Shop::open_keyed(db, Some(key.clone())).unwrap(),
        key,
        recovery,
    )
}

/// Copies the backup and its key file to `stick`, as the second backup
/// folder would hold them; returns the copied backup.
fn to_stick(backup: &Path, stick: &Path) -> PathBuf {
    std::fs::create_dir_all(stick).unwrap();
    let to = stick.join(backup.file_name().unwrap());
    std::fs::copy(backup, &to).unwrap();
    std::fs::copy(vault::backup_key_path(backup), vault::backup_key_path(&to)).unwrap();
    to
}

#[test]
fn a_backup_from_a_lost_pc_opens_on_a_new_one_with_the_printed_words() {
    let old_pc = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let (shop, _key, recovery) = new_shop(&old_pc.path().join("dangol.sqlite3"));
    shop.create_customer(&form(NAME, PHONE, "")).unwrap();
    let made = shop.backup_now(BackupReason::Manual).unwrap();
    let key_file = vault::backup_key_path(Path::new(&made.path));
    assert!(key_file.is_file(), "no key file beside the backup");
    // The key file holds the key sealed by the words only: no PIN seal to
    // try four digits against, and no key in the clear.
    let text = std::fs::read_to_string(&key_file).unwrap();
    assert!(!text.contains("\"secret\""), "{text}");
    let on_stick = to_stick(Path::new(&made.path), stick.path());
    let words = recovery.words().join(" ");
    drop((shop, recovery));
    drop(old_pc);

    let new_pc = tempfile::tempdir().unwrap();
    let new_db = new_pc.path().join("dangol.sqlite3");
    let (shop, new_key, _) = new_shop(&new_db);
    assert_eq!(shop.customer_count().unwrap(), 0);

    // Without the words: the backup says what it needs.
    let preview = shop.preview_backup(&on_stick).unwrap();
    assert!(!preview.usable);
    assert_eq!(preview.problem, Some(BackupProblem::NeedsRecoveryKey));
    assert!(shop.restore_backup(&on_stick, false).is_err());
    // Other words open nothing, and change nothing.
    let other = RecoveryKey::random();
    let err = shop
        .restore_backup_with(&on_stick, false, Some(&other))
        .unwrap_err();
    assert!(matches!(err, Error::WrongKey), "{err:?}");
    assert_eq!(shop.customer_count().unwrap(), 0);

    // Her words, typed back.
    let typed = RecoveryKey::parse(&words.to_uppercase()).unwrap();
    let preview = shop.preview_backup_with(&on_stick, Some(&typed)).unwrap();
    assert!(preview.usable, "{preview:?}");
    assert_eq!(preview.customers, 1);
    shop.restore_backup_with(&on_stick, false, Some(&typed))
        .unwrap();
    assert_eq!(shop.search(NAME, 5).hits.len(), 1);
    drop(shop);

    // The new shop is still under the new PC's key, and its file is not
    // plain.
    assert!(!vault::is_plaintext(&new_db));
    let shop = Shop::open_keyed(&new_db, Some(new_key)).unwrap();
    assert_eq!(shop.search(NAME, 5).hits.len(), 1);
}

#[test]
fn backups_made_before_the_key_files_get_theirs_and_old_ones_go_with_their_backup() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dangol.sqlite3");
    let (shop, key, _) = new_shop(&db);
    shop.create_customer(&form(NAME, PHONE, "")).unwrap();
    let made = shop.backup_now(BackupReason::Manual).unwrap();
    let key_file = vault::backup_key_path(Path::new(&made.path));
    std::fs::remove_file(&key_file).unwrap();
    drop(shop);
    // Opening the shop seals the backups beside it again.
    let shop = Shop::open_keyed(&db, Some(key)).unwrap();
    assert!(key_file.is_file());
    // Pruned backups take their key files with them.
    for _ in 0..dangol_core::data::backup::KEEP + 1 {
        shop.backup_now(BackupReason::Manual).unwrap();
    }
    assert!(!Path::new(&made.path).exists());
    assert!(!key_file.exists(), "a key file outlived its backup");
    let dir_files: Vec<String> = std::fs::read_dir(shop.backup_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let backups = dir_files.iter().filter(|n| n.ends_with(".sqlite3")).count();
    let keys = dir_files.iter().filter(|n| n.ends_with(".key")).count();
    assert_eq!(backups, keys, "{dir_files:?}");
    assert_eq!(shop.list_backups().unwrap().len(), backups);
}
