//! Text to rows: reads a delimited export whatever its dialect — an Excel `sep=` hint line,
//! `#` comment lines above the table (web analytics), comma, semicolon, tab or pipe delimiters,
//! quoted fields with embedded newlines, CRLF or LF. Rows keep their 1-based line number in the
//! file so that diagnostics can point at them.

use std::sync::Arc;

/// The cells of many rows, one after another in one string: a 200,000-row export has millions
/// of cells, and a few thousand rows share each allocation.
#[derive(Default)]
struct Block {
    text: String,
    /// Where each cell ends in `text`.
    ends: Vec<u32>,
}

/// How many rows share a block.
const ROWS_PER_BLOCK: usize = 4096;

/// One row of cells as text, with the file line it starts on; each cell already trimmed of
/// whitespace and byte-order marks.
#[derive(Clone, Default)]
pub struct Row {
    pub line: u64,
    block: Arc<Block>,
    /// Where the row's text starts in its block, and its cells' range in the block's ends.
    start: u32,
    first: u32,
    last: u32,
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
        let at = self.first as usize + i;
        let start = if i == 0 {
            self.start
        } else {
            self.block.ends[at - 1]
        };
        self.block
            .text
            .get(start as usize..self.block.ends[at] as usize)
    }

    /// The cells, left to right.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        (0..self.len()).map(|i| self.cell(i).unwrap_or_default())
    }

    /// The cells as owned strings (for the few places that keep a header).
    pub fn to_strings(&self) -> Vec<String> {
        self.cells().map(str::to_owned).collect()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.is_empty() || self.block.ends[self.last as usize - 1] == self.start
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
    /// Rows ended and not yet taken: line, text start, cell range.
    rows: Vec<(u64, u32, u32, u32)>,
    /// Where the row being built starts: text, cells.
    start: u32,
    first: u32,
}

impl RowBuilder {
    /// Appends a cell to the row being built, trimmed of whitespace and byte-order marks.
    pub fn push(&mut self, cell: &str) {
        self.block.text.push_str(trim_cell(cell));
        self.block.ends.push(self.block.text.len() as u32);
    }

    /// Replaces the row's last cell (an empty one is added when it has none).
    pub fn set_last(&mut self, cell: &str) {
        if !self.is_empty() {
            self.block.ends.pop();
        }
        let start = match self.len() {
            0 => self.start,
            _ => self.block.ends.last().copied().unwrap_or(self.start),
        };
        self.block.text.truncate(start as usize);
        self.push(cell);
    }

    /// How many cells the row being built has.
    pub fn len(&self) -> usize {
        self.block.ends.len() - self.first as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Ends the row being built, on file line `line`; a blank row (no text in any cell) is
    /// dropped unless `keep_blank`. Says whether the row was kept.
    pub fn end_row(&mut self, line: u64, keep_blank: bool) -> bool {
        let blank = self.block.text.len() as u32 == self.start;
        if blank && !keep_blank {
            self.discard_row();
            return false;
        }
        let last = self.block.ends.len() as u32;
        self.rows.push((line, self.start, self.first, last));
        self.start = self.block.text.len() as u32;
        self.first = last;
        true
    }

    /// Forgets the row being built.
    pub fn discard_row(&mut self) {
        self.block.text.truncate(self.start as usize);
        self.block.ends.truncate(self.first as usize);
    }

    /// How many ended rows wait to be taken.
    pub fn pending(&self) -> usize {
        self.rows.len()
    }

    /// The ended rows, sharing one block; the builder starts a new block.
    pub fn take(&mut self) -> Vec<Row> {
        self.discard_row();
        let mut block = std::mem::take(&mut self.block);
        // The next block likely holds as much: room for it at once, not by doubling.
        self.block.text.reserve(block.text.len());
        self.block.ends.reserve(block.ends.len());
        block.text.shrink_to_fit();
        block.ends.shrink_to_fit();
        let block = Arc::new(block);
        let rows = self
            .rows
            .drain(..)
            .map(|(line, start, first, last)| Row {
                line,
                block: Arc::clone(&block),
                start,
                first,
                last,
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
        |line, builder| {
            end_row(line, builder, &mut rows);
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

/// Ends a row just split, handing out a block's rows when it is full.
fn end_row(line: u64, builder: &mut RowBuilder, rows: &mut Vec<Row>) {
    builder.end_row(line, false);
    if builder.pending() >= ROWS_PER_BLOCK {
        rows.extend(builder.take());
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
#[derive(Default)]
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
}

/// Text enough to find the table's start and sniff its delimiter (its 16,384 first characters).
const SNIFF_BYTES: usize = 4 * 16 * 1024;

/// A cut row this long stops the splitting until the last piece (short in tests, so that the
/// property tests reach it).
const LONG_ROW: usize = if cfg!(test) { 64 } else { 16 << 20 };

impl DelimitedPieces {
    /// Adds the next piece of text (each a whole number of characters) and splits every row it
    /// completes.
    pub fn push(&mut self, piece: &str) {
        self.pending.push_str(piece);
        self.split(false);
    }

    /// The table, once every piece has been pushed.
    pub fn finish(mut self) -> Table {
        self.split(true);
        self.rows.extend(self.builder.take());
        Table {
            sheet: String::new(),
            rows: self.rows,
            preamble: self.preamble,
            delimiter: self.started.map_or(b',', |(d, _)| d),
        }
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
        let Some((delimiter, line)) = self.started else {
            return;
        };
        if self.waiting && !last {
            return;
        }
        let rows = &mut self.rows;
        let (consumed, line) = split_rows(
            &self.pending,
            delimiter,
            &mut self.builder,
            line,
            last,
            |line, builder| end_row(line, builder, rows),
        );
        self.pending.drain(..consumed);
        self.started = Some((delimiter, line));
        self.waiting = self.pending.len() > LONG_ROW;
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
fn split_rows(
    text: &str,
    delimiter: u8,
    builder: &mut RowBuilder,
    mut line: u64,
    last: bool,
    mut row: impl FnMut(u64, &mut RowBuilder),
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
        row(first_line, builder);
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
        pieces.finish()
    }

    proptest::proptest! {
        /// Text read in pieces gives the table the whole text gives, whatever the cuts: rows
        /// cut by a piece's end, a CR and its LF apart, quotes left open, lines above the table.
        #[test]
        fn pieces_read_as_the_whole_text(
            head in proptest::sample::select(vec!["", "sep=;\n", "sep=,\r\n", "# GA4\n#\n\n"]),
            body in "[a-z ,;\"\n\r\t#é☕]{0,200}",
            cuts in proptest::collection::vec(0usize..12, 0..40),
        ) {
            let text = format!("{head}{body}");
            proptest::prop_assert_eq!(in_pieces(&text, &cuts), read_delimited(&text));
        }

        /// The same over a file larger than the start a delimiter is sniffed from, with pieces
        /// of a few kilobytes.
        #[test]
        fn large_text_in_pieces_reads_as_the_whole_text(
            rows in proptest::collection::vec("[a-z ,;\"\n\r\té]{0,40}", 1..20),
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

        /// Whatever the cells (delimiters, quotes, line breaks, any characters), a table written
        /// by the `csv` crate reads back the same, trimmed, blank rows left out, each row on the
        /// line it starts on.
        #[test]
        fn written_tables_read_back(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z ,;\"\n\r\té☕]{0,6}", 1..5),
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
            split_rows(&text, delimiter, &mut builder, 1, true, |line, b| {
                b.end_row(line, false);
                if b.pending() == 3 {
                    read.extend(b.take());
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
