//! Cell text to numbers: empties (`""`, `-`, `undefined`...), thousands and decimal separators
//! by locale (decided per column), percentages, and durations (`0:01:25` or seconds).

/// How a column writes its numbers; decided once per column from all its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// `1,234.5`
    #[default]
    DotDecimal,
    /// `1.234,5`
    CommaDecimal,
}

/// Whether a cell means "no value".
pub fn is_empty(cell: &str) -> bool {
    const EMPTIES: [&str; 10] = [
        "",
        "-",
        "--",
        "—",
        "undefined",
        "null",
        "none",
        "n/a",
        "na",
        "nan",
    ];
    // Cheap for long text: only short cells can be an empty spelling.
    if cell.len() > 12 {
        return false;
    }
    let cell = cell.trim();
    EMPTIES.iter().any(|e| cell.eq_ignore_ascii_case(e))
}

/// Decides the number style of a column from its cells: a cell like `1.234,5` or `12,5` only
/// fits the comma style, `1,234.5` or `0.123` only the dot style. Ambiguous cells (`1,234`)
/// do not vote; `None` on a tie (the caller falls back on the rest of the file).
pub fn column_style<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<NumberStyle> {
    let mut votes = Votes::default();
    for cell in cells {
        votes.add(cell.as_bytes());
    }
    votes.style()
}

/// The votes of every column of a table, gathered row by row (also as rows come, from a file
/// read as it is split): row by row, the cells are read in the order they lie in memory, where
/// a pass per column would jump between rows.
#[derive(Debug, Clone)]
pub struct StyleVotes(Vec<Votes>);

impl StyleVotes {
    pub fn new(columns: usize) -> Self {
        StyleVotes(vec![Votes::default(); columns])
    }

    /// The votes of some of a row's cells, each with its column and as bytes (those of a
    /// `str`): the cells with a `.` or a `,` are enough, the others do not vote. Most are
    /// turned down by a look at their bytes, with no check of character boundaries.
    pub fn add_cells<'a>(&mut self, cells: impl IntoIterator<Item = (usize, &'a [u8])>) {
        vote_row(&mut self.0, cells);
    }

    /// Each column's style as the rows so far decide it (`None` on a tie).
    pub fn styles(&self) -> Vec<Option<NumberStyle>> {
        self.0.iter().map(Votes::style).collect()
    }
}

/// The votes of one row's cells. A call of its own, not inlined into the loop over rows: V8
/// runs a WebAssembly function in its quick first tier until enough calls have gone through
/// it, and moves it to its optimised tier only at a call, never inside a running loop; a loop
/// over a whole file in one call would run unoptimised to its end.
#[inline(never)]
fn vote_row<'a>(votes: &mut [Votes], cells: impl IntoIterator<Item = (usize, &'a [u8])>) {
    for (column, cell) in cells {
        if let Some(vote) = votes.get_mut(column) {
            vote.add(cell);
        }
    }
}

/// A column's votes for the comma and the dot style.
#[derive(Debug, Clone, Copy, Default)]
struct Votes {
    dot: u32,
    comma: u32,
}

impl Votes {
    /// A cell's vote, from its bytes (those of a `str`).
    #[inline]
    fn add(&mut self, bytes: &[u8]) {
        // Text, or a number without a separator (an integer, a date), is the common cell:
        // neither votes.
        if !bytes
            .first()
            .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b' '))
            || !bytes.iter().any(|b| matches!(b, b'.' | b','))
        {
            return;
        }
        // A number as exports write them, in ASCII with spaces and percent signs at most, is
        // trimmed as bytes; anything else as text.
        if bytes
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b' ' | b'%'))
        {
            self.add_trimmed(trim_number(bytes));
        } else if let Ok(cell) = std::str::from_utf8(bytes) {
            self.add_number(cell);
        }
    }

    /// The vote of a cell that may be a number with a separator.
    #[inline(never)]
    fn add_number(&mut self, cell: &str) {
        self.add_trimmed(cell.trim().trim_end_matches('%').trim().as_bytes());
    }

    /// The vote of a cell without surrounding whitespace or percent sign.
    fn add_trimmed(&mut self, s: &[u8]) {
        // Only cells that look like numbers vote (not links, dates or text).
        if s.is_empty()
            || !s
                .iter()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b' '))
            || !s.iter().any(u8::is_ascii_digit)
        {
            return;
        }
        let count = |c: u8| s.iter().filter(|b| **b == c).count();
        let (last_dot, last_comma) = (
            s.iter().rposition(|b| *b == b'.'),
            s.iter().rposition(|b| *b == b','),
        );
        match (last_dot, last_comma) {
            (Some(d), Some(c)) if d > c => self.dot += 1,
            (Some(_), Some(_)) => self.comma += 1,
            (Some(d), None) => {
                // `1.234` could be either; `0.5`, `12.34` and `1.2.3`-free decimals are dot.
                if s.len() - d - 1 != 3 || count(b'.') == 1 && s.starts_with(b"0.") {
                    self.dot += 1
                } else if count(b'.') > 1 {
                    self.comma += 1
                }
            }
            (None, Some(c)) => {
                if s.len() - c - 1 != 3 {
                    self.comma += 1
                } else if count(b',') > 1 {
                    self.dot += 1
                }
            }
            (None, None) => {}
        }
    }

    fn style(&self) -> Option<NumberStyle> {
        match self.comma.cmp(&self.dot) {
            std::cmp::Ordering::Greater => Some(NumberStyle::CommaDecimal),
            std::cmp::Ordering::Less => Some(NumberStyle::DotDecimal),
            std::cmp::Ordering::Equal => None,
        }
    }
}

