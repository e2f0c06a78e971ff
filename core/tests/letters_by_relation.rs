//! Letters chosen by whose day it is, with the honorifics a Korean shop
//! uses: 님 for every name, 생신 for parents and grandparents, 환갑 / 칠순 /
//! 팔순 / 구순 by the stated counting (overridable per date), a yearly
//! remembrance that is not a condolence, and no coupon line without a
//! coupon — in both languages.

mod common;

use common::family_days::*;
use common::form;
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::dates::occasions::{OccasionKind, Relation};
use dangol_core::letters::store::Channel;
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::*;

#[test]
fn a_childs_birthday_gets_the_childs_letter() {
    let t = korean();
    let (id, _) = with_family_day(
        &t,
        "이수아",
        "이서준",
        Relation::Child,
        OccasionKind::Birthday,
        Some(7),
    );
    let u = upcoming_of(&t, id);
    assert_eq!(
        (u.letter, u.elder, u.age_name),
        (Some(Occasion::ChildBirthday), false, None)
    );
    let l = letter(&t, Occasion::ChildBirthday, id);
    assert_eq!(l.title, "이서준 님의 생일을 축하드립니다");
    assert!(
        l.body
            .starts_with("이수아 님, 이서준 님의 생일을 진심으로 축하드립니다."),
        "{}",
        l.body
    );

    let t = english();
    let (id, _) = with_family_day(
        &t,
        "Grace Lee",
        "Noah Lee",
        Relation::Child,
        OccasionKind::Birthday,
        Some(7),
    );
    let l = letter(&t, Occasion::ChildBirthday, id);
    assert_eq!(l.title, "Happy birthday to Noah Lee");
    assert!(
        l.body.contains("Happy birthday to Noah Lee! We wish them"),
        "{}",
        l.body
    );
}

#[test]
fn a_spouses_birthday_gets_the_spouses_letter() {
    let t = korean();
    let (id, _) = with_family_day(
        &t,
        "이수아",
        "김철수",
        Relation::Spouse,
        OccasionKind::Birthday,
        Some(41),
    );
    assert_eq!(upcoming_of(&t, id).letter, Some(Occasion::SpouseBirthday));
    let l = letter(&t, Occasion::SpouseBirthday, id);
    assert_eq!(l.title, "김철수 님의 생일을 축하드립니다");
    assert!(l.body.contains("두 분이 함께"), "{}", l.body);

    let t = english();
    let (id, _) = with_family_day(
        &t,
        "Grace Lee",
        "Daniel Kim",
        Relation::Spouse,
        OccasionKind::Birthday,
        None,
    );
    let l = letter(&t, Occasion::SpouseBirthday, id);
    assert!(
        l.body.contains("to Daniel Kim on their birthday"),
        "{}",
        l.body
    );
}

#[test]
fn a_parents_or_grandparents_birthday_is_a_saengsin() {
    let t = korean();
    // No year known: still 생신, never 생일, and 님 after the name.
    let (id, _) = with_family_day(
        &t,
        "이수아",
        "박순자",
        Relation::Parent,
        OccasionKind::Birthday,
        None,
    );
    let u = upcoming_of(&t, id);
    assert_eq!((u.letter, u.elder), (Some(Occasion::ParentBirthday), true));
    let l = letter(&t, Occasion::ParentBirthday, id);
    assert_eq!(l.title, "박순자 님의 생신을 축하드립니다");
    assert!(
        l.body
            .starts_with("이수아 님, 박순자 님의 생신을 진심으로 축하드립니다."),
        "{}",
        l.body
    );
    assert!(l.body.contains("박순자 님께서 늘 건강하시고"), "{}", l.body);
    assert!(
        !l.body.contains("생일") && !l.body.contains("아이"),
        "{}",
        l.body
    );

    let (id, _) = with_family_day(
        &t,
        "정하늘",
        "최영희",
        Relation::Grandparent,
        OccasionKind::Birthday,
        Some(84),
    );
    let u = upcoming_of(&t, id);
    assert_eq!(
        (u.letter, u.elder, u.age_name),
        (Some(Occasion::ParentBirthday), true, None)
    );
    assert_eq!(
        letter(&t, Occasion::ParentBirthday, id).title,
        "최영희 님의 생신을 축하드립니다"
    );

    let t = english();
    let (id, _) = with_family_day(
        &t,
        "Grace Lee",
        "Sun-ja Park",
        Relation::Parent,
        OccasionKind::Birthday,
        Some(69),
    );
    let l = letter(&t, Occasion::ParentBirthday, id);
    assert_eq!(l.title, "Congratulations on Sun-ja Park's 70th birthday");
    assert!(l.body.contains("We wish them good health"), "{}", l.body);
}

