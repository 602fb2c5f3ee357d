//! Where a 12-month report over 100,000 posts spends its time (native, release):
//! `cargo run --release --no-default-features --example report_time`.

use std::time::Instant;

use chrono::NaiveDate;
use linimasa::domain::demo::{DemoOptions, generate, with_posts};
use linimasa::domain::report::{self, SECTIONS, template};
use linimasa::domain::{Period, ReportAudience, audit, dashboard, metrics};
use linimasa::i18n::Lang;
use linimasa::present;
use linimasa::storage::migrate;

fn main() {
    let mut ws = generate(&DemoOptions::new(
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    ));
    with_posts(&mut ws, 100_000);
    let mut def = template(&ws, ReportAudience::ManagementQuarterly, Lang::En).unwrap();
    def.period = Period::ending(def.period.end, 365);
    def.comparison = Some(def.period.previous());
    def.sections = SECTIONS.to_vec();
    let t = Instant::now();
    let ix = metrics::Index::new(&ws);
    println!("index {:?}", t.elapsed());
    let t = Instant::now();
    let ids: Vec<_> = def.profiles.clone();
    let _d = dashboard::compute_over(
        &ix,
        ids,
        def.period,
        def.period.previous(),
        true,
        Default::default(),
    );
    println!("dashboard {:?}", t.elapsed());
    let t = Instant::now();
    let _a = audit::run(&ws, 365);
    println!("audit {:?}", t.elapsed());
    let t = Instant::now();
    let f = report::figures(&ws, &def);
    println!("figures {:?}", t.elapsed());
    let t = Instant::now();
    let subset = report::data_subset(&ws, &def);
    println!("subset {:?}", t.elapsed());
    if std::env::args().any(|a| a == "--parts") {
        parts(&subset);
    }
    let t = Instant::now();
    let mut json = Vec::new();
    migrate::write_report_file(&subset, &mut json).unwrap();
    println!("json {:?} ({} bytes)", t.elapsed(), json.len());
    let t = Instant::now();
    let data = migrate::report_data(&subset);
    println!("report_data {:?} ({} bytes)", t.elapsed(), data.len());
    let t = Instant::now();
    let html = present::report::html(&ws, &def, &f, Lang::En);
    println!("html total {:?} ({} bytes)", t.elapsed(), html.len());
}

/// Bytes and time of each part of the data block's JSON.
fn parts(subset: &linimasa::domain::report::ReportData) {
    use linimasa::storage::post_columns::PostColumns;
    let t = Instant::now();
    let posts = serde_json::to_vec(&PostColumns(&subset.posts)).unwrap();
    println!("  posts {:?} ({} bytes)", t.elapsed(), posts.len());
    let v: serde_json::Value = serde_json::from_slice(&posts).unwrap();
    for (k, col) in v.as_object().unwrap() {
        println!("    {k}: {} bytes", col.to_string().len());
    }
    let ws = serde_json::to_value(&subset.workspace).unwrap();
    for (k, part) in ws.as_object().unwrap() {
        println!("  {k}: {} bytes", part.to_string().len());
    }
}
