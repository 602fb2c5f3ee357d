//! Benchmark tables: outside reference values (an industry's, a region's or a country's) for the
//! figures the dashboard and the audit show, one row per value. Agencies keep them in a
//! spreadsheet copied from published benchmark reports, so the columns are found by meaning in
//! English or Indonesian: scope, label, platform, metric, the period (from and to, or a year) and
//! the value. Recognised when no platform family matches and the header has a label and a value,
//! and a metric or a scope.
//!
//! Rates are written in percent (`1.5`, `1,5` or `1.5%` is 1.5 %), as in the Audit page's form;
//! in a workbook, a rate of at most 1 without a % sign is a percent-formatted cell, which the
//! spreadsheet keeps as a fraction (0.018 for 1.8 %).
//! Importing the same benchmark again (same scope, label, platform, metric and start) replaces
//! its value.

use chrono::NaiveDate;

use super::date::{self, Order};
use super::table::{Row, Table};
use super::value;
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::metrics::BENCHMARK_METRICS;
use crate::domain::{Benchmark, BenchmarkScope, Period, Platform, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Scope,
    Label,
    Platform,
    Metric,
    From,
    To,
    Year,
    Value,
}

impl Field {
    fn name(self) -> &'static str {
        match self {
            Field::Scope => "scope",
            Field::Label => "label",
            Field::Platform => "platform",
            Field::Metric => "metric",
            Field::From => "from",
            Field::To => "to",
            Field::Year => "year",
            Field::Value => "value",
        }
    }
}

/// Column names, compared after [`super::header::normalize`].
const COLUMNS: &[(Field, &[&str])] = &[
    (
        Field::Scope,
        &["scope", "benchmark scope", "cakupan", "lingkup"],
    ),
    (
        Field::Label,
        &[
            "label",
            "benchmark",
            "name",
            "industry",
            "segment",
            "nama",
            "tolok ukur",
            "industri",
            "segmen",
        ],
    ),
    (
        Field::Platform,
        &["platform", "network", "channel", "kanal", "saluran"],
    ),
    (
        Field::Metric,
        &["metric", "measure", "kpi", "metrik", "ukuran"],
    ),
    (
        Field::From,
        &[
            "from",
            "start",
            "period start",
            "start date",
            "dari",
            "mulai",
            "tanggal mulai",
        ],
    ),
    (
        Field::To,
        &[
            "to",
            "end",
            "period end",
            "end date",
            "sampai",
            "hingga",
            "tanggal akhir",
        ],
    ),
    (Field::Year, &["year", "period", "tahun", "periode"]),
    (
        Field::Value,
        &[
            "value",
            "benchmark value",
            "median",
            "average",
            "nilai",
            "rata-rata",
        ],
    ),
];

fn field_of(header: &str) -> Option<Field> {
    super::header::field_named(COLUMNS, &super::header::normalize(header))
}

/// The header row (among the first ten) and each column's field, when the table is a benchmark
/// table.
fn header_of(table: &Table) -> Option<(usize, Vec<Option<Field>>)> {
    super::header::find_fields(table, field_of, |_, fields| {
        let has = |f: Field| fields.contains(&Some(f));
        has(Field::Label) && has(Field::Value) && (has(Field::Metric) || has(Field::Scope))
    })
}

/// Reads the first table that is a benchmark table; `None` when none is.
pub(super) fn read(
    tables: &[Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    tables.iter().find_map(|table| {
        let (at, fields) = header_of(table)?;
        Some(read_table(table, at, &fields, options))
    })
}

/// A scope as written; `None` for a word that is none of the three.
fn scope_of(cell: &str) -> Option<BenchmarkScope> {
    match super::header::normalize(cell).as_str() {
        "industry" | "industri" | "sector" | "sektor" => Some(BenchmarkScope::Industry),
        "region" | "regional" | "wilayah" | "daerah" | "kawasan" => Some(BenchmarkScope::Region),
        "country" | "national" | "negara" | "nasional" => Some(BenchmarkScope::Country),
        _ => None,
    }
}

/// A platform as written, `Ok(None)` for every platform (empty, `all`, `semua`).
fn platform_of(cell: &str) -> Result<Option<Platform>, ()> {
    let key = super::header::normalize(cell);
    if value::is_empty(cell) || matches!(key.as_str(), "all" | "any" | "semua" | "all platforms") {
        return Ok(None);
    }
    if key == "twitter" {
        return Ok(Some(Platform::X));
    }
    Platform::SOCIAL
        .into_iter()
        .find(|p| key == p.slug() || key == super::header::normalize(p.name()))
        .map(Some)
        .ok_or(())
}

/// A metric as written: its slug, or one of the names and aliases of [`BENCHMARK_METRICS`].
fn metric_of(cell: &str) -> Option<&'static str> {
    let key = super::header::normalize(cell);
    BENCHMARK_METRICS
        .iter()
        .find(|m| key == m.slug || m.aliases.contains(&key.as_str()))
        .map(|m| m.slug)
}

