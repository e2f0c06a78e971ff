//! Fuzz-style property tests: thousands of generated inputs for the
//! readers that take text or files from outside — the letter template
//! parser, the search box's query reader (customers and history) and
//! restore. None may panic; every refusal is a typed answer (a template
//! problem, an `Error`), and a refused restore changes nothing.

mod common;

use std::sync::OnceLock;

use common::{form, TestShop};
use dangol_core::data::backup::BackupReason;
use dangol_core::letters::template::{self, LetterValues, TemplateProblemCode};
use dangol_core::{Error, FieldErrorCode};
use proptest::prelude::*;

/// Pieces owners (and attackers) put in templates, mixed with anything.
fn template_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("{이름}".to_string()),
        Just("{가게이름}".to_string()),
        Just("{은/는}".to_string()),
        Just("{을/를}".to_string()),
        Just("{이/가}".to_string()),
        Just("{(으)로}".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("{{".to_string()),
        Just("}}".to_string()),
        Just("{%".to_string()),
        Just("%}".to_string()),
        Just("{#".to_string()),
        Just(" 님".to_string()),
        Just("\n".to_string()),
        "[가-힣a-zA-Z0-9 /()]{0,6}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn values() -> impl Strategy<Value = LetterValues> {
    (any::<String>(), "[가-힣]{0,4}", any::<String>()).prop_map(|(name, shop, tier)| LetterValues {
        name,
        shop,
        tier,
        ..Default::default()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn the_template_parser_never_panics_and_explains_every_refusal(
        src in template_text(),
        v in values(),
        html in any::<bool>(),
    ) {
        let problems = template::check(&src);
        let rendered = template::render(&src, &v, html);
        match rendered {
            Ok(text) => {
                prop_assert!(problems.is_empty(), "rendered a template check refused");
                let braces_in_values = [&v.name, &v.shop, &v.tier].iter().any(|x| x.contains('{'));
                if !braces_in_values {
                    prop_assert!(!text.contains("{{"), "template syntax leaked: {text}");
                }
            }
            Err(found) => {
                prop_assert!(!found.is_empty());
                for p in &found {
                    let at = p.at as usize;
                    prop_assert!(at <= src.chars().count(), "{p:?} points past the end");
                    prop_assert!(matches!(
                        p.code,
                        TemplateProblemCode::UnknownPlaceholder
                            | TemplateProblemCode::ParticleWithoutWord
                            | TemplateProblemCode::UnclosedBrace
                            | TemplateProblemCode::TooLong
                            | TemplateProblemCode::TooComplex
                    ));
                }
            }
        }
        let _ = template::used_keys(&src);
    }
}

/// One shop for the search fuzzing: customers and history notes in Korean,
/// English and Turkish (whose lower case can be longer than the text).
fn search_shop() -> &'static TestShop {
    static SHOP: OnceLock<TestShop> = OnceLock::new();
    SHOP.get_or_init(|| {
        let t = TestShop::new();
        let people = [
            ("김민수", "010-2345-6789", "배송 문의, 케이크 예약"),
            (
                "Jane Park",
                "+1 213-555-0142",
                "Asked about the İstanbul order",
            ),
            ("İlknur Şahin", "010-3456-7890", "ǅemal ß straße ﬁne İİİ"),
            (
                "이서연",
                "02-345-6789",
                "\"따옴표\" AND OR NOT * ^ NEAR( ) :",
            ),
        ];
        for (name, phone, note) in people {
            let id = t.shop.create_customer(&form(name, phone, "")).unwrap().id;
            t.shop.add_note(id, note, None).unwrap();
        }
        t
    })
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ㄱ-ㅎ가-힣0-9#No. \\-+()*\"^:İıßǅ]{0,12}",
        "[a-zA-Z0-9 *\"():^-]{0,16}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_search_readers_answer_anything_typed(q in query_text(), limit in 0usize..200) {
        let t = search_shop();
        let found = t.shop.search(&q, limit);
        prop_assert!(found.hits.len() <= 100);
        // History search turns any text into a safe index query: never an
        // error from FTS5's own query syntax.
        let hits = t.shop.search_history(&q, limit as u32);
        prop_assert!(hits.is_ok(), "{q:?}: {:?}", hits.err());
    }
}

/// A small shop and one real backup of it, to mutate.
fn restore_shop() -> (TestShop, Vec<u8>) {
    let t = TestShop::new();
    for i in 0..20 {
        let id = t
            .shop
            .create_customer(&form(&format!("고객{i}"), &format!("010-5000-{i:04}"), ""))
            .unwrap()
            .id;
        t.shop.add_note(id, "케이크 예약", None).unwrap();
    }
    let made = t.shop.backup_now(BackupReason::Manual).unwrap();
    let bytes = std::fs::read(&made.path).unwrap();
    (t, bytes)
}

/// A file's bytes, shown by length only when a case fails (a shop is
/// hundreds of kilobytes).
#[derive(Clone)]
struct Bytes(Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} bytes", self.0.len())
    }
}

/// A backup's bytes: random, or a real backup with a few bytes changed,
/// cut short, or its header rewritten.
fn hostile_backup(real: Vec<u8>) -> impl Strategy<Value = Bytes> {
    let len = real.len();
    let flips = proptest::collection::vec((0..len, any::<u8>()), 1..12);
    let real2 = real.clone();
    let real3 = real.clone();
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..4096),
        flips.prop_map(move |f| {
            let mut b = real.clone();
            for (at, v) in f {
                b[at] = v;
            }
            b
        }),
        (0..len).prop_map(move |cut| real2[..cut].to_vec()),
        (0usize..100, any::<u8>()).prop_map(move |(at, v)| {
            let mut b = real3.clone();
            b[at] = v;
            b
        }),
    ]
    .prop_map(Bytes)
}

#[test]
fn restore_refuses_hostile_backups_with_a_typed_answer() {
    let (t, real) = restore_shop();
    let path = t
        .shop
        .backup_dir()
        .join("dangol-20240102-030405006-manual.sqlite3");
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    });
    let restored = std::cell::Cell::new(0u32);
    runner
        .run(&hostile_backup(real), |bytes| {
            std::fs::write(&path, &bytes.0).unwrap();
            let before = t.shop.customer_count().unwrap();
            let preview = t.shop.preview_backup(&path);
            match (preview, t.shop.restore_backup(&path, true)) {
                (Ok(p), Ok(_)) => {
                    prop_assert!(p.usable, "restored what the preview refused");
                    restored.set(restored.get() + 1);
                }
                (Ok(p), Err(Error::Validation(fields))) => {
                    prop_assert!(!p.usable, "refused what the preview accepted");
                    prop_assert_eq!(fields[0].code, FieldErrorCode::InvalidChoice);
                    prop_assert_eq!(t.shop.customer_count().unwrap(), before);
                }
                (preview, restore) => {
                    // Any other refusal is still an `Error`, never a panic,
                    // and the shop is as it was.
                    prop_assert!(preview.is_err() || restore.is_err());
                    prop_assert_eq!(t.shop.customer_count().unwrap(), before);
                }
            }
            // The shop keeps working either way, its keyword index too.
            let search = t.shop.search_history("케이크", 5);
            prop_assert!(search.is_ok(), "search fails after: {:?}", search.err());
            Ok(())
        })
        .unwrap();
    // Some mutations leave a usable shop (a changed letter in a memo):
    // those are restored like any backup.
    assert!(restored.get() > 0, "no mutated backup was usable");
}
