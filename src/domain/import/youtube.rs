//! YouTube Studio: `Table data` (one row per video, with a Total row), `Chart data` (one row per
//! day and video) and `Totals` (one row per day); the columns vary with the metrics chosen.

use super::date::Order;
use super::header::{Meaning, YOUTUBE};
use super::read::{self, Family, Layout, PostRules};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Metric, Platform, PostFormat};

pub(super) const FAMILY: Family = Family {
    id: "youtube-studio",
    dictionaries: &[YOUTUBE],
    required: &[Meaning::Metric(Metric::Views)],
    expected: &[Meaning::Title],
    read,
    streamed: None,
};

fn read(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.platform = Some(Platform::YouTube);
    if layout.has(Meaning::Date) {
        parsed.kind = "daily".into();
        // Chart data lists each video every day: the channel's day is their sum.
        let per_video = layout.has(Meaning::PostId);
        return read::read_daily(layout, Order::MonthFirst, options.today, per_video, parsed);
    }
    let rules = PostRules {
        platform: Platform::YouTube,
        date_order: Order::MonthFirst,
        id_from_link: |_| None,
        format: |_| PostFormat::Video,
        independent_years: false,
        promoted: read::never_promoted,
    };
    read::read_posts(layout, options, &rules, options.today, parsed)?;
    for post in &mut parsed.posts {
        post.permalink = Some(format!("https://www.youtube.com/watch?v={}", post.id));
    }
    Ok(())
}
