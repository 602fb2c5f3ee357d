//! The type of an audience column, from its header and cells: identifiers (`member_id`, e-mail,
//! names, unique codes) and free text are left out of clustering by default; numbers, dates,
//! lists (`running; yoga`) and categories are used. The user can change any of them.

use std::collections::HashSet;

use crate::domain::ColumnKind;
use crate::domain::import::date;
use crate::domain::import::value::{self, NumberStyle};

/// Header words that name a person or a record rather than describe them.
const IDENTIFIER_WORDS: [&str; 20] = [
    "id", "no", "nomor", "kode", "code", "uuid", "email", "e-mail", "mail", "phone", "telepon",
    "telp", "hp", "whatsapp", "name", "nama", "nombre", "nome", "username", "handle",
];

fn header_tokens(header: &str) -> Vec<String> {
    header
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn names_identifier(header: &str) -> bool {
    let trimmed = header.trim();
    // `CustomerID`, `MemberId`.
    let camel_id = trimmed.len() > 2 && (trimmed.ends_with("ID") || trimmed.ends_with("Id"));
    camel_id
        || header_tokens(trimmed)
            .iter()
            .any(|t| IDENTIFIER_WORDS.contains(&t.as_str()))
}

/// Header words that say a column is about a person's birth (a birth date or a birth year),
/// so that it reads as an age. ASCII words start a header word (`birthday`, `DOB`); the others
/// may sit anywhere in the header (`生年月日`).
const BIRTH_WORDS: [&str; 9] = [
    "birth",
    "born",
    "dob",
    "lahir",
    "nacimiento",
    "nascimento",
    "sinh",
    "生年",
    "誕生",
];

/// Whether the header names a birth date or year (`birth_year`, `Tahun lahir`, `DOB`).
pub fn names_birth(header: &str) -> bool {
    let tokens = header_tokens(header);
    BIRTH_WORDS.iter().any(|w| {
        if w.is_ascii() {
            tokens.iter().any(|t| t.starts_with(w))
        } else {
            header.contains(w)
        }
    })
}

/// The years a bare number is read as (a birth year).
pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

/// A cell that is a bare year (`1987`).
pub fn bare_year(cell: &str) -> Option<u16> {
    cell.trim()
        .parse::<u16>()
        .ok()
        .filter(|y| YEARS.contains(y))
}

/// Share of cells that are lists of at least two items.
fn list_share(cells: &[&str]) -> f64 {
    let lists = cells
        .iter()
        .filter(|c| {
            c.split([';', '|', ','])
                .filter(|s| !s.trim().is_empty())
                .count()
                >= 2
                && c.len() <= 200
        })
        .count();
    lists as f64 / cells.len().max(1) as f64
}

/// The kind of a column, from its header and its cells (empties ignored).
pub fn detect(header: &str, cells: &[&str]) -> ColumnKind {
    let filled: Vec<&str> = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !value::is_empty(c))
        .collect();
    if filled.is_empty() {
        return ColumnKind::FreeText;
    }
    let n = filled.len() as f64;
    let distinct = filled.iter().collect::<HashSet<_>>().len() as f64;
    let style = value::column_style(filled.iter().copied()).unwrap_or(NumberStyle::DotDecimal);
    let numbers = filled
        .iter()
        .filter(|c| value::number(c, style).is_some())
        .count() as f64;
    if names_identifier(header) {
        return ColumnKind::Identifier;
    }
    if numbers >= 0.95 * n {
        // A birth year (`1987`) is a date: it is clustered, and shown, as an age.
        let years = filled.iter().filter(|c| bare_year(c).is_some()).count() as f64;
        if names_birth(header) && years >= 0.95 * n {
            return ColumnKind::Date;
        }
        return ColumnKind::Numeric;
    }
    let dates = filled.iter().filter(|c| date::parse(c).is_some()).count() as f64;
    if dates >= 0.9 * n {
        return ColumnKind::Date;
    }
    if list_share(&filled) >= 0.15 {
        // Items must repeat across people to be a list of choices, not prose.
        let items: HashSet<String> = filled
            .iter()
            .flat_map(|c| c.split([';', '|', ',']))
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect();
        let mean_words = filled
            .iter()
            .map(|c| c.split_whitespace().count())
            .sum::<usize>() as f64
            / n;
        if (items.len() as f64) < 0.5 * n.max(20.0) && mean_words < 12.0 {
            return ColumnKind::MultiValued;
        }
    }
    let mean_length = filled.iter().map(|c| c.chars().count()).sum::<usize>() as f64 / n;
    if mean_length > 40.0 {
        return ColumnKind::FreeText;
    }
    if n >= 20.0 && distinct >= 0.9 * n {
        return if filled.iter().filter(|c| c.contains(' ')).count() as f64 > 0.5 * n {
            ColumnKind::FreeText
        } else {
            ColumnKind::Identifier
        };
    }
    ColumnKind::Categorical
}

/// Whether a column of this kind takes part in clustering unless the user says otherwise.
pub fn included_by_default(kind: ColumnKind) -> bool {
    super::encode::clusterable(kind)
}
