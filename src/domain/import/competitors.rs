//! LinkedIn's competitor analytics (`<page>_competitor_analytics_<ms>.xlsx`): one row per page,
//! the client's own and its competitors', with totals over the period chosen in LinkedIn (total
//! followers, new followers, post engagements, posts). The sheets may come without size
//! information, and followers and content may be on separate sheets: the rows of one page come
//! together. The period is read from the description rows above the header (or from start and
//! end columns); without one, the 30 days up to the export's day are assumed, and said.
//! Columns are found by meaning in English, Indonesian, Spanish, Portuguese and French.

use chrono::{Duration, NaiveDate};

use super::date::{self, Order, Stamp, Written};
use super::header;
use super::table::{Row, Table};
use super::value;
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Metric, Metrics, Period, Platform, Severity};

/// One page's totals as the file gives them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ParsedTotals {
    /// The page's name as written.
    pub page: String,
    /// The file names it as the page it was exported from (`<page>_competitor_analytics_`).
    pub own: bool,
    pub period: Period,
    pub values: Metrics,
    pub posts: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Page,
    Followers,
    NewFollowers,
    Engagements,
    Posts,
    Start,
    End,
}

impl Field {
    fn metric(self) -> bool {
        matches!(
            self,
            Field::Followers | Field::NewFollowers | Field::Engagements | Field::Posts
        )
    }
}

/// Column names, compared after [`header::normalize`].
const COLUMNS: &[(Field, &[&str])] = &[
    (
        Field::Page,
        &[
            "page",
            "page name",
            "company",
            "company name",
            "organization",
            "competitor",
            "halaman",
            "nama halaman",
            "perusahaan",
            "pesaing",
            "página",
            "pagina",
            "empresa",
            "entreprise",
        ],
    ),
    (
        Field::Followers,
        &[
            "total followers",
            "followers",
            "total pengikut",
            "pengikut",
            "seguidores totales",
            "total de seguidores",
            "seguidores",
            "abonnés",
            "nombre total d'abonnés",
        ],
    ),
    (
        Field::NewFollowers,
        &[
            "new followers",
            "followers gained",
            "pengikut baru",
            "nuevos seguidores",
            "novos seguidores",
            "nouveaux abonnés",
        ],
    ),
    (
        Field::Engagements,
        &[
            "total post engagements",
            "post engagements",
            "total engagements",
            "engagements",
            "total engagement postingan",
            "engagement postingan",
            "total interaksi postingan",
            "interacciones totales con publicaciones",
            "interacciones con publicaciones",
            "total de interações com publicações",
            "interações com publicações",
            "interactions totales avec les posts",
        ],
    ),
    (
        Field::Posts,
        &[
            "total posts",
            "posts",
            "total postingan",
            "postingan",
            "publicaciones totales",
            "publicaciones",
            "total de publicações",
            "publicações",
            "nombre total de posts",
            "publications",
        ],
    ),
    (
        Field::Start,
        &[
            "start date",
            "from",
            "tanggal mulai",
            "dari",
            "fecha de inicio",
        ],
    ),
    (
        Field::End,
        &[
            "end date",
            "to",
            "tanggal akhir",
            "sampai",
            "fecha de finalización",
        ],
    ),
];

const MARKER: &str = "_competitor_analytics_";

fn field_of(cell: &str) -> Option<Field> {
    header::field_named(COLUMNS, &header::normalize(cell))
}

/// [`read`] for a file named as LinkedIn names these exports, tried before the platform
/// families; `None` for any other name.
/// Whether a file is named as LinkedIn names competitor comparisons.
pub(super) fn is_named(name: &str) -> bool {
    super::linkedin::find_ascii(name, MARKER).is_some()
}

