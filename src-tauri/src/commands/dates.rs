//! Family members and important dates; what is coming up and what was
//! missed while the app was closed.

use dangol_core::letters::dates::occasions::{
    DateInput, FamilyMember, ImportantDate, Relation, Upcoming,
};
use dangol_core::Shop;
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn add_family_member(
    shop: State<'_, Shop>,
    customer_id: i64,
    name: String,
    relation: Relation,
) -> CmdResult<FamilyMember> {
    Ok(shop.add_family_member(customer_id, &name, relation)?)
}

#[tauri::command]
pub fn family(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<Vec<FamilyMember>> {
    Ok(shop.family(customer_id)?)
}

#[tauri::command]
pub fn add_important_date(
    shop: State<'_, Shop>,
    customer_id: i64,
    input: DateInput,
) -> CmdResult<i64> {
    Ok(shop.add_important_date(customer_id, &input)?)
}

#[tauri::command]
pub fn upcoming_dates(shop: State<'_, Shop>, days: u32) -> CmdResult<Vec<Upcoming>> {
    Ok(shop.upcoming_dates(days.min(366))?)
}

/// The first screen's first write, once a start: it also lets the start's
/// upkeep begin (upkeep.rs), which waited so as not to slow the screen.
#[tauri::command]
pub fn catch_up_dates(
    shop: State<'_, Shop>,
    first_screen: State<'_, crate::upkeep::FirstScreen>,
) -> CmdResult<Vec<Upcoming>> {
    let caught_up = shop.catch_up_dates();
    first_screen.shown();
    Ok(caught_up?)
}

#[tauri::command]
pub fn important_dates(shop: State<'_, Shop>, customer_id: i64) -> CmdResult<Vec<ImportantDate>> {
    Ok(shop.important_dates(customer_id)?)
}

#[tauri::command]
pub fn update_family_member(
    shop: State<'_, Shop>,
    id: i64,
    name: String,
    relation: Relation,
) -> CmdResult<FamilyMember> {
    Ok(shop.update_family_member(id, &name, relation)?)
}

#[tauri::command]
pub fn update_important_date(shop: State<'_, Shop>, id: i64, input: DateInput) -> CmdResult<()> {
    Ok(shop.update_important_date(id, &input)?)
}

#[tauri::command]
pub fn delete_family_member(shop: State<'_, Shop>, id: i64) -> CmdResult<()> {
    Ok(shop.delete_family_member(id)?)
}

#[tauri::command]
pub fn delete_important_date(shop: State<'_, Shop>, id: i64) -> CmdResult<()> {
    Ok(shop.delete_important_date(id)?)
}
