//! Birthdays read the ways people write them, by chrono's parser over a
//! list of the forms seen in Korean and American lists: `1985-03-02`,
//! `1985.3.2`, `1985. 3. 2.`, `1985년 3월 2일`, `19850302`, `85-03-02`,
//! `3/2/1985`, `March 2, 1985`, `2-Mar-85`, and without a year `3월 2일`,
//! `03-02`, `0302`. A `음력`/`(음)` mark makes it lunar, `양력`/`(양)` solar;
//! a time after the date (`1985-03-02 오전 12:00:00`) is ignored.

use std::sync::OnceLock;

use chrono::format::{parse, Item, Parsed, StrftimeItems};
use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use super::model::Birthday;
use crate::error::FieldErrorCode;

#[derive(Clone, Copy, PartialEq)]
enum Year {
    Full,
    TwoDigits,
    None,
}

const FORMS: &[(&str, Year)] = &[
    ("%Y-%m-%d", Year::Full),
    ("%Y.%m.%d", Year::Full),
    ("%Y/%m/%d", Year::Full),
    ("%Y %m %d", Year::Full),
    ("%Y년 %m월 %d일", Year::Full),
    ("%Y%m%d", Year::Full),
    ("%m/%d/%Y", Year::Full),
    ("%m-%d-%Y", Year::Full),
    ("%m.%d.%Y", Year::Full),
    ("%B %d, %Y", Year::Full),
    ("%B %d %Y", Year::Full),
    ("%b %d, %Y", Year::Full),
    ("%b %d %Y", Year::Full),
    ("%d %B %Y", Year::Full),
    ("%d %b %Y", Year::Full),
    ("%d-%b-%Y", Year::Full),
    ("%y-%m-%d", Year::TwoDigits),
    ("%y.%m.%d", Year::TwoDigits),
    ("%y/%m/%d", Year::TwoDigits),
    ("%y년 %m월 %d일", Year::TwoDigits),
    ("%y%m%d", Year::TwoDigits),
    ("%m/%d/%y", Year::TwoDigits),
    ("%d-%b-%y", Year::TwoDigits),
    ("%m-%d", Year::None),
    ("%m.%d", Year::None),
    ("%m/%d", Year::None),
    ("%m월 %d일", Year::None),
    ("%m%d", Year::None),
    ("--%m-%d", Year::None),
    ("%B %d", Year::None),
    ("%b %d", Year::None),
    ("%d %B", Year::None),
    ("%d %b", Year::None),
    ("%d-%b", Year::None),
];

