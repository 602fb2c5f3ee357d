//! The machinery every family shares: finding the header row, mapping columns by meaning,
//! deciding a file's date order and years, and reading rows into posts, daily series,
//! follower activity and breakdowns. Families (one file each) only declare their dictionaries,
//! what identifies them, and their few quirks.

use std::borrow::Cow;
use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::date::{self, Order, OrderEvidence, Stamp, Written};
use super::header::{self, Dictionary, Meaning};
use super::id_index::IdIndex;
use super::table::{Row, Table};
use super::value::{self, NumberStyle, StyleVotes};
use super::{ImportError, ImportOptions, Parsed, ParsedPost};
use crate::domain::model::{
    Breakdown, BreakdownUnit, Dimension, Metric, Metrics, Platform, PostFormat, PostId, Severity,
};

/// One export family: how to recognise it and how to read it.
pub(super) struct Family {
    pub id: &'static str,
    pub dictionaries: &'static [&'static [Dictionary]],
    /// Meanings that must all be present for the family to match.
    pub required: &'static [Meaning],
    /// Columns the family's exports normally have: missing ones are reported (header drift).
    pub expected: &'static [Meaning],
    pub read: fn(&mut Layout, &ImportOptions, &mut Parsed) -> Result<(), ImportError>,
    /// For families whose files are one post per row, read by [`read_posts`] with rules that
    /// the first rows decide: those rules (setting what they tell of the account). Large
    /// exports of these families are read as they are split ([`super::stream`]).
    pub streamed: Option<PostsOf>,
}

/// A posts family's rules for a layout (see [`Family::streamed`]).
pub(super) type PostsOf = fn(&Layout, &mut Parsed) -> PostRules;

pub(super) const FAMILIES: &[&Family] = &[
    &super::meta::CONTENT,
    &super::meta::SERIES,
    &super::x::TWEETS,
    &super::x::DAILY,
    &super::x::CONTENT,
    &super::tiktok::FAMILY,
    &super::youtube::FAMILY,
    &super::web::FAMILY,
    &super::facebook::CLASSIC,
];

/// A table with its header found and its columns given meanings. It owns the rows below the
/// header, so that a reader can drop each row once it is read (the posts reader does: the
/// table's text and the posts made from it never all live at once).
pub(super) struct Layout<'t> {
    pub table: &'t Table,
    pub header: &'t Row,
    pub meanings: Vec<Option<Meaning>>,
    pub data: Vec<Row>,
    pub styles: Vec<NumberStyle>,
    /// The columns of each meaning (by [`Meaning::slot`]), left to right: read for every cell
    /// of every row.
    columns: Vec<Vec<usize>>,
    /// The metric columns, by metric, then left to right.
    metric_columns: Vec<MetricColumn>,
}

/// A column holding a metric, and how its cells are read.
struct MetricColumn {
    column: usize,
    metric: Metric,
    /// Durations may be written `0:01:25`.
    duration: bool,
    /// Watch time in hours, stored in seconds.
    hours: bool,
}

impl<'t> Layout<'t> {
    pub fn new(
        table: &'t Table,
        header: &'t Row,
        meanings: Vec<Option<Meaning>>,
        data: Vec<Row>,
        styles: Vec<NumberStyle>,
    ) -> Self {
        let mut layout = Layout {
            table,
            header,
            meanings,
            data,
            styles,
            columns: Vec::new(),
            metric_columns: Vec::new(),
        };
        layout.index_columns();
        layout
    }

    fn index_columns(&mut self) {
        let mut columns = vec![Vec::new(); Meaning::SLOTS];
        for (i, m) in self.meanings.iter().enumerate() {
            if let Some(slot) = m.and_then(|m| columns.get_mut(m.slot())) {
                slot.push(i);
            }
        }
        self.columns = columns;
        let mut metric_columns: Vec<MetricColumn> = (self.meanings.iter().enumerate())
            .filter_map(|(column, m)| match m {
                Some(Meaning::Metric(metric)) => Some(MetricColumn {
                    column,
                    metric: *metric,
                    duration: matches!(
                        metric,
                        Metric::WatchTimeSeconds | Metric::AverageViewSeconds
                    ),
                    hours: *metric == Metric::WatchTimeSeconds
                        && self.header_of(column).contains("hours"),
                }),
                _ => None,
            })
            .collect();
        metric_columns.sort_by_key(|c| (c.metric, c.column));
        self.metric_columns = metric_columns;
    }

