//! The one error type that crosses IPC: `{code, message, fields}`. `code`
//! is a closed set the frontend translates; `message` is for logs only.

use dangol_core::data::import::limits::FileRefusal;
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
    /// A command panicked (contained: the window shows the problem dialog).
    Panic,
    /// A file the owner chose is not read; `file` says why.
    FileRefused,
    /// The app is locked: the PIN or password first (gate.rs).
    Locked,
    /// The key does not open the shop's file (encrypted elsewhere, or the
    /// key file and keychain lost): the recovery key is needed.
    WrongKey,
    /// Only the owner may do this; a staff member opened the lock.
    OwnerOnly,
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
    /// Every command's error passes here: it is logged (code and kind,
    /// never the message) under the command's span.
    fn from(e: Error) -> Self {
        let message = e.to_string();
        let kind = e.kind();
        let (code, fields, file) = match e {
            Error::NotFound { .. } => (ErrorCode::NotFound, vec![], None),
            Error::Validation(fields) => (ErrorCode::Validation, fields, None),
            Error::Db(_) | Error::Io(_) => (ErrorCode::Storage, vec![], None),
            Error::SchemaTooNew { .. } => (ErrorCode::SchemaTooNew, vec![], None),
            Error::Corrupt(_) => (ErrorCode::Corrupt, vec![], None),
            Error::WrongKey => (ErrorCode::WrongKey, vec![], None),
            Error::File(refusal) => (ErrorCode::FileRefused, vec![], Some(refusal)),
        };
        crate::trace::failed(code, &kind);
        AppError {
            code,
            message,
            fields,
            file,
        }
    }
}

impl AppError {
    /// A command that panicked, as the window is answered.
    pub fn panic() -> Self {
        crate::trace::failed(ErrorCode::Panic, "panic");
        AppError {
            code: ErrorCode::Panic,
            message: "the command stopped".into(),
            fields: vec![],
            file: None,
        }
    }

    /// A command refused because the app is locked.
    pub fn locked() -> Self {
        AppError {
            code: ErrorCode::Locked,
            message: "locked".into(),
            fields: vec![],
            file: None,
        }
    }

    /// A command refused because a staff member, not the owner, is working.
    pub fn owner_only() -> Self {
        AppError {
            code: ErrorCode::OwnerOnly,
            message: "only the owner may do this".into(),
            fields: vec![],
            file: None,
        }
    }

    /// A failure outside the core (the webview, the keychain). Logged as
    /// `internal` with its kind; the message stays out of the log.
    pub fn internal(kind: &str, message: impl Into<String>) -> Self {
        crate::trace::failed(ErrorCode::Internal, kind);
        AppError {
            code: ErrorCode::Internal,
            message: message.into(),
            fields: vec![],
            file: None,
        }
    }
}

pub type CmdResult<T> = Result<T, AppError>;
