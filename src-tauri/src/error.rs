//! The one error type that crosses IPC: `{code, message, fields}`. `code`
//! is a closed set the frontend translates; `message` is for logs only.

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
}

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
    /// Per-field problems when `code` is `validation`.
    pub fields: Vec<FieldError>,
}

impl From<Error> for AppError {
    fn from(e: Error) -> Self {
        let message = e.to_string();
        let (code, fields) = match e {
            Error::NotFound { .. } => (ErrorCode::NotFound, vec![]),
            Error::Validation(fields) => (ErrorCode::Validation, fields),
            Error::Db(_) | Error::Io(_) => (ErrorCode::Storage, vec![]),
            Error::SchemaTooNew { .. } => (ErrorCode::SchemaTooNew, vec![]),
            Error::Corrupt(_) => (ErrorCode::Corrupt, vec![]),
        };
        AppError {
            code,
            message,
            fields,
        }
    }
}

impl AppError {
    pub fn internal(message: impl Into<String>) -> Self {
        AppError {
            code: ErrorCode::Internal,
            message: message.into(),
            fields: vec![],
        }
    }
}

pub type CmdResult<T> = Result<T, AppError>;