    /// Gives column `column` another meaning.
    pub fn relabel(&mut self, column: usize, meaning: Meaning) {
        if let Some(m) = self.meanings.get_mut(column) {
            *m = Some(meaning);
        }
        self.index_columns();
    }

    /// The first column with this meaning.
    pub fn column(&self, meaning: Meaning) -> Option<usize> {
        self.columns
            .get(meaning.slot())
            .and_then(|c| c.first().copied())
    }

    pub fn has(&self, meaning: Meaning) -> bool {
        self.column(meaning).is_some()
    }

    /// The header text of a column (for diagnostics).
    pub fn header_of(&self, column: usize) -> &str {
        self.header.cell(column).unwrap_or_default()
    }

    /// A row's cell for a meaning: the first non-empty one when several columns share it.
    pub fn cell<'r>(&self, row: &'r Row, meaning: Meaning) -> &'r str {
        self.columns
            .get(meaning.slot())
            .into_iter()
            .flatten()
            .filter_map(|&i| row.cell(i))
            .find(|c| !value::is_empty(c))
            .unwrap_or_default()
    }

    /// A row's metrics, from every metric column (the first that has a number, left to right,
    /// per metric): gathered in order of metric, then held in exactly their room.
    pub fn metrics(&self, row: &Row) -> Metrics {
        // Each metric at most once: fewer than the room here.
        let mut found = [(Metric::Impressions, 0.0); 32];
        let mut n = 0;
        let mut last = None;
        for c in &self.metric_columns {
            if last == Some(c.metric) {
                continue;
            }
            let Some(cell) = row.cell(c.column) else {
                continue;
            };
            let style = self.styles[c.column];
            let v = if c.duration && cell.contains(':') {
                value::duration_seconds(cell, style)
            } else {
                value::number(cell, style)
            };
            if let Some(v) = v
                && let Some(slot) = found.get_mut(n)
            {
                *slot = (c.metric, if c.hours { v * 3600.0 } else { v });
                n += 1;
                last = Some(c.metric);
            }
        }
        Metrics::from_ordered(&found[..n])
    }

    /// The account handle named in the first permalink that has one.
    pub fn handle_in_links(&self) -> Option<String> {
        self.data
            .iter()
            .map(|r| self.cell(r, Meaning::Permalink))
            .find_map(handle_in_link)
    }

    pub fn number(&self, row: &Row, meaning: Meaning) -> Option<f64> {
        let i = self.column(meaning)?;
        value::number(row.cell(i)?, self.styles[i])
    }
}

/// A possible reading of a file: score, family, table (its position), header row, meanings,
/// language.
pub(super) type Candidate = (
    u32,
    &'static Family,
    usize,
    usize,
    Vec<Option<Meaning>>,
    &'static str,
);

/// Finds the family and header of the first table that has one, and reads it. The rows below
/// the header are moved out of the table for the reader, and put back when the family turns
/// out not to read the table (`unknown-format`), for the next importer to try.
pub(super) fn dispatch(
    tables: &mut [Table],
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let Some((_, family, at, index, meanings, language)) = candidate(tables) else {
        let header = tables
            .iter()
            .find_map(|t| t.rows.first())
            .map(|r| r.cells().take(8).collect::<Vec<_>>().join(", "))
            .unwrap_or_default();
        return Err(ImportError::new("unknown-format", header));
    };
    // Some exports put a row of long column descriptions under the header.
    let described = is_described(&tables[at], index);
    let data = tables[at]
        .rows
        .split_off((index + 1 + usize::from(described)).min(tables[at].rows.len()));
    let table = &tables[at];
    let header = &table.rows[index];
    let styles = decide_styles(column_votes(&data, header.len()).styles(), language);
    let described = described.then(|| table.rows[index + 1].line);
    let mut layout = Layout::new(table, header, meanings, data, styles);
    let mut parsed = introduce(family, &layout, described, language);
    if let Err(e) = (family.read)(&mut layout, options, &mut parsed) {
        if e.code == "unknown-format" {
            let rows = std::mem::take(&mut layout.data);
            drop(layout);
            tables[at].rows.extend(rows);
        }
        return Err(e);
    }
    if parsed.records() == 0 {
        return Err(ImportError::new("no-records", parsed.family.clone()));
    }
    Ok(parsed)
}

