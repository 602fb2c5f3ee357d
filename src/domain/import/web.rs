//! Web analytics (social referral traffic): GA4 UI exports (with `#` comment lines), GA4 API
//! pulls (`sessionSource`, `sessionMedium`), Universal Analytics and similar site tools.
//! Gives the site's sessions per day and sessions by source.

use std::collections::BTreeMap;

use super::date::Order;
use super::header::{Meaning, WEB};
use super::read::{self, Family, Layout};
use super::{ImportError, ImportOptions, Parsed};
use crate::domain::model::{Breakdown, BreakdownUnit, Dimension, Metric, Platform};

pub(super) const FAMILY: Family = Family {
    id: "web-analytics",
    dictionaries: &[WEB],
    required: &[Meaning::Metric(Metric::Sessions)],
    expected: &[],
    read,
    streamed: None,
};

fn read(
    layout: &mut Layout,
    options: &ImportOptions,
    parsed: &mut Parsed,
) -> Result<(), ImportError> {
    parsed.platform = Some(Platform::Web);
    parsed.kind = "traffic".into();
    let mut sources: BTreeMap<String, f64> = BTreeMap::new();
    for row in &layout.data {
        let source = layout.cell(row, Meaning::Source);
        let medium = layout.cell(row, Meaning::Medium);
        if let Some(sessions) = layout.number(row, Meaning::Metric(Metric::Sessions)) {
            let key = if medium.is_empty() {
                source.to_owned()
            } else {
                format!("{source} / {medium}")
            };
            *sources.entry(key).or_default() += sessions;
        }
    }
    if layout.has(Meaning::Date) {
        read::read_daily(layout, Order::MonthFirst, options.today, true, parsed)?;
    } else {
        parsed.rows = layout.data.len() as u64;
    }
    if !sources.is_empty() && layout.has(Meaning::Source) {
        let mut entries: Vec<(String, f64)> = sources.into_iter().collect();
        entries.sort_by(|a, b| b.1.total_cmp(&a.1));
        parsed.breakdowns.push(Breakdown {
            dimension: Dimension::TrafficSource,
            unit: BreakdownUnit::Count,
            entries,
        });
    }
    Ok(())
}
