//! 알림톡 templates, the automatic notices (each shown before it is turned
//! on), "카카오톡으로 보내기 위해 복사"'s opening of KakaoTalk, and the shop's
//! clock offset (so a held text's time can be shown in both clocks).

use dangol_core::outbox::texts::alimtalk::{AlimtalkProblem, AlimtalkTemplate};
use dangol_core::outbox::texts::notices::{NoticeKind, NoticePreview, NoticeSettings};
use dangol_core::Shop;
use serde::Serialize;
use tauri::{AppHandle, State};
use ts_rs::TS;

use crate::error::CmdResult;
use crate::texter;

#[derive(Debug, Clone, Serialize, TS)]
#[ts(export)]
pub struct AlimtalkSaved {
    pub templates: Vec<AlimtalkTemplate>,
    /// Why it was not saved (nothing was).
    pub problem: Option<AlimtalkProblem>,
}

#[tauri::command]
pub fn alimtalk_templates(shop: State<'_, Shop>) -> CmdResult<Vec<AlimtalkTemplate>> {
    Ok(shop.alimtalk_templates()?)
}

#[tauri::command]
pub fn save_alimtalk_template(
    shop: State<'_, Shop>,
    template: AlimtalkTemplate,
    replacing: Option<String>,
) -> CmdResult<AlimtalkSaved> {
    Ok(
        match shop.save_alimtalk_template(&template, replacing.as_deref())? {
            Ok(templates) => AlimtalkSaved {
                templates,
                problem: None,
            },
            Err(p) => AlimtalkSaved {
                templates: shop.alimtalk_templates()?,
                problem: Some(p),
            },
        },
    )
}

#[tauri::command]
pub fn delete_alimtalk_template(
    shop: State<'_, Shop>,
    code: String,
) -> CmdResult<Vec<AlimtalkTemplate>> {
    Ok(shop.delete_alimtalk_template(&code)?)
}

#[tauri::command]
pub fn notice_settings(shop: State<'_, Shop>) -> CmdResult<NoticeSettings> {
    Ok(shop.notice_settings()?)
}

#[tauri::command]
pub fn notice_preview(
    shop: State<'_, Shop>,
    kind: NoticeKind,
    alimtalk: Option<String>,
) -> CmdResult<NoticePreview> {
    Ok(shop.notice_preview(kind, alimtalk.as_deref())?)
}

/// Turns a notice on (with the preview's text she saw) or off; what is
/// due goes at once.
#[tauri::command]
pub fn set_notice(
    app: AppHandle,
    shop: State<'_, Shop>,
    kind: NoticeKind,
    on: bool,
    alimtalk: Option<String>,
    seen: String,
) -> CmdResult<NoticeSettings> {
    let s = shop.set_notice(kind, on, alimtalk, &seen)?;
    texter::notices_now(&app);
    Ok(s)
}

/// Opens KakaoTalk on this computer; false when it is not installed.
#[tauri::command]
pub fn open_kakaotalk() -> bool {
    crate::kakao::open()
}

/// The shop's clock's offset from UTC now, in minutes (the texts' night
/// rule is in shop time; the window shows the computer's).
#[tauri::command]
pub fn text_shop_offset(shop: State<'_, Shop>) -> i32 {
    shop.utc_offset_minutes()
}
