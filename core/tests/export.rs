//! Export: .xlsx and CSV with BOM read back by the importer, and the
//! history as a second sheet.

mod common;

use common::{form, TestShop};
use dangol_core::data::import::plan::ImportOptions;

#[test]
fn export_then_import_gives_the_same_customers() {
    let t = TestShop::new();
    let mut input = form("김민수", "010-2345-6789", "minsu@example.com");
    input.birthday = "1985-03-02".into();
    input.memo = "쉼표, \"따옴표\"도 있는 메모".into();
    t.shop.create_customer(&input).unwrap();
    t.shop
        .create_customer(&form("Jane Park", "+1 213-555-0142", ""))
        .unwrap();
    for name in ["고객.csv", "고객.xlsx"] {
        let path = t.dir.path().join(name);
        assert_eq!(t.shop.export_customers(&path, false).unwrap(), 2);
        if name.ends_with("csv") {
            assert!(
                std::fs::read(&path)
                    .unwrap()
                    .starts_with(&[0xEF, 0xBB, 0xBF]),
                "no BOM"
            );
        }
        let other = TestShop::new();
        other
            .shop
            .import_file(&path, &ImportOptions::default())
            .unwrap();
        let c = other
            .shop
            .get_customer(other.shop.search("김민수", 5).hits[0].id)
            .unwrap();
        assert_eq!(c.phones[0].display, "010-2345-6789", "{name}");
        assert_eq!(c.email.as_deref(), Some("minsu@example.com"), "{name}");
        assert_eq!(c.memo, "쉼표, \"따옴표\"도 있는 메모", "{name}");
        assert_eq!(
            c.birthday.map(|b| (b.year, b.month, b.day)),
            Some((Some(1985), 3, 2)),
            "{name}"
        );
        assert_eq!(other.shop.customer_count().unwrap(), 2, "{name}");
    }
}

#[test]
fn xlsx_export_can_carry_the_history() {
    use calamine::{open_workbook_auto, Reader};
    let t = TestShop::new();
    let id = t
        .shop
        .create_customer(&form("김민수", "010-2345-6789", ""))
        .unwrap()
        .id;
    let sale = dangol_core::SaleInput {
        amount: "30000".into(),
        credit: true,
        items: "케이크".into(),
        ..Default::default()
    };
    t.shop.record_sale(id, &sale).unwrap();
    let path = t.dir.path().join("with-history.xlsx");
    t.shop.export_customers(&path, true).unwrap();
    let mut book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), ["고객", "기록"]);
    let history = book.worksheet_range("기록").unwrap();
    let row: Vec<String> = history
        .rows()
        .nth(1)
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        &row[1..7],
        ["000001", "김민수", "구매", "30000", "30000", "케이크"]
    );
}
