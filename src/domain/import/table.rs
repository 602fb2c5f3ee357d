//! Text to rows: reads a delimited export whatever its dialect — an Excel `sep=` hint line,
//! `#` comment lines above the table (web analytics), comma, semicolon, tab or pipe delimiters,
//! quoted fields with embedded newlines, CRLF or LF. Rows keep their 1-based line number in the
//! file so that diagnostics can point at them.

use std::sync::Arc;

use super::scan;

/// The cells of many rows in one string: a 200,000-row export has millions of cells, and a few
/// thousand rows share each allocation. A cell is a span of the text: a copy of the cell, or
/// of a whole row as the file wrote it (its delimiters and quotes left in the text, between the
/// cells' spans), so that a row costs one copy whatever its cells.
#[derive(Default)]
struct Block {
    text: String,
    /// Where each cell starts and ends in `text`.
    spans: Vec<[u32; 2]>,
}

impl Block {
    /// The text of a cell's span.
    fn text_of(&self, [start, end]: [u32; 2]) -> &str {
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }
}

/// Whether every cell of these spans is empty.
fn all_empty(spans: &[[u32; 2]]) -> bool {
    spans.iter().all(|[a, b]| a == b)
}

/// How many rows share a block (few in tests, so that small files span several).
pub(super) const ROWS_PER_BLOCK: usize = if cfg!(test) { 16 } else { 4096 };

/// One row of cells as text, with the file line it starts on; each cell already trimmed of
/// whitespace and byte-order marks.
#[derive(Clone, Default)]
pub struct Row {
    pub line: u64,
    block: Arc<Block>,
    /// The row's cells' range in the block's spans.
    first: u32,
    last: u32,
    /// Which cells hold a `.` or a `,` ([`Separated`]).
    separated: Separated,
}

/// Which cells of a row hold a `.` or a `,`: bit `i` for cell `i`, bit 63 for every cell from
/// the 64th on. The splitter finds them among its structural bytes at no extra scan, and only
/// such cells can be numbers written with separators (whose columns' number style their votes
/// decide).
type Separated = u64;

/// The bit of cell `i` in a [`Separated`].
fn separated_bit(i: usize) -> Separated {
    1 << i.min(63)
}

/// Whether a cell holds a `.` or a `,`.
fn has_separator(cell: &str) -> bool {
    cell.bytes().any(|b| b == b'.' || b == b',')
}

impl Row {
    /// A row of these cells, each trimmed.
    pub fn new<S: AsRef<str>>(line: u64, cells: impl IntoIterator<Item = S>) -> Row {
        let mut builder = RowBuilder::default();
        for cell in cells {
            builder.push(cell.as_ref());
        }
        builder.end_row(line, true);
        builder.take().pop().unwrap_or_default()
    }

    /// How many cells the row has (empty ones included).
    pub fn len(&self) -> usize {
        (self.last - self.first) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.last == self.first
    }

    /// The cell in column `i`, if the row is that wide.
    pub fn cell(&self, i: usize) -> Option<&str> {
        if i >= self.len() {
            return None;
        }
        Some(
            self.block
                .text_of(self.block.spans[self.first as usize + i]),
        )
    }

    /// The cells, left to right.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        let spans = &self.block.spans[self.first as usize..self.last as usize];
        spans.iter().map(|span| self.block.text_of(*span))
    }

    /// The cells that hold a `.` or a `,`, with their column, left to right: the only ones
    /// that may be numbers written with separators.
    pub fn separated_cells(&self) -> impl Iterator<Item = (usize, &[u8])> + '_ {
        let mut bits = self.separated;
        let (len, first) = (self.len(), self.first as usize);
        let text = self.block.text.as_bytes();
        // Bit 63 stands for every cell from the 64th on.
        let tail = if bits >> 63 == 1 { 63..len } else { 0..0 };
        bits &= !(1 << 63);
        let ones = std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                i
            })
        });
        ones.chain(tail).filter(move |i| *i < len).map(move |i| {
            let [start, end] = self.block.spans[first + i];
            (
                i,
                text.get(start as usize..end as usize).unwrap_or_default(),
            )
        })
    }

    /// The cells as owned strings (for the few places that keep a header).
    pub fn to_strings(&self) -> Vec<String> {
        self.cells().map(str::to_owned).collect()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        all_empty(&self.block.spans[self.first as usize..self.last as usize])
    }
}

impl PartialEq for Row {
    fn eq(&self, other: &Row) -> bool {
        self.line == other.line && self.cells().eq(other.cells())
    }
}

impl std::ops::Index<usize> for Row {
    type Output = str;

    /// The cell in column `i`; panics past the row's end, like a slice.
    fn index(&self, i: usize) -> &str {
        match self.cell(i) {
            Some(cell) => cell,
            None => panic!("column {i} of a row of {}", self.len()),
        }
    }
}

impl std::fmt::Debug for Row {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Row")
            .field("line", &self.line)
            .field("cells", &self.cells().collect::<Vec<_>>())
            .finish()
    }
}

/// Builds rows cell by cell into a block, then hands them out sharing it.
#[derive(Default)]
pub struct RowBuilder {
    block: Block,
    /// Rows ended and not yet taken: line, cell range, cells with separators.
    rows: Vec<(u64, u32, u32, Separated)>,
    /// The cells with separators of the row being built.
    separated: Separated,
    /// Where the row being built starts: in the block's text (as it was when the row began:
    /// rows given as spans are only in it once copied), and in its cells.
    start: u32,
    first: u32,
    /// Cells of a row given as spans of its text as written ([`RowBuilder::push_span`]) whose
    /// text is not the written one (doubled quotes made single): their cell and text, added
    /// to the block after the row's text.
    rewritten: Vec<(u32, String)>,
    /// The text of the rows given as spans and not copied into the block yet: where it starts
    /// in the text being split, and where the last of them ended. Rows in a row are copied
    /// with one copy ([`RowBuilder::copy_rows_text`]): in V8's profile of 200,000 rows, a copy
    /// per row took about 20 ms, one per run of rows about 10.
    uncopied: Option<(usize, usize)>,
}

impl RowBuilder {
    /// Appends a cell to the row being built, trimmed of whitespace and byte-order marks.
    pub fn push(&mut self, cell: &str) {
        debug_assert!(
            self.uncopied.is_none(),
            "rows given as spans are copied first"
        );
        let cell = trim_cell(cell);
        if has_separator(cell) {
            self.separated |= separated_bit(self.len());
        }
        let start = self.block.text.len() as u32;
        self.block.text.push_str(cell);
        self.block.spans.push([start, start + cell.len() as u32]);
    }

