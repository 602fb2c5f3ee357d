//! Text to rows: reads a delimited export whatever its dialect — an Excel `sep=` hint line,
//! `#` comment lines above the table (web analytics), comma, semicolon, tab or pipe delimiters,
//! quoted fields with embedded newlines, CRLF or LF. Rows keep their 1-based line number in the
//! file so that diagnostics can point at them.

/// One row of cells as text, with the file line it starts on. The cells lie one after another
/// in one string (two allocations a row, not one a cell: a 200,000-row export has millions of
/// cells), each already trimmed of whitespace and byte-order marks.
#[derive(Clone, PartialEq, Default)]
pub struct Row {
    pub line: u64,
    text: Box<str>,
    /// Where each cell ends in `text`.
    ends: Box<[u32]>,
}

impl Row {
    /// A row of these cells, each trimmed.
    pub fn new<S: AsRef<str>>(line: u64, cells: impl IntoIterator<Item = S>) -> Row {
        let mut builder = RowBuilder::default();
        for cell in cells {
            builder.push(cell.as_ref());
        }
        builder.finish(line)
    }

    /// How many cells the row has (empty ones included).
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell in column `i`, if the row is that wide.
    pub fn cell(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.text.get(start..end)
    }

    /// The cells, left to right.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        (0..self.ends.len()).map(|i| self.cell(i).unwrap_or_default())
    }

    /// The cells as owned strings (for the few places that keep a header).
    pub fn to_strings(&self) -> Vec<String> {
        self.cells().map(str::to_owned).collect()
    }

    /// Whether every cell is empty.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
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

/// Builds rows cell by cell, reusing its buffers from row to row.
#[derive(Default)]
pub struct RowBuilder {
    text: String,
    ends: Vec<u32>,
}

impl RowBuilder {
    /// Appends a cell, trimmed of whitespace and byte-order marks.
    pub fn push(&mut self, cell: &str) {
        self.text.push_str(trim_cell(cell));
        self.ends.push(self.text.len() as u32);
    }

    /// Replaces the last cell (an empty one is added when there is none).
    pub fn set_last(&mut self, cell: &str) {
        if self.ends.pop().is_none() {
            self.text.clear();
        } else {
            let start = self.ends.last().map_or(0, |e| *e as usize);
            self.text.truncate(start);
        }
        self.push(cell);
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The row so far, and an empty builder for the next one.
    pub fn finish(&mut self, line: u64) -> Row {
        let row = Row {
            line,
            text: self.text.as_str().into(),
            ends: self.ends.as_slice().into(),
        };
        self.text.clear();
        self.ends.clear();
        row
    }
}

/// A cell without surrounding whitespace or byte-order marks (the common case, text that
/// starts and ends with a visible ASCII character, costs two comparisons).
fn trim_cell(cell: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
    let bytes = cell.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
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
    let mut rest = text;
    let mut line = 1u64;
    let mut preamble = Vec::new();
    let mut delimiter = None;
    // Lines before the table: `sep=;`, `# comment` blocks, blank lines.
    loop {
        let (head, tail) = match rest.find('\n') {
            Some(i) => (&rest[..i], &rest[i + 1..]),
            None => (rest, ""),
        };
        let trimmed = head.trim_end_matches('\r').trim();
        let lower = trimmed.to_ascii_lowercase();
        if let Some(sep) = lower
            .strip_prefix("sep=")
            .or_else(|| lower.strip_prefix("\"sep="))
        {
            delimiter = sep.bytes().next().filter(|b| *b != b'"');
        } else if !(trimmed.starts_with('#') || (trimmed.is_empty() && !tail.is_empty())) {
            break;
        }
        preamble.push(trimmed.to_owned());
        rest = tail;
        line += 1;
        if rest.is_empty() {
            break;
        }
    }
    let delimiter = delimiter.unwrap_or_else(|| sniff_delimiter(rest));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(rest.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut builder = RowBuilder::default();
    // Line numbers from byte offsets: newlines inside quoted fields count too.
    let mut counted = (0usize, 1u64);
    // Only I/O errors are possible on a byte reader (none on a slice): stop at one.
    while let Ok(true) = reader.read_byte_record(&mut record) {
        // Fields split at ASCII delimiters and quotes of valid UTF-8 are valid UTF-8.
        let Ok(all) = std::str::from_utf8(record.as_slice()) else {
            continue;
        };
        for i in 0..record.len() {
            builder.push(record.range(i).and_then(|r| all.get(r)).unwrap_or_default());
        }
        let row = builder.finish(0);
        if row.is_blank() {
            continue;
        }
        // The record's position can point at the previous terminator: skip it.
        let mut byte = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(rest.len());
        while rest
            .as_bytes()
            .get(byte)
            .is_some_and(|b| *b == b'\r' || *b == b'\n')
        {
            byte += 1;
        }
        if byte >= counted.0 {
            counted.1 += newlines(&rest.as_bytes()[counted.0..byte]);
            counted.0 = byte;
        }
        rows.push(Row {
            line: line + counted.1.saturating_sub(1),
            ..row
        });
    }
    Table {
        sheet: String::new(),
        rows,
        preamble,
        delimiter,
    }
}

/// How many `\n` bytes a slice holds (eight bytes at a time).
fn newlines(bytes: &[u8]) -> u64 {
    let (chunks, tail) = bytes.as_chunks::<8>();
    let mut n = tail.iter().filter(|b| **b == b'\n').count() as u64;
    for chunk in chunks {
        // Exact per-byte zero test: a lane's high bit ends up set only where the byte was `\n`.
        let x = u64::from_ne_bytes(*chunk) ^ 0x0a0a_0a0a_0a0a_0a0a;
        let low = 0x7f7f_7f7f_7f7f_7f7f;
        let zero = !(((x & low).wrapping_add(low)) | x | low);
        n += u64::from(zero.count_ones());
    }
    n
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
}