/// A number cell's bytes without the spaces around it and its percent signs, as `str::trim`
/// and `trim_end_matches('%')` leave a cell whose only whitespace is spaces.
fn trim_number(bytes: &[u8]) -> &[u8] {
    let spaces = |b: &[u8]| -> (usize, usize) {
        let start = b.iter().position(|c| *c != b' ').unwrap_or(b.len());
        let end = b.iter().rposition(|c| *c != b' ').map_or(start, |i| i + 1);
        (start, end)
    };
    let (start, end) = spaces(bytes);
    let mut s = &bytes[start..end];
    while let [rest @ .., b'%'] = s {
        s = rest;
    }
    let (start, end) = spaces(s);
    &s[start..end]
}

/// The number style a UI language writes (Indonesian, Vietnamese, Spanish, Portuguese,
/// German and French use a decimal comma).
pub fn language_style(language: &str) -> NumberStyle {
    match language {
        "id" | "vi" | "es" | "pt" | "de" | "fr" | "it" | "nl" | "tr" | "ru" => {
            NumberStyle::CommaDecimal
        }
        _ => NumberStyle::DotDecimal,
    }
}

/// A number from a cell: `1,234.5`, `1.234,5`, `12.0`, `12.3%` (as 12.3), `(5)`, `1 234`.
/// `None` for empties and for text that is not a number.
#[inline(always)]
pub fn number(cell: &str, style: NumberStyle) -> Option<f64> {
    // The common cells, plain integers and decimals, need no copying, and are read where the
    // caller is (an importer reads millions of them): only other cells take a call.
    match plain_number(cell.as_bytes(), style) {
        Some(value) => Some(value),
        None => other_number(cell, style),
    }
}

/// [`number`] for cells that are not plain integers or decimals.
#[inline(never)]
fn other_number(cell: &str, style: NumberStyle) -> Option<f64> {
    if is_empty(cell) {
        return None;
    }
    let s = cell.trim();
    let s = s.strip_suffix('%').unwrap_or(s).trim();
    let (thousands, decimal) = match style {
        NumberStyle::DotDecimal => (',', '.'),
        NumberStyle::CommaDecimal => ('.', ','),
    };
    // The number in Rust's spelling, on the stack: no allocation per cell.
    let mut out = [0u8; 64];
    let mut n = 0;
    for c in s.chars() {
        let b = match c {
            c if c == thousands => continue,
            ' ' | '\u{a0}' | '\u{202f}' | '\'' => continue,
            c if c == decimal => b'.',
            '0'..='9' | '-' | '+' | 'e' | 'E' => c as u8,
            _ => return None,
        };
        *out.get_mut(n)? = b;
        n += 1;
    }
    let value: f64 = std::str::from_utf8(&out[..n]).ok()?.parse().ok()?;
    value.is_finite().then_some(value)
}

/// The powers of ten a double holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// A number written as at most 15 digits with at most one decimal separator between two of
/// them (`12`, `13.69` in the dot style): the digits as an integer divided by a power of ten,
/// both exact in a double, so the one rounding of the division gives the correctly rounded
/// value, the one `str::parse` gives. `None` for anything else.
#[inline]
fn plain_number(bytes: &[u8], style: NumberStyle) -> Option<f64> {
    let decimal = match style {
        NumberStyle::DotDecimal => b'.',
        NumberStyle::CommaDecimal => b',',
    };
    if bytes.is_empty() || bytes.len() > 16 {
        return None;
    }
    let (mut digits, mut fraction) = (0u64, None);
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            digits = digits * 10 + u64::from(b - b'0');
        } else if b == decimal && fraction.is_none() && i > 0 && i + 1 < bytes.len() {
            fraction = Some(bytes.len() - i - 1);
        } else {
            return None;
        }
    }
    match fraction {
        None if bytes.len() <= 15 => Some(digits as f64),
        Some(places) => Some(digits as f64 / *EXACT_POWERS_OF_TEN.get(places)?),
        None => None,
    }
}

