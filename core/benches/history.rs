//! The history figures in BENCHMARKS.md: opening a customer who has 5,000
//! history entries, and keyword search over 1,000,000 entries, on a real
//! SQLite file.
//!
//! ```text
//! cargo bench -p dangol-core --bench history [-- --entries 1000000]
//! ```
//!
//! Nothing timed is asserted; every query must find something (it is drawn
//! from the generated text), or the run panics.

use std::time::{Duration, Instant};

use chrono::Utc;
use dangol_core::history::entries;
use dangol_core::{ContactChannel, ContactInput, Direction, SaleInput, Shop, TimelineQuery};

const TOPICS: &[&str] = &[
    "배송 문의",
    "환불 요청",
    "교환 요청",
    "사이즈 문의",
    "영업시간 문의",
    "예약 변경",
    "케이크 주문",
    "선물 포장",
    "재고 확인",
    "가격 문의",
    "주차 문의",
    "포인트 사용",
    "단체 주문",
    "알레르기 문의",
];
const DETAILS: &[&str] = &[
    "주문한 상품이 언제 오는지",
    "색상이 사진과 다르다고",
    "내일 오전에 방문 예정",
    "생일 선물로 보낼",
    "지난번 구매한 원피스",
    "아이 돌잔치용",
    "초코 케이크 2호",
    "택배 송장 번호",
    "블루 셔츠 L 사이즈",
    "어머님 칠순 잔치",
    "회사 행사용 30개",
    "견과류 들어가는지",
];
const ANSWERS: &[&str] = &[
    "내일 오전 도착 예정이라고 안내",
    "교환 가능하다고 안내",
    "재고 확인 후 연락드리기로",
    "사장님이 직접 통화",
    "다음 주 입고 예정",
    "무료 포장 해드림",
    "예약 확정 문자 발송",
];

fn args() -> usize {
    let mut it = std::env::args().skip(1);
    let mut n = 1_000_000;
    while let Some(a) = it.next() {
        if a == "--entries" {
            n = it
                .next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .expect("--entries N");
        }
    }
    n
}

fn pct(mut xs: Vec<Duration>, p: f64) -> f64 {
    xs.sort();
    let i = ((xs.len() as f64 * p).ceil() as usize).clamp(1, xs.len()) - 1;
    xs[i].as_secs_f64() * 1000.0
}

fn pick<'a>(rng: &mut fastrand::Rng, xs: &[&'a str]) -> &'a str {
    xs[rng.usize(..xs.len())]
}

fn main() {
    let total = args();
    let dir = tempfile::tempdir().expect("temp dir");
    let shop = Shop::open(dir.path().join("history.sqlite3")).expect("open");
    let customers = 2_000;
    let mut ids = vec![];
    shop.db()
        .with_tx(|tx| {
            dangol_core::sample::fill(tx, dangol_core::Country::KR, customers, Utc::now())?;
            let mut stmt = tx.prepare("SELECT id FROM customers ORDER BY id")?;
            ids = stmt
                .query_map([], |r| r.get(0))?
                .collect::<Result<Vec<i64>, _>>()?;
            Ok(())
        })
        .expect("customers");
    let heavy = ids[0];
    let mut rng = fastrand::Rng::with_seed(3);
    let started = Instant::now();
    let now = Utc::now();
    shop.db()
        .with_tx(|tx| {
            for i in 0..total {
                // The first 5,000 entries belong to one very loyal customer.
                let customer = if i < 5_000 {
                    heavy
                } else {
                    ids[rng.usize(..ids.len())]
                };
                if i % 3 == 0 {
                    let input = SaleInput {
                        amount: format!("{}", rng.u32(1..200) * 500),
                        items: pick(&mut rng, DETAILS).into(),
                        credit: rng.u8(..10) == 0,
                        ..Default::default()
                    };
                    entries::record_sale(tx, customer, &input, dangol_core::Country::KR, now)?;
                } else {
                    let input = ContactInput {
                        channel: ContactChannel::Phone,
                        direction: Direction::In,
                        inquiry: format!("{}: {}", pick(&mut rng, TOPICS), pick(&mut rng, DETAILS)),
                        answer: pick(&mut rng, ANSWERS).into(),
                        staff_id: None,
                    };
                    entries::log_contact(tx, customer, &input, now)?;
                }
            }
            Ok(())
        })
        .expect("history");
    let written = started.elapsed();
    drop(shop);
    let shop = Shop::open(dir.path().join("history.sqlite3")).expect("reopen");
    let size = std::fs::metadata(dir.path().join("history.sqlite3"))
        .map(|m| m.len())
        .unwrap_or(0);

    println!("History bench: {total} entries over {customers} customers; written in {:.1} s ({:.0}/s); file {:.0} MB",
        written.as_secs_f64(), total as f64 / written.as_secs_f64(), size as f64 / 1e6);
    println!();
    println!("| Operation | Runs | p50 ms | p95 ms | max ms |");
    println!("|---|---:|---:|---:|---:|");

    let mut open_times = vec![];
    for _ in 0..50 {
        let t = Instant::now();
        let c = shop.get_customer(heavy).expect("customer");
        let story = shop.customer_story(heavy).expect("story");
        let page = shop
            .timeline(&TimelineQuery {
                customer_id: heavy,
                kinds: vec![],
                offset: 0,
                limit: 50,
            })
            .expect("timeline");
        open_times.push(t.elapsed());
        assert!(page.total >= 5_000 && story.visits > 0 && !c.name.is_empty());
    }
    let max = open_times.iter().max().unwrap().as_secs_f64() * 1000.0;
    println!("| Open a customer with ≥5,000 entries (record + story + first 50 of the timeline) | 50 | {:.2} | {:.2} | {:.2} |",
        pct(open_times.clone(), 0.5), pct(open_times, 0.95), max);

    for (label, queries) in [
        (
            "two syllables, common (배송, 케이, 오전, 교환)",
            vec!["배송", "케이", "오전", "교환"],
        ),
        (
            "a phrase (케이크 주문, 환불 요청)",
            vec!["케이크 주문", "환불 요청", "택배 송장"],
        ),
        (
            "rarer words (알레르기, 칠순, 돌잔치)",
            vec!["알레르기", "칠순", "돌잔치"],
        ),
        (
            "two words apart (배송 오전)",
            vec!["배송 오전", "사이즈 교환"],
        ),
    ] {
        let mut times = vec![];
        for _ in 0..20 {
            for q in &queries {
                let t = Instant::now();
                let hits = shop.search_history(q, 50).expect("search");
                times.push(t.elapsed());
                assert!(!hits.is_empty(), "{q} found nothing");
            }
        }
        let max = times.iter().max().unwrap().as_secs_f64() * 1000.0;
        println!(
            "| History search, {label}, 50 newest hits | {} | {:.2} | {:.2} | {:.2} |",
            times.len(),
            pct(times.clone(), 0.5),
            pct(times, 0.95),
            max
        );
    }

    // Deleting a customer with history rewrites the keyword index without
    // her words (FTS5 'optimize', docs/threat-model.md): its cost grows
    // with the whole index, not with her.
    let mut times = vec![];
    for id in ids.iter().skip(1).take(5) {
        let t = Instant::now();
        shop.delete_customer(*id).expect("delete");
        times.push(t.elapsed());
    }
    let max = times.iter().max().unwrap().as_secs_f64() * 1000.0;
    println!(
        "| Delete a customer with history (keyword index rewritten without her words) | {} | {:.2} | {:.2} | {:.2} |",
        times.len(),
        pct(times.clone(), 0.5),
        pct(times, 0.95),
        max
    );
}
