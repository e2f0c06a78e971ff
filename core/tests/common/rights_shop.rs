//! The rights tests' shop: two customers, each with something in every
//! kind of data Dangol keeps (record, family and days, every history
//! kind, loyalty, trial, letters, mail and texts, an import warning and
//! the record an import kept to undo), each marked with words of their
//! own so that a test can tell whose a cell is.

use dangol_core::data::import::dupes::DuplicateChoice;
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::history::model::{ComplaintStatus, ComplaintUpdate, FollowupOrigin};
use dangol_core::history::trials::{FeedbackInput, TrialInput};
use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::dates::family::Relation;
use dangol_core::letters::dates::occasions::{DateInput, OccasionKind};
use dangol_core::letters::store::Channel;
use dangol_core::loyalty::coupons::CouponOrigin;
use dangol_core::loyalty::rules::{CouponKind, Reward};
use dangol_core::{
    ComplaintInput, ContactInput, CustomerInput, FollowupInput, PaymentInput, PhoneInput,
    PhoneLabel, SetupInput, Source,
};

use super::{sale, TestShop};

/// One customer's words: every one of them is somewhere in her data.
pub struct Person {
    pub id: i64,
    pub name: &'static str,
    pub phone: &'static str,
    /// Words found in one kind each: (the sheet's Korean name, the word).
    pub marks: Vec<(&'static str, String)>,
}

pub fn shop() -> TestShop {
    let t = TestShop::new();
    t.shop
        .finish_setup(&SetupInput {
            shop_name: "행복한 세탁소".into(),
            country: dangol_core::Country::KR,
            language: dangol_core::Language::Ko,
            with_sample: false,
        })
        .unwrap();
    t.shop
        .save_text_settings(&super::text_shop::settings())
        .unwrap();
    t
}

/// A customer with data of every kind; `tag` (a short Latin word) starts
/// every text of hers, so it cannot be part of another's.
pub fn person(t: &TestShop, name: &'static str, phone: &'static str, tag: &str) -> Person {
    let s = &t.shop;
    let staff = s.add_staff(&format!("{tag}staff")).unwrap();
    let input = CustomerInput {
        name: name.into(),
        phones: vec![
            PhoneInput {
                label: PhoneLabel::Mobile,
                number: phone.into(),
            },
            PhoneInput {
                label: PhoneLabel::Work,
                number: format!("02-{}", &phone[4..]),
            },
        ],
        email: format!("{tag}@example.org"),
        postal_code: "04001".into(),
        address1: format!("{tag}road 12"),
        address2: format!("{tag}apt 301"),
        birthday: "1981-07-23".into(),
        source: Source::Referral,
        source_note: format!("{tag}referral"),
        memo: format!("{tag}memo"),
        staff_id: Some(staff.id),
        consent_email: true,
        consent_sms: true,
        ..Default::default()
    };
    let id = s.create_customer(&input).unwrap().id;
    s.set_night_text_consent(id, true).unwrap();

    let member = s
        .add_family_member(id, &format!("{tag}kid"), Relation::Child)
        .unwrap();
    let date = DateInput {
        member_id: Some(member.id),
        kind: OccasionKind::Graduation,
        label: format!("{tag}graduation"),
        year: Some(2020),
        month: 2,
        day: 14,
        lunar: false,
        leap: false,
        age_counting: None,
    };
    s.add_important_date(id, &date).unwrap();

    s.record_sale(id, &sale("30000", true, "10000", &format!("{tag}items")))
        .unwrap();
    let payment = PaymentInput {
        amount: "5000".into(),
        memo: format!("{tag}paid"),
        staff_id: None,
    };
    s.record_payment(id, &payment).unwrap();
    let contact = ContactInput {
        inquiry: format!("{tag}inquiry"),
        answer: format!("{tag}answer"),
        ..Default::default()
    };
    s.log_contact(id, &contact).unwrap();
    s.add_note(id, &format!("{tag}note"), None).unwrap();
    let complaint = ComplaintInput {
        description: format!("{tag}complaint"),
        ..Default::default()
    };
    let k = s.open_complaint(id, &complaint).unwrap();
    let resolved = ComplaintUpdate {
        status: ComplaintStatus::Resolved,
        resolution: format!("{tag}resolution"),
        compensation: format!("{tag}compensation"),
        staff_id: None,
    };
    s.update_complaint(k.id, &resolved).unwrap();
    let followup = FollowupInput {
        due: "2030-01-15".into(),
        reason: format!("{tag}followup"),
        staff_id: None,
    };
    s.add_followup(id, &followup, FollowupOrigin::Manual)
        .unwrap();

    let visit = sale("20000", false, "", &format!("{tag}visit"));
    s.record_sale(id, &visit).unwrap();
    let reward = Reward {
        kind: CouponKind::FreeItem,
        value: 0,
        item: format!("{tag}coffee"),
        valid_days: 30,
    };
    s.issue_coupon(id, &reward, CouponOrigin::Manual).unwrap();

    let trial = s
        .create_trial(&TrialInput {
            product: format!("{tag}beans"),
            note: String::new(),
            started_on: None,
        })
        .unwrap();
    s.give_trial(trial.id, &[id]).unwrap();
    let feedback = FeedbackInput {
        feedback: format!("{tag}feedback"),
        rating: Some(4),
    };
    s.record_trial_feedback(trial.id, id, &feedback).unwrap();

    // A printed letter, one mailed and one texted (both in the outbox).
    s.make_letters(Occasion::Seollal, &[id], Channel::Print)
        .unwrap();
    let mailed = s
        .make_letters(Occasion::ThankYou, &[id], Channel::Email)
        .unwrap();
    s.queue_letters(&[mailed.made[0].id]).unwrap();
    let texted = s
        .make_letters(Occasion::Apology, &[id], Channel::Email)
        .unwrap();
    s.queue_texts(&[texted.made[0].id], false).unwrap();

    // An import that merged a row into her: what it could not keep is a
    // warning, and her record as it was is kept to undo it.
    let file = t.dir.path().join(format!("{tag}.csv"));
    std::fs::write(
        &file,
        format!("이름,휴대폰,이메일,메모\n{name},{phone},{tag}other@example.org,{tag}imported\n"),
    )
    .unwrap();
    let mut opts = ImportOptions::default();
    opts.duplicates.insert(2, DuplicateChoice::Merge);
    s.import_file(&file, &opts).unwrap();

    let mark = |sheet: &'static str, word: &str| (sheet, format!("{tag}{word}"));
    Person {
        id,
        name,
        phone,
        marks: vec![
            mark("기본 정보", "@example.org"),
            mark("기본 정보", "road 12"),
            mark("기본 정보", "apt 301"),
            mark("기본 정보", "referral"),
            mark("기본 정보", "memo"),
            mark("기본 정보", "staff"),
            mark("가족", "kid"),
            mark("중요한 날", "graduation"),
            mark("기록", "items"),
            mark("기록", "paid"),
            mark("기록", "inquiry"),
            mark("기록", "answer"),
            mark("기록", "note"),
            mark("기록", "visit"),
            mark("불만", "complaint"),
            mark("불만", "resolution"),
            mark("불만", "compensation"),
            mark("후속 연락", "followup"),
            mark("쿠폰", "coffee"),
            mark("신제품 체험", "beans"),
            mark("신제품 체험", "feedback"),
            mark("보낸 메일·문자", "@example.org"),
            mark("가져올 때 빠진 정보", "other@example.org"),
            mark("가져오기 전 기록", "memo"),
        ],
    }
}