/// A percentage as a fraction: `12.3%` is 0.123; a bare number is taken as already a fraction
/// when `fraction_when_bare`, else as percent points.
pub fn percent(cell: &str, style: NumberStyle, fraction_when_bare: bool) -> Option<f64> {
    let value = number(cell, style)?;
    if cell.trim().ends_with('%') || !fraction_when_bare {
        Some(value / 100.0)
    } else {
        Some(value)
    }
}

/// A duration in seconds: `0:01:25`, `01:25`, `85`, `85.5`.
pub fn duration_seconds(cell: &str, style: NumberStyle) -> Option<f64> {
    if is_empty(cell) {
        return None;
    }
    let s = cell.trim();
    if s.contains(':') {
        let mut total = 0.0;
        for part in s.split(':') {
            let v: f64 = part.trim().replace(',', ".").parse().ok()?;
            total = total * 60.0 + v;
        }
        return Some(total);
    }
    number(s, style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberStyle::*;

    #[test]
    fn numbers_are_read_by_style() {
        let cases: &[(&str, NumberStyle, Option<f64>)] = &[
            ("1,234.5", DotDecimal, Some(1234.5)),
            ("1.234,5", CommaDecimal, Some(1234.5)),
            ("12.0", DotDecimal, Some(12.0)),
            ("12.3%", DotDecimal, Some(12.3)),
            ("-", DotDecimal, None),
            ("undefined", DotDecimal, None),
            ("", DotDecimal, None),
            ("1 234", DotDecimal, Some(1234.0)),
            ("abc", DotDecimal, None),
            ("inf", DotDecimal, None),
            ("1e3", DotDecimal, Some(1000.0)),
        ];
        for (cell, style, want) in cases {
            assert_eq!(number(cell, *style), *want, "{cell}");
        }
    }

    #[test]
    fn column_style_is_voted() {
        assert_eq!(column_style(["1.234,5", "12,5", "7"]), Some(CommaDecimal));
        assert_eq!(column_style(["1,234.5", "0.123"]), Some(DotDecimal));
        assert_eq!(column_style(["1,234", "5"]), None);
        assert_eq!(column_style(["1.234.567", "2"]), Some(CommaDecimal));
        // All columns at once say what each says alone; short rows leave columns out.
        let rows = [
            vec!["1.234,5", "1,234.5", "x"],
            vec!["12,5", "0.123"],
            vec!["7"],
        ];
        let mut votes = StyleVotes::new(4);
        for row in &rows {
            votes.add_cells(row.iter().map(|c| c.as_bytes()).enumerate());
        }
        assert_eq!(
            votes.styles(),
            vec![Some(CommaDecimal), Some(DotDecimal), None, None]
        );
    }

    proptest::proptest! {
        /// A cell's vote is the same through the byte path as through the text path.
        #[test]
        fn number_cells_vote_as_text(cell in "[0-9 .,%+a\u{a0}-]{0,12}") {
            let (mut bytes, mut text) = (Votes::default(), Votes::default());
            bytes.add(cell.as_bytes());
            let first = cell.bytes().next();
            if first.is_some_and(|b| b.is_ascii_digit() || b".,-+ ".contains(&b))
                && cell.contains(['.', ','])
            {
                text.add_number(&cell);
            }
            proptest::prop_assert_eq!((bytes.dot, bytes.comma), (text.dot, text.comma));
        }
    }

    proptest::proptest! {
        /// Plain integers and decimals read quickly are the numbers Rust reads from the same
        /// digits, to the bit.
        #[test]
        fn plain_numbers_are_parsed_exactly(
            int in "[0-9]{1,16}",
            fraction in proptest::option::of("[0-9]{1,15}"),
            comma in proptest::bool::ANY,
        ) {
            let style = if comma { CommaDecimal } else { DotDecimal };
            let separator = if comma { "," } else { "." };
            let cell = match &fraction {
                Some(f) => format!("{int}{separator}{f}"),
                None => int.clone(),
            };
            let rust: f64 = match &fraction {
                Some(f) => format!("{int}.{f}").parse().unwrap(),
                None => int.parse().unwrap(),
            };
            let quick = plain_number(cell.as_bytes(), style);
            if let Some(v) = quick {
                proptest::prop_assert_eq!(v.to_bits(), rust.to_bits(), "{}", cell);
            } else {
                proptest::prop_assert!(cell.len() > 15);
            }
            proptest::prop_assert_eq!(number(&cell, style).map(f64::to_bits), Some(rust.to_bits()));
        }
    }

    #[test]
    fn percents_and_durations() {
        assert_eq!(percent("12.5%", DotDecimal, true), Some(0.125));
        assert_eq!(percent("0.125", DotDecimal, true), Some(0.125));
        assert_eq!(percent("1.68", DotDecimal, false), Some(0.0168));
        assert_eq!(duration_seconds("0:01:25", DotDecimal), Some(85.0));
        assert_eq!(duration_seconds("01:25", DotDecimal), Some(85.0));
        assert_eq!(duration_seconds("85", DotDecimal), Some(85.0));
    }
}
