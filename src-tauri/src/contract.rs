//! The IPC contract, checked: every command the app registers
//! (`generate_handler!` in `lib.rs`) has exactly one wrapper in
//! `ui/src/lib/backend/` (`index.ts` and what it re-exports), every
//! wrapper names a registered command,
//! and each wrapper passes the command's own arguments by their names
//! (Tauri matches a Rust `file_name` to the window's `fileName`). A
//! command added in one place and forgotten in another fails here, not in
//! the owner's window. The types themselves are generated (ts-rs).
//!
//! It also holds the rule for async commands: there are none (see
//! `contain.rs` — every command runs on the blocking pool).
//!
//! The Rust side is read with `syn` (the Rust parser the macros use); the
//! TypeScript side is one regular form, `call<T>('name', { a, b })`, which
//! every wrapper follows.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::visit::Visit;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// `commands::data::restore_backup` → `src-tauri/src/commands/data.rs`.
fn source_of(path: &syn::Path) -> PathBuf {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    let modules = &segments[..segments.len() - 1];
    root()
        .join("src-tauri/src")
        .join(format!("{}.rs", modules.join("/")))
}

/// The paths inside `generate_handler![…]` in `lib.rs`.
fn registered() -> Vec<syn::Path> {
    struct Find(Vec<syn::Path>);
    impl<'a> Visit<'a> for Find {
        fn visit_macro(&mut self, m: &'a syn::Macro) {
            if m.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "generate_handler")
            {
                let parser =
                    syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated;
                let paths = m
                    .parse_body_with(parser)
                    .expect("generate_handler! lists paths");
                self.0.extend(paths);
            }
        }
    }
    let text = std::fs::read_to_string(root().join("src-tauri/src/lib.rs")).expect("lib.rs");
    let file = syn::parse_file(&text).expect("lib.rs parses");
    let mut find = Find(vec![]);
    find.visit_file(&file);
    find.0
}

/// Types the window never sends: Tauri fills them in.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// An argument the window sends: its name, and whether it may be left out.
#[derive(Debug)]
struct Arg {
    name: String,
    optional: bool,
}

