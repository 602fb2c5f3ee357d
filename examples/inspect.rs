//! Prints what the importer makes of files: `cargo run --example inspect --no-default-features -- FILE...`
use linimasa::domain::import::{ImportOptions, parse};

fn main() {
    let options = ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        mappings: Vec::new(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    for path in std::env::args().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        match parse(&path, &bytes, &options) {
            Ok(p) => {
                let sum = |m| {
                    p.posts
                        .iter()
                        .filter_map(|x| x.metrics.get(&m))
                        .sum::<f64>()
                        + p.daily.iter().filter_map(|(_, x)| x.get(&m)).sum::<f64>()
                };
                println!(
                    "{path}\n  {} {:?} {} lang={} rows={} skipped={} posts={} daily={} activity={} breakdowns={:?} period={:?} account={:?}\n  views={} reach={} impressions={} reactions={} diags={:?}",
                    p.family,
                    p.platform,
                    p.kind,
                    p.language,
                    p.rows,
                    p.skipped,
                    p.posts.len(),
                    p.daily.len(),
                    p.activity.len(),
                    p.breakdowns
                        .iter()
                        .map(|b| b.entries.len())
                        .collect::<Vec<_>>(),
                    p.period,
                    p.account,
                    sum(linimasa::domain::Metric::Views),
                    sum(linimasa::domain::Metric::Reach),
                    sum(linimasa::domain::Metric::Impressions),
                    sum(linimasa::domain::Metric::Reactions),
                    p.diagnostics
                        .iter()
                        .map(|d| format!(
                            "{}:{:?}:{}",
                            d.code,
                            d.row,
                            d.detail.chars().take(60).collect::<String>()
                        ))
                        .take(5)
                        .collect::<Vec<_>>()
                );
            }
            Err(e) => println!("{path}\n  ERROR {e}"),
        }
    }
}
