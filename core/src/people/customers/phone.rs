//! Phone numbers: read as people type them (010-1234-5678, 02-123-4567,
//! (213) 555-0123, +82 10 …), kept in E.164 for search, shown the way
//! people of the shop's country write them.

use phonenumber::Mode;

use crate::store::settings::Country;

/// A number read once, when it is typed, with every form we later need, so
/// that opening a shop of 100,000 customers parses nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedPhone {
    /// `+821012345678`
    pub e164: String,
    /// ISO country of the number, `KR`.
    pub region: String,
    /// `010-1234-5678`
    pub national: String,
    /// `+82 10-1234-5678`
    pub international: String,
}

impl ParsedPhone {
    /// The way people of the shop's country write it: national form for
    /// their own numbers, international for the rest (a Korean mobile at an
    /// LA shop reads `+82 10-1234-5678`).
    pub fn display(&self, shop: Country) -> &str {
        display(&self.region, &self.national, &self.international, shop)
    }
}

pub(crate) fn display<'a>(
    region: &str,
    national: &'a str,
    international: &'a str,
    shop: Country,
) -> &'a str {
    if region == shop.region_code() {
        national
    } else {
        international
    }
}

/// Reads `raw` as a phone number of `country` unless it carries its own
/// country code. `None` when it is not a number anyone could dial.
pub(crate) fn parse(raw: &str, country: Country) -> Option<ParsedPhone> {
    let raw = raw.trim();
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    // Letters are not part of any number we accept (no vanity numbers).
    if digits < 7 || raw.chars().any(|c| c.is_alphabetic()) {
        return None;
    }
    if let Some(p) = korean_mobile_fast(raw, country) {
        return Some(p);
    }
    // With a leading + the number names its own country; giving a region
    // then would make the parser misread +82 numbers.
    let region = if raw.starts_with('+') {
        None
    } else {
        Some(country.phone_region())
    };
    let number = phonenumber::parse(region, raw).ok()?;
    if !phonenumber::is_valid(&number) && !is_korean_010(&number) {
        return None;
    }
    let region = number
        .country()
        .id()
        .map(|id| format!("{id:?}"))
        .unwrap_or_default();
    Some(ParsedPhone {
        e164: number.format().mode(Mode::E164).to_string(),
        region,
        national: number.format().mode(Mode::National).to_string(),
        international: number.format().mode(Mode::International).to_string(),
    })
}

/// The shape nine in ten numbers in a Korean shop have, 010 and eight
/// digits typed with dashes, dots or spaces, read without the general
/// parser (a tenth of the cost of a bulk import). A test checks it agrees
/// with libphonenumber on every such number.
fn korean_mobile_fast(raw: &str, country: Country) -> Option<ParsedPhone> {
    if country != Country::KR
        || !raw
            .bytes()
            .all(|b| b.is_ascii_digit() || b"- .".contains(&b))
    {
        return None;
    }
    let d: String = raw.chars().filter(char::is_ascii_digit).collect();
    if d.len() != 11 || !d.starts_with("010") {
        return None;
    }
    let (mid, end) = (&d[3..7], &d[7..]);
    Some(ParsedPhone {
        e164: format!("+82{}", &d[1..]),
        region: "KR".into(),
        national: format!("010-{mid}-{end}"),
        international: format!("+82 10-{mid}-{end}"),
    })
}

/// Every 010-XXXX-XXXX is a mobile number in Korea (010 is the one mobile
/// prefix since 2004), but libphonenumber's metadata lists only the blocks
/// allocated when it was made (010-597x… is missing): a customer's real
/// number must never be refused because of that.
fn is_korean_010(number: &phonenumber::PhoneNumber) -> bool {
    let national = number.national().to_string();
    number.code().value() == 82 && national.len() == 10 && national.starts_with("10")
}

