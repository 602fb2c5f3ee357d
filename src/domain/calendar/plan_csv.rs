//! Planned posts to and from CSV, in the bulk-scheduling layout marketers know (`date`,
//! `time_24hr`, `message_text`, `link`) followed by Linimasa's own fields. One row per platform
//! variant; rows sharing an `id` are one planned post. Exported cells that a spreadsheet would
//! run as a formula are neutralised, and the mark is removed again on import.
//!
//! Import is all-or-nothing: any row that cannot be read fails the file with its line, column
//! and what to do, and nothing is stored.

use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveDate, NaiveTime, TimeZone};
use serde::{Deserialize, Serialize};

use super::workflow;
use crate::domain::import::{date, decode, table};
use crate::domain::{
    CampaignId, MemberId, PersonaId, PlanItem, PlanItemId, PlanStatus, PlanVariant, Platform,
    PostFormat, neutralised, tz,
};

/// The columns written, in order.
pub const COLUMNS: [&str; 14] = [
    "date",
    "time_24hr",
    "message_text",
    "link",
    "platform",
    "title",
    "status",
    "format",
    "tags",
    "hashtags",
    "media_note",
    "campaign",
    "persona",
    "id",
];

/// Writes the items (one row per platform variant; an item without variants gets one row).
pub fn write(items: &[&PlanItem], zone: &str) -> Vec<u8> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for item in items {
        let local = item.scheduled.map(|s| tz::in_zone(&s, zone));
        let date = local
            .map(|l| l.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        let time = local
            .map(|l| l.format("%H:%M").to_string())
            .unwrap_or_default();
        let empty = PlanVariant {
            platform: Platform::Web,
            text: String::new(),
            media_note: String::new(),
            link: None,
            hashtags: vec![],
        };
        let variants: Vec<&PlanVariant> = if item.variants.is_empty() {
            vec![&empty]
        } else {
            item.variants.iter().collect()
        };
        for v in variants {
            let platform = if item.variants.is_empty() {
                ""
            } else {
                v.platform.slug()
            };
            let row = [
                date.as_str(),
                time.as_str(),
                v.text.as_str(),
                v.link.as_deref().unwrap_or(""),
                platform,
                item.title.as_str(),
                item.status.slug(),
                item.format.slug(),
                &item.tags.join("; "),
                &v.hashtags.join(" "),
                v.media_note.as_str(),
                item.campaign.as_ref().map(|c| c.as_str()).unwrap_or(""),
                item.persona.as_ref().map(|p| p.as_str()).unwrap_or(""),
                item.id.as_str(),
            ];
            let _ = w.write_record(row.iter().map(|c| neutralised(c)));
        }
    }
    w.into_inner().unwrap_or_default()
}

/// A problem in one cell of the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    /// 1-based line in the file.
    pub line: u64,
    /// The column's header as written (empty for a missing column).
    pub column: String,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The file has no header naming a date and a text column.
    NoHeader,
    BadDate(String),
    BadTime(String),
    UnknownPlatform(String),
    UnknownStatus(String),
    UnknownFormat(String),
    /// Day/month order contradicts itself between rows.
    MixedDateOrder,
    /// A row with neither text nor title.
    Empty,
}

/// What an import found: the items, and how many rows had no time (09:00 was used).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Read {
    pub items: Vec<PlanItem>,
    pub rows: usize,
    pub without_time: usize,
}

/// How to read a file: whose posts they are, when, where ids come from.
pub struct ReadOptions<'a> {
    pub zone: &'a str,
    pub author: &'a MemberId,
    /// For rows without a platform column (headerless bulk files).
    pub default_platform: Platform,
    /// Prefix for new items' ids, unique per import.
    pub id_prefix: &'a str,
    pub now: chrono::DateTime<FixedOffset>,
}

fn canonical(header: &str) -> Option<&'static str> {
    let h = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let h = h
        .split('(')
        .next()
        .unwrap_or("")
        .trim()
        .replace(['-', ' '], "_");
    Some(match h.as_str() {
        "date" | "tanggal" | "publish_date" | "scheduled_date" | "date_and_time" => "date",
        "time_24hr" | "time" | "jam" | "waktu" | "publish_time" => "time_24hr",
        "message_text" | "message" | "text" | "caption" | "post_text" | "teks" | "pesan" => {
            "message_text"
        }
        "link" | "url" | "tautan" => "link",
        "platform" | "network" | "social_network" | "channel" | "kanal" => "platform",
        "title" | "judul" => "title",
        "status" => "status",
        "format" | "post_type" | "type" => "format",
        "tags" | "label" => "tags",
        "hashtags" | "tagar" => "hashtags",
        "media_note" | "media" | "catatan_media" => "media_note",
        "campaign" | "kampanye" => "campaign",
        "persona" => "persona",
        "id" => "id",
        _ => return None,
    })
}

