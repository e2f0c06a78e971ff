//! KakaoTalk 알림톡 through the owner's approved templates. Kakao reviews
//! every 알림톡 template before it may be used, and the provider then sends
//! a message only when its text is that template with its `#{변수}` filled
//! in. So the owner enters each template as it was approved (the template
//! code the provider shows, a name she knows it by, and its text), Dangol
//! fills the variables it knows, and the request names the template and
//! carries the values — Solapi's `kakaoOptions` (its SDKs' `KakaoOption`:
//! `pfId`, `templateId`, `variables` keyed `#{이름}` with string values,
//! `disableSms`).
//!
//! 알림톡 is for information only (Kakao's 알림톡 policy): `check` refuses
//! a template whose text reads as advertising (`law::ad_word_in`) or that
//! names a variable Dangol cannot fill (the provider would refuse every
//! message of it), and says which word, in the owner's terms.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::law;
use crate::error::Result;

/// The variables Dangol fills, as they are written in a template.
pub const VARIABLES: &[&str] = &["이름", "매장명", "포인트", "보유포인트", "소멸일"];

/// The longest 알림톡 Kakao takes, in characters.
pub const MAX_CHARS: usize = 1000;

/// A template as the owner entered it (approved by Kakao).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AlimtalkTemplate {
    /// The provider's template code (Solapi's templateId).
    pub code: String,
    /// What she calls it.
    pub name: String,
    /// The approved text, with `#{변수}`.
    pub text: String,
}

/// Why a template cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(export)]
pub enum AlimtalkProblem {
    /// A field left empty ("code", "name", "text").
    Required { field: String },
    /// Longer than an 알림톡 carries.
    TooLong,
    /// Reads as advertising: this word.
    AdWord { word: String },
    /// A `#{변수}` Dangol does not fill.
    UnknownVariable { name: String },
    /// Another template has this code.
    DuplicateCode,
}

/// What goes with an 알림톡 to the provider: the channel, the template and
/// the values, keyed as the template writes them (`#{이름}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlimtalkSend {
    #[serde(rename = "pfId")]
    pub pf_id: String,
    #[serde(rename = "templateId")]
    pub template_id: String,
    pub variables: BTreeMap<String, String>,
}

/// The `#{…}` names in a template's text, in order, each once.
pub(crate) fn variables_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let mut rest = text;
    while let Some(start) = rest.find("#{") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let name = after[..end].trim().to_string();
        if !out.contains(&name) {
            out.push(name);
        }
        rest = &after[end + 1..];
    }
    out
}

impl AlimtalkTemplate {
    fn trimmed(&self) -> Self {
        AlimtalkTemplate {
            code: self.code.trim().to_string(),
            name: self.name.trim().to_string(),
            text: self.text.trim().to_string(),
        }
    }

    /// The first reason it cannot be used, if any.
    pub fn check(&self) -> Option<AlimtalkProblem> {
        for (field, value) in [
            ("code", &self.code),
            ("name", &self.name),
            ("text", &self.text),
        ] {
            if value.trim().is_empty() {
                return Some(AlimtalkProblem::Required {
                    field: field.into(),
                });
            }
        }
        if self.text.chars().count() > MAX_CHARS {
            return Some(AlimtalkProblem::TooLong);
        }
        if let Some(word) = law::ad_word_in(&self.text) {
            return Some(AlimtalkProblem::AdWord { word: word.into() });
        }
        variables_in(&self.text)
            .into_iter()
            .find(|v| !VARIABLES.contains(&v.as_str()))
            .map(|name| AlimtalkProblem::UnknownVariable { name })
    }

    /// The text as it will read, and the values for the provider. A value
    /// Dangol has nothing for is filled with "" (never left as `#{…}`).
    pub fn fill(&self, pf_id: &str, values: &BTreeMap<&str, String>) -> (String, AlimtalkSend) {
        let mut text = self.text.clone();
        let mut variables = BTreeMap::new();
        for name in variables_in(&self.text) {
            let value = values.get(name.as_str()).cloned().unwrap_or_default();
            text = text.replace(&format!("#{{{name}}}"), &value);
            variables.insert(format!("#{{{name}}}"), value);
        }
        let send = AlimtalkSend {
            pf_id: pf_id.trim().to_string(),
            template_id: self.code.clone(),
            variables,
        };
        (text, send)
    }
}

const KEY: &str = "alimtalk_templates";

pub(crate) fn load(conn: &Connection) -> Result<Vec<AlimtalkTemplate>> {
    Ok(crate::store::settings::get(conn, KEY)?.unwrap_or_default())
}

/// Adds a template, or replaces the one with `replacing`'s code; refused
/// (nothing saved) with the reason when it cannot be used.
pub(crate) fn save(
    conn: &Connection,
    t: &AlimtalkTemplate,
    replacing: Option<&str>,
) -> Result<std::result::Result<Vec<AlimtalkTemplate>, AlimtalkProblem>> {
    let t = t.trimmed();
    if let Some(p) = t.check() {
        return Ok(Err(p));
    }
    let mut all = load(conn)?;
    let at = replacing.and_then(|code| all.iter().position(|x| x.code == code));
    if all
        .iter()
        .enumerate()
        .any(|(i, x)| x.code == t.code && Some(i) != at)
    {
        return Ok(Err(AlimtalkProblem::DuplicateCode));
    }
    match at {
        Some(i) => all[i] = t,
        None => all.push(t),
    }
    crate::store::settings::put(conn, KEY, &all)?;
    Ok(Ok(all))
}

pub(crate) fn delete(conn: &Connection, code: &str) -> Result<Vec<AlimtalkTemplate>> {
    let mut all = load(conn)?;
    all.retain(|t| t.code != code);
    crate::store::settings::put(conn, KEY, &all)?;
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> AlimtalkTemplate {
        AlimtalkTemplate {
            code: "KA01TP0001".into(),
            name: "적립".into(),
            text: text.into(),
        }
    }

    #[test]
    fn variables_are_filled_and_sent_keyed_as_written() {
        let tpl = t("#{이름} 님, #{포인트}포인트 적립. 보유 #{보유포인트}포인트 (#{이름})");
        assert_eq!(variables_in(&tpl.text), ["이름", "포인트", "보유포인트"]);
        let values = BTreeMap::from([("이름", "김민지".to_string()), ("포인트", "120".into())]);
        let (text, send) = tpl.fill("KA01PF", &values);
        assert_eq!(text, "김민지 님, 120포인트 적립. 보유 포인트 (김민지)");
        assert_eq!(send.variables["#{이름}"], "김민지");
        assert_eq!(send.variables["#{보유포인트}"], "");
        assert_eq!(send.template_id, "KA01TP0001");
    }

    #[test]
    fn ads_and_unknown_variables_are_refused() {
        assert_eq!(
            t("#{이름} 님, 이번 주 전 품목 할인!").check(),
            Some(AlimtalkProblem::AdWord {
                word: "할인".into()
            })
        );
        assert_eq!(
            t("#{고객명} 님, 적립되었습니다").check(),
            Some(AlimtalkProblem::UnknownVariable {
                name: "고객명".into()
            })
        );
        assert_eq!(
            t("#{이름} 님, #{포인트}포인트가 적립되었습니다").check(),
            None
        );
    }
}
