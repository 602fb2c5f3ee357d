//! Importing the files platforms let users export. `parse` turns one file's bytes into
//! [`Parsed`] records plus diagnostics, or an [`ImportError`] that says where and why; it never
//! panics, whatever the bytes. `apply` then merges a parse into a workspace (profiles matched or
//! created, posts de-duplicated and updated) and returns the batch record. Pure: no IO, no clock.
//!
//! The pipeline: [`decode`] (encoding) → [`table`] (dialect, rows) or [`sheet`] (workbooks) →
//! family detection by header ([`header`] dictionaries) → the family's reader → `apply`.

pub mod apply;
mod benchmarks;
mod competitors;
pub mod date;
pub mod decode;
mod facebook;
mod feed;
pub mod generic;
pub mod header;
mod id_index;
mod linkedin;
mod mentions;
pub mod messages;
mod meta;
pub mod people;
mod read;
mod scan;
pub mod sheet;
mod stream;
pub mod table;
mod tiktok;
pub mod value;
pub mod warm;
mod web;
mod x;
mod youtube;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use xxhash_rust::xxh3::Xxh3;

use crate::domain::model::{
    Breakdown, Diagnostic, Metrics, Platform, PostFormat, PostId, Severity,
};
pub use apply::apply;
pub use competitors::ParsedTotals;
pub use feed::{Feed, Fingerprint, Fingerprinted, PIECE_BYTES};

/// What an import needs to know besides the bytes.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The workspace time zone: local times without an offset are read in it.
    pub time_zone: String,
    /// The latest date an export can be about (today in the workspace zone); anchors the years
    /// of yearless dates.
    pub today: NaiveDate,
    /// Saved column mappings of the generic importer (files no family recognises).
    pub mappings: Vec<crate::domain::model::ColumnMapping>,
}

/// The account a file is about, as far as the file says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Account {
    pub external_id: Option<String>,
    pub name: Option<String>,
    pub handle: Option<String>,
}

/// A post as read from a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParsedPost {
    pub id: PostId,
    pub published: chrono::DateTime<chrono::FixedOffset>,
    pub format: PostFormat,
    pub text: String,
    pub permalink: Option<String>,
    pub metrics: Metrics,
    pub promoted: bool,
}

/// What one file holds, ready to be applied to a workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parsed {
    /// The family's stable name (`meta-content`, `tiktok`, ...).
    pub family: String,
    pub platform: Option<Platform>,
    /// The kind of records (`posts`, `daily`, `followers`, `demographics`, `activity`).
    pub kind: String,
    pub account: Account,
    pub posts: Vec<ParsedPost>,
    pub daily: Vec<(NaiveDate, Metrics)>,
    pub activity: Vec<(NaiveDate, u8, f64)>,
    pub breakdowns: Vec<Breakdown>,
    /// Rows read and rows skipped (totals, duplicates, unreadable).
    pub rows: u64,
    pub skipped: u64,
    pub diagnostics: Vec<Diagnostic>,
    /// The normalised header, `|`-joined: the same export type gives the same signature.
    pub header_signature: String,
    /// Every header with the meaning it was given (`None`: not recognised).
    pub columns: Vec<(String, Option<String>)>,
    /// The first and last day the file is about.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The UI language the headers were written in.
    pub language: String,
    /// A per-person audience table (kind `audience`).
    #[serde(default)]
    pub people: Option<people::People>,
    /// Public mentions from a listening tool (kind `mentions`).
    #[serde(default)]
    pub mentions: Vec<crate::domain::Mention>,
    /// Comments and direct messages to the brand from an inbox export (kind `messages`).
    #[serde(default)]
    pub messages: Vec<messages::InboxMessage>,
    /// The column mapping a generic file was read with (saved with the batch).
    #[serde(default)]
    pub mapping: Option<crate::domain::model::ColumnMapping>,
    /// Outside reference values from a benchmark table (kind `benchmarks`).
    #[serde(default)]
    pub benchmarks: Vec<crate::domain::Benchmark>,
    /// Pages' totals over a period from a competitor comparison (kind `competitors`).
    #[serde(default)]
    pub totals: Vec<competitors::ParsedTotals>,
}