/// The family and header of the first table that has one, by how many of the header's cells
/// the family knows.
pub(super) fn candidate(tables: &[Table]) -> Option<Candidate> {
    let mut best: Option<Candidate> = None;
    for (at, table) in tables.iter().enumerate() {
        for family in FAMILIES {
            for (index, row) in table.rows.iter().enumerate().take(8) {
                let (meanings, language, known) = map_header(family, row);
                if known < 2 || !family.required.iter().all(|r| meanings.contains(&Some(*r))) {
                    continue;
                }
                let filled = row.cells().filter(|c| !c.is_empty()).count().max(1);
                let score = (known * 1000 / filled) as u32 * 100 + known as u32;
                if best.as_ref().is_none_or(|b| score > b.0) {
                    best = Some((score, family, at, index, meanings, language));
                }
            }
        }
    }
    best
}

/// The number-style votes of every column of these rows.
pub(super) fn column_votes(rows: &[Row], columns: usize) -> StyleVotes {
    let mut votes = StyleVotes::new(columns);
    for row in rows {
        votes.add_cells(row.separated_cells());
    }
    votes
}

/// Whether the row under the header is a row of long column descriptions (some exports have
/// one).
pub(super) fn is_described(table: &Table, header: usize) -> bool {
    table.rows.get(header + 1).is_some_and(is_description_row)
}

/// Each column's number style: its own when its cells decide it, else the one most columns
/// of the file decide, else its language's.
pub(super) fn decide_styles(voted: Vec<Option<NumberStyle>>, language: &str) -> Vec<NumberStyle> {
    let comma = voted
        .iter()
        .filter(|v| **v == Some(NumberStyle::CommaDecimal))
        .count();
    let dot = voted
        .iter()
        .filter(|v| **v == Some(NumberStyle::DotDecimal))
        .count();
    let file_style = match comma.cmp(&dot) {
        std::cmp::Ordering::Greater => NumberStyle::CommaDecimal,
        std::cmp::Ordering::Less => NumberStyle::DotDecimal,
        std::cmp::Ordering::Equal => value::language_style(language),
    };
    voted.into_iter().map(|v| v.unwrap_or(file_style)).collect()
}

/// A family's reading of a layout before its rows are read: the header described, and notes
/// of columns new or missing and of the description row skipped (its line).
pub(super) fn introduce(
    family: &Family,
    layout: &Layout,
    described: Option<u64>,
    language: &str,
) -> Parsed {
    let header = layout.header;
    let mut parsed = Parsed::new(family.id, None, "posts");
    parsed.language = language.into();
    let meanings: Vec<Option<String>> = layout
        .meanings
        .iter()
        .map(|m| m.map(|m| format!("{m:?}")))
        .collect();
    parsed.describe_header(header.cells(), meanings.iter().map(|m| m.as_deref()));
    let unknown: Vec<&str> = header
        .cells()
        .zip(&layout.meanings)
        .filter(|(h, m)| m.is_none() && !h.is_empty())
        .map(|(h, _)| h)
        .collect();
    if !unknown.is_empty() {
        parsed.note(
            Severity::Info,
            Some(header.line),
            None,
            "new-columns",
            unknown.join(", "),
        );
    }
    let missing: Vec<String> = family
        .expected
        .iter()
        .filter(|m| !layout.meanings.contains(&Some(**m)))
        .map(|m| match m {
            Meaning::Metric(metric) => format!("{metric:?}"),
            other => format!("{other:?}"),
        })
        .collect();
    if !missing.is_empty() {
        parsed.note(
            Severity::Warning,
            Some(header.line),
            None,
            "missing-columns",
            missing.join(", "),
        );
    }
    if let Some(line) = described {
        parsed.note(
            Severity::Info,
            Some(line),
            None,
            "description-row-skipped",
            String::new(),
        );
    }
    parsed
}

