//! What Korean law says about advertising by email, quoted — not
//! paraphrased — from its sources, for the rules Dangol follows and for the
//! screens of a shop in Korea (a US shop is shown none of it).
//!
//! # Sources
//! - The act and its decree as 국가법령정보센터 (law.go.kr) publishes them:
//!   「정보통신망 이용촉진 및 정보보호 등에 관한 법률」 (법률 제21988호,
//!   시행 2026-10-02) and its 시행령 (대통령령 제36728호, 시행 2026-10-02),
//!   read in the legalize-kr mirror of law.go.kr
//!   (`kr/정보통신망이용촉진및정보보호등에관한법률/{법률,시행령}.md`).
//! - KISA 불법스팸대응센터, FAQ "설문조사(서비스 평가)를 하기 위해 보내는
//!   정보도 광고성 정보에 해당 되나요?"
//!   (<https://spam.kisa.or.kr/spam/na/ntt/selectNttInfo.do?mi=1037&bbsId=1003&nttSn=1365>).
//!
//! # Not reached
//! KISA's guide itself («불법 스팸 방지를 위한 정보통신망법 안내서», the 2024
//! revision that, as the press reported, expanded its explanation of the
//! two-yearly consent check) is a PDF on spam.kisa.or.kr that could not be
//! read from where this was written. Nothing here quotes or paraphrases
//! it; when it is read, its examples should be checked against the two
//! rules below.
//!
//! # The rules Dangol follows, and why
//! 1. **A greeting that carries a coupon is advertising.** The act does not
//!    define 광고성 정보 further than 제50조; the one official answer found
//!    on coupons (the KISA FAQ quoted in [`KISA_FAQ_COUPON`]) is that a
//!    message giving a coupon for the sender's own goods or services is
//!    영리목적 광고성 정보. A shop's coupon is always for its own goods, so
//!    in Korea a letter whose text names a coupon is sent as advertising:
//!    only with consent, "(광고)" in the subject, the shop's name, contact
//!    and a free opt-out (제50조 ①, ④). Without a coupon, a birthday
//!    greeting or a thank-you stays a greeting.
//! 2. **The two-year rule is a notice, not a new consent.** 제50조 ⑧ asks
//!    the sender to "확인" the consent regularly, and 시행령 제62조의3 says
//!    how: every two years from the day of consent, tell the customer the
//!    sender's name, that and when they agreed, and how to keep or withdraw
//!    it. Nothing in either says the consent lapses when the customer does
//!    not answer, so Dangol lists the customers due for that notice; it
//!    does not stop writing to them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One passage of the law, as its source prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[ts(export, rename = "LawQuote")]
pub struct Quote {
    /// "정보통신망법 제50조 제8항".
    pub citation: &'static str,
    pub text: &'static str,
    pub source: &'static str,
}

const ACT: &str = "국가법령정보센터, 정보통신망 이용촉진 및 정보보호 등에 관한 법률 (법률 제21988호, 시행 2026. 10. 2.)";
const DECREE: &str = "국가법령정보센터, 같은 법 시행령 (대통령령 제36728호, 시행 2026. 10. 2.)";

pub const ACT_50_1: Quote = Quote {
    citation: "정보통신망법 제50조 제1항 본문",
    text: "누구든지 전자적 전송매체를 이용하여 영리목적의 광고성 정보를 전송하려면 그 수신자의 명시적인 사전 동의를 받아야 한다.",
    source: ACT,
};

pub const ACT_50_4: Quote = Quote {
    citation: "정보통신망법 제50조 제4항",
    text: "전자적 전송매체를 이용하여 영리목적의 광고성 정보를 전송하는 자는 대통령령으로 정하는 바에 따라 다음 각 호의 사항 등을 광고성 정보에 구체적으로 밝혀야 한다.\n1. 전송자의 명칭 및 연락처\n2. 수신의 거부 또는 수신동의의 철회 의사표시를 쉽게 할 수 있는 조치 및 방법에 관한 사항",
    source: ACT,
};

pub const ACT_50_8: Quote = Quote {
    citation: "정보통신망법 제50조 제8항",
    text: "제1항 또는 제3항에 따라 수신동의를 받은 자는 대통령령으로 정하는 바에 따라 정기적으로 광고성 정보 수신자의 수신동의 여부를 확인하여야 한다.",
    source: ACT,
};

pub const DECREE_62_3: Quote = Quote {
    citation: "정보통신망법 시행령 제62조의3",
    text: "① 법 제50조제1항 또는 제3항에 따라 수신자의 사전 동의를 받은 자는 같은 조 제8항에 따라 그 수신동의를 받은 날부터 2년마다(매 2년이 되는 해의 수신동의를 받은 날과 같은 날 전까지를 말한다) 해당 수신자의 수신동의 여부를 확인하여야 한다.\n② 제1항에 따라 수신동의 여부를 확인하려는 자는 수신자에게 다음 각 호의 사항을 밝혀야 한다.\n1. 전송자의 명칭\n2. 수신자의 수신동의 사실과 수신에 동의한 날짜\n3. 수신동의에 대한 유지 또는 철회의 의사를 표시하는 방법",
    source: DECREE,
};

pub const KISA_FAQ_COUPON: Quote = Quote {
    citation: "KISA 불법스팸대응센터 FAQ",
    text: "설문응답을 유인하기 위하여 대가성으로 쿠폰을 지급하는 경우에는 전송자가 제공하는 재화나 서비스에 대한 이용쿠폰인 경우 설문조사가 영리목적 광고성 정보에 해당하지만, 전송자가 제공하는 재화나 서비스와 무관한 쿠폰(ex : 커피쿠폰 등)을 지급하는 경우에는 광고성 정보 예외로 볼 수 있습니다.",
    source: "https://spam.kisa.or.kr/spam/na/ntt/selectNttInfo.do?mi=1037&bbsId=1003&nttSn=1365",
};

/// What a screen of a shop in Korea explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LawTopic {
    /// What advertising mail needs, and that a coupon makes a greeting one.
    Advertising,
    /// The notice every two years of a customer's consent.
    ConsentCheck,
}

/// The passages behind a topic, to be shown as they are written.
pub fn quotes(topic: LawTopic) -> Vec<Quote> {
    match topic {
        LawTopic::Advertising => vec![ACT_50_1, ACT_50_4, KISA_FAQ_COUPON],
        LawTopic::ConsentCheck => vec![ACT_50_8, DECREE_62_3],
    }
}

/// Whether a letter is sent as advertising: its template says so, or —
/// for a shop in Korea — it names a coupon (rule 1 above).
pub(crate) fn is_advertising(template_says: bool, with_coupon: bool, korea: bool) -> bool {
    template_says || (korea && with_coupon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_coupon_makes_a_korean_greeting_advertising_only_in_korea() {
        assert!(!is_advertising(false, false, true));
        assert!(is_advertising(false, true, true));
        assert!(!is_advertising(false, true, false));
        assert!(is_advertising(true, false, false));
    }
}
