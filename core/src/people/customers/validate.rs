//! Checking a customer form. Every problem is reported at once, each tied to
//! its field, so the owner fixes them in one pass and loses nothing typed.

use chrono::NaiveDate;
use email_address::EmailAddress;

pub use super::birthday::parse_birthday;
use super::model::{Birthday, CustomerInput, PhoneLabel, Source};
use super::phone;
use crate::error::{FieldError, FieldErrorCode};
use crate::store::settings::Country;
use crate::store::text::{clean_line, clean_text};

pub const MAX_NAME: usize = 100;
pub const MAX_PHONES: usize = 10;
pub const MAX_LINE: usize = 200;
pub const MAX_MEMO: usize = 10_000;

/// A checked and cleaned customer, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCustomer {
    pub name: String,
    pub phones: Vec<ValidPhone>,
    pub email: Option<String>,
    pub postal_code: String,
    pub address1: String,
    pub address2: String,
    pub birthday: Option<Birthday>,
    pub source: Source,
    pub source_note: String,
    pub memo: String,
    pub staff_id: Option<i64>,
    pub consent_email: bool,
    pub consent_sms: bool,
    pub consent_post: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPhone {
    pub label: PhoneLabel,
    pub raw: String,
    pub parsed: phone::ParsedPhone,
}

/// Checks `input` for a shop in `country`; `today` bounds birthdays and
/// `staff_exists` tells whether a person in charge is real.
pub fn validate(
    input: &CustomerInput,
    country: Country,
    today: NaiveDate,
    mut staff_exists: impl FnMut(i64) -> bool,
) -> Result<ValidCustomer, Vec<FieldError>> {
    let mut errors = vec![];
    let mut bad = |field: &str, code| errors.push(FieldError::new(field, code));

    let name = clean_line(&input.name);
    if name.is_empty() {
        bad("name", FieldErrorCode::Required);
    } else if name.chars().count() > MAX_NAME {
        bad("name", FieldErrorCode::TooLong);
    }

    let mut phones = vec![];
    for (i, p) in input.phones.iter().enumerate() {
        let raw = clean_line(&p.number);
        if raw.is_empty() {
            continue;
        }
        if phones.len() >= MAX_PHONES {
            bad(&format!("phones.{i}"), FieldErrorCode::TooLong);
            continue;
        }
        match phone::parse(&raw, country) {
            Some(parsed) => phones.push(ValidPhone {
                label: p.label,
                raw,
                parsed,
            }),
            None => bad(&format!("phones.{i}"), FieldErrorCode::InvalidPhone),
        }
    }

    let email = input.email.trim();
    let email = if email.is_empty() {
        None
    } else if is_plausible_email(email) {
        Some(email.to_string())
    } else {
        bad("email", FieldErrorCode::InvalidEmail);
        None
    };

    let birthday = match parse_birthday(&input.birthday, input.birthday_lunar, today) {
        Ok(b) => b,
        Err(code) => {
            bad("birthday", code);
            None
        }
    };

    let mut line = |field: &str, value: &str| {
        let v = clean_line(value);
        if v.chars().count() > MAX_LINE {
            bad(field, FieldErrorCode::TooLong);
        }
        v
    };
    let postal_code = line("postal_code", &input.postal_code);
    let address1 = line("address1", &input.address1);
    let address2 = line("address2", &input.address2);
    let source_note = line("source_note", &input.source_note);

    let memo = clean_text(&input.memo);
    if memo.chars().count() > MAX_MEMO {
        bad("memo", FieldErrorCode::TooLong);
    }
    if let Some(id) = input.staff_id {
        if !staff_exists(id) {
            bad("staff_id", FieldErrorCode::UnknownStaff);
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidCustomer {
        name,
        phones,
        email,
        postal_code,
        address1,
        address2,
        birthday,
        source: input.source,
        source_note,
        memo,
        staff_id: input.staff_id,
        consent_email: input.consent_email,
        consent_sms: input.consent_sms,
        consent_post: input.consent_post,
    })
}

/// RFC 5322 (via `email_address`) and, as every mailbox a shop's customer
/// has, a dot in the domain: `kim@naver` is a typo, not an address.
pub(crate) fn is_plausible_email(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) || !EmailAddress::is_valid(s) {
        return false;
    }
    match s.rsplit_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.starts_with('[')
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn emails() {
        for ok in ["kim@naver.com", "grace.lee+shop@gmail.com", "a@b.co.kr"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "seoyeon@@example",
            "kim@naver",
            "kim naver.com",
            "@naver.com",
            "kim@.com",
            "김민수",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let input = CustomerInput {
            name: "  ".into(),
            phones: vec![
                super::super::model::PhoneInput {
                    label: PhoneLabel::Mobile,
                    number: "010-1234-5678".into(),
                },
                super::super::model::PhoneInput {
                    label: PhoneLabel::Home,
                    number: "12".into(),
                },
            ],
            email: "x@@y".into(),
            birthday: "1990-02-31".into(),
            staff_id: Some(7),
            ..Default::default()
        };
        let errors = validate(&input, Country::KR, today(), |_| false).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.code)).collect();
        assert_eq!(
            fields,
            vec![
                ("name", FieldErrorCode::Required),
                ("phones.1", FieldErrorCode::InvalidPhone),
                ("email", FieldErrorCode::InvalidEmail),
                ("birthday", FieldErrorCode::InvalidDate),
                ("staff_id", FieldErrorCode::UnknownStaff),
            ]
        );
    }

    #[test]
    fn empty_phone_rows_are_dropped_and_text_is_cleaned() {
        let input = CustomerInput {
            name: " 김  민수 ".into(),
            phones: vec![super::super::model::PhoneInput {
                label: PhoneLabel::Mobile,
                number: " ".into(),
            }],
            ..Default::default()
        };
        let v = validate(&input, Country::KR, today(), |_| true).unwrap();
        assert_eq!(v.name, "김 민수");
        assert!(v.phones.is_empty());
    }
}