/// A layout for a known header row (families that read several sheets themselves), with a
/// copy of the rows below it.
pub(super) fn layout_for<'t>(
    table: &'t Table,
    index: usize,
    meanings: Vec<Option<Meaning>>,
    language: &str,
) -> Layout<'t> {
    let data = table.rows[index + 1..].to_vec();
    layout_over(table, index, meanings, data, language)
}

/// A layout for a known header row that takes the rows below it out of the table.
pub(super) fn layout_taking<'t>(
    table: &'t mut Table,
    index: usize,
    meanings: Vec<Option<Meaning>>,
    language: &str,
) -> Layout<'t> {
    let data = table.rows.split_off((index + 1).min(table.rows.len()));
    layout_over(table, index, meanings, data, language)
}

fn layout_over<'t>(
    table: &'t Table,
    index: usize,
    meanings: Vec<Option<Meaning>>,
    data: Vec<Row>,
    language: &str,
) -> Layout<'t> {
    let header = &table.rows[index];
    let styles = column_votes(&data, header.len())
        .styles()
        .into_iter()
        .map(|v| v.unwrap_or_else(|| value::language_style(language)))
        .collect();
    Layout::new(table, header, meanings, data, styles)
}

/// Gives each header cell its meaning in the family's dictionaries; returns the meanings, the
/// language most cells matched, and how many cells were recognised.
fn map_header(family: &Family, row: &Row) -> (Vec<Option<Meaning>>, &'static str, usize) {
    let mut votes: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut known = 0;
    let meanings = row
        .cells()
        .map(|cell| {
            let found = family
                .dictionaries
                .iter()
                .find_map(|d| header::lookup(d, cell));
            found.map(|(m, lang)| {
                known += 1;
                *votes.entry(lang).or_default() += 1;
                m
            })
        })
        .collect();
    let language = votes
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map_or("en", |(l, _)| l);
    (meanings, language, known)
}

/// Reads the stamps of a column for every data row.
pub(super) fn stamps(layout: &Layout, meaning: Meaning) -> Vec<Option<Stamp>> {
    layout
        .data
        .iter()
        .map(|row| date::parse(layout.cell(row, meaning)))
        .collect()
}

/// The day/month order of a date column, decided over every stamp of the file: `default` when
/// every date fits both (said in the diagnostics when some date was numeric), an error naming
/// the column (on the header's `line`) when rows contradict each other.
pub(super) fn decide_order<'a>(
    stamps: impl Iterator<Item = &'a Stamp> + Clone,
    column: &str,
    line: u64,
    default: Order,
    parsed: &mut Parsed,
) -> Result<Order, ImportError> {
    match date::decide_order(stamps.clone()) {
        OrderEvidence::Decided(o) => Ok(o),
        OrderEvidence::Contradictory => {
            Err(ImportError::new("dates-contradictory", column).at(line, column))
        }
        OrderEvidence::Ambiguous => {
            if stamps
                .into_iter()
                .any(|s| matches!(s.date, Written::Numeric { .. }))
            {
                note_order_assumed(column, default, parsed);
            }
            Ok(default)
        }
    }
}

/// Says that a date column's day/month order was assumed (every numeric date fit both).
pub(super) fn note_order_assumed(column: &str, order: Order, parsed: &mut Parsed) {
    let detail = match order {
        Order::MonthFirst => "month-first",
        Order::DayFirst => "day-first",
    };
    parsed.note(
        Severity::Info,
        None,
        Some(column),
        "date-order-assumed",
        detail.into(),
    );
}

