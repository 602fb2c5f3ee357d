//! The dashboard: key figures of the chosen profiles over a period, compared with the period
//! before, their monthly history, the split of interactions, post formats and the top posts.
//! Pure; the query comes from the page's URL.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Timelike};
use serde::{Deserialize, Serialize};

use super::metrics::{self, PostOrder, ProfileMetrics, RateBase};
use super::model::*;

/// Which profiles and period a dashboard shows (the page keeps it in the URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Query {
    /// Days in the period, ending on the last day with data.
    pub days: i64,
    pub platform: Option<Platform>,
    pub profile: Option<ProfileId>,
    /// The order of the posts table.
    #[serde(default)]
    pub order: PostOrder,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            days: 30,
            platform: None,
            profile: None,
            order: PostOrder::default(),
        }
    }
}

/// The periods a user can pick.
pub const PERIODS: [i64; 4] = [7, 30, 90, 365];

/// Sums over the chosen profiles for one period.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    pub posts: usize,
    pub followers: Option<f64>,
    pub follower_growth: Option<f64>,
    pub reach: Option<f64>,
    pub impressions: Option<f64>,
    pub engagement: f64,
    /// Engagement ÷ reach over the posts whose reach is known.
    pub rate_reach: Option<f64>,
    /// Σ per-post engagement ÷ followers × 1,000, and whether a follower count fell back.
    pub per_thousand_fans: Option<(f64, bool)>,
    pub clicks: Option<f64>,
    pub ctr: Option<f64>,
}

fn add(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a + b),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Adds up profile figures. Rates are recomputed from sums, never averaged.
pub fn totals(metrics: &[ProfileMetrics]) -> Totals {
    let mut t = Totals::default();
    let (mut reach_for_rate, mut engaged_with_reach) = (0.0, 0.0);
    let (mut ctr_clicks, mut ctr_shown) = (0.0, 0.0);
    for m in metrics {
        t.posts += m.posts;
        t.followers = add(t.followers, m.followers_end.map(|f| f.value));
        t.follower_growth = add(t.follower_growth, m.follower_growth);
        t.reach = add(t.reach, m.reach);
        t.impressions = add(t.impressions, m.impressions);
        t.engagement += m.engagement;
        if let (Some(rate), Some(reach)) = (m.engagement_rate, m.reach)
            && rate.base == RateBase::Reach
        {
            reach_for_rate += reach;
            engaged_with_reach += rate.value * reach;
        }
        if let Some((v, fallback)) = m.per_thousand_fans {
            let (sum, any) = t.per_thousand_fans.unwrap_or((0.0, false));
            t.per_thousand_fans = Some((sum + v, any || fallback));
        }
        t.clicks = add(t.clicks, m.clicks);
        if let (Some(ctr), Some(shown)) = (m.ctr, m.impressions) {
            ctr_clicks += ctr * shown;
            ctr_shown += shown;
        }
    }
    t.rate_reach = (reach_for_rate > 0.0).then(|| engaged_with_reach / reach_for_rate);
    t.ctr = (ctr_shown > 0.0).then(|| ctr_clicks / ctr_shown);
    t
}

/// One month of the chosen profiles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Month {
    pub month: NaiveDate,
    pub engagement: f64,
    pub posts: usize,
    /// Sum of the last follower count of each profile that has one in the month.
    pub followers: Option<f64>,
}

/// A post in the top list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopPost {
    pub profile: ProfileId,
    pub published: chrono::DateTime<chrono::FixedOffset>,
    pub format: PostFormat,
    pub text: String,
    pub permalink: Option<String>,
    pub engagement: f64,
    pub reach: Option<f64>,
}

/// Everything the dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub query: Query,
    pub period: Period,
    pub previous: Period,
    /// The profiles shown (own, not websites).
    pub profiles: Vec<ProfileId>,
    pub now: Totals,
    pub before: Totals,
    /// The twelve months up to the period's end.
    pub months: Vec<Month>,
    pub distribution: metrics::Distribution,
    /// Formats by engagement per post, best first: (format, posts, per post).
    pub formats: Vec<(PostFormat, usize, f64)>,
    pub top: Vec<TopPost>,
    /// When posts perform: average engagement per post by weekday (Monday first) and hour, over
    /// the period, in the workspace time zone; `None` where no post was published.
    pub performance: Grid,
    /// When followers are online (TikTok follower activity): average active followers by weekday
    /// and hour over the period; empty when no profile has such data.
    pub online: Grid,
    /// Paid results of the chosen profiles' promoted posts, now and before.
    pub ads: Option<(metrics::Ads, Option<metrics::Ads>)>,
    /// Customer service of the chosen profiles, now and before.
    pub service: Option<(metrics::Responsiveness, Option<metrics::Responsiveness>)>,
    /// The website: sessions in the period and before, and the share of the latest traffic-source
    /// breakdown that came from social networks.
    pub web: Option<WebTraffic>,
    /// Entered benchmarks of the engagement rate by reach that concern the chosen profiles,
    /// each beside the chosen profiles' own rate on that platform (all platforms when the
    /// benchmark names none), so that a change can be told apart from a wider one.
    #[serde(default)]
    pub benchmarks: Vec<BenchmarkBeside>,
}

