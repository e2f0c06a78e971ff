//! The search box, as a shop owner uses it: names, two-syllable given names,
//! Hangul initials (also mixed with syllables), phone digit runs with the
//! last four first, email and card number, on a real file.

mod common;

use common::{form, TestShop};
use dangol_core::{MatchField, SearchResults};

fn shop() -> TestShop {
    let t = TestShop::new();
    for (name, phone, email) in [
        ("김민수", "010-2345-6789", "minsu.kim@naver.com"),
        ("김민지", "010-9876-1234", ""),
        ("박민수", "02-345-6789", "park@daum.net"),
        ("이서연", "010-5555-6789", "seoyeon@example.com"),
        ("Jane Park", "+1 213-555-0142", "jane.park@gmail.com"),
        ("최유진", "031-123-4567", ""),
    ] {
        t.shop.create_customer(&form(name, phone, email)).unwrap();
    }
    t
}

/// Hit names in rank order.
fn names(r: &SearchResults) -> Vec<String> {
    r.hits.iter().map(|h| h.name.clone()).collect()
}

/// Hit names, sorted, when the order among them does not matter.
fn sorted(r: &SearchResults) -> Vec<String> {
    let mut n = names(r);
    n.sort();
    n
}

#[test]
fn two_syllable_given_name_is_found() {
    let t = shop();
    assert_eq!(sorted(&t.shop.search("민수", 10)), ["김민수", "박민수"]);
}

#[test]
fn one_syllable_surname_finds_everyone_with_it() {
    let t = shop();
    let r = t.shop.search("김", 10);
    assert_eq!(r.total, 2);
    assert!(
        names(&r).iter().all(|n| n.starts_with('김')),
        "{:?}",
        names(&r)
    );
}

#[test]
fn initials_and_mixed_initials() {
    let t = shop();
    assert_eq!(names(&t.shop.search("ㄱㅁㅅ", 10)), ["김민수"]);
    assert_eq!(
        t.shop.search("ㄱㅁㅅ", 10).hits[0].matched,
        MatchField::Initials
    );
    assert_eq!(names(&t.shop.search("김ㅁㅅ", 10)), ["김민수"]);
    assert_eq!(sorted(&t.shop.search("ㅁㅅ", 10)), ["김민수", "박민수"]);
    assert_eq!(names(&t.shop.search("ㅇㅅㅇ", 10)), ["이서연"]);
}

#[test]
fn half_typed_syllable_still_matches() {
    // While the IME composes 민, the box holds 김미 and then 김민.
    let t = shop();
    assert_eq!(sorted(&t.shop.search("김미", 10)), ["김민수", "김민지"]);
    // "김민ㅅ" is 김민 + initial ㅅ.
    assert_eq!(names(&t.shop.search("김민ㅅ", 10)), ["김민수"]);
}

#[test]
fn last_four_digits_come_first_then_other_runs() {
    let t = shop();
    let r = t.shop.search("6789", 10);
    assert_eq!(sorted(&r), ["김민수", "박민수", "이서연"]);
    assert!(r.hits.iter().all(|h| h.matched == MatchField::Phone));
    // "9876" is the middle of 김민지's number and nobody's last four.
    assert_eq!(names(&t.shop.search("9876", 10)), ["김민지"]);
    // Runs across the area code count too: 02-345-…, 031-123-4567.
    assert_eq!(
        sorted(&t.shop.search("2345", 10)),
        ["김민수", "박민수", "최유진"]
    );
    // A run that spans the dash, typed with or without it.
    assert_eq!(sorted(&t.shop.search("45-678", 10)), ["김민수", "박민수"]);
    assert_eq!(names(&t.shop.search("01098761234", 10)), ["김민지"]);
    assert_eq!(names(&t.shop.search("0142", 10)), ["Jane Park"]);
}

#[test]
fn the_phone_whose_last_four_match_ranks_above_a_middle_match() {
    let t = TestShop::new();
    let middle = t
        .shop
        .create_customer(&form("가운데", "010-1234-9999", ""))
        .unwrap();
    let last = t
        .shop
        .create_customer(&form("끝자리", "010-9999-1234", ""))
        .unwrap();
    let r = t.shop.search("1234", 10);
    assert_eq!(
        r.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        [last.id, middle.id]
    );
}

#[test]
fn email_and_latin_names_ignore_case() {
    let t = shop();
    assert_eq!(names(&t.shop.search("SEOYEON@", 10)), ["이서연"]);
    assert_eq!(
        t.shop.search("seoyeon@", 10).hits[0].matched,
        MatchField::Email
    );
    assert_eq!(names(&t.shop.search("jane pa", 10)), ["Jane Park"]);
    let parks = sorted(&t.shop.search("park", 10));
    assert_eq!(parks, ["Jane Park", "박민수"], "박민수's email is park@");
}

#[test]
fn card_number() {
    let t = shop();
    let r = t.shop.search("#3", 10);
    assert_eq!(names(&r), ["박민수"]);
    assert_eq!(r.hits[0].matched, MatchField::CardNo);
    assert_eq!(names(&t.shop.search("No.000004", 10)), ["이서연"]);
}

#[test]
fn nothing_found_and_empty_queries() {
    let t = shop();
    assert_eq!(t.shop.search("없는사람", 10).total, 0);
    assert_eq!(t.shop.search("   ", 10).total, 0);
    assert_eq!(t.shop.search("0000", 10).total, 0);
}

#[test]
fn limit_caps_hits_but_total_counts_all() {
    let t = TestShop::new();
    for i in 0..30 {
        t.shop
            .create_customer(&form(
                &format!("김고객{i}"),
                &format!("010-2000-{i:04}"),
                "",
            ))
            .unwrap();
    }
    let r = t.shop.search("김", 5);
    assert_eq!(r.hits.len(), 5);
    assert_eq!(r.total, 30);
    assert!(!r.total_capped, "30 is counted to the end");
}

#[test]
fn past_the_cap_the_count_says_at_least() {
    let t = TestShop::new();
    let now = chrono::Utc::now();
    let size = dangol_core::search::COUNT_CAP as usize + 500;
    t.shop
        .db()
        .with_tx(|tx| dangol_core::sample::fill(tx, dangol_core::Country::KR, size, now))
        .unwrap();
    t.shop.reload_index().unwrap();
    // Nearly every number has a 0 in it.
    let r = t.shop.search("0", 8);
    assert_eq!(
        (r.total, r.total_capped),
        (dangol_core::search::COUNT_CAP, true)
    );
    assert_eq!(r.hits.len(), 8);
    // A rarer query is still counted exactly.
    let name = r.hits[0].name.clone();
    let exact = t.shop.search(&name, 8);
    assert!(!exact.total_capped && exact.total >= 1, "{name}");
}