/// The dates of a column: day/month order decided over the whole file (`default` when every
/// date fits both), years of yearless dates inferred from their sequence, ending no later than
/// `latest`. Reports what was assumed.
pub(super) fn resolve_dates(
    layout: &Layout,
    stamps: &[Option<Stamp>],
    column: &str,
    default: Order,
    latest: NaiveDate,
    independent_years: bool,
    parsed: &mut Parsed,
) -> Result<Vec<Option<NaiveDate>>, ImportError> {
    let order = decide_order(
        stamps.iter().flatten(),
        column,
        layout.header.line,
        default,
        parsed,
    )?;
    let yearless: Vec<(u32, u32)> = stamps
        .iter()
        .flatten()
        .filter_map(|s| match s.date {
            Written::Yearless { month, day } => Some((month, day)),
            _ => None,
        })
        .collect();
    let mut inferred = if independent_years {
        yearless
            .iter()
            .map(|(m, d)| date::latest_on_or_before(*m, *d, latest))
            .collect::<Vec<_>>()
    } else {
        date::infer_years(&yearless, latest)
    }
    .into_iter();
    let dates: Vec<Option<NaiveDate>> = stamps
        .iter()
        .map(|s| {
            s.as_ref().and_then(|s| match s.date {
                Written::Yearless { .. } => inferred.next().flatten(),
                w => date::resolve(w, order),
            })
        })
        .collect();
    if !yearless.is_empty() {
        let years: Vec<i32> = dates.iter().flatten().map(chrono::Datelike::year).collect();
        if let (Some(lo), Some(hi)) = (years.iter().min(), years.iter().max()) {
            let detail = if lo == hi {
                format!("{lo}")
            } else {
                format!("{lo}–{hi}")
            };
            parsed.note(Severity::Info, None, Some(column), "year-inferred", detail);
        }
    }
    Ok(dates)
}

pub(super) fn extend_period(parsed: &mut Parsed, day: NaiveDate) {
    parsed.period = Some(match parsed.period {
        Some((a, b)) => (a.min(day), b.max(day)),
        None => (day, day),
    });
}

/// A row of column descriptions: no cell is a number, and some are sentences.
fn is_description_row(row: &Row) -> bool {
    let sentences = row
        .cells()
        .filter(|c| c.len() > 25 && c.contains(' '))
        .count();
    let numbers = row
        .cells()
        .filter(|c| value::number(c, NumberStyle::DotDecimal).is_some())
        .count();
    sentences >= 2 && numbers == 0
}

/// Whether a row is a totals row (`Total`, `Totals`, `Jumlah`...).
fn is_total_row(row: &Row) -> bool {
    // Most first cells are IDs or dates: no word of the list starts with a digit.
    row.cell(0).is_some_and(|c| {
        c.len() <= 16
            && !c.starts_with(|c: char| c.is_ascii_digit())
            && matches!(
                header::normalize(c).as_str(),
                "total" | "totals" | "jumlah" | "grand total" | "合計" | "tổng"
            )
    })
}

/// How a family's post rows work.
#[derive(Clone, Copy)]
pub(super) struct PostRules {
    pub platform: Platform,
    pub date_order: Order,
    /// The post ID when the file has no ID column (from the permalink).
    pub id_from_link: fn(&str) -> Option<String>,
    pub format: fn(&str) -> PostFormat,
    /// Yearless publish dates are each the latest such day not after the export date (TikTok
    /// content lists), instead of a chronological sequence.
    pub independent_years: bool,
    /// Whether a row's post was promoted (paid), from the family's own columns.
    pub promoted: fn(&Layout, &Row) -> bool,
}

/// For families whose exports do not say whether a post was promoted.
pub(super) fn never_promoted(_: &Layout, _: &Row) -> bool {
    false
}

/// Reads post rows: one post per row with an ID and a publish time; totals and duplicate IDs
/// skipped (the last row of a duplicated ID wins), with diagnostics.
pub(super) fn read_posts(
    layout: &mut Layout,
    options: &ImportOptions,
    rules: &PostRules,
    latest: NaiveDate,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    let time_column = begin_posts(layout, rules, parsed);
    let stamps = stamps(layout, Meaning::PublishTime);
    let dates = resolve_dates(
        layout,
        &stamps,
        &time_column,
        rules.date_order,
        latest,
        rules.independent_years,
        parsed,
    )?;
    // Room for every row at once: growing by doubling would hold the old and the new array
    // together, the largest single allocation of an import.
    parsed.posts.reserve_exact(layout.data.len());
    // Each row is dropped once read: its memory goes to the posts that follow.
    let data = std::mem::take(&mut layout.data);
    let mut seen = SeenPosts::new(data.len(), parsed);
    let mut rows = PostRows {
        layout,
        rules,
        time_column: &time_column,
        seen: &mut seen,
        zone: crate::domain::tz::zone(&options.time_zone).0,
    };
    for ((row, stamp), day) in data.into_iter().zip(&stamps).zip(&dates) {
        rows.read(&row, stamp.as_ref(), day.as_ref(), parsed);
    }
    seen.resolve_duplicates(parsed);
    Ok(())
}

