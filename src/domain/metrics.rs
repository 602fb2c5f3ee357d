//! The metrics engine: per profile and period, the numbers of the audit and of reports, each with
//! the definition it follows (see the "Definitions" of the brief, shown beside every number in
//! the UI). Pure and deterministic: the same workspace and period always give the same figures.
//! Days are calendar days in the workspace time zone.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::model::*;
use super::tz;

/// Engagement as the discipline defines it: reactions + comments + shares (+ saves). When an
/// export only has the platform's own interaction total, that total. Clicks are not engagement.
pub fn engagement(metrics: &Metrics) -> f64 {
    let parts = [
        Metric::Reactions,
        Metric::Comments,
        Metric::Shares,
        Metric::Saves,
    ];
    if parts.iter().any(|m| metrics.contains_key(m)) {
        parts.iter().filter_map(|m| metrics.get(m)).sum()
    } else {
        metrics.get(&Metric::Interactions).copied().unwrap_or(0.0)
    }
}

/// Impressions, or views where the platform counts views instead (TikTok, YouTube).
pub fn impressions(metrics: &Metrics) -> Option<f64> {
    metrics
        .get(&Metric::Impressions)
        .or_else(|| metrics.get(&Metric::Views))
        .or_else(|| metrics.get(&Metric::VideoViews))
        .copied()
}

/// Clicks on a post: link clicks where the export separates them, else all clicks.
pub fn clicks(metrics: &Metrics) -> Option<f64> {
    metrics
        .get(&Metric::LinkClicks)
        .or_else(|| metrics.get(&Metric::Clicks))
        .copied()
}

/// The `metric` of a benchmark that holds an engagement rate by reach.
pub const BENCHMARK_RATE_REACH: &str = "engagement_rate_reach";
/// The `metric` of a benchmark that holds a click-through rate (clicks ÷ impressions).
pub const BENCHMARK_CTR: &str = "ctr";
/// The `metric` of a benchmark that holds interactions per 1,000 fans.
pub const BENCHMARK_PER_THOUSAND_FANS: &str = "interactions_per_1000_fans";
/// The `metric` of a benchmark that holds posts per week.
pub const BENCHMARK_POSTS_PER_WEEK: &str = "posts_per_week";

/// A figure benchmarks can be given for: its stored slug, whether it is a rate (written in
/// percent in files and forms, stored as a fraction), and the names files use for it
/// (compared lowercase).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenchmarkMetric {
    pub slug: &'static str,
    pub percent: bool,
    pub aliases: &'static [&'static str],
}

pub const BENCHMARK_METRICS: &[BenchmarkMetric] = &[
    BenchmarkMetric {
        slug: BENCHMARK_RATE_REACH,
        percent: true,
        aliases: &[
            "engagement rate",
            "engagement rate by reach",
            "engagement rate (reach)",
            "engagement rate per reach",
            "er",
            "er by reach",
            "tingkat engagement",
            "tingkat engagement per jangkauan",
            "rasio engagement",
        ],
    },
    BenchmarkMetric {
        slug: BENCHMARK_CTR,
        percent: true,
        aliases: &[
            "click-through rate",
            "click through rate",
            "ctr (%)",
            "rasio klik",
            "rasio klik-tayang",
        ],
    },
    BenchmarkMetric {
        slug: BENCHMARK_PER_THOUSAND_FANS,
        percent: false,
        aliases: &[
            "interactions per 1,000 fans",
            "interactions per 1000 fans",
            "interactions per 1k fans",
            "interaksi per 1.000 penggemar",
            "interaksi per 1000 penggemar",
        ],
    },
    BenchmarkMetric {
        slug: BENCHMARK_POSTS_PER_WEEK,
        percent: false,
        aliases: &[
            "posts per week",
            "publishing frequency",
            "posting per minggu",
            "postingan per minggu",
            "frekuensi posting",
        ],
    },
];

/// Which denominator an engagement rate uses. It is always shown with the rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateBase {
    /// Engagement ÷ reach, over the posts whose reach is known (the default where reach exists).
    Reach,
    /// Engagement ÷ impressions (or views), over the posts where they are known.
    Impressions,
    /// Average engagement per post ÷ followers.
    Followers,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    pub value: f64,
    pub base: RateBase,
}

