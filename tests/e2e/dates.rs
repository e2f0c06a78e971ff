//! Important dates end to end: a child added to a customer's family, the
//! child's lunar birthday, and that day on the home screen a few days ahead.

use chrono::{Datelike, Days, Local, NaiveDate};
use dangol_core::letters::dates::lunar_to_solar;

use crate::app::{tid, App};
use crate::shop::{add_customer, open_shop, set_up_shop_clocked, shows_customer, shows_text};

/// The lunar (month, day, leap) that falls on the solar day `target`.
fn lunar_of(target: NaiveDate) -> (u8, u8, bool) {
    for year in [target.year() - 1, target.year()] {
        for month in 1..=12u8 {
            for day in 1..=30u8 {
                for leap in [false, true] {
                    if lunar_to_solar(year, month, day, leap) == Some(target) {
                        return (month, day, leap);
                    }
                }
            }
        }
    }
    panic!("no lunar date falls on {target}");
}

/// Adds a family member through the customer card.
fn add_member(app: &App, name: &str, relation_index: usize) {
    app.click("family-add");
    app.type_into("family-name", name);
    app.select_index("family-relation", relation_index);
    app.click("family-save");
    app.wait_gone(&tid("family-form"));
    shows_text(app, &tid("family-member"), name);
}

#[test]
fn childs_lunar_birthday_shows_on_home_a_few_days_ahead() {
    let app = open_shop(
        "childs_lunar_birthday_shows_on_home_a_few_days_ahead",
        "setup-start-empty",
    );
    add_customer(&app, "김민수", "010-2345-6789", "");
    add_member(&app, "김하늘", 1); // 자녀

    let target = Local::now().date_naive() + Days::new(3);
    let (month, day, leap) = lunar_of(target);

    app.click("date-add");
    app.select_index("date-whose", 1); // 김하늘
    app.click("date-lunar-lunar");
    app.select_index("date-month", usize::from(month - 1));
    app.select_index("date-day", usize::from(day - 1));
    if leap {
        app.click("date-leap");
    }
    // A year that is not a year is refused next to it, and kept.
    app.type_into("date-year", "19");
    app.click("date-save");
    shows_text(&app, &tid("error-year"), "연도");
    assert_eq!(app.value_of("date-year"), "19");
    let year = app.wait_for(&tid("date-year"));
    app.clear(&year);
    app.wd.send_keys(&year, "2016").expect("type the year");
    app.click("date-save");
    app.wait_gone(&tid("date-form"));

    let row = shows_text(&app, &tid("important-date"), "김하늘");
    assert!(row.contains("음력"), "no 음력 mark: {row:?}");
    assert!(row.contains(&format!("{month}월 {day}일")), "{row:?}");
    shows_text(&app, &tid("important-date-next"), "3일 뒤");
    let card = app.wait_for(&tid("card-dates"));
    app.wd
        .execute("arguments[0].scrollIntoView();", &[card.to_json()])
        .expect("scroll to the card");
    app.snapshot("customer-dates");

    app.click("nav-home");
    app.click("dates-week");
    let item = shows_text(&app, &tid("upcoming-date"), "김민수 님의 자녀 김하늘");
    assert!(item.contains("D-3"), "no D-3: {item:?}");
    assert!(item.contains("세 생일 · 음력"), "{item:?}");
    app.snapshot("home-week");

    // Not today: the 오늘 tab has nothing of hers.
    app.click("dates-today");
    app.wait_for(&tid("upcoming-empty"));

    app.click("dates-week");
    app.click_css(&tid("upcoming-date"));
    shows_customer(&app, "김민수");

    // The child's birthday letter: she is among this week's birthdays, the
    // preview reads right; only made, the home screen does not call it sent.
    app.click("nav-letters");
    app.wait_for(&tid("letters-screen"));
    app.select_index("letter-occasion", 1); // 자녀 생일
    app.select_index("letter-audience", 0); // 7일 안에 이 날을 맞는 고객
    shows_text(&app, &tid("letter-recipient"), "김민수");
    shows_text(
        &app,
        &tid("letter-preview-body"),
        "김민수 님, 김하늘 님의 생일을 진심으로 축하드립니다.",
    );
    app.click("letter-make");
    shows_text(&app, &tid("letter-made-item"), "김민수");
    app.click("nav-home");
    app.click("dates-week");
    shows_text(&app, &tid("upcoming-date"), "김하늘");
    assert!(
        app.texts(&tid("upcoming-letter-sent")).unwrap().is_empty(),
        "a letter only made is marked sent"
    );
}