impl Parsed {
    /// Records the header: its signature (normalised names joined by `|`, the key saved column
    /// mappings are found by) and each column with what it was mapped to, if anything.
    fn describe_header<'a>(
        &mut self,
        cells: impl Iterator<Item = &'a str> + Clone,
        mapped: impl IntoIterator<Item = Option<&'a str>>,
    ) {
        self.header_signature = generic::signature(cells.clone());
        let mut mapped = mapped.into_iter();
        self.columns = cells
            .map(|c| (c.trim().to_owned(), mapped.next().flatten().map(Into::into)))
            .collect();
    }

    fn new(family: &str, platform: Option<Platform>, kind: &str) -> Self {
        Parsed {
            family: family.into(),
            platform,
            kind: kind.into(),
            account: Account::default(),
            posts: Vec::new(),
            daily: Vec::new(),
            activity: Vec::new(),
            breakdowns: Vec::new(),
            rows: 0,
            skipped: 0,
            diagnostics: Vec::new(),
            header_signature: String::new(),
            columns: Vec::new(),
            period: None,
            language: "en".into(),
            people: None,
            mentions: Vec::new(),
            messages: Vec::new(),
            mapping: None,
            benchmarks: Vec::new(),
            totals: Vec::new(),
        }
    }

    /// Records imported (posts, days, activity hours, breakdown entries).
    pub fn records(&self) -> u64 {
        (self.posts.len()
            + self.daily.len()
            + self.activity.len()
            + self
                .breakdowns
                .iter()
                .map(|b| b.entries.len())
                .sum::<usize>()
            + self.people.as_ref().map_or(0, |p| p.rows.len())
            + self.mentions.len()
            + self.messages.len()
            + self.benchmarks.len()
            + self.totals.len()) as u64
    }

    /// Skips a row that cannot be imported, saying why.
    fn skip(&mut self, row: u64, column: &str, code: &str, detail: String) {
        self.skipped += 1;
        self.note(Severity::Warning, Some(row), Some(column), code, detail);
    }

    fn note(
        &mut self,
        severity: Severity,
        row: Option<u64>,
        column: Option<&str>,
        code: &str,
        detail: String,
    ) {
        self.diagnostics.push(Diagnostic {
            severity,
            row,
            column: column.map(str::to_owned),
            sheet: None,
            code: code.into(),
            detail,
        });
    }
}

/// Why a file could not be imported at all. Nothing from it is stored.
#[derive(Debug, Clone, PartialEq, Error, Serialize, Deserialize)]
#[error("{code} (row {row:?}, column {column:?}): {detail}")]
pub struct ImportError {
    /// A stable code the UI turns into a sentence with what to do.
    pub code: String,
    pub row: Option<u64>,
    pub column: Option<String>,
    pub detail: String,
}

impl ImportError {
    fn new(code: &str, detail: impl Into<String>) -> Self {
        ImportError {
            code: code.into(),
            row: None,
            column: None,
            detail: detail.into(),
        }
    }

    fn at(mut self, row: u64, column: &str) -> Self {
        self.row = Some(row);
        self.column = Some(column.into());
        self
    }
}

/// Reads one exported file. Never panics; an error means nothing of the file is usable.
pub fn parse(name: &str, bytes: &[u8], options: &ImportOptions) -> Result<Parsed, ImportError> {
    parse_staged(name, bytes, options, &mut || {})
}

/// A short hash of some bytes (FNV-1a, 64 bits, hex): the stable ID of a mention or message
/// made from its contents.
pub fn content_hash(bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}

/// The fingerprint an import batch keeps of its file (`xxh3-<length>-<XXH3-64>`, both hex), to
/// recognise a file imported before. XXH3 (`xxhash-rust`) reads a large file several times
/// faster than CRC-32 in WebAssembly (8 bytes a step, no table lookups) and many times faster
/// than [`content_hash`] (FNV-1a, a byte at a time), which stays the hash of the IDs made from
/// records' contents. (Batches of earlier versions kept a CRC-32 or FNV-1a fingerprint: a file
/// imported with them is not recognised as imported again.)
pub fn file_fingerprint(bytes: &[u8]) -> String {
    let mut hasher = Xxh3::new();
    hasher.update(bytes);
    fingerprint_text(bytes.len(), &hasher)
}

fn fingerprint_text(len: usize, hasher: &Xxh3) -> String {
    format!("xxh3-{len:x}-{:016x}", hasher.digest())
}

/// [`parse_owned`] for a file read piece by piece: `read(at, n, out)` appends to `out` the
/// file's bytes from `at`, `n` of them (fewer at its end), as a [`Feed`] asks for them. The
/// result is [`parse`]'s.
pub fn parse_pieces(
    name: &str,
    size: usize,
    read: &mut dyn FnMut(usize, usize, &mut Vec<u8>),
    options: &ImportOptions,
    decoded: &mut dyn FnMut(),
) -> Result<Parsed, ImportError> {
    parse_in(name, size, PIECE_BYTES, read, options, decoded)
}

