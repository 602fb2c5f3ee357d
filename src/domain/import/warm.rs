//! Warming the importers: a small generated export read the way a user's file is (in pieces,
//! split, read into posts, applied to a workspace), so that the engine running the import has
//! compiled their code to its optimised tier before the user's file arrives. WebAssembly engines
//! start every function in a quick baseline tier and swap in optimised code only at a later
//! call: without warming, a user's first large file is read largely by the baseline code.

use chrono::NaiveDate;

use super::ImportOptions;
use super::apply::{BatchInfo, apply};
use super::feed::{Feed, Fingerprinted};
use crate::domain::model::{BatchId, Workspace, WorkspaceInfo};

/// Rows of the generated export: enough calls of the per-row and per-piece code for the
/// engine to optimise it (about 1 MB of text).
pub const WARM_ROWS: usize = 3000;

/// The generated pieces' size: the file is split in several, as a large file is.
const WARM_PIECE: usize = 64 << 10;

/// Rows handed out together when the export is read as a large file is: a block of a large
/// file's size would hold every generated row, and a file of one block is read as a table at
/// its end (`read_tables`), not as it is split.
const WARM_BLOCK_ROWS: usize = 256;

// The generated export is read as it is split, a block at a time, in several blocks.
const _: () =
    assert!(WARM_BLOCK_ROWS >= super::stream::MIN_FIRST_ROWS && WARM_ROWS >= 4 * WARM_BLOCK_ROWS);

/// How many times the generated export is read as a large file is. V8 optimises a function
/// only once it has run a budget of its code (`--wasm-tiering-budget`), and has no way to swap
/// optimised code into a call already running: code run once per file (the duplicate pass at
/// the end, the last block's checks) needs several files before the user's, or it reads the
/// user's whole file in the baseline tier.
pub const WARM_PASSES: usize = 6;

/// How the warm-up reads the generated export.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Way {
    /// As a large file is: in pieces split as they come, the rows read into posts a block at
    /// a time.
    Large,
    /// As a file within the import's first piece is: gathered whole, split, and read as a
    /// table.
    Small,
}

/// Reads a generated Meta Business Suite posts export of `rows` rows through the whole import
/// (fingerprinted, read, split, read into posts, applied to a workspace; nothing is stored),
/// [`WARM_PASSES`] times as a large file is read and once as a small one; returns the posts
/// read.
pub fn warm_up(rows: usize, today: NaiveDate) -> usize {
    let text = meta_posts(rows);
    let mut posts = 0;
    for _ in 0..WARM_PASSES {
        posts = read_once(text.as_bytes(), Way::Large, today);
    }
    posts.min(read_once(text.as_bytes(), Way::Small, today))
}

/// The feed that reads the generated export of `size` bytes the `way` given.
fn warm_feed(size: usize, way: Way, options: &ImportOptions) -> Feed {
    match way {
        Way::Large => Feed::with_piece("warm-up.csv", size, WARM_PIECE, options)
            .with_block_rows(WARM_BLOCK_ROWS),
        // The first piece holds the whole file, as a file within 4 MB is read.
        Way::Small => Feed::with_piece("warm-up.csv", size, size, options),
    }
}

/// One import of the generated export, read the `way` given: the posts read.
fn read_once(bytes: &[u8], way: Way, today: NaiveDate) -> usize {
    let options = ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        today,
        mappings: Vec::new(),
    };
    let mut feed = warm_feed(bytes.len(), way, &options);
    let mut reader = Fingerprinted::new(|at: usize, n: usize, out: &mut Vec<u8>| {
        out.extend_from_slice(&bytes[at..(at + n).min(bytes.len())]);
    });
    feed.read_all(&mut |at, n, out| reader.read(at, n, out));
    let Ok(parsed) = feed.finish(&mut || {}) else {
        return 0;
    };
    let posts = parsed.posts.len();
    let mut ws = Workspace::empty(WorkspaceInfo::new("warm-up".into(), "warm-up"));
    let imported_at = today
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
        .fixed_offset();
    apply(
        &mut ws,
        parsed,
        BatchInfo {
            id: BatchId("warm-up".into()),
            file_name: "warm-up.csv".into(),
            content_hash: reader.finish(bytes.len()),
            bytes: bytes.len() as u64,
            imported_at,
            profile: None,
        },
    );
    posts
}

