//! Errors of the core, typed so that the shell can map each to a closed set
//! of codes the frontend translates; the UI never matches on error text.

use serde::Serialize;
use ts_rs::TS;

/// Why one field of a form was refused. `field` names the input
/// (`name`, `email`, `phones.0`, `birthday`, …) so the UI can show the
/// message right next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    pub field: String,
    pub code: FieldErrorCode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FieldErrorCode {
    /// Left empty but needed.
    Required,
    /// Longer than we keep.
    TooLong,
    /// Not a phone number anyone could dial.
    InvalidPhone,
    /// Not an email address.
    InvalidEmail,
    /// Not a date, or a date that does not exist (30 February).
    InvalidDate,
    /// A date in the future where only the past makes sense.
    FutureDate,
    /// Refers to a staff member who does not exist.
    UnknownStaff,
    /// Not one of the allowed values.
    InvalidChoice,
    /// Not an amount of money in the shop's currency.
    InvalidAmount,
    /// More than the customer owes (a payment), or than the sale (paid now).
    ExceedsBalance,
    /// The step is not allowed from where the record is now (a resolved
    /// complaint cannot be reopened).
    InvalidTransition,
    /// A coupon already used.
    CouponUsed,
    /// A coupon past its last day.
    CouponExpired,
    /// Another customer's coupon.
    CouponNotHers,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: FieldErrorCode) -> Self {
        Self {
            field: field.into(),
            code,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: i64 },
    #[error("invalid input: {0:?}")]
    Validation(Vec<FieldError>),
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("database schema version {found} is newer than this app knows ({known})")]
    SchemaTooNew { found: i64, known: i64 },
    /// An encrypted shop or backup that the key given does not open.
    #[error("the key does not open this file")]
    WrongKey,
    #[error("stored data is damaged: {0}")]
    Corrupt(String),
    /// A file the owner chose that is not read, and why (too big, not a
    /// spreadsheet, protected, damaged): said to her in plain words.
    #[error("file refused: {0:?}")]
    File(crate::data::import::limits::FileRefusal),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// True when SQLite stopped the statement because the app is closing
    /// (`store::reads`): not a fault of the data.
    pub fn is_interrupted(&self) -> bool {
        matches!(self, Error::Db(rusqlite::Error::SqliteFailure(e, _))
            if e.code == rusqlite::ErrorCode::OperationInterrupted)
    }

    /// What kind of error, in words that carry no data — which SQLite or
    /// I/O error, which fields a form had wrong — for the app's log, which
    /// must never hold what the owner or her customers typed (a SQLite
    /// message can quote a value; a path can hold a name).
    pub fn kind(&self) -> String {
        match self {
            Error::NotFound { what, .. } => format!("not_found:{what}"),
            Error::Validation(fields) => {
                let fields: Vec<String> = fields
                    .iter()
                    .map(|f| format!("{}={:?}", f.field, f.code))
                    .collect();
                format!("validation:{}", fields.join(","))
            }
            Error::Db(rusqlite::Error::SqliteFailure(f, _)) => {
                format!("sqlite:{:?}/{}", f.code, f.extended_code)
            }
            Error::Db(other) => format!("db:{}", db_kind(other)),
            Error::Io(io) => format!("io:{:?}", io.kind()),
            Error::SchemaTooNew { found, known } => format!("schema_too_new:{found}>{known}"),
            Error::Corrupt(_) => "corrupt".into(),
            Error::WrongKey => "wrong_key".into(),
            Error::File(refusal) => {
                use crate::data::import::limits::FileRefusal as R;
                let why = match refusal {
                    R::TooBig { .. } => "too_big",
                    R::TooManyCells { .. } => "too_many_cells",
                    R::SheetTooLarge { .. } => "sheet_too_large",
                    R::Encrypted => "encrypted",
                    R::NotASpreadsheet { .. } => "not_a_spreadsheet",
                    R::Damaged { .. } => "damaged",
                    R::Empty => "empty",
                    R::Unavailable => "unavailable",
                };
                format!("file_refused:{why}")
            }
        }
    }
}

impl Error {
    /// SQLite's "malformed" and "not a database" as `Corrupt`: what a read
    /// of a damaged page says, where the file is being opened.
    pub(crate) fn damaged_as_corrupt(self) -> Error {
        match self {
            Error::Db(rusqlite::Error::SqliteFailure(e, msg))
                if matches!(
                    e.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                Error::Corrupt(msg.unwrap_or_else(|| e.to_string()))
            }
            other => other,
        }
    }
}

/// The variant of a rusqlite error, without its text.
fn db_kind(e: &rusqlite::Error) -> &'static str {
    match e {
        rusqlite::Error::QueryReturnedNoRows => "no_rows",
        rusqlite::Error::FromSqlConversionFailure(..) => "conversion",
        rusqlite::Error::InvalidColumnType(..) => "column_type",
        rusqlite::Error::InvalidParameterName(..) => "parameter",
        rusqlite::Error::InvalidPath(..) => "path",
        _ => "other",
    }
}
