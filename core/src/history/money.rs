//! Amounts of money as the owner types them ("12,000", "12000원", "$12.50"),
//! kept as integers in the shop currency's minor unit: KRW has none, USD has
//! cents. Never a float.

use crate::store::settings::Country;

/// The most a single entry may be: 100억 원 / $100,000,000.00.
const MAX_MINOR: i64 = 10_000_000_000;

/// Reads a non-negative amount. `None` when it is not one (letters, a
/// minus, decimals a currency does not have, too many cents digits).
pub(crate) fn parse_amount(text: &str, country: Country) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['₩', '$'])
        .trim_end_matches('원')
        .trim()
        .chars()
        .filter(|c| *c != ',' && !c.is_whitespace())
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    let (whole, cents) = match cleaned.split_once('.') {
        Some((w, c)) => (w, Some(c)),
        None => (cleaned.as_str(), None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || whole.len() > 12 {
        return None;
    }
    let whole: i64 = whole.parse().ok()?;
    let minor = match (country, cents) {
        (Country::KR, None) => whole,
        // "12,000.0" is still a whole number of won.
        (Country::KR, Some(c)) if !c.is_empty() && c.bytes().all(|b| b == b'0') => whole,
        (Country::KR, Some(_)) => return None,
        (Country::US, None) => whole.checked_mul(100)?,
        (Country::US, Some(c)) => {
            if c.is_empty() || c.len() > 2 || !c.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let c: i64 = format!("{c:0<2}").parse().ok()?;
            whole.checked_mul(100)?.checked_add(c)?
        }
    };
    (minor <= MAX_MINOR).then_some(minor)
}

/// An amount as the owner reads it in a sentence or a letter — the one
/// money format of the core: 12,000원, $1,234.50.
pub fn text(minor: i64, country: Country) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    match country {
        Country::KR => format!("{sign}{}원", grouped(m)),
        Country::US => format!("{sign}${}.{:02}", grouped(m / 100), m % 100),
    }
}

/// Digits in threes: 1234567 → 1,234,567.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_reads_as_people_write_it() {
        assert_eq!(text(12000, Country::KR), "12,000원");
        assert_eq!(text(500, Country::KR), "500원");
        assert_eq!(text(-1_234_567, Country::KR), "-1,234,567원");
        assert_eq!(text(123_450, Country::US), "$1,234.50");
        assert_eq!(text(5, Country::US), "$0.05");
    }

    #[test]
    fn won_as_people_write_it() {
        for (text, won) in [
            ("12000", 12000),
            ("12,000", 12000),
            ("12,000원", 12000),
            ("₩ 3,500", 3500),
            ("0", 0),
            ("5000.00", 5000),
        ] {
            assert_eq!(parse_amount(text, Country::KR), Some(won), "{text}");
        }
        for bad in ["", "-500", "12.5", "만원", "1e5", "12,000.5"] {
            assert_eq!(parse_amount(bad, Country::KR), None, "{bad}");
        }
    }

    #[test]
    fn dollars_in_cents() {
        for (text, cents) in [
            ("12", 1200),
            ("12.5", 1250),
            ("$12.50", 1250),
            ("1,234.05", 123405),
            ("0.99", 99),
        ] {
            assert_eq!(parse_amount(text, Country::US), Some(cents), "{text}");
        }
        for bad in ["12.345", ".5", "12.", "$-3", "twelve"] {
            assert_eq!(parse_amount(bad, Country::US), None, "{bad}");
        }
    }

    #[test]
    fn absurd_amounts_are_refused() {
        assert_eq!(parse_amount("999,999,999,999", Country::KR), None);
        assert_eq!(parse_amount("10,000,000,000", Country::KR), Some(MAX_MINOR));
    }
}
