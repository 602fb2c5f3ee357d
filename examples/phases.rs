//! Times the import phases on one file as the import worker runs them: the file read in 4 MB
//! pieces, fingerprinted and split into rows as they arrive (`import:decode`), then read into
//! records (`import:parse`); medians of `RUNS` runs (3 by default).
//!
//! Natively: `cargo run --release --example phases --no-default-features -- FILE`
//!
//! In WebAssembly, in the V8 that runs the worker (Node's WASI), to time the worker's code
//! without a browser: `bash scripts/wasm-phases.sh FILE`.
use std::time::Instant;

use linimasa::domain::import::{
    Fingerprinted, ImportOptions, file_fingerprint, parse_pieces, table,
};

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let bytes = std::fs::read(&path).expect("readable");
    let options = ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        mappings: Vec::new(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    let mut decode = Vec::new();
    let mut parse = Vec::new();
    let mut records = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let mut decoded = start;
        let mut reader = Fingerprinted::new(|at: usize, n: usize, out: &mut Vec<u8>| {
            let to = at.saturating_add(n).min(bytes.len());
            out.extend_from_slice(&bytes[at.min(to)..to]);
        });
        let parsed = parse_pieces(
            &path,
            bytes.len(),
            &mut |at, n, out| reader.read(at, n, out),
            &options,
            &mut || decoded = Instant::now(),
        )
        .expect("parses");
        let _ = reader.finish(bytes.len());
        let end = Instant::now();
        decode.push((decoded - start).as_secs_f64() * 1e3);
        parse.push((end - decoded).as_secs_f64() * 1e3);
        records = parsed.records();
        drop(parsed);
    }
    let median = |xs: &mut Vec<f64>| {
        xs.sort_by(f64::total_cmp);
        xs[xs.len() / 2]
    };
    // The decode stage's parts, each on its own.
    let time = |f: &mut dyn FnMut()| {
        let t = Instant::now();
        f();
        t.elapsed().as_secs_f64() * 1e3
    };
    let fingerprint = time(&mut || {
        std::hint::black_box(file_fingerprint(&bytes));
    });
    let mut text = "";
    let utf8 = time(&mut || text = std::str::from_utf8(&bytes).expect("UTF-8"));
    let split = time(&mut || {
        let mut pieces = table::DelimitedPieces::default();
        let mut rest = text;
        while !rest.is_empty() {
            let mut at = rest.len().min(linimasa::domain::import::PIECE_BYTES);
            while !rest.is_char_boundary(at) {
                at += 1;
            }
            pieces.push(&rest[..at]);
            rest = &rest[at..];
        }
        std::hint::black_box(pieces.finish());
    });
    println!(
        "parts of decode: fingerprint {fingerprint:.0} ms, UTF-8 check {utf8:.0} ms, split into rows {split:.0} ms"
    );
    let together: Vec<f64> = decode.iter().zip(&parse).map(|(d, p)| d + p).collect();
    let fastest = together.iter().copied().fold(f64::INFINITY, f64::min);
    let (d, p) = (median(&mut decode), median(&mut parse));
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "{mb:.1} MB, {records} records: decode {d:.0} ms, parse {p:.0} ms, together {:.0} ms ({:.0} MB/s), medians of {runs}",
        d + p,
        mb / (d + p) * 1e3
    );
    println!("fastest run: decode + parse {fastest:.0} ms");
}
