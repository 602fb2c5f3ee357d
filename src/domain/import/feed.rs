//! A file read piece by piece, by whoever holds it: the [`Feed`] says which bytes it wants next
//! and takes them as they come, so that a caller can read the next piece while the last one is
//! being split (the import worker asks the browser for piece `n + 1` before splitting piece
//! `n`). Delimited UTF-8 text, the form of most large exports, is split into rows as the pieces
//! arrive, so the file's bytes are never all held at once; anything else (workbooks, other
//! encodings, damaged UTF-8, small files) is gathered whole and read as
//! [`super::parse_owned`] reads it. Either way the result is [`super::parse`]'s.

use xxhash_rust::xxh3::Xxh3;

use super::stream::{Ending, PostStream};
use super::{ImportError, ImportOptions, Parsed, decode, read_tables, sheet, table};

/// How much of a file a [`Feed`] asks for at a time.
pub const PIECE_BYTES: usize = 4 << 20;

/// The first piece is at least this long: enough to tell the file's kind and encoding from.
const HEAD_BYTES: usize = 16 << 10;

/// One file's bytes on their way to becoming tables.
pub struct Feed {
    name: String,
    size: usize,
    piece: usize,
    /// How many rows a split hands out together (see [`table::ROWS_PER_BLOCK`]).
    block_rows: usize,
    options: ImportOptions,
    state: State,
}

enum State {
    /// Nothing read yet.
    Start,
    /// Delimited UTF-8 text split as it arrives. `text` holds the bytes not split yet (a
    /// character or row cut by a piece's end, then the piece just read); `at` is the next byte
    /// of the file to read.
    Streaming {
        text: Vec<u8>,
        pieces: Box<table::DelimitedPieces>,
        at: usize,
        posts: Posts,
    },
    /// The whole file, gathered before it is read; `complete` once the rest has been read.
    Whole { bytes: Vec<u8>, complete: bool },
    /// A file read into records as it was split.
    Read(Box<Result<Parsed, ImportError>>),
}

/// Whether a streamed file's rows are read into posts as they are split.
enum Posts {
    /// Not known until a block of rows is split.
    Unknown,
    /// They are: the posts read so far.
    Reading(Box<PostStream>),
    /// They are not (no posts family reads them): they are kept, and read at the end.
    Kept,
}

impl Feed {
    /// A feed for a file of `size` bytes, read in [`PIECE_BYTES`] pieces.
    pub fn new(name: &str, size: usize, options: &ImportOptions) -> Feed {
        Feed::with_piece(name, size, PIECE_BYTES, options)
    }

    /// A feed reading pieces of `piece` bytes (any size: tests cut files everywhere).
    pub fn with_piece(name: &str, size: usize, piece: usize, options: &ImportOptions) -> Feed {
        Feed {
            name: name.to_owned(),
            size,
            piece: piece.max(1),
            block_rows: table::ROWS_PER_BLOCK,
            options: options.clone(),
            state: State::Start,
        }
    }

    /// The feed, its split rows handed out `block_rows` at a time instead of
    /// [`table::ROWS_PER_BLOCK`]: a file of a few pieces then goes the way of a large one, its
    /// rows read into posts a block at a time as they are split (the import's warm-up; a
    /// posts export is read so only from a first block of at least
    /// [`super::stream::MIN_FIRST_ROWS`] rows).
    pub fn with_block_rows(mut self, block_rows: usize) -> Feed {
        self.block_rows = block_rows;
        self
    }

    /// The first bytes a feed of [`Feed::new`] asks for, `(at, n)`: those a reader may ask
    /// for before the feed exists.
    pub fn first_piece(size: usize) -> (usize, usize) {
        first_bytes(PIECE_BYTES, size)
    }

    /// The bytes to read next, `(at, n)`: `n` bytes from byte `at` (fewer at the file's end);
    /// `None` once the feed has every byte it needs.
    pub fn next(&self) -> Option<(usize, usize)> {
        match &self.state {
            State::Start => Some(first_bytes(self.piece, self.size)),
            State::Streaming { at, .. } => {
                (*at < self.size).then(|| (*at, self.piece.min(self.size - at)))
            }
            State::Whole { bytes, complete } => {
                (!complete).then(|| (bytes.len(), self.size.saturating_sub(bytes.len())))
            }
            State::Read(_) => None,
        }
    }

    /// The bytes [`Feed::next`] asked for: `write` appends them to the vector it is given (the
    /// feed's own buffer, so that they are copied once). A text piece is split into rows at
    /// once.
    pub fn fill(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        let Some((_, n)) = self.next() else {
            return;
        };
        match &mut self.state {
            State::Start => {
                let mut head = Vec::with_capacity(n.max(self.piece) + 4);
                write(&mut head);
                self.start(head, n);
            }
            State::Streaming { text, at, .. } => {
                write(text);
                *at += n;
                self.split();
            }
            State::Whole { bytes, complete } => {
                write(bytes);
                *complete = true;
            }
            State::Read(_) => {}
        }
    }

