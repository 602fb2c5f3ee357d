//! The workspace overview on the home page: per profile, what the data holds and how it did in
//! the last 30 days. The full metrics engine (periods, comparisons, definitions) builds on this.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::model::*;
use super::tz;

pub use super::metrics::engagement;

/// One row of the overview table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProfileOverview {
    pub profile: ProfileId,
    pub posts_total: usize,
    /// Posts published in the 30 days up to the last day with data.
    pub posts_30d: usize,
    pub followers: Option<f64>,
    pub engagement_30d: f64,
    pub reach_30d: f64,
    /// Engagement ÷ reach over the 30 days, when reach is known.
    pub engagement_rate_reach: Option<f64>,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
}

/// The overview of every profile, in the workspace's order.
pub fn profiles(ws: &Workspace) -> Vec<ProfileOverview> {
    let zone = &ws.info.time_zone;
    ws.profiles
        .iter()
        .map(|profile| {
            let dates: Vec<NaiveDate> = ws
                .posts
                .iter()
                .filter(|p| p.profile == profile.id)
                .map(|p| tz::local_date(&p.published, zone))
                .collect();
            let daily = ws.daily.iter().filter(|d| d.profile == profile.id);
            let last_day = dates
                .iter()
                .copied()
                .chain(daily.clone().map(|d| d.date))
                .max();
            let first_day = dates
                .iter()
                .copied()
                .chain(daily.clone().map(|d| d.date))
                .min();
            let followers = daily
                .filter_map(|d| d.values.get(&Metric::Followers).map(|f| (d.date, *f)))
                .max_by_key(|(date, _)| *date)
                .map(|(_, f)| f);
            let since = last_day.map(|d| d - Duration::days(29));
            let recent: Vec<&Post> = ws
                .posts
                .iter()
                .filter(|p| p.profile == profile.id)
                .filter(|p| since.is_some_and(|s| tz::local_date(&p.published, zone) >= s))
                .collect();
            let engagement_30d: f64 = recent.iter().map(|p| engagement(&p.metrics)).sum();
            let with_reach: Vec<&&Post> = recent
                .iter()
                .filter(|p| p.metrics.contains_key(&Metric::Reach))
                .collect();
            let reach_30d: f64 = with_reach.iter().map(|p| p.metrics[&Metric::Reach]).sum();
            let engaged_with_reach: f64 = with_reach.iter().map(|p| engagement(&p.metrics)).sum();
            ProfileOverview {
                profile: profile.id.clone(),
                posts_total: dates.len(),
                posts_30d: recent.len(),
                followers,
                engagement_30d,
                reach_30d,
                engagement_rate_reach: (reach_30d > 0.0).then(|| engaged_with_reach / reach_30d),
                first_day,
                last_day,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn post(profile: &str, id: &str, when: &str, reach: Option<f64>, reactions: f64) -> Post {
        let mut metrics = Metrics::new();
        metrics.insert(Metric::Reactions, reactions);
        metrics.insert(Metric::Comments, 1.0);
        if let Some(r) = reach {
            metrics.insert(Metric::Reach, r);
        }
        Post {
            id: id.into(),
            profile: profile.into(),
            published: DateTime::parse_from_rfc3339(when).unwrap(),
            format: PostFormat::Photo,
            text: String::new(),
            permalink: None,
            metrics,
            promoted: false,
            batch: None,
        }
    }

    #[test]
    fn counts_the_last_thirty_days_and_rates_by_reach_only_where_known() {
        let mut ws = Workspace::empty(WorkspaceInfo::new("w".into(), "W"));
        ws.profiles.push(Profile {
            id: "p".into(),
            platform: Platform::Instagram,
            handle: "h".into(),
            name: "H".into(),
            external_id: None,
            region: None,
            sub_brand: None,
            competitor: false,
            url: None,
            aliases: Vec::new(),
        });
        ws.posts = vec![
            post("p", "1", "2026-01-01T10:00:00+07:00", Some(100.0), 9.0),
            post("p", "2", "2026-03-10T10:00:00+07:00", Some(200.0), 19.0),
            // 17:30 UTC on 31 March is 1 April in Jakarta: the last day.
            post("p", "3", "2026-03-31T17:30:00+00:00", None, 4.0),
        ];
        let row = &profiles(&ws)[0];
        assert_eq!(row.posts_total, 3);
        assert_eq!(row.last_day, NaiveDate::from_ymd_opt(2026, 4, 1));
        assert_eq!(row.posts_30d, 2);
        assert_eq!(row.engagement_30d, 20.0 + 5.0);
        assert_eq!(row.reach_30d, 200.0);
        assert_eq!(row.engagement_rate_reach, Some(0.1));
        assert_eq!(row.followers, None);
    }
}
