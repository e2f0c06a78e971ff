//! Letter templates as owners write them — `{이름} 님, 잘 지내셨는지요?
//! {가게이름}입니다.` — checked for unknown placeholders before anything is
//! made, and rendered by minijinja underneath: sandboxed (fuel and a
//! recursion limit), with customer values escaped in HTML.
//!
//! A sentence that holds a placeholder is left out when that placeholder is
//! empty for this customer: "작은 선물로 {쿠폰}을 준비했습니다." is said only
//! to a customer who has a coupon, and a shop with no name yet writes no
//! "{가게이름} 드림" line. Owners need no syntax for it; the preview shows it.

use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::josa;
use super::sentences::{self, Compiled, LINE_MARK};

/// Placeholders owners can use, by the key values are given under; each
/// can be written in Korean or English.
pub const PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("name", &["이름", "name"]),
    ("shop", &["가게이름", "가게", "shop"]),
    ("tier", &["등급", "tier"]),
    ("coupon", &["쿠폰", "coupon"]),
    ("date", &["날짜", "date"]),
    ("family", &["가족", "family"]),
    ("birthday", &["생일", "birthday"]),
];

/// What goes into one letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[ts(export)]
pub struct LetterValues {
    pub name: String,
    pub shop: String,
    pub tier: String,
    pub coupon: String,
    pub date: String,
    /// Whose day it is, with 님: "박순자 님", or "부모님" / "your parent"
    /// when the letter was made without her day.
    pub family: String,
    /// What the birthday is called: 생일, 생신, 칠순… / "birthday",
    /// "70th birthday".
    pub birthday: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TemplateProblemCode {
    /// `{주소}`: not a placeholder we know.
    UnknownPlaceholder,
    /// `{은/는}` with no placeholder before it to follow.
    ParticleWithoutWord,
    /// A `{` that is never closed.
    UnclosedBrace,
    /// Longer than `MAX_TEMPLATE_CHARS`: no letter is that long.
    TooLong,
    /// Needs more work to render than a letter ever does (so many
    /// placeholders that the renderer's fuel ran out).
    TooComplex,
}

/// The longest title or body a template may have, in characters: about
/// five printed pages, far beyond any letter, small enough that rendering
/// it for thousands of customers stays quick.
pub const MAX_TEMPLATE_CHARS: usize = 10_000;

/// The renderer's budget per letter (minijinja counts instructions). A
/// built-in letter uses about a hundred; an owner's letter with a
/// placeholder on every line a few hundred.
const FUEL: u64 = 5_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct TemplateProblem {
    pub code: TemplateProblemCode,
    /// What was written between the braces.
    pub text: String,
    /// Where, in characters from the start.
    pub at: u32,
}

impl LetterValues {
    /// The value a placeholder key (`name`, `shop`, …) stands for.
    pub fn value(&self, key: &str) -> &str {
        match key {
            "name" => &self.name,
            "shop" => &self.shop,
            "tier" => &self.tier,
            "coupon" => &self.coupon,
            "family" => &self.family,
            "birthday" => &self.birthday,
            _ => &self.date,
        }
    }
}

fn key_for(name: &str) -> Option<&'static str> {
    let n = name.trim();
    PLACEHOLDERS
        .iter()
        .find(|(_, names)| names.contains(&n))
        .map(|(k, _)| *k)
}

