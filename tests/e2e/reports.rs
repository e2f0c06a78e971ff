//! Reports end to end on the sample shop: the repurchase chart drawn from
//! Rust's figures, its numbers a click away and saved as an .xlsx that a
//! spreadsheet reads; and from "stopped coming" straight to a letter.

use calamine::{open_workbook, Data, Reader, Xlsx};

use crate::app::tid;
use crate::shop::{open_shop, shows_text};

#[test]
fn sample_shop_reports_show_repurchase_and_export_it() {
    let app = open_shop(
        "sample_shop_reports_show_repurchase_and_export_it",
        "setup-start-sample",
    );
    app.click("nav-reports");
    app.wait_for(&tid("reports-screen"));

    // The last 12 months: a rate, the sentence behind it, a point a month.
    let rate = shows_text(&app, &tid("repurchase-rate"), "%");
    shows_text(&app, &tid("repurchase-headline"), "다시 온 고객");
    app.wait_for(&tid("chart-repurchase"));
    let points = app.wait_until("the trend's points", || {
        let n = app.texts(&tid("trend-point"))?.len();
        Ok((n >= 10).then_some(n))
    });
    assert!(points <= 12, "{points} points for 12 months");
    app.snapshot("reports");
    // Every other report is on the screen too (pictures for a look at each).
    for kind in [
        "activity",
        "lapsed",
        "top",
        "complaints",
        "tiers",
        "rewards",
    ] {
        let card = app.wait_for(&tid(&format!("report-{kind}")));
        app.wd
            .execute("arguments[0].scrollIntoView();", &[card.to_json()])
            .expect("scroll to the report");
        app.snapshot(&format!("reports-{kind}"));
    }

    // Its numbers: the whole period's row says the same rate.
    app.click("report-repurchase-numbers");
    let table = shows_text(&app, &tid("report-repurchase-table"), "재구매율 (월별)");
    assert!(table.contains("기간 전체"), "{table}");
    assert!(table.contains(rate.trim()), "rate {rate} not in {table}");
    app.snapshot("reports-numbers");

    // Saved to Excel, where the owner says in the save dialog.
    let files = tempfile::tempdir().expect("temp dir");
    let path = files.path().join("재구매율.xlsx");
    app.answer_dialog(&path);
    app.click("report-repurchase-export");
    app.wait_until("the exported workbook", || {
        Ok(std::fs::metadata(&path).ok().filter(|m| m.len() > 0))
    });
    let mut book: Xlsx<_> = open_workbook(&path).expect("an .xlsx");
    assert_eq!(book.sheet_names(), ["재구매율 (월별)", "다시 오기까지"]);
    let sheet = book.worksheet_range("재구매율 (월별)").expect("the sheet");
    let rows: Vec<Vec<Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    assert_eq!(rows[0][0], Data::String("월".into()));
    assert_eq!(rows.len(), 1 + 12 + 1, "a header, 12 months, the period");
    assert_eq!(rows[13][0], Data::String("기간 전체".into()));

    // The last 3 months: three points at most, and the period says so.
    let twelve = app.texts(&tid("report-span")).unwrap().join(" ");
    app.select_index("report-period", 1);
    app.wait_until("three months of trend and their dates", || {
        let n = app.texts(&tid("trend-point"))?.len();
        let span = app.texts(&tid("report-span"))?.join(" ");
        Ok((n <= 3 && span != twelve).then_some(()))
    });
    let card = app.wait_for(&tid("report-activity"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[card.to_json()])
        .expect("scroll to the report");
    app.snapshot("reports-3-months");

    // Own dates, the last 30 days: loaded on 적용, two months at most.
    let three = app.texts(&tid("report-span")).unwrap().join(" ");
    app.select_index("report-period", 4);
    let from = app.wait_for(&tid("report-from"));
    app.wd
        .execute(
            "const el = arguments[0], d = new Date(Date.now() - 30 * 86400000);
             const p = (n) => String(n).padStart(2, '0');
             el.value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            &[from.to_json()],
        )
        .expect("set the first day");
    app.click("report-apply");
    app.wait_until("30 days of trend and their dates", || {
        let n = app.texts(&tid("trend-point"))?.len();
        let span = app.texts(&tid("report-span"))?.join(" ");
        Ok((n <= 2 && span != three).then_some(()))
    });

    // Back to the last 12 months for the rest.
    app.select_index("report-period", 3);
    app.wait_until("twelve months of trend again", || {
        let n = app.texts(&tid("trend-point"))?.len();
        Ok((n >= 10).then_some(()))
    });

    // Those who stopped coming, all written to at once: the letter screen
    // opens on "we miss you" with them ticked.
    let listed = app.texts(&tid("lapsed-row")).unwrap().len();
    assert!(listed > 0, "nobody stopped coming in the sample shop");
    app.click("lapsed-write-all");
    app.wait_for(&tid("letters-screen"));
    app.wait_until("the picked customers as recipients", || {
        let n = app.texts(&tid("letter-recipient"))?.len();
        Ok((n >= listed).then_some(()))
    });
    assert_eq!(app.value_of("letter-occasion"), "miss_you");
    app.snapshot("reports-letter");
}

/// In English the reports, their numbers tables (written by Rust) and
/// their words are English.
#[test]
fn reports_read_in_english() {
    let app = open_shop("reports_read_in_english", "setup-start-sample");
    app.click("nav-settings");
    app.click("settings-language-en");
    app.wait_until("the menu in English", || {
        let text = app.texts(&tid("nav-reports"))?.join(" ");
        Ok((text.trim() == "Reports").then_some(()))
    });
    app.click("nav-reports");
    shows_text(
        &app,
        &tid("repurchase-headline"),
        "Came back within 60 days",
    );
    app.click("report-repurchase-numbers");
    let card = shows_text(&app, &tid("report-repurchase"), "Repurchase by month");
    assert!(
        !card.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
        "Korean left in the English repurchase report: {card}"
    );
    app.snapshot("reports-en");
}