fn read_table(
    table: &Table,
    at: usize,
    fields: &[Option<Field>],
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let header = &table.rows[at];
    let rows: Vec<&Row> = table.rows[at + 1..]
        .iter()
        .filter(|r| !r.cells().all(value::is_empty))
        .collect();
    let mut parsed = Parsed::new("benchmarks", None, "benchmarks");
    let from_workbook = !table.sheet.is_empty();
    parsed.describe_header(header.cells(), fields.iter().map(|f| f.map(Field::name)));
    let column = |f: Field| fields.iter().position(|x| *x == Some(f));
    let name_of = |f: Field| column(f).map_or(f.name().to_owned(), |i| header[i].trim().into());
    let cell = |row: &Row, f: Field| -> String {
        column(f)
            .and_then(|i| row.cell(i))
            .map(|c| c.trim().to_owned())
            .unwrap_or_default()
    };
    const INDONESIAN: [&str; 9] = [
        "cakupan", "nama", "metrik", "nilai", "dari", "sampai", "hingga", "tahun", "periode",
    ];
    let indonesian = header
        .cells()
        .any(|c| INDONESIAN.contains(&super::header::normalize(c).as_str()));
    parsed.language = if indonesian { "id" } else { "en" }.into();
    let style = column(Field::Value)
        .and_then(|i| value::column_style(rows.iter().filter_map(|r| r.cell(i))))
        .unwrap_or_else(|| value::language_style(&parsed.language));
    let order = date_order(
        &rows,
        &[column(Field::From), column(Field::To)],
        &parsed.language,
    );
    // A period that does not move with the day of the import: importing the file again finds
    // the same benchmarks.
    let default_period = calendar_year(options.today);
    let (mut defaulted_scope, mut defaulted_period) = (false, false);
    for row in &rows {
        parsed.rows += 1;
        let label = cell(row, Field::Label);
        if label.is_empty() {
            parsed.skip(
                row.line,
                &name_of(Field::Label),
                "missing-value",
                String::new(),
            );
            continue;
        }
        let scope = match column(Field::Scope) {
            None => {
                defaulted_scope = true;
                BenchmarkScope::Industry
            }
            Some(_) => match scope_of(&cell(row, Field::Scope)) {
                Some(s) => s,
                None => {
                    let written = cell(row, Field::Scope);
                    parsed.skip(row.line, &name_of(Field::Scope), "bad-scope", written);
                    continue;
                }
            },
        };
        let Ok(platform) = platform_of(&cell(row, Field::Platform)) else {
            let written = cell(row, Field::Platform);
            parsed.skip(row.line, &name_of(Field::Platform), "bad-platform", written);
            continue;
        };
        let metric = match column(Field::Metric) {
            None => crate::domain::metrics::BENCHMARK_RATE_REACH,
            Some(_) => match metric_of(&cell(row, Field::Metric)) {
                Some(m) => m,
                None => {
                    let written = cell(row, Field::Metric);
                    parsed.skip(row.line, &name_of(Field::Metric), "bad-metric", written);
                    continue;
                }
            },
        };
        let Some(number) = value::number(&cell(row, Field::Value), style) else {
            let written = cell(row, Field::Value);
            parsed.skip(row.line, &name_of(Field::Value), "bad-number", written);
            continue;
        };
        let is_rate = BENCHMARK_METRICS
            .iter()
            .any(|m| m.slug == metric && m.percent);
        let written = cell(row, Field::Value);
        // A spreadsheet keeps a cell shown as 1.8 % as 0.018: in a workbook, a rate of at most 1
        // without a % sign is already a fraction.
        let fraction = from_workbook && !written.ends_with('%') && number.abs() <= 1.0;
        let value = if is_rate && !fraction {
            number / 100.0
        } else {
            number
        };
        if is_rate && !(0.0..=1.0).contains(&value) {
            // A rate above 100 % (or below 0) is a typing mistake, as the Audit form says.
            parsed.skip(row.line, &name_of(Field::Value), "bad-number", written);
            continue;
        }
        let period = match period_of(row, &cell, order) {
            Ok(Some(p)) => p,
            Ok(None) => {
                defaulted_period = true;
                default_period
            }
            Err(field) => {
                let written = cell(row, field);
                let code = if value::is_empty(&written) {
                    "missing-value"
                } else {
                    "bad-date"
                };
                parsed.skip(row.line, &name_of(field), code, written);
                continue;
            }
        };
        let benchmark = Benchmark {
            scope,
            label,
            platform,
            metric: metric.into(),
            period,
            value,
        };
        let identity = benchmark.identity();
        match parsed
            .benchmarks
            .iter()
            .position(|b| b.identity() == identity)
        {
            Some(i) => {
                // The same benchmark twice in one file: the later row wins.
                parsed.skipped += 1;
                let label = benchmark.label.clone();
                parsed.note(
                    Severity::Warning,
                    Some(row.line),
                    None,
                    "duplicate-in-file",
                    label,
                );
                parsed.benchmarks[i] = benchmark;
            }
            None => parsed.benchmarks.push(benchmark),
        }
    }
    if parsed.benchmarks.is_empty() {
        return Err(
            ImportError::new("no-records", "no benchmark could be read").at(
                rows.first().map_or(header.line, |r| r.line),
                &name_of(Field::Value),
            ),
        );
    }
    if defaulted_scope {
        parsed.note(
            Severity::Info,
            None,
            None,
            "benchmark-scope-assumed",
            "industry".into(),
        );
    }
    if defaulted_period {
        parsed.note(
            Severity::Info,
            None,
            None,
            "benchmark-period-assumed",
            format!("{} – {}", default_period.start, default_period.end),
        );
    }
    let starts = parsed.benchmarks.iter().map(|b| b.period.start);
    let ends = parsed.benchmarks.iter().map(|b| b.period.end);
    parsed.period = starts.min().zip(ends.max());
    Ok(parsed)
}