const HEADER: &str = "Post ID,Page ID,Page name,Title,Description,Duration (sec),Publish time,\
Caption type,Permalink,Is crosspost,Is share,Post type,Languages,Custom labels,\
Funded content status,Data comment,Date,Views,Reach,\"Reactions, Comments and Shares\",\
Reactions,Comments,Shares,Total clicks,Other Clicks,\
Matched Audience Targeting Consumption (Photo Click),Link Clicks,\
Negative feedback from users: Hide all,Seconds viewed,Average Seconds viewed,\
Estimated earnings (USD),Ad CPM (USD),Ad impressions,Negative feedback from users: Hide";

const WORDS: [&str; 12] = [
    "kopi", "susu", "gula", "aren", "promo", "baru", "cabang", "jakarta", "pagi", "diskon", "☕",
    "#ngopi",
];

const TYPES: [&str; 5] = ["Photos", "Videos", "Reels", "Links", "Text"];

/// A Meta Business Suite posts export as the English UI writes it (UTF-8 with a byte-order
/// mark, quoted multi-line descriptions, month-first times), with made-up but varied values.
pub fn meta_posts(rows: usize) -> String {
    let mut seed = 42u64;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n.max(1)
    };
    let mut text = String::with_capacity(rows * 400 + 512);
    text.push('\u{feff}');
    text.push_str(HEADER);
    text.push_str("\r\n");
    for i in 0..rows as u64 {
        let id = 1_127_805_492_717_580 + i * 7;
        let words: Vec<&str> = (0..12 + next(20))
            .map(|_| WORDS[next(WORDS.len() as u64) as usize])
            .collect();
        let mut body = words.join(" ");
        if next(5) == 0 {
            body.push_str("\n\"baru\", pagi");
        }
        let body = if body.contains(['"', ',', '\n']) {
            format!("\"{}\"", body.replace('"', "\"\""))
        } else {
            body
        };
        let (month, day, hour, minute) = (1 + next(12), 1 + next(28), next(24), next(60));
        let (reactions, comments, shares) = (next(900), next(90), next(40));
        let reach = 100 + next(90_000);
        let kind = TYPES[next(TYPES.len() as u64) as usize];
        let average = next(2000) as f64 / 100.0;
        let (clicks, other, photo, link, seconds) =
            (next(500), next(300), next(100), next(100), next(9000));
        text.push_str(&format!(
            "{id},100064644191880,Kopi Nusantara,,{body},,{month:02}/{day:02}/2025 {hour:02}:{minute:02},,\
https://www.facebook.com/100064644191880/posts/{id},No,No,{kind},,,,,Lifetime,{views},{reach},{all},\
{reactions},{comments},{shares},{clicks},{other},{photo},{link},0,{seconds},{average},,,,0\r\n",
            views = reach * 2,
            all = reactions + comments + shares,
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::feed::test_options;
    use super::*;

    #[test]
    fn the_warm_up_reads_the_export_as_a_large_file_is_and_as_a_small_one() {
        let text = meta_posts(WARM_ROWS);
        // After which pieces posts were being read, and how many were read.
        let read = |way: Way| {
            let mut feed = warm_feed(text.len(), way, &test_options());
            let mut reading = Vec::new();
            while let Some((at, n)) = feed.next() {
                feed.fill(|out| out.extend_from_slice(&text.as_bytes()[at..at + n]));
                reading.push(feed.is_reading_posts());
            }
            (reading, feed.finish(&mut || {}).unwrap().posts.len())
        };
        // Blocks of the warm-up's size, not of the import's (16 rows in tests, 4,096 else).
        assert_eq!(
            warm_feed(text.len(), Way::Large, &test_options()).block_rows(),
            WARM_BLOCK_ROWS
        );
        let (reading, posts) = read(Way::Large);
        assert_eq!(posts, WARM_ROWS);
        assert!(reading.iter().any(|r| *r), "{reading:?}");
        let (reading, posts) = read(Way::Small);
        assert_eq!((reading, posts), (vec![false], WARM_ROWS));
    }

    #[test]
    fn the_generated_export_is_read_whole() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
        assert_eq!(warm_up(500, today), 500);
        let parsed = super::super::parse(
            "warm-up.csv",
            meta_posts(200).as_bytes(),
            &ImportOptions {
                time_zone: "Asia/Jakarta".into(),
                today,
                mappings: Vec::new(),
            },
        )
        .unwrap();
        assert_eq!(parsed.family, "meta-content");
        assert_eq!(parsed.posts.len(), 200);
        // Every post has its reach and a multi-line description survives.
        assert!(parsed.posts.iter().all(|p| p.metrics.len() >= 8));
        assert!(
            parsed
                .posts
                .iter()
                .any(|p| p.text.contains("\n\"baru\", pagi"))
        );
        assert!(
            !parsed
                .diagnostics
                .iter()
                .any(|d| d.code == "missing-columns")
        );
    }
}
