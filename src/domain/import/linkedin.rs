//! LinkedIn Page analytics workbooks (BIFF8 `.xls` or `.xlsx`, several sheets, sometimes a
//! one-cell description row above each header): `_content_` (sheets "Metrics" and "All posts"),
//! `_followers_` ("New followers" plus demographic sheets) and `_visitors_` ("Visitor metrics"
//! plus the same demographic sheets). The page is named by the file (`<page>_content_<ms>.xls`).

use super::date::Order;
use super::header::{self, Meaning};
use super::read::{self, PostRules};
use super::table::{Row, Table};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Dimension, Metric, Platform, PostFormat};

/// Reads a LinkedIn workbook; `None` when the tables are not one.
pub(super) fn read_workbook(
    name: &str,
    tables: &[Table],
    options: &ImportOptions,
) -> Option<Result<Parsed, ImportError>> {
    let sheet = |wanted: &str| {
        tables
            .iter()
            .find(|t| header::normalize(&t.sheet) == wanted)
    };
    let posts = sheet("all posts");
    let metrics = sheet("metrics");
    let followers = sheet("new followers");
    let visitors = sheet("visitor metrics");
    if posts.is_none() && metrics.is_none() && followers.is_none() && visitors.is_none() {
        return None;
    }
    Some(read(
        name, tables, options, posts, metrics, followers, visitors,
    ))
}

fn read(
    name: &str,
    tables: &[Table],
    options: &ImportOptions,
    posts: Option<&Table>,
    metrics: Option<&Table>,
    followers: Option<&Table>,
    visitors: Option<&Table>,
) -> Result<Parsed, ImportError> {
    let (family, kind) = if posts.is_some() || metrics.is_some() {
        ("linkedin-content", "posts")
    } else if followers.is_some() {
        ("linkedin-followers", "followers")
    } else {
        ("linkedin-visitors", "visitors")
    };
    let mut parsed = Parsed::new(family, Some(Platform::LinkedIn), kind);
    parsed.account.handle = page_from_file_name(name);
    parsed.account.name = parsed.account.handle.clone();
    if let Some(table) = posts {
        let (index, meanings) = header_row(table, post_meaning)?;
        let mut layout = read::layout_for(table, index, meanings, "en");
        signature(&mut parsed, layout.header);
        let rules = PostRules {
            platform: Platform::LinkedIn,
            date_order: Order::MonthFirst,
            id_from_link: read::last_segment,
            format: post_format,
            independent_years: false,
            // "Post type" says Organic or Sponsored.
            promoted: |layout, row| {
                layout
                    .cell(row, Meaning::Ignored)
                    .eq_ignore_ascii_case("sponsored")
            },
        };
        read::read_posts(&mut layout, options, &rules, options.today, &mut parsed)?;
    }
    for table in [metrics, followers, visitors].into_iter().flatten() {
        let (index, meanings) = header_row(table, daily_meaning)?;
        let layout = read::layout_for(table, index, meanings, "en");
        if parsed.header_signature.is_empty() {
            signature(&mut parsed, layout.header);
        }
        read::read_daily(
            &layout,
            Order::MonthFirst,
            options.today,
            false,
            &mut parsed,
        )?;
    }
    for table in tables {
        let dimension = match header::normalize(&table.sheet).as_str() {
            "location" => Dimension::City,
            "job function" => Dimension::JobFunction,
            "seniority" => Dimension::Seniority,
            "industry" => Dimension::Industry,
            "company size" => Dimension::CompanySize,
            _ => continue,
        };
        let Ok((index, meanings)) = header_row(table, |_| Some(Meaning::Share)) else {
            continue;
        };
        let mut meanings = meanings;
        if let Some(first) = meanings.first_mut() {
            *first = Some(Meaning::Category);
        }
        let layout = read::layout_for(table, index, meanings, "en");
        let kind = parsed.kind.clone();
        read::read_breakdown(&layout, dimension, &mut parsed)?;
        parsed.kind = kind;
    }
    if parsed.records() == 0 {
        return Err(ImportError::new("no-records", family));
    }
    Ok(parsed)
}

fn signature(parsed: &mut Parsed, header: &Row) {
    parsed.describe_header(header.cells(), std::iter::empty());
}

/// The first row with at least two filled cells (a description row has one), with meanings.
fn header_row(
    table: &Table,
    meaning: fn(&str) -> Option<Meaning>,
) -> Result<(usize, Vec<Option<Meaning>>), ImportError> {
    let index = table
        .rows
        .iter()
        .take(5)
        .position(|r| r.cells().filter(|c| !c.is_empty()).count() >= 2)
        .ok_or_else(|| ImportError::new("no-records", table.sheet.clone()))?;
    let meanings = table.rows[index]
        .cells()
        .map(|c| meaning(&header::normalize(c)))
        .collect();
    Ok((index, meanings))
}

fn post_meaning(h: &str) -> Option<Meaning> {
    Some(match h {
        "post title" => Meaning::Title,
        "post link" => Meaning::Permalink,
        "post type" => Meaning::Ignored,
        "created date" => Meaning::PublishTime,
        "impressions" => Meaning::Metric(Metric::Impressions),
        "views" => Meaning::Metric(Metric::Views),
        "clicks" => Meaning::Metric(Metric::Clicks),
        "likes" => Meaning::Metric(Metric::Reactions),
        "comments" => Meaning::Metric(Metric::Comments),
        "reposts" => Meaning::Metric(Metric::Shares),
        "follows" => Meaning::Metric(Metric::FollowersGained),
        "content type" => Meaning::PostType,
        _ => return None,
    })
}

fn daily_meaning(h: &str) -> Option<Meaning> {
    Some(match h {
        "date" => Meaning::Date,
        "impressions (total)" => Meaning::Metric(Metric::Impressions),
        "unique impressions (organic)" => Meaning::Metric(Metric::Reach),
        "clicks (total)" => Meaning::Metric(Metric::Clicks),
        "reactions (total)" => Meaning::Metric(Metric::Reactions),
        "comments (total)" => Meaning::Metric(Metric::Comments),
        "reposts (total)" => Meaning::Metric(Metric::Shares),
        "total followers" => Meaning::Metric(Metric::FollowersGained),
        "total page views (total)" => Meaning::Metric(Metric::PageVisits),
        _ => return None,
    })
}

fn post_format(kind: &str) -> PostFormat {
    let k = kind.to_lowercase();
    if k.contains("video") {
        PostFormat::Video
    } else if k.contains("image") || k.contains("photo") {
        PostFormat::Photo
    } else if k.contains("document") || k.contains("carousel") {
        PostFormat::Carousel
    } else if k.contains("article") || k.contains("link") {
        PostFormat::Link
    } else if k.is_empty() {
        PostFormat::Other
    } else {
        PostFormat::Text
    }
}

/// `shorthills-ai_content_1766385907708 1.xls` → `shorthills-ai`.
pub(super) fn page_from_file_name(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next()?;
    [
        "_content_",
        "_followers_",
        "_visitors_",
        "_competitor_analytics_",
    ]
    .iter()
    .find_map(|marker| find_ascii(base, marker).map(|i| base[..i].to_owned()))
    .filter(|s| !s.is_empty())
}

/// Where an ASCII `marker` is in `name`, letter case aside. (Lowercasing the name first would
/// move byte positions: some letters change length.) The position is a character boundary.
pub(super) fn find_ascii(name: &str, marker: &str) -> Option<usize> {
    name.as_bytes()
        .windows(marker.len())
        .position(|w| w.eq_ignore_ascii_case(marker.as_bytes()))
}
