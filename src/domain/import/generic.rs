//! Files no family recognises, read through a column mapping the user chose: each column feeds
//! a field (post ID, publish time, text, a metric...) or nothing, and the file names one
//! platform and profile. A mapping is saved under the file's header signature, so the next file
//! with the same columns is read without asking.

use std::collections::BTreeMap;

use super::date::Order;
use super::header::{self, Meaning};
use super::read::{self, PostRules};
use super::table::{Row, Table};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{ColumnMapping, Metric, Platform};

/// The fields a column can feed: a stable slug (stored in mappings) and its meaning.
pub const FIELDS: [(&str, Meaning); 17] = [
    ("post-id", Meaning::PostId),
    ("published", Meaning::PublishTime),
    ("date", Meaning::Date),
    ("title", Meaning::Title),
    ("text", Meaning::Text),
    ("permalink", Meaning::Permalink),
    ("format", Meaning::PostType),
    ("impressions", Meaning::Metric(Metric::Impressions)),
    ("views", Meaning::Metric(Metric::Views)),
    ("reach", Meaning::Metric(Metric::Reach)),
    ("reactions", Meaning::Metric(Metric::Reactions)),
    ("comments", Meaning::Metric(Metric::Comments)),
    ("shares", Meaning::Metric(Metric::Shares)),
    ("saves", Meaning::Metric(Metric::Saves)),
    ("clicks", Meaning::Metric(Metric::Clicks)),
    ("followers", Meaning::Metric(Metric::Followers)),
    ("spend", Meaning::Metric(Metric::Spend)),
];

/// Words in a column name that suggest a field (English and Indonesian), tried in order; the
/// user confirms or changes every suggestion.
const HINTS: [(&str, &[&str]); 16] = [
    ("post-id", &["post id", "id postingan", "id", "post_id"]),
    // Clicks before links: "Link clicks" is a number.
    ("clicks", &["click", "klik"]),
    (
        "published",
        &["publish", "posted", "terbit", "dipublikasikan", "created"],
    ),
    ("date", &["date", "tanggal", "day", "hari"]),
    ("title", &["title", "judul"]),
    (
        "text",
        &["text", "caption", "message", "teks", "isi", "keterangan"],
    ),
    ("permalink", &["link", "url", "permalink", "tautan"]),
    ("format", &["type", "format", "jenis", "tipe"]),
    ("impressions", &["impression", "tayangan"]),
    ("views", &["view", "dilihat", "ditonton"]),
    ("reach", &["reach", "jangkauan"]),
    ("reactions", &["reaction", "like", "reaksi", "suka", "love"]),
    ("comments", &["comment", "komentar", "replies", "balasan"]),
    (
        "shares",
        &["share", "bagikan", "dibagikan", "retweet", "repost"],
    ),
    ("saves", &["save", "simpan", "disimpan", "bookmark"]),
    ("followers", &["follower", "pengikut", "fans"]),
];

/// The meaning of a field slug.
pub fn meaning(field: &str) -> Option<Meaning> {
    FIELDS.iter().find(|(f, _)| *f == field).map(|(_, m)| *m)
}

/// A first guess at a column's field from its name, for the mapping form.
pub fn suggest(column: &str) -> Option<&'static str> {
    let name = header::normalize(column);
    HINTS.iter().find_map(|(field, words)| {
        words
            .iter()
            .any(|w| {
                // Short words only as whole words ("isi" is not in "visits").
                if w.len() <= 3 {
                    name.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w)
                } else {
                    name.contains(w)
                }
            })
            .then_some(*field)
    })
}

/// The header a mapping is asked for: the first of the first rows with two filled cells, with
/// a row of data below it.
pub fn header(tables: &[Table]) -> Option<(usize, usize)> {
    tables.iter().enumerate().find_map(|(at, t)| {
        let index = t
            .rows
            .iter()
            .take(10)
            .position(|r| r.cells().filter(|c| !c.is_empty()).count() >= 2)?;
        (index + 1 < t.rows.len()).then_some((at, index))
    })
}

/// A header's signature: its normalised names joined by `|` (as batches record it).
pub fn signature<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names.map(header::normalize).collect::<Vec<_>>().join("|")
}