fn platform_of(cell: &str) -> Option<Platform> {
    let c = cell.trim().to_lowercase();
    Platform::SOCIAL.into_iter().find(|p| {
        p.slug() == c
            || p.name().to_lowercase() == c
            || (*p == Platform::X && (c == "twitter" || c == "x (twitter)"))
    })
}

fn status_of(cell: &str) -> Option<PlanStatus> {
    let c = cell.trim().to_lowercase().replace(' ', "-");
    PlanStatus::ALL
        .into_iter()
        .find(|s| s.slug() == c)
        .or(match c.as_str() {
            "ide" => Some(PlanStatus::Idea),
            "draf" => Some(PlanStatus::Draft),
            "review" | "ditinjau" => Some(PlanStatus::InReview),
            "disetujui" => Some(PlanStatus::Approved),
            "dijadwalkan" => Some(PlanStatus::Scheduled),
            "terbit" | "diterbitkan" => Some(PlanStatus::Published),
            "ditolak" => Some(PlanStatus::Rejected),
            _ => None,
        })
}

fn format_of(cell: &str) -> Option<PostFormat> {
    let c = cell.trim().to_lowercase();
    PostFormat::ALL
        .into_iter()
        .find(|f| f.slug() == c)
        .or(match c.as_str() {
            "foto" | "image" | "gambar" => Some(PostFormat::Photo),
            "teks" | "status" => Some(PostFormat::Text),
            "tautan" => Some(PostFormat::Link),
            "reels" => Some(PostFormat::Reel),
            _ => None,
        })
}