/// A benchmark and the profiles' own figure for the same metric and platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchmarkBeside {
    pub benchmark: Benchmark,
    /// The chosen profiles' own figure for the benchmark's metric, on its platform, in the
    /// period (see [`own_figure`]).
    pub own: Option<f64>,
}

/// The profiles' own figure that a benchmark of `metric` compares with, over `profiles`
/// profiles: engagement ÷ reach and clicks ÷ impressions from their sums; interactions per 1,000
/// fans and posts per week (over the period) per profile, as benchmarks give them for one
/// brand; `None` for a metric the dashboard does not compute.
pub fn own_figure(metric: &str, totals: &Totals, profiles: usize, period: Period) -> Option<f64> {
    let per_profile = |v: f64| (profiles > 0).then(|| v / profiles as f64);
    match metric {
        metrics::BENCHMARK_RATE_REACH => totals.rate_reach,
        metrics::BENCHMARK_CTR => totals.ctr,
        metrics::BENCHMARK_PER_THOUSAND_FANS => {
            totals.per_thousand_fans.and_then(|(v, _)| per_profile(v))
        }
        metrics::BENCHMARK_POSTS_PER_WEEK => {
            per_profile(totals.posts as f64 / (period.days() as f64 / 7.0))
        }
        _ => None,
    }
}

/// The benchmarks beside the profiles' own rates: those of the platforms shown (or of none),
/// by platform, then the one whose period is nearest the dashboard's first, then by label.
pub fn benchmarks_beside(
    ws: &Workspace,
    now: &[ProfileMetrics],
    period: Period,
) -> Vec<BenchmarkBeside> {
    let distance = |b: &Benchmark| {
        if b.period.end < period.start {
            (period.start - b.period.end).num_days()
        } else if b.period.start > period.end {
            (b.period.start - period.end).num_days()
        } else {
            0
        }
    };
    let mut out: Vec<(i64, BenchmarkBeside)> = ws
        .benchmarks
        .iter()
        .filter(|b| {
            metrics::BENCHMARK_METRICS
                .iter()
                .any(|m| m.slug == b.metric)
        })
        .filter_map(|b| {
            let shown: Vec<ProfileMetrics> = now
                .iter()
                .filter(|m| b.platform.is_none_or(|p| p == m.platform))
                .cloned()
                .collect();
            (!shown.is_empty()).then(|| {
                (
                    distance(b),
                    BenchmarkBeside {
                        benchmark: b.clone(),
                        own: own_figure(&b.metric, &totals(&shown), shown.len(), period),
                    },
                )
            })
        })
        .collect();
    out.sort_by(|(da, a), (db, b)| {
        (a.benchmark.platform, da, &a.benchmark.label).cmp(&(
            b.benchmark.platform,
            db,
            &b.benchmark.label,
        ))
    });
    out.into_iter().map(|(_, b)| b).collect()
}

/// What the website got in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WebTraffic {
    pub sessions: f64,
    pub sessions_before: Option<f64>,
    pub social_share: Option<f64>,
    /// The twelve months up to the period's end (months with sessions only).
    #[serde(default)]
    pub months: Vec<WebMonth>,
}

/// A month of website traffic: its sessions, and the part that came from social networks when
/// a traffic-source breakdown of that month says it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct WebMonth {
    /// The month's first day.
    pub month: NaiveDate,
    pub sessions: f64,
    /// Share of the month's latest traffic-source breakdown that came from social networks.
    pub social_share: Option<f64>,
}

impl WebMonth {
    /// Sessions from social networks: the month's sessions × its social share.
    pub fn social_sessions(&self) -> Option<f64> {
        self.social_share.map(|share| self.sessions * share)
    }
}

