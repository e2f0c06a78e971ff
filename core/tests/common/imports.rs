//! Import tests' helpers: a file previewed in a test shop, the one
//! customer a search finds, her birthday as a tuple, the report's counts.

use dangol_core::data::import::plan::{ImportCounts, ImportOptions, ImportPreview};
use dangol_core::Customer;

use super::files::write;
use super::TestShop;

pub fn preview_of(t: &TestShop, name: &str, bytes: &[u8]) -> (std::path::PathBuf, ImportPreview) {
    let path = write(t.dir.path(), name, bytes);
    let p = t
        .shop
        .preview_import(&path, &ImportOptions::default())
        .unwrap();
    (path, p)
}

pub fn customer(t: &TestShop, query: &str) -> Customer {
    let hits = t.shop.search(query, 5).hits;
    assert_eq!(hits.len(), 1, "one customer for {query}: {hits:?}");
    t.shop.get_customer(hits[0].id).unwrap()
}

pub fn ymd(c: &Customer) -> Option<(Option<i32>, u32, u32, bool)> {
    c.birthday.map(|b| (b.year, b.month, b.day, b.lunar))
}

pub fn counts(rows: u32, ok: u32, with_warnings: u32, not_imported: u32) -> ImportCounts {
    ImportCounts {
        rows,
        ok,
        with_warnings,
        not_imported,
    }
}
