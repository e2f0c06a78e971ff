//! The letters every shop starts with, in Korean and English. Owners edit
//! them (the edited copy is kept in the database); these stay as they are.
//!
//! How they are written (docs/glossary.md has the rules):
//! - 님 after every name, family included ({가족} is "박순자 님", or
//!   "부모님" when the letter was made without her day); 께, 드림; 올림 and
//!   no coupon, sales line or (광고) in a condolence or remembrance.
//! - Every sentence that holds a placeholder is left out when that
//!   placeholder is empty (`template`), so the coupon sentence stands alone
//!   and the rest never leans on the shop's name or a coupon.
//! - Nothing assumes goods (a café or a salon sells no things "to use"),
//!   and no promise is made that the shop has not kept ("바로잡겠습니다",
//!   not "바로잡았습니다").

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Occasion {
    /// Her own birthday.
    Birthday,
    ChildBirthday,
    SpouseBirthday,
    /// A parent's or grandparent's birthday: a 생신.
    ParentBirthday,
    /// A sibling's or another family member's birthday.
    FamilyBirthday,
    Anniversary,
    Graduation,
    /// The yearly 기일 of someone she lost: a gentle remembrance.
    Memorial,
    /// A new loss: condolences to her and her family.
    Condolence,
    MissYou,
    NewProduct,
    Seollal,
    Chuseok,
    ThankYou,
    Apology,
}

pub const ALL: [Occasion; 15] = [
    Occasion::Birthday,
    Occasion::ChildBirthday,
    Occasion::SpouseBirthday,
    Occasion::ParentBirthday,
    Occasion::FamilyBirthday,
    Occasion::Anniversary,
    Occasion::Graduation,
    Occasion::Memorial,
    Occasion::Condolence,
    Occasion::MissYou,
    Occasion::NewProduct,
    Occasion::Seollal,
    Occasion::Chuseok,
    Occasion::ThankYou,
    Occasion::Apology,
];

impl Occasion {
    /// Marketing, which needs consent and "(광고)" when emailed; greetings
    /// and thank-you notes are not (unless they carry a coupon in Korea:
    /// see `mail::law`).
    pub fn advertising(self) -> bool {
        matches!(self, Occasion::NewProduct | Occasion::MissYou)
    }

    /// A letter about a death: no coupon, no sales line, never advertising.
    pub fn mourning(self) -> bool {
        matches!(self, Occasion::Memorial | Occasion::Condolence)
    }

    /// A birthday of someone in her family, named by {가족}.
    pub fn family_birthday(self) -> bool {
        matches!(
            self,
            Occasion::ChildBirthday
                | Occasion::SpouseBirthday
                | Occasion::ParentBirthday
                | Occasion::FamilyBirthday
        )
    }
}

/// (title, body) of the built-in letter.
pub fn text(o: Occasion, korean: bool) -> (&'static str, &'static str) {
    if korean {
        korean_text(o)
    } else {
        english_text(o)
    }
}

