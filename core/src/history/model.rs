//! What a customer's history is made of, as it crosses to the UI.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::people::customers::model::StaffRef;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum HistoryKind {
    Sale,
    Payment,
    Contact,
    Complaint,
    Followup,
    Note,
    /// A tier change, points or a coupon: `summary` says what.
    Loyalty,
    /// A letter made for her: `summary` its title, `detail` its text.
    Letter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContactChannel {
    #[default]
    Phone,
    Visit,
    Email,
    Letter,
    Sms,
    Kakao,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    /// The customer reached us.
    #[default]
    In,
    /// We reached the customer.
    Out,
}

/// Albrecht's seven sins of service, then the everyday kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComplaintCategory {
    Apathy,
    BrushOff,
    Coldness,
    Condescension,
    Robotism,
    RuleBook,
    Runaround,
    Product,
    Price,
    Delivery,
    #[default]
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ComplaintStatus {
    #[default]
    Open,
    InProgress,
    Resolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FollowupOrigin {
    Sale,
    Complaint,
    Manual,
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryEntry {
    pub id: i64,
    pub customer_id: i64,
    pub kind: HistoryKind,
    pub happened_at: DateTime<Utc>,
    pub staff: Option<StaffRef>,
    /// Minor units of the shop currency: a sale's total, a payment.
    pub amount: i64,
    /// What this entry added to the balance owed (negative for payments).
    pub owed_delta: i64,
    pub channel: Option<ContactChannel>,
    pub direction: Option<Direction>,
    pub summary: String,
    pub detail: String,
    pub complaint_id: Option<i64>,
    pub created_at: DateTime<Utc>,
    pub edited_at: Option<DateTime<Utc>>,
}

/// A sale as typed: the total, and with `credit` (외상) what was paid now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct SaleInput {
    pub amount: String,
    pub items: String,
    pub credit: bool,
    /// Only with `credit`: paid at the counter now; empty is nothing.
    pub paid_now: String,
    pub staff_id: Option<i64>,
    /// Take her tier's discount off the amount.
    pub apply_tier_discount: bool,
    /// A coupon of hers to use.
    pub coupon_id: Option<i64>,
    /// Points to pay with; empty for none.
    pub use_points: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct PaymentInput {
    pub amount: String,
    pub memo: String,
    pub staff_id: Option<i64>,
}

/// A call, a visit, a message: the inquiry and the answer we gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct ContactInput {
    pub channel: ContactChannel,
    pub direction: Direction,
    pub inquiry: String,
    pub answer: String,
    pub staff_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct ComplaintInput {
    pub category: ComplaintCategory,
    pub description: String,
    pub staff_id: Option<i64>,
}

/// Moving a complaint along: to in progress, or resolved with how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct ComplaintUpdate {
    pub status: ComplaintStatus,
    pub resolution: String,
    pub compensation: String,
    pub staff_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Complaint {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub category: ComplaintCategory,
    pub description: String,
    pub status: ComplaintStatus,
    pub resolution: String,
    pub compensation: String,
    pub opened_on: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
    pub staff: Option<StaffRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct FollowupInput {
    /// `YYYY-MM-DD` (or the forms birthdays accept).
    pub due: String,
    pub reason: String,
    pub staff_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Followup {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub customer_phone: Option<String>,
    pub due: NaiveDate,
    pub reason: String,
    pub origin: FollowupOrigin,
    pub done_at: Option<DateTime<Utc>>,
    pub staff: Option<StaffRef>,
}

/// The top of the customer screen: what she owes and what is pending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct CustomerStory {
    pub balance_owed: i64,
    pub visits: u32,
    pub total_spent: i64,
    pub last_visit: Option<DateTime<Utc>>,
    pub open_complaints: Vec<Complaint>,
    pub followups: Vec<Followup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct TimelineQuery {
    pub customer_id: i64,
    /// Empty: every kind.
    pub kinds: Vec<HistoryKind>,
    pub offset: u32,
    pub limit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TimelinePage {
    pub total: u32,
    pub entries: Vec<HistoryEntry>,
}

/// The home screen: what needs doing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Agenda {
    pub today: NaiveDate,
    /// Due today or earlier and not done, oldest first.
    pub followups: Vec<Followup>,
    pub open_complaints: Vec<Complaint>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HistoryHit {
    pub entry_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub kind: HistoryKind,
    pub happened_at: DateTime<Utc>,
    /// A piece of the text around the first match.
    pub snippet: String,
}
