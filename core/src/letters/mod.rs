//! Letters in correct Korean: particles chosen by the name (`josa`) and
//! owners' templates rendered safely (`template`). Issue 5 builds the
//! occasions, batches and printing on these.

pub mod audience;
pub mod builtin;
pub mod josa;
pub mod store;
pub mod template;
