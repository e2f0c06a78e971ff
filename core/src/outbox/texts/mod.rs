//! Texts: SMS and LMS (chosen by length) and KakaoTalk 알림톡, sent through
//! a Korean messaging provider with the shop's own account (Solapi first,
//! behind `provider::TextProvider` so another can be added), through the
//! same outbox as email — one letter goes once, by one channel — with the
//! law built in (`law`) and time from the injected clock (`store::clock`).

pub mod alimtalk;
pub mod law;
pub mod length;
pub mod notices;
pub mod notices_due;
pub mod outbox;
pub mod provider;
pub mod queue;
pub mod sender;
pub mod settings;
pub mod solapi;