fn korean_text(o: Occasion) -> (&'static str, &'static str) {
    use Occasion::*;
    match o {
        Birthday => (
            "{생일}{을/를} 축하드립니다",
            "{이름} 님, {생일}{을/를} 진심으로 축하드립니다.\n늘 {가게이름}{을/를} 찾아 주셔서 감사합니다. 작은 선물로 {쿠폰}{을/를} 준비했습니다.\n건강하고 행복한 한 해 보내세요.\n\n{가게이름} 드림",
        ),
        ChildBirthday => (
            "{가족}의 생일을 축하드립니다",
            "{이름} 님, {가족}의 생일을 진심으로 축하드립니다.\n자녀분의 앞날에 늘 건강과 행복이 함께하기를 바랍니다.\n\n{가게이름} 드림",
        ),
        SpouseBirthday => (
            "{가족}의 {생일}{을/를} 축하드립니다",
            "{이름} 님, {가족}의 {생일}{을/를} 진심으로 축하드립니다.\n두 분이 함께 건강하고 행복한 한 해 보내시기를 바랍니다.\n\n{가게이름} 드림",
        ),
        ParentBirthday => (
            "{가족}의 {생일}{을/를} 축하드립니다",
            "{이름} 님, {가족}의 {생일}{을/를} 진심으로 축하드립니다.\n{가족}께서 늘 건강하시고 평안하시기를 바랍니다.\n가족분들과 함께 기쁜 날 보내세요.\n\n{가게이름} 드림",
        ),
        FamilyBirthday => (
            "{가족}의 {생일}{을/를} 축하드립니다",
            "{이름} 님, {가족}의 {생일}{을/를} 진심으로 축하드립니다.\n가족 모두 건강하고 행복한 날들 보내시기를 바랍니다.\n\n{가게이름} 드림",
        ),
        Anniversary => (
            "결혼기념일을 축하드립니다",
            "{이름} 님, 결혼기념일을 진심으로 축하드립니다.\n두 분이 함께해 오신 날들에 축하의 마음을 전하며, 앞으로도 늘 행복하시기를 바랍니다.\n\n{가게이름} 드림",
        ),
        Graduation => (
            "졸업을 축하드립니다",
            "{이름} 님, 기쁜 졸업 소식에 진심으로 축하의 마음을 전합니다.\n새로운 출발에 늘 좋은 일만 가득하기를 바랍니다.\n\n{가게이름} 드림",
        ),
        Memorial => (
            "평안한 하루 보내시기를 바랍니다",
            "{이름} 님, 그리운 분을 기리는 날이 다가왔습니다.\n가족분들과 함께 좋은 기억을 나누시며 평안한 하루 보내시기를 바랍니다.\n\n{가게이름} 올림",
        ),
        Condolence => (
            "삼가 고인의 명복을 빕니다",
            "{이름} 님과 유가족분들께\n\n삼가 고인의 명복을 빕니다.\n큰 슬픔을 당하셨다는 소식에 깊은 애도의 마음을 전합니다.\n어떤 말씀도 위로가 되기 어렵겠지만, 유가족분들께서 평안을 찾으시기를 진심으로 바랍니다.\n\n{가게이름} 올림",
        ),
        MissYou => (
            "{이름} 님, 안부 인사드립니다",
            "{이름} 님, 그동안 잘 지내셨는지요?\n한동안 뵙지 못해 안부가 궁금했습니다. 언제든 편하실 때 들러 주시면 반갑게 맞이하겠습니다.\n\n{가게이름} 드림",
        ),
        NewProduct => (
            "새 소식을 전해 드립니다",
            "{이름} 님, 새로 준비한 것을 가장 먼저 소개해 드리고 싶어 연락드립니다.\n편하실 때 들르셔서 직접 보시고 의견도 들려주세요.\n\n{가게이름} 드림",
        ),
        Seollal => (
            "새해 복 많이 받으세요",
            "{이름} 님, 새해 복 많이 받으세요.\n지난 한 해 {가게이름}{을/를} 아껴 주셔서 감사합니다. 가족 모두 건강하고 행복한 설 보내세요.\n\n{가게이름} 드림",
        ),
        Chuseok => (
            "풍성한 한가위 보내세요",
            "{이름} 님, 풍성하고 넉넉한 한가위 보내세요.\n늘 {가게이름}{을/를} 찾아 주셔서 감사합니다. 가족과 함께 즐거운 명절 보내세요.\n\n{가게이름} 드림",
        ),
        ThankYou => (
            "찾아 주셔서 감사합니다",
            "{이름} 님, 찾아 주셔서 진심으로 감사합니다.\n불편하셨던 점이나 바라시는 점이 있으면 언제든 편하게 말씀해 주세요. 다음에도 반갑게 맞이하겠습니다.\n\n{가게이름} 드림",
        ),
        Apology => (
            "진심으로 사과드립니다",
            "{이름} 님, 불편을 드려 진심으로 사과드립니다.\n말씀해 주신 부분은 꼼꼼히 살펴 바로잡겠습니다. 다시 찾아 주시면 더 정성껏 모시겠습니다.\n\n{가게이름} 드림",
        ),
    }
}

