//! Cells as people fill them, read into what the customer form takes:
//! phones with or without their 0, with +82, dots or spaces, several in one
//! cell (`010-1234-5678 / 02-123-4567`), stored by Excel as numbers; dates
//! in any text form `birthday` reads, as Excel date cells, or as the
//! serial numbers Excel leaves in text (`31108` is 1985-03-02).

use chrono::{Datelike, Days, NaiveDate};

use super::read::Cell;
use crate::people::customers::model::PhoneLabel;
use crate::people::customers::phone;
use crate::store::settings::Country;

/// A cell as the text the owner sees in it.
pub(crate) fn cell_text(c: &Cell) -> String {
    match c {
        // A CSV Dangol exported: the quote that kept a formula from running
        // comes off again.
        Cell::Text(s) => super::export::unguard_formula(s.trim()).trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Empty => String::new(),
    }
}

/// A number cell that is a Korean phone whose leading 0 Excel dropped
/// (01012345678 kept as 1012345678): mobiles 10…, Seoul 2…, regional
/// 31…–64…, 070.
fn number_phone(n: f64) -> String {
    if n.fract() != 0.0 || n <= 0.0 || n >= 1e15 {
        return cell_text(&Cell::Number(n));
    }
    let digits = format!("{}", n as i64);
    let korean_without_zero = (digits.starts_with("10") && digits.len() == 10)
        || (digits.starts_with('2') && (8..=9).contains(&digits.len()))
        || (digits.starts_with('7') && digits.len() == 10)
        || (digits.starts_with(['3', '4', '5', '6']) && (9..=10).contains(&digits.len()));
    if korean_without_zero {
        format!("0{digits}")
    } else {
        digits
    }
}

/// One number found in a phone cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneFound {
    /// What looks like a number (the form's check decides whether it
    /// reads); `label` when the cell said which (집, 회사, HP).
    Number {
        text: String,
        label: Option<PhoneLabel>,
        /// The piece of the cell it came from (`HP: 010-1234-5678`).
        original: String,
    },
    /// A piece of the cell that is no number anyone could dial.
    Bad(String),
}

const LABELS: &[(&str, PhoneLabel)] = &[
    ("휴대폰", PhoneLabel::Mobile),
    ("핸드폰", PhoneLabel::Mobile),
    ("휴대전화", PhoneLabel::Mobile),
    ("hp", PhoneLabel::Mobile),
    ("h.p", PhoneLabel::Mobile),
    ("mobile", PhoneLabel::Mobile),
    ("cell", PhoneLabel::Mobile),
    ("m", PhoneLabel::Mobile),
    ("집", PhoneLabel::Home),
    ("자택", PhoneLabel::Home),
    ("home", PhoneLabel::Home),
    ("tel", PhoneLabel::Home),
    ("회사", PhoneLabel::Work),
    ("직장", PhoneLabel::Work),
    ("사무실", PhoneLabel::Work),
    ("work", PhoneLabel::Work),
    ("office", PhoneLabel::Work),
];

fn label_of(words: &str) -> Option<PhoneLabel> {
    let w: String = words
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_lowercase();
    LABELS.iter().find(|(name, _)| w == *name).map(|(_, l)| *l)
}

