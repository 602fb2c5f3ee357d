//! The pure core: everything Linimasa knows about social media management, as plain data and
//! functions. Never touches a browser API, IndexedDB, the clock, randomness without a seed, or IO;
//! builds and tests natively with `cargo test --no-default-features`.

pub mod audit;
pub mod calendar;
pub mod dashboard;
pub mod demo;
pub mod import;
pub mod merge;
pub mod metric_values;
pub mod metrics;
pub mod model;
pub mod order;
pub mod overview;
pub mod personas;
pub mod platforms;
pub mod reassign;
pub mod report;
pub mod report_cadence;
pub mod service;
pub mod tz;

pub use model::*;

/// A name as a lowercase token for IDs and file names: every character that is not a letter or
/// digit becomes `-`, edges trimmed (`Kopi Café #1` → `kopi-café--1`).
pub fn slug(name: &str) -> String {
    let out: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    out.trim_matches('-').to_owned()
}

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) is prefixed
/// with `'` so that it stays text.
pub fn neutralised(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}
