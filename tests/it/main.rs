//! Native integration tests: whole pipelines from inputs (fixtures, the demo generator) through
//! the domain and the in-memory store.

mod audit;
mod calendar;
mod import;
mod jobs;
mod metrics;
mod personas;
mod report;
mod storage;
mod workspace_file;

use chrono::NaiveDate;
use linimasa::domain::Workspace;
use linimasa::domain::demo::{DemoOptions, generate};

/// The demo as of a fixed day, with a small audience to keep tests quick.
pub fn demo() -> Workspace {
    let mut options = DemoOptions::new(NaiveDate::from_ymd_opt(2026, 11, 27).unwrap());
    options.audience_size = 400;
    generate(&options)
}

pub fn fixture(path: &str) -> Vec<u8> {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}
