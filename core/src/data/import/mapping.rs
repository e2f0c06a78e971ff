//! Which column holds what: headers matched from Korean and English names
//! (이름, 성명, 고객명, 전화번호, 휴대폰, 연락처, 생일, …), the header row found
//! below any title rows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cells::cell_text;
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

impl ImportField {
    pub const ALL: [ImportField; 10] = [
        ImportField::Name,
        ImportField::Phone,
        ImportField::Phone2,
        ImportField::Email,
        ImportField::Birthday,
        ImportField::PostalCode,
        ImportField::Address,
        ImportField::AddressDetail,
        ImportField::Memo,
        ImportField::Ignore,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ImportField::Name => "name",
            ImportField::Phone => "phone",
            ImportField::Phone2 => "phone2",
            ImportField::Email => "email",
            ImportField::Birthday => "birthday",
            ImportField::PostalCode => "postal_code",
            ImportField::Address => "address",
            ImportField::AddressDetail => "address_detail",
            ImportField::Memo => "memo",
            ImportField::Ignore => "ignore",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == s)
    }
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
            "회원이름",
            "성함",
            "고객성명",
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
            "휴대전화번호",
            "전화번호1",
            "연락처1",
            "hp",
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
            "전화번호2",
            "집전화번호",
            "자택전화",
            "phone2",
            "homephone",
            "workphone",
        ],
    ),
    (
        ImportField::Email,
        &[
            "이메일",
            "메일",
            "이메일주소",
            "메일주소",
            "전자우편",
            "email",
            "e-mail",
            "mail",
            "emailaddress",
        ],
    ),
    (
        ImportField::Birthday,
        &[
            "생일",
            "생년월일",
            "생일날짜",
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
        &[
            "주소",
            "집주소",
            "주소1",
            "기본주소",
            "address",
            "address1",
            "street",
        ],
    ),
    (
        ImportField::AddressDetail,
        &["상세주소", "주소2", "나머지주소", "address2", "apt", "unit"],
    ),
    (
        ImportField::Memo,
        &[
            "메모",
            "비고",
            "특이사항",
            "참고사항",
            "기타",
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
pub(crate) fn field_for_header(header: &str) -> Option<ImportField> {
    let h = norm(header);
    ALIASES
        .iter()
        .find(|(_, names)| names.iter().any(|n| norm(n) == h))
        .map(|(f, _)| *f)
}

/// The header row: the first of the first ten rows with the most cells
/// that name a known field (title rows and blank rows above it are
/// skipped). Falls back to the first non-empty row.
pub(crate) fn find_header(rows: &[Vec<Cell>]) -> Option<usize> {
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
pub(crate) fn auto_map(headers: &[String]) -> Vec<ImportField> {
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
}
