//! The frequency plan: how many posts each platform should get, against what the calendar
//! holds. Days are judged by daily targets; spans of a week or more by every target, scaled to
//! the span.

use chrono::NaiveDate;

use crate::domain::{Cadence, FrequencyTarget, PlanItem, PlanStatus, Platform, tz};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Load {
    Under,
    Within,
    Over,
}

impl Load {
    pub fn slug(self) -> &'static str {
        match self {
            Load::Under => "under",
            Load::Within => "within",
            Load::Over => "over",
        }
    }
}

/// One platform's planned posts over a span, against its target scaled to the span.
#[derive(Debug, Clone, PartialEq)]
pub struct PlatformLoad {
    pub platform: Platform,
    pub planned: u32,
    pub min: f64,
    pub max: f64,
    pub load: Load,
}

/// Whether the item counts toward the plan: it has a time and is neither an idea nor rejected.
fn counts(item: &PlanItem) -> bool {
    item.scheduled.is_some() && !matches!(item.status, PlanStatus::Idea | PlanStatus::Rejected)
}

/// The load of every targeted platform from `from` to `to` (both included), in the workspace's
/// time zone. A span shorter than a week is judged only by daily targets.
pub fn loads(
    items: &[PlanItem],
    zone: &str,
    targets: &[FrequencyTarget],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<PlatformLoad> {
    let days = ((to - from).num_days() + 1).max(1) as f64;
    targets
        .iter()
        .filter_map(|t| {
            let per_day = match t.per {
                Cadence::Daily => 1.0,
                Cadence::Weekly if days >= 7.0 => 1.0 / 7.0,
                Cadence::Monthly if days >= 28.0 => 12.0 / 365.0,
                Cadence::Quarterly if days >= 90.0 => 4.0 / 365.0,
                _ => return None,
            };
            let planned = items
                .iter()
                .filter(|i| counts(i) && i.variants.iter().any(|v| v.platform == t.platform))
                .filter_map(|i| i.scheduled.as_ref())
                .map(|s| tz::local_date(s, zone))
                .filter(|d| *d >= from && *d <= to)
                .count() as u32;
            let (min, max) = (t.min * per_day * days, t.max * per_day * days);
            let load = if f64::from(planned) + 1e-9 < min.floor() {
                Load::Under
            } else if f64::from(planned) > max.ceil() + 1e-9 {
                Load::Over
            } else {
                Load::Within
            };
            Some(PlatformLoad {
                platform: t.platform,
                planned,
                min,
                max,
                load,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{MemberId, PlanItemId, PlanVariant};
    use chrono::{FixedOffset, TimeZone};

    fn item(day: u32, hour: u32, platform: Platform, status: PlanStatus) -> PlanItem {
        let at = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 12, day, hour, 0, 0)
            .unwrap();
        let mut item = PlanItem::new(
            PlanItemId(format!("{day}-{hour}")),
            MemberId::from("m"),
            status,
            Some(at),
        );
        item.variants.push(PlanVariant {
            platform,
            text: String::new(),
            media_note: String::new(),
            link: None,
            hashtags: vec![],
        });
        item
    }

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
    }

    #[test]
    fn days_judged_by_daily_targets_in_the_workspace_zone() {
        let targets = FrequencyTarget::defaults();
        let items = vec![
            item(1, 2, Platform::Instagram, PlanStatus::Draft),
            // 20:00 UTC on the 1st is the 2nd in Jakarta.
            item(1, 20, Platform::Instagram, PlanStatus::Approved),
            item(1, 3, Platform::Instagram, PlanStatus::Rejected),
            item(1, 4, Platform::Instagram, PlanStatus::Idea),
        ];
        let day = loads(&items, "Asia/Jakarta", &targets, d(1), d(1));
        assert!(day.iter().all(|l| l.platform != Platform::LinkedIn));
        let ig = day
            .iter()
            .find(|l| l.platform == Platform::Instagram)
            .unwrap();
        assert_eq!((ig.planned, ig.load), (1, Load::Within));
        let fb = day
            .iter()
            .find(|l| l.platform == Platform::Facebook)
            .unwrap();
        assert_eq!((fb.planned, fb.load), (0, Load::Under));
    }

    #[test]
    fn weeks_include_weekly_targets_and_flag_over_plan() {
        let targets = FrequencyTarget::defaults();
        let items: Vec<_> = (1..=7)
            .flat_map(|day| {
                (8..10).map(move |h| item(day, h, Platform::LinkedIn, PlanStatus::Scheduled))
            })
            .collect();
        let week = loads(&items, "UTC", &targets, d(1), d(7));
        let li = week
            .iter()
            .find(|l| l.platform == Platform::LinkedIn)
            .unwrap();
        assert_eq!(li.planned, 14);
        assert_eq!(li.load, Load::Over);
        assert!((li.min - 4.0).abs() < 1e-9 && (li.max - 6.0).abs() < 1e-9);
    }
}
