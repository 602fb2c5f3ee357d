//! Posts read as their file is split: a large export of a posts family (see
//! [`read::Family::streamed`]) is read block of rows by block of rows while the next pieces of
//! the file are still being read, and each block's text is freed for the next. The result is
//! the one the whole file read at once gives ([`read::dispatch`]), because the decisions a
//! whole-file read makes over every row (each column's number style, the day/month order of
//! dates, the years of yearless dates) are taken from the first rows, checked against every row
//! at the end, and when the file decides otherwise the file is read again whole
//! ([`Ending::Reread`]; rare: a column whose first few thousand numbers all fit both styles
//! and later ones do not, or dates whose order only late rows tell).

use super::date::{self, Order, OrderClues, OrderEvidence, Stamp, Written};
use super::header::Meaning;
use super::read::{self, Layout, PostRows, PostRules, SeenPosts};
use super::table::{Row, Table};
use super::value::{NumberStyle, StyleVotes};
use super::{ImportError, ImportOptions, Parsed};

/// A file of posts being read as it is split.
pub(super) struct PostStream {
    /// The table's rows down to the header (and the description row under it, if any).
    head: Table,
    header: usize,
    meanings: Vec<Option<Meaning>>,
    language: &'static str,
    rules: PostRules,
    options: ImportOptions,
    time_column: String,
    /// Every data row's votes for each column's number style.
    votes: StyleVotes,
    /// The styles and the date order rows are read with: what the first rows decided.
    styles: Vec<NumberStyle>,
    order: Order,
    /// Every date's evidence of the day/month order.
    clues: OrderClues,
    /// A date without a year: years are inferred from all of a file's dates at once, so such a
    /// file is read again whole, and the rows after it are not read.
    yearless: bool,
    /// Where a note on the whole file's dates goes: before the notes on its rows.
    notes_at: usize,
    seen: SeenPosts,
    parsed: Parsed,
}

/// How a file read as it was split ends.
pub(super) enum Ending {
    /// Read: what reading the whole file at once gives.
    Read(Box<Result<Parsed, ImportError>>),
    /// The whole file decided otherwise than its first rows: it must be read again whole.
    Reread,
}

/// Rows a first block needs for a file to be read as it is split: enough for the header search
/// (eight rows) to see what it sees in the whole file.
pub(super) const MIN_FIRST_ROWS: usize = 10;

impl PostStream {
    /// Starts reading a delimited file's table from its first rows (`table`: the rows split so
    /// far, at least a block's), if a streamed family reads it; otherwise gives the table back.
    /// `expected`: about how many rows the file has (room for its posts is made at once).
    pub fn begin(
        name: &str,
        mut table: Table,
        options: &ImportOptions,
        expected: usize,
    ) -> Result<Box<PostStream>, Table> {
        if table.rows.len() < MIN_FIRST_ROWS || super::competitors::is_named(name) {
            return Err(table);
        }
        let Some((_, family, 0, header, meanings, language)) =
            read::candidate(std::slice::from_ref(&table))
        else {
            return Err(table);
        };
        let Some(rules_of) = family.streamed else {
            return Err(table);
        };
        let described = read::is_described(&table, header);
        let data = table.rows.split_off(header + 1 + usize::from(described));
        let described = described.then(|| table.rows[header + 1].line);
        let votes = read::column_votes(&data, table.rows[header].len());
        let styles = read::decide_styles(votes.styles(), language);
        let mut layout = Layout::new(
            &table,
            &table.rows[header],
            meanings.clone(),
            data,
            styles.clone(),
        );
        let mut parsed = read::introduce(family, &layout, described, language);
        let rules = rules_of(&layout, &mut parsed);
        let time_column = read::begin_posts(&layout, &rules, &mut parsed);
        let mut clues = OrderClues::default();
        for stamp in read::stamps(&layout, Meaning::PublishTime).iter().flatten() {
            clues.add(stamp);
        }
        let order = clues.order_or(rules.date_order);
        let data = std::mem::take(&mut layout.data);
        drop(layout);
        parsed.posts.reserve_exact(expected);
        let mut stream = Box::new(PostStream {
            head: table,
            header,
            meanings,
            language,
            rules,
            options: options.clone(),
            time_column,
            votes,
            styles,
            order,
            clues: OrderClues::default(),
            yearless: false,
            notes_at: parsed.diagnostics.len(),
            seen: SeenPosts::new(expected, &parsed),
            parsed,
        });
        stream.read_rows(data, false);
        Ok(stream)
    }

