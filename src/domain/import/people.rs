//! Per-person audience files (CRM, survey or poll exports, follower lists with attributes), in
//! any delimiter or workbook: one row per person under a header row. Recognised when no platform
//! family matches and the header names person attributes (age, gender, city, income,
//! interests… in the languages of the header dictionaries). Each column's type is detected from
//! its cells ([`crate::domain::personas::detect`]); identifiers and free text are kept but left
//! out of clustering by default.

use std::collections::HashSet;

use super::date::{self, Order, OrderEvidence};
use super::table::Table;
use super::value::{self, NumberStyle};
use super::{ImportError, Parsed};
use crate::domain::personas::detect;
use crate::domain::{AudienceColumn, ColumnKind, FieldValue, Severity};

/// A per-person table as read from a file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct People {
    pub columns: Vec<AudienceColumn>,
    pub rows: Vec<Vec<FieldValue>>,
}

/// Header words (lowercase) that describe a person, besides the demographic ones of
/// [`crate::domain::personas::reach`].
const PERSON_WORDS: [&str; 33] = [
    "province",
    "provinsi",
    "income",
    "pendapatan",
    "penghasilan",
    "gaji",
    "salary",
    "ingreso",
    "renda",
    "interest",
    "minat",
    "hobi",
    "hobby",
    "intereses",
    "interesses",
    "sở thích",
    "興味",
    "spending",
    "spend",
    "belanja",
    "gasto",
    "education",
    "pendidikan",
    "occupation",
    "pekerjaan",
    "profesi",
    "birth",
    "lahir",
    "segment",
    "customer",
    "pelanggan",
    "member",
    "anggota",
];

fn describes_person(header: &str) -> bool {
    let lower = header.to_lowercase();
    use crate::domain::personas::reach::{AGE_WORDS, CITY_WORDS, COUNTRY_WORDS, GENDER_WORDS};
    PERSON_WORDS
        .iter()
        .chain(&GENDER_WORDS)
        .chain(&AGE_WORDS)
        .chain(&CITY_WORDS)
        .chain(&COUNTRY_WORDS)
        .any(|w| {
            if w.is_ascii() {
                lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|t| t == *w || t.strip_suffix('s') == Some(w))
            } else {
                lower.contains(w)
            }
        })
}

/// Reads the first table whose header describes people; `None` when none does.
pub(super) fn read(tables: &[Table]) -> Option<Result<Parsed, ImportError>> {
    let table = tables.iter().find(|t| {
        t.rows.len() >= 2
            && t.rows[0].cells().filter(|c| !c.trim().is_empty()).count() >= 2
            && t.rows[0].cells().any(describes_person)
    })?;
    Some(read_table(table))
}