fn forms() -> &'static [(Vec<Item<'static>>, Year)] {
    static FORMS_PARSED: OnceLock<Vec<(Vec<Item<'static>>, Year)>> = OnceLock::new();
    FORMS_PARSED.get_or_init(|| {
        FORMS
            .iter()
            .map(|(f, y)| (StrftimeItems::new(f).collect(), *y))
            .collect()
    })
}

/// The date part of `text`, tidied: full-width digits made plain, spaces
/// around separators and a trailing dot dropped, a time cut off. Also says
/// whether it was marked lunar (`Some(true)`) or solar (`Some(false)`).
fn tidy(text: &str) -> (String, Option<bool>) {
    let mut s: String = if text.is_ascii() {
        text.trim().to_string()
    } else {
        text.nfkc().collect::<String>().trim().to_string()
    };
    let mut lunar = None;
    for (mark, is_lunar) in [
        ("(음력)", true),
        ("(양력)", false),
        ("음력", true),
        ("양력", false),
        ("(음)", true),
        ("(양)", false),
        ("[음]", true),
        ("[양]", false),
        ("음)", true),
        ("양)", false),
        ("음", true),
        ("양", false),
    ] {
        if let Some(rest) = s.strip_prefix(mark).or_else(|| s.strip_suffix(mark)) {
            s = rest.trim().to_string();
            lunar = Some(is_lunar);
            break;
        }
    }
    // A time after the date: `1985-03-02 00:00:00`, `… 오전 12:00:00`, ISO `T`.
    if let Some(colon) = s.find(':') {
        let cut = s[..colon]
            .rfind(|c: char| c.is_whitespace() || c == 'T')
            .unwrap_or(0);
        s.truncate(cut);
        for half_day in ["오전", "오후", "AM", "PM", "am", "pm"] {
            if let Some(rest) = s.trim_end().strip_suffix(half_day) {
                s = rest.to_string();
            }
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.trim().trim_end_matches('.').trim().chars() {
        if c.is_whitespace() && out.ends_with(['.', '/', '-', ' ']) {
            continue;
        }
        if matches!(c, '.' | '/' | '-') && out.ends_with(' ') {
            out.pop();
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
    (out, lunar)
}

/// Reads a birthday. `lunar` is the form's checkbox; a mark in the text
/// wins. Lunar dates are checked against the lunar month's 30 days; solar
/// ones must exist (no 30 February) and not be in the future.
pub fn parse_birthday(
    text: &str,
    lunar: bool,
    today: NaiveDate,
) -> Result<Option<Birthday>, FieldErrorCode> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let (text, marked) = tidy(text);
    let lunar = marked.unwrap_or(lunar);
    let (year, month, day) = read_parts(&text, today).ok_or(FieldErrorCode::InvalidDate)?;
    if let Some(y) = year {
        if y < 1900 {
            return Err(FieldErrorCode::InvalidDate);
        }
        if y > today.year() {
            return Err(FieldErrorCode::FutureDate);
        }
    }
    if lunar {
        if !(1..=12).contains(&month) || !(1..=30).contains(&day) {
            return Err(FieldErrorCode::InvalidDate);
        }
    } else {
        // Without a year, check against a leap year so 29 February stands.
        let date = NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)
            .ok_or(FieldErrorCode::InvalidDate)?;
        if date > today {
            return Err(FieldErrorCode::FutureDate);
        }
    }
    Ok(Some(Birthday {
        year,
        month,
        day,
        lunar,
    }))
}

/// How long a date written as digits only is in each form: chrono reads
/// `%m` as one or two digits, so `31108` would fit `%y%m%d` otherwise.
fn digits_only_len(form: &str) -> Option<usize> {
    match form {
        "%Y%m%d" => Some(8),
        "%y%m%d" => Some(6),
        "%m%d" => Some(4),
        _ => None,
    }
}

/// The first form `text` fits: (year, month, day).
fn read_parts(text: &str, today: NaiveDate) -> Option<(Option<i32>, u32, u32)> {
    let digits = text.bytes().all(|b| b.is_ascii_digit());
    for ((items, kind), (form, _)) in forms().iter().zip(FORMS) {
        if digits != digits_only_len(form).is_some()
            || (digits && digits_only_len(form) != Some(text.len()))
        {
            continue;
        }
        let mut p = Parsed::new();
        if parse(&mut p, text, items.iter()).is_err() {
            continue;
        }
        let (Some(month), Some(day)) = (p.month(), p.day()) else {
            continue;
        };
        let year = match kind {
            Year::Full => match p.year() {
                Some(y) if (1000..=9999).contains(&y) => Some(y),
                _ => continue,
            },
            Year::TwoDigits => match p.year_mod_100() {
                Some(yy) => Some(two_digit_year(yy as u32, today)),
                None => continue,
            },
            Year::None => None,
        };
        return Some((year, month, day));
    }
    None
}

/// `85` → 1985, `03` → 2003: the most recent year that is not in the future.
fn two_digit_year(yy: u32, today: NaiveDate) -> i32 {
    let century = today.year() / 100 * 100;
    let y = century + yy as i32;
    if y > today.year() {
        y - 100
    } else {
        y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn bday(s: &str) -> Result<Option<Birthday>, FieldErrorCode> {
        parse_birthday(s, false, today())
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<Birthday> {
        Some(Birthday {
            year: Some(y),
            month: m,
            day: d,
            lunar: false,
        })
    }

    #[test]
    fn birthdays_in_the_ways_people_write_them() {
        for s in [
            "1985-03-02",
            "1985.3.2",
            "1985. 3. 2.",
            "1985 . 03 . 02",
            "1985/03/02",
            "1985년 3월 2일",
            "1985년3월2일",
            "19850302",
            "850302",
            "85-03-02",
            "85.3.2",
            "3/2/1985",
            "03/02/85",
            "March 2, 1985",
            "Mar 2 1985",
            "2 March 1985",
            "2-Mar-85",
            "1985-03-02 00:00:00",
            "1985-03-02 오전 12:00:00",
            "1985-03-02T00:00:00",
            "１９８５．３．２",
        ] {
            assert_eq!(bday(s), Ok(ymd(1985, 3, 2)), "{s}");
        }
        for s in ["3월 2일", "03-02", "3/2", "0302", "--03-02", "Mar 2"] {
            let b = bday(s).unwrap().unwrap();
            assert_eq!((b.year, b.month, b.day), (None, 3, 2), "{s}");
        }
        assert_eq!(bday("  "), Ok(None));
    }

    #[test]
    fn lunar_and_solar_marks() {
        for s in [
            "(음)1985.3.2",
            "1985.3.2(음)",
            "음력 1985년 3월 2일",
            "음 3/2",
        ] {
            let b = bday(s).unwrap().unwrap();
            assert!(b.lunar, "{s}");
            assert_eq!((b.month, b.day), (3, 2), "{s}");
        }
        let b = parse_birthday("양력 1985-03-02", true, today())
            .unwrap()
            .unwrap();
        assert!(!b.lunar);
        let b = bday("음력 1985-02-30").unwrap().unwrap();
        assert_eq!((b.month, b.day, b.lunar), (2, 30, true));
    }

    #[test]
    fn impossible_and_future_dates_are_refused() {
        assert_eq!(bday("1985-02-30"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(bday("1985-13-01"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(bday("2023-02-29"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(bday("2024-02-29"), Ok(ymd(2024, 2, 29)));
        assert_eq!(bday("02-29").unwrap().unwrap().day, 29);
        assert_eq!(bday("2027-01-01"), Err(FieldErrorCode::FutureDate));
        assert_eq!(bday("2026-12-01"), Err(FieldErrorCode::FutureDate));
        assert_eq!(bday("1850-01-01"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(bday("yesterday"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(bday("1985-3"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(bday("30.02.1985"), Err(FieldErrorCode::InvalidDate));
        assert_eq!(
            bday("31108"),
            Err(FieldErrorCode::InvalidDate),
            "serials are the importer's"
        );
    }

    #[test]
    fn lunar_dates_allow_the_thirtieth() {
        let b = parse_birthday("1985-02-30", true, today())
            .unwrap()
            .unwrap();
        assert!(b.lunar);
        assert_eq!((b.month, b.day), (2, 30));
        assert!(parse_birthday("1985-02-31", true, today()).is_err());
    }
}