pub(super) fn read_named(
    name: &str,
    tables: &[Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    super::linkedin::find_ascii(name, MARKER)?;
    read(name, tables, options)
}

/// Reads the file when its tables are a competitor comparison; `None` when they are not. A file
/// named as LinkedIn names these exports needs a page column and one figure; any other file
/// (tried only when no other importer knows it) needs a page column and three figures.
pub(super) fn read(
    name: &str,
    tables: &[Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    let named = super::linkedin::find_ascii(name, MARKER).is_some();
    let wanted = if named { 1 } else { 3 };
    let found: Vec<(&Table, usize, Vec<Option<Field>>)> = tables
        .iter()
        .filter_map(|table| {
            let (at, fields) = header::find_fields(table, field_of, |_, fields| {
                fields.contains(&Some(Field::Page))
                    && fields.iter().flatten().filter(|f| f.metric()).count() >= wanted
            })?;
            Some((table, at, fields))
        })
        .collect();
    if found.is_empty() {
        return None;
    }
    Some(read_tables(name, &found, options))
}

fn read_tables(
    name: &str,
    found: &[(&Table, usize, Vec<Option<Field>>)],
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let mut parsed = Parsed::new(
        "linkedin-competitors",
        Some(Platform::LinkedIn),
        "competitors",
    );
    let own_page = super::linkedin::page_from_file_name(name);
    parsed.account.handle = own_page.clone();
    parsed.account.name = own_page.clone();
    let (first, at, fields) = &found[0];
    parsed.describe_header(
        first.rows[*at].cells(),
        fields.iter().map(|f| f.map(field_name)),
    );
    let period = match found.iter().find_map(|(t, at, _)| period_above(t, *at)) {
        Some(period) => period,
        None => {
            let end = export_day(name).unwrap_or(options.today);
            let period = Period {
                start: end - Duration::days(29),
                end,
            };
            parsed.note(
                Severity::Warning,
                None,
                None,
                "competitor-period-assumed",
                format!("{} – {}", period.start, period.end),
            );
            period
        }
    };
    let slug = own_page.as_deref().map(squash);
    let mut totals: Vec<ParsedTotals> = Vec::new();
    for (table, at, fields) in found {
        read_rows(table, *at, fields, period, &mut parsed, &mut totals);
    }
    for t in &mut totals {
        t.own = slug
            .as_deref()
            .is_some_and(|s| !s.is_empty() && squash(&t.page) == s);
    }
    if totals.is_empty() {
        return Err(ImportError::new("no-records", name));
    }
    match &own_page {
        Some(page) if !totals.iter().any(|t| t.own) => {
            parsed.note(
                Severity::Info,
                None,
                None,
                "own-page-not-found",
                page.clone(),
            );
        }
        None => parsed.note(
            Severity::Info,
            None,
            None,
            "own-page-unknown",
            String::new(),
        ),
        _ => {}
    }
    parsed.period = Some((
        totals
            .iter()
            .map(|t| t.period.start)
            .min()
            .unwrap_or(period.start),
        totals
            .iter()
            .map(|t| t.period.end)
            .max()
            .unwrap_or(period.end),
    ));
    parsed.totals = totals;
    Ok(parsed)
}

fn field_name(f: Field) -> &'static str {
    match f {
        Field::Page => "page",
        Field::Followers => "followers",
        Field::NewFollowers => "followers_gained",
        Field::Engagements => "interactions",
        Field::Posts => "posts",
        Field::Start => "from",
        Field::End => "to",
    }
}

/// Rows of one sheet, each added to its page's totals (a later figure of the same page and
/// metric replaces an earlier one).
fn read_rows(
    table: &Table,
    at: usize,
    fields: &[Option<Field>],
    period: Period,
    parsed: &mut Parsed,
    totals: &mut Vec<ParsedTotals>,
) {
    let header = &table.rows[at];
    let column = |f: Field| fields.iter().position(|x| *x == Some(f));
    let rows = &table.rows[at + 1..];
    let styles: Vec<_> = (0..fields.len())
        .map(|i| value::column_style(rows.iter().filter_map(|r| r.cell(i))).unwrap_or_default())
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for row in rows.iter().filter(|r| !r.cells().all(value::is_empty)) {
        parsed.rows += 1;
        let cell = |f: Field| {
            column(f)
                .and_then(|i| row.cell(i))
                .unwrap_or_default()
                .trim()
        };
        let page = cell(Field::Page);
        let place = |f: Field| column(f).and_then(|i| header.cell(i)).unwrap_or_default();
        if value::is_empty(page) {
            parsed.skip(row.line, place(Field::Page), "missing-value", String::new());
            continue;
        }
        if matches!(
            header::normalize(page).as_str(),
            "total" | "average" | "rata-rata" | "promedio" | "média" | "moyenne"
        ) {
            parsed.skip(
                row.line,
                place(Field::Page),
                "total-row-skipped",
                page.into(),
            );
            continue;
        }
        let mut values = Metrics::new();
        let mut posts = None;
        let mut bad = false;
        for (i, f) in fields.iter().enumerate() {
            let Some(f) = f.filter(|f| f.metric()) else {
                continue;
            };
            let text = row.cell(i).unwrap_or_default();
            if value::is_empty(text) {
                continue;
            }
            let Some(n) = value::number(text, styles[i]).filter(|n| n.is_finite()) else {
                parsed.skip(row.line, place(f), "bad-number", text.trim().into());
                bad = true;
                break;
            };
            match f {
                Field::Followers => values.insert(Metric::Followers, n),
                Field::NewFollowers => values.insert(Metric::FollowersGained, n),
                Field::Engagements => values.insert(Metric::Interactions, n),
                _ => {
                    posts = Some(n.max(0.0).round().min(f64::from(u32::MAX)) as u32);
                    None
                }
            };
        }
        if bad {
            continue;
        }
        let row_period = row_period(cell(Field::Start), cell(Field::End)).unwrap_or(period);
        let key = squash(page);
        if seen.contains(&key) {
            parsed.note(
                Severity::Warning,
                Some(row.line),
                Some(place(Field::Page)),
                "duplicate-in-file",
                page.into(),
            );
        } else {
            seen.push(key.clone());
        }
        match totals
            .iter_mut()
            .find(|t| squash(&t.page) == key && t.period == row_period)
        {
            Some(t) => {
                t.values.extend(values);
                t.posts = posts.or(t.posts);
            }
            None => totals.push(ParsedTotals {
                page: page.into(),
                own: false,
                period: row_period,
                values,
                posts,
            }),
        }
    }
}

/// A row's own period, from its start and end cells.
fn row_period(start: &str, end: &str) -> Option<Period> {
    let day = |s: &str| date::parse(s).and_then(|st| date::resolve(st.date, Order::MonthFirst));
    let (start, end) = (day(start)?, day(end)?);
    (start <= end).then_some(Period { start, end })
}

/// The period named in the rows above the header (`Oct 28, 2025 - Nov 26, 2025`,
/// `10/28/2025 – 11/26/2025`, `2025-10-28 to 2025-11-26`).
fn period_above(table: &Table, at: usize) -> Option<Period> {
    let text: Vec<&str> = table
        .preamble
        .iter()
        .map(String::as_str)
        .chain(table.rows[..at].iter().flat_map(Row::cells))
        .chain(std::iter::once(table.sheet.as_str()))
        .collect();
    // Two dates on one line are the range; else the first two found.
    let lines: Vec<Vec<Stamp>> = text.iter().map(|t| dates_in(t)).collect();
    let stamps: Vec<Stamp> = match lines.iter().find(|d| d.len() >= 2) {
        Some(line) => line.clone(),
        None => lines.into_iter().flatten().collect(),
    };
    let order = match date::decide_order(&stamps) {
        date::OrderEvidence::Decided(order) => order,
        _ => Order::MonthFirst,
    };
    let days: Vec<NaiveDate> = stamps
        .iter()
        .filter_map(|s| date::resolve(s.date, order))
        .collect();
    let (&start, &end) = (days.first()?, days.get(1)?);
    (start <= end).then_some(Period { start, end })
}

/// The dated dates written in a text, in order: runs of one to four words read as a date,
/// shortest first (a yearless run is read on with the next word).
fn dates_in(text: &str) -> Vec<Stamp> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '–' | '—' | '(' | ')' | '|'))
        .map(|w| w.trim_end_matches([':', ';']))
        .filter(|w| !w.is_empty() && *w != "-")
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = (1..=4.min(words.len() - i)).find_map(|n| {
            let run = words[i..i + n].join(" ");
            date::parse(run.trim_end_matches(','))
                .filter(|s| matches!(s.date, Written::Full(_) | Written::Numeric { .. }))
                .map(|s| (s, n))
        });
        match found {
            Some((w, n)) => {
                out.push(w);
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The day of the export, from the epoch milliseconds LinkedIn puts in the file name.
fn export_day(name: &str) -> Option<NaiveDate> {
    let rest = name.get(super::linkedin::find_ascii(name, MARKER)? + MARKER.len()..)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let ms: i64 = digits.parse().ok()?;
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.date_naive())
}

/// A page's name without case or separators: `Kopi Nusantara`, `kopi-nusantara` and
/// `KopiNusantara` are one page.
fn squash(s: &str) -> String {
    crate::domain::slug(&s.to_lowercase()).replace('-', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_found_in_every_spelling() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let period = |text: &str| {
            let table = Table {
                sheet: String::new(),
                rows: vec![
                    Row::new(1, [text]),
                    Row::new(2, ["Page", "Total followers"]),
                ],
                ..Table::default()
            };
            period_above(&table, 1)
        };
        let want = Some(Period {
            start: d(2025, 10, 28),
            end: d(2025, 11, 26),
        });
        assert_eq!(
            period("Competitor analytics: Oct 28, 2025 - Nov 26, 2025"),
            want
        );
        assert_eq!(period("10/28/2025 – 11/26/2025"), want);
        assert_eq!(period("Date range: 2025-10-28 to 2025-11-26"), want);
        assert_eq!(period("28 October 2025 - 26 November 2025"), want);
        // Day first when a day says so.
        assert_eq!(period("28/10/2025 - 26/11/2025"), want);
        assert_eq!(period("Competitor analytics"), None);
        // An export date on a line of its own is not the range's start.
        let table = Table {
            rows: vec![
                Row::new(1, ["Exported Nov 27, 2025"]),
                Row::new(2, ["Oct 28, 2025 - Nov 26, 2025"]),
                Row::new(3, ["Page", "Total followers"]),
            ],
            ..Table::default()
        };
        assert_eq!(period_above(&table, 2), want);
        assert_eq!(
            export_day("İİİİİİ_COMPETITOR_ANALYTICS_1764115200000.csv"),
            Some(d(2025, 11, 26)),
            "letters that change length when lowercased"
        );
        assert_eq!(export_day("ẞẞ_competitor_analytics_x.csv"), None);
        assert_eq!(
            export_day("kopi_competitor_analytics_1764115200000.xlsx"),
            Some(d(2025, 11, 26))
        );
        assert_eq!(squash("Kopi Nusantara"), squash("kopi-nusantara"));
    }
}
