//! TikTok Studio: Overview, Content, Viewers, FollowerActivity, FollowerHistory, FollowerGender
//! and FollowerTopTerritories, as CSV (quoted, BOM) or xlsx (numbers as strings). Dates have no
//! year: a daily file is a sequence ending by today; a content list's post dates come before
//! its export date (the `Time` column).

use super::date::{self, Order};
use super::header::{Meaning, TIKTOK};
use super::read::{self, Family, Layout, PostRules};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Dimension, Metric, Platform, PostFormat};

pub(super) const FAMILY: Family = Family {
    id: "tiktok",
    dictionaries: &[TIKTOK],
    required: &[],
    expected: &[],
    read,
    streamed: None,
};

fn read(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.platform = Some(Platform::TikTok);
    if layout.has(Meaning::Permalink) {
        return read_content(layout, options, parsed);
    }
    if layout.has(Meaning::Hour) {
        return read_activity(layout, options, parsed);
    }
    if layout.has(Meaning::Category) {
        let dimension = match layout
            .column(Meaning::Category)
            .map(|i| layout.header_of(i).to_lowercase())
        {
            Some(h) if h.contains("gender") => Dimension::Gender,
            Some(h) if h.contains("age") => Dimension::AgeBand,
            _ => Dimension::Country,
        };
        return read::read_breakdown(layout, dimension, parsed);
    }
    if !layout.has(Meaning::Date) {
        return Err(ImportError::new("unknown-format", "tiktok"));
    }
    parsed.kind = if layout.has(Meaning::Metric(Metric::Followers)) {
        "followers"
    } else if layout.has(Meaning::Metric(Metric::Reach)) {
        "viewers"
    } else {
        "daily"
    }
    .into();
    read::read_daily(layout, Order::MonthFirst, options.today, false, parsed)
}

fn read_content(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.account.handle = layout.handle_in_links();
    // The export date (`Time`) anchors the posts' years.
    let exported = layout
        .data
        .first()
        .and_then(|r| date::parse(layout.cell(r, Meaning::Date)))
        .and_then(|s| match s.date {
            date::Written::Full(d) => Some(d),
            date::Written::Yearless { month, day } => {
                date::latest_on_or_before(month, day, options.today)
            }
            date::Written::Numeric { .. } => None,
        })
        .unwrap_or(options.today);
    let rules = PostRules {
        platform: Platform::TikTok,
        date_order: Order::MonthFirst,
        id_from_link: read::last_segment,
        format: |_| PostFormat::Video,
        independent_years: true,
        promoted: read::never_promoted,
    };
    read::read_posts(layout, options, &rules, exported, parsed)
}

fn read_activity(
    layout: &Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.kind = "activity".into();
    let column = layout
        .column(Meaning::Date)
        .map_or("", |i| layout.header_of(i))
        .to_owned();
    let stamps = read::stamps(layout, Meaning::Date);
    // Hours repeat each date 24 times: infer years over the distinct dates in order.
    let dates = read::resolve_dates(
        layout,
        &stamps,
        &column,
        Order::MonthFirst,
        options.today,
        false,
        parsed,
    )?;
    for (row, day) in layout.data.iter().zip(dates) {
        parsed.rows += 1;
        let hour = layout
            .number(row, Meaning::Hour)
            .filter(|h| (0.0..24.0).contains(h));
        let active = layout.number(row, Meaning::Metric(Metric::Followers));
        match (day, hour, active) {
            (Some(day), Some(hour), Some(active)) => {
                read::extend_period(parsed, day);
                parsed.activity.push((day, hour as u8, active));
            }
            _ => parsed.skipped += 1,
        }
    }
    Ok(())
}
