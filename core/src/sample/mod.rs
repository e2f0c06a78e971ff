//! Made-up but realistic customers: the sample shop an owner can look
//! around in at first run, and the 100,000 the benchmarks search. Korean
//! names follow the real surname shares; an American shop gets Korean-
//! American customers and their neighbours. Deterministic for a seed.

pub(crate) mod history;
pub(crate) mod rewards;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::people::customers::insert::checked_ahead;
use crate::people::customers::model::{CustomerInput, PhoneInput, PhoneLabel, Source};
use crate::people::customers::{store, validate};
use crate::people::staff;
use crate::store::settings::Country;

pub const SAMPLE_SHOP_SIZE: usize = 200;

/// (surname, romanisation, share in per mille)
const SURNAMES: &[(&str, &str, u32)] = &[
    ("김", "kim", 215),
    ("이", "lee", 147),
    ("박", "park", 84),
    ("최", "choi", 47),
    ("정", "jung", 43),
    ("강", "kang", 24),
    ("조", "cho", 21),
    ("윤", "yoon", 21),
    ("장", "jang", 20),
    ("임", "lim", 17),
    ("한", "han", 15),
    ("오", "oh", 15),
    ("서", "seo", 15),
    ("신", "shin", 15),
    ("권", "kwon", 14),
    ("황", "hwang", 14),
    ("안", "ahn", 13),
    ("송", "song", 13),
    ("전", "jeon", 11),
    ("홍", "hong", 11),
    ("유", "yoo", 11),
    ("고", "ko", 9),
    ("문", "moon", 9),
    ("양", "yang", 8),
    ("손", "son", 8),
    ("배", "bae", 8),
    ("백", "baek", 7),
    ("허", "heo", 6),
    ("남", "nam", 5),
    ("심", "shim", 5),
    ("노", "noh", 4),
    ("하", "ha", 4),
];

const GIVEN: &[(&str, &str)] = &[
    ("민수", "minsu"),
    ("지훈", "jihoon"),
    ("현우", "hyunwoo"),
    ("도윤", "doyun"),
    ("서준", "seojun"),
    ("하준", "hajun"),
    ("준호", "junho"),
    ("성민", "sungmin"),
    ("영호", "youngho"),
    ("정우", "jungwoo"),
    ("동현", "donghyun"),
    ("상훈", "sanghoon"),
    ("재원", "jaewon"),
    ("태민", "taemin"),
    ("승우", "seungwoo"),
    ("민준", "minjun"),
    ("건우", "gunwoo"),
    ("우진", "woojin"),
    ("영수", "youngsoo"),
    ("광수", "kwangsoo"),
    ("병철", "byungchul"),
    ("종민", "jongmin"),
    ("지은", "jieun"),
    ("서연", "seoyeon"),
    ("민지", "minji"),
    ("수진", "sujin"),
    ("지영", "jiyoung"),
    ("혜진", "hyejin"),
    ("은지", "eunji"),
    ("유진", "yujin"),
    ("하은", "haeun"),
    ("서윤", "seoyun"),
    ("지우", "jiwoo"),
    ("수빈", "subin"),
    ("예은", "yeeun"),
    ("미영", "miyoung"),
    ("영희", "younghee"),
    ("정희", "junghee"),
    ("경숙", "kyungsook"),
    ("순자", "soonja"),
    ("은영", "eunyoung"),
    ("현정", "hyunjung"),
    ("소연", "soyeon"),
    ("다은", "daeun"),
    ("채원", "chaewon"),
    ("지민", "jimin"),
    ("나연", "nayeon"),
    ("수아", "sua"),
];

const FIRST_EN: &[&str] = &[
    "David",
    "Grace",
    "Michael",
    "Jennifer",
    "Daniel",
    "Sarah",
    "John",
    "Esther",
    "Paul",
    "Hannah",
    "James",
    "Christine",
    "Andrew",
    "Jessica",
    "Peter",
    "Rachel",
    "Joseph",
    "Susan",
    "Brian",
    "Emily",
    "Kevin",
    "Michelle",
    "Steven",
    "Angela",
    "Samuel",
    "Julie",
    "Eric",
    "Irene",
];