fn read_table(table: &Table) -> Result<Parsed, ImportError> {
    let header = &table.rows[0];
    let data = &table.rows[1..];
    let width = header.len();
    let mut parsed = Parsed::new("audience-table", None, "audience");
    let names: Vec<String> = header
        .cells()
        .enumerate()
        .map(|(i, c)| {
            let c = c.trim();
            if c.is_empty() {
                format!("column {}", i + 1)
            } else {
                c.to_owned()
            }
        })
        .collect();
    parsed.header_signature = names
        .iter()
        .map(|n| n.to_lowercase())
        .collect::<Vec<_>>()
        .join("|");
    let mut columns = Vec::with_capacity(width);
    let mut readers = Vec::with_capacity(width);
    for (i, name) in names.iter().enumerate() {
        let cells: Vec<&str> = data.iter().map(|r| cell(r, i)).collect();
        let kind = detect::detect(name, &cells);
        readers.push(Reader::new(kind, &cells));
        columns.push(AudienceColumn {
            name: name.clone(),
            kind,
            included: detect::included_by_default(kind),
        });
        parsed
            .columns
            .push((name.clone(), Some(kind_name(kind).into())));
    }
    let id_column = columns
        .iter()
        .position(|c| c.kind == ColumnKind::Identifier);
    let mut seen = HashSet::new();
    let mut unreadable = vec![0usize; width];
    let mut rows = Vec::with_capacity(data.len());
    for row in data {
        parsed.rows += 1;
        if row.cells().all(value::is_empty) {
            parsed.skipped += 1;
            continue;
        }
        if let Some(i) = id_column {
            let id = cell(row, i).trim();
            if !id.is_empty() && !seen.insert(id.to_owned()) {
                parsed.skip(row.line, &names[i], "duplicate-row", id.to_owned());
                continue;
            }
        }
        if row.len() > width {
            parsed.note(
                Severity::Warning,
                Some(row.line),
                None,
                "extra-cells",
                format!("{} > {width}", row.len()),
            );
        }
        let values: Vec<FieldValue> = readers
            .iter()
            .enumerate()
            .map(|(i, reader)| {
                let text = cell(row, i);
                let value = reader.read(text);
                if matches!(value, FieldValue::Empty) && !value::is_empty(text.trim()) {
                    unreadable[i] += 1;
                }
                value
            })
            .collect();
        rows.push(values);
    }
    if rows.is_empty() {
        return Err(ImportError::new("no-rows", "").at(header.line, &names[0]));
    }
    for (column, &unreadable) in columns.iter().zip(&unreadable) {
        if unreadable > 0 {
            parsed.note(
                Severity::Warning,
                None,
                Some(&column.name),
                "unreadable-values",
                unreadable.to_string(),
            );
        }
    }
    parsed.people = Some(People { columns, rows });
    Ok(parsed)
}

fn cell(row: &super::table::Row, i: usize) -> &str {
    row.cell(i).unwrap_or_default()
}

pub fn kind_name(kind: ColumnKind) -> &'static str {
    match kind {
        ColumnKind::Numeric => "numeric",
        ColumnKind::Categorical => "categorical",
        ColumnKind::MultiValued => "multi-valued",
        ColumnKind::Date => "date",
        ColumnKind::Identifier => "identifier",
        ColumnKind::FreeText => "free-text",
    }
}

/// Reads the cells of one column as its kind.
enum Reader {
    Number(NumberStyle),
    Date(Order),
    List,
    Text,
}

impl Reader {
    fn new(kind: ColumnKind, cells: &[&str]) -> Reader {
        match kind {
            ColumnKind::Numeric => Reader::Number(
                value::column_style(cells.iter().copied()).unwrap_or(NumberStyle::DotDecimal),
            ),
            ColumnKind::Date => {
                let stamps: Vec<_> = cells.iter().filter_map(|c| date::parse(c)).collect();
                Reader::Date(match date::decide_order(&stamps) {
                    OrderEvidence::Decided(order) => order,
                    _ => Order::default(),
                })
            }
            ColumnKind::MultiValued => Reader::List,
            _ => Reader::Text,
        }
    }

    fn read(&self, cell: &str) -> FieldValue {
        let cell = cell.trim();
        if value::is_empty(cell) {
            return FieldValue::Empty;
        }
        match self {
            Reader::Number(style) => value::number(cell, *style)
                .map(FieldValue::Number)
                .unwrap_or(FieldValue::Empty),
            Reader::Date(order) => date::parse(cell)
                .and_then(|s| date::resolve(s.date, *order))
                .map(FieldValue::Date)
                // A bare year (a birth year): kept as the number, which counts as that year.
                .or_else(|| detect::bare_year(cell).map(|y| FieldValue::Number(f64::from(y))))
                .unwrap_or(FieldValue::Empty),
            Reader::List => {
                crate::domain::personas::encode::items_of(&FieldValue::Text(cell.to_owned()))
                    .map(FieldValue::List)
                    .unwrap_or(FieldValue::Empty)
            }
            Reader::Text => FieldValue::Text(cell.to_owned()),
        }
    }
}
