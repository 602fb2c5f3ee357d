//! Text to rows: reads a delimited export whatever its dialect — an Excel `sep=` hint line,
//! `#` comment lines above the table (web analytics), comma, semicolon, tab or pipe delimiters,
//! quoted fields with embedded newlines, CRLF or LF. Rows keep their 1-based line number in the
//! file so that diagnostics can point at them.

/// One row of cells as text, with the file line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
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
    let mut record = csv::StringRecord::new();
    // Line numbers from byte offsets: newlines inside quoted fields count too.
    let mut counted = (0usize, 1u64);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
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
                    counted.1 += rest.as_bytes()[counted.0..byte]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count() as u64;
                    counted.0 = byte;
                }
                let at = counted.1;
                let cells: Vec<String> = record.iter().map(clean_cell).collect();
                if cells.iter().all(|c| c.is_empty()) {
                    continue;
                }
                rows.push(Row {
                    line: line + at.saturating_sub(1),
                    cells,
                });
            }
            Ok(false) => break,
            // Only I/O or UTF-8 errors are possible on a &str reader; stop at either.
            Err(_) => break,
        }
    }
    Table {
        sheet: String::new(),
        rows,
        preamble,
        delimiter,
    }
}

fn clean_cell(cell: &str) -> String {
    cell.trim_matches(|c: char| c == '\u{feff}' || c.is_whitespace())
        .to_owned()
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
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
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
