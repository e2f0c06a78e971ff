//! One row of a file to one customer, losing as little as possible: a cell
//! that cannot be kept as it is (an email without its domain, 30 February,
//! a phone too short to dial) is left out and the row is imported with a
//! warning naming the column, the value and why; a value too long is cut.
//! Only a row with no name at all is not imported.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::cells::{cell_text, date_text, phones_in, PhoneFound};
use super::mapping::ImportField;
use super::read::Cell;
use crate::error::FieldErrorCode;
use crate::people::customers::model::{CustomerInput, PhoneInput, PhoneLabel, Source};
use crate::people::customers::validate::{
    self, ValidCustomer, MAX_LINE, MAX_MEMO, MAX_NAME, MAX_PHONES,
};
use crate::store::settings::Country;

/// Why a cell was not kept as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum WarningCode {
    /// Not a phone number anyone could dial: left out.
    NotAPhone,
    /// Not an email address: left empty.
    NotAnEmail,
    /// Not a date, or one that does not exist: left empty.
    NotADate,
    /// A birthday after today: left empty.
    FutureDate,
    /// Longer than is kept: cut.
    Shortened,
    /// A second value where one is kept (another email, an 11th phone, a
    /// merged row's different birthday): not saved, kept here.
    NotKept,
}

impl WarningCode {
    pub const ALL: [WarningCode; 6] = [
        WarningCode::NotAPhone,
        WarningCode::NotAnEmail,
        WarningCode::NotADate,
        WarningCode::FutureDate,
        WarningCode::Shortened,
        WarningCode::NotKept,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WarningCode::NotAPhone => "not_a_phone",
            WarningCode::NotAnEmail => "not_an_email",
            WarningCode::NotADate => "not_a_date",
            WarningCode::FutureDate => "future_date",
            WarningCode::Shortened => "shortened",
            WarningCode::NotKept => "not_kept",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// The most of an original value kept with its warning.
pub const ORIGINAL_KEPT: usize = 1_000;

/// One cell left out or changed, with the value as it was in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CellWarning {
    pub field: ImportField,
    pub code: WarningCode,
    /// The value in the file (the first 1,000 characters).
    pub original: String,
}

impl CellWarning {
    pub fn new(field: ImportField, code: WarningCode, original: &str) -> Self {
        let original = match original.char_indices().nth(ORIGINAL_KEPT) {
            Some((at, _)) => format!("{}…", &original[..at]),
            None => original.to_string(),
        };
        CellWarning {
            field,
            code,
            original,
        }
    }
}

/// A row read from the file, before it is checked.
#[derive(Debug, Clone)]
pub struct ReadRow {
    pub number: u32,
    pub input: CustomerInput,
    pub warnings: Vec<CellWarning>,
    /// The column each of `input.phones` came from, and the cell's text.
    phone_fields: Vec<(ImportField, String)>,
    birthday_original: String,
}

fn join(to: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    // 성 and 이름 in two columns make one Korean name: 김 + 민수 = 김민수.
    let hangul = |c: Option<char>| c.is_some_and(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
    let one_word = hangul(to.chars().last()) && hangul(text.chars().next());
    if !to.is_empty() && !one_word {
        to.push(' ');
    }
    to.push_str(text);
}

/// A postal code Excel kept as a number: 04524 came back as 4524.
fn postal_text(c: &Cell) -> String {
    match c {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..100_000.0).contains(n) => {
            format!("{:05}", *n as u32)
        }
        other => cell_text(other),
    }
}

/// The label a phone gets: what the cell said, else what its column is,
/// else mobile for the first and what the number is for the rest.
fn label_for(field: ImportField, said: Option<PhoneLabel>, text: &str, first: bool) -> PhoneLabel {
    if let Some(l) = said {
        return l;
    }
    if field == ImportField::Phone2 {
        return PhoneLabel::Home;
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let landline = digits.starts_with('0') && !digits.starts_with("01");
    if first || !landline {
        PhoneLabel::Mobile
    } else {
        PhoneLabel::Home
    }
}

/// Reads one row's cells by the mapping.
pub(crate) fn read_row(
    cells: &[Cell],
    mapping: &[ImportField],
    number: u32,
    country: Country,
    today: NaiveDate,
) -> ReadRow {
    let mut row = ReadRow {
        number,
        input: CustomerInput {
            source: Source::Other,
            ..Default::default()
        },
        warnings: vec![],
        phone_fields: vec![],
        birthday_original: String::new(),
    };
    let mut phones: Vec<(ImportField, PhoneInput, String)> = vec![];
    for (col, field) in mapping.iter().enumerate() {
        let cell = cells.get(col).unwrap_or(&Cell::Empty);
        if *cell == Cell::Empty {
            continue;
        }
        let input = &mut row.input;
        match field {
            ImportField::Name => join(&mut input.name, &cell_text(cell)),
            ImportField::Phone | ImportField::Phone2 => {
                for found in phones_in(cell, country) {
                    match found {
                        PhoneFound::Number {
                            text,
                            label,
                            original,
                        } => {
                            let first = phones.is_empty();
                            let label = label_for(*field, label, &text, first);
                            let number = PhoneInput {
                                label,
                                number: text,
                            };
                            phones.push((*field, number, original));
                        }
                        PhoneFound::Bad(piece) => row.warnings.push(CellWarning::new(
                            *field,
                            WarningCode::NotAPhone,
                            &piece,
                        )),
                    }
                }
            }
            ImportField::Email => read_email(&cell_text(cell), &mut input.email, &mut row.warnings),
            ImportField::Birthday => {
                row.birthday_original = cell_text(cell);
                input.birthday = date_text(cell, today);
            }
            ImportField::PostalCode => input.postal_code = postal_text(cell),
            ImportField::Address => join(&mut input.address1, &cell_text(cell)),
            ImportField::AddressDetail => join(&mut input.address2, &cell_text(cell)),
            ImportField::Memo => {
                let text = cell_text(cell);
                if !input.memo.is_empty() && !text.is_empty() {
                    input.memo.push('\n');
                }
                input.memo.push_str(&text);
            }
            ImportField::Ignore => {}
        }
    }
    // The phone column's numbers first, then the second column's.
    phones.sort_by_key(|(f, _, _)| *f != ImportField::Phone);
    for (field, p, original) in phones {
        if row.input.phones.len() >= MAX_PHONES {
            row.warnings
                .push(CellWarning::new(field, WarningCode::NotKept, &original));
            continue;
        }
        row.phone_fields.push((field, original));
        row.input.phones.push(p);
    }
    row
}

/// One email kept; a cell with several keeps the first that reads and
/// warns about the others.
fn read_email(text: &str, email: &mut String, warnings: &mut Vec<CellWarning>) {
    let text = text.trim().trim_start_matches("mailto:");
    let parts: Vec<&str> = text
        .split([';', ',', '/', ' ', '\n'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    if parts.len() <= 1 {
        *email = text.to_string();
        return;
    }
    for part in parts {
        if email.is_empty() && validate::is_plausible_email(part) {
            *email = part.to_string();
        } else {
            let code = if validate::is_plausible_email(part) {
                WarningCode::NotKept
            } else {
                WarningCode::NotAnEmail
            };
            warnings.push(CellWarning::new(ImportField::Email, code, part));
        }
    }
}

fn cut(s: &str, max: usize) -> String {
    s.chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Checks a read row with the customer form's rules, leaving out (with a
/// warning) every cell that does not pass. `None`: the row has no name.
pub fn check(row: &mut ReadRow, country: Country, today: NaiveDate) -> Option<ValidCustomer> {
    for _ in 0..4 {
        let errors = match validate::validate(&row.input, country, today, |_| false) {
            Ok(mut v) => {
                // The same number twice in a row is one phone.
                if v.phones.len() > 1 {
                    let mut seen = std::collections::HashSet::new();
                    v.phones.retain(|p| seen.insert(p.parsed.e164.clone()));
                }
                return Some(v);
            }
            Err(errors) => errors,
        };
        let mut dropped_phones = vec![];
        for e in errors {
            let input = &mut row.input;
            let warn = |field, code, original: &str| CellWarning::new(field, code, original);
            match (e.field.as_str(), e.code) {
                ("name", FieldErrorCode::TooLong) => {
                    row.warnings
                        .push(warn(ImportField::Name, WarningCode::Shortened, &input.name));
                    input.name = cut(&crate::store::text::clean_line(&input.name), MAX_NAME);
                }
                ("name", _) => return None,
                ("email", _) => {
                    row.warnings.push(warn(
                        ImportField::Email,
                        WarningCode::NotAnEmail,
                        &input.email,
                    ));
                    input.email.clear();
                }
                ("birthday", code) => {
                    let code = if code == FieldErrorCode::FutureDate {
                        WarningCode::FutureDate
                    } else {
                        WarningCode::NotADate
                    };
                    let original = if row.birthday_original.is_empty() {
                        input.birthday.clone()
                    } else {
                        row.birthday_original.clone()
                    };
                    row.warnings
                        .push(warn(ImportField::Birthday, code, &original));
                    input.birthday.clear();
                }
                ("postal_code" | "address1" | "address2", _) => {
                    let (field, value) = match e.field.as_str() {
                        "postal_code" => (ImportField::PostalCode, &mut input.postal_code),
                        "address1" => (ImportField::Address, &mut input.address1),
                        _ => (ImportField::AddressDetail, &mut input.address2),
                    };
                    row.warnings
                        .push(warn(field, WarningCode::Shortened, value));
                    *value = cut(&crate::store::text::clean_line(value), MAX_LINE);
                }
                ("memo", _) => {
                    row.warnings
                        .push(warn(ImportField::Memo, WarningCode::Shortened, &input.memo));
                    input.memo = cut(&crate::store::text::clean_text(&input.memo), MAX_MEMO);
                }
                (field, code) => {
                    let Some(i) = field
                        .strip_prefix("phones.")
                        .and_then(|i| i.parse::<usize>().ok())
                        .filter(|i| *i < input.phones.len())
                    else {
                        continue;
                    };
                    let code = if code == FieldErrorCode::TooLong {
                        WarningCode::NotKept
                    } else {
                        WarningCode::NotAPhone
                    };
                    let (field, original) = row
                        .phone_fields
                        .get(i)
                        .cloned()
                        .unwrap_or((ImportField::Phone, input.phones[i].number.clone()));
                    row.warnings.push(warn(field, code, &original));
                    dropped_phones.push(i);
                }
            }
        }
        dropped_phones.sort_unstable();
        for i in dropped_phones.into_iter().rev() {
            row.input.phones.remove(i);
            if i < row.phone_fields.len() {
                row.phone_fields.remove(i);
            }
        }
    }
    None
}
