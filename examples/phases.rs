//! Times the import phases on one file: `cargo run --release --example phases --no-default-features -- FILE`
use std::time::Instant;

use linimasa::domain::import::{ImportOptions, decode, parse, table};

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let bytes = std::fs::read(&path).expect("readable");
    let t = Instant::now();
    let d = decode::decode(&bytes);
    let t_decode = t.elapsed();
    let t = Instant::now();
    let tab = table::read_delimited(&d.text);
    let t_table = t.elapsed();
    let options = ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        mappings: Vec::new(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    let t = Instant::now();
    let p = parse(&path, &bytes, &options).expect("parses");
    let t_all = t.elapsed();
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "{mb:.1} MB, {} rows: decode {t_decode:?}, rows {t_table:?}, whole parse {t_all:?} ({:.0} MB/s)",
        tab.rows.len(),
        mb / t_all.as_secs_f64()
    );
    let _ = p;
}
