//! Milestone birthdays (환갑, 칠순, 팔순, 구순) by the counting a date states
//! — 세는 나이 unless the owner chose otherwise — for her own birthday and a
//! family member's, solar and lunar.

mod common;

use chrono::{Datelike, Duration};
use common::family_days::*;
use common::form;
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::dates;
use dangol_core::letters::dates::occasions::{
    AgeCounting, AgeName, DateInput, OccasionKind, Relation,
};

#[test]
fn milestone_birthdays_by_the_traditional_counting_unless_the_date_says_otherwise() {
    let t = korean();
    // 만 60: 환갑 by either counting.
    let (id, _) = with_family_day(
        &t,
        "가",
        "나",
        Relation::Parent,
        OccasionKind::Birthday,
        Some(60),
    );
    assert_eq!(upcoming_of(&t, id).age_name, Some(AgeName::Hwangap));
    assert_eq!(
        letter(&t, Occasion::ParentBirthday, id).title,
        "나 님의 환갑을 축하드립니다"
    );
    // 만 69: 칠순 in 세는 나이 (70).
    let (id, date) = with_family_day(
        &t,
        "다",
        "라",
        Relation::Parent,
        OccasionKind::Birthday,
        Some(69),
    );
    assert_eq!(upcoming_of(&t, id).age_name, Some(AgeName::Chilsun));
    // The family counts in 만 나이: no 칠순 this year…
    let mut d = t.shop.important_dates(id).unwrap().remove(0);
    assert_eq!(d.id, date);
    let mut input = day_in(OccasionKind::Birthday, d.member_id, 3, Some(69));
    input.age_counting = Some(AgeCounting::International);
    t.shop.update_important_date(date, &input).unwrap();
    assert_eq!(upcoming_of(&t, id).age_name, None);
    d = t.shop.important_dates(id).unwrap().remove(0);
    assert_eq!(d.age_counting, Some(AgeCounting::International));
    // …but at 만 70.
    input.year = input.year.map(|y| y - 1);
    t.shop.update_important_date(date, &input).unwrap();
    assert_eq!(upcoming_of(&t, id).age_name, Some(AgeName::Chilsun));
    // Off: no milestone names at all.
    input.age_counting = Some(AgeCounting::Off);
    t.shop.update_important_date(date, &input).unwrap();
    assert_eq!(upcoming_of(&t, id).age_name, None);
    assert_eq!(
        letter(&t, Occasion::ParentBirthday, id).title,
        "라 님의 생신을 축하드립니다"
    );
    for (age, name, word) in [(79, AgeName::Palsun, "팔순"), (89, AgeName::Gusun, "구순")] {
        let (id, _) = with_family_day(
            &t,
            "마",
            "바",
            Relation::Grandparent,
            OccasionKind::Birthday,
            Some(age),
        );
        assert_eq!(upcoming_of(&t, id).age_name, Some(name));
        assert!(letter(&t, Occasion::ParentBirthday, id)
            .title
            .contains(word));
    }

    let t = english();
    for (age, words) in [
        (60, "60th birthday"),
        (69, "70th birthday"),
        (79, "80th birthday"),
        (89, "90th birthday"),
    ] {
        let (id, _) = with_family_day(
            &t,
            "Grace Lee",
            "Sun-ja Park",
            Relation::Parent,
            OccasionKind::Birthday,
            Some(age),
        );
        let title = letter(&t, Occasion::ParentBirthday, id).title;
        assert_eq!(title, format!("Congratulations on Sun-ja Park's {words}"));
    }
}

#[test]
fn her_own_sixtieth_is_her_hwangap() {
    let t = korean();
    let on = today() + Duration::days(2);
    let mut f = form("김영자", "010-7500-0001", "");
    f.birthday = format!("{}-{:02}-{:02}", on.year() - 60, on.month(), on.day());
    let id = t.shop.create_customer(&f).unwrap().id;
    let u = upcoming_of(&t, id);
    assert_eq!(
        (u.letter, u.age_name, u.elder),
        (Some(Occasion::Birthday), Some(AgeName::Hwangap), true)
    );
    let l = letter(&t, Occasion::Birthday, id);
    assert_eq!(l.title, "환갑을 축하드립니다");
    assert!(
        l.body
            .starts_with("김영자 님, 환갑을 진심으로 축하드립니다."),
        "{}",
        l.body
    );
}

#[test]
fn a_lunar_birthday_counts_its_age_in_lunar_years() {
    // Lunar 12/15 of the lunar year begun in 2026 falls in January 2027;
    // born lunar 12/15/1957, she is 만 69 on it (칠순), not 70.
    let t = korean();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-7600-0001", ""))
        .unwrap()
        .id;
    let m = t
        .shop
        .add_family_member(id, "박순자", Relation::Parent)
        .unwrap();
    let date = DateInput {
        member_id: Some(m.id),
        kind: OccasionKind::Birthday,
        label: String::new(),
        year: Some(1957),
        month: 12,
        day: 15,
        lunar: true,
        leap: false,
        age_counting: None,
    };
    t.shop.add_important_date(id, &date).unwrap();
    let on = dates::lunar_to_solar(2026, 12, 15, false).unwrap();
    assert_eq!(on.year(), 2027);
    let conn = t.shop.db().reader().unwrap();
    let found = dates::occasions::between(&conn, on, on).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].years, found[0].age_name),
        (Some(69), Some(AgeName::Chilsun))
    );
}