/// A follower count and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FollowerCount {
    pub value: f64,
    /// The day the count was recorded.
    pub date: NaiveDate,
    /// No count was recorded for the day asked: the nearest known count is used instead, as the
    /// brief allows when a platform stopped exporting follower counts. Shown as such.
    pub fallback: bool,
}

/// The split of engagement by kind of interaction.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Distribution {
    pub reactions: f64,
    pub comments: f64,
    pub shares: f64,
    pub saves: f64,
}

/// How one post format did in the period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormatStats {
    pub format: PostFormat,
    pub posts: usize,
    pub engagement: f64,
    pub per_post: f64,
}

/// Paid results, from posts with spend (promoted or boosted).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Ads {
    pub posts: usize,
    pub spend: f64,
    pub clicks: f64,
    pub impressions: f64,
    pub reach: f64,
    pub conversions: f64,
    /// Clicks ÷ impressions.
    pub ctr: Option<f64>,
    /// Spend ÷ clicks.
    pub cpc: Option<f64>,
    /// Spend ÷ impressions × 1,000.
    pub cpm: Option<f64>,
    /// Impressions ÷ reach.
    pub frequency: Option<f64>,
}

/// Customer service: how messages that needed an answer were answered.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Responsiveness {
    pub needing_reply: usize,
    pub answered: usize,
    /// Answered ÷ needing a reply.
    pub rate: Option<f64>,
    /// First reply time − message time, in hours.
    pub mean_hours: Option<f64>,
    pub median_hours: Option<f64>,
}

/// Every figure of one profile over one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileMetrics {
    pub profile: ProfileId,
    pub platform: Platform,
    pub period: Period,
    pub posts: usize,
    /// Posts per day over the period.
    pub posts_per_day: f64,
    pub followers_start: Option<FollowerCount>,
    pub followers_end: Option<FollowerCount>,
    /// End − start, when both counts were recorded (not fallbacks).
    pub follower_growth: Option<f64>,
    /// Growth ÷ start.
    pub follower_growth_rate: Option<f64>,
    /// Sums over the posts where the export has the figure; `None` when no post has it.
    pub reach: Option<f64>,
    pub impressions: Option<f64>,
    pub engagement: f64,
    pub distribution: Distribution,
    pub engagement_rate: Option<Rate>,
    /// Σ engagement of each post ÷ followers on its day × 1,000; `true` when a follower count had
    /// to fall back to the nearest known one.
    pub per_thousand_fans: Option<(f64, bool)>,
    pub clicks: Option<f64>,
    /// Clicks ÷ impressions, over posts that have both.
    pub ctr: Option<f64>,
    /// Best first.
    pub formats: Vec<FormatStats>,
    pub ads: Option<Ads>,
    pub responsiveness: Option<Responsiveness>,
    /// Web profiles: sessions in the period (daily series).
    pub sessions: Option<f64>,
}

impl Period {
    /// The `days` days that end on `end`.
    pub fn ending(end: NaiveDate, days: i64) -> Period {
        Period {
            start: end - Duration::days(days.max(1) - 1),
            end,
        }
    }

    /// The period of the same length just before this one.
    pub fn previous(&self) -> Period {
        Period::ending(self.start - Duration::days(1), self.days())
    }
}

/// The last day any record of the workspace covers (posts, daily series, messages): the "as of"
/// date of an audit. `None` for an empty workspace.
pub fn last_day(ws: &Workspace) -> Option<NaiveDate> {
    let zone = &ws.info.time_zone;
    ws.posts
        .iter()
        .map(|p| tz::local_date(&p.published, zone))
        .chain(ws.daily.iter().map(|d| d.date))
        .max()
}

/// Follower counts of a profile by day, from its daily series.
pub fn follower_series(ws: &Workspace, profile: &ProfileId) -> BTreeMap<NaiveDate, f64> {
    ws.daily
        .iter()
        .filter(|d| &d.profile == profile)
        .filter_map(|d| d.values.get(&Metric::Followers).map(|f| (d.date, *f)))
        .collect()
}

