//! Letters for real customers: the template with particles, a preview,
//! letters made once a year per occasion and kept in her history.

mod common;

use common::{birthday_in, form, letter_marked_sent, TestShop};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::state::LetterState;
use dangol_core::letters::store::Channel;
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::*;

fn shop() -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t
}

#[test]
fn a_birthday_letter_in_correct_korean_made_once_a_year() {
    let t = shop();
    let minsu = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap()
        .id;
    let seoyeon = t
        .shop
        .create_customer(&form("이서연", "010-3456-7890", ""))
        .unwrap()
        .id;
    let reward = Reward {
        kind: CouponKind::Percent,
        value: 10,
        item: String::new(),
        valid_days: 30,
    };
    t.shop
        .issue_coupon(minsu, &reward, CouponOrigin::Birthday)
        .unwrap();

    let made = t
        .shop
        .make_letters(Occasion::Birthday, &[minsu, seoyeon], Channel::Print)
        .unwrap();
    assert_eq!(made.made.len(), 2);
    let body = &made.made[0].body;
    assert!(
        body.starts_with("김민수 님, 생일을 진심으로 축하드립니다."),
        "{body}"
    );
    assert!(body.contains("행복한 세탁소를 찾아 주셔서"), "{body}");
    assert!(body.contains("10% 할인 쿠폰을 준비했습니다"), "{body}");

    let q = TimelineQuery {
        customer_id: minsu,
        kinds: vec![HistoryKind::Letter],
        offset: 0,
        limit: 5,
    };
    assert!(
        t.shop.timeline(&q).unwrap().entries.is_empty(),
        "a letter only made has not reached her"
    );
    // Made again before it went: the same letter, not a second one.
    let again = t
        .shop
        .make_letters(Occasion::Birthday, &[minsu], Channel::Print)
        .unwrap();
    assert_eq!(again.made.len(), 1);
    assert_eq!(again.made[0].id, made.made[0].id);
    assert!(again.already.is_empty());

    // Printed: it has gone, once a year.
    t.shop.mark_letters_printed(&[made.made[0].id]).unwrap();
    let again = t
        .shop
        .make_letters(Occasion::Birthday, &[minsu], Channel::Print)
        .unwrap();
    assert!(again.made.is_empty());
    assert_eq!(again.already.len(), 1);
    assert_eq!(again.already[0].customer_name, "김민수");
    let entries = t.shop.timeline(&q).unwrap().entries;
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].summary, "생일을 축하드립니다");
    assert_eq!(entries[0].channel, Some(ContactChannel::Letter));
}

#[test]
fn edited_templates_are_checked_and_previewed_with_a_real_customer() {
    let t = shop();
    let id = t
        .shop
        .create_customer(&form("박지훈", "010-4567-8901", ""))
        .unwrap()
        .id;
    let mut tmpl = t.shop.letter_template(Occasion::Chuseok).unwrap();
    assert!(!tmpl.edited);
    tmpl.body = "{이름}{은/는} {주소}에 사시죠?".into();
    assert!(matches!(
        t.shop.save_letter_template(&tmpl),
        Err(Error::Validation(_))
    ));
    tmpl.body = "{이름} 님{과/와} 가족 모두 풍성한 한가위 보내세요. {가게이름}{이/가}".into();
    t.shop.save_letter_template(&tmpl).unwrap();
    assert!(t.shop.letter_template(Occasion::Chuseok).unwrap().edited);
    let (_, body) = t
        .shop
        .preview_letter(&tmpl.title, &tmpl.body, id, None)
        .unwrap()
        .unwrap();
    assert_eq!(
        body,
        "박지훈 님과 가족 모두 풍성한 한가위 보내세요. 행복한 세탁소가"
    );
    let problems = t
        .shop
        .preview_letter("제목", "{이름}{은/는} {별명}", id, None)
        .unwrap()
        .unwrap_err();
    assert_eq!(problems[0].text, "별명");
}

#[test]
fn the_six_month_promise_lists_who_has_not_heard_from_us() {
    use dangol_core::letters::audience::Audience;
    let t = shop();
    let quiet = t
        .shop
        .create_customer(&form("조용한손님", "010-5000-0001", ""))
        .unwrap()
        .id;
    let regular = t
        .shop
        .create_customer(&form("단골손님", "010-5000-0002", ""))
        .unwrap()
        .id;
    let sale = SaleInput {
        amount: "5000".into(),
        ..Default::default()
    };
    t.shop.record_sale(regular, &sale).unwrap();
    let six = Audience::NotContacted { months: 6 };
    let ids: Vec<i64> = t
        .shop
        .letter_recipients(&six, None)
        .unwrap()
        .iter()
        .map(|r| r.customer_id)
        .collect();
    assert_eq!(ids, [quiet]);
    // A letter only made is not being in touch; a printed one is.
    let made = t
        .shop
        .make_letters(Occasion::MissYou, &[quiet], Channel::Print)
        .unwrap();
    assert_eq!(t.shop.letter_recipients(&six, None).unwrap().len(), 1);
    t.shop.mark_letters_printed(&[made.made[0].id]).unwrap();
    assert!(t.shop.letter_recipients(&six, None).unwrap().is_empty());
}

#[test]
fn an_upcoming_birthday_says_whether_its_letter_went_out() {
    let t = shop();
    let id = birthday_in(&t, 2, "김민수", "010-2345-6789", "");
    let sent = |t: &TestShop| letter_marked_sent(t, id);
    assert!(!sent(&t));
    let made = t
        .shop
        .make_letters(Occasion::Birthday, &[id], Channel::Print)
        .unwrap();
    assert!(!sent(&t), "a letter only made is not sent");
    assert_eq!(made.made[0].state, LetterState::Made);
    let printed = t.shop.mark_letters_printed(&[made.made[0].id]).unwrap();
    assert_eq!(printed[0].state, LetterState::Printed);
    assert!(
        sent(&t),
        "the printed letter is not seen on the upcoming day"
    );
}

#[test]
fn a_made_letter_can_be_edited_before_it_goes() {
    let t = shop();
    let id = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap()
        .id;
    let made = t
        .shop
        .make_letters(Occasion::ThankYou, &[id], Channel::Print)
        .unwrap();
    let letter = &made.made[0];
    let edited = t
        .shop
        .edit_letter(
            letter.id,
            &letter.title,
            "김민수 님, 지난번 원피스는 잘 맞으셨나요?",
        )
        .unwrap();
    assert!(edited.body.contains("원피스"));
    // Made again: her words stay (it was changed by hand).
    let again = t
        .shop
        .make_letters(Occasion::ThankYou, &[id], Channel::Print)
        .unwrap();
    assert!(again.made[0].body.contains("원피스"));
    t.shop.mark_letters_printed(&[letter.id]).unwrap();
    assert_eq!(
        t.shop.search_history("원피스", 5).unwrap().len(),
        1,
        "history has the final text"
    );
    assert!(matches!(
        t.shop.edit_letter(letter.id, "", "x"),
        Err(Error::Validation(_))
    ));
}