/// Sets what a file of posts is; the header of its publish-time column.
pub(super) fn begin_posts(layout: &Layout, rules: &PostRules, parsed: &mut Parsed) -> String {
    parsed.kind = "posts".into();
    parsed.platform = Some(rules.platform);
    layout
        .column(Meaning::PublishTime)
        .map_or("", |i| layout.header_of(i))
        .to_owned()
}

/// The posts read so far, to find the IDs read twice once every row is read, and the post
/// types met.
pub(super) struct SeenPosts {
    /// Each post read, in the order read (the posts from `first` on in [`Parsed::posts`]).
    /// Duplicates are found after the last row, in one pass over a table of IDs that then has
    /// the processor's caches to itself: a look in a table of 200,000 IDs for each row,
    /// between reading the rows' text and writing their posts, missed the caches nearly every
    /// time (about 30 ms of a 200,000-row import in V8, against about 3 for the pass at the
    /// end).
    read: Vec<ReadPost>,
    first: usize,
    /// Post types repeat (a handful per file): each distinct one is read once, and found
    /// again by a look along this list.
    formats: Vec<(String, PostFormat)>,
}

/// A post as [`SeenPosts`] keeps it: its ID's hash, its row's line, and how many notes the
/// file had when its row was read (where a note on it goes).
struct ReadPost {
    hash: u64,
    line: u64,
    notes: usize,
}

impl SeenPosts {
    /// Room for `posts` posts, read into `parsed` from now on.
    pub fn new(posts: usize, parsed: &Parsed) -> Self {
        SeenPosts {
            read: Vec::with_capacity(posts),
            first: parsed.posts.len(),
            formats: Vec::new(),
        }
    }

    /// Keeps a post just read into `parsed`, with its ID and its row's line.
    fn record(&mut self, id: &str, line: u64, parsed: &Parsed) {
        self.read.push(ReadPost {
            hash: IdIndex::hash(id),
            line,
            notes: parsed.diagnostics.len(),
        });
    }

    /// Once every row is read: a post whose ID an earlier row had takes the earlier post's
    /// place (the last row of an ID wins, where the first was), and is noted where a note
    /// made as its row was read would be.
    pub fn resolve_duplicates(self, parsed: &mut Parsed) {
        let posts = &mut parsed.posts[self.first..];
        let mut index = IdIndex::with_capacity(self.read.len());
        // The duplicates' places, and their IDs (taken from the posts dropped).
        let mut duplicates = Vec::new();
        for (i, post) in self.read.iter().enumerate() {
            let id = &posts[i].id.0;
            let found = index.find_or_insert_hashed(post.hash, id, i, |j| &posts[j].id.0);
            if let Some(at) = found {
                posts.swap(at, i);
                duplicates.push((i, std::mem::take(&mut posts[i].id.0)));
            }
        }
        if duplicates.is_empty() {
            return;
        }
        let mut position = 0;
        let mut dropped = duplicates.iter().map(|(i, _)| self.first + i).peekable();
        parsed.posts.retain(|_| {
            let drop = dropped.next_if_eq(&position).is_some();
            position += 1;
            !drop
        });
        parsed.skipped += duplicates.len() as u64;
        // Each note after the notes made before its row was read.
        let mut others = std::mem::take(&mut parsed.diagnostics).into_iter();
        let mut placed = 0;
        for (i, id) in duplicates {
            let ReadPost { line, notes, .. } = self.read[i];
            (parsed.diagnostics).extend(others.by_ref().take(notes.saturating_sub(placed)));
            placed = placed.max(notes);
            parsed.note(Severity::Info, Some(line), None, "duplicate-in-file", id);
        }
        parsed.diagnostics.extend(others);
    }
}

/// What [`read_posts`] reads each row with: the rows' layout and rules, and the posts seen.
pub(super) struct PostRows<'a, 't> {
    pub layout: &'a Layout<'t>,
    pub rules: &'a PostRules,
    pub time_column: &'a str,
    pub seen: &'a mut SeenPosts,
    /// The options' time zone, found once.
    pub zone: chrono_tz::Tz,
}

