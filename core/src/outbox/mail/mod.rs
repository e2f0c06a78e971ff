//! Mail from the shop's own mailbox: settings with provider presets, the
//! outbox in SQLite, composing letters as emails (with what advertising
//! law asks for), and the sender that settles every letter as sent, failed
//! with a reason, or of unknown fate — never lost, never sent twice by
//! itself. `law` quotes what Korean law says about advertising. The
//! password never comes here to stay: the shell keeps it in the OS keychain
//! and hands it to a run.

pub mod claim;
pub mod compose;
pub mod law;
pub mod outbox;
pub mod queue;
pub mod sender;
pub mod settings;
pub mod smtp;
