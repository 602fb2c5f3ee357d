//! Report rendering speed: a 12-month report of every profile over 100,000 posts (the demo's
//! posts copied with new IDs up to that count), HTML and CSV, including the compressed data block.
//! Run: `cargo bench --no-default-features --bench report`.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use linimasa::domain::demo::{DemoOptions, generate, with_posts};
use linimasa::domain::report::{self, SECTIONS, figures, template};
use linimasa::domain::{Period, ReportAudience};
use linimasa::i18n::Lang;
use linimasa::present;

fn rendering(c: &mut Criterion) {
    let mut ws = generate(&DemoOptions::new(
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    ));
    with_posts(&mut ws, 100_000);
    let mut def = template(&ws, ReportAudience::ManagementQuarterly, Lang::En).unwrap();
    def.period = Period::ending(def.period.end, 365);
    def.comparison = Some(def.period.previous());
    def.sections = SECTIONS.to_vec();
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("html, 12 months, 100k posts", |b| {
        b.iter(|| {
            let f = figures(&ws, &def);
            present::report::html(&ws, &def, &f, Lang::En)
        })
    });
    group.bench_function("figures only, 12 months, 100k posts", |b| {
        b.iter(|| report::figures(&ws, &def))
    });
    group.finish();
}

criterion_group!(benches, rendering);
criterion_main!(benches);