/// Removes the mark [`neutralised`] adds.
fn restored(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

fn parse_time(cell: &str) -> Option<NaiveTime> {
    let c = cell.trim();
    ["%H:%M", "%H:%M:%S", "%H.%M", "%I:%M %p", "%I:%M%p"]
        .iter()
        .find_map(|f| NaiveTime::parse_from_str(&c.to_uppercase(), f).ok())
}

/// Reads a planned-posts CSV. Rows sharing an `id` become one item with one variant per row.
pub fn read(bytes: &[u8], opts: &ReadOptions) -> Result<Read, Vec<CellError>> {
    let text = decode::decode(bytes).text;
    let sheet = table::read_delimited(&text);
    let Some(first) = sheet.rows.first() else {
        return Err(vec![CellError {
            line: 1,
            column: String::new(),
            problem: Problem::NoHeader,
        }]);
    };
    // A header names columns; a headerless bulk file starts with a date.
    let headerless = first.cell(0).is_some_and(|c| date::parse(c).is_some());
    let columns: Vec<(usize, &'static str, String)> = if headerless {
        ["date", "message_text", "link"]
            .iter()
            .enumerate()
            .map(|(i, c)| (i, *c, (*c).to_owned()))
            .collect()
    } else {
        first
            .cells()
            .enumerate()
            .filter_map(|(i, h)| canonical(h).map(|c| (i, c, h.trim().to_owned())))
            .collect()
    };
    let col = |name: &str| columns.iter().find(|c| c.1 == name);
    if col("date").is_none() || (col("message_text").is_none() && col("title").is_none()) {
        return Err(vec![CellError {
            line: first.line,
            column: String::new(),
            problem: Problem::NoHeader,
        }]);
    }
    let body = if headerless {
        &sheet.rows[..]
    } else {
        &sheet.rows[1..]
    };
    let cell = |row: &table::Row, name: &str| -> String {
        col(name)
            .and_then(|c| row.cell(c.0))
            .map(|c| restored(c.trim()))
            .unwrap_or_default()
    };
    let header_of = |name: &str| col(name).map(|c| c.2.clone()).unwrap_or_default();
    let mut errors = Vec::new();
    let mut fail = |line: u64, column: &str, problem: Problem| {
        errors.push(CellError {
            line,
            column: header_of(column),
            problem,
        })
    };
    // Dates first, to decide the file's day/month order.
    let stamps: Vec<Option<date::Stamp>> = body
        .iter()
        .map(|r| {
            let c = cell(r, "date");
            if c.is_empty() { None } else { date::parse(&c) }
        })
        .collect();
    let order = match date::decide_order(stamps.iter().flatten()) {
        date::OrderEvidence::Decided(o) => o,
        date::OrderEvidence::Ambiguous => date::Order::DayFirst,
        date::OrderEvidence::Contradictory => {
            fail(
                body.first().map_or(2, |r| r.line),
                "date",
                Problem::MixedDateOrder,
            );
            date::Order::DayFirst
        }
    };
    let (zone, _) = tz::zone(opts.zone);
    let mut items: Vec<PlanItem> = Vec::new();
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut without_time = 0;
    let mut rows = 0;
    for (row, stamp) in body.iter().zip(&stamps) {
        if row.cells().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows += 1;
        let line = row.line;
        let date_cell = cell(row, "date");
        let day: Option<(NaiveDate, Option<NaiveTime>)> = if date_cell.is_empty() {
            None
        } else {
            match stamp.and_then(|s| date::resolve(s.date, order).map(|d| (d, s.time))) {
                Some(d) => Some(d),
                None => {
                    fail(line, "date", Problem::BadDate(date_cell.clone()));
                    continue;
                }
            }
        };
        let time_cell = cell(row, "time_24hr");
        let time = if time_cell.is_empty() {
            day.and_then(|d| d.1)
        } else {
            match parse_time(&time_cell) {
                Some(t) => Some(t),
                None => {
                    fail(line, "time_24hr", Problem::BadTime(time_cell));
                    continue;
                }
            }
        };
        let scheduled = day.map(|(d, _)| {
            let t = time.unwrap_or_else(|| {
                without_time += 1;
                NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()
            });
            let local = d.and_time(t);
            zone.from_local_datetime(&local)
                .earliest()
                .map(|at| at.fixed_offset())
                .unwrap_or_else(|| {
                    FixedOffset::east_opt(0)
                        .unwrap_or_else(|| unreachable!())
                        .from_utc_datetime(&local)
                })
        });
        // An optional coded column: empty gives the default, an unknown value is an error.
        let coded = |column: &'static str| -> Option<String> {
            Some(cell(row, column)).filter(|c| !c.is_empty())
        };
        let unscheduled = if scheduled.is_some() {
            PlanStatus::Draft
        } else {
            PlanStatus::Idea
        };
        let platform = coded("platform").map_or(Ok(opts.default_platform), |c| {
            platform_of(&c).ok_or(("platform", Problem::UnknownPlatform(c)))
        });
        let status = coded("status").map_or(Ok(unscheduled), |c| {
            status_of(&c).ok_or(("status", Problem::UnknownStatus(c)))
        });
        let format = coded("format").map_or(Ok(PostFormat::Photo), |c| {
            format_of(&c).ok_or(("format", Problem::UnknownFormat(c)))
        });
        let (platform, status, format) = match (platform, status, format) {
            (Ok(p), Ok(s), Ok(f)) => (p, s, f),
            (p, s, f) => {
                // The first bad column of the row, in column order.
                if let Some((column, problem)) =
                    [p.err(), s.err(), f.err()].into_iter().flatten().next()
                {
                    fail(line, column, problem);
                }
                continue;
            }
        };
        let text = cell(row, "message_text");
        let mut title = cell(row, "title");
        if text.is_empty() && title.is_empty() {
            fail(line, "message_text", Problem::Empty);
            continue;
        }
        if title.is_empty() {
            title = text.lines().next().unwrap_or("").chars().take(60).collect();
        }
        let link = cell(row, "link");
        let variant = PlanVariant {
            platform,
            text,
            media_note: cell(row, "media_note"),
            link: (!link.is_empty()).then_some(link),
            hashtags: cell(row, "hashtags")
                .split_whitespace()
                .map(str::to_owned)
                .collect(),
        };
        let id = cell(row, "id");
        if let Some(&at) = by_id.get(&id).filter(|_| !id.is_empty()) {
            let item = &mut items[at];
            item.variants.retain(|v| v.platform != variant.platform);
            item.variants.push(variant);
            continue;
        }
        let new_id = if id.is_empty() {
            format!("{}-{}", opts.id_prefix, items.len() + 1)
        } else {
            id.clone()
        };
        let optional = |name: &str| Some(cell(row, name)).filter(|c| !c.is_empty());
        let mut item = PlanItem::new(PlanItemId(new_id), opts.author.clone(), status, scheduled);
        item.title = title;
        item.format = format;
        item.variants = vec![variant];
        item.persona = optional("persona").map(PersonaId::from);
        item.campaign = optional("campaign").map(CampaignId::from);
        item.tags = cell(row, "tags")
            .split([';', ','])
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        workflow::record(&mut item, opts.author, opts.now, "imported".into());
        if !id.is_empty() {
            by_id.insert(id, items.len());
        }
        items.push(item);
    }
    if !errors.is_empty() {
        errors.truncate(20);
        return Err(errors);
    }
    Ok(Read {
        items,
        rows,
        without_time,
    })
}

/// Merges imported items into the plan: an item whose id exists replaces that item's content
/// and schedule but keeps its approvals, comments and history (with an "imported" entry); new
/// ids are added. Returns the items to store.
pub fn merge_into(existing: &[PlanItem], imported: Vec<PlanItem>) -> Vec<PlanItem> {
    imported
        .into_iter()
        .map(|new| match existing.iter().find(|e| e.id == new.id) {
            Some(old) => {
                let mut kept = old.clone();
                kept.title = new.title;
                kept.variants = new.variants;
                kept.scheduled = new.scheduled;
                kept.format = new.format;
                kept.tags = new.tags;
                kept.campaign = new.campaign.or(kept.campaign);
                kept.persona = new.persona.or(kept.persona);
                if new.status != kept.status {
                    kept.status = new.status;
                    kept.approvals.clear();
                }
                kept.history.extend(new.history);
                kept.revision += 1;
                kept
            }
            None => new,
        })
        .collect()
}