    /// Appends a cell of a row's text as written: bytes `start..end` of `text`, in which the
    /// row starts at `row_start` (see [`RowBuilder::end_row_text`]); trimmed of whitespace
    /// and byte-order marks.
    #[inline(always)]
    fn push_span(&mut self, text: &str, row_start: usize, start: usize, end: usize) {
        // `trim_cell`'s own test of the ends, on the bytes: taking the cell as a `str` first
        // (two checks of character boundaries) cost about 30 ms of the split's 300 in V8.
        let bytes = text.as_bytes();
        let visible = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_graphic);
        let (from, to) = if start >= end || (visible(start) && visible(end - 1)) {
            (start, end.max(start))
        } else {
            match text.get(start..end) {
                Some(cell) => {
                    let trimmed = trim_cell(cell);
                    let from = start + (trimmed.as_ptr() as usize - cell.as_ptr() as usize);
                    (from, from + trimmed.len())
                }
                None => (start, start),
            }
        };
        // The text not copied yet goes to the block's end as it is now (nothing is added to
        // the block while rows are given as spans).
        let (uncopied, _) = *self.uncopied.get_or_insert((row_start, row_start));
        let base = self.block.text.len();
        self.block.spans.push([
            (from.saturating_sub(uncopied) + base) as u32,
            (to.saturating_sub(uncopied) + base) as u32,
        ]);
    }

    /// Marks the cell about to be pushed as holding a `.` or a `,` (cells given as spans).
    #[inline]
    fn mark_separated(&mut self) {
        self.separated |= separated_bit(self.len());
    }

    /// Appends a cell whose text is not in the row's text as written (see
    /// [`RowBuilder::end_row_text`]).
    fn push_rewritten(&mut self, cell: &str) {
        self.rewritten
            .push((self.block.spans.len() as u32, trim_cell(cell).to_owned()));
        self.block.spans.push([0, 0]);
    }

    /// Marks where the text of a row whose cells were given by [`RowBuilder::push_span`] and
    /// [`RowBuilder::push_rewritten`] ends in `text`; its text is copied into the block with
    /// the rows' next to it ([`RowBuilder::copy_rows_text`]), but at once when it has
    /// rewritten cells, which are added after it. The row is then ended as any other.
    #[inline(always)]
    fn end_row_text(&mut self, text: &str, end: usize) {
        if let Some((_, uncopied_end)) = &mut self.uncopied {
            *uncopied_end = end;
        }
        if self.rewritten.is_empty() {
            return;
        }
        self.copy_rows_text(text);
        for (cell, text) in self.rewritten.drain(..) {
            let start = self.block.text.len() as u32;
            self.block.text.push_str(&text);
            self.block.spans[cell as usize] = [start, start + text.len() as u32];
        }
    }

    /// Copies the text of the rows ended since the last copy ([`RowBuilder::end_row_text`]),
    /// from `text`, the text being split, into the block.
    fn copy_rows_text(&mut self, text: &str) {
        if let Some((from, to)) = self.uncopied.take() {
            self.block
                .text
                .push_str(text.get(from..to).unwrap_or_default());
            self.start = self.block.text.len() as u32;
        }
    }

    /// Replaces the row's last cell (an empty one is added when it has none).
    pub fn set_last(&mut self, cell: &str) {
        if let Some(last) = self.len().checked_sub(1)
            && last < 63
        {
            self.separated &= !separated_bit(last);
        }
        if !self.is_empty()
            && let Some([start, _]) = self.block.spans.pop()
            && start >= self.start
        {
            self.block.text.truncate(start as usize);
        }
        self.push(cell);
    }

    /// How many cells the row being built has.
    pub fn len(&self) -> usize {
        self.block.spans.len() - self.first as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Ends the row being built, on file line `line`; a blank row (no text in any cell) is
    /// dropped unless `keep_blank`. Says whether the row was kept.
    pub fn end_row(&mut self, line: u64, keep_blank: bool) -> bool {
        let blank = all_empty(&self.block.spans[self.first as usize..]);
        if blank && !keep_blank {
            self.discard_row();
            return false;
        }
        let last = self.block.spans.len() as u32;
        self.rows.push((line, self.first, last, self.separated));
        self.separated = 0;
        self.start = self.block.text.len() as u32;
        self.first = last;
        true
    }

    /// Forgets the row being built.
    pub fn discard_row(&mut self) {
        self.block.text.truncate(self.start as usize);
        self.block.spans.truncate(self.first as usize);
        self.rewritten.clear();
        self.separated = 0;
    }

    /// How many ended rows wait to be taken.
    pub fn pending(&self) -> usize {
        self.rows.len()
    }

    /// The ended rows split from `text`, sharing one block; the builder starts a new block.
    fn take_from(&mut self, text: &str) -> Vec<Row> {
        self.copy_rows_text(text);
        self.take()
    }

    /// The ended rows, sharing one block; the builder starts a new block.
    pub fn take(&mut self) -> Vec<Row> {
        debug_assert!(
            self.uncopied.is_none(),
            "rows given as spans are copied first"
        );
        self.discard_row();
        let mut block = std::mem::take(&mut self.block);
        // The next block likely holds about as much: room for it at once, with an eighth to
        // spare (a block a little longer than the last would otherwise double its room, a copy
        // of the block, only to give most of it back).
        self.block
            .text
            .reserve(block.text.len() + block.text.len() / 8);
        self.block
            .spans
            .reserve(block.spans.len() + block.spans.len() / 8);
        block.text.shrink_to_fit();
        block.spans.shrink_to_fit();
        let block = Arc::new(block);
        let rows = self
            .rows
            .drain(..)
            .map(|(line, first, last, separated)| Row {
                line,
                block: Arc::clone(&block),
                first,
                last,
                separated,
            })
            .collect();
        self.start = 0;
        self.first = 0;
        rows
    }
}

/// A cell without surrounding whitespace or byte-order marks (the common case, text that
/// starts and ends with a visible ASCII character, costs two comparisons).
fn trim_cell(cell: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = cell.as_bytes();
    if bytes.is_empty() || (visible(bytes.first()) && visible(bytes.last())) {
        return cell;
    }
    cell.trim_matches(|c: char| c == '\u{feff}' || c.is_whitespace())
}

