//! The one error type that crosses IPC: `{code, message, fields}`. `code`
//! is a closed set the frontend translates; `message` is for logs only.

use dangol_core::import::limits::FileRefusal;
use dangol_core::{Error, FieldError};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    NotFound,
    Validation,
    Storage,
    SchemaTooNew,
    Corrupt,
    Internal,
    /// A file the owner chose is not read; `file` says why.
    FileRefused,
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// Per-field problems when `code` is `validation`.
    pub fields: Vec<FieldError>,
    /// Why a file was refused, when `code` is `file_refused`.
    pub file: Option<FileRefusal>,
}

impl From<Error> for AppError {
    fn from(e: Error) -> Self {
        let message = e.to_string();
        let (code, fields, file) = match e {
            Error::NotFound { .. } => (ErrorCode::NotFound, vec![], None),
            Error::Validation(fields) => (ErrorCode::Validation, fields, None),
            Error::Db(_) | Error::Io(_) => (ErrorCode::Storage, vec![], None),
            Error::SchemaTooNew { .. } => (ErrorCode::SchemaTooNew, vec![], None),
            Error::Corrupt(_) => (ErrorCode::Corrupt, vec![], None),
            Error::File(refusal) => (ErrorCode::FileRefused, vec![], Some(refusal)),
        };
        AppError {
            code,
            message,
            fields,
            file,
        }
    }
}

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: ErrorCode::Internal,
            message: message.into(),
            fields: vec![],
            file: None,
        }
    }
}

pub type CmdResult<T> = Result<T, AppError>;