/// Adds up paid results; ratios recomputed from the sums.
pub fn ads_total(metrics: &[ProfileMetrics]) -> Option<metrics::Ads> {
    let parts: Vec<&metrics::Ads> = metrics.iter().filter_map(|m| m.ads.as_ref()).collect();
    if parts.is_empty() {
        return None;
    }
    let mut t = metrics::Ads::default();
    for a in parts {
        t.posts += a.posts;
        t.spend += a.spend;
        t.clicks += a.clicks;
        t.impressions += a.impressions;
        t.reach += a.reach;
        t.conversions += a.conversions;
    }
    let ratio = |a: f64, b: f64| (b > 0.0).then(|| a / b);
    Some(metrics::Ads {
        ctr: ratio(t.clicks, t.impressions),
        cpc: ratio(t.spend, t.clicks),
        cpm: ratio(t.spend * 1000.0, t.impressions),
        frequency: ratio(t.impressions, t.reach),
        ..t
    })
}

/// Customer service over several profiles: counts added, times from all answered messages.
pub fn service_total(
    ws: &Workspace,
    profiles: &[ProfileId],
    period: Period,
) -> Option<metrics::Responsiveness> {
    let all: Vec<metrics::Responsiveness> = profiles
        .iter()
        .filter_map(|p| metrics::responsiveness(ws, p, period))
        .collect();
    if all.is_empty() {
        return None;
    }
    let needing: usize = all.iter().map(|r| r.needing_reply).sum();
    let answered: usize = all.iter().map(|r| r.answered).sum();
    // The mean over all answered messages; the median is not additive, so the largest profile's
    // median stands in only when one profile is shown.
    let mean = {
        let weighted: f64 = all
            .iter()
            .filter_map(|r| r.mean_hours.map(|m| m * r.answered as f64))
            .sum();
        (answered > 0).then(|| weighted / answered as f64)
    };
    Some(metrics::Responsiveness {
        needing_reply: needing,
        answered,
        rate: (needing > 0).then(|| answered as f64 / needing as f64),
        mean_hours: mean,
        median_hours: if all.len() == 1 {
            all[0].median_hours
        } else {
            None
        },
    })
}

fn web_traffic(ws: &Workspace, period: Period) -> Option<WebTraffic> {
    let webs: Vec<&Profile> = ws
        .profiles
        .iter()
        .filter(|p| p.platform == Platform::Web && !p.competitor)
        .collect();
    let sum = |within: Period| -> Option<f64> {
        let values: Vec<f64> = ws
            .daily
            .iter()
            .filter(|d| webs.iter().any(|w| w.id == d.profile) && within.contains(d.date))
            .filter_map(|d| d.values.get(&Metric::Sessions).copied())
            .collect();
        (!values.is_empty()).then(|| values.iter().sum())
    };
    let sessions = sum(period)?;
    let social_share = webs
        .iter()
        .find_map(|w| metrics::social_share(ws, &w.id, period.end));
    let months = month_starts(period.end)
        .into_iter()
        .filter_map(|start| {
            let month = Period {
                start,
                end: month_end(start),
            };
            Some(WebMonth {
                month: start,
                sessions: sum(month)?,
                social_share: webs
                    .iter()
                    .find_map(|w| metrics::social_share_within(ws, &w.id, month)),
            })
        })
        .collect();
    Some(WebTraffic {
        sessions,
        sessions_before: sum(period.previous()),
        social_share,
        months,
    })
}

/// The first days of the twelve months that end with `end`'s month, oldest first.
fn month_starts(end: NaiveDate) -> Vec<NaiveDate> {
    let last = end.with_day(1).unwrap_or(end);
    (0..12)
        .rev()
        .filter_map(|back| last.checked_sub_months(chrono::Months::new(back)))
        .collect()
}

/// The last day of the month that starts on `start`.
fn month_end(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(start)
}

/// Values by weekday (Monday first) and hour.
pub type Grid = Vec<[Option<f64>; 24]>;

fn grid(cells: impl Iterator<Item = (usize, usize, f64)>) -> Grid {
    let mut sums = [[(0.0, 0u32); 24]; 7];
    let mut any = false;
    for (day, hour, value) in cells {
        let slot = &mut sums[day.min(6)][hour.min(23)];
        slot.0 += value;
        slot.1 += 1;
        any = true;
    }
    if !any {
        return Vec::new();
    }
    sums.iter()
        .map(|row| {
            let mut out = [None; 24];
            for (h, (sum, n)) in row.iter().enumerate() {
                if *n > 0 {
                    out[h] = Some(sum / f64::from(*n));
                }
            }
            out
        })
        .collect()
}

/// The profiles a query selects: own social profiles, by platform or one profile.
pub fn selected(ws: &Workspace, query: &Query) -> Vec<ProfileId> {
    ws.profiles
        .iter()
        .filter(|p| !p.competitor && p.platform != Platform::Web)
        .filter(|p| query.platform.is_none_or(|q| q == p.platform))
        .filter(|p| query.profile.as_ref().is_none_or(|q| q == &p.id))
        .map(|p| p.id.clone())
        .collect()
}