/// A sheet of rows: a whole CSV file, or one sheet of a workbook.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The sheet name (empty for delimited text).
    pub sheet: String,
    pub rows: Vec<Row>,
    /// Lines dropped above the table (`sep=`, comments, titles), kept for detection.
    pub preamble: Vec<String>,
    /// The delimiter used (`,` for spreadsheets).
    pub delimiter: u8,
}

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Reads delimited text into a table. Never fails: malformed quoting ends up as text.
pub fn read_delimited(text: &str) -> Table {
    let start = table_start(text, true).unwrap_or_default();
    let rest = text.get(start.offset..).unwrap_or_default();
    let delimiter = start.delimiter.unwrap_or_else(|| sniff_delimiter(rest));
    let mut rows = Vec::new();
    let mut builder = RowBuilder::default();
    split_rows(
        rest,
        delimiter,
        &mut builder,
        start.line,
        true,
        |line, builder, text| {
            end_row(line, builder, text, &mut rows, ROWS_PER_BLOCK);
        },
    );
    rows.extend(builder.take());
    Table {
        sheet: String::new(),
        rows,
        preamble: start.preamble,
        delimiter,
    }
}

/// Ends a row just split from `text`, handing out a block's rows when it has `block_rows`.
fn end_row(
    line: u64,
    builder: &mut RowBuilder,
    text: &str,
    rows: &mut Vec<Row>,
    block_rows: usize,
) {
    builder.end_row(line, false);
    if builder.pending() >= block_rows {
        rows.extend(builder.take_from(text));
    }
}

/// Where the table starts in delimited text: after the lines above it (`sep=;`, `# comment`
/// blocks, blank lines).
#[derive(Debug, Default)]
struct TableStart {
    /// Byte offset of the table's first line, and that line's number.
    offset: usize,
    line: u64,
    preamble: Vec<String>,
    /// The delimiter a `sep=` line names.
    delimiter: Option<u8>,
}

/// The start of the table; `None` when the text ends inside the lines above it and more may
/// follow (`complete` false).
fn table_start(text: &str, complete: bool) -> Option<TableStart> {
    let mut start = TableStart {
        line: 1,
        ..TableStart::default()
    };
    let mut rest = text;
    loop {
        // Until the text is complete, a line is only judged with text after it (a blank
        // line at the very end would end the lines above the table).
        let (head, tail) = match rest.find('\n') {
            Some(i) if complete || i + 1 < rest.len() => (&rest[..i], &rest[i + 1..]),
            None if complete => (rest, ""),
            _ => return None,
        };
        let trimmed = head.trim_end_matches('\r').trim();
        let lower = trimmed.to_ascii_lowercase();
        if let Some(sep) = lower
            .strip_prefix("sep=")
            .or_else(|| lower.strip_prefix("\"sep="))
        {
            start.delimiter = sep.bytes().next().filter(|b| *b != b'"');
        } else if !(trimmed.starts_with('#') || (trimmed.is_empty() && !tail.is_empty())) {
            break;
        }
        start.preamble.push(trimmed.to_owned());
        rest = tail;
        start.line += 1;
        if rest.is_empty() {
            break;
        }
    }
    start.offset = text.len() - rest.len();
    // Only a delimiter that cannot be part of a quote, a line end or a multi-byte character.
    start.delimiter = start
        .delimiter
        .filter(|d| d.is_ascii() && !matches!(d, b'"' | b'\r' | b'\n'));
    Some(start)
}

/// Delimited text read piece by piece as it arrives (a large file copied in a few megabytes at
/// a time): the same table as [`read_delimited`] over the whole text, holding only the rows
/// read and the text of a row cut by the end of a piece.
pub struct DelimitedPieces {
    /// Text not split yet: the start of the file until the table's start and delimiter are
    /// known, then the row the last piece cut.
    pending: String,
    /// The delimiter and the line `pending` starts on, once the table has started.
    started: Option<(u8, u64)>,
    preamble: Vec<String>,
    rows: Vec<Row>,
    builder: RowBuilder,
    /// A row longer than [`LONG_ROW`] (a quote left open) is split once, at the end, rather
    /// than again from its start with every piece.
    waiting: bool,
    /// How many rows were taken out ([`DelimitedPieces::take_rows`]).
    taken: usize,
    /// How many rows are handed out together (see [`ROWS_PER_BLOCK`]).
    block_rows: usize,
}

impl Default for DelimitedPieces {
    fn default() -> Self {
        DelimitedPieces::with_block_rows(ROWS_PER_BLOCK)
    }
}

/// Text enough to find the table's start and sniff its delimiter (its 16,384 first characters).
const SNIFF_BYTES: usize = 4 * 16 * 1024;

/// How many of a piece's first bytes are joined to the row the last piece cut, to complete it
/// (few in tests, so that the property tests reach rows longer than that).
const JOIN_BYTES: usize = if cfg!(test) { 8 } else { 64 << 10 };

/// A cut row this long stops the splitting until the last piece (short in tests, so that the
/// property tests reach it).
const LONG_ROW: usize = if cfg!(test) { 64 } else { 16 << 20 };

impl DelimitedPieces {
    /// Pieces whose rows are handed out `block_rows` at a time (at least one): the import's
    /// warm-up hands out its few rows in several blocks, as a large file's are.
    pub fn with_block_rows(block_rows: usize) -> Self {
        DelimitedPieces {
            pending: String::new(),
            started: None,
            preamble: Vec::new(),
            rows: Vec::new(),
            builder: RowBuilder::default(),
            waiting: false,
            taken: 0,
            block_rows: block_rows.max(1),
        }
    }

    /// Adds the next piece of text (each a whole number of characters) and splits every row it
    /// completes.
    pub fn push(&mut self, piece: &str) {
        if self.started.is_none() || self.waiting {
            self.pending.push_str(piece);
            self.split(false);
            return;
        }
        // The row the last piece cut is completed from the piece's first bytes; the rest of the
        // piece is split where it lies, not copied after the cut row first.
        let mut from = 0;
        if !self.pending.is_empty() {
            let mut head = piece.len().min(JOIN_BYTES);
            while !piece.is_char_boundary(head) {
                head += 1;
            }
            self.pending.push_str(&piece[..head]);
            let left = self.split_text(None, false);
            if left > head {
                // The cut row goes on past the piece's first bytes: the piece joins it.
                self.pending.push_str(&piece[head..]);
                self.split(false);
                return;
            }
            from = head - left;
            self.pending.clear();
        }
        let rest = &piece[from..];
        let left = self.split_text(Some(rest), false);
        self.pending.push_str(&rest[rest.len() - left..]);
        self.waiting = self.pending.len() > LONG_ROW;
    }

    /// The table, once every piece has been pushed.
    pub fn finish(mut self) -> Table {
        self.split_last();
        self.take_table()
    }

    /// How many rows are split so far, taken or not.
    pub fn split_rows(&self) -> usize {
        self.taken + self.rows.len() + self.builder.pending()
    }