#[test]
fn another_relatives_birthday_gets_the_family_letter() {
    let t = korean();
    let (id, _) = with_family_day(
        &t,
        "이수아",
        "이민지",
        Relation::Sibling,
        OccasionKind::Birthday,
        Some(30),
    );
    assert_eq!(upcoming_of(&t, id).letter, Some(Occasion::FamilyBirthday));
    let l = letter(&t, Occasion::FamilyBirthday, id);
    assert_eq!(l.title, "이민지 님의 생일을 축하드립니다");
    let (id, _) = with_family_day(
        &t,
        "정하늘",
        "정다운",
        Relation::Other,
        OccasionKind::Birthday,
        Some(70),
    );
    // 70 (만) and over is an elder's birthday whatever the relation.
    assert_eq!(
        letter(&t, Occasion::FamilyBirthday, id).title,
        "정다운 님의 생신을 축하드립니다"
    );

    let t = english();
    let (id, _) = with_family_day(
        &t,
        "Grace Lee",
        "Amy Lee",
        Relation::Sibling,
        OccasionKind::Birthday,
        None,
    );
    assert_eq!(
        letter(&t, Occasion::FamilyBirthday, id).title,
        "Happy birthday to Amy Lee"
    );
}

#[test]
fn without_her_day_a_family_letter_speaks_in_general_words() {
    let t = korean();
    let id = t
        .shop
        .create_customer(&form("이수아", "010-7400-0001", ""))
        .unwrap()
        .id;
    let l = letter(&t, Occasion::ParentBirthday, id);
    assert_eq!(l.title, "부모님의 생신을 축하드립니다");
    assert!(l.body.contains("부모님께서 늘 건강하시고"), "{}", l.body);
    let t = english();
    let id = t
        .shop
        .create_customer(&form("Grace Lee", "(213) 555-0101", ""))
        .unwrap()
        .id;
    assert_eq!(
        letter(&t, Occasion::ParentBirthday, id).title,
        "Congratulations on your parent's birthday"
    );
}

#[test]
fn a_memorial_day_gets_a_remembrance_not_a_fresh_condolence() {
    let t = korean();
    let (id, _) = with_family_day(
        &t,
        "이수아",
        "박영호",
        Relation::Parent,
        OccasionKind::Memorial,
        None,
    );
    let birthday_coupon = Reward {
        kind: CouponKind::Percent,
        value: 10,
        item: String::new(),
        valid_days: 30,
    };
    t.shop
        .issue_coupon(id, &birthday_coupon, CouponOrigin::Birthday)
        .unwrap();
    assert_eq!(upcoming_of(&t, id).letter, Some(Occasion::Memorial));
    let yearly = letter(&t, Occasion::Memorial, id);
    assert!(
        !yearly.body.contains("명복"),
        "a yearly letter offers no fresh condolence: {}",
        yearly.body
    );
    assert!(
        yearly.body.ends_with("행복한 세탁소 올림"),
        "{}",
        yearly.body
    );
    let loss = letter(&t, Occasion::Condolence, id);
    assert!(
        loss.body.starts_with("이수아 님과 유가족분들께"),
        "{}",
        loss.body
    );
    assert!(
        loss.body.contains("삼가 고인의 명복을 빕니다."),
        "{}",
        loss.body
    );
    assert!(loss.body.ends_with("행복한 세탁소 올림"), "{}", loss.body);
    for l in [&yearly, &loss] {
        for word in ["쿠폰", "할인", "방문", "구매", "(광고)", "드림"] {
            assert!(
                !l.body.contains(word) && !l.title.contains(word),
                "{word} in {}",
                l.body
            );
        }
        assert!(!t.shop.letter_template(l.occasion).unwrap().advertising);
    }

    let t = english();
    let (id, _) = with_family_day(
        &t,
        "Grace Lee",
        "Young-ho Park",
        Relation::Parent,
        OccasionKind::Memorial,
        None,
    );
    let yearly = letter(&t, Occasion::Memorial, id);
    let loss = letter(&t, Occasion::Condolence, id);
    assert!(!yearly.body.contains("condolence") && loss.body.contains("condolences"));
    assert!(
        loss.body.starts_with("To Grace Lee and your family,"),
        "{}",
        loss.body
    );
}