/// Computes the dashboard; `None` when the workspace has no dated data.
pub fn compute(ws: &Workspace, query: &Query) -> Option<Dashboard> {
    let ix = metrics::Index::new(ws);
    let as_of = ix.last_day()?;
    let period = Period::ending(as_of, query.days);
    let ids = selected(ws, query);
    let whole = query.platform.is_none() && query.profile.is_none();
    let mut dashboard = compute_over(&ix, ids, period, period.previous(), whole, query.order);
    dashboard.query = query.clone();
    Some(dashboard)
}

/// The dashboard of given profiles over a given period against another (a report's period
/// and comparison); `website`: include the website's traffic; `order`: the posts table's.
pub fn compute_over(
    ix: &metrics::Index,
    ids: Vec<ProfileId>,
    period: Period,
    previous: Period,
    website: bool,
    order: PostOrder,
) -> Dashboard {
    let ws = ix.ws;
    let as_of = period.end;
    let query = Query {
        days: period.days(),
        ..Query::default()
    };
    let profiles: Vec<&Profile> = ids.iter().filter_map(|id| ws.profile(id)).collect();
    let now: Vec<ProfileMetrics> = profiles
        .iter()
        .map(|p| metrics::profile_metrics(ix, p, period))
        .collect();
    let before: Vec<ProfileMetrics> = profiles
        .iter()
        .map(|p| metrics::profile_metrics(ix, p, previous))
        .collect();
    let year = Period::ending(as_of, 365);
    let mut months: BTreeMap<NaiveDate, Month> = BTreeMap::new();
    for id in &ids {
        for m in metrics::monthly(ix, id, year) {
            let slot = months.entry(m.month).or_insert(Month {
                month: m.month,
                engagement: 0.0,
                posts: 0,
                followers: None,
            });
            slot.engagement += m.engagement;
            slot.posts += m.posts;
            slot.followers = add(slot.followers, m.followers);
        }
    }
    let mut distribution = metrics::Distribution::default();
    let mut formats: BTreeMap<PostFormat, (usize, f64)> = BTreeMap::new();
    for m in &now {
        distribution.reactions += m.distribution.reactions;
        distribution.comments += m.distribution.comments;
        distribution.shares += m.distribution.shares;
        distribution.saves += m.distribution.saves;
        for f in &m.formats {
            let slot = formats.entry(f.format).or_default();
            slot.0 += f.posts;
            slot.1 += f.engagement;
        }
    }
    let mut formats: Vec<(PostFormat, usize, f64)> = formats
        .into_iter()
        .map(|(f, (n, e))| (f, n, e / n.max(1) as f64))
        .collect();
    formats.sort_unstable_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let top = posts_table(ix, &ids, period, order);
    let zone = &ws.info.time_zone;
    let performance = grid(
        ids.iter()
            .flat_map(|id| ix.indexed_in(id, period))
            .map(|p| {
                let local = super::tz::in_zone(&p.post.published, zone);
                (
                    local.weekday().num_days_from_monday() as usize,
                    local.hour() as usize,
                    p.engagement,
                )
            }),
    );
    let online = grid(
        ws.follower_activity
            .iter()
            .filter(|a| ids.contains(&a.profile) && period.contains(a.date))
            .map(|a| {
                (
                    a.date.weekday().num_days_from_monday() as usize,
                    a.hour as usize,
                    a.active,
                )
            }),
    );
    let ads = ads_total(&now).map(|a| (a, ads_total(&before)));
    let service = service_total(ws, &ids, period).map(|s| (s, service_total(ws, &ids, previous)));
    let web = if website {
        web_traffic(ws, period)
    } else {
        None
    };
    Dashboard {
        benchmarks: benchmarks_beside(ws, &now, period),
        ads,
        service,
        web,
        performance,
        online,
        query,
        period,
        previous,
        profiles: ids,
        now: totals(&now),
        before: totals(&before),
        months: months.into_values().collect(),
        distribution,
        formats,
        top,
    }
}

/// The ten posts of the posts table in the given order.
fn posts_table(
    ix: &metrics::Index,
    ids: &[ProfileId],
    period: Period,
    order: PostOrder,
) -> Vec<TopPost> {
    metrics::ranked_posts(ix, ids, period, 10, order)
        .into_iter()
        .map(
            |metrics::Indexed {
                 post, engagement, ..
             }| TopPost {
                profile: post.profile.clone(),
                published: post.published,
                format: post.format,
                text: post.text.chars().take(140).collect(),
                permalink: post.permalink.clone(),
                engagement,
                reach: post.metrics.get(&Metric::Reach).copied(),
            },
        )
        .collect()
}