    /// How many bytes of text pushed are not split yet.
    pub fn unsplit(&self) -> usize {
        self.pending.len()
    }

    /// How many rows are split and not taken (rows are handed out a block at a time).
    pub fn ready(&self) -> usize {
        self.rows.len()
    }

    /// The table as far as it is split: the rows not taken yet (taken out), the lines above
    /// it and its delimiter.
    pub fn take_table(&mut self) -> Table {
        Table {
            sheet: String::new(),
            rows: self.take_rows(),
            preamble: self.preamble.clone(),
            delimiter: self.started.map_or(b',', |(d, _)| d),
        }
    }

    /// The rows split and not taken yet, taken out: a reader reads rows as they are split,
    /// and the text of those it has read is freed for the rows that follow.
    pub fn take_rows(&mut self) -> Vec<Row> {
        self.taken += self.rows.len();
        std::mem::take(&mut self.rows)
    }

    /// Rows taken and given back (a reader that cannot read the table as it comes): the next
    /// rows follow them.
    pub fn give_back(&mut self, mut rows: Vec<Row>) {
        self.taken -= rows.len().min(self.taken);
        rows.append(&mut self.rows);
        self.rows = rows;
    }

    /// The rows not taken yet once every piece has been pushed.
    pub fn finish_rows(mut self) -> Vec<Row> {
        self.split_last();
        self.rows
    }

    /// Splits what is left once every piece has been pushed, and hands out the last block.
    fn split_last(&mut self) {
        self.split(true);
        self.rows.extend(self.builder.take());
    }

    fn split(&mut self, last: bool) {
        if self.started.is_none() {
            let Some(start) = table_start(&self.pending, last) else {
                return;
            };
            let rest = self.pending.get(start.offset..).unwrap_or_default();
            if !last && start.delimiter.is_none() && rest.len() < SNIFF_BYTES {
                return;
            }
            let delimiter = start.delimiter.unwrap_or_else(|| sniff_delimiter(rest));
            self.started = Some((delimiter, start.line));
            self.preamble = start.preamble;
            self.pending.drain(..start.offset);
        }
        if self.started.is_none() || (self.waiting && !last) {
            return;
        }
        self.split_text(None, last);
        self.waiting = self.pending.len() > LONG_ROW;
    }

    /// Splits the rows of `text` (of the text pending when `None`, which then keeps only what is
    /// left), once the table has started; says how many bytes at its end are left, the start
    /// of a row cut by its end.
    fn split_text(&mut self, text: Option<&str>, last: bool) -> usize {
        let Some((delimiter, line)) = self.started else {
            return 0;
        };
        let whole = text.unwrap_or(&self.pending);
        let (rows, block_rows) = (&mut self.rows, self.block_rows);
        let (consumed, line) = split_rows(
            whole,
            delimiter,
            &mut self.builder,
            line,
            last,
            |line, builder, text| end_row(line, builder, text, rows, block_rows),
        );
        let left = whole.len() - consumed;
        if text.is_none() {
            self.pending.drain(..consumed);
        }
        self.started = Some((delimiter, line));
        left
    }
}

/// Splits delimited text into rows, as [`split_rows_plain`] does: through [`split_rows_fast`]
/// while the text is regular, then through [`split_rows_plain`] from the row where it stops
/// being so.
fn split_rows(
    text: &str,
    delimiter: u8,
    builder: &mut RowBuilder,
    line: u64,
    last: bool,
    mut row: impl FnMut(u64, &mut RowBuilder, &str),
) -> (usize, u64) {
    let (at, line, irregular) = split_rows_fast(text, delimiter, builder, line, last, &mut row);
    // The rows' text, given as spans, goes into the block before anything else.
    builder.copy_rows_text(text);
    if !irregular {
        return (at, line);
    }
    let rest = text.get(at..).unwrap_or_default();
    let (consumed, line) = split_rows_plain(rest, delimiter, builder, line, last, row);
    (at + consumed, line)
}

/// [`split_rows_plain`] for regular text, found a block of 64 bytes at a time ([`scan`]): every
/// quote opens a cell, closes it (followed by a delimiter or a line end) or doubles another
/// inside it, and lines end with LF or CRLF, so a delimiter or line end outside quotes ends a
/// cell, and whether a byte is inside quotes is the parity of the quotes before it. Each cell
/// costs a bit's lookup instead of a scan; the cells' loop ([`Cursor::cells`]) is compiled
/// three times, for a block without quotes or CRs (most of a posts export's blocks), with
/// quotes, and with CRs (in Node's V8 on 200,000 Meta posts, one loop for all took 10–30 ms
/// more of about 250). Stops at the start of the row where the text stops
/// being regular and says so (`true`); the caller splits the rest. Otherwise its rows, lines and
/// result are [`split_rows_plain`]'s (a property test holds it to them). The text of its last
/// rows is left to copy ([`RowBuilder::copy_rows_text`]).
fn split_rows_fast(
    text: &str,
    delimiter: u8,
    builder: &mut RowBuilder,
    line: u64,
    last: bool,
    row: &mut impl FnMut(u64, &mut RowBuilder, &str),
) -> (usize, u64, bool) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    let mut at = Cursor {
        row_start: 0,
        row_line: line,
        cell_start: 0,
        escapes_at_cell: 0,
        separated_before: false,
        skip: usize::MAX,
        block_line: line,
        escapes: 0,
    };
    // Carried from block to block: inside a quote (all ones), whether the byte before the block
    // ends a cell or closes a quote (the text's start ends one).
    let (mut inside, mut before_sep, mut before_close) = (0u64, 1u64, 0u64);
    let mut block_start = 0usize;
    while block_start < len {
        let block = &bytes[block_start..len.min(block_start + scan::BLOCK)];
        let n = block.len();
        let m = scan::masks(block, delimiter);
        let sep = m.delimiter | m.lf | m.cr;
        let ends = if (m.quote | m.cr) == 0 && inside == 0 {
            // The common block: no quote opens, closes or doubles in it and no CR ends a line,
            // so every delimiter and LF ends a cell; its own copy of the cells' loop, which
            // knows that.
            let ends = Ends::plain(block_start, sep, &m);
            if let Some(stop) = at.cells::<false>(text, builder, row, ends) {
                return stop;
            }
            before_close = 0;
            ends
        } else {
            // The byte after the block, for the last byte's checks (none: the text's end).
            let next = bytes.get(block_start + scan::BLOCK).copied();
            let at_last = |yes: bool| u64::from(yes) << (n - 1);
            let quoted = scan::prefix_xor(m.quote) ^ inside;
            let open = m.quote & quoted;
            let close = m.quote & !quoted;
            let next_ends = next.is_none_or(|b| b == delimiter || b == b'\n' || b == b'\r');
            let after_sep = (sep >> 1) | at_last(next_ends);
            let after_quote = (m.quote >> 1) | at_last(next == Some(b'"'));
            let bad_open = open & !((sep << 1) | before_sep | (close << 1) | before_close);
            let bad_close = close & !(after_sep | after_quote);
            // A CR at the very end of a text that goes on is judged with the next piece.
            let lone_cr =
                m.cr & !((m.lf >> 1) | at_last(next == Some(b'\n') || (next.is_none() && !last)));
            if bad_open | bad_close | lone_cr != 0 {
                builder.discard_row();
                return (at.row_start, at.row_line, true);
            }
            let ends = Ends {
                start: block_start,
                ends: sep & !quoted,
                lf: m.lf,
                cr: m.cr,
                delimiter: m.delimiter,
                separators: m.separator & !(sep & !quoted),
                doubled: close & after_quote,
            };
            let stop = if m.cr == 0 {
                at.cells::<false>(text, builder, row, ends)
            } else {
                at.cells::<true>(text, builder, row, ends)
            };
            if let Some(stop) = stop {
                return stop;
            }
            inside = if quoted >> 63 == 1 { !0 } else { 0 };
            before_close = close >> 63;
            ends
        };
        before_sep = sep >> 63;
        at.block_line += u64::from(ends.lf.count_ones());
        at.escapes += u64::from(ends.doubled.count_ones());
        block_start += scan::BLOCK;
    }
    if inside != 0 || !last {
        // A quote left open at the end is the plain reader's; a row cut, the next piece's.
        builder.discard_row();
        return (at.row_start, at.row_line, inside != 0 && last);
    }
    if !builder.is_empty() || at.cell_start < len {
        let doubled = at.escapes > at.escapes_at_cell;
        if at.separated_before {
            builder.mark_separated();
        }
        push_cell(
            builder,
            text,
            at.row_start,
            at.cell_start.min(len),
            len,
            doubled,
        );
        builder.end_row_text(text, len);
        row(at.row_line, builder, text);
    }
    (len, at.block_line, false)
}