#[test]
fn two_childrens_birthdays_are_two_letters() {
    let t = korean();
    let (id, _) = with_family_day(
        &t,
        "이수아",
        "이서준",
        Relation::Child,
        OccasionKind::Birthday,
        Some(7),
    );
    let second = t
        .shop
        .add_family_member(id, "이서아", Relation::Child)
        .unwrap();
    t.shop
        .add_important_date(
            id,
            &day_in(OccasionKind::Birthday, Some(second.id), 20, Some(4)),
        )
        .unwrap();
    // The nearer day's letter first; a second batch for it finds the same
    // letter (not gone yet, so given back to print), and once printed,
    // leaves it as it went.
    let first = letter(&t, Occasion::ChildBirthday, id);
    assert!(first.title.contains("이서준"));
    let again = t
        .shop
        .make_letters(Occasion::ChildBirthday, &[id], Channel::Print)
        .unwrap();
    assert_eq!(again.made.len(), 1);
    assert_eq!(again.made[0].id, first.id, "a second letter for one day");
    t.shop.mark_letters_printed(&[first.id]).unwrap();
    let printed = t
        .shop
        .make_letters(Occasion::ChildBirthday, &[id], Channel::Print)
        .unwrap();
    assert!(printed.made.is_empty());
    assert_eq!(printed.already[0].id, first.id);
}

#[test]
fn this_weeks_days_list_those_the_letter_is_for() {
    use dangol_core::letters::audience::Audience;
    let t = korean();
    let (parent, _) = with_family_day(
        &t,
        "가",
        "나",
        Relation::Parent,
        OccasionKind::Birthday,
        None,
    );
    let (child, _) = with_family_day(
        &t,
        "다",
        "라",
        Relation::Child,
        OccasionKind::Birthday,
        None,
    );
    let ids = |o: Option<Occasion>| -> Vec<i64> {
        t.shop
            .letter_recipients(&Audience::BirthdaysThisWeek, o)
            .unwrap()
            .iter()
            .map(|r| r.customer_id)
            .collect()
    };
    assert_eq!(ids(Some(Occasion::ParentBirthday)), [parent]);
    assert_eq!(ids(Some(Occasion::ChildBirthday)), [child]);
    assert_eq!(ids(None), [parent, child]);
}

#[test]
fn a_new_shop_names_its_tiers_and_reward_in_its_own_language() {
    let t = english();
    let rules = t.shop.loyalty_rules().unwrap();
    let names: Vec<&str> = rules.tiers.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Standard", "Regular", "VIP", "VVIP"]);
    assert_eq!(rules.stamps.reward.item, "one free drink");
    assert_eq!(rules.tiers[2].min_spend, Some(30_000), "$300.00 in cents");
    // Renamed by the owner, the names stay when the language changes.
    let mut renamed = rules.clone();
    renamed.tiers[1].name = "Friends".into();
    t.shop.update_loyalty_rules(&renamed).unwrap();
    let mut s = t.shop.settings().unwrap();
    s.language = Language::Ko;
    t.shop.update_settings(&s).unwrap();
    assert_eq!(t.shop.loyalty_rules().unwrap().tiers[1].name, "Friends");

    let t = korean();
    let rules = t.shop.loyalty_rules().unwrap();
    assert_eq!(rules.tiers[0].name, "일반");
    assert_eq!(rules.stamps.reward.item, "음료 1잔");
    assert_eq!(rules.tiers[2].min_spend, Some(300_000));
}