/// The calendar year `day` falls in.
fn calendar_year(day: NaiveDate) -> Period {
    use chrono::Datelike;
    let start = NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day);
    let end = NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(day);
    Period { start, end }
}

/// The day/month order of the from and to columns: decided by the cells, else by the language.
fn date_order(rows: &[&Row], columns: &[Option<usize>], language: &str) -> Order {
    let stamps: Vec<date::Stamp> = columns
        .iter()
        .flatten()
        .flat_map(|&i| {
            rows.iter()
                .filter_map(move |r| r.cell(i).and_then(date::parse))
        })
        .collect();
    match date::decide_order(&stamps) {
        date::OrderEvidence::Decided(order) => order,
        _ if language == "en" => Order::MonthFirst,
        _ => Order::DayFirst,
    }
}

/// The row's period: from and to, or a whole year; `Ok(None)` when the row gives none, `Err`
/// with the column that cannot be read.
fn period_of(
    row: &Row,
    cell: &dyn Fn(&Row, Field) -> String,
    order: Order,
) -> Result<Option<Period>, Field> {
    let day = |f: Field| -> Result<Option<NaiveDate>, Field> {
        let written = cell(row, f);
        if value::is_empty(&written) {
            return Ok(None);
        }
        date::parse(&written)
            .and_then(|s| date::resolve(s.date, order))
            .map(Some)
            .ok_or(f)
    };
    let (from, to) = (day(Field::From)?, day(Field::To)?);
    if let (Some(start), Some(end)) = (from, to) {
        return Ok(Some(Period {
            start: start.min(end),
            end: start.max(end),
        }));
    }
    let year = cell(row, Field::Year);
    if value::is_empty(&year) {
        return match from.or(to) {
            Some(_) => Err(if from.is_none() {
                Field::From
            } else {
                Field::To
            }),
            None => Ok(None),
        };
    }
    let whole = year
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=2100).contains(y))
        .and_then(|y| {
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        });
    match whole {
        Some((start, end)) => Ok(Some(Period { start, end })),
        None => Err(Field::Year),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_scopes_and_metrics_are_read_as_written() {
        assert_eq!(platform_of("Instagram"), Ok(Some(Platform::Instagram)));
        assert_eq!(platform_of("twitter"), Ok(Some(Platform::X)));
        assert_eq!(platform_of("Semua"), Ok(None));
        assert_eq!(platform_of(""), Ok(None));
        assert_eq!(platform_of("Myspace"), Err(()));
        assert_eq!(scope_of("Wilayah"), Some(BenchmarkScope::Region));
        assert_eq!(scope_of("country"), Some(BenchmarkScope::Country));
        assert_eq!(scope_of("galaxy"), None);
        assert_eq!(
            metric_of("Engagement rate by reach"),
            Some(crate::domain::metrics::BENCHMARK_RATE_REACH)
        );
        assert_eq!(metric_of("nonsense"), None);
    }
}
