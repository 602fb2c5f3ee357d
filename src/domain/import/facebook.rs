//! Classic Facebook Insights exports (pre-2020, still in archives): post-level files (one row
//! per post, "Lifetime ..." metrics) and page-level files (one row per day, hundreds of
//! columns), as CSV or XML Spreadsheet `.xls`, with a second header row of descriptions.

use super::date::Order;
use super::header::{FB_CLASSIC, Meaning};
use super::read::{self, Family, Layout, PostRules};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Platform, PostFormat};

pub(super) const CLASSIC: Family = Family {
    id: "facebook-insights",
    dictionaries: &[FB_CLASSIC],
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
    parsed.platform = Some(Platform::Facebook);
    if layout.has(Meaning::PostId) && layout.has(Meaning::PublishTime) {
        // The page is named in every permalink (`facebook.com/<page>/posts/...`).
        parsed.account.handle = layout.handle_in_links();
        let rules = PostRules {
            platform: Platform::Facebook,
            date_order: Order::MonthFirst,
            id_from_link: read::last_segment,
            format: |t| match t.to_lowercase().as_str() {
                "photo" => PostFormat::Photo,
                "video" => PostFormat::Video,
                "link" => PostFormat::Link,
                "status" => PostFormat::Text,
                _ => PostFormat::Other,
            },
            independent_years: false,
            promoted: read::never_promoted,
        };
        return read::read_posts(layout, options, &rules, options.today, parsed);
    }
    if !layout.has(Meaning::Date) {
        return Err(ImportError::new("unknown-format", "facebook-insights"));
    }
    parsed.kind = "daily".into();
    read::read_daily(layout, Order::MonthFirst, options.today, false, parsed)
}
