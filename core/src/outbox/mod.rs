//! What leaves the shop for a customer: email from the shop's own mailbox
//! (`mail`) and texts through a messaging provider (`texts`). Both go
//! through one `outbox` table, one letter by one channel, never twice.

pub mod mail;
mod settle;
pub mod texts;
