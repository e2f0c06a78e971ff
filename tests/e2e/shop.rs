//! What most tests do first: open a shop, add a customer, find her; or,
//! for a test that needs what the window cannot write (a past date, a
//! letter already queued), set the shop up on its file before the app opens.

use std::path::Path;

use dangol_core::{Country, Language, SetupInput, Shop};

use std::sync::Arc;

use dangol_core::store::clock::TravelClock;

use crate::app::{tid, App};
use crate::webdriver;

/// Sets up the shop in a test's data folder (inside `App::launch_with`)
/// through the core, as the first-run card does: a Korean shop in Korea,
/// without the sample customers. Returns it open, to add what the test needs.
pub fn set_up_shop(data: &Path, shop_name: &str) -> Shop {
    set_up_shop_with(
        data,
        &SetupInput {
            shop_name: shop_name.into(),
            country: Country::KR,
            language: Language::Ko,
            with_sample: false,
        },
    )
}

/// `set_up_shop` with another country, language or the sample.
pub fn set_up_shop_with(data: &Path, setup: &SetupInput) -> Shop {
    set_up_shop_on(data, setup, Arc::new(TravelClock::new()))
}

/// `set_up_shop`, with the clock the test moves to make the past through
/// the shop (`clock.travel_to(..)`).
pub fn set_up_shop_clocked(data: &Path, shop_name: &str) -> (Shop, Arc<TravelClock>) {
    let clock = Arc::new(TravelClock::new());
    let setup = SetupInput {
        shop_name: shop_name.into(),
        country: Country::KR,
        language: Language::Ko,
        with_sample: false,
    };
    (set_up_shop_on(data, &setup, clock.clone()), clock)
}

fn set_up_shop_on(data: &Path, setup: &SetupInput, clock: Arc<TravelClock>) -> Shop {
    let shop =
        Shop::open_with(data.join("dangol.sqlite3"), None, clock).expect("open the shop file");
    shop.finish_setup(setup).expect("set up the shop");
    shop
}

/// Starts a shop from the first-run card and waits for the search box.
pub fn open_shop(name: &str, setup_button: &str) -> App {
    let app = App::launch(name);
    app.click(setup_button);
    past_security_step(&app);
    app
}

/// After setup: the PIN is skipped and the recovery key page closed (the
/// lock's own tests, in lock.rs, go through them); then the home screen.
pub fn past_security_step(app: &App) {
    let first = app.wait_for(&format!(
        "{}, {}",
        tid("security-step"),
        tid("search-input")
    ));
    if app
        .wd
        .attribute(&first, "data-testid")
        .ok()
        .flatten()
        .as_deref()
        == Some("security-step")
    {
        app.click("pin-skip");
        app.wait_for(&tid("recovery-words"));
        app.click("recovery-done");
    }
    app.wait_for(&tid("search-input"));
}

/// Adds a customer through the form and waits for her record to show.
pub fn add_customer(app: &App, name: &str, phone: &str, email: &str) {
    app.click("new-customer");
    app.type_into("field-name", name);
    app.type_into("field-phone-0", phone);
    if !email.is_empty() {
        app.type_into("field-email", email);
    }
    app.click("save-customer");
    shows_customer(app, name);
}

/// Waits until the customer screen shows `name`.
pub fn shows_customer(app: &App, name: &str) {
    app.wait_until(&format!("the customer screen of {name}"), || {
        let shown = app.texts(&tid("customer-name"))?;
        Ok(shown.iter().any(|n| n.trim() == name).then_some(()))
    });
    app.wait_for(&tid("customer-detail"));
}

/// Replaces the search text with `query` (typed as keys).
pub fn search(app: &App, query: &str) -> webdriver::Element {
    let input = app.wait_for(&tid("search-input"));
    app.clear(&input);
    if !query.is_empty() {
        app.wd.send_keys(&input, query).expect("type the query");
    }
    input
}

/// Waits until the search box holds `query` and a hit contains `needle`;
/// returns the texts of all hits then shown.
pub fn hits_containing(
    app: &App,
    input: &webdriver::Element,
    query: &str,
    needle: &str,
) -> Vec<String> {
    app.wait_until(
        &format!("a search hit with {needle:?} for {query:?}"),
        || {
            let value = app.wd.value(input)?;
            let hits = app.texts(&tid("search-hit"))?;
            *app.seen.borrow_mut() = format!("value {value:?}, hits {hits:?}");
            if value != query {
                return Ok(None);
            }
            Ok(hits.iter().any(|h| h.contains(needle)).then_some(hits))
        },
    )
}

/// Records a purchase of `amount` through 구매 기록 (typed, then Enter) and
/// waits for the form to close.
pub fn record_sale(app: &App, amount: &str) {
    app.click("action-sale");
    app.type_into(
        "sale-amount",
        &format!("{amount}{}", webdriver::keys::ENTER),
    );
    app.wait_gone(&tid("sale-form"));
}

/// Waits until an element matching `css` shows `needle`; returns its text.
pub fn shows_text(app: &App, css: &str, needle: &str) -> String {
    app.wait_until(&format!("{css} containing {needle:?}"), || {
        let texts = app.texts(css)?;
        *app.seen.borrow_mut() = format!("{texts:?}");
        Ok(texts.into_iter().find(|t| t.contains(needle)))
    })
}