/// The digit strings a search for part of a number should find: the
/// national form people dial (01012345678) and the E.164 digits.
pub fn search_digits(national: &str, e164: &str) -> [String; 2] {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    [digits(national), digits(e164)]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kr(raw: &str) -> Option<ParsedPhone> {
        parse(raw, Country::KR)
    }

    #[test]
    fn korean_mobile_in_every_usual_shape() {
        for raw in [
            "010-1234-5678",
            "01012345678",
            "010 1234 5678",
            "+82 10-1234-5678",
            "+821012345678",
        ] {
            let p = kr(raw).unwrap_or_else(|| panic!("{raw} should parse"));
            assert_eq!(p.e164, "+821012345678", "{raw}");
            assert_eq!(p.display(Country::KR), "010-1234-5678", "{raw}");
        }
    }

    #[test]
    fn every_010_block_is_a_mobile_number() {
        for (raw, shown) in [
            ("010-5986-6889", "010-5986-6889"),
            ("01059997373", "010-5999-7373"),
            ("+82 10-5995-6383", "010-5995-6383"),
        ] {
            let p = kr(raw).unwrap_or_else(|| panic!("{raw} should parse"));
            assert_eq!(p.display(Country::KR), shown);
        }
        assert!(kr("010-1234-56").is_none(), "too short");
    }

    /// The fast path gives exactly what libphonenumber gives.
    #[test]
    fn fast_korean_mobiles_agree_with_the_library() {
        let mut rng = fastrand::Rng::with_seed(7);
        for i in 0..3000 {
            let (a, b) = (rng.u32(0..10000), rng.u32(0..10000));
            let raw = match i % 4 {
                0 => format!("010-{a:04}-{b:04}"),
                1 => format!("010{a:04}{b:04}"),
                2 => format!("010 {a:04} {b:04}"),
                _ => format!("010.{a:04}.{b:04}"),
            };
            let fast = korean_mobile_fast(&raw, Country::KR).unwrap();
            let number = phonenumber::parse(Some(Country::KR.phone_region()), &raw).unwrap();
            assert_eq!(
                fast.e164,
                number.format().mode(Mode::E164).to_string(),
                "{raw}"
            );
            assert_eq!(
                fast.national,
                number.format().mode(Mode::National).to_string(),
                "{raw}"
            );
            let intl = number.format().mode(Mode::International).to_string();
            assert_eq!(fast.international, intl, "{raw}");
        }
        assert!(korean_mobile_fast("010-1234-5678", Country::US).is_none());
        assert!(korean_mobile_fast("011-234-5678", Country::KR).is_none());
    }

    #[test]
    fn korean_landlines() {
        assert_eq!(kr("02-123-4567").unwrap().e164, "+8221234567");
        assert_eq!(
            kr("02-123-4567").unwrap().display(Country::KR),
            "02-123-4567"
        );
        assert_eq!(kr("031-123-4567").unwrap().e164, "+82311234567");
    }

    #[test]
    fn us_numbers_at_a_us_shop_and_at_a_korean_one() {
        let us = parse("(213) 555-0123", Country::US).unwrap();
        assert_eq!(us.e164, "+12135550123");
        assert_eq!(us.display(Country::US), "(213) 555-0123");
        let at_kr = kr("+1 213-555-0123").unwrap();
        assert_eq!(at_kr.display(Country::KR), "+1 213-555-0123");
    }

    #[test]
    fn korean_number_at_a_us_shop_keeps_its_country() {
        let p = parse("+82 10-1234-5678", Country::US).unwrap();
        assert_eq!(p.e164, "+821012345678");
        assert_eq!(p.display(Country::US), "+82 10-1234-5678");
    }

    #[test]
    fn nonsense_is_refused() {
        for raw in [
            "",
            "12",
            "010-12",
            "abc-defg-hijk",
            "010-1234-567a",
            "1234567890123456789",
        ] {
            assert!(kr(raw).is_none(), "{raw} should be refused");
        }
    }

    #[test]
    fn search_digits_cover_national_and_international() {
        let p = kr("010-1234-5678").unwrap();
        assert_eq!(
            search_digits(&p.national, &p.e164),
            ["01012345678", "821012345678"]
        );
    }
}
