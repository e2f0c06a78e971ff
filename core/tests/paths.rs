//! The window never names a file: the backups it can restore are the ones
//! the shop lists, by name, and the second backup folder is set only from
//! the system's folder dialog (the shell), never by the settings the
//! window sends back.

mod common;

use common::TestShop;
use dangol_core::data::backup::BackupReason;
use dangol_core::Error;

#[test]
fn only_listed_backups_can_be_named() {
    let t = TestShop::new();
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    assert_eq!(t.shop.find_backup(&made.file_name).unwrap(), made);
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join(&made.file_name);
    std::fs::copy(t.dir.path().join("backups").join(&made.file_name), &outside).unwrap();
    for name in [
        outside.display().to_string(),
        format!("../backups/{}", made.file_name),
        "dangol.sqlite3".to_string(),
        "/etc/passwd".to_string(),
        String::new(),
    ] {
        assert!(
            matches!(t.shop.find_backup(&name), Err(Error::NotFound { .. })),
            "{name} was accepted"
        );
    }
}

#[test]
fn the_backup_folder_is_not_set_by_the_settings_the_window_sends() {
    let t = TestShop::new();
    let mut s = t.shop.settings().unwrap();
    s.backup_folder = "/tmp/somewhere-the-window-chose".into();
    s.shop_name = "단골가게".into();
    let saved = t.shop.update_settings(&s).unwrap();
    assert_eq!(saved.shop_name, "단골가게", "the rest is saved");
    assert_eq!(saved.backup_folder, "", "the folder is not");

    let usb = tempfile::tempdir().unwrap();
    t.shop.set_backup_folder(Some(usb.path())).unwrap();
    let mut s = t.shop.settings().unwrap();
    assert_eq!(s.backup_folder, usb.path().display().to_string());
    s.backup_folder.clear();
    t.shop.update_settings(&s).unwrap();
    assert_eq!(
        t.shop.settings().unwrap().backup_folder,
        usb.path().display().to_string(),
        "nor cleared by them"
    );
    t.shop.set_backup_folder(None).unwrap();
    assert_eq!(t.shop.settings().unwrap().backup_folder, "");
}