/// The workspace as the metrics engine reads it: each profile's posts with their day in the
/// workspace time zone (in the workspace's order), and its follower counts by day. Built once
/// per dashboard, audit or report, so that asking for a profile's posts in a period reads only
/// that profile's posts and converts no time zone (a report over a year of 100,000 posts used
/// to scan every post some fifty times).
pub struct Index<'a> {
    pub ws: &'a Workspace,
    posts: HashMap<&'a ProfileId, Vec<Indexed<'a>>>,
    followers: HashMap<&'a ProfileId, BTreeMap<NaiveDate, f64>>,
    last_day: Option<NaiveDate>,
    /// Figures already computed (a report's dashboard and audit ask for the same periods).
    figures: RefCell<HashMap<(ProfileId, Period), ProfileMetrics>>,
}

/// A post as the index holds it: with its local day and its engagement.
#[derive(Debug, Clone, Copy)]
pub struct Indexed<'a> {
    pub day: NaiveDate,
    pub engagement: f64,
    pub post: &'a Post,
}

impl<'a> Index<'a> {
    pub fn new(ws: &'a Workspace) -> Index<'a> {
        let zone = &ws.info.time_zone;
        let mut posts: HashMap<&ProfileId, Vec<Indexed>> = HashMap::new();
        let mut last_day = None;
        for post in &ws.posts {
            let day = tz::local_date(&post.published, zone);
            last_day = last_day.max(Some(day));
            posts.entry(&post.profile).or_default().push(Indexed {
                day,
                engagement: engagement(&post.metrics),
                post,
            });
        }
        let mut followers: HashMap<&ProfileId, BTreeMap<NaiveDate, f64>> = HashMap::new();
        for d in &ws.daily {
            last_day = last_day.max(Some(d.date));
            if let Some(f) = d.values.get(&Metric::Followers) {
                followers.entry(&d.profile).or_default().insert(d.date, *f);
            }
        }
        Index {
            ws,
            posts,
            followers,
            last_day,
            figures: RefCell::default(),
        }
    }

    /// The last day any post or daily record covers (as [`last_day`]).
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.last_day
    }

    /// Every post of a profile, in the workspace's order.
    pub fn posts(&self, profile: &ProfileId) -> &[Indexed<'a>] {
        self.posts.get(profile).map_or(&[], Vec::as_slice)
    }

    /// The posts of a profile published within a period, with their day and engagement.
    pub fn indexed_in(
        &self,
        profile: &ProfileId,
        period: Period,
    ) -> impl Iterator<Item = Indexed<'a>> + '_ {
        self.posts(profile)
            .iter()
            .filter(move |p| period.contains(p.day))
            .copied()
    }

    /// The posts of a profile published within a period (workspace time zone).
    pub fn posts_in(
        &self,
        profile: &ProfileId,
        period: Period,
    ) -> impl Iterator<Item = &'a Post> + '_ {
        self.indexed_in(profile, period).map(|p| p.post)
    }

    /// Follower counts of a profile by day (as [`follower_series`]).
    pub fn followers(&self, profile: &ProfileId) -> &BTreeMap<NaiveDate, f64> {
        static NONE: BTreeMap<NaiveDate, f64> = BTreeMap::new();
        self.followers.get(profile).unwrap_or(&NONE)
    }
}

/// The follower count on `date`: the latest recorded on or before it (within a week, else it is a
/// fallback), or the earliest after it (a fallback).
pub fn followers_on(series: &BTreeMap<NaiveDate, f64>, date: NaiveDate) -> Option<FollowerCount> {
    if let Some((&day, &value)) = series.range(..=date).next_back() {
        return Some(FollowerCount {
            value,
            date: day,
            fallback: (date - day).num_days() > 7,
        });
    }
    series.iter().next().map(|(&day, &value)| FollowerCount {
        value,
        date: day,
        fallback: true,
    })
}

fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator > 0.0).then(|| numerator / denominator)
}

/// Every figure of one profile over a period.
pub fn profile_metrics(ix: &Index, profile: &Profile, period: Period) -> ProfileMetrics {
    let key = (profile.id.clone(), period);
    if let Some(known) = ix.figures.borrow().get(&key) {
        return known.clone();
    }
    let figures = compute_profile_metrics(ix, profile, period);
    ix.figures.borrow_mut().insert(key, figures.clone());
    figures
}

