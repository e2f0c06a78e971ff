//! Letters in correct Korean: particles chosen by the name (`josa`) and
//! owners' templates rendered safely (`template`). Issue 5 builds the
//! occasions, batches and printing on these.

pub mod audience;
pub mod builtin;
pub mod for_day;
pub mod josa;
pub mod state;
pub mod store;
pub mod template;

/// The keyword-index terms for a text (letters are searchable history).
pub(crate) fn terms_for(text: &str) -> String {
    crate::history::terms::index_terms(text)
}