    /// Reads the next rows of the file.
    pub fn push(&mut self, rows: Vec<Row>) {
        self.read_rows(rows, true);
    }

    /// Reads the file's last rows and checks the first rows' decisions against the whole file.
    pub fn finish(mut self: Box<Self>, rows: Vec<Row>) -> Ending {
        self.push(rows);
        let evidence = self.clues.evidence();
        if evidence == OrderEvidence::Contradictory {
            let column = self.time_column.as_str();
            let line = self.head.rows[self.header].line;
            return Ending::Read(Box::new(Err(ImportError::new(
                "dates-contradictory",
                column,
            )
            .at(line, column))));
        }
        let styles = read::decide_styles(self.votes.styles(), self.language);
        let order = self.clues.order_or(self.rules.date_order);
        if self.yearless || styles != self.styles || order != self.order {
            return Ending::Reread;
        }
        let mut parsed = self.parsed;
        self.seen.resolve_duplicates(&mut parsed);
        if evidence == OrderEvidence::Ambiguous && self.clues.numeric() {
            read::note_order_assumed(&self.time_column, order, &mut parsed);
            if let Some(note) = parsed.diagnostics.pop() {
                parsed.diagnostics.insert(self.notes_at, note);
            }
        }
        if parsed.records() == 0 {
            return Ending::Read(Box::new(Err(ImportError::new(
                "no-records",
                parsed.family.clone(),
            ))));
        }
        Ending::Read(Box::new(Ok(parsed)))
    }

    /// Reads rows into posts with the first rows' decisions, gathering every row's evidence
    /// for them (its votes for number styles unless already counted, `vote` false).
    fn read_rows(&mut self, rows: Vec<Row>, vote: bool) {
        if self.yearless {
            return;
        }
        let head = &self.head;
        let layout = Layout::new(
            head,
            &head.rows[self.header],
            self.meanings.clone(),
            Vec::new(),
            self.styles.clone(),
        );
        let mut reader = PostRows {
            layout: &layout,
            rules: &self.rules,
            time_column: &self.time_column,
            seen: &mut self.seen,
            zone: crate::domain::tz::zone(&self.options.time_zone).0,
        };
        let mut row_reader = RowReader {
            order: self.order,
            clues: &mut self.clues,
            votes: vote.then_some(&mut self.votes),
        };
        for row in rows {
            if !row_reader.read(&mut reader, &row, &mut self.parsed) {
                self.yearless = true;
                return;
            }
        }
    }
}

/// What each row is read with besides its layout: the date order and the evidence gathered.
struct RowReader<'a> {
    order: Order,
    clues: &'a mut OrderClues,
    votes: Option<&'a mut StyleVotes>,
}