fn compute_profile_metrics(ix: &Index, profile: &Profile, period: Period) -> ProfileMetrics {
    let ws = ix.ws;
    let posts: Vec<Indexed> = ix.indexed_in(&profile.id, period).collect();
    let series = ix.followers(&profile.id);
    let followers_start = followers_on(series, period.start);
    let followers_end = followers_on(series, period.end);
    let (follower_growth, follower_growth_rate) = match (followers_start, followers_end) {
        (Some(s), Some(e)) if !s.fallback && !e.fallback && s.date < e.date => {
            (Some(e.value - s.value), ratio(e.value - s.value, s.value))
        }
        _ => (None, None),
    };

    let mut engagement_total = 0.0;
    let mut distribution = Distribution::default();
    let (mut reach, mut reach_engagement, mut has_reach) = (0.0, 0.0, false);
    let (mut shown, mut shown_engagement, mut has_shown) = (0.0, 0.0, false);
    let (mut clicks_total, mut has_clicks) = (0.0, false);
    let (mut ctr_clicks, mut ctr_shown) = (0.0, 0.0);
    let (mut per_fans, mut per_fans_fallback, mut has_fans) = (0.0, false, false);
    let mut formats: BTreeMap<PostFormat, (usize, f64)> = BTreeMap::new();
    let mut ads = Ads::default();
    for &Indexed {
        day,
        engagement: e,
        post,
    } in &posts
    {
        let m = &post.metrics;
        engagement_total += e;
        let get = |metric| m.get(&metric).copied().unwrap_or(0.0);
        distribution.reactions += get(Metric::Reactions);
        distribution.comments += get(Metric::Comments);
        distribution.shares += get(Metric::Shares);
        distribution.saves += get(Metric::Saves);
        if let Some(r) = m.get(&Metric::Reach) {
            reach += r;
            reach_engagement += e;
            has_reach = true;
        }
        let seen = impressions(m);
        if let Some(i) = seen {
            shown += i;
            shown_engagement += e;
            has_shown = true;
        }
        if let Some(c) = clicks(m) {
            clicks_total += c;
            has_clicks = true;
            if let Some(i) = seen {
                ctr_clicks += c;
                ctr_shown += i;
            }
        }
        if let Some(f) = followers_on(series, day)
            && f.value > 0.0
        {
            per_fans += e / f.value * 1000.0;
            per_fans_fallback |= f.fallback;
            has_fans = true;
        }
        let slot = formats.entry(post.format).or_default();
        slot.0 += 1;
        slot.1 += e;
        if let Some(spend) = m.get(&Metric::Spend).filter(|s| **s > 0.0) {
            ads.posts += 1;
            ads.spend += spend;
            ads.clicks += clicks(m).unwrap_or(0.0);
            ads.impressions += seen.unwrap_or(0.0);
            ads.reach += get(Metric::Reach);
            ads.conversions += get(Metric::Conversions);
        }
    }
    let engagement_rate = if has_reach && reach > 0.0 {
        Some(Rate {
            value: reach_engagement / reach,
            base: RateBase::Reach,
        })
    } else if has_shown && shown > 0.0 {
        Some(Rate {
            value: shown_engagement / shown,
            base: RateBase::Impressions,
        })
    } else {
        followers_end
            .filter(|f| f.value > 0.0 && !posts.is_empty())
            .map(|f| Rate {
                value: engagement_total / posts.len() as f64 / f.value,
                base: RateBase::Followers,
            })
    };
    let mut formats: Vec<FormatStats> = formats
        .into_iter()
        .map(|(format, (n, e))| FormatStats {
            format,
            posts: n,
            engagement: e,
            per_post: e / n as f64,
        })
        .collect();
    formats.sort_by(|a, b| b.per_post.total_cmp(&a.per_post));
    let ads = (ads.posts > 0).then(|| Ads {
        ctr: ratio(ads.clicks, ads.impressions),
        cpc: ratio(ads.spend, ads.clicks),
        cpm: ratio(ads.spend * 1000.0, ads.impressions),
        frequency: ratio(ads.impressions, ads.reach),
        ..ads
    });
    let sessions: Vec<f64> = ws
        .daily
        .iter()
        .filter(|d| d.profile == profile.id && period.contains(d.date))
        .filter_map(|d| d.values.get(&Metric::Sessions).copied())
        .collect();
    ProfileMetrics {
        profile: profile.id.clone(),
        platform: profile.platform,
        period,
        posts: posts.len(),
        posts_per_day: posts.len() as f64 / period.days() as f64,
        followers_start,
        followers_end,
        follower_growth,
        follower_growth_rate,
        reach: has_reach.then_some(reach),
        impressions: has_shown.then_some(shown),
        engagement: engagement_total,
        distribution,
        engagement_rate,
        per_thousand_fans: has_fans.then_some((per_fans, per_fans_fallback)),
        clicks: has_clicks.then_some(clicks_total),
        ctr: ratio(ctr_clicks, ctr_shown),
        formats,
        ads,
        responsiveness: responsiveness(ws, &profile.id, period),
        sessions: (!sessions.is_empty()).then(|| sessions.iter().sum()),
    }
}