const LAST_EN: &[&str] = &[
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Smith",
    "Johnson",
    "Garcia",
    "Martinez",
    "Brown",
    "Nguyen",
    "Lopez",
    "Williams",
    "Chen",
    "Wong",
    "Rodriguez",
    "Davis",
];

const KR_ADDRESSES: &[(&str, &str)] = &[
    ("06236", "서울특별시 강남구 테헤란로 152"),
    ("04524", "서울특별시 중구 세종대로 110"),
    ("03187", "서울특별시 종로구 종로 1"),
    ("13529", "경기도 성남시 분당구 판교역로 235"),
    ("16490", "경기도 수원시 팔달구 효원로 241"),
    ("48058", "부산광역시 해운대구 해운대해변로 264"),
    ("41911", "대구광역시 중구 공평로 88"),
    ("61475", "광주광역시 동구 금남로 245"),
    ("35242", "대전광역시 서구 둔산로 100"),
    ("21554", "인천광역시 남동구 정각로 29"),
];

const US_ADDRESSES: &[(&str, &str)] = &[
    ("90010", "3250 Wilshire Blvd, Los Angeles, CA"),
    ("90005", "621 S Western Ave, Los Angeles, CA"),
    ("90020", "3500 W 6th St, Los Angeles, CA"),
    ("91204", "120 E Colorado St, Glendale, CA"),
    ("92618", "15 Technology Dr, Irvine, CA"),
    ("11354", "136-20 38th Ave, Flushing, NY"),
    ("10001", "32 W 32nd St, New York, NY"),
    ("07024", "1605 Lemoine Ave, Fort Lee, NJ"),
];

const MEMOS: &[&str] = &[
    "매운 음식은 못 드심",
    "아이 둘 (초등학생)",
    "주말 오전 방문 선호",
    "선물 포장을 자주 요청하심",
    "주차 공간 필요",
    "계좌이체 선호",
    "단골 메뉴: 아메리카노 연하게",
    "Prefers text messages",
    "어머님 생신 때 케이크 주문하심",
    "새 상품 나오면 연락 원하심",
];

const KR_EMAIL: &[&str] = &[
    "naver.com",
    "gmail.com",
    "daum.net",
    "hanmail.net",
    "kakao.com",
    "nate.com",
];
const US_EMAIL: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "icloud.com",
    "outlook.com",
    "hotmail.com",
];
const US_AREA: &[u32] = &[
    213, 323, 310, 818, 626, 714, 949, 562, 917, 718, 646, 212, 201,
];
const KR_AREA: &[&str] = &["02", "031", "032", "051", "053"];

fn pick<'a, T>(rng: &mut fastrand::Rng, xs: &'a [T]) -> &'a T {
    &xs[rng.usize(..xs.len())]
}

fn surname(rng: &mut fastrand::Rng) -> (&'static str, &'static str) {
    let total: u32 = SURNAMES.iter().map(|s| s.2).sum();
    let mut n = rng.u32(..total);
    for &(s, r, share) in SURNAMES {
        if n < share {
            return (s, r);
        }
        n -= share;
    }
    ("김", "kim")
}

fn kr_mobile(rng: &mut fastrand::Rng) -> String {
    format!("010-{:04}-{:04}", rng.u32(2000..10000), rng.u32(0..10000))
}

fn us_phone(rng: &mut fastrand::Rng) -> String {
    format!(
        "({}) {}-{:04}",
        pick(rng, US_AREA),
        rng.u32(201..1000),
        rng.u32(0..10000)
    )
}

/// `n` customers as an owner would type them into the form.
pub fn generate(country: Country, n: usize, seed: u64) -> Vec<CustomerInput> {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n).map(|_| one(&mut rng, country)).collect()
}

