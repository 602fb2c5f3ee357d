//! Times the restore path on the demo workspace: `cargo run --release --example restore_time --no-default-features`
use linimasa::domain::demo::{DemoOptions, generate};
use linimasa::storage::memory::MemoryStore;
use linimasa::storage::workspace;

fn main() {
    let ws = generate(&DemoOptions::new(
        chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    ));
    let store = MemoryStore::new();
    futures::executor::block_on(workspace::save(&store, &ws)).unwrap();
    let t = std::time::Instant::now();
    let loaded = futures::executor::block_on(workspace::load(&store, &ws.info.id))
        .unwrap()
        .unwrap();
    println!(
        "load (read + restore + check) of {} records: {:?}",
        loaded.counts().total(),
        t.elapsed()
    );
}