fn parse_in(
    name: &str,
    size: usize,
    piece: usize,
    read: &mut dyn FnMut(usize, usize, &mut Vec<u8>),
    options: &ImportOptions,
    decoded: &mut dyn FnMut(),
) -> Result<Parsed, ImportError> {
    let mut feed = Feed::with_piece(name, size, piece, options);
    feed.read_all(read);
    feed.finish(decoded)
}

/// [`parse`], calling `decoded` once the bytes are decoded into tables (for progress and
/// timings).
pub fn parse_staged(
    name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    decoded: &mut dyn FnMut(),
) -> Result<Parsed, ImportError> {
    let (tables, note) = tables_of(name, bytes)?;
    decoded();
    read_tables(name, tables, note, options)
}

/// [`parse_staged`] taking the file's bytes: they are dropped once split into tables, so that
/// the bytes, the tables and the records never all live at once ([`parse_pieces`]'s way for
/// files it cannot split as they arrive).
pub fn parse_owned(
    name: &str,
    bytes: Vec<u8>,
    options: &ImportOptions,
    decoded: &mut dyn FnMut(),
) -> Result<Parsed, ImportError> {
    let (tables, note) = tables_of(name, &bytes)?;
    drop(bytes);
    decoded();
    read_tables(name, tables, note, options)
}

/// The bytes decoded and split into tables, and a note when bytes had to be replaced.
fn tables_of(name: &str, bytes: &[u8]) -> Result<(Vec<table::Table>, Option<String>), ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::new("empty-file", name));
    }
    if sheet::is_workbook(bytes) {
        return Ok((sheet::read(bytes)?, None));
    }
    let decoded = decode::decode(bytes);
    if sheet::is_spreadsheet_xml(&decoded.text) {
        return Ok((sheet::read_spreadsheet_xml(&decoded.text)?, None));
    }
    let note = (decoded.replaced > 0).then(|| format!("{} {}", decoded.encoding, decoded.replaced));
    Ok((vec![table::read_delimited(&decoded.text)], note))
}

/// The tables read by the family that recognises them (which may take their rows).
fn read_tables(
    name: &str,
    mut tables: Vec<table::Table>,
    encoding_note: Option<String>,
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let mut parsed = match linkedin::read_workbook(name, &tables, options)
        .or_else(|| competitors::read_named(name, &tables, options))
    {
        Some(result) => result?,
        None => match read::dispatch(&mut tables, options) {
            Err(e) if e.code == "unknown-format" => messages::read(&tables, options)
                .or_else(|| mentions::read(&tables, options))
                .or_else(|| benchmarks::read(&tables, options))
                .or_else(|| competitors::read(name, &tables, options))
                .or_else(|| people::read(&tables))
                .or_else(|| mapped(&mut tables, options))
                .unwrap_or(Err(e))?,
            other => other?,
        },
    };
    if let Some(detail) = encoding_note {
        parsed.note(
            Severity::Warning,
            None,
            None,
            "invalid-bytes-replaced",
            detail,
        );
    }
    Ok(parsed)
}

