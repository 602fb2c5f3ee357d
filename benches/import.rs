//! Native benchmark of the import pipeline (decode + parse + normalise) on a synthetic Meta
//! Business Suite posts export generated in-process (the same columns as
//! `scripts/gen-meta-posts.py`). `cargo bench --no-default-features --bench import`

use std::fmt::Write;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use linimasa::domain::import::decode::decode;
use linimasa::domain::import::table::read_delimited;
use linimasa::domain::import::{ImportOptions, parse};

fn meta_posts(rows: usize) -> Vec<u8> {
    let mut out = String::from(
        "\u{feff}\"Post ID\",\"Page ID\",\"Page name\",Title,Description,\"Duration (sec)\",\"Publish time\",\"Caption type\",Permalink,\"Is crosspost\",\"Is share\",\"Post type\",Languages,\"Custom labels\",\"Funded content status\",\"Data comment\",Date,Views,Reach,\"Reactions, Comments and Shares\",Reactions,Comments,Shares,\"Total clicks\",\"Other Clicks\",\"Link Clicks\"\n",
    );
    let mut seed = 42u64;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    for i in 0..rows {
        let id = 1127805492717580u64 + i as u64 * 7;
        let words = [
            "kopi",
            "susu",
            "gula aren",
            "promo",
            "cabang",
            "jakarta",
            "☕",
            "#ngopi",
            "diskon",
            "pagi",
        ];
        let text: Vec<&str> = (0..25)
            .map(|_| words[next(words.len() as u64) as usize])
            .collect();
        let reach = 100 + next(90_000);
        let _ = writeln!(
            out,
            "{id},100064644191880,\"Kopi Nusantara\",,\"{}\",,{:02}/{:02}/2025 {:02}:{:02},,https://www.facebook.com/100064644191880/posts/{id},No,No,Photos,,,,,Lifetime,{},{reach},0,{},{},{},{},{},{}",
            text.join(" "),
            1 + next(12),
            1 + next(28),
            next(24),
            next(60),
            reach * 2,
            next(900),
            next(90),
            next(40),
            next(500),
            next(300),
            next(100)
        );
    }
    out.into_bytes()
}

fn bench(c: &mut Criterion) {
    let options = ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        mappings: Vec::new(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    let bytes = meta_posts(20_000);
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Bytes(bytes.len() as u64));
    group.sample_size(10);
    group.bench_function("meta posts, 20k rows", |b| {
        b.iter(|| parse("posts.csv", &bytes, &options).unwrap().posts.len())
    });
    // The first stages on their own: bytes to text, text to rows of cells.
    group.bench_function("decode", |b| b.iter(|| decode(&bytes).text.len()));
    let text = decode(&bytes).text;
    group.bench_function("decode text, split into rows", |b| {
        b.iter(|| read_delimited(&text).rows.len())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
