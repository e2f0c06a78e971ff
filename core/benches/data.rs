//! The import/export/backup figures in BENCHMARKS.md, at 100,000 customers
//! on real files.
//!
//! ```text
//! cargo bench -p dangol-core --bench data [-- --rows 100000]
//! ```
//!
//! Nothing timed is asserted; every import must bring in every row.

use std::path::Path;
use std::time::Instant;

use dangol_core::data::backup::BackupReason;
use dangol_core::data::import::plan::ImportOptions;
use dangol_core::{sample, Country, CustomerInput, Shop};

fn rows_arg() -> usize {
    let mut it = std::env::args().skip(1);
    let mut n = 100_000;
    while let Some(a) = it.next() {
        if a == "--rows" {
            n = it
                .next()
                .and_then(|v| v.replace('_', "").parse().ok())
                .expect("--rows N");
        }
    }
    n
}

const HEADERS: [&str; 6] = ["이름", "휴대폰", "이메일", "생년월일", "주소", "메모"];

fn cells(c: &CustomerInput) -> [String; 6] {
    [
        c.name.clone(),
        c.phones
            .first()
            .map(|p| p.number.clone())
            .unwrap_or_default(),
        c.email.clone(),
        c.birthday.clone(),
        c.address1.clone(),
        c.memo.clone(),
    ]
}

fn write_csv(path: &Path, people: &[CustomerInput]) {
    let mut w = csv::Writer::from_path(path).unwrap();
    w.write_record(HEADERS).unwrap();
    for c in people {
        w.write_record(cells(c)).unwrap();
    }
    w.flush().unwrap();
}

fn write_xlsx(path: &Path, people: &[CustomerInput]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (i, c) in people.iter().enumerate() {
        for (col, v) in cells(c).iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(i as u32 + 1, col as u16, v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn secs(t: Instant) -> f64 {
    t.elapsed().as_secs_f64()
}

fn main() {
    let n = rows_arg();
    let dir = tempfile::tempdir().unwrap();
    let people = sample::generate(Country::KR, n, 11);
    let (csv, xlsx) = (
        dir.path().join("customers.csv"),
        dir.path().join("customers.xlsx"),
    );
    write_csv(&csv, &people);
    write_xlsx(&xlsx, &people);
    let size = |p: &Path| std::fs::metadata(p).unwrap().len() as f64 / 1e6;
    println!(
        "Data bench: {n} generated customers; CSV {:.1} MB, xlsx {:.1} MB",
        size(&csv),
        size(&xlsx)
    );
    println!();
    println!("| Operation | Seconds | Rows/s |");
    println!("|---|---:|---:|");
    // The generator repeats a few names and numbers: keep every row.
    let mut opts = ImportOptions::default();
    for row in 2..(n as u32 + 2) {
        opts.duplicates.insert(
            row,
            dangol_core::data::import::dupes::DuplicateChoice::KeepBoth,
        );
    }
    for (label, file) in [("CSV", &csv), ("xlsx", &xlsx)] {
        let shop = Shop::open(dir.path().join(format!("{label}.sqlite3"))).unwrap();
        let t = Instant::now();
        let preview = shop.preview_import(file, &opts).unwrap();
        let p = secs(t);
        let t = Instant::now();
        let outcome = shop.import_file(file, &opts).unwrap();
        let s = secs(t);
        assert_eq!(outcome.added as usize, n, "rows lost in {label}");
        assert_eq!(preview.counts.rows as usize, n);
        println!(
            "| Preview (read + check every row) of {n} rows from {label} | {p:.2} | {:.0} |",
            n as f64 / p
        );
        println!("| Import of {n} rows from {label} (backup, read, check, insert, index) | {s:.2} | {:.0} |", n as f64 / s);
        if label == "CSV" {
            for ext in ["xlsx", "csv"] {
                let out = dir.path().join(format!("export.{ext}"));
                let t = Instant::now();
                let count = shop.export_customers(&out, false).unwrap();
                let s = secs(t);
                println!(
                    "| Export of {count} customers to .{ext} | {s:.2} | {:.0} |",
                    count as f64 / s
                );
            }
            let t = Instant::now();
            let b = shop.backup_now(BackupReason::Manual).unwrap();
            let s = secs(t);
            println!(
                "| Backup of the {count}-customer database ({:.0} MB) | {s:.2} | |",
                b.size_bytes as f64 / 1e6,
                count = outcome.added
            );
        }
    }
}
