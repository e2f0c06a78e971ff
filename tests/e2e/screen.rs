//! What a test does on the screen: waits for what should appear (up to
//! `PATIENCE`), clicks, types, reads texts and toasts, the way a user
//! would. (The app's start and end are in `app.rs`.)

use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::app::{tid, App, PATIENCE};
use crate::webdriver::{keys, Element, WdResult};

impl App {
    /// Waits until `probe` gives `Some`, failing with `what` after `PATIENCE`.
    /// WebDriver errors while waiting (stale elements mid-render) count as "not yet".
    pub fn wait_until<T>(&self, what: &str, mut probe: impl FnMut() -> WdResult<Option<T>>) -> T {
        let started = Instant::now();
        let mut last_error = None;
        self.seen.borrow_mut().clear();
        loop {
            match probe() {
                Ok(Some(found)) => return found,
                Ok(None) => {}
                Err(e) => last_error = Some(e),
            }
            if started.elapsed() > PATIENCE {
                let why = last_error
                    .map(|e| format!(" (last error: {e})"))
                    .unwrap_or_default();
                let seen = self.seen.borrow();
                let seen = if seen.is_empty() {
                    String::new()
                } else {
                    format!("; last seen: {seen}")
                };
                panic!("timed out after {PATIENCE:?} waiting for {what}{why}{seen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// The first displayed element matching `css`, once there is one.
    pub fn wait_for(&self, css: &str) -> Element {
        self.wait_until(&format!("`{css}` to be shown"), || {
            for el in self.wd.find_all(css)? {
                if self.wd.is_displayed(&el)? {
                    return Ok(Some(el));
                }
            }
            Ok(None)
        })
    }

    /// Waits until nothing matching `css` is displayed.
    pub fn wait_gone(&self, css: &str) {
        self.wait_until(&format!("`{css}` to go away"), || {
            for el in self.wd.find_all(css)? {
                if self.wd.is_displayed(&el)? {
                    return Ok(None);
                }
            }
            Ok(Some(()))
        })
    }

    /// The texts of all displayed elements matching `css`.
    pub fn texts(&self, css: &str) -> WdResult<Vec<String>> {
        let mut out = Vec::new();
        for el in self.wd.find_all(css)? {
            if self.wd.is_displayed(&el)? {
                // innerText, not WebDriver's text: WebKitWebDriver drops the
                // text of `overflow: hidden` cells (ellipsised names) that the
                // screen does show.
                let text = self
                    .wd
                    .execute("return arguments[0].innerText;", &[el.to_json()])?;
                out.push(text.as_str().unwrap_or_default().to_string());
            }
        }
        Ok(out)
    }

    /// Clicks the element with this test id once it is shown.
    pub fn click(&self, testid: &str) {
        self.click_css(&tid(testid));
    }

    /// Clicks the first shown element matching `css`.
    /// An element re-rendered between finding and clicking it (stale) is
    /// found again.
    pub fn click_css(&self, css: &str) {
        let started = Instant::now();
        loop {
            let el = self.wait_for(css);
            match self.wd.click(&el) {
                Ok(()) => return,
                Err(e) if e.to_string().contains("stale") && started.elapsed() < PATIENCE => {
                    sleep(Duration::from_millis(50));
                }
                Err(e) => panic!("click {css}: {e}"),
            }
        }
    }

    /// Starts keeping every toast the window raises from now on (`saw_toast`
    /// reads them): a toast lives 3 s, a slow poll could miss it.
    pub fn watch_toasts(&self) {
        self.wd
            .execute("window.__dangolToasts = [];", &[])
            .expect("watch toasts");
    }

    /// Waits until a toast containing `needle` was raised since
    /// `watch_toasts`; returns its text.
    pub fn saw_toast(&self, needle: &str) -> String {
        self.wait_until(&format!("a toast containing {needle:?}"), || {
            let said = self
                .wd
                .execute("return window.__dangolToasts || [];", &[])?;
            let said: Vec<String> = said
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|t| t.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            self.seen.replace(said.join(" | "));
            Ok(said.into_iter().find(|t| t.contains(needle)))
        })
    }

    /// Types into the element with this test id (after what it holds).
    pub fn type_into(&self, testid: &str, text: &str) -> Element {
        let el = self.wait_for(&tid(testid));
        self.wd
            .send_keys(&el, text)
            .unwrap_or_else(|e| panic!("type into {testid}: {e}"));
        el
    }

    /// Empties an input the way a user does: select all, then Backspace.
    pub fn clear(&self, el: &Element) {
        self.wd
            .execute(
                "arguments[0].focus(); arguments[0].select();",
                &[el.to_json()],
            )
            .expect("select");
        self.wd.send_keys(el, keys::BACKSPACE).expect("backspace");
    }

    /// Chooses the option at `index` of the select with this test id, as
    /// picking it with the mouse would (WebKitWebDriver cannot click options).
    pub fn select_index(&self, testid: &str, index: usize) {
        let el = self.wait_for(&tid(testid));
        self.wd
            .execute(
                "arguments[0].selectedIndex = arguments[1];
                 arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
                &[el.to_json(), index.into()],
            )
            .unwrap_or_else(|e| panic!("choose option {index} of {testid}: {e}"));
    }

    /// The current value of the input with this test id.
    pub fn value_of(&self, testid: &str) -> String {
        let el = self.wait_for(&tid(testid));
        self.wd
            .value(&el)
            .unwrap_or_else(|e| panic!("value of {testid}: {e}"))
    }
}