impl RowReader<'_> {
    /// Reads one row; `false` (and the row not read) when its date has no year. A call of its
    /// own: see `value::vote_row` on V8's tiers.
    #[inline(never)]
    fn read(&mut self, posts: &mut PostRows, row: &Row, parsed: &mut Parsed) -> bool {
        if let Some(votes) = self.votes.as_deref_mut() {
            votes.add_cells(row.separated_cells());
        }
        let stamp: Option<Stamp> = date::parse(posts.layout.cell(row, Meaning::PublishTime));
        if let Some(stamp) = &stamp {
            if matches!(stamp.date, Written::Yearless { .. }) {
                return false;
            }
            self.clues.add(stamp);
        }
        let day = stamp.and_then(|s| date::resolve(s.date, self.order));
        posts.read(row, stamp.as_ref(), day.as_ref(), parsed);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::feed::test_options as options;
    use super::super::{Feed, parse};
    use super::*;
    use proptest::prelude::*;

    /// A Meta content export (with its byte-order mark) of rows `(id, publish time, reach)`,
    /// each with a 160-byte description (a file is split as it comes once it has 64 KB).
    fn export(rows: &[(String, String, String)]) -> Vec<u8> {
        let mut text = String::from(
            "\u{feff}Post ID,Publish time,Description,Permalink,Reach,Comments,Shares,Post type\r\n",
        );
        let description = "kopi susu gula aren, promo baru ".repeat(5);
        for (id, time, reach) in rows {
            let link = if id.is_empty() {
                String::new()
            } else {
                format!("https://www.facebook.com/1/posts/{id}")
            };
            text.push_str(&format!(
                "{id},{time},\"{description}\",{link},\"{reach}\",3,1,Photos\r\n"
            ));
        }
        text.into_bytes()
    }

    /// `n` rows: IDs from 1, times month-first on days 1 to 12 (either order fits), reach
    /// `1,234`-like (either number style fits).
    fn rows(n: usize) -> Vec<(String, String, String)> {
        (0..n)
            .map(|i| {
                let (month, day) = (1 + i % 12, 1 + i * 7 % 12);
                (
                    format!("{}", 1000 + i),
                    format!("{month:02}/{day:02}/2025 10:{:02}", i % 60),
                    format!("{},{:03}", 1 + i % 9, i % 1000),
                )
            })
            .collect()
    }

    /// How a file reads through a feed in pieces of `piece` bytes: the result, whether its
    /// posts were read as it was split, and whether it was read again (more bytes read than
    /// it has).
    fn fed(bytes: &[u8], piece: usize) -> (Result<Parsed, ImportError>, bool, bool) {
        let mut feed = Feed::with_piece("posts.csv", bytes.len(), piece, &options());
        let (mut streamed, mut read) = (false, 0);
        while let Some((at, n)) = feed.next() {
            feed.fill(|out| out.extend_from_slice(&bytes[at..(at + n).min(bytes.len())]));
            read += n;
            streamed |= feed.is_reading_posts();
        }
        (feed.finish(&mut || {}), streamed, read > bytes.len())
    }

    /// Reads `bytes` whole and in pieces: the same result; whether read as split, again.
    fn same_as_whole(bytes: &[u8]) -> (Result<Parsed, ImportError>, bool, bool) {
        let whole = parse("posts.csv", bytes, &options());
        let (result, streamed, again) = fed(bytes, 256);
        assert_eq!(result, whole);
        (result, streamed, again)
    }

    #[test]
    fn an_export_is_read_as_it_is_split() {
        let mut rows = rows(1500);
        // A day past the 12th decides the month-first order; a dot decimal the dot style.
        rows[3].1 = "12/25/2025 09:00".into();
        rows[4].2 = "12.5".into();
        // A duplicate ID in a later block, and a total row at the end.
        rows[1490].0 = rows[10].0.clone();
        rows.push(("Total".into(), String::new(), "99".into()));
        let (result, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && !again);
        let parsed = result.unwrap();
        assert_eq!(parsed.posts.len(), 1499);
        assert_eq!((parsed.rows, parsed.skipped), (1501, 2));
        let post = parsed.posts.iter().find(|p| p.id.0 == "1010").unwrap();
        // The later row of the duplicated ID wins: its reach (`6,490`, dot style) and time.
        assert_eq!(post.metrics[&crate::domain::model::Metric::Reach], 6490.0);
        assert_eq!(post.published.to_rfc3339(), "2025-03-03T10:50:00+07:00");
    }

    #[test]
    fn a_duplicated_id_keeps_its_first_place_with_its_last_rows_post() {
        use crate::domain::model::Metric;
        let mut rows = rows(1500);
        // Row 1's ID again on rows 3 and 7, row 2's on row 5, and a date row 4 cannot read;
        // row `i` is on line `i + 2`.
        for (row, again) in [(3, 1), (7, 1), (5, 2)] {
            rows[row].0 = rows[again].0.clone();
        }
        rows[4].1 = "not a date".into();
        let (result, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && !again);
        let parsed = result.unwrap();
        assert_eq!((parsed.rows, parsed.skipped), (1500, 4));
        let ids: Vec<&str> = parsed.posts[..4].iter().map(|p| p.id.0.as_str()).collect();
        assert_eq!(ids, ["1000", "1001", "1002", "1006"]);
        // Reach `8,007` from row 7 and `6,005` from row 5, in rows 1's and 2's places.
        let reach = |i: usize| parsed.posts[i].metrics[&Metric::Reach];
        assert_eq!((reach(1), reach(2)), (8007.0, 6005.0));
        assert_eq!(parsed.posts.len(), 1496);
        let notes: Vec<(&str, Option<u64>)> = (parsed.diagnostics.iter())
            .filter(|d| d.row.is_some())
            .map(|d| (d.code.as_str(), d.row))
            .collect();
        assert_eq!(
            notes,
            [
                ("duplicate-in-file", Some(5)),
                ("bad-date", Some(6)),
                ("duplicate-in-file", Some(7)),
                ("duplicate-in-file", Some(9)),
            ]
        );
        let detail = |line| {
            let note = parsed.diagnostics.iter().find(|d| d.row == Some(line));
            note.map(|d| d.detail.as_str())
        };
        assert_eq!(
            (detail(5), detail(7), detail(9)),
            (Some("1001"), Some("1002"), Some("1001"))
        );
    }

    #[test]
    fn numbers_the_first_rows_cannot_tell_are_read_again_when_later_ones_tell() {
        let mut rows = rows(1500);
        rows[1300].2 = "12,5".into();
        let (result, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && again);
        // `1,000` read with the comma style the whole file decides: 1.
        let reach = result.unwrap().posts[0].metrics[&crate::domain::model::Metric::Reach];
        assert_eq!(reach, 1.0);
    }

    #[test]
    fn a_late_day_past_the_twelfth_decides_the_order_and_reads_again() {
        let mut rows = rows(1500);
        rows[1300].1 = "25/04/2025 10:00".into();
        let (result, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && again);
        // `02/08` is the 2nd of August, day first.
        let second = &result.unwrap().posts[1];
        assert_eq!(second.published.date_naive().to_string(), "2025-08-02");
    }

    #[test]
    fn contradicting_dates_fail_as_a_whole_read_fails() {
        let mut rows = rows(1500);
        rows[1200].1 = "04/25/2025 10:00".into();
        rows[1300].1 = "25/04/2025 10:00".into();
        let (result, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && !again);
        assert_eq!(result.unwrap_err().code, "dates-contradictory");
    }

    #[test]
    fn a_yearless_date_reads_again_whole() {
        let mut rows = rows(1500);
        rows[1300].1 = "April 25".into();
        assert!(matches!(
            date::parse("April 25").map(|s| s.date),
            Some(Written::Yearless { .. })
        ));
        let (_, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && again);
    }

    #[test]
    fn an_assumed_order_is_noted_before_the_rows_notes() {
        let mut rows = rows(1500);
        rows[1250].0 = rows[5].0.clone();
        let (result, streamed, again) = same_as_whole(&export(&rows));
        assert!(streamed && !again);
        let codes: Vec<String> = result
            .unwrap()
            .diagnostics
            .into_iter()
            .map(|d| d.code)
            .collect();
        let at = |code: &str| codes.iter().position(|c| c == code).unwrap();
        assert!(at("date-order-assumed") < at("duplicate-in-file"));
    }

    #[test]
    fn rows_without_ids_are_no_records() {
        let rows: Vec<_> = rows(1500)
            .into_iter()
            .map(|(_, time, reach)| (String::new(), time, reach))
            .collect();
        let (result, streamed, _) = same_as_whole(&export(&rows));
        assert!(streamed);
        assert_eq!(result.unwrap_err().code, "no-records");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any mix of dates, numbers, IDs and rows, cut anywhere: what the whole file gives.
        #[test]
        fn exports_read_as_split_read_as_whole(
            picks in proptest::collection::vec((0usize..6, 0usize..6, 0usize..5), 600..800),
            piece in 16usize..4000,
        ) {
            const TIMES: [&str; 6] = ["03/04/2025 10:00", "04/25/2025 08:00", "25/04/2025 08:00",
                "April 25", "2025-04-03T10:00:00+0000", "garbage"];
            const REACH: [&str; 6] = ["1,234", "12,5", "12.5", "1.234", "-", "7"];
            let rows: Vec<_> = picks
                .iter()
                .enumerate()
                .map(|(i, &(t, r, id))| {
                    let id = match id {
                        0 => String::new(),
                        1 => "Total".into(),
                        2 => format!("{}", 1000 + i % 7),
                        _ => format!("{}", 2000 + i),
                    };
                    // Mostly ordinary rows, so that files reach the reading as split.
                    let t = if i % 3 == 0 { t } else { 0 };
                    let r = if i % 3 == 1 { r } else { 5 };
                    (id, TIMES[t].to_owned(), REACH[r].to_owned())
                })
                .collect();
            let bytes = export(&rows);
            let (result, streamed, _) = fed(&bytes, piece);
            prop_assert!(streamed);
            prop_assert_eq!(result, parse("posts.csv", &bytes, &options()));
        }
    }
}
