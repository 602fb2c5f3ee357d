//! Persona clustering speed: 100,000 members × (4 numeric + 4 categorical + 1 multi-valued)
//! columns with automatic k in 2..10, the figure the browser benchmark repeats in Chromium.
//! Run: `cargo bench --no-default-features --bench personas`.

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use linimasa::domain::personas::{self, Settings, synthetic::planted};
use linimasa::i18n::Lang;

fn clustering(c: &mut Criterion) {
    let today = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
    let mut group = c.benchmark_group("personas");
    group.sample_size(10);
    for n in [20_000, 100_000] {
        let (columns, members, _) = planted(n, 5, 11);
        let settings = Settings {
            columns,
            k: None,
            seed: 7,
        };
        group.bench_function(format!("find {n} members, automatic k"), |b| {
            b.iter(|| personas::find(&members, &settings, today, Lang::En, &mut |_| {}).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, clustering);
criterion_main!(benches);