fn last_ident(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Reference(r) => last_ident(&r.elem),
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

/// The window's arguments of command `name` in `file`, if it is there.
fn arguments(file: &Path, name: &str) -> Option<Vec<Arg>> {
    let text = std::fs::read_to_string(file).ok()?;
    let parsed = syn::parse_file(&text).ok()?;
    parsed.items.iter().find_map(|item| {
        let syn::Item::Fn(f) = item else { return None };
        if f.sig.ident != name {
            return None;
        }
        let is_command = f.attrs.iter().any(|a| {
            a.path()
                .segments
                .last()
                .is_some_and(|s| s.ident == "command")
        });
        assert!(
            is_command,
            "{name} is registered but not a #[tauri::command]"
        );
        // The rule for async commands (contain.rs): none. Every command
        // runs on the blocking pool inside catch_unwind; an `async` one
        // would run on a tokio task where a panic leaves the window waiting.
        assert!(
            f.sig.asyncness.is_none(),
            "{name} is async: commands are plain fns (see contain.rs)"
        );
        let args = f
            .sig
            .inputs
            .iter()
            .filter_map(|input| {
                let syn::FnArg::Typed(t) = input else {
                    return None;
                };
                let ty = last_ident(&t.ty)?;
                if INJECTED.contains(&ty.as_str()) {
                    return None;
                }
                let syn::Pat::Ident(id) = &*t.pat else {
                    return None;
                };
                Some(Arg {
                    name: camel(&id.ident.to_string()),
                    optional: ty == "Option",
                })
            })
            .collect();
        Some(args)
    })
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Each `call<…>('command', { a, b: x })` in the wrappers: command → keys.
fn wrappers() -> BTreeMap<String, Vec<BTreeSet<String>>> {
    // index.ts and the area files it re-exports (not the tests, not the
    // generated bindings).
    let dir = root().join("ui/src/lib/backend");
    let mut text = String::new();
    for entry in std::fs::read_dir(&dir).expect("ui/src/lib/backend") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".ts") && !name.ends_with(".test.ts") {
            text.push_str(&std::fs::read_to_string(&path).expect("a wrapper file"));
        }
    }
    let call =
        regex::Regex::new(r"(?s)\bcall(?:<[^(]*?>)?\(\s*'([a-z0-9_]+)'\s*(?:,\s*\{([^}]*)\})?")
            .expect("a regex");
    let mut found: BTreeMap<String, Vec<BTreeSet<String>>> = BTreeMap::new();
    for c in call.captures_iter(&text) {
        let keys = c
            .get(2)
            .map(|m| {
                m.as_str()
                    .split(',')
                    .map(|k| k.split(':').next().unwrap_or("").trim().to_string())
                    .filter(|k| !k.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        found.entry(c[1].to_string()).or_default().push(keys);
    }
    found
}

#[test]
fn every_command_has_one_wrapper_with_its_own_arguments() {
    let registered = registered();
    assert!(
        registered.len() > 50,
        "found only {} commands",
        registered.len()
    );
    let wrappers = wrappers();
    let mut problems = vec![];
    let mut names = BTreeSet::new();
    for path in &registered {
        let name = path.segments.last().expect("a name").ident.to_string();
        names.insert(name.clone());
        let Some(args) = arguments(&source_of(path), &name) else {
            problems.push(format!(
                "{name}: no such fn in {}",
                source_of(path).display()
            ));
            continue;
        };
        let Some(calls) = wrappers.get(&name) else {
            problems.push(format!(
                "{name}: registered, but no wrapper in ui/src/lib/backend"
            ));
            continue;
        };
        if calls.len() > 1 {
            problems.push(format!(
                "{name}: {} wrappers in ui/src/lib/backend",
                calls.len()
            ));
        }
        let known: BTreeSet<&str> = args.iter().map(|a| a.name.as_str()).collect();
        for keys in calls {
            for key in keys {
                if !known.contains(key.as_str()) {
                    problems.push(format!(
                        "{name}: the wrapper sends `{key}`, the command takes {known:?}"
                    ));
                }
            }
            for arg in args.iter().filter(|a| !a.optional) {
                if !keys.contains(&arg.name) {
                    problems.push(format!("{name}: the wrapper leaves out `{}`", arg.name));
                }
            }
        }
    }
    for name in wrappers.keys() {
        if !names.contains(name) {
            problems.push(format!(
                "{name}: a wrapper in ui/src/lib/backend, but no such command registered"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "the IPC contract is broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_sees_a_wrapper_that_sends_the_wrong_name() {
    // The checker itself: a snake_case key where camelCase is expected.
    assert_eq!(camel("confirm_empty"), "confirmEmpty");
    let registered = registered();
    let restore = registered
        .iter()
        .find(|p| {
            p.segments
                .last()
                .is_some_and(|s| s.ident == "restore_backup")
        })
        .expect("restore_backup is registered");
    let args = arguments(&source_of(restore), "restore_backup").expect("its fn");
    let names: Vec<&str> = args.iter().map(|a| a.name.as_str()).collect();
    assert!(
        names.contains(&"fileName") && !names.contains(&"file_name"),
        "{names:?}"
    );
    assert!(args.iter().any(|a| a.name == "confirmEmpty" && a.optional));
}

/// The shell goes through the facade (`Shop`) only: it never reaches the
/// storage under it, whose door `Shop::db` is there for the core's tests
/// and benchmarks.
#[test]
fn the_shell_never_reaches_past_the_facade() {
    let mut seen = vec![];
    let mut dirs = vec![root().join("src-tauri/src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("contract.rs")
            {
                let text = std::fs::read_to_string(&path).expect("source");
                if text.contains(".db()") || text.contains("store::db::") {
                    seen.push(path.display().to_string());
                }
            }
        }
    }
    assert!(seen.is_empty(), "past the facade: {seen:?}");
}
