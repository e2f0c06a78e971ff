//! A person's rights in the real window: from a customer's screen, her
//! data as a printable page and saved as an .xlsx where the owner chooses
//! (her name in it, another customer's not; the toast says the file is not
//! encrypted); the delete dialog says what backups keep; and, with a
//! retention period set, 오늘 lists customers idle longer than it.

use calamine::{open_workbook, Reader, Xlsx};
use chrono::Months;

use crate::app::{tid, App};
use crate::shop::{add_customer, open_shop, search, set_up_shop, shows_customer, shows_text};

#[test]
fn her_personal_data_is_printed_and_saved_from_her_screen() {
    let app = open_shop(
        "her_personal_data_is_printed_and_saved_from_her_screen",
        "setup-start-sample",
    );
    add_customer(&app, "탁지우", "010-9182-0071", "");
    add_customer(&app, "제갈소연", "010-9182-0072", "");
    let input = search(&app, "0071");
    app.wd
        .send_keys(&input, crate::webdriver::keys::ENTER)
        .expect("Enter");
    shows_customer(&app, "탁지우");
    app.snapshot("customer");

    app.click("personal-data");
    shows_text(
        &app,
        &tid("personal-data-unencrypted"),
        "암호화되지 않습니다",
    );
    app.snapshot("dialog");

    // The printable page: her record first, every kind after it.
    app.click("personal-data-print");
    let page = shows_text(
        &app,
        &tid("personal-data-print-view"),
        "탁지우 님의 개인정보",
    );
    assert!(page.contains("010-9182-0071"), "{page}");
    assert!(
        !page.contains("제갈소연") && !page.contains("0072"),
        "{page}"
    );
    let sections = app.texts(&tid("personal-data-section")).unwrap().len();
    assert_eq!(sections, 15, "a section per kind");
    app.snapshot("print");
    app.click("personal-data-print-close");
    app.wait_gone(&tid("personal-data-print-view"));

    // Back in the dialog: saved where the owner says in the save dialog.
    app.wait_for(&tid("personal-data-dialog"));
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("탁지우 님 개인정보.xlsx");
    app.answer_dialog(&path);
    app.watch_toasts();
    app.click("personal-data-save");
    app.wait_until("the saved workbook", || {
        Ok(std::fs::metadata(&path).ok().filter(|m| m.len() > 0))
    });
    app.saw_toast("암호화되지 않으니");
    let mut book: Xlsx<_> = open_workbook(&path).expect("an .xlsx");
    let names = book.sheet_names().to_vec();
    assert_eq!(names[0], "기본 정보");
    assert_eq!(names.len(), 15);
    let mut cells = String::new();
    for name in names {
        let sheet = book.worksheet_range(&name).expect("a sheet");
        for c in sheet.rows().flatten() {
            cells.push_str(&c.to_string());
            cells.push('\n');
        }
    }
    assert!(cells.contains("탁지우") && cells.contains("010-9182-0071"));
    assert!(
        !cells.contains("제갈소연") && !cells.contains("0072"),
        "{cells}"
    );

    // Deleting her would say what the backups keep: none yet, then the
    // one made now, and about when it goes.
    app.click("delete-customer");
    shows_text(&app, &tid("erase-backups"), "백업에는 아직");
    app.click_css(&format!(
        "{} {}",
        tid("confirm-delete"),
        tid("confirm-cancel")
    ));
    app.wait_gone(&tid("confirm-delete"));
    app.click("nav-data");
    app.click("backup-now");
    shows_text(&app, &tid("backup-item"), "직접 백업");
    let input = search(&app, "0071");
    app.wd
        .send_keys(&input, crate::webdriver::keys::ENTER)
        .expect("Enter");
    shows_customer(&app, "탁지우");
    app.click("delete-customer");
    let said = shows_text(&app, &tid("erase-backups"), "백업 1개");
    assert!(said.contains("쯤 모두 지워집니다"), "{said}");
    app.snapshot("erase");
    app.click_css(&format!(
        "{} {}",
        tid("confirm-delete"),
        tid("confirm-cancel")
    ));
    app.wait_gone(&tid("confirm-delete"));
}

/// The shop is prepared on its file: one customer last seen four years
/// ago (written through the core at that moment), one seen last month.
#[test]
fn today_lists_customers_past_the_retention_period() {
    let app = App::launch_with("today_lists_customers_past_the_retention_period", |data| {
        use dangol_core::history::entries;
        use dangol_core::people::rights::retention::RetentionPeriod;
        let shop = set_up_shop(data, "행복한 세탁소");
        let now = chrono::Utc::now();
        for (name, phone, months) in [
            ("오래된", "010-3030-1111", 50),
            ("김옛날", "010-3030-2222", 40),
            ("최근에", "010-3030-3333", 1),
        ] {
            let input = dangol_core::CustomerInput {
                name: name.into(),
                phones: vec![dangol_core::PhoneInput {
                    label: Default::default(),
                    number: phone.into(),
                }],
                ..Default::default()
            };
            let id = shop.create_customer(&input).expect("customer").id;
            let sale = dangol_core::SaleInput {
                amount: "15000".into(),
                credit: months == 40,
                ..Default::default()
            };
            let at = now.checked_sub_months(Months::new(months)).unwrap();
            shop.db()
                .with_tx(|tx| entries::record_sale(tx, id, &sale, dangol_core::Country::KR, at))
                .expect("a sale back then");
        }
        shop.set_retention_period(RetentionPeriod::ThreeYears)
            .expect("three years");
    });
    crate::shop::past_security_step(&app);
    // The new shop's checklist is put away, as an owner would after a while.
    app.click("first-day-close");
    app.wait_gone(&tid("first-day"));
    let card = shows_text(&app, &tid("home-retention"), "보관 기간이 지난 고객");
    assert!(card.contains("오래된") && card.contains("김옛날"), "{card}");
    assert!(!card.contains("최근에"), "{card}");
    let el = app.wait_for(&tid("home-retention"));
    app.wd
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            &[el.to_json()],
        )
        .expect("scroll to the card");
    app.snapshot("today");

    // 계속 보관: off the list, and nothing deleted.
    app.watch_toasts();
    app.click_css(&format!(
        "{} {}",
        tid("home-retention-row"),
        tid("home-retention-keep")
    ));
    app.saw_toast("계속 보관합니다");
    let left = app.texts(&tid("home-retention-row")).unwrap();
    assert_eq!(left.len(), 1, "{left:?}");

    // In English, with the period's setting on the way.
    app.click("nav-settings");
    app.click("settings-language-en");
    let row = app.wait_for("#settings-retention-card");
    app.wd
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            &[row.to_json()],
        )
        .expect("scroll to the setting");
    shows_text(&app, "#settings-retention-card", "Keep for");
    app.snapshot("settings-en");
    app.click("nav-home");
    let card = shows_text(&app, &tid("home-retention"), "past the retention period");
    assert!(card.contains("3 years"), "{card}");
    app.snapshot("today-en");
}
