//! What a letter's placeholders become for one customer: her name, the
//! shop's, her tier, a coupon worth mentioning, and — for a family day —
//! whose day it is and what the birthday is called (생신, 칠순…).
//!
//! Which coupon: a birthday letter mentions only her birthday coupon (a
//! stamp-card reward she earned is not "a small gift"); other letters her
//! first usable coupon, for owners who add {쿠폰}; a condolence or
//! remembrance none at all.

use chrono::NaiveDate;

use super::builtin::Occasion;
use super::template::LetterValues;
use super::WORDS;
use crate::letters::dates::age::birthday_word;
use crate::letters::dates::occasions::Upcoming;
use crate::loyalty::coupons::{Coupon, CouponOrigin};
use crate::loyalty::rules::CouponKind;
use crate::store::settings::{Country, Language};

/// What is known about her when a letter is written.
pub struct Facts<'a> {
    pub language: Language,
    pub country: Country,
    pub shop_name: &'a str,
    pub customer_name: &'a str,
    pub tier_name: Option<&'a str>,
    /// Her usable coupons, soonest to expire first.
    pub coupons: &'a [Coupon],
    /// The day the letter is about (a parent's birthday…), if found.
    pub day: Option<&'a Upcoming>,
    pub today: NaiveDate,
}

/// The placeholders' values for `occasion` (none: any letter).
pub fn values(f: &Facts<'_>, occasion: Option<Occasion>) -> LetterValues {
    let mourning = occasion.is_some_and(Occasion::mourning);
    let coupon = match occasion {
        _ if mourning => None,
        Some(Occasion::Birthday) => f
            .coupons
            .iter()
            .find(|c| c.origin == CouponOrigin::Birthday),
        _ => f.coupons.first(),
    };
    let elder = f
        .day
        .map_or(occasion == Some(Occasion::ParentBirthday), |d| d.elder);
    LetterValues {
        name: f.customer_name.into(),
        shop: f.shop_name.into(),
        tier: if mourning {
            String::new()
        } else {
            f.tier_name.unwrap_or_default().into()
        },
        coupon: coupon
            .map(|c| coupon_text(c, f.language, f.country))
            .unwrap_or_default(),
        date: f
            .today
            .format(&WORDS.say(f.language, "date.month_day"))
            .to_string(),
        family: family_word(f.language, occasion, f.day),
        birthday: birthday_word(f.language, f.day.and_then(|d| d.age_name), elder),
    }
}

/// Her family member as a letter names them — with 님 in Korean — or,
/// when the letter was made without her day, the general word.
fn family_word(lang: Language, occasion: Option<Occasion>, day: Option<&Upcoming>) -> String {
    if let Some(name) = day.and_then(|d| d.member_name.as_deref()) {
        return WORDS.say_with(lang, "family.named", &[("name", name)]);
    }
    let Some(o) = occasion.filter(|o| o.family_birthday()) else {
        return String::new();
    };
    let key = match o {
        Occasion::ChildBirthday => "family.child",
        Occasion::SpouseBirthday => "family.spouse",
        Occasion::ParentBirthday => "family.parent",
        _ => "family.other",
    };
    WORDS.say(lang, key)
}

/// A coupon as a letter names it: "10% 할인 쿠폰", "음료 1잔 쿠폰".
pub(crate) fn coupon_text(c: &Coupon, lang: Language, country: Country) -> String {
    let money = |m: i64| crate::history::money::text(m, country);
    match c.kind {
        CouponKind::Percent => {
            WORDS.say_with(lang, "coupon.percent", &[("value", &c.value.to_string())])
        }
        CouponKind::Amount => WORDS.say_with(lang, "coupon.amount", &[("money", &money(c.value))]),
        CouponKind::FreeItem => WORDS.say_with(lang, "coupon.free_item", &[("item", &c.item)]),
    }
}
