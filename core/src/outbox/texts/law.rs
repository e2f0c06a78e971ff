//! What Korean law asks of an advertising text, built in. 정보통신망법
//! 제50조 and KISA's 불법스팸 방지를 위한 정보통신망법 안내서: an
//! advertising message starts with "(광고)" followed by the sender's name,
//! tells how to refuse further messages free of charge ("무료거부" with an
//! 080 number, or a reply keyword), goes only to those who agreed to
//! receive it, and between 21:00 and 08:00 only to those who separately
//! agreed to night-time messages. Informational 알림톡 may carry no
//! advertising at all (Kakao's 알림톡 policy), which `check_alimtalk`
//! enforces on the letter's text.

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};

/// 21:00, when the night begins.
pub(crate) fn night_starts() -> NaiveTime {
    NaiveTime::from_hms_opt(21, 0, 0).expect("a time")
}

/// 08:00, when it ends.
pub(crate) fn night_ends() -> NaiveTime {
    NaiveTime::from_hms_opt(8, 0, 0).expect("a time")
}

/// Whether `local` falls in the hours an advertising text needs night
/// consent for (21:00 included, 08:00 not).
pub(crate) fn is_night(local: NaiveDateTime) -> bool {
    let t = local.time();
    t >= night_starts() || t < night_ends()
}

/// The first moment at or after `local` when an advertisement may go to
/// someone without night consent.
pub(crate) fn next_allowed(local: NaiveDateTime) -> NaiveDateTime {
    if !is_night(local) {
        return local;
    }
    let day = if local.time() >= night_starts() {
        local.date() + TimeDelta::days(1)
    } else {
        local.date()
    };
    day.and_time(night_ends())
}

/// How she refuses more advertising, free of charge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptOut {
    /// The shop's 080 number (free to call).
    Number(String),
    /// A word she replies with.
    Keyword(String),
}

/// An advertising text as the law frames it: "(광고)" and the shop's name
/// first, the free opt-out last. Text that already starts with "(광고)"
/// is not marked twice.
pub(crate) fn frame_ad(shop_name: &str, body: &str, opt_out: &OptOut) -> String {
    let body = body.trim();
    let body = body.strip_prefix("(광고)").map_or(body, str::trim_start);
    let head = format!("(광고){}", shop_name.trim());
    let tail = match opt_out {
        OptOut::Number(n) => format!("무료거부 {}", n.trim()),
        OptOut::Keyword(k) => format!("무료수신거부: '{}' 회신", k.trim()),
    };
    format!("{head}\n{body}\n{tail}")
}

/// Words that make a text an advertisement in the eyes of Kakao's 알림톡
/// review: the mark itself, prices cut (할인, 특가, 세일, % off), things
/// given away (증정, 사은품, 쿠폰 — Dangol sends a coupon as an advertising
/// text, never as 알림톡), events and new goods. An informational template
/// may not carry them. The check is deliberately simple and strict (a
/// plain substring, case folded); the owner is told which word was found.
const AD_WORDS: &[&str] = &[
    "광고",
    "할인",
    "이벤트",
    "특가",
    "세일",
    "증정",
    "사은품",
    "쿠폰",
    "1+1",
    "신상품",
    "신제품",
    "프로모션",
    "sale",
    "discount",
    "% off",
    "coupon",
    "promotion",
];

/// The first advertising word found in an 알림톡's text, if any.
pub(crate) fn ad_word_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    AD_WORDS.iter().copied().find(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 5, 4)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    #[test]
    fn an_ad_at_half_past_nine_waits_until_eight_the_next_morning() {
        assert!(is_night(at(21, 30)));
        assert_eq!(
            next_allowed(at(21, 30)),
            NaiveDate::from_ymd_opt(2026, 5, 5)
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap()
        );
        assert_eq!(next_allowed(at(3, 0)), at(8, 0));
        assert!(!is_night(at(8, 0)) && !is_night(at(20, 59)) && is_night(at(21, 0)));
        assert_eq!(next_allowed(at(12, 0)), at(12, 0));
    }

    #[test]
    fn an_ad_starts_with_the_mark_and_the_shop_and_ends_with_the_opt_out() {
        let t = frame_ad(
            "단골카페",
            "(광고) 신메뉴가 나왔습니다",
            &OptOut::Number("080-123-4567".into()),
        );
        assert_eq!(
            t,
            "(광고)단골카페\n신메뉴가 나왔습니다\n무료거부 080-123-4567"
        );
        let k = frame_ad("단골카페", "봄 신메뉴", &OptOut::Keyword("거부".into()));
        assert!(k.ends_with("무료수신거부: '거부' 회신"));
    }

    #[test]
    fn an_alimtalk_with_a_sale_is_caught() {
        assert_eq!(ad_word_in("이번 주 전 품목 할인!"), Some("할인"));
        assert_eq!(ad_word_in("적립 포인트 1,200점이 쌓였습니다."), None);
    }
}
