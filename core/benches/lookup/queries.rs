//! The queries of the lookup bench, drawn (deterministically) from the
//! customers themselves: every one must find someone. Each keystroke of
//! typing a phone number or a name is its own kind, because the first
//! ones (`0`, `ㄱ`) match nearly everyone and the last ones almost nobody.

use dangol_core::people::customers::store::IndexRow;
use dangol_core::search::hangul;

pub struct Kind {
    pub name: String,
    pub queries: Vec<String>,
}

fn is_hangul_name(r: &IndexRow) -> bool {
    r.name.chars().count() == 3 && r.name.chars().all(|c| hangul::parts(c).is_some())
}

/// The first phone's national digits (01012345678), if a mobile.
fn mobile(r: &IndexRow) -> Option<String> {
    let national = &r.phones.first()?.national;
    let digits: String = national.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 11 && digits.starts_with("010")).then_some(digits)
}

/// What the box holds after each keystroke of typing `name` with a Korean
/// IME: 김민수 → ㄱ 기 김 김ㅁ 김미 김민 김민ㅅ 김민수.
pub fn ime_prefixes(name: &str) -> Vec<String> {
    let (mut out, mut done) = (vec![], String::new());
    for c in name.chars() {
        if let Some((i, m, f)) = hangul::parts(c) {
            out.push(format!("{done}{}", hangul::initial_of(c)));
            out.push(format!("{done}{}", hangul::compose(i, m, 0)));
            if f != 0 {
                out.push(format!("{done}{c}"));
            }
        } else {
            out.push(format!("{done}{c}"));
        }
        done.push(c);
    }
    out
}

/// `n` queries, each made by `make` from a customer drawn with a fixed
/// seed among those `keep` accepts.
fn draw(
    rows: &[IndexRow],
    n: usize,
    seed: u64,
    keep: impl Fn(&IndexRow) -> bool,
    make: impl Fn(&IndexRow, &mut fastrand::Rng) -> String,
) -> Vec<String> {
    let pool: Vec<&IndexRow> = rows.iter().filter(|r| keep(r)).collect();
    assert!(!pool.is_empty(), "no customer to draw from (seed {seed})");
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..n)
        .map(|_| make(pool[rng.usize(..pool.len())], &mut rng))
        .collect()
}

pub fn kinds(rows: &[IndexRow], n: usize) -> Vec<Kind> {
    let chars = |r: &IndexRow| r.name.chars().collect::<Vec<_>>();
    let mut out = vec![];
    let mut kind = |name: String, queries| out.push(Kind { name, queries });
    for k in 1..=11 {
        let typed = draw(
            rows,
            n,
            100 + k as u64,
            |r| mobile(r).is_some(),
            |r, _| mobile(r).expect("mobile")[..k].to_string(),
        );
        kind(format!("Typing a phone, digit {k} of 11"), typed);
    }
    // 김민수 is typed in 8 keystrokes: names whose third syllable has no
    // final consonant and the first two have one.
    let eight = |r: &IndexRow| is_hangul_name(r) && ime_prefixes(&r.name).len() == 8;
    for k in 1..=8 {
        let typed = draw(rows, n, 200 + k as u64, eight, |r, _| {
            ime_prefixes(&r.name)[k - 1].clone()
        });
        kind(
            format!("Typing a name, keystroke {k} of 8 (ㄱ 기 김 김ㅁ 김미 김민 김민ㅅ 김민수)"),
            typed,
        );
    }
    let k = is_hangul_name;
    kind(
        "Full name (김민수)".into(),
        draw(rows, n, 1, k, |r, _| r.name.clone()),
    );
    let given = |r: &IndexRow, _: &mut _| chars(r)[1..].iter().collect();
    kind(
        "Given name, 2 syllables (민수)".into(),
        draw(rows, n, 2, k, given),
    );
    let surname = |r: &IndexRow, _: &mut _| chars(r)[0].into();
    kind(
        "Surname, 1 syllable (drawn from data)".into(),
        draw(rows, n, 3, k, surname),
    );
    kind(
        "Surname 김 alone (21% of names)".into(),
        vec!["김".to_string(); n],
    );
    let initials = |r: &IndexRow, _: &mut _| hangul::initials(&r.name);
    kind("Initials (ㄱㅁㅅ)".into(), draw(rows, n, 4, k, initials));
    let mixed = |r: &IndexRow, _: &mut _| {
        let rest: String = chars(r)[1..].iter().collect();
        format!("{}{}", chars(r)[0], hangul::initials(&rest))
    };
    kind(
        "Syllable + initials (김ㅁㅅ)".into(),
        draw(rows, n, 5, k, mixed),
    );
    let phone = |r: &IndexRow| mobile(r).is_some();
    let last4 = |r: &IndexRow, _: &mut _| mobile(r).expect("mobile")[7..].to_string();
    kind(
        "Phone, last 4 digits (5678)".into(),
        draw(rows, n, 6, phone, last4),
    );
    let run7 = |r: &IndexRow, rng: &mut fastrand::Rng| {
        let at = rng.usize(..=4);
        mobile(r).expect("mobile")[at..at + 7].to_string()
    };
    kind(
        "Phone, 7-digit run (1234567)".into(),
        draw(rows, n, 7, phone, run7),
    );
    let mail = |r: &IndexRow, rng: &mut fastrand::Rng| {
        let email = r.email.as_deref().unwrap_or("");
        let local = email.split('@').next().unwrap_or("");
        local[..rng.usize(local.len().min(5)..=local.len())].to_lowercase()
    };
    kind(
        "Email, start of it (minsu.k)".into(),
        draw(rows, n, 8, |r| r.email.is_some(), mail),
    );
    let card = |r: &IndexRow, _: &mut _| format!("#{}", r.card_no);
    kind(
        "Card number (#123)".into(),
        draw(rows, n, 9, |_| true, card),
    );
    out
}