/// Where [`split_rows_fast`] stands between blocks: the row being built (its cells are the
/// builder's), where it starts (after blank lines) and its line, where its current cell starts
/// with the count of doubled quotes before it, and whether that cell has a dot or a comma in
/// the blocks before; the LF of a CRLF whose CR ended a row; the line the block starts on, and
/// the doubled quotes before it.
struct Cursor {
    row_start: usize,
    row_line: u64,
    cell_start: usize,
    escapes_at_cell: u64,
    separated_before: bool,
    skip: usize,
    block_line: u64,
    escapes: u64,
}

/// A block's structure for its cells' loop ([`Cursor::cells`]): where it starts in the text,
/// the bytes that end cells (outside quotes), its LFs, CRs and delimiters, the dots and commas
/// that are not delimiters, and the quotes that double another.
#[derive(Clone, Copy)]
struct Ends {
    start: usize,
    ends: u64,
    lf: u64,
    cr: u64,
    delimiter: u64,
    separators: u64,
    doubled: u64,
}

impl Ends {
    /// A block without quotes or CRs, outside quotes: every delimiter and LF ends a cell.
    #[inline(always)]
    fn plain(start: usize, sep: u64, m: &scan::Masks) -> Ends {
        Ends {
            start,
            ends: sep,
            lf: m.lf,
            cr: 0,
            delimiter: m.delimiter,
            separators: m.separator & !sep,
            doubled: 0,
        }
    }
}

impl Cursor {
    /// Pushes the cells the block ends and ends its rows; `CR` when the block may hold a CR
    /// (without, a line ends at its LF, and each cell end is one byte). `Some` is
    /// [`split_rows_fast`]'s result when a CR at the text's end stops it.
    #[inline(always)]
    fn cells<const CR: bool>(
        &mut self,
        text: &str,
        builder: &mut RowBuilder,
        row: &mut impl FnMut(u64, &mut RowBuilder, &str),
        block: Ends,
    ) -> Option<(usize, u64, bool)> {
        let len = text.len();
        let lf_before = |below: u64| self.block_line + u64::from((block.lf & below).count_ones());
        let mut ends = block.ends;
        if !CR && self.skip.wrapping_sub(block.start) < scan::BLOCK {
            // The LF of a CRLF whose CR ended the last block's last row: not a cell's end.
            ends &= !(1 << (self.skip - block.start));
        }
        let mut passed = 0u64;
        while ends != 0 {
            let bit = ends.trailing_zeros();
            ends &= ends - 1;
            let p = block.start + bit as usize;
            if CR && p == self.skip {
                continue;
            }
            let below = (1u64 << bit) - 1;
            let separated = self.separated_before || block.separators & below & !passed != 0;
            (passed, self.separated_before) = (below | 1 << bit, false);
            let line_end = (block.delimiter >> bit) & 1 == 0;
            let cr = CR && (block.cr >> bit) & 1 != 0;
            let blank = line_end && p == self.cell_start && builder.is_empty();
            if cr && p + 1 >= len {
                // A CR the text's end cuts from its LF: a blank line's is passed (its LF is a
                // blank line of the next piece), a row's waits for the next piece.
                if blank {
                    (self.row_start, self.cell_start) = (len, len);
                    continue;
                }
                builder.discard_row();
                return Some((self.row_start, self.row_line, false));
            }
            let after = if cr { p + 2 } else { p + 1 };
            if cr {
                self.skip = p + 1;
            }
            if blank {
                (self.row_start, self.row_line, self.cell_start) =
                    (after, lf_before(below) + 1, after);
                continue;
            }
            let escapes = self.escapes + u64::from((block.doubled & below).count_ones());
            let doubled = escapes > self.escapes_at_cell;
            if separated {
                builder.mark_separated();
            }
            push_cell(builder, text, self.row_start, self.cell_start, p, doubled);
            (self.cell_start, self.escapes_at_cell) = (after, escapes);
            if line_end {
                builder.end_row_text(text, p);
                row(self.row_line, builder, text);
                (self.row_start, self.row_line) = (after, lf_before(below) + 1);
            }
        }
        self.separated_before |= block.separators & !passed != 0;
        None
    }
}