/// A file no family recognises: read through its saved mapping, or refused with its header so
/// that the user can map its columns; `None` when it has no header to map.
fn mapped(
    tables: &mut [table::Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    let (at, index) = generic::header(tables)?;
    let table = &mut tables[at];
    let signature = generic::signature(table.rows[index].cells());
    Some(
        match options
            .mappings
            .iter()
            .find(|m| m.header_signature == signature)
        {
            Some(mapping) => generic::read(table, index, mapping, options),
            None => Err(generic::needs_mapping(
                &table.rows[index],
                table.rows.get(index + 1),
            )),
        },
    )
}

/// Local time in the workspace zone to an instant with its offset.
pub(crate) fn local_to_instant(
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<i32>,
    zone: &str,
) -> chrono::DateTime<chrono::FixedOffset> {
    local_to_instant_in(date, time, offset, crate::domain::tz::zone(zone).0)
}

/// [`local_to_instant`] in a zone already found by name (a reader of many rows finds it once).
pub(crate) fn local_to_instant_in(
    date: NaiveDate,
    time: Option<NaiveTime>,
    offset: Option<i32>,
    tz: chrono_tz::Tz,
) -> chrono::DateTime<chrono::FixedOffset> {
    use chrono::TimeZone;
    let naive = date.and_time(time.unwrap_or(NaiveTime::MIN));
    if let Some(fixed) = offset.and_then(chrono::FixedOffset::east_opt)
        && let Some(t) = fixed.from_local_datetime(&naive).single()
    {
        return t;
    }
    match tz.from_local_datetime(&naive).earliest() {
        Some(t) => t.fixed_offset(),
        None => chrono::Utc.from_utc_datetime(&naive).fixed_offset(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn options() -> ImportOptions {
        ImportOptions {
            time_zone: "Asia/Jakarta".into(),
            mappings: Vec::new(),
            today: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        }
    }

    /// [`parse_in`] over `bytes` in pieces of `piece` bytes.
    fn in_pieces(name: &str, bytes: &[u8], piece: usize) -> Result<Parsed, ImportError> {
        parse_in(
            name,
            bytes.len(),
            piece,
            &mut |at, n, out| out.extend_from_slice(&bytes[at..(at + n).min(bytes.len())]),
            &options(),
            &mut || {},
        )
    }

    #[test]
    fn every_fixture_reads_the_same_in_pieces() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&path).unwrap();
            let whole = parse(&name, &bytes, &options());
            for piece in [1, 2, 3, 7, 64, 1000] {
                assert_eq!(in_pieces(&name, &bytes, piece), whole, "{name} in {piece}");
                // Fingerprinted as it is read: the hash of the whole bytes.
                let mut reader = Fingerprinted::new(|at: usize, n: usize, out: &mut Vec<u8>| {
                    out.extend_from_slice(&bytes[at..(at + n).min(bytes.len())])
                });
                let read = parse_in(
                    &name,
                    bytes.len(),
                    piece,
                    &mut |at, n, out| reader.read(at, n, out),
                    &options(),
                    &mut || {},
                );
                assert_eq!(read, whole);
                assert_eq!(
                    reader.finish(bytes.len()),
                    file_fingerprint(&bytes),
                    "{name}"
                );
            }
            files += 1;
        }
        assert!(files >= 10);
    }

    #[test]
    fn a_large_export_reads_the_same_in_pieces() {
        let mut text = String::from(
            "\u{feff}\"Post ID\",\"Page ID\",\"Page name\",\"Publish time\",\"Post type\",\"Reach\",\"Reactions\",\"Description\"\r\n",
        );
        let mut i = 0;
        while text.len() < 300_000 {
            text.push_str(&format!(
                "\"{}\",\"42\",\"Kopi ☕\",\"{:02}/{:02}/2026 {:02}:15\",\"Photo\",\"{}\",\"{}\",\"line one\r\nline \"\"two\"\"\"\r\n",
                1000 + i % 2500,
                1 + i % 12,
                1 + i % 28,
                i % 24,
                i * 7,
                i % 13
            ));
            i += 1;
        }
        let whole = parse("posts.csv", text.as_bytes(), &options()).unwrap();
        assert_eq!(whole.posts.len(), 2500, "IDs repeat: later rows win");
        for piece in [4096, 65_537, 100_003] {
            assert_eq!(
                in_pieces("posts.csv", text.as_bytes(), piece).unwrap(),
                whole,
                "{piece}"
            );
        }
        // Damaged bytes far into the file: the whole file decides its encoding.
        let mut damaged = text.into_bytes();
        let at = damaged.len() - 1000;
        damaged[at] = 0xff;
        assert_eq!(
            in_pieces("posts.csv", &damaged, 4096),
            parse("posts.csv", &damaged, &options())
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        /// File names carry meaning (a page, an export's time): any name is safe.
        #[test]
        fn arbitrary_file_names_never_panic(
            before in "\\PC{0,12}",
            marker in proptest::sample::select(vec!["_competitor_analytics_", "_CONTENT_", "_followers_", ""]),
            after in "\\PC{0,16}",
        ) {
            let name = format!("{before}{marker}{after}");
            let body = "Page,Total followers,New followers,Total post engagements,Total posts\nKopi,10,1,5,2\n";
            let _ = parse(&name, body.as_bytes(), &options());
        }

        #[test]
        fn arbitrary_bytes_read_the_same_in_pieces(
            bytes in proptest::collection::vec(any::<u8>(), 0..1024),
            piece in 1usize..64,
        ) {
            let mut with_sep = b"sep=,\n\"Date\",\"Video Views\",\"Likes\"\n".to_vec();
            with_sep.extend_from_slice(&bytes);
            for b in [&bytes, &with_sep] {
                prop_assert_eq!(in_pieces("x.csv", b, piece), parse("x.csv", b, &options()));
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = parse("x.csv", &bytes, &options());
        }

        #[test]
        fn arbitrary_text_never_panics(text in "[a-zA-Z0-9,;\"\\n\\t#:/ .-]{0,400}") {
            let _ = parse("x.csv", text.as_bytes(), &options());
            let with_header = format!("\"Date\",\"Video Views\",\"Profile Views\",\"Likes\",\"Comments\",\"Shares\"\n{text}");
            let _ = parse("x.csv", with_header.as_bytes(), &options());
        }
    }
}
