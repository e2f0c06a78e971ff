//! Korean and English letters say the same thing: `core/pairs.lock` keeps
//! a fingerprint of both sides of every built-in letter, mail footer line
//! and personal-data page word, and this test names each one whose text
//! changed on one side only (or on both, unrecorded). After checking the other language, record the
//! new texts with `DANGOL_ACCEPT_PAIRS=1 cargo test -p dangol-core --test
//! pairs_lock`.

use std::collections::BTreeMap;

use dangol_core::letters::builtin::{self, ALL};
use dangol_core::store::settings::Language;

/// FNV-1a (32 bits), the same fingerprint the UI's pairs test uses.
fn fingerprint(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for unit in text.encode_utf16() {
        h ^= u32::from(unit);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

fn pairs() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for o in ALL {
        let name = serde_json::to_value(o)
            .unwrap()
            .as_str()
            .unwrap()
            .to_owned();
        let (kt, kb) = builtin::text(o, Language::Ko);
        let (et, eb) = builtin::text(o, Language::En);
        out.insert(
            format!("letter.{name}"),
            format!(
                "ko:{} en:{}",
                fingerprint(&format!("{kt}\n{kb}")),
                fingerprint(&format!("{et}\n{eb}"))
            ),
        );
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/outbox/mail/locale/");
    let read = |lang: &str| -> BTreeMap<String, String> {
        let text = std::fs::read_to_string(format!("{dir}{lang}.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let (ko, en) = (read("ko"), read("en"));
    for key in ko.keys().chain(en.keys()) {
        let side = |m: &BTreeMap<String, String>| m.get(key).map_or("-".into(), |t| fingerprint(t));
        out.insert(
            format!("mail.{key}"),
            format!("ko:{} en:{}", side(&ko), side(&en)),
        );
    }
    // The consent form's wording, each version, and the consent names
    // used in history notes.
    let consent = concat!(env!("CARGO_MANIFEST_DIR"), "/src/people/consent/");
    let mut sources: Vec<(String, String, String)> =
        dangol_core::people::consent::wording::versions()
            .into_iter()
            .map(|v| {
                (
                    format!("consent.{v}"),
                    format!("{consent}wording/{v}.ko.json"),
                    format!("{consent}wording/{v}.en.json"),
                )
            })
            .collect();
    sources.push((
        "consent.locale".into(),
        format!("{consent}locale/ko.json"),
        format!("{consent}locale/en.json"),
    ));
    for (prefix, ko, en) in sources {
        let read = |file: &str| -> BTreeMap<String, String> {
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
        };
        let (ko, en) = (read(&ko), read(&en));
        for key in ko.keys().chain(en.keys()) {
            let side =
                |m: &BTreeMap<String, String>| m.get(key).map_or("-".into(), |t| fingerprint(t));
            out.insert(
                format!("{prefix}.{key}"),
                format!("ko:{} en:{}", side(&ko), side(&en)),
            );
        }
    }
    // The personal-data page and file (열람) and the retention note, the
    // reports' titles and headers, the letters' small words (the built-in
    // letters themselves are above), the trial notes, the starting tiers
    // and the export's headers.
    for (prefix, area) in [
        ("letters", "letters"),
        ("history", "history"),
        ("loyalty", "loyalty"),
        ("data", "data"),
        ("rights", "people/rights"),
        ("reports", "reports"),
    ] {
        let dir = format!("{}/src/{area}/locale/", env!("CARGO_MANIFEST_DIR"));
        let read = |lang: &str| -> BTreeMap<String, String> {
            let text = std::fs::read_to_string(format!("{dir}{lang}.json")).unwrap();
            serde_json::from_str(&text).unwrap()
        };
        let (ko, en) = (read("ko"), read("en"));
        for key in ko.keys().chain(en.keys()) {
            if prefix == "letters" && key.starts_with("letter.") {
                continue;
            }
            let side =
                |m: &BTreeMap<String, String>| m.get(key).map_or("-".into(), |t| fingerprint(t));
            out.insert(
                format!("{prefix}.{key}"),
                format!("ko:{} en:{}", side(&ko), side(&en)),
            );
        }
    }
    out
}

#[test]
fn korean_and_english_changed_together() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/pairs.lock");
    let now = pairs();
    if std::env::var_os("DANGOL_ACCEPT_PAIRS").is_some() {
        let text: String = now.iter().map(|(k, v)| format!("{k} {v}\n")).collect();
        std::fs::write(path, text).unwrap();
        return;
    }
    let recorded: BTreeMap<String, String> = std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_once(' '))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect();
    let mut problems = vec![];
    for (key, v) in &now {
        let Some(was) = recorded.get(key) else {
            problems.push(format!("new, not recorded yet: {key}"));
            continue;
        };
        if was == v {
            continue;
        }
        let (wk, we) = was.split_once(' ').unwrap();
        let (nk, ne) = v.split_once(' ').unwrap();
        problems.push(match (wk == nk, we == ne) {
            (false, true) => format!("Korean changed, English did not: {key}"),
            (true, false) => format!("English changed, Korean did not: {key}"),
            _ => format!("both changed, not recorded yet: {key}"),
        });
    }
    for key in recorded.keys().filter(|k| !now.contains_key(*k)) {
        problems.push(format!("removed: {key}"));
    }
    assert!(
        problems.is_empty(),
        "check the other language, then record with DANGOL_ACCEPT_PAIRS=1:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_fingerprint_matches_the_uis() {
    // The UI's pairs.ts gives "외상" this fingerprint too (FNV-1a over UTF-16).
    assert_eq!(fingerprint(""), "811c9dc5");
    assert_ne!(fingerprint("외상"), fingerprint("외상 잔액"));
}