impl PostRows<'_, '_> {
    /// Reads one row into a post (or skips it, saying why). A call of its own, not inlined into
    /// the loop over rows: see `value::vote_row` on V8's tiers.
    #[inline(never)]
    pub fn read(
        &mut self,
        row: &Row,
        stamp: Option<&Stamp>,
        day: Option<&NaiveDate>,
        parsed: &mut Parsed,
    ) {
        let (layout, rules) = (self.layout, self.rules);
        parsed.rows += 1;
        if is_total_row(row) {
            parsed.skipped += 1;
            parsed.note(
                Severity::Info,
                Some(row.line),
                None,
                "total-row-skipped",
                String::new(),
            );
            return;
        }
        let link = layout.cell(row, Meaning::Permalink);
        let id: Option<Cow<str>> = match layout.cell(row, Meaning::PostId) {
            "" => (rules.id_from_link)(link).map(Cow::Owned),
            id => Some(Cow::Borrowed(id.trim_start_matches('\''))),
        };
        let Some(id) = id else {
            parsed.skip(row.line, "id", "missing-id", String::new());
            return;
        };
        let (Some(stamp), Some(day)) = (stamp, day) else {
            let cell = layout.cell(row, Meaning::PublishTime).to_owned();
            parsed.skip(row.line, self.time_column, "bad-date", cell);
            return;
        };
        extend_period(parsed, *day);
        let title = layout.cell(row, Meaning::Title);
        let body = layout.cell(row, Meaning::Text);
        let text = match (title.is_empty(), body.is_empty()) {
            (false, false) if !body.starts_with(title) => format!("{title}\n{body}"),
            (false, true) => title.to_owned(),
            _ => body.to_owned(),
        };
        let kind = layout.cell(row, Meaning::PostType);
        let formats = &mut self.seen.formats;
        let format = match formats.iter().find(|(k, _)| k == kind) {
            Some((_, format)) => *format,
            None => {
                let format = (rules.format)(kind);
                // A file of many types (not an export's) keeps the list short.
                if formats.len() < 32 {
                    formats.push((kind.to_owned(), format));
                }
                format
            }
        };
        let post = ParsedPost {
            id: PostId(id.clone().into_owned()),
            published: super::local_to_instant_in(*day, stamp.time, stamp.offset, self.zone),
            format,
            text,
            permalink: (!link.is_empty()).then(|| link.to_owned()),
            metrics: layout.metrics(row),
            promoted: (rules.promoted)(layout, row),
        };
        self.seen.record(&id, row.line, parsed);
        parsed.posts.push(post);
    }
}

/// Reads one row per day (or per day and item, summed when `sum_per_day`).
pub(super) fn read_daily(
    layout: &Layout,
    date_order: Order,
    latest: NaiveDate,
    sum_per_day: bool,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    let column = layout
        .column(Meaning::Date)
        .map_or("", |i| layout.header_of(i))
        .to_owned();
    let stamps = stamps(layout, Meaning::Date);
    let dates = resolve_dates(layout, &stamps, &column, date_order, latest, false, parsed)?;
    let mut days: BTreeMap<NaiveDate, Metrics> = BTreeMap::new();
    for (row, day) in layout.data.iter().zip(&dates) {
        parsed.rows += 1;
        if is_total_row(row) {
            parsed.skipped += 1;
            continue;
        }
        let Some(day) = day else {
            let cell = layout.cell(row, Meaning::Date).to_owned();
            parsed.skip(row.line, &column, "bad-date", cell);
            continue;
        };
        let metrics = layout.metrics(row);
        if metrics.is_empty() {
            parsed.skipped += 1;
            continue;
        }
        extend_period(parsed, *day);
        let entry = days.entry(*day).or_default();
        if !entry.is_empty() && !sum_per_day {
            parsed.skipped += 1;
            parsed.note(
                Severity::Info,
                Some(row.line),
                None,
                "duplicate-in-file",
                day.to_string(),
            );
        }
        for (m, v) in metrics {
            if sum_per_day {
                *entry.entry(m).or_default() += v;
            } else {
                entry.insert(m, v);
            }
        }
    }
    parsed.daily.extend(days);
    Ok(())
}

