//! X / Twitter: the classic tweet activity export, its daily companion, and the newer
//! account_analytics_content export whose headers follow the UI language.

use super::date::Order;
use super::header::{Meaning, X_CONTENT, X_DAILY, X_METRICS, X_TWEETS};
use super::read::{self, Family, Layout, PostRules};
use super::table::Row;
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Metric, Platform, PostFormat};

pub(super) const TWEETS: Family = Family {
    id: "x-tweet-activity",
    dictionaries: &[X_TWEETS, X_METRICS],
    required: &[Meaning::PostId, Meaning::PublishTime],
    expected: &[
        Meaning::Metric(Metric::Impressions),
        Meaning::Metric(Metric::Reactions),
        Meaning::Metric(Metric::Comments),
        Meaning::Metric(Metric::Shares),
    ],
    read: read_tweets,
    streamed: None,
};

pub(super) const DAILY: Family = Family {
    id: "x-daily",
    dictionaries: &[X_DAILY, X_METRICS],
    required: &[Meaning::Date, Meaning::PostsPublished],
    expected: &[],
    read: read_daily,
    streamed: None,
};

pub(super) const CONTENT: Family = Family {
    id: "x-account-analytics",
    dictionaries: &[X_CONTENT],
    required: &[
        Meaning::PostId,
        Meaning::PublishTime,
        Meaning::Metric(Metric::Impressions),
    ],
    expected: &[
        Meaning::Metric(Metric::Reactions),
        Meaning::Metric(Metric::Comments),
        Meaning::Metric(Metric::Shares),
    ],
    read: read_tweets,
    streamed: None,
};

fn read_tweets(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.account.handle = layout.handle_in_links();
    let rules = PostRules {
        platform: Platform::X,
        date_order: Order::MonthFirst,
        id_from_link: read::last_segment,
        format: |_| PostFormat::Text,
        independent_years: false,
        promoted,
    };
    read::read_posts(layout, options, &rules, options.today, parsed)
}

/// Promoted columns hold `-` unless the post was promoted.
fn promoted(layout: &Layout, row: &Row) -> bool {
    layout
        .header
        .cells()
        .zip(row.cells())
        .any(|(h, c)| h.starts_with("promoted") && !super::value::is_empty(c) && c != "0")
}

fn read_daily(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.platform = Some(Platform::X);
    parsed.kind = "daily".into();
    read::read_daily(layout, Order::MonthFirst, options.today, false, parsed)
}
