//! Letters in correct Korean: particles chosen by the name (`josa`),
//! owners' templates rendered safely (`template`, sentences with an empty
//! placeholder left out), the built-in letters by occasion and relation
//! (`builtin`), what the placeholders become for a customer (`values`),
//! who a batch goes to (`audience`) and the letters made (`store`).

pub mod audience;
pub mod builtin;
pub mod dates;
pub mod for_day;
pub mod josa;
mod sentences;
pub mod state;
pub mod store;
pub mod template;
pub mod values;

/// The keyword-index terms for a text (letters are searchable history).
pub(crate) fn terms_for(text: &str) -> String {
    crate::history::terms::index_terms(text)
}