/// Adds a cell of regular text, bytes `start..end` of `text` in a row starting at `row_start`:
/// a quoted one without its quotes, its doubled quotes (`doubled`) made single. Inlined into
/// the split's loop: a call per cell cost about a tenth of the split in V8.
#[inline(always)]
fn push_cell(
    builder: &mut RowBuilder,
    text: &str,
    row_start: usize,
    start: usize,
    end: usize,
    doubled: bool,
) {
    // In regular text a cell that opens with a quote closes with one.
    if text.as_bytes().get(start) != Some(&b'"') || end < start + 2 {
        builder.push_span(text, row_start, start, end);
    } else if !doubled {
        builder.push_span(text, row_start, start + 1, end - 1);
    } else {
        let inner = text.get(start + 1..end - 1).unwrap_or_default();
        builder.push_rewritten(&inner.replace("\"\"", "\""));
    }
}

/// Splits delimited text into rows: RFC 4180 quoting (`""` inside quotes is a quote; text after
/// a closing quote joins the cell, a quote inside an unquoted cell is text, an unclosed quote runs
/// to the end), CR, LF or CRLF ending a row, empty lines skipped. Calls `row` with each row's
/// first line number and its cells. Cells are slices of the text (no check of UTF-8 again, no
/// copy) except quoted ones with `""`, and the scans for quotes, delimiters and line ends are
/// `memchr`'s. The text's first line is line `line`.
///
/// When more text may follow (`last` false), a row is only taken once its line end is in the
/// text (and, for a CR, the byte after it): the row the text's end cuts is left for the next
/// call, which starts where this one says it stopped (byte offset and line).
fn split_rows_plain(
    text: &str,
    delimiter: u8,
    builder: &mut RowBuilder,
    mut line: u64,
    last: bool,
    mut row: impl FnMut(u64, &mut RowBuilder, &str),
) -> (usize, u64) {
    let bytes = text.as_bytes();
    let len = bytes.len();
    // Slices always fall on ASCII bytes (quotes, delimiters, line ends), so on char boundaries;
    // `get` keeps that a non-panicking certainty.
    let slice = |a: usize, b: usize| text.get(a..b).unwrap_or_default();
    let mut quoted = String::new();
    let mut pos = 0usize;
    while pos < len {
        match bytes[pos] {
            b'\n' => {
                line += 1;
                pos += 1;
                continue;
            }
            b'\r' => {
                pos += 1;
                continue;
            }
            _ => {}
        }
        let (first_line, row_start) = (line, pos);
        let mut cut = false;
        loop {
            // Most unquoted cells are short (numbers, dates): a plain look at their first bytes
            // beats setting up a vector search; longer ones get `memchr3`.
            let cell_end = |from: usize| {
                let ends_cell = |b: &u8| *b == delimiter || *b == b'\n' || *b == b'\r';
                let near = &bytes[from..len.min(from + 24)];
                match near.iter().position(ends_cell) {
                    Some(i) => from + i,
                    None if near.len() < 24 => len,
                    None => memchr::memchr3(delimiter, b'\n', b'\r', &bytes[from + 24..])
                        .map_or(len, |i| from + 24 + i),
                }
            };
            // The common quoted cell (every cell of a Meta export): no `""` inside, and the
            // cell ends at its closing quote. Its text is a slice of the file, copied once.
            let plain_quoted = (bytes.get(pos) == Some(&b'"'))
                .then(|| memchr::memchr(b'"', &bytes[pos + 1..]).map(|i| pos + 1 + i))
                .flatten()
                .filter(|close| {
                    bytes
                        .get(close + 1)
                        .is_none_or(|b| *b == delimiter || *b == b'\n' || *b == b'\r')
                });
            if let Some(close) = plain_quoted {
                line += newlines(&bytes[pos + 1..close]);
                builder.push(slice(pos + 1, close));
                pos = close + 1;
            } else if bytes.get(pos) == Some(&b'"') {
                quoted.clear();
                pos += 1;
                loop {
                    let Some(i) = memchr::memchr(b'"', &bytes[pos..]) else {
                        quoted.push_str(slice(pos, len));
                        line += newlines(&bytes[pos..]);
                        pos = len;
                        break;
                    };
                    quoted.push_str(slice(pos, pos + i));
                    line += newlines(&bytes[pos..pos + i]);
                    pos += i + 1;
                    if bytes.get(pos) == Some(&b'"') {
                        quoted.push('"');
                        pos += 1;
                    } else {
                        break;
                    }
                }
                let end = cell_end(pos);
                quoted.push_str(slice(pos, end));
                pos = end;
                builder.push(&quoted);
            } else {
                let end = cell_end(pos);
                builder.push(slice(pos, end));
                pos = end;
            }
            match bytes.get(pos) {
                Some(&b) if b == delimiter => pos += 1,
                Some(b'\r') if last || pos + 1 < len => {
                    pos += 1 + usize::from(bytes.get(pos + 1) == Some(&b'\n'));
                    line += 1;
                    break;
                }
                Some(b'\n') => {
                    pos += 1;
                    line += 1;
                    break;
                }
                _ => {
                    cut = !last;
                    break;
                }
            }
        }
        if cut {
            builder.discard_row();
            return (row_start, first_line);
        }
        row(first_line, builder, text);
    }
    (len, line)
}