fn english_text(o: Occasion) -> (&'static str, &'static str) {
    use Occasion::*;
    match o {
        Birthday => (
            "Happy {birthday}",
            "Dear {name},\nHappy {birthday}! Thank you for always coming to {shop}. We have a small gift for you: {coupon}.\nWishing you a wonderful year ahead.\n\n{shop}",
        ),
        ChildBirthday => (
            "Happy birthday to {family}",
            "Dear {name},\nHappy birthday to {family}! We wish them a happy, healthy year ahead.\n\n{shop}",
        ),
        SpouseBirthday => (
            "Happy {birthday} to {family}",
            "Dear {name},\nPlease pass on our warmest wishes to {family} on their {birthday}.\nWe hope you both have a wonderful day.\n\n{shop}",
        ),
        ParentBirthday => (
            "Congratulations on {family}'s {birthday}",
            "Dear {name},\nCongratulations on {family}'s {birthday}! We wish them good health and many happy years ahead.\nWe hope your family has a joyful day together.\n\n{shop}",
        ),
        FamilyBirthday => (
            "Happy {birthday} to {family}",
            "Dear {name},\nHappy {birthday} to {family}! We hope the day is full of joy for all of you.\n\n{shop}",
        ),
        Anniversary => (
            "Happy anniversary",
            "Dear {name},\nHappy anniversary! We send you both our warmest wishes for many more happy years together.\n\n{shop}",
        ),
        Graduation => (
            "Congratulations on the graduation",
            "Dear {name},\nCongratulations on the graduation! We wish the graduate all the best for what comes next.\n\n{shop}",
        ),
        Memorial => (
            "Thinking of you",
            "Dear {name},\nAs a day of remembrance comes near, we are thinking of you and your family.\nWe hope it brings you warm memories and a peaceful day.\n\n{shop}",
        ),
        Condolence => (
            "With our deepest sympathy",
            "To {name} and your family,\n\nWe were deeply saddened to hear of your loss. Please accept our heartfelt condolences.\nOur thoughts are with you and your family.\n\n{shop}",
        ),
        MissYou => (
            "It's been a while, {name}",
            "Dear {name},\nIt has been a while since we last saw you, and we hope you are doing well.\nWhenever you have a moment, stop by. We would be glad to see you.\n\n{shop}",
        ),
        NewProduct => (
            "Something new for you",
            "Dear {name},\nWe have something new, and we wanted you to be among the first to know.\nStop by when you have a moment and see it for yourself.\n\n{shop}",
        ),
        Seollal => (
            "Happy Lunar New Year",
            "Dear {name},\nHappy Lunar New Year! Thank you for your kindness to us this past year.\nWishing you and your family health and happiness in the year ahead.\n\n{shop}",
        ),
        Chuseok => (
            "Happy Chuseok",
            "Dear {name},\nHappy Chuseok! We wish you a joyful harvest holiday with your family.\nThank you for always thinking of {shop}.\n\n{shop}",
        ),
        ThankYou => (
            "Thank you",
            "Dear {name},\nThank you for choosing us. If anything was not quite right, or there is something we could do better, just let us know.\nWe look forward to seeing you again.\n\n{shop}",
        ),
        Apology => (
            "Our sincere apologies",
            "Dear {name},\nWe are truly sorry for the trouble we caused.\nWe are looking into what you told us and will put it right. We hope to serve you better next time.\n\n{shop}",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::template::{check, used_keys};

    #[test]
    fn every_built_in_letter_is_a_valid_template() {
        for o in ALL {
            for korean in [true, false] {
                let (title, body) = text(o, korean);
                assert!(check(title).is_empty(), "{o:?} title");
                assert!(
                    check(body).is_empty(),
                    "{o:?} {korean} body: {:?}",
                    check(body)
                );
            }
        }
    }

    #[test]
    fn mourning_letters_carry_no_coupon_and_are_never_advertising() {
        for o in ALL.into_iter().filter(|o| o.mourning()) {
            assert!(!o.advertising());
            for korean in [true, false] {
                let (title, body) = text(o, korean);
                assert!(!used_keys(body).contains(&"coupon"), "{o:?}");
                assert!(!used_keys(title).contains(&"coupon"), "{o:?}");
            }
        }
    }
}
