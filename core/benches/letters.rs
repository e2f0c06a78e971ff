//! Rendering 10,000 personalised letters (BENCHMARKS.md).
//!
//! ```text
//! cargo bench -p dangol-core --bench letters
//! ```

use std::time::Instant;

use dangol_core::letters::template::{render_all, LetterValues};
use dangol_core::{sample, Country};

const LETTER: &str = "{이름} 님, 안녕하세요. {가게이름}입니다.\n\
생일을 진심으로 축하드립니다. {이름}{은/는} 저희 가게의 소중한 {등급} 고객이십니다.\n\
작은 선물로 {쿠폰}{을/를} 준비했습니다. {날짜}까지 편하실 때 들러 주세요.\n\
늘 건강하시고 행복한 일만 가득하시길 바랍니다.";

fn main() {
    let people = sample::generate(Country::KR, 10_000, 3);
    let values: Vec<LetterValues> = people
        .iter()
        .map(|p| LetterValues {
            name: p.name.clone(),
            shop: "행복한 세탁소".into(),
            tier: "VIP".into(),
            coupon: "10% 할인 쿠폰".into(),
            date: "12월 31일".into(),
            ..Default::default()
        })
        .collect();
    println!("| Render 10,000 personalised letters | Runs | best s | median s |");
    println!("|---|---:|---:|---:|");
    for html in [false, true] {
        let mut times = vec![];
        for _ in 0..5 {
            let t = Instant::now();
            let letters = render_all(LETTER, &values, html).expect("render");
            times.push(t.elapsed().as_secs_f64());
            assert_eq!(letters.len(), 10_000);
            assert!(
                letters.iter().all(|l| !l.contains('{')),
                "a placeholder was left"
            );
        }
        times.sort_by(f64::total_cmp);
        let kind = if html { "HTML (escaped)" } else { "plain text" };
        println!(
            "| {kind}, template compiled once | 5 | {:.3} | {:.3} |",
            times[0], times[2]
        );
    }
}
