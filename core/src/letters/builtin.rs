//! The letters every shop starts with, in Korean and English. Owners edit
//! them (the edited copy is kept in the database); these stay as they are.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Occasion {
    Birthday,
    ChildBirthday,
    Anniversary,
    Graduation,
    Condolence,
    MissYou,
    NewProduct,
    Seollal,
    Chuseok,
    ThankYou,
    Apology,
}

pub const ALL: [Occasion; 11] = [
    Occasion::Birthday,
    Occasion::ChildBirthday,
    Occasion::Anniversary,
    Occasion::Graduation,
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
    /// and thank-you notes are not.
    pub fn advertising(self) -> bool {
        matches!(self, Occasion::NewProduct | Occasion::MissYou)
    }
}

/// (title, body) of the built-in letter.
pub fn text(o: Occasion, korean: bool) -> (&'static str, &'static str) {
    use Occasion::*;
    match (o, korean) {
        (Birthday, true) => ("생일을 축하드립니다", "{이름} 님, 생일을 진심으로 축하드립니다.\n늘 {가게이름}{을/를} 찾아 주셔서 감사합니다. 작은 마음으로 {쿠폰}{을/를} 준비했습니다.\n건강하고 행복한 한 해 보내세요.\n\n{가게이름} 드림"),
        (Birthday, false) => ("Happy birthday", "Dear {name},\nHappy birthday! Thank you for being part of {shop}. We have a small gift for you: {coupon}.\nWishing you a wonderful year.\n\n{shop}"),
        (ChildBirthday, true) => ("자녀분의 생일을 축하드립니다", "{이름} 님, 소중한 자녀분의 생일을 축하드립니다.\n아이가 밝고 건강하게 자라기를 {가게이름}도 함께 응원합니다.\n\n{가게이름} 드림"),
        (ChildBirthday, false) => ("Happy birthday to your child", "Dear {name},\nHappy birthday to your little one! Everyone at {shop} wishes them a happy, healthy year.\n\n{shop}"),
        (Anniversary, true) => ("결혼기념일을 축하드립니다", "{이름} 님, 결혼기념일을 진심으로 축하드립니다.\n두 분의 행복한 날에 {가게이름}{이/가} 작은 축하를 보냅니다.\n\n{가게이름} 드림"),
        (Anniversary, false) => ("Happy anniversary", "Dear {name},\nHappy anniversary! {shop} sends you both our warmest wishes.\n\n{shop}"),
        (Graduation, true) => ("졸업을 축하드립니다", "{이름} 님, 졸업을 진심으로 축하드립니다.\n새로운 시작을 {가게이름}{이/가} 응원합니다.\n\n{가게이름} 드림"),
        (Graduation, false) => ("Congratulations on the graduation", "Dear {name},\nCongratulations on the graduation! Everyone at {shop} wishes you the best for what comes next.\n\n{shop}"),
        (Condolence, true) => ("삼가 위로의 말씀을 드립니다", "{이름} 님, 삼가 고인의 명복을 빕니다.\n슬픔을 함께 나누며 가족 모두에게 위로의 마음을 전합니다.\n\n{가게이름} 드림"),
        (Condolence, false) => ("With our deepest sympathy", "Dear {name},\nPlease accept our heartfelt condolences. Our thoughts are with you and your family.\n\n{shop}"),
        (MissYou, true) => ("{이름} 님, 잘 지내시죠?", "{이름} 님, 오랜만에 안부 여쭙니다.\n요즘 뵙지 못해 {가게이름}{이/가} 궁금해하고 있습니다. 가까운 날 들러 주시면 반갑게 맞이하겠습니다.\n\n{가게이름} 드림"),
        (MissYou, false) => ("We miss you, {name}", "Dear {name},\nIt has been a while, and we miss seeing you at {shop}. Do drop by soon — we would love to see you.\n\n{shop}"),
        (NewProduct, true) => ("새 상품 소식을 전해 드립니다", "{이름} 님, {가게이름}에 새 상품이 들어왔습니다.\n{이름} 님께 먼저 소개해 드리고 싶어 연락드립니다. 편하실 때 구경 오세요.\n\n{가게이름} 드림"),
        (NewProduct, false) => ("Something new at {shop}", "Dear {name},\nWe have something new at {shop}, and we wanted you to be among the first to know. Come and see it soon.\n\n{shop}"),
        (Seollal, true) => ("새해 복 많이 받으세요", "{이름} 님, 새해 복 많이 받으세요.\n지난 한 해 {가게이름}{을/를} 아껴 주셔서 감사합니다. 가족 모두 건강하고 행복한 설 보내세요.\n\n{가게이름} 드림"),
        (Seollal, false) => ("Happy Lunar New Year", "Dear {name},\nHappy Lunar New Year! Thank you for your friendship this past year. Wishing you and your family health and happiness.\n\n{shop}"),
        (Chuseok, true) => ("풍성한 한가위 보내세요", "{이름} 님, 풍성하고 넉넉한 한가위 보내세요.\n늘 {가게이름}{을/를} 찾아 주셔서 감사합니다. 가족과 함께 즐거운 명절 되세요.\n\n{가게이름} 드림"),
        (Chuseok, false) => ("Happy Chuseok", "Dear {name},\nHappy Chuseok! Thank you for visiting {shop}. We wish you a joyful harvest holiday with your family.\n\n{shop}"),
        (ThankYou, true) => ("구매해 주셔서 감사합니다", "{이름} 님, {가게이름}에서 구매해 주셔서 감사합니다.\n사용해 보시고 불편한 점이 있으면 언제든 말씀해 주세요.\n\n{가게이름} 드림"),
        (ThankYou, false) => ("Thank you for your purchase", "Dear {name},\nThank you for shopping at {shop}. If anything is not quite right, just let us know.\n\n{shop}"),
        (Apology, true) => ("진심으로 사과드립니다", "{이름} 님, 불편을 드려 진심으로 사과드립니다.\n말씀해 주신 부분은 바로잡았습니다. 다시 찾아 주시면 더 잘 모시겠습니다.\n\n{가게이름} 드림"),
        (Apology, false) => ("Our sincere apologies", "Dear {name},\nWe are truly sorry for the trouble. We have put it right, and we hope to serve you better next time.\n\n{shop}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::template::check;

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
}