/// Translates an owner's template to minijinja source, or says what is
/// wrong with it. Text outside braces never reaches minijinja as syntax:
/// every `{` is ours to read, so none is left in the literal parts. Each
/// sentence holding placeholders is wrapped in a condition on them.
pub(crate) fn compile(src: &str) -> Result<String, Vec<TemplateProblem>> {
    if src.chars().nth(MAX_TEMPLATE_CHARS).is_some() {
        return Err(vec![TemplateProblem {
            code: TemplateProblemCode::TooLong,
            text: String::new(),
            at: MAX_TEMPLATE_CHARS as u32,
        }]);
    }
    let mut out = Compiled::default();
    let mut problems = vec![];
    let mut last: Option<&str> = None;
    // Text written since the last placeholder: a particle after it follows
    // that text ("{이름} 님{을/를}" → 님을), not the placeholder.
    let mut since = String::new();
    let chars: Vec<char> = src
        .chars()
        .map(|c| if c == LINE_MARK { ' ' } else { c })
        .collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '{' {
            let c = chars[i];
            i += 1;
            if c == '\n' {
                out.end_line();
                since.push(c);
                continue;
            }
            out.sentence.push(c);
            since.push(c);
            if sentences::ends_sentence(c, chars.get(i).copied()) {
                while chars.get(i).is_some_and(|c| *c == ' ' || *c == '\t') {
                    out.sentence.push(chars[i]);
                    i += 1;
                }
                out.end_sentence();
            }
            continue;
        }
        let Some(len) = chars[i + 1..].iter().position(|c| *c == '}') else {
            problems.push(TemplateProblem {
                code: TemplateProblemCode::UnclosedBrace,
                text: String::new(),
                at: i as u32,
            });
            break;
        };
        let inner: String = chars[i + 1..i + 1 + len].iter().collect();
        if let Some(key) = key_for(&inner) {
            out.sentence.push_str(&format!("{{{{ {key} }}}}"));
            if !out.keys.contains(&key) {
                out.keys.push(key);
            }
            last = Some(key);
            since.clear();
        } else if let Some((c, v)) = josa::pair(inner.trim()) {
            match last {
                _ if !since.trim().is_empty() => {
                    let p = josa::particle(&since, (c, v));
                    out.sentence.push_str(&p);
                    since.push_str(&p);
                }
                Some(key) => out
                    .sentence
                    .push_str(&format!("{{{{ {key} | josa(\"{c}\", \"{v}\") }}}}")),
                None => problems.push(TemplateProblem {
                    code: TemplateProblemCode::ParticleWithoutWord,
                    text: inner,
                    at: i as u32,
                }),
            }
        } else {
            problems.push(TemplateProblem {
                code: TemplateProblemCode::UnknownPlaceholder,
                text: inner,
                at: i as u32,
            });
        }
        i += len + 2;
    }
    out.end_sentence();
    if problems.is_empty() {
        Ok(out.jinja)
    } else {
        Err(problems)
    }
}

/// The placeholders a template uses, by key (`name`, `shop`, …), once each.
pub fn used_keys(src: &str) -> Vec<&'static str> {
    let mut keys = vec![];
    let mut rest = src;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        if let Some(k) = key_for(&after[..close]) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        rest = &after[close + 1..];
    }
    keys
}

/// What is wrong with a template (empty when it is fine).
pub fn check(src: &str) -> Vec<TemplateProblem> {
    compile(src).err().unwrap_or_default()
}