/// Response rate and time of the messages a profile received in a period.
pub fn responsiveness(
    ws: &Workspace,
    profile: &ProfileId,
    period: Period,
) -> Option<Responsiveness> {
    let zone = &ws.info.time_zone;
    responsiveness_of(
        ws.messages
            .iter()
            .filter(|m| &m.profile == profile)
            .filter(|m| period.contains(tz::local_date(&m.received, zone))),
    )
}

/// Response rate and time of some messages (those that needed no reply are left out).
pub fn responsiveness_of<'a>(
    messages: impl Iterator<Item = &'a Message>,
) -> Option<Responsiveness> {
    let needing: Vec<&Message> = messages.filter(|m| m.needs_reply).collect();
    if needing.is_empty() {
        return None;
    }
    let mut hours: Vec<f64> = needing
        .iter()
        .filter_map(|m| {
            m.first_reply
                .map(|r| (r - m.received).num_seconds().max(0) as f64 / 3600.0)
        })
        .collect();
    hours.sort_by(f64::total_cmp);
    let median = match hours.len() {
        0 => None,
        n if n % 2 == 1 => Some(hours[n / 2]),
        n => Some((hours[n / 2 - 1] + hours[n / 2]) / 2.0),
    };
    Some(Responsiveness {
        needing_reply: needing.len(),
        answered: hours.len(),
        rate: ratio(hours.len() as f64, needing.len() as f64),
        mean_hours: ratio(hours.iter().sum(), hours.len() as f64),
        median_hours: median,
    })
}

/// One month of a profile's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthPoint {
    /// The first day of the month.
    pub month: NaiveDate,
    pub posts: usize,
    pub engagement: f64,
    /// Engagement ÷ reach over the month's posts with reach.
    pub rate_reach: Option<f64>,
    /// The last follower count recorded in the month.
    pub followers: Option<f64>,
}

fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// Running sums of one month.
#[derive(Default)]
struct MonthSums {
    posts: usize,
    engagement: f64,
    reach: f64,
    engaged_with_reach: f64,
    /// The latest follower count of the month and its day.
    followers: Option<(NaiveDate, f64)>,
}

/// A profile's history month by month over a period (months that overlap it).
pub fn monthly(ix: &Index, profile: &ProfileId, period: Period) -> Vec<MonthPoint> {
    let mut months: BTreeMap<NaiveDate, MonthSums> = BTreeMap::new();
    let mut month = month_of(period.start);
    while month <= period.end {
        months.insert(month, MonthSums::default());
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    for Indexed {
        day,
        engagement: e,
        post,
    } in ix.indexed_in(profile, period)
    {
        let slot = months.entry(month_of(day)).or_default();
        slot.posts += 1;
        slot.engagement += e;
        if let Some(r) = post.metrics.get(&Metric::Reach) {
            slot.reach += r;
            slot.engaged_with_reach += e;
        }
    }
    for (&date, &value) in ix.followers(profile) {
        if period.contains(date)
            && let Some(slot) = months.get_mut(&month_of(date))
            && slot.followers.is_none_or(|(d, _)| d < date)
        {
            slot.followers = Some((date, value));
        }
    }
    months
        .into_iter()
        .map(|(month, sums)| MonthPoint {
            month,
            posts: sums.posts,
            engagement: sums.engagement,
            rate_reach: ratio(sums.engaged_with_reach, sums.reach),
            followers: sums.followers.map(|(_, f)| f),
        })
        .collect()
}

/// What a list of posts is ranked by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PostKey {
    #[default]
    Engagement,
    Reach,
    Published,
}

/// A ranking of posts: a key and a direction (descending: highest or newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PostOrder {
    pub key: PostKey,
    pub ascending: bool,
}