    /// Feeds it every byte it asks for, read by `read(at, n, out)` (which appends to `out` the
    /// file's bytes from `at`, `n` of them, fewer at its end).
    pub fn read_all(&mut self, read: &mut dyn FnMut(usize, usize, &mut Vec<u8>)) {
        while let Some((at, n)) = self.next() {
            self.fill(|out| read(at, n, out));
        }
    }

    /// How many rows a split hands out together.
    #[cfg(test)]
    pub(super) fn block_rows(&self) -> usize {
        self.block_rows
    }

    /// Whether the rows split so far are being read into posts as they come.
    #[cfg(test)]
    pub(super) fn is_reading_posts(&self) -> bool {
        matches!(
            self.state,
            State::Streaming {
                posts: Posts::Reading(_),
                ..
            }
        )
    }

    /// Decides from the first bytes whether the file is split as it arrives.
    fn start(&mut self, mut head: Vec<u8>, asked: usize) {
        let bom = decode::utf8_bom_len(&head);
        let streamable = bom.is_some_and(|bom| {
            let start = &head[bom..head.len().min(bom + HEAD_BYTES)];
            !sheet::is_workbook(&head)
                && !sheet::is_spreadsheet_xml(&String::from_utf8_lossy(start))
        });
        if self.size <= asked || !streamable {
            head.reserve_exact(self.size.saturating_sub(head.len()));
            let complete = head.len() >= self.size;
            self.state = State::Whole {
                bytes: head,
                complete,
            };
            return;
        }
        head.drain(..bom.unwrap_or(0));
        self.state = State::Streaming {
            text: head,
            pieces: Box::new(table::DelimitedPieces::with_block_rows(self.block_rows)),
            at: asked,
            posts: Posts::Unknown,
        };
        self.split();
    }

    /// Splits the complete characters read so far; bytes that are not UTF-8 send the feed back
    /// to the start of the file, to be read whole (the whole file decides its encoding).
    fn split(&mut self) {
        let State::Streaming {
            text, pieces, at, ..
        } = &mut self.state
        else {
            return;
        };
        let end = *at >= self.size;
        // Each byte checked once: a piece that ends inside a character (the common case is a
        // piece of whole ones) is checked again only up to the cut character.
        let valid = match std::str::from_utf8(text) {
            Ok(valid) => {
                pieces.push(valid);
                valid.len()
            }
            // A character cut by the piece's end waits for the next piece.
            Err(e) if e.error_len().is_none() && !end => {
                let valid = e.valid_up_to();
                pieces.push(std::str::from_utf8(&text[..valid]).unwrap_or_default());
                valid
            }
            Err(_) => {
                self.state = State::Whole {
                    bytes: Vec::with_capacity(self.size),
                    complete: false,
                };
                return;
            }
        };
        text.drain(..valid);
        if end {
            self.read_last_rows();
        } else {
            self.read_rows();
        }
    }

    /// Reads the rows split so far into posts, once a block of them tells that a posts family
    /// reads the file.
    fn read_rows(&mut self) {
        let State::Streaming {
            text,
            pieces,
            at,
            posts,
        } = &mut self.state
        else {
            return;
        };
        match posts {
            Posts::Unknown if pieces.ready() > 0 => {
                // Rows in the file, from those split in the bytes split so far.
                let split = at.saturating_sub(text.len() + pieces.unsplit()).max(1);
                let expected = pieces.split_rows() as u128 * self.size as u128 / split as u128;
                let expected = (expected + expected / 20) as usize;
                let table = pieces.take_table();
                *posts = match PostStream::begin(&self.name, table, &self.options, expected) {
                    Ok(stream) => Posts::Reading(stream),
                    Err(table) => {
                        pieces.give_back(table.rows);
                        Posts::Kept
                    }
                };
            }
            Posts::Reading(stream) => stream.push(pieces.take_rows()),
            _ => {}
        }
    }

    /// Once the last piece is split: a file read into posts as it was split is finished, or
    /// read again whole when its first rows decided otherwise than the whole file.
    fn read_last_rows(&mut self) {
        let State::Streaming { pieces, posts, .. } = &mut self.state else {
            return;
        };
        if !matches!(posts, Posts::Reading(_)) {
            return;
        }
        let Posts::Reading(stream) = std::mem::replace(posts, Posts::Kept) else {
            return;
        };
        self.state = match stream.finish(std::mem::take(pieces).finish_rows()) {
            Ending::Read(result) => State::Read(result),
            Ending::Reread => State::Whole {
                bytes: Vec::with_capacity(self.size),
                complete: false,
            },
        };
    }

    /// The file read into records, calling `decoded` once its bytes are tables (for progress
    /// and timings).
    pub fn finish(self, decoded: &mut dyn FnMut()) -> Result<Parsed, ImportError> {
        let options = &self.options;
        match self.state {
            // A file cut short (its reader stopped): what its rows give.
            State::Streaming {
                pieces,
                posts: Posts::Reading(stream),
                ..
            } => {
                decoded();
                match stream.finish(pieces.finish_rows()) {
                    Ending::Read(result) => *result,
                    Ending::Reread => Err(ImportError::new("unreadable-file", &self.name)),
                }
            }
            State::Streaming { pieces, .. } => {
                let tables = vec![(*pieces).finish()];
                decoded();
                read_tables(&self.name, tables, None, options)
            }
            State::Read(result) => {
                decoded();
                *result
            }
            State::Whole { bytes, .. } => super::parse_owned(&self.name, bytes, options, decoded),
            State::Start => super::parse_owned(&self.name, Vec::new(), options, decoded),
        }
    }
}

