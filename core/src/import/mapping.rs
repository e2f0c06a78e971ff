//! Which column holds what: headers matched from Korean and English names
//! (이름, 성명, 고객명, 전화번호, 휴대폰, 연락처, 생일, …), the header row found
//! below any title rows, and each cell turned into the text the customer
//! form would have received.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::read::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ImportField {
    Name,
    Phone,
    Phone2,
    Email,
    Birthday,
    PostalCode,
    Address,
    AddressDetail,
    Memo,
    Ignore,
}

const ALIASES: &[(ImportField, &[&str])] = &[
    (
        ImportField::Name,
        &[
            "이름",
            "성명",
            "고객명",
            "고객이름",
            "회원명",
            "name",
            "customer",
            "fullname",
        ],
    ),
    (
        ImportField::Phone,
        &[
            "전화번호",
            "휴대폰",
            "핸드폰",
            "휴대전화",
            "연락처",
            "전화",
            "휴대폰번호",
            "핸드폰번호",
            "phone",
            "mobile",
            "cell",
            "tel",
            "phonenumber",
        ],
    ),
    (
        ImportField::Phone2,
        &[
            "연락처2",
            "전화2",
            "집전화",
            "회사전화",
            "phone2",
            "homephone",
            "workphone",
        ],
    ),
    (
        ImportField::Email,
        &["이메일", "메일", "email", "e-mail", "mail"],
    ),
    (
        ImportField::Birthday,
        &[
            "생일",
            "생년월일",
            "birthday",
            "birthdate",
            "dob",
            "dateofbirth",
        ],
    ),
    (
        ImportField::PostalCode,
        &["우편번호", "postalcode", "zip", "zipcode", "postcode"],
    ),
    (
        ImportField::Address,
        &["주소", "address", "address1", "street"],
    ),
    (
        ImportField::AddressDetail,
        &["상세주소", "address2", "apt", "unit"],
    ),
    (
        ImportField::Memo,
        &[
            "메모",
            "비고",
            "특이사항",
            "memo",
            "note",
            "notes",
            "comment",
        ],
    ),
];

fn norm(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '.' | '(' | ')' | '*'))
        .collect::<String>()
        .to_lowercase()
}

/// The field a header names, if any.
pub fn field_for_header(header: &str) -> Option<ImportField> {
    let h = norm(header);
    ALIASES
        .iter()
        .find(|(_, names)| names.iter().any(|n| norm(n) == h))
        .map(|(f, _)| *f)
}

pub fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => super::export::unguard_formula(s.trim()).trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Empty => String::new(),
    }
}

/// The header row: the first of the first ten rows with the most cells
/// that name a known field (title rows and blank rows above it are
/// skipped). Falls back to the first non-empty row.
pub fn find_header(rows: &[Vec<Cell>]) -> Option<usize> {
    let score = |r: &Vec<Cell>| {
        r.iter()
            .filter(|c| field_for_header(&cell_text(c)).is_some())
            .count()
    };
    let best = rows
        .iter()
        .take(10)
        .enumerate()
        .max_by_key(|(i, r)| (score(r), usize::MAX - i))?;
    if best.1.is_empty() || score(best.1) == 0 {
        return rows
            .iter()
            .position(|r| r.iter().any(|c| *c != Cell::Empty));
    }
    Some(best.0)
}

/// Guesses each column's field from its header; the first column of a kind
/// wins, a second phone column becomes Phone2.
pub fn auto_map(headers: &[String]) -> Vec<ImportField> {
    let mut seen = std::collections::HashSet::new();
    headers
        .iter()
        .map(|h| match field_for_header(h) {
            Some(ImportField::Phone) if seen.contains(&ImportField::Phone) => {
                if seen.insert(ImportField::Phone2) {
                    ImportField::Phone2
                } else {
                    ImportField::Ignore
                }
            }
            Some(f) if seen.insert(f) => f,
            _ => ImportField::Ignore,
        })
        .collect()
}

/// A phone cell as text. Excel keeps 01012345678 as the number 1012345678:
/// the leading 0 of a Korean number comes back (mobiles 10…, Seoul 2…,
/// regional 31…–64…, 070).
pub fn phone_text(c: &Cell) -> String {
    match c {
        Cell::Number(n) if n.fract() == 0.0 && *n > 0.0 => {
            let digits = format!("{}", *n as i64);
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
        other => cell_text(other),
    }
}

/// A birthday cell as text: dates as dates, and an Excel date serial
/// (days since 1899-12-30) in a number cell read as one.
pub fn date_text(c: &Cell) -> String {
    match c {
        Cell::Number(n) if n.fract() == 0.0 && (3_000.0..80_000.0).contains(n) => {
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("epoch");
            base.checked_add_days(Days::new(*n as u64))
                .map_or_else(|| cell_text(c), |d| d.format("%Y-%m-%d").to_string())
        }
        other => cell_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_and_english_headers() {
        let headers: Vec<String> = [
            "성명",
            "휴대폰",
            "E-mail",
            "생년월일",
            "주소",
            "비고",
            "연락처",
            "포인트",
        ]
        .map(String::from)
        .to_vec();
        use ImportField::*;
        assert_eq!(
            auto_map(&headers),
            [Name, Phone, Email, Birthday, Address, Memo, Phone2, Ignore]
        );
    }

    #[test]
    fn phones_stored_as_numbers_get_their_zero_back() {
        assert_eq!(phone_text(&Cell::Number(1012345678.0)), "01012345678");
        assert_eq!(phone_text(&Cell::Number(21234567.0)), "021234567");
        assert_eq!(phone_text(&Cell::Number(311234567.0)), "0311234567");
        assert_eq!(
            phone_text(&Cell::Number(2135550142.0)),
            "2135550142",
            "a US number stays"
        );
        assert_eq!(
            phone_text(&Cell::Text("010-1234-5678".into())),
            "010-1234-5678"
        );
    }

    #[test]
    fn excel_date_serials() {
        assert_eq!(date_text(&Cell::Number(31108.0)), "1985-03-02");
        assert_eq!(date_text(&Cell::Text("85-03-02".into())), "85-03-02");
    }
}