/// The error that asks for a mapping. Its detail is the header's names, tab-separated, then a
/// line with the first data row's cells as examples (tabs and line breaks inside cells become
/// spaces); read back with [`mapping_question`].
pub fn needs_mapping(header: &Row, example: Option<&Row>) -> ImportError {
    let line = |cells: Vec<String>| cells.join("\t");
    let names = line(
        header
            .cells()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect(),
    );
    let example = example.map_or_else(String::new, |r| {
        line(
            r.cells()
                .map(|c| c.replace(['\t', '\n', '\r'], " "))
                .collect(),
        )
    });
    ImportError::new("needs-mapping", format!("{names}\n{example}")).at(header.line, "")
}

/// The column names and example cells of a `needs-mapping` error's detail.
pub fn mapping_question(detail: &str) -> Vec<(String, String)> {
    let (names, example) = detail.split_once('\n').unwrap_or((detail, ""));
    let mut example = example.split('\t');
    names
        .split('\t')
        .map(|n| (n.to_owned(), example.next().unwrap_or_default().to_owned()))
        .collect()
}

/// Whether a mapping (column → field) can read anything: posts need a publish time and an ID
/// or a link, daily figures a date.
pub fn is_complete(columns: &BTreeMap<String, String>) -> bool {
    let has = |field: &str| columns.values().any(|f| f == field);
    has("date") || (has("published") && (has("post-id") || has("permalink")))
}

/// Reads a table through a mapping: posts when a column is the publish time, else one row per
/// day when a column is the date.
pub fn read(
    table: &mut Table,
    index: usize,
    mapping: &ColumnMapping,
    options: &ImportOptions,
) -> Result<Parsed, ImportError> {
    let head = table.rows[index].clone();
    // Column names compared as the signature compares them (case, spacing, quotes aside).
    let fields: BTreeMap<String, &str> = mapping
        .columns
        .iter()
        .map(|(name, field)| (header::normalize(name), field.as_str()))
        .collect();
    let field_of = |cell: &str| fields.get(&header::normalize(cell)).copied();
    let meanings: Vec<Option<Meaning>> = head
        .cells()
        .map(|c| field_of(c).and_then(meaning))
        .collect();
    let platform = mapping.platform.unwrap_or(Platform::Web);
    let mut layout = read::layout_taking(table, index, meanings, "id");
    let mut parsed = Parsed::new("generic", Some(platform), "posts");
    parsed.account.name = Some(mapping.profile.clone()).filter(|p| !p.trim().is_empty());
    // Found by this header's signature, so saved under it as it is.
    parsed.mapping = Some(mapping.clone());
    parsed.describe_header(head.cells(), head.cells().map(field_of).collect::<Vec<_>>());
    if layout.has(Meaning::PublishTime)
        && (layout.has(Meaning::PostId) || layout.has(Meaning::Permalink))
    {
        let rules = PostRules {
            platform,
            date_order: Order::DayFirst,
            id_from_link: read::last_segment,
            format: super::meta::post_format,
            independent_years: false,
            promoted: read::never_promoted,
        };
        read::read_posts(&mut layout, options, &rules, options.today, &mut parsed)?;
    } else if layout.has(Meaning::Date) {
        parsed.kind = "daily".into();
        read::read_daily(&layout, Order::DayFirst, options.today, false, &mut parsed)?;
    } else {
        return Err(ImportError::new("mapping-incomplete", "").at(head.line, ""));
    }
    if parsed.records() == 0 {
        return Err(ImportError::new("no-records", "generic"));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_suggest_fields() {
        let cases = [
            ("Post ID", Some("post-id")),
            ("Waktu terbit", Some("published")),
            ("Caption", Some("text")),
            ("Tautan", Some("permalink")),
            ("Jangkauan", Some("reach")),
            ("Likes", Some("reactions")),
            ("Komentar", Some("comments")),
            ("Video", None),
            ("Kampanye", None),
            ("Link clicks", Some("clicks")),
            ("Watch time", None),
            ("Visits", None),
            ("Isi", Some("text")),
        ];
        for (name, field) in cases {
            assert_eq!(suggest(name), field, "{name}");
        }
        for (field, _) in HINTS {
            assert!(meaning(field).is_some(), "{field}");
        }
    }
}