/// The fingerprint an import batch keeps of its file, computed from the pieces read, each byte
/// once, whether they are read in order or again from the start: a file is fingerprinted as it
/// is split, without a pass of its own. See [`super::file_fingerprint`].
pub struct Fingerprint {
    hash: Xxh3,
    upto: usize,
}

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint {
            hash: Xxh3::new(),
            upto: 0,
        }
    }
}

impl Fingerprint {
    /// Bytes of the file read from byte `at`: hashed from where the hash stands, if they reach it.
    pub fn seen(&mut self, at: usize, bytes: &[u8]) {
        if at <= self.upto && self.upto < at + bytes.len() {
            self.hash.update(&bytes[self.upto - at..]);
            self.upto = at + bytes.len();
        }
    }

    /// How many bytes from the file's start are hashed.
    fn upto(&self) -> usize {
        self.upto
    }

    /// The fingerprint of the bytes hashed.
    pub fn text(&self) -> String {
        super::fingerprint_text(self.upto, &self.hash)
    }
}

/// A piece reader (`read(at, n, out)`, as [`super::parse_pieces`] takes) that keeps the
/// [`Fingerprint`] of the bytes it reads.
pub struct Fingerprinted<R> {
    read: R,
    fingerprint: Fingerprint,
}

impl<R: FnMut(usize, usize, &mut Vec<u8>)> Fingerprinted<R> {
    pub fn new(read: R) -> Self {
        Fingerprinted {
            read,
            fingerprint: Fingerprint::default(),
        }
    }

    pub fn read(&mut self, at: usize, n: usize, out: &mut Vec<u8>) {
        let start = out.len();
        (self.read)(at, n, out);
        self.fingerprint.seen(at, &out[start..]);
    }

    /// The fingerprint of the file's `size` bytes (those not read yet are read now).
    pub fn finish(mut self, size: usize) -> String {
        let mut rest = Vec::new();
        while self.fingerprint.upto() < size {
            rest.clear();
            self.read(self.fingerprint.upto(), PIECE_BYTES, &mut rest);
            if rest.is_empty() {
                break;
            }
        }
        self.fingerprint.text()
    }
}

/// The bytes a feed reading `piece` bytes at a time asks for first, in a file of `size`: a
/// piece, and at least enough to tell the file's kind.
fn first_bytes(piece: usize, size: usize) -> (usize, usize) {
    (0, piece.max(HEAD_BYTES).min(size))
}

/// The options tests of reading in pieces use.
#[cfg(test)]
pub(super) fn test_options() -> ImportOptions {
    ImportOptions {
        time_zone: "Asia/Jakarta".into(),
        today: chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
        mappings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::test_options as options;
    use super::*;
    use crate::domain::import::{file_fingerprint, parse, warm::meta_posts};

    #[test]
    fn the_first_piece_is_known_before_the_feed() {
        for size in [
            0,
            1,
            HEAD_BYTES,
            PIECE_BYTES - 1,
            PIECE_BYTES,
            3 * PIECE_BYTES,
        ] {
            let feed = Feed::new("posts.csv", size, &options());
            assert_eq!(feed.next(), Some(Feed::first_piece(size)), "{size}");
        }
    }

    /// Reads `bytes` through a feed as the import worker does, fingerprinting each piece.
    fn fed(bytes: &[u8]) -> (Result<Parsed, ImportError>, String) {
        let mut feed = Feed::new("posts.csv", bytes.len(), &options());
        let mut reader = Fingerprinted::new(|at: usize, n: usize, out: &mut Vec<u8>| {
            out.extend_from_slice(&bytes[at..(at + n).min(bytes.len())]);
        });
        feed.read_all(&mut |at, n, out| reader.read(at, n, out));
        (feed.finish(&mut || {}), reader.finish(bytes.len()))
    }

    #[test]
    fn files_of_several_pieces_read_as_a_whole_read() {
        let text = meta_posts(16_000).into_bytes();
        assert!(text.len() > PIECE_BYTES);
        // A byte that is not UTF-8 in the last piece: read again from the start, whole.
        let mut damaged = text.clone();
        let at = damaged.len() - 100;
        damaged[at] = 0xff;
        // No byte-order mark: gathered whole before it is read.
        let bare = text[3..].to_vec();
        for bytes in [&text, &damaged, &bare] {
            let (result, fingerprint) = fed(bytes);
            assert_eq!(result, parse("posts.csv", bytes, &options()));
            assert_eq!(fingerprint, file_fingerprint(bytes));
        }
        assert_eq!(fed(&text).0.unwrap().posts.len(), 16_000);
    }
}