fn environment(html: bool) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(FUEL));
    env.set_recursion_limit(16);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(move |_| {
        if html {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.add_filter("josa", |word: String, c: String, v: String| -> String {
        josa::pair(&format!("{c}/{v}")).map_or_else(String::new, |p| josa::particle(&word, p))
    });
    env
}

fn context(v: &LetterValues) -> minijinja::Value {
    minijinja::Value::from_pairs([
        ("name", v.name.as_str()),
        ("shop", v.shop.as_str()),
        ("tier", v.tier.as_str()),
        ("coupon", v.coupon.as_str()),
        ("date", v.date.as_str()),
        ("family", v.family.as_str()),
        ("birthday", v.birthday.as_str()),
    ])
}

/// Renders one template for many customers (compiled once).
pub fn render_all(
    src: &str,
    letters: &[LetterValues],
    html: bool,
) -> Result<Vec<String>, Vec<TemplateProblem>> {
    let jinja = compile(src)?;
    let env = environment(html);
    let failed = |e: minijinja::Error| {
        let code = if e.kind() == minijinja::ErrorKind::OutOfFuel {
            TemplateProblemCode::TooComplex
        } else {
            TemplateProblemCode::UnknownPlaceholder
        };
        vec![TemplateProblem {
            code,
            text: String::new(),
            at: 0,
        }]
    };
    let tmpl = env.template_from_str(&jinja).map_err(failed)?;
    letters
        .iter()
        .map(|v| {
            tmpl.render(context(v))
                .map(|s| sentences::tidy(&s))
                .map_err(failed)
        })
        .collect()
}

pub fn render(
    src: &str,
    values: &LetterValues,
    html: bool,
) -> Result<String, Vec<TemplateProblem>> {
    render_all(src, std::slice::from_ref(values), html).map(|mut v| v.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minsu() -> LetterValues {
        LetterValues {
            name: "김민수".into(),
            shop: "행복한 세탁소".into(),
            tier: "VIP".into(),
            ..Default::default()
        }
    }

    #[test]
    fn particles_follow_the_name() {
        let src = "{이름}{은/는} 잘 지내시죠? {가게이름}{이/가} {이름} 님{을/를} 기다립니다.";
        assert_eq!(
            render(src, &minsu(), false).unwrap(),
            "김민수는 잘 지내시죠? 행복한 세탁소가 김민수 님을 기다립니다."
        );
        let jane = LetterValues {
            name: "Jane".into(),
            ..minsu()
        };
        assert_eq!(render("{name}{은/는}", &jane, false).unwrap(), "Jane은(는)");
    }

    #[test]
    fn a_sentence_whose_placeholder_is_empty_is_left_out() {
        let src = "{이름} 님, 생일을 축하드립니다. 작은 선물로 {쿠폰}{을/를} 준비했습니다.\n늘 감사합니다.\n\n{가게이름} 드림";
        let nothing = LetterValues {
            shop: String::new(),
            ..minsu()
        };
        assert_eq!(
            render(src, &nothing, false).unwrap(),
            "김민수 님, 생일을 축하드립니다.\n늘 감사합니다."
        );
        let gift = LetterValues {
            coupon: "10% 할인 쿠폰".into(),
            ..minsu()
        };
        assert_eq!(
            render(src, &gift, false).unwrap(),
            "김민수 님, 생일을 축하드립니다. 작은 선물로 10% 할인 쿠폰을 준비했습니다.\n늘 감사합니다.\n\n행복한 세탁소 드림"
        );
        // A decimal point or an abbreviation does not end a sentence.
        assert_eq!(
            render("3.5% off, e.g., for {coupon}. Thanks.", &minsu(), false).unwrap(),
            "Thanks."
        );
    }

    #[test]
    fn unknown_placeholders_are_flagged_before_anything_is_made() {
        let problems = check("안녕하세요 {이름}님, {주소}로 보내드려요 {은/는");
        let codes: Vec<_> = problems
            .iter()
            .map(|p| (p.code, p.text.as_str(), p.at))
            .collect();
        assert_eq!(
            codes,
            [
                (TemplateProblemCode::UnknownPlaceholder, "주소", 13),
                (TemplateProblemCode::UnclosedBrace, "", 25),
            ]
        );
        assert_eq!(
            check("{은/는} 처음"),
            vec![TemplateProblem {
                code: TemplateProblemCode::ParticleWithoutWord,
                text: "은/는".into(),
                at: 0
            }]
        );
        assert!(check("{이름}{은/는} {쿠폰}").is_empty());
    }

    #[test]
    fn owner_text_is_never_template_code_and_values_are_escaped_in_html() {
        let sneaky = LetterValues {
            name: "<b>민수</b>".into(),
            ..minsu()
        };
        let out = render("{% for x in range(99999999) %}{이름}", &sneaky, true);
        // `{%` is an unknown placeholder to us, not a loop to minijinja.
        assert!(out.is_err());
        assert_eq!(
            render("{이름}", &sneaky, true).unwrap(),
            "&lt;b&gt;민수&lt;&#x2f;b&gt;"
        );
        assert_eq!(
            render("{{이름}}", &minsu(), false).err().map(|p| p[0].code),
            Some(TemplateProblemCode::UnknownPlaceholder)
        );
    }
}