impl PostOrder {
    pub const ALL: [PostOrder; 6] = [
        PostOrder::by(PostKey::Engagement, false),
        PostOrder::by(PostKey::Engagement, true),
        PostOrder::by(PostKey::Reach, false),
        PostOrder::by(PostKey::Reach, true),
        PostOrder::by(PostKey::Published, false),
        PostOrder::by(PostKey::Published, true),
    ];

    pub const fn by(key: PostKey, ascending: bool) -> PostOrder {
        PostOrder { key, ascending }
    }

    /// The order's name in a URL: `reach`, `reach-asc`…
    pub fn slug(self) -> &'static str {
        match (self.key, self.ascending) {
            (PostKey::Engagement, false) => "engagement",
            (PostKey::Engagement, true) => "engagement-asc",
            (PostKey::Reach, false) => "reach",
            (PostKey::Reach, true) => "reach-asc",
            (PostKey::Published, false) => "published",
            (PostKey::Published, true) => "published-asc",
        }
    }

    pub fn from_slug(slug: &str) -> Option<PostOrder> {
        Self::ALL.into_iter().find(|o| o.slug() == slug)
    }

    /// What a click on a column's header asks for: the other direction of the current key, or
    /// the new key from its highest (newest).
    pub fn toggled(self, key: PostKey) -> PostOrder {
        PostOrder::by(key, self.key == key && !self.ascending)
    }

    fn value(self, post: &Indexed) -> Option<f64> {
        match self.key {
            PostKey::Engagement => Some(post.engagement),
            PostKey::Reach => post.post.metrics.get(&Metric::Reach).copied(),
            PostKey::Published => Some(post.post.published.timestamp() as f64),
        }
    }
}

/// The `n` posts of the given profiles in a period with the most engagement, best first (ties:
/// by ID, then profile).
pub fn top_posts<'a>(
    ix: &Index<'a>,
    profiles: &[ProfileId],
    period: Period,
    n: usize,
) -> Vec<Indexed<'a>> {
    ranked_posts(ix, profiles, period, n, PostOrder::default())
}

/// The first `n` posts of the given profiles in a period in the given order. Posts without the
/// key's value (reach not exported) come after all others in either direction; ties by ID, then
/// profile.
pub fn ranked_posts<'a>(
    ix: &Index<'a>,
    profiles: &[ProfileId],
    period: Period,
    n: usize,
    by: PostOrder,
) -> Vec<Indexed<'a>> {
    let mut posts: Vec<(Option<f64>, Indexed)> = profiles
        .iter()
        .flat_map(|p| ix.indexed_in(p, period))
        .map(|p| (by.value(&p), p))
        .collect();
    let order = |(va, a): &(Option<f64>, Indexed), (vb, b): &(Option<f64>, Indexed)| {
        let values = match (va, vb) {
            (Some(x), Some(y)) if by.ascending => x.total_cmp(y),
            (Some(x), Some(y)) => y.total_cmp(x),
            (x, y) => y.is_some().cmp(&x.is_some()),
        };
        values
            .then_with(|| a.post.id.cmp(&b.post.id))
            .then_with(|| a.post.profile.cmp(&b.post.profile))
    };
    if n < posts.len() {
        posts.select_nth_unstable_by(n, order);
        posts.truncate(n);
    }
    posts.sort_unstable_by(order);
    posts.into_iter().map(|(_, p)| p).collect()
}

/// What one platform delivers for the effort put in (own profiles only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChannelStats {
    pub platform: Platform,
    pub profiles: usize,
    pub posts: usize,
    pub engagement: f64,
    pub per_post: f64,
    /// This channel's share of all posts, and of all engagement.
    pub share_of_posts: f64,
    pub share_of_engagement: f64,
}

/// Figures from a profile's totals over a period (a competitor export), defined as the engine
/// defines them from posts, each `None` when the export lacks what it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TotalsFigures {
    pub followers_end: Option<f64>,
    /// Followers gained ÷ followers at the start (at the end, less those gained).
    pub growth_rate: Option<f64>,
    pub posts_per_week: Option<f64>,
    /// Interactions ÷ posts.
    pub per_post: Option<f64>,
    /// Interactions per post ÷ followers at the end: an engagement rate by followers.
    pub rate_by_followers: Option<f64>,
}

