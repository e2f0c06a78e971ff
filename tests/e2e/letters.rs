//! Letters end to end: a customer nobody has contacted shows under
//! "6개월 이상 연락 안 한 고객", an unknown placeholder is caught as it is
//! typed, her letter is made with the right particles and corrected before
//! it goes; making it again before it went gives the same letter (only
//! made, not sent: no "already sent"); printing opens the system's print
//! dialog.

use crate::app::tid;
use crate::shop::{add_customer, open_shop, shows_text};
use crate::webdriver::keys;

/// Where 오랜만의 안부 and 6개월 이상 연락 안 한 고객 sit in their menus.
const MISS_YOU: usize = 9;
/// A miss-you letter is for no one's day: 7일 안 is not offered.
const NOT_CONTACTED: usize = 0;

#[test]
fn a_miss_you_letter_is_made_once_a_year() {
    let app = open_shop("a_miss_you_letter_is_made_once_a_year", "setup-start-empty");
    add_customer(&app, "김민수", "010-2345-6789", "");

    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    app.select_index("letter-occasion", MISS_YOU);
    app.wait_until("the 오랜만의 안부 letter to load", || {
        let Some(el) = app.wd.find_all(&tid("letter-title"))?.into_iter().next() else {
            return Ok(None);
        };
        Ok(app.wd.value(&el)?.contains("안부 인사").then_some(()))
    });
    let ad = app.wait_for(&tid("letter-advertising"));
    assert_eq!(
        app.wd.property(&ad, "checked").unwrap(),
        serde_json::Value::Bool(true),
        "a miss-you letter is advertising by default"
    );

    app.select_index("letter-audience", NOT_CONTACTED);
    shows_text(&app, &tid("letter-recipient"), "김민수");
    shows_text(&app, &tid("letter-recipient"), "주소 없음");
    shows_text(&app, &tid("letter-preview-body"), "김민수 님");

    // An unknown placeholder is caught while typing, and Save waits for it.
    let body = app.type_into("letter-body", "{별명}");
    shows_text(&app, &tid("letter-problem"), "쓸 수 없는 칸입니다: {별명}");
    app.snapshot("problem");
    let save = app.wait_for(&tid("letter-save"));
    assert!(
        app.wd.property(&save, "disabled").unwrap() == serde_json::Value::Bool(true),
        "Save is enabled with a problem"
    );
    app.wd
        .send_keys(&body, &keys::BACKSPACE.repeat(4))
        .expect("remove {별명}");
    app.wait_gone(&tid("letter-problem"));

    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "김민수");
    app.click("letter-made-item");
    let text = shows_text(&app, &tid("letter-made-body"), "김민수");
    assert!(
        text.starts_with("김민수 님, 그동안 잘 지내셨는지요?"),
        "the letter reads {text:?}"
    );
    app.snapshot("made");

    // Corrected before it goes: the list shows the new text.
    app.click("letter-edit");
    let edit = app.wait_for(&tid("letter-edit-body"));
    app.clear(&edit);
    app.type_into("letter-edit-body", "민수 님, 새 봄 상품이 들어왔어요.");
    app.click("letter-edit-save");
    app.wait_gone(&tid("letter-edit-body"));
    shows_text(&app, &tid("letter-made-body"), "새 봄 상품이 들어왔어요");
    app.snapshot("edited");

    // Envelopes and labels: she has no address, so she is listed as skipped.
    app.click("letter-labels");
    shows_text(
        &app,
        &tid("letter-labels-skipped"),
        "주소가 없는 고객: 김민수",
    );
    app.click("letter-labels-close");
    app.wait_gone(&tid("letter-labels-view"));

    // Only made, not printed or emailed: made again, it is the same letter
    // (her correction kept), still "작성됨", and nobody is "already sent".
    shows_text(&app, &tid("letter-state"), "작성됨");
    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "김민수");
    // (Still unfolded: it is the same letter.)
    shows_text(&app, &tid("letter-made-body"), "새 봄 상품이 들어왔어요");
    shows_text(&app, &tid("letter-state"), "작성됨");
    assert!(
        app.texts(&tid("letter-already")).unwrap().is_empty(),
        "a letter only made is listed as already sent"
    );
    app.snapshot("made-again");
}

/// Printing opens the system's print dialog over the app (GTK's here; the
/// same Tauri call opens macOS's and Windows' own), with the letters laid
/// out one page each behind it. The dialog is native, so it is looked for
/// among the display's windows.
#[test]
fn printing_opens_the_print_dialog() {
    let app = open_shop("printing_opens_the_print_dialog", "setup-start-empty");
    add_customer(&app, "김민수", "010-2345-6789", "");
    add_customer(&app, "이영희", "010-3456-7890", "");
    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    app.select_index("letter-occasion", MISS_YOU);
    app.select_index("letter-audience", NOT_CONTACTED);
    shows_text(&app, &tid("letter-recipient"), "이영희");
    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "이영희");
    app.click("letter-print");
    app.wait_for(&tid("letter-print-view"));
    let pages = app.texts(&tid("letter-page")).expect("pages");
    assert_eq!(pages.len(), 2, "one page per letter: {pages:?}");
    let breaks = app
        .wd
        .execute(
            "return [...document.querySelectorAll('[data-testid=letter-page]')]\
             .map(p => getComputedStyle(p).breakAfter).join(',')",
            &[],
        )
        .expect("page breaks");
    assert_eq!(
        breaks,
        serde_json::json!("page,auto"),
        "a page break after each letter but the last"
    );
    assert!(
        !crate::procs::top_level_windows()
            .iter()
            .any(|w| w.starts_with("Print")),
        "no print dialog before asking"
    );
    app.click("letter-print-now");
    app.wait_until("the print dialog", || {
        let windows = crate::procs::top_level_windows();
        Ok(windows
            .iter()
            .any(|w| w.starts_with("Print\""))
            .then_some(()))
    });
}
