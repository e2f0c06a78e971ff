//! A sample shop's past: visits and purchases over the last year (some on
//! credit, some paid back), inquiries with answers, a few complaints and
//! follow-ups due now, so that a new owner looking around sees every
//! screen with something on it.

use chrono::{DateTime, Days, Duration, Utc};
use rusqlite::Connection;

use crate::error::Result;
use crate::history::model::*;
use crate::history::{cases, entries};
use crate::store::settings::Country;

const ITEMS_KR: &[&str] = &[
    "아메리카노 2잔",
    "생일 케이크 2호",
    "원피스 (블루, M)",
    "선물 세트",
    "카페라떼",
    "니트 가디건",
    "딸기 생크림 케이크",
    "수제 쿠키 세트",
    "셔츠 수선",
    "화분 (몬스테라)",
];
const ITEMS_US: &[&str] = &[
    "Iced latte",
    "Birthday cake",
    "Blue dress (M)",
    "Gift set",
    "Cookies",
    "Alteration",
    "Plant",
];
const INQUIRIES: &[(&str, &str)] = &[
    (
        "배송 문의: 주문한 케이크 언제 오나요?",
        "내일 오전 도착 예정이라고 안내드림",
    ),
    (
        "사이즈 교환 가능한지 문의",
        "영수증 지참 시 7일 이내 교환 가능 안내",
    ),
    ("주말 영업시간 문의", "토요일 10시~8시, 일요일 휴무 안내"),
    (
        "단체 주문 (30개) 가능 여부",
        "3일 전 예약하면 가능, 견적 문자 발송",
    ),
    (
        "포인트 사용 방법 문의",
        "결제 시 전화번호 말씀하시면 사용 가능",
    ),
];
const COMPLAINTS: &[(ComplaintCategory, &str)] = &[
    (
        ComplaintCategory::Runaround,
        "세 번 전화했는데 담당자가 없다고만 함",
    ),
    (
        ComplaintCategory::Delivery,
        "케이크가 약속 시간보다 1시간 늦게 도착",
    ),
    (
        ComplaintCategory::Coldness,
        "계산할 때 직원이 인사도 없이 응대",
    ),
];

fn money(rng: &mut fastrand::Rng, country: Country) -> String {
    match country {
        Country::KR => format!("{}", rng.u32(3..120) * 500),
        Country::US => format!("{}.{:02}", rng.u32(4..90), rng.u32(0..100)),
    }
}

/// Gives the sample customers a past; `staff` are the sample staff ids.
pub fn fill(
    conn: &Connection,
    country: Country,
    customers: &[i64],
    staff: &[i64],
    now: DateTime<Utc>,
) -> Result<()> {
    let mut rng = fastrand::Rng::with_seed(1125);
    let items = if country == Country::KR {
        ITEMS_KR
    } else {
        ITEMS_US
    };
    let today = now.date_naive();
    for (i, &id) in customers.iter().enumerate() {
        let who = || staff.get(i % staff.len().max(1)).copied();
        let visits = [0, 1, 2, 3, 5, 8, 12][rng.usize(..7)];
        for _ in 0..visits {
            let when = now - Duration::days(rng.i64(1..365)) - Duration::minutes(rng.i64(0..600));
            let credit = rng.u8(..8) == 0;
            let sale = SaleInput {
                amount: money(&mut rng, country),
                items: items[rng.usize(..items.len())].into(),
                credit,
                paid_now: String::new(),
                staff_id: who(),
                ..Default::default()
            };
            entries::record_sale(conn, id, &sale, country, when)?;
            if credit && rng.bool() {
                let owed = entries::balance(conn, id)?;
                let pay = PaymentInput {
                    amount: format_minor(owed, country),
                    memo: String::new(),
                    staff_id: who(),
                };
                entries::record_payment(conn, id, &pay, country, when + Duration::days(3))?;
            }
        }
        if i % 4 == 0 {
            let (q, a) = INQUIRIES[rng.usize(..INQUIRIES.len())];
            let contact = ContactInput {
                channel: ContactChannel::Phone,
                direction: Direction::In,
                inquiry: q.into(),
                answer: a.into(),
                staff_id: who(),
            };
            entries::log_contact(conn, id, &contact, now - Duration::days(rng.i64(0..60)))?;
        }
        if i % 40 == 7 {
            let (category, text) = COMPLAINTS[(i / 40) % COMPLAINTS.len()];
            let input = ComplaintInput {
                category,
                description: text.into(),
                staff_id: who(),
            };
            cases::open_complaint(conn, id, &input, today, now - Duration::days(2))?;
        }
        if i % 25 == 3 {
            let due = today
                .checked_sub_days(Days::new((i % 3) as u64))
                .unwrap_or(today);
            let f = cases::NewFollowup {
                customer_id: id,
                due,
                reason: "구매 후 안부 연락",
                origin: FollowupOrigin::Sale,
                history_id: None,
                staff_id: who(),
            };
            cases::insert_followup(conn, &f, now)?;
        }
    }
    Ok(())
}

fn format_minor(minor: i64, country: Country) -> String {
    match country {
        Country::KR => minor.to_string(),
        Country::US => format!("{}.{:02}", minor / 100, minor % 100),
    }
}