pub fn totals_figures(t: &PeriodTotals) -> TotalsFigures {
    let followers = t.values.get(&Metric::Followers).copied();
    let gained = t.values.get(&Metric::FollowersGained).copied();
    let interactions = t.values.get(&Metric::Interactions).copied();
    let posts = t.posts.map(f64::from);
    let per_post = match (interactions, posts) {
        (Some(i), Some(p)) if p > 0.0 => Some(i / p),
        _ => None,
    };
    TotalsFigures {
        followers_end: followers,
        growth_rate: match (followers, gained) {
            (Some(f), Some(g)) if f - g > 0.0 => Some(g / (f - g)),
            _ => None,
        },
        posts_per_week: posts.map(|p| p / t.period.days() as f64 * 7.0),
        per_post,
        rate_by_followers: match (per_post, followers) {
            (Some(pp), Some(f)) if f > 0.0 => Some(pp / f),
            _ => None,
        },
    }
}

/// Each profile's latest totals (the period that ends last, the longer on a tie), in the
/// order of the workspace's profiles.
pub fn latest_totals(ws: &Workspace) -> Vec<&PeriodTotals> {
    ws.profiles
        .iter()
        .filter_map(|p| {
            ws.period_totals
                .iter()
                .filter(|t| t.profile == p.id)
                .max_by_key(|t| (t.period.end, t.period.days()))
        })
        .collect()
}

/// Channels compared: posts (effort) against engagement (result), most delivering per post first.
pub fn channels(metrics: &[ProfileMetrics]) -> Vec<ChannelStats> {
    let mut by: BTreeMap<Platform, (usize, usize, f64)> = BTreeMap::new();
    for m in metrics.iter().filter(|m| m.platform != Platform::Web) {
        let slot = by.entry(m.platform).or_default();
        slot.0 += 1;
        slot.1 += m.posts;
        slot.2 += m.engagement;
    }
    let posts: usize = by.values().map(|v| v.1).sum();
    let engagement: f64 = by.values().map(|v| v.2).sum();
    let mut out: Vec<ChannelStats> = by
        .into_iter()
        .filter(|(_, v)| v.1 > 0)
        .map(|(platform, (profiles, n, e))| ChannelStats {
            platform,
            profiles,
            posts: n,
            engagement: e,
            per_post: e / n as f64,
            share_of_posts: ratio(n as f64, posts as f64).unwrap_or(0.0),
            share_of_engagement: ratio(e, engagement).unwrap_or(0.0),
        })
        .collect();
    out.sort_by(|a, b| b.per_post.total_cmp(&a.per_post));
    out
}

/// Whether a traffic source label names social networks ("Organic Social", "Paid Social",
/// "facebook.com / referral", "l.instagram.com"...).
pub fn is_social_source(label: &str) -> bool {
    let label = label.to_lowercase();
    [
        "social",
        "facebook",
        "instagram",
        "t.co",
        "twitter",
        "x.com",
        "linkedin",
        "lnkd.in",
        "tiktok",
        "youtube",
    ]
    .iter()
    .any(|needle| label.contains(needle))
}

/// The share of a website's sessions that came from social networks, in its latest traffic-source
/// breakdown on or before `as_of`.
pub fn social_share(ws: &Workspace, web: &ProfileId, as_of: NaiveDate) -> Option<f64> {
    let all = Period {
        start: NaiveDate::MIN,
        end: as_of,
    };
    social_share_within(ws, web, all)
}

/// The share of a website's sessions that came from social networks, in its latest traffic-source
/// breakdown dated within `period`.
pub fn social_share_within(ws: &Workspace, web: &ProfileId, period: Period) -> Option<f64> {
    let sources = ws
        .audience_snapshots
        .iter()
        .filter(|s| &s.profile == web && period.contains(s.date))
        .filter_map(|s| {
            s.breakdowns
                .iter()
                .find(|b| b.dimension == Dimension::TrafficSource)
                .map(|b| (s.date, b))
        })
        .max_by_key(|(date, _)| *date)?
        .1;
    let total: f64 = sources.entries.iter().map(|(_, v)| v).sum();
    let social: f64 = sources
        .entries
        .iter()
        .filter(|(label, _)| is_social_source(label))
        .map(|(_, v)| v)
        .sum();
    (total > 0.0).then(|| social / total)
}

/// Relative change from `before` to `now` (0.1 = +10 %); `None` when there is no base.
pub fn change(now: f64, before: f64) -> Option<f64> {
    (before.abs() > f64::EPSILON).then(|| (now - before) / before)
}
