//! The window never names a file: each command that reads or writes one is
//! called here straight through the real IPC, as a hostile page script
//! would, with paths of its own choosing, and each refuses. (The owner's
//! way, through the system's dialogs, is in `data.rs`.)

use serde_json::{json, Value};

use crate::app::tid;
use crate::shop::{add_customer, open_shop, shows_text};

fn no_options() -> Value {
    json!({ "encoding": null, "mapping": [], "duplicates": {} })
}

#[test]
fn commands_refuse_files_the_window_names() {
    let app = open_shop(
        "commands_refuse_files_the_window_names",
        "setup-start-empty",
    );
    add_customer(&app, "한결", "010-4545-6767", "");
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let list = elsewhere.path().join("list.csv");
    std::fs::write(&list, "이름\n몰래손님\n").expect("write");

    // Import: a path is not a chosen file, and neither is a made-up token.
    let path = list.display().to_string();
    let err = app
        .invoke(
            "preview_import",
            json!({ "path": path, "options": no_options() }),
        )
        .expect_err("a path for preview_import");
    assert!(err.to_string().contains("file"), "{err}");
    let err = app
        .invoke(
            "import_customers",
            json!({ "file": 424242, "options": no_options() }),
        )
        .expect_err("an unknown token");
    assert_eq!(err["code"], "file_refused", "{err}");
    assert_eq!(err["file"]["reason"], "unavailable", "{err}");

    // Restore: only a backup of the shop's own list, by its name.
    app.click("nav-data");
    app.click("backup-now");
    shows_text(&app, &tid("backup-item"), "직접 백업");
    let made = std::fs::read_dir(app.data_dir().join("backups"))
        .expect("backups")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.to_string_lossy().contains("manual") && p.extension().is_some_and(|x| x == "sqlite3")
        })
        .expect("the manual backup");
    let copy = elsewhere.path().join(made.file_name().unwrap());
    std::fs::copy(&made, &copy).expect("copy the backup");
    for name in [
        copy.display().to_string(),
        format!("../backups/{}", made.file_name().unwrap().to_string_lossy()),
        "/etc/passwd".into(),
    ] {
        let err = app
            .invoke("restore_backup", json!({ "fileName": name }))
            .expect_err("a path for restore_backup");
        assert_eq!(err["code"], "not_found", "{name}: {err}");
        let err = app
            .invoke("recovery_preview", json!({ "fileName": name }))
            .expect_err("a path for recovery_preview");
        assert_eq!(err["code"], "not_found", "{name}: {err}");
    }
    let err = app
        .invoke("restore_chosen_backup", json!({ "file": 7 }))
        .expect_err("an unknown token");
    assert_eq!(err["code"], "file_refused", "{err}");

    // Export: a path the page names is not where anything is written.
    let target = elsewhere.path().join("stolen.csv");
    let asked = json!({
        "path": target.display().to_string(),
        "format": "csv",
        "withHistory": false,
        "text": { "title": "", "filter": "", "file_name": "../../stolen" },
    });
    let saved = app
        .invoke("export_customers", asked)
        .expect("no dialog answer: cancelled");
    assert!(saved.is_null(), "{saved}");
    assert!(!target.exists(), "written where the page said");

    // The backup folder: not set by the settings the page sends.
    let mut settings = app.invoke("get_settings", json!({})).expect("settings");
    settings["backup_folder"] = elsewhere.path().display().to_string().into();
    let saved = app
        .invoke("update_settings", json!({ "settings": settings }))
        .expect("settings saved");
    assert_eq!(saved["backup_folder"], "", "{saved}");
    // The paths the app reads are never sent to the page either.
    let listed = app.invoke("list_backups", json!({})).expect("backups");
    assert!(listed[0].get("path").is_none(), "{listed}");
}