/// Reads `label, share` rows into one breakdown.
pub(super) fn read_breakdown(
    layout: &Layout,
    dimension: Dimension,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.kind = "demographics".into();
    let mut entries = Vec::new();
    for row in &layout.data {
        parsed.rows += 1;
        let label = layout.cell(row, Meaning::Category);
        match (label.is_empty(), layout.number(row, Meaning::Share)) {
            (false, Some(share)) => entries.push((label.to_owned(), share)),
            _ => parsed.skipped += 1,
        }
    }
    let unit = if entries.iter().all(|(_, v)| *v <= 1.0) {
        BreakdownUnit::Share
    } else {
        BreakdownUnit::Count
    };
    parsed.breakdowns.push(Breakdown {
        dimension,
        unit,
        entries,
    });
    Ok(())
}

/// The `@handle` or account name in a permalink: `https://x.com/<handle>/status/...`,
/// `https://www.tiktok.com/@<handle>/video/...`.
pub(super) fn handle_in_link(link: &str) -> Option<String> {
    let path = link.split("://").nth(1)?.split_once('/')?.1;
    let first = path.split('/').next()?;
    (!first.is_empty()).then(|| first.trim_start_matches('@').to_owned())
}

/// The last path segment of a link (`.../video/7531345990947851551` → its ID).
pub(super) fn last_segment(link: &str) -> Option<String> {
    let path = link.split(['?', '#']).next()?.trim_end_matches('/');
    let last = path.rsplit('/').next()?;
    (!last.is_empty() && link.contains('/')).then(|| last.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Posts `(id, text)` read in order on `lines`, with a note on some rows made as they were
    /// read (`noted`: the row's index), as [`PostRows::read`] does: what
    /// [`SeenPosts::resolve_duplicates`] makes of them.
    fn resolved(posts: &[(&str, &str)], lines: &[u64], noted: &[usize]) -> Parsed {
        let mut parsed = Parsed::new("test", None, "posts");
        parsed.note(Severity::Info, None, None, "before-rows", String::new());
        let mut seen = SeenPosts::new(posts.len(), &parsed);
        for (i, ((id, text), line)) in posts.iter().zip(lines).enumerate() {
            if noted.contains(&i) {
                parsed.note(
                    Severity::Warning,
                    Some(*line),
                    None,
                    "bad-date",
                    i.to_string(),
                );
                continue;
            }
            seen.record(id, *line, &parsed);
            parsed.posts.push(ParsedPost {
                id: PostId((*id).to_owned()),
                published: chrono::DateTime::default(),
                format: PostFormat::Photo,
                text: (*text).to_owned(),
                permalink: None,
                metrics: Metrics::new(),
                promoted: false,
            });
        }
        seen.resolve_duplicates(&mut parsed);
        parsed
    }

    #[test]
    fn duplicates_are_noted_where_they_were_read_whatever_the_lines() {
        // Lines that repeat and go back, as a SpreadsheetML sheet's `ss:Index` may give.
        let posts = [
            ("a", "1"),
            ("b", "2"),
            ("x", "-"),
            ("a", "3"),
            ("a", "4"),
            ("b", "5"),
        ];
        let p = resolved(&posts, &[2, 9, 4, 4, 3, 3], &[2]);
        let texts: Vec<(&str, &str)> = (p.posts.iter())
            .map(|p| (p.id.0.as_str(), p.text.as_str()))
            .collect();
        assert_eq!(texts, [("a", "4"), ("b", "5")]);
        assert_eq!(p.skipped, 3);
        let notes: Vec<(&str, Option<u64>, &str)> = (p.diagnostics.iter())
            .map(|d| (d.code.as_str(), d.row, d.detail.as_str()))
            .collect();
        assert_eq!(
            notes,
            [
                ("before-rows", None, ""),
                ("bad-date", Some(4), "2"),
                ("duplicate-in-file", Some(4), "a"),
                ("duplicate-in-file", Some(3), "a"),
                ("duplicate-in-file", Some(3), "b"),
            ]
        );
    }
}