/// How many `\n` bytes a slice holds.
fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The delimiter that splits the first lines into the most consistent number of fields
/// (quotes respected); comma when nothing splits.
fn sniff_delimiter(text: &str) -> u8 {
    let sample: String = text.chars().take(16 * 1024).collect();
    let mut best = (b',', 0usize);
    for d in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(sample.as_bytes());
        let counts: Vec<usize> = reader
            .records()
            .take(20)
            .filter_map(Result::ok)
            .map(|r| r.len())
            .collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        if first < 2 {
            continue;
        }
        // Rows that agree with the header's field count, weighted by that count.
        let agreeing = counts.iter().filter(|&&c| c == first).count();
        let score = agreeing * 100 + first;
        if score > best.1 {
            best = (d, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(t: &Table) -> Vec<Vec<&str>> {
        t.rows.iter().map(|r| r.cells().collect()).collect()
    }

    #[test]
    fn dialects_are_read() {
        type Case<'a> = (&'a str, u8, &'a [&'a [&'a str]], &'a [u64]);
        let cases: &[Case] = &[
            ("a,b\r\n1,2\r\n", b',', &[&["a", "b"], &["1", "2"]], &[1, 2]),
            ("a;b\n1,5;2\n", b';', &[&["a", "b"], &["1,5", "2"]], &[1, 2]),
            ("a\tb\n1\t2", b'\t', &[&["a", "b"], &["1", "2"]], &[1, 2]),
            (
                "sep=;\na;b\n1;2\n",
                b';',
                &[&["a", "b"], &["1", "2"]],
                &[2, 3],
            ),
            (
                "# GA4\n# ----\n\nDate,Users\n20250101,5\n",
                b',',
                &[&["Date", "Users"], &["20250101", "5"]],
                &[4, 5],
            ),
            (
                "id,text\n1,\"two\nlines, 😀\"\n\n2,x\n",
                b',',
                &[&["id", "text"], &["1", "two\nlines, 😀"], &["2", "x"]],
                &[1, 2, 5],
            ),
            ("\"a\",\"b\"\n\"1\"", b',', &[&["a", "b"], &["1"]], &[1, 2]),
        ];
        for (text, delimiter, rows, lines) in cases {
            assert_eq!(
                newlines(text.as_bytes()),
                text.bytes().filter(|b| *b == b'\n').count() as u64
            );
            let t = read_delimited(text);
            assert_eq!(t.delimiter, *delimiter, "{text:?}");
            assert_eq!(
                cells(&t),
                rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>(),
                "{text:?}"
            );
            assert_eq!(
                t.rows.iter().map(|r| r.line).collect::<Vec<_>>(),
                *lines,
                "{text:?}"
            );
        }
    }

    /// Checks that each row's cells with separators are those holding a `.` or a `,`.
    fn check_separated(rows: &[Row]) {
        for row in rows {
            let marked: Vec<usize> = row.separated_cells().map(|(i, _)| i).collect();
            let holding: Vec<usize> = (row.cells().enumerate())
                .filter(|(_, c)| c.contains(['.', ',']))
                .map(|(i, _)| i)
                .collect();
            // From the 64th cell on, cells are marked together: some may hold neither.
            let marked_early: Vec<usize> = marked.iter().copied().filter(|i| *i < 63).collect();
            let holding_early: Vec<usize> = holding.iter().copied().filter(|i| *i < 63).collect();
            assert_eq!(marked_early, holding_early, "{row:?}");
            assert!(holding.iter().all(|i| marked.contains(i)), "{row:?}");
        }
    }

    #[test]
    fn cells_with_separators_are_marked() {
        let wide: Vec<String> = (0..70).map(|i| format!("{i}.5")).collect();
        let text = format!(
            "a,b,c\n1.5,\"2,5\",x\n\"a.b\",,\"\"\"1,0\"\"\"\n{}\n",
            wide.join(",")
        );
        let table = read_delimited(&text);
        check_separated(&table.rows);
        let marked = |row: &Row| row.separated_cells().map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(marked(&table.rows[0]), Vec::<usize>::new());
        assert_eq!(marked(&table.rows[1]), [0, 1]);
        assert_eq!(marked(&table.rows[2]), [0, 2]);
        assert_eq!(marked(&table.rows[3]), (0..70).collect::<Vec<_>>());
        let mut row = Row::new(1, ["1.5", "2"]);
        assert_eq!(marked(&row), [0]);
        let mut builder = RowBuilder::default();
        builder.push("1.5");
        builder.set_last("2");
        builder.push("3,5");
        builder.end_row(1, true);
        row = builder.take().pop().unwrap();
        assert_eq!(marked(&row), [1]);
    }

    /// Reads `text` in pieces cut at the given lengths (rounded to characters), the last piece
    /// being the rest.
    fn in_pieces(text: &str, cuts: &[usize]) -> Table {
        let mut pieces = DelimitedPieces::default();
        let mut at = 0;
        for cut in cuts {
            let mut end = (at + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            pieces.push(&text[at..end]);
            at = end;
        }
        pieces.push(&text[at..]);
        let table = pieces.finish();
        check_separated(&table.rows);
        table
    }

    /// A splitter under test, as `split_rows` is called.
    type Split = fn(
        &str,
        u8,
        &mut RowBuilder,
        u64,
        bool,
        &mut dyn FnMut(u64, &mut RowBuilder, &str),
    ) -> (usize, u64);

    /// Rows with their lines, and where the splitter stopped (byte offset, line).
    type Splitted = (Vec<(u64, Vec<String>)>, (usize, u64));

    /// Rows split by `split` from `text`, in blocks of three rows, with where it stopped.
    fn split_with(text: &str, delimiter: u8, last: bool, split: Split) -> Splitted {
        let mut builder = RowBuilder::default();
        let mut read = Vec::new();
        let stop = split(
            text,
            delimiter,
            &mut builder,
            7,
            last,
            &mut |line, b, text| {
                b.end_row(line, false);
                if b.pending() == 3 {
                    read.extend(b.take_from(text));
                }
            },
        );
        read.extend(builder.take());
        check_separated(&read);
        (
            read.iter().map(|r| (r.line, r.to_strings())).collect(),
            stop,
        )
    }

    const PLAIN: Split = |t, d, b, l, last, r| split_rows_plain(t, d, b, l, last, r);
    const EITHER: Split = |t, d, b, l, last, r| split_rows(t, d, b, l, last, r);

    #[test]
    fn block_edges_are_read_by_the_fast_reader_as_the_plain_one_reads_them() {
        // A CRLF whose CR ends a block of 64 bytes, before a block without quotes or CRs, or
        // with quotes; a cell with doubled quotes that ends in a block without quotes: each
        // shifted across the block's edge.
        for pad in 60..67 {
            let a = "a".repeat(pad);
            let texts = [
                format!("{a}\r\nb,c\nd.5,e\n"),
                format!("{a}\r\n\"x\",y\n"),
                format!("\"\"\"{a}\"\nb\n"),
                format!("\"{a}\"\"\",z\r\nb,1.5\n"),
            ];
            for text in &texts {
                let mut builder = RowBuilder::default();
                let (at, _, irregular) =
                    split_rows_fast(text, b',', &mut builder, 1, true, &mut |line, b, _| {
                        b.end_row(line, false);
                    });
                assert!(!irregular && at == text.len(), "{text:?} is regular");
                let fast = split_with(text, b',', true, EITHER);
                assert_eq!(fast, split_with(text, b',', true, PLAIN), "{text:?}");
            }
            let (rows, stop) = split_with(&texts[0], b',', true, EITHER);
            assert_eq!(
                rows,
                [
                    (7, vec![a.clone()]),
                    (8, vec!["b".into(), "c".into()]),
                    (9, vec!["d.5".into(), "e".into()]),
                ]
            );
            assert_eq!(stop, (texts[0].len(), 10));
            let (rows, _) = split_with(&texts[2], b',', true, EITHER);
            assert_eq!(rows[0], (7, vec![format!("\"{a}")]));
        }
    }

    #[test]
    fn regular_text_is_split_by_the_fast_reader() {
        let text = "\"id\",\"text\"\r\n1,\"two\r\nlines, \"\"quoted\"\" 😀\"\r\n\r\n2,x\r\n\"\",\"\"\"\"\"\"\n";
        let mut builder = RowBuilder::default();
        let mut lines = Vec::new();
        let (at, _, irregular) = split_rows_fast(
            text,
            b',',
            &mut builder,
            1,
            true,
            &mut |line, b: &mut RowBuilder, _: &str| {
                b.end_row(line, false);
                lines.push(line);
            },
        );
        assert!(!irregular);
        assert_eq!(at, text.len());
        assert_eq!(lines, [1, 2, 5, 6]);
        let rows: Vec<Vec<String>> = builder
            .take_from(text)
            .iter()
            .map(Row::to_strings)
            .collect();
        assert_eq!(
            rows,
            [
                vec!["id", "text"],
                vec!["1", "two\r\nlines, \"quoted\" 😀"],
                vec!["2", "x"],
                vec!["", "\"\""],
            ]
        );
        // Irregular quoting and lone CRs go to the plain reader, from the first row of the
        // block of 64 bytes they are in.
        let regular = "a,b\n".repeat(16);
        for bad in ["1,5\" screen\n", "\"x\"y,1\n", "1,2\r3,4\n", "1,\"open\n"] {
            let text = format!("{regular}{bad}");
            let mut builder = RowBuilder::default();
            let mut rows = 0;
            let (at, line, irregular) = split_rows_fast(
                &text,
                b',',
                &mut builder,
                1,
                true,
                &mut |line, b: &mut RowBuilder, _: &str| {
                    b.end_row(line, false);
                    rows += 1;
                },
            );
            assert!(irregular, "{text:?}");
            assert_eq!((at, line, rows), (64, 17, 16), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Text read in pieces gives the table the whole text gives, whatever the cuts: rows
        /// cut by a piece's end, a CR and its LF apart, quotes left open, lines above the table.
        #[test]
        fn pieces_read_as_the_whole_text(
            head in proptest::sample::select(vec!["", "sep=;\n", "sep=,\r\n", "# GA4\n#\n\n"]),
            body in "[a-z .,;\"\n\r\t#é☕]{0,200}",
            cuts in proptest::collection::vec(0usize..12, 0..40),
        ) {
            let text = format!("{head}{body}");
            proptest::prop_assert_eq!(in_pieces(&text, &cuts), read_delimited(&text));
        }

        /// The same over a file larger than the start a delimiter is sniffed from, with pieces
        /// of a few kilobytes.
        #[test]
        fn large_text_in_pieces_reads_as_the_whole_text(
            rows in proptest::collection::vec("[a-z .,;\"\n\r\té]{0,40}", 1..20),
            cuts in proptest::collection::vec(1usize..20_000, 1..30),
        ) {
            let mut text = String::from("id;text;n\r\n");
            let mut i = 0;
            while text.len() < 3 * SNIFF_BYTES {
                text.push_str(&format!("{i};\"{}\";{}\r\n", rows[i % rows.len()].replace('"', "\"\""), i % 7));
                i += 1;
            }
            let whole = read_delimited(&text);
            proptest::prop_assert_eq!(whole.delimiter, b';');
            proptest::prop_assert_eq!(in_pieces(&text, &cuts), whole);
        }

        /// The fast reader, with the plain one after it where the text is irregular, splits any
        /// text as the plain reader alone does: the same rows, lines and stop, cut or whole.
        #[test]
        fn fast_split_is_the_plain_split(
            text in "[a.,;\t\"\n\r é\u{feff}\u{a0}]{0,700}",
            delimiter in proptest::sample::select(vec![b',', b';', b'\t']),
            last in proptest::bool::ANY,
        ) {
            proptest::prop_assert_eq!(
                split_with(&text, delimiter, last, EITHER),
                split_with(&text, delimiter, last, PLAIN)
            );
        }

        /// The same over regular text long enough for many blocks (written by the `csv` crate),
        /// cut anywhere.
        #[test]
        fn fast_split_is_the_plain_split_on_written_text(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z .,\t\"\n\r☕\u{feff}\u{a0}]{0,30}", 1..6),
                1..40,
            ),
            crlf in proptest::bool::ANY,
            cr_in_cells in proptest::bool::ANY,
            cut in 0usize..4000,
        ) {
            let mut writer = csv::WriterBuilder::new()
                .flexible(true)
                .terminator(if crlf { csv::Terminator::CRLF } else { csv::Terminator::Any(b'\n') })
                .from_writer(Vec::new());
            for row in &rows {
                // A CR inside a cell ends the fast reader's text (the plain reader takes the
                // rest): without, the fast reader reads every block.
                writer
                    .write_record(row.iter().map(|c| if cr_in_cells { c.clone() } else { c.replace('\r', "") }))
                    .unwrap();
            }
            let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
            let mut cut = cut.min(text.len());
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            for (part, last) in [(&text[..], true), (&text[..cut], false)] {
                proptest::prop_assert_eq!(
                    split_with(part, b',', last, EITHER),
                    split_with(part, b',', last, PLAIN)
                );
            }
        }

        /// Whatever the cells (delimiters, quotes, line breaks, any characters), a table written
        /// by the `csv` crate reads back the same, trimmed, blank rows left out, each row on the
        /// line it starts on.
        #[test]
        fn written_tables_read_back(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z .,;\"\n\r\té☕]{0,6}", 1..5),
                1..8,
            ),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|']),
        ) {
            let mut writer = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .flexible(true)
                .from_writer(Vec::new());
            // A first row that fixes the delimiter for sniffing would be needed; give it.
            let mut lines = Vec::new();
            for row in &rows {
                writer.flush().unwrap();
                lines.push(writer.get_ref().iter().filter(|b| **b == b'\n').count() as u64 + 1);
                writer.write_record(row).unwrap();
            }
            let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
            let mut builder = RowBuilder::default();
            // Blocks of three rows here, so that rows cross blocks.
            let mut read = Vec::new();
            split_rows(&text, delimiter, &mut builder, 1, true, |line, b, text| {
                b.end_row(line, false);
                if b.pending() == 3 {
                    read.extend(b.take_from(text));
                }
            });
            read.extend(builder.take());
            let expected: Vec<(u64, Vec<String>)> = rows
                .iter()
                .zip(&lines)
                .map(|(r, l)| (*l, r.iter().map(|c| trim_cell(c).to_owned()).collect::<Vec<_>>()))
                .filter(|(_, r)| r.iter().any(|c| !c.is_empty()))
                .collect();
            let got: Vec<(u64, Vec<String>)> = read
                .iter()
                .map(|r| (r.line, r.to_strings()))
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
