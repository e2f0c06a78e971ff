//! Letters: templates, a live preview with a real customer, and batches.

use dangol_core::letters::builtin::Occasion;
use dangol_core::letters::store::{Channel, LetterTemplate, MadeLetters};
use dangol_core::letters::template::{self, TemplateProblem};
use dangol_core::Shop;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::CmdResult;

/// A preview: the letter as it will read, or what is wrong with it.
#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct LetterPreview {
    pub title: String,
    pub body: String,
    pub problems: Vec<TemplateProblem>,
    /// Placeholders the template uses that are empty for this customer
    /// (no shop name set, no coupon): their sentences are left out.
    pub empty: Vec<String>,
}

#[tauri::command]
pub fn letter_template(shop: State<'_, Shop>, occasion: Occasion) -> CmdResult<LetterTemplate> {
    Ok(shop.letter_template(occasion)?)
}

#[tauri::command]
pub fn save_letter_template(shop: State<'_, Shop>, template: LetterTemplate) -> CmdResult<()> {
    Ok(shop.save_letter_template(&template)?)
}

#[tauri::command]
pub fn check_letter_template(text: String) -> Vec<TemplateProblem> {
    template::check(&text)
}

#[tauri::command]
pub fn preview_letter(
    shop: State<'_, Shop>,
    title: String,
    body: String,
    customer_id: i64,
    occasion: Option<Occasion>,
) -> CmdResult<LetterPreview> {
    let values = shop.letter_values(customer_id, occasion)?;
    let empty: Vec<String> = template::used_keys(&format!("{title}{body}"))
        .into_iter()
        .filter(|k| values.value(k).trim().is_empty())
        .map(String::from)
        .collect();
    Ok(
        match shop.preview_letter(&title, &body, customer_id, occasion)? {
            Ok((title, body)) => LetterPreview {
                title,
                body,
                problems: vec![],
                empty,
            },
            Err(problems) => LetterPreview {
                title: String::new(),
                body: String::new(),
                problems,
                empty,
            },
        },
    )
}

#[tauri::command]
pub fn make_letters(
    shop: State<'_, Shop>,
    occasion: Occasion,
    customer_ids: Vec<i64>,
    channel: Channel,
) -> CmdResult<MadeLetters> {
    Ok(shop.make_letters(occasion, &customer_ids, channel)?)
}

#[tauri::command]
pub fn letter_recipients(
    shop: State<'_, Shop>,
    audience: dangol_core::letters::audience::Audience,
    occasion: Option<Occasion>,
) -> CmdResult<Vec<dangol_core::letters::audience::Recipient>> {
    Ok(shop.letter_recipients(&audience, occasion)?)
}

#[tauri::command]
pub fn edit_letter(
    shop: State<'_, Shop>,
    id: i64,
    title: String,
    body: String,
) -> CmdResult<dangol_core::letters::store::Letter> {
    Ok(shop.edit_letter(id, &title, &body)?)
}

/// 편지 쓰기 for one of her days: her letter for it, ready to print or email.
#[tauri::command]
pub fn write_letter(
    shop: State<'_, Shop>,
    customer_id: i64,
    date_id: Option<i64>,
    on: chrono::NaiveDate,
    occasion: Option<Occasion>,
) -> CmdResult<dangol_core::letters::store::Letter> {
    Ok(shop.write_letter(customer_id, date_id, on, occasion)?)
}

/// The owner printed these letters: each is marked printed and joins her
/// history.
#[tauri::command]
pub fn mark_letters_printed(
    shop: State<'_, Shop>,
    letter_ids: Vec<i64>,
) -> CmdResult<Vec<dangol_core::letters::store::Letter>> {
    Ok(shop.mark_letters_printed(&letter_ids)?)
}

/// These letters with their state now.
#[tauri::command]
pub fn letters_by_id(
    shop: State<'_, Shop>,
    letter_ids: Vec<i64>,
) -> CmdResult<Vec<dangol_core::letters::store::Letter>> {
    Ok(shop.letters(&letter_ids)?)
}
