//! Letters in correct Korean: particles chosen by the name (`josa`) and
//! owners' templates rendered safely (`template`). Issue 5 builds the
//! occasions, batches and printing on these.

pub mod josa;
pub mod template;