/// The number in a piece of a cell (`HP: 010-1234-5678 (본인)`): from its
/// first digit, `+` or `(` to its last digit, with the words before it
/// read as a label.
fn number_in(piece: &str) -> (String, Option<PhoneLabel>) {
    let start = piece
        .char_indices()
        .find(|(i, c)| {
            c.is_ascii_digit()
                || *c == '+'
                || (*c == '(' && piece[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
        })
        .map_or(piece.len(), |(i, _)| i);
    let end = piece
        .char_indices()
        .rfind(|(_, c)| c.is_ascii_digit())
        .map_or(start, |(i, _)| i + 1)
        .max(start);
    (
        piece[start..end].trim().to_string(),
        label_of(&piece[..start]),
    )
}

/// Every phone in a cell. Pieces are split at `/ , ; |` and new lines;
/// a piece that is several numbers side by side (`010-1234-5678
/// 02-123-4567`) is split at its spaces. A piece is not parsed here unless
/// that must be decided (the form's check parses every number anyway).
pub(crate) fn phones_in(cell: &Cell, country: Country) -> Vec<PhoneFound> {
    let text = match cell {
        Cell::Number(n) => return vec![piece(&number_phone(*n))],
        Cell::Empty => return vec![],
        other => cell_text(other),
    };
    let mut found = vec![];
    for part in text.split(['/', ',', ';', '|', '\n', '\r', '、']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let words: Vec<&str> = part.split_whitespace().collect();
        let long_words = words
            .iter()
            .filter(|w| w.bytes().filter(u8::is_ascii_digit).count() >= 7)
            .count();
        if long_words > 1 && phone::parse(part, country).is_none() {
            let each: Vec<PhoneFound> = words.iter().map(|w| piece(w)).collect();
            let all_read = each.iter().all(|p| match p {
                PhoneFound::Number { text, .. } => phone::parse(text, country).is_some(),
                PhoneFound::Bad(_) => false,
            });
            if all_read {
                found.extend(each);
                continue;
            }
        }
        found.push(piece(part));
    }
    found
}

/// The number in one piece, or the piece as a bad one when it has no
/// digits at all (`없음`).
fn piece(part: &str) -> PhoneFound {
    let (number, label) = number_in(part);
    if number.bytes().any(|b| b.is_ascii_digit()) {
        PhoneFound::Number {
            text: number,
            label,
            original: part.to_string(),
        }
    } else {
        PhoneFound::Bad(part.to_string())
    }
}

/// The first day Excel's serial numbers count from (serial 1 is 1900-01-01,
/// with Lotus's 29 February 1900 in between).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch")
}

/// An Excel date serial as a date, when it is a sensible birthday: from
/// 1900 to `today`.
fn serial_date(n: f64, today: NaiveDate) -> Option<NaiveDate> {
    if !(61.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let date = excel_epoch().checked_add_days(Days::new(n.floor() as u64))?;
    (date.year() >= 1900 && date <= today).then_some(date)
}

/// A birthday cell as the text the form reads: date cells and Excel
/// serials (a number cell, or five digits in a text cell) as dates; any
/// other text as it is, for `parse_birthday`.
pub(crate) fn date_text(c: &Cell, today: NaiveDate) -> String {
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    match c {
        Cell::Date(d) => iso(*d),
        Cell::Number(n) => serial_date(*n, today).map_or_else(|| cell_text(c), iso),
        Cell::Text(s) => {
            let t = s.trim();
            let serial = t.len() == 5 && t.bytes().all(|b| b.is_ascii_digit());
            match serial.then(|| t.parse::<f64>().ok()).flatten() {
                Some(n) => serial_date(n, today).map_or_else(|| t.to_string(), iso),
                None => t.to_string(),
            }
        }
        Cell::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    fn numbers(cell: &str) -> Vec<String> {
        phones_in(&Cell::Text(cell.into()), Country::KR)
            .into_iter()
            .map(|p| match p {
                PhoneFound::Number { text, .. } => text,
                PhoneFound::Bad(b) => format!("bad:{b}"),
            })
            .collect()
    }

    #[test]
    fn phones_stored_as_numbers_get_their_zero_back() {
        let one = |n: f64| phones_in(&Cell::Number(n), Country::KR);
        let text = |n: f64| match &one(n)[0] {
            PhoneFound::Number { text, .. } => text.clone(),
            PhoneFound::Bad(b) => format!("bad:{b}"),
        };
        assert_eq!(text(1012345678.0), "01012345678");
        assert_eq!(text(21234567.0), "021234567");
        assert_eq!(text(311234567.0), "0311234567");
        assert_eq!(
            number_phone(2135550142.0),
            "2135550142",
            "a US number stays"
        );
    }

    #[test]
    fn several_phones_in_one_cell() {
        assert_eq!(
            numbers("010-1234-5678 / 02-123-4567"),
            ["010-1234-5678", "02-123-4567"]
        );
        assert_eq!(
            numbers("010-1234-5678 02-123-4567"),
            ["010-1234-5678", "02-123-4567"]
        );
        assert_eq!(numbers("010 1234 5678"), ["010 1234 5678"]);
        assert_eq!(
            numbers("010.1234.5678, +82 10-2222-3333"),
            ["010.1234.5678", "+82 10-2222-3333"]
        );
        assert_eq!(numbers("1012345678"), ["1012345678"], "without its 0");
        // A piece with digits is a number until the form's check says not.
        assert_eq!(numbers("010-12 / 02-123-4567"), ["010-12", "02-123-4567"]);
        assert_eq!(numbers("없음"), ["bad:없음"]);
    }

    #[test]
    fn labels_in_the_cell_are_read() {
        let found = phones_in(
            &Cell::Text("HP: 010-1234-5678 / 집) 02-123-4567".into()),
            Country::KR,
        );
        let labels: Vec<_> = found
            .iter()
            .map(|p| match p {
                PhoneFound::Number { label, .. } => *label,
                PhoneFound::Bad(_) => None,
            })
            .collect();
        assert_eq!(labels, [Some(PhoneLabel::Mobile), Some(PhoneLabel::Home)]);
        assert_eq!(numbers("010-1234-5678(본인)"), ["010-1234-5678"]);
    }

    #[test]
    fn excel_date_serials_in_numbers_and_text() {
        assert_eq!(date_text(&Cell::Number(31108.0), today()), "1985-03-02");
        assert_eq!(
            date_text(&Cell::Text("31108".into()), today()),
            "1985-03-02"
        );
        assert_eq!(date_text(&Cell::Number(31108.75), today()), "1985-03-02");
        assert_eq!(
            date_text(&Cell::Text("85-03-02".into()), today()),
            "85-03-02"
        );
        // Not birthdays: a serial after today, and four digits (month-day).
        assert_eq!(date_text(&Cell::Text("99999".into()), today()), "99999");
        assert_eq!(date_text(&Cell::Text("0302".into()), today()), "0302");
    }
}
