//! The most heap an import of one file holds at once, phase by phase, as the import worker runs
//! it (the file read in pieces as it is split into rows — the worker copies them from the
//! browser's memory, this reads them from the disk —, parse, apply to an empty workspace, each
//! write serialised as the store takes it):
//! `cargo run --release --example memory --no-default-features -- FILE`
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use std::io::{Read, Seek, SeekFrom};

use linimasa::domain::import::{ImportOptions, apply, apply::BatchInfo, parse_pieces};
use linimasa::domain::{Workspace, WorkspaceInfo};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mb(n: usize) -> String {
    format!("{:.0} MB", n as f64 / 1e6)
}

fn report(phase: &str, file: usize) {
    let (now, peak) = (NOW.load(Ordering::Relaxed), PEAK.load(Ordering::Relaxed));
    println!(
        "{phase:<12} held {:>7}, most so far {:>7} ({:.1}× the file)",
        mb(now),
        mb(peak),
        peak as f64 / file as f64
    );
}

fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let mut file = std::fs::File::open(&path).expect("readable");
    let size = file.metadata().expect("a file").len() as usize;
    let options = ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        mappings: Vec::new(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
    };
    let mut read = |at: usize, n: usize, out: &mut Vec<u8>| {
        file.seek(SeekFrom::Start(at as u64)).expect("seekable");
        (&mut file)
            .take(n as u64)
            .read_to_end(out)
            .expect("readable");
    };
    let parsed = parse_pieces(&path, size, &mut read, &options, &mut || {
        report("split", size)
    })
    .expect("parses");
    report("parse", size);
    let mut ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
    let info = BatchInfo {
        id: "b".into(),
        file_name: path.clone(),
        content_hash: "h".into(),
        bytes: size as u64,
        imported_at: chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+07:00").unwrap(),
        profile: None,
    };
    apply(&mut ws, parsed, info);
    report("apply", size);
    // As the IndexedDB store takes them: each write serialised, queued (copied out), dropped.
    let mut largest = 0;
    for op in linimasa::storage::records::workspace_writes(&ws) {
        if let linimasa::storage::Op::PutChunk(_, body) = &op {
            largest = largest.max(body.bytes.len());
        }
    }
    report("writes", size);
    println!("largest write {}", mb(largest));
}
