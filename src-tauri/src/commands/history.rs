//! A customer's history: sales, payments, contacts, complaints, follow-ups,
//! the timeline, the home-screen agenda and keyword search.
//!
//! What a staff member writes while she has the lock open records her when
//! the form named nobody (`Gate::staff_or_worker`): each entry knows who
//! wrote it.

use chrono::NaiveDate;
use dangol_core::{
    Agenda, Complaint, ComplaintInput, ComplaintUpdate, ContactInput, CustomerStory, Followup,
    FollowupInput, FollowupOrigin, HistoryEntry, HistoryHit, PaymentInput, SaleInput, SaleOutcome,
    Shop, TimelinePage, TimelineQuery,
};
use tauri::State;

use crate::error::CmdResult;
use crate::gate::Gate;

#[tauri::command]
pub fn record_sale(
    app: tauri::AppHandle,
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    mut input: SaleInput,
) -> CmdResult<SaleOutcome> {
    // A staff member's sale (its points and stamps with it) records her.
    input.staff_id = gate.staff_or_worker(input.staff_id);
    let outcome = shop.record_sale(customer_id, &input)?;
    // Her points-earned notice, when the owner turned it on.
    crate::texter::notices_now(&app);
    Ok(outcome)
}

#[tauri::command]
pub fn record_payment(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    mut input: PaymentInput,
) -> CmdResult<HistoryEntry> {
    input.staff_id = gate.staff_or_worker(input.staff_id);
    Ok(shop.record_payment(customer_id, &input)?)
}

#[tauri::command]
pub fn log_contact(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    mut input: ContactInput,
) -> CmdResult<HistoryEntry> {
    input.staff_id = gate.staff_or_worker(input.staff_id);
    Ok(shop.log_contact(customer_id, &input)?)
}

#[tauri::command]
pub fn add_note(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    text: String,
    staff_id: Option<i64>,
) -> CmdResult<HistoryEntry> {
    let staff_id = gate.staff_or_worker(staff_id);
    Ok(shop.add_note(customer_id, &text, staff_id)?)
}

#[tauri::command]
pub fn edit_entry(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    id: i64,
    summary: String,
    detail: String,
    staff_id: Option<i64>,
) -> CmdResult<HistoryEntry> {
    let staff_id = gate.staff_or_worker(staff_id);
    Ok(shop.edit_entry(id, &summary, &detail, staff_id)?)
}

#[tauri::command]
pub fn timeline(shop: State<'_, Shop>, query: TimelineQuery) -> CmdResult<TimelinePage> {
    Ok(shop.timeline(&query)?)
}

#[tauri::command]
pub fn customer_story(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<CustomerStory> {
    Ok(shop.customer_story(customer_id)?)
}

#[tauri::command]
pub fn search_history(
    shop: State<'_, Shop>,
    query: String,
    limit: u32,
) -> CmdResult<Vec<HistoryHit>> {
    Ok(shop.search_history(&query, limit)?)
}

#[tauri::command]
pub fn open_complaint(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    mut input: ComplaintInput,
) -> CmdResult<Complaint> {
    input.staff_id = gate.staff_or_worker(input.staff_id);
    Ok(shop.open_complaint(customer_id, &input)?)
}

#[tauri::command]
pub fn update_complaint(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    id: i64,
    mut update: ComplaintUpdate,
) -> CmdResult<Complaint> {
    update.staff_id = gate.staff_or_worker(update.staff_id);
    Ok(shop.update_complaint(id, &update)?)
}

#[tauri::command]
pub fn add_followup(
    gate: State<'_, Gate>,
    shop: State<'_, Shop>,
    customer_id: i64,
    mut input: FollowupInput,
    origin: FollowupOrigin,
) -> CmdResult<Followup> {
    input.staff_id = gate.staff_or_worker(input.staff_id);
    Ok(shop.add_followup(customer_id, &input, origin)?)
}

#[tauri::command]
pub fn complete_followup(shop: State<'_, Shop>, id: i64) -> CmdResult<Followup> {
    Ok(shop.complete_followup(id)?)
}

#[tauri::command]
pub fn snooze_followup(shop: State<'_, Shop>, id: i64) -> CmdResult<Followup> {
    Ok(shop.snooze_followup(id)?)
}

#[tauri::command]
pub fn reschedule_followup(shop: State<'_, Shop>, id: i64, due: NaiveDate) -> CmdResult<Followup> {
    Ok(shop.reschedule_followup(id, due)?)
}

#[tauri::command]
pub fn agenda(shop: State<'_, Shop>, staff_id: Option<i64>) -> CmdResult<Agenda> {
    Ok(shop.agenda(staff_id)?)
}