fn one(rng: &mut fastrand::Rng, country: Country) -> CustomerInput {
    let us = country == Country::US;
    let korean_name = rng.f32() < if us { 0.55 } else { 0.92 };
    let (name, local) = if korean_name {
        let (s, sr) = surname(rng);
        let (g, gr) = pick(rng, GIVEN);
        (format!("{s}{g}"), format!("{gr}.{sr}"))
    } else {
        let (f, l) = (pick(rng, FIRST_EN), pick(rng, LAST_EN));
        (
            format!("{f} {l}"),
            format!("{}.{}", f.to_lowercase(), l.to_lowercase()),
        )
    };
    let mut phones = vec![];
    let mobile = match (us, rng.f32()) {
        (true, x) if x < 0.1 => format!("+82 {}", &kr_mobile(rng)[1..]),
        (true, _) => us_phone(rng),
        (false, x) if x < 0.03 => format!("+1 {}", us_phone(rng)),
        (false, _) => kr_mobile(rng),
    };
    phones.push(PhoneInput {
        label: PhoneLabel::Mobile,
        number: mobile,
    });
    if rng.f32() < 0.25 {
        let number = if us {
            us_phone(rng)
        } else {
            let area = pick(rng, KR_AREA);
            let mid = if *area == "02" {
                rng.u32(200..1000)
            } else {
                rng.u32(200..10000)
            };
            format!("{area}-{mid}-{:04}", rng.u32(0..10000))
        };
        let label = if rng.bool() {
            PhoneLabel::Home
        } else {
            PhoneLabel::Work
        };
        phones.push(PhoneInput { label, number });
    }
    let email = if rng.f32() < 0.55 {
        let domain = pick(rng, if us { US_EMAIL } else { KR_EMAIL });
        format!("{local}{}@{domain}", rng.u32(1..100))
    } else {
        String::new()
    };
    let (postal_code, address1, address2) = if rng.f32() < 0.5 {
        let (zip, line) = pick(rng, if us { US_ADDRESSES } else { KR_ADDRESSES });
        let unit = if us {
            format!("Apt {}", rng.u32(100..900))
        } else {
            format!("{}동 {}호", rng.u32(101..110), rng.u32(101..1500))
        };
        (zip.to_string(), line.to_string(), unit)
    } else {
        Default::default()
    };
    let birthday = if rng.f32() < 0.6 {
        format!(
            "{}-{:02}-{:02}",
            rng.i32(1950..2006),
            rng.u32(1..13),
            rng.u32(1..29)
        )
    } else {
        String::new()
    };
    CustomerInput {
        name,
        phones,
        consent_email: !email.is_empty() && rng.f32() < 0.6,
        email,
        postal_code,
        address1,
        address2,
        birthday_lunar: !birthday.is_empty() && korean_name && rng.f32() < 0.15,
        birthday,
        source: *pick(rng, &Source::ALL),
        source_note: String::new(),
        memo: if rng.f32() < 0.2 {
            pick(rng, MEMOS).to_string()
        } else {
            String::new()
        },
        staff_id: None,
        consent_sms: rng.f32() < 0.6,
        consent_post: rng.f32() < 0.3,
    }
}

/// Fills a shop with `n` sample customers (and a small staff if it has
/// none), inside the caller's transaction.
pub fn fill(conn: &Connection, country: Country, n: usize, now: DateTime<Utc>) -> Result<()> {
    let mut team: Vec<i64> = staff::list(conn)?.into_iter().map(|s| s.id).collect();
    if team.is_empty() {
        for name in ["박지영", "이준호", "최유나"] {
            team.push(staff::add(conn, name)?.id);
        }
    }
    let today: NaiveDate = now.date_naive();
    let mut rng = fastrand::Rng::with_seed(20_261_125);
    let mut card = store::reserve_card_numbers(conn, n as i64)?;
    let mut inserter = store::Inserter::new(conn, now, None)?;
    let mut inputs = generate(country, n, 7);
    for input in &mut inputs {
        if rng.f32() < 0.7 {
            input.staff_id = Some(*pick(&mut rng, &team));
        }
    }
    // Checked on a second thread while this one writes, as an import is.
    let check = |input| validate::validate(input, country, today, |_| true);
    checked_ahead(&inputs, check, |valid| {
        let valid = valid.as_ref().map_err(|e| Error::Validation(e.clone()))?;
        inserter.insert(valid, card)?;
        card += 1;
        Ok(())
    })
}