/// 29 February of a year without one is refused by Rust, next to the date.
#[test]
fn a_day_the_year_lacks_is_refused_next_to_the_date() {
    let app = open_shop(
        "a_day_the_year_lacks_is_refused_next_to_the_date",
        "setup-start-empty",
    );
    add_customer(&app, "이서연", "010-3456-7890", "");
    app.click("date-add");
    app.select_index("date-kind", 1); // 결혼기념일
    app.type_into("date-label", "결혼기념일");
    app.select_index("date-month", 1);
    app.select_index("date-day", 28);
    app.type_into("date-year", "2023");
    app.click("date-save");
    shows_text(&app, &tid("error-date"), "없는 날짜");
    assert_eq!(app.value_of("date-label"), "결혼기념일");
    app.snapshot("refused");

    // In a leap year it is a day like any other.
    let year = app.wait_for(&tid("date-year"));
    app.clear(&year);
    app.wd.send_keys(&year, "2020").expect("type the year");
    app.click("date-save");
    app.wait_gone(&tid("date-form"));
    let row = shows_text(&app, &tid("important-date"), "결혼기념일");
    assert!(row.contains("2020년 2월 29일"), "{row:?}");

    // She remembers it was the 28th after all: corrected in place, the form
    // opening with what was recorded.
    app.click("date-edit");
    assert_eq!(app.value_of("date-label"), "결혼기념일");
    assert_eq!(app.value_of("date-year"), "2020");
    app.select_index("date-day", 27);
    app.click("date-save");
    app.wait_gone(&tid("date-form"));
    let row = shows_text(&app, &tid("important-date"), "2020년 2월 28일");
    assert!(row.contains("결혼기념일"), "{row:?}");
    assert_eq!(app.texts(&tid("important-date")).expect("rows").len(), 1);
}

/// A day that passed while the app was closed is shown when it opens,
/// never silently skipped. The shop is prepared on its file first: last
/// opened a week ago, a memorial three days ago.
#[test]
fn days_passed_while_closed_are_shown_on_opening() {
    let today = Local::now().date_naive();
    let missed = today.checked_sub_days(Days::new(3)).unwrap();
    let app = App::launch_with("days_passed_while_closed_are_shown_on_opening", |data| {
        use dangol_core::letters::dates::occasions::{DateInput, OccasionKind};
        let (shop, clock) = set_up_shop_clocked(data, "행복한 세탁소");
        let input = dangol_core::CustomerInput {
            name: "정하늘".into(),
            phones: vec![dangol_core::PhoneInput {
                label: Default::default(),
                number: "010-2020-3030".into(),
            }],
            ..Default::default()
        };
        let id = shop.create_customer(&input).expect("customer").id;
        let memorial = DateInput {
            member_id: None,
            kind: OccasionKind::Memorial,
            label: "아버님 기일".into(),
            year: None,
            month: missed.month(),
            day: missed.day(),
            lunar: false,
            leap: false,
            age_counting: None,
        };
        shop.add_important_date(id, &memorial).expect("date");
        // Last open a week ago.
        clock.advance(-chrono::TimeDelta::days(7));
        assert!(shop.catch_up_dates().expect("first open").is_empty());
    });
    let notice = shows_text(&app, &tid("catch-up"), "아버님 기일");
    assert!(notice.contains("정하늘"), "{notice}");
}
