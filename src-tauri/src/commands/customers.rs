use dangol_core::{
    Customer, CustomerInput, CustomerListQuery, CustomerPage, FieldError, SearchResults, Shop,
};
use tauri::State;

use crate::error::CmdResult;

#[tauri::command]
pub fn search_customers(shop: State<'_, Shop>, query: String, limit: u32) -> SearchResults {
    shop.search(&query, limit as usize)
}

#[tauri::command]
pub fn list_customers(shop: State<'_, Shop>, query: CustomerListQuery) -> CmdResult<CustomerPage> {
    Ok(shop.list_customers(&query)?)
}

#[tauri::command]
pub fn get_customer(shop: State<'_, Shop>, id: i64) -> CmdResult<Customer> {
    Ok(shop.get_customer(id)?)
}

#[tauri::command]
pub fn validate_customer(
    shop: State<'_, Shop>,
    input: CustomerInput,
) -> CmdResult<Vec<FieldError>> {
    Ok(shop.validate_customer(&input)?)
}

#[tauri::command]
pub fn create_customer(shop: State<'_, Shop>, input: CustomerInput) -> CmdResult<Customer> {
    Ok(shop.create_customer(&input)?)
}

#[tauri::command]
pub fn update_customer(
    shop: State<'_, Shop>,
    id: i64,
    input: CustomerInput,
) -> CmdResult<Customer> {
    Ok(shop.update_customer(id, &input)?)
}

#[tauri::command]
pub fn delete_customer(shop: State<'_, Shop>, id: i64) -> CmdResult<()> {
    Ok(shop.delete_customer(id)?)
}
