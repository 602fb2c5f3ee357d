//! The social media audit: an inventory of every profile with its data coverage, findings (each
//! with severity, evidence, the likely causes the data supports and an action), a score from 0 to
//! 100 per profile and overall with visible weights, and the channel comparison. Pure and
//! deterministic: the same workspace always gives the same audit.
//!
//! The audit looks at a window (90 days by default) ending on the last day the data covers, and
//! compares it with the window before.

pub mod text;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::metrics::{self, ChannelStats, ProfileMetrics, RateBase, change};
use super::model::*;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Info,
    Warning,
    Critical,
}

impl Level {
    pub fn slug(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Critical => "critical",
        }
    }
}

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingKind {
    /// Engagement volume fell against the previous window.
    EngagementFalling,
    /// The profile lost followers over the window.
    FollowerDecline,
    /// Far fewer posts than the frequency plan asks for.
    BelowPlan,
    /// Far more posts than the plan, which rarely pays.
    AbovePlan,
    /// A format that engages much less than the profile's others.
    WeakFormat,
    /// A channel that takes a large share of the posts and returns a small share of engagement.
    LowYieldChannel,
    /// Messages that needed an answer got none, or got it late.
    SlowReplies,
    /// Social networks bring a small share of the website's sessions.
    SocialTrafficLow,
    /// The newest data of a profile is old: an export is missing.
    StaleData,
    /// A profile with no posts and no daily figures at all.
    NoData,
}

impl FindingKind {
    pub fn slug(self) -> &'static str {
        match self {
            FindingKind::EngagementFalling => "engagement-falling",
            FindingKind::FollowerDecline => "follower-decline",
            FindingKind::BelowPlan => "below-plan",
            FindingKind::AbovePlan => "above-plan",
            FindingKind::WeakFormat => "weak-format",
            FindingKind::LowYieldChannel => "low-yield-channel",
            FindingKind::SlowReplies => "slow-replies",
            FindingKind::SocialTrafficLow => "social-traffic-low",
            FindingKind::StaleData => "stale-data",
            FindingKind::NoData => "no-data",
        }
    }
}

/// A likely cause of a finding that the data supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cause {
    /// Fewer posts: publishing frequency.
    FewerPosts,
    /// Each reached person engages less: content quality or fit.
    WeakerContent,
    /// Each post reaches fewer people: targeting, distribution, timing.
    LowerReach,
    /// None of the above moved enough: the data does not say why.
    Unexplained,
}

/// What a number in the evidence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Engagement,
    Posts,
    /// Engagement rate, with its base.
    Rate(RateBase),
    ReachPerPost,
    Followers,
    PostsPerDay,
    PostsPerWeek,
    /// Average engagement per post of a format.
    PerPost(PostFormat),
    ShareOfPosts,
    ShareOfEngagement,
    ResponseRate,
    MedianResponseHours,
    SocialShareOfSessions,
    DaysSinceLastData,
}

/// One number a finding rests on, now and (when compared) before, or against a target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub measure: Measure,
    pub now: f64,
    pub before: Option<f64>,
    /// A plan or reference the value is compared with.
    pub target: Option<f64>,
}

impl Fact {
    fn new(measure: Measure, now: f64) -> Self {
        Fact {
            measure,
            now,
            before: None,
            target: None,
        }
    }

    fn compared(measure: Measure, now: f64, before: f64) -> Self {
        Fact {
            before: Some(before),
            ..Fact::new(measure, now)
        }
    }

    fn against(measure: Measure, now: f64, target: f64) -> Self {
        Fact {
            target: Some(target),
            ..Fact::new(measure, now)
        }
    }
}

/// Something to fix, with what shows it and why it likely happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub level: Level,
    pub profile: Option<ProfileId>,
    pub platform: Option<Platform>,
    pub evidence: Vec<Fact>,
    /// Likely causes the data supports, strongest first.
    pub causes: Vec<Cause>,
    /// Month-by-month values behind the finding, for a small chart.
    pub series: Vec<(NaiveDate, f64)>,
}

/// A part of the score, with its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScorePart {
    EngagementTrend,
    EngagementRate,
    FollowerGrowth,
    Frequency,
    Responsiveness,
    Freshness,
}

/// The weights of the score's parts; they sum to 100. A part without data is left out and the
/// others are scaled up, so the score never punishes a missing export twice.
pub const WEIGHTS: [(ScorePart, f64); 6] = [
    (ScorePart::EngagementTrend, 25.0),
    (ScorePart::EngagementRate, 20.0),
    (ScorePart::FollowerGrowth, 15.0),
    (ScorePart::Frequency, 15.0),
    (ScorePart::Responsiveness, 15.0),
    (ScorePart::Freshness, 10.0),
];

/// A profile's score and the parts it is made of (each 0–100).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfileScore {
    pub profile: ProfileId,
    pub score: f64,
    pub parts: Vec<(ScorePart, f64)>,
}

/// One row of the inventory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InventoryRow {
    pub profile: ProfileId,
    pub platform: Platform,
    pub region: Option<String>,
    pub sub_brand: Option<String>,
    pub competitor: bool,
    pub posts: usize,
    pub first_day: Option<NaiveDate>,
    pub last_day: Option<NaiveDate>,
    /// Which metrics the profile's data has (posts and daily series).
    pub metrics: BTreeSet<Metric>,
    pub stale: bool,
}

/// The whole audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Audit {
    pub as_of: NaiveDate,
    pub window: Period,
    pub previous: Period,
    pub inventory: Vec<InventoryRow>,
    /// Most serious first.
    pub findings: Vec<Finding>,
    pub scores: Vec<ProfileScore>,
    /// The mean of the own profiles' scores.
    pub overall: Option<f64>,
    pub channels: Vec<ChannelStats>,
    /// The window's figures of every profile, competitors included.
    pub metrics: Vec<ProfileMetrics>,
    /// Platform choice: a recommendation per platform with its answers.
    pub platforms: Vec<super::platforms::Recommendation>,
}

/// Thresholds of the rules, in one place.
pub mod rules {
    /// Engagement volume change that makes a warning, and a critical finding.
    pub const FALL_WARNING: f64 = -0.20;
    pub const FALL_CRITICAL: f64 = -0.40;
    /// A cause counts when its measure moved at least this much.
    pub const CAUSE_MOVE: f64 = -0.15;
    /// Posts needed in the earlier window before a trend is judged.
    pub const MIN_POSTS: usize = 5;
    pub const FOLLOWER_CRITICAL: f64 = -0.05;
    /// Below half the plan's minimum is a warning; above 1.5× its maximum a note.
    pub const BELOW_PLAN: f64 = 0.5;
    pub const ABOVE_PLAN: f64 = 1.5;
    /// A format is weak below this share of the profile's average per post.
    pub const WEAK_FORMAT: f64 = 0.5;
    pub const MIN_FORMAT_POSTS: usize = 5;
    /// A channel with at least this share of posts and less than half as much engagement share.
    pub const CHANNEL_EFFORT: f64 = 0.15;
    pub const RESPONSE_RATE_WARNING: f64 = 0.8;
    pub const RESPONSE_RATE_CRITICAL: f64 = 0.6;
    pub const RESPONSE_HOURS: f64 = 24.0;
    pub const SOCIAL_SHARE: f64 = 0.05;
    pub const STALE_DAYS: i64 = 30;
}

/// Runs the audit over the `days` days ending on the last day the data covers.
pub fn run(ws: &Workspace, days: i64) -> Option<Audit> {
    run_over(&metrics::Index::new(ws), days)
}

/// [`run`] over an index the caller already built (a report shares one with its dashboard).
pub fn run_over(ix: &metrics::Index, days: i64) -> Option<Audit> {
    let ws = ix.ws;
    let as_of = ix.last_day()?;
    let window = Period::ending(as_of, days);
    let previous = window.previous();
    let all: Vec<ProfileMetrics> = ws
        .profiles
        .iter()
        .map(|p| metrics::profile_metrics(ix, p, window))
        .collect();
    let own: Vec<&Profile> = ws.profiles.iter().filter(|p| !p.competitor).collect();
    let inventory = inventory(ix, as_of);
    let mut findings = Vec::new();
    let mut scores = Vec::new();
    for profile in &own {
        let now = all
            .iter()
            .find(|m| m.profile == profile.id)
            .expect("one per profile");
        let before = metrics::profile_metrics(ix, profile, previous);
        let row = inventory
            .iter()
            .find(|r| r.profile == profile.id)
            .expect("one per profile");
        findings.extend(profile_findings(ix, profile, now, &before, row, as_of));
        if row.posts > 0 || row.last_day.is_some() {
            scores.push(score(ws, profile, now, &before, row, as_of));
        }
    }
    let own_metrics: Vec<ProfileMetrics> = all
        .iter()
        .filter(|m| ws.profile(&m.profile).is_some_and(|p| !p.competitor))
        .cloned()
        .collect();
    let channels = metrics::channels(&own_metrics);
    findings.extend(channel_findings(&channels));
    findings.extend(traffic_findings(ws, &own_metrics, as_of));
    findings.sort_by(|a, b| {
        b.level
            .cmp(&a.level)
            .then(a.kind.cmp(&b.kind))
            .then(a.profile.cmp(&b.profile))
    });
    let platforms = super::platforms::assess(ws, &all, &channels);
    let overall = (!scores.is_empty())
        .then(|| scores.iter().map(|s| s.score).sum::<f64>() / scores.len() as f64);
    Some(Audit {
        as_of,
        window,
        previous,
        inventory,
        findings,
        scores,
        overall,
        channels,
        metrics: all,
        platforms,
    })
}

/// Every profile with what its data covers.
pub fn inventory(ix: &metrics::Index, as_of: NaiveDate) -> Vec<InventoryRow> {
    let ws = ix.ws;
    ws.profiles
        .iter()
        .map(|profile| {
            let mut metrics = BTreeSet::new();
            let (mut first_day, mut last_day) = (None, None);
            let mut cover = |day: NaiveDate| {
                first_day = Some(first_day.map_or(day, |f: NaiveDate| f.min(day)));
                last_day = last_day.max(Some(day));
            };
            let posts = ix.posts(&profile.id);
            for p in posts {
                cover(p.day);
                // Most posts of a profile carry the same metrics: look before inserting.
                if !p.post.metrics.keys().all(|k| metrics.contains(k)) {
                    metrics.extend(p.post.metrics.keys().copied());
                }
            }
            for day in ws.daily.iter().filter(|d| d.profile == profile.id) {
                cover(day.date);
                metrics.extend(day.values.keys().copied());
            }
            InventoryRow {
                profile: profile.id.clone(),
                platform: profile.platform,
                region: profile.region.clone(),
                sub_brand: profile.sub_brand.clone(),
                competitor: profile.competitor,
                posts: posts.len(),
                first_day,
                last_day,
                metrics,
                stale: last_day.is_some_and(|d| (as_of - d).num_days() > rules::STALE_DAYS),
            }
        })
        .collect()
}

fn finding(kind: FindingKind, level: Level, profile: &Profile) -> Finding {
    Finding {
        kind,
        level,
        profile: Some(profile.id.clone()),
        platform: Some(profile.platform),
        evidence: Vec::new(),
        causes: Vec::new(),
        series: Vec::new(),
    }
}

fn reach_per_post(m: &ProfileMetrics) -> Option<f64> {
    m.reach.filter(|_| m.posts > 0).map(|r| r / m.posts as f64)
}

/// The plan's posts per day for a platform, as (min, max), and whether the plan counts weeks.
fn plan_for(ws: &Workspace, platform: Platform) -> Option<(f64, f64, bool)> {
    ws.info
        .frequency_plan
        .iter()
        .find(|t| t.platform == platform)
        .map(|t| {
            let days = match t.per {
                Cadence::Daily => 1.0,
                Cadence::Weekly => 7.0,
                Cadence::Monthly => 30.0,
                Cadence::Quarterly => 91.0,
            };
            (t.min / days, t.max / days, t.per == Cadence::Weekly)
        })
}

fn profile_findings(
    ix: &metrics::Index,
    profile: &Profile,
    now: &ProfileMetrics,
    before: &ProfileMetrics,
    row: &InventoryRow,
    as_of: NaiveDate,
) -> Vec<Finding> {
    let ws = ix.ws;
    let mut out = Vec::new();
    if row.posts == 0 && row.last_day.is_none() {
        out.push(finding(FindingKind::NoData, Level::Info, profile));
        return out;
    }
    if let Some(last) = row.last_day.filter(|_| row.stale) {
        let mut f = finding(FindingKind::StaleData, Level::Info, profile);
        f.evidence.push(Fact::new(
            Measure::DaysSinceLastData,
            (as_of - last).num_days() as f64,
        ));
        out.push(f);
    }
    // Engagement volume against the previous window, with the causes the data supports.
    if before.posts >= rules::MIN_POSTS
        && let Some(fall) = change(now.engagement, before.engagement)
        && fall <= rules::FALL_WARNING
    {
        let level = if fall <= rules::FALL_CRITICAL {
            Level::Critical
        } else {
            Level::Warning
        };
        let mut f = finding(FindingKind::EngagementFalling, level, profile);
        f.evidence.push(Fact::compared(
            Measure::Engagement,
            now.engagement,
            before.engagement,
        ));
        f.evidence.push(Fact::compared(
            Measure::Posts,
            now.posts as f64,
            before.posts as f64,
        ));
        let mut moves: Vec<(f64, Cause)> = Vec::new();
        if let Some(c) = change(now.posts as f64, before.posts as f64) {
            moves.push((c, Cause::FewerPosts));
        }
        if let (Some(a), Some(b)) = (now.engagement_rate, before.engagement_rate)
            && a.base == b.base
        {
            f.evidence
                .push(Fact::compared(Measure::Rate(a.base), a.value, b.value));
            if let Some(c) = change(a.value, b.value) {
                moves.push((c, Cause::WeakerContent));
            }
        }
        if let (Some(a), Some(b)) = (reach_per_post(now), reach_per_post(before)) {
            f.evidence.push(Fact::compared(Measure::ReachPerPost, a, b));
            if let Some(c) = change(a, b) {
                moves.push((c, Cause::LowerReach));
            }
        }
        moves.sort_by(|a, b| a.0.total_cmp(&b.0));
        f.causes = moves
            .into_iter()
            .filter(|(c, _)| *c <= rules::CAUSE_MOVE)
            .map(|(_, cause)| cause)
            .collect();
        if f.causes.is_empty() {
            f.causes.push(Cause::Unexplained);
        }
        let both = Period {
            start: before.period.start,
            end: now.period.end,
        };
        f.series = metrics::monthly(ix, &profile.id, both)
            .into_iter()
            .map(|m| (m.month, m.engagement))
            .collect();
        out.push(f);
    }
    // Followers lost.
    if let (Some(growth), Some(rate), Some(start), Some(end)) = (
        now.follower_growth,
        now.follower_growth_rate,
        now.followers_start,
        now.followers_end,
    ) && growth < 0.0
    {
        let level = if rate <= rules::FOLLOWER_CRITICAL {
            Level::Critical
        } else {
            Level::Warning
        };
        let mut f = finding(FindingKind::FollowerDecline, level, profile);
        f.evidence
            .push(Fact::compared(Measure::Followers, end.value, start.value));
        f.series = metrics::monthly(ix, &profile.id, now.period)
            .into_iter()
            .filter_map(|m| m.followers.map(|v| (m.month, v)))
            .collect();
        out.push(f);
    }
    // Frequency against the plan (only while the profile is being fed at all).
    if let Some((min, max, weekly)) = plan_for(ws, profile.platform)
        && now.posts > 0
        && !row.stale
    {
        let (measure, scale) = if weekly {
            (Measure::PostsPerWeek, 7.0)
        } else {
            (Measure::PostsPerDay, 1.0)
        };
        let rate = now.posts_per_day;
        if rate < min * rules::BELOW_PLAN {
            let mut f = finding(FindingKind::BelowPlan, Level::Warning, profile);
            f.evidence
                .push(Fact::against(measure, rate * scale, min * scale));
            out.push(f);
        } else if rate > max * rules::ABOVE_PLAN {
            let mut f = finding(FindingKind::AbovePlan, Level::Info, profile);
            f.evidence
                .push(Fact::against(measure, rate * scale, max * scale));
            out.push(f);
        }
    }
    // Formats that under-perform the profile's others.
    if now.posts > 0 {
        let average = now.engagement / now.posts as f64;
        let best = now.formats.first();
        for format in now
            .formats
            .iter()
            .filter(|f| f.posts >= rules::MIN_FORMAT_POSTS)
            .filter(|f| f.per_post < average * rules::WEAK_FORMAT)
        {
            let share = format.posts as f64 / now.posts as f64;
            let level = if share >= 0.3 {
                Level::Warning
            } else {
                Level::Info
            };
            let mut f = finding(FindingKind::WeakFormat, level, profile);
            f.evidence.push(Fact::against(
                Measure::PerPost(format.format),
                format.per_post,
                average,
            ));
            if let Some(best) = best {
                f.evidence
                    .push(Fact::new(Measure::PerPost(best.format), best.per_post));
            }
            f.evidence.push(Fact::new(Measure::ShareOfPosts, share));
            out.push(f);
        }
    }
    // Customer service.
    if let Some(r) = now.responsiveness {
        let rate = r.rate.unwrap_or(0.0);
        let slow = r.median_hours.is_some_and(|h| h > rules::RESPONSE_HOURS);
        if rate < rules::RESPONSE_RATE_WARNING || slow {
            let level = if rate < rules::RESPONSE_RATE_CRITICAL {
                Level::Critical
            } else {
                Level::Warning
            };
            let mut f = finding(FindingKind::SlowReplies, level, profile);
            f.evidence.push(Fact::against(
                Measure::ResponseRate,
                rate,
                rules::RESPONSE_RATE_WARNING,
            ));
            if let Some(h) = r.median_hours {
                f.evidence.push(Fact::against(
                    Measure::MedianResponseHours,
                    h,
                    rules::RESPONSE_HOURS,
                ));
            }
            out.push(f);
        }
    }
    out
}

fn channel_findings(channels: &[ChannelStats]) -> Vec<Finding> {
    channels
        .iter()
        .filter(|c| c.share_of_posts >= rules::CHANNEL_EFFORT)
        .filter(|c| c.share_of_engagement < c.share_of_posts * 0.5)
        .map(|c| Finding {
            kind: FindingKind::LowYieldChannel,
            level: Level::Warning,
            profile: None,
            platform: Some(c.platform),
            evidence: vec![
                Fact::new(Measure::ShareOfPosts, c.share_of_posts),
                Fact::new(Measure::ShareOfEngagement, c.share_of_engagement),
            ],
            causes: Vec::new(),
            series: Vec::new(),
        })
        .collect()
}

fn traffic_findings(ws: &Workspace, own: &[ProfileMetrics], as_of: NaiveDate) -> Vec<Finding> {
    let social_clicks: f64 = own
        .iter()
        .filter(|m| m.platform != Platform::Web)
        .filter_map(|m| m.clicks)
        .sum();
    let mut out = Vec::new();
    for web in ws
        .profiles
        .iter()
        .filter(|p| p.platform == Platform::Web && !p.competitor)
    {
        if let Some(share) = metrics::social_share(ws, &web.id, as_of)
            && share < rules::SOCIAL_SHARE
        {
            let level = if social_clicks > 0.0 {
                Level::Warning
            } else {
                Level::Info
            };
            let mut f = finding(FindingKind::SocialTrafficLow, level, web);
            f.evidence.push(Fact::against(
                Measure::SocialShareOfSessions,
                share,
                rules::SOCIAL_SHARE,
            ));
            out.push(f);
        }
    }
    out
}

fn clamp(score: f64) -> f64 {
    score.clamp(0.0, 100.0)
}

/// The parts of a profile's score that have data.
fn score(
    ws: &Workspace,
    profile: &Profile,
    now: &ProfileMetrics,
    before: &ProfileMetrics,
    row: &InventoryRow,
    as_of: NaiveDate,
) -> ProfileScore {
    let mut parts = Vec::new();
    // ±50 % engagement against the previous window spans the scale.
    if before.posts >= rules::MIN_POSTS
        && let Some(c) = change(now.engagement, before.engagement)
    {
        parts.push((ScorePart::EngagementTrend, clamp(50.0 + c * 100.0)));
    }
    // The rate against an entered benchmark for the platform (rates by reach), else against the
    // profile's own previous window: equal scores 50, double scores 100.
    if let Some(rate) = now.engagement_rate {
        let reference = ws
            .benchmarks
            .iter()
            .filter(|b| rate.base == RateBase::Reach && b.metric == metrics::BENCHMARK_RATE_REACH)
            .filter(|b| b.platform == Some(profile.platform))
            .map(|b| b.value)
            .next()
            .or_else(|| {
                before
                    .engagement_rate
                    .filter(|b| b.base == rate.base)
                    .map(|b| b.value)
            });
        if let Some(reference) = reference.filter(|r| *r > 0.0) {
            parts.push((
                ScorePart::EngagementRate,
                clamp(50.0 * rate.value / reference),
            ));
        }
    }
    // ±10 % followers over the window spans the scale.
    if let Some(rate) = now.follower_growth_rate {
        parts.push((ScorePart::FollowerGrowth, clamp(50.0 + rate * 500.0)));
    }
    if let Some((min, max, _)) = plan_for(ws, profile.platform) {
        let rate = now.posts_per_day;
        let part = if rate < min {
            100.0 * rate / min
        } else if rate > max {
            100.0 - 50.0 * (rate / max - 1.0)
        } else {
            100.0
        };
        parts.push((ScorePart::Frequency, clamp(part)));
    }
    if let Some(r) = now.responsiveness {
        let speed = match r.median_hours {
            Some(h) if h <= 1.0 => 1.0,
            Some(h) if h <= 24.0 => 1.0 - 0.3 * (h - 1.0) / 23.0,
            Some(_) => 0.5,
            None => 0.0,
        };
        parts.push((
            ScorePart::Responsiveness,
            clamp(100.0 * r.rate.unwrap_or(0.0) * speed),
        ));
    }
    if let Some(last) = row.last_day {
        let age = (as_of - last).num_days() as f64;
        parts.push((
            ScorePart::Freshness,
            clamp(100.0 * (1.0 - (age - 7.0).max(0.0) / 53.0)),
        ));
    }
    let weight = |part: ScorePart| {
        WEIGHTS
            .iter()
            .find(|(p, _)| *p == part)
            .map_or(0.0, |(_, w)| *w)
    };
    let total: f64 = parts.iter().map(|(p, _)| weight(*p)).sum();
    let score = if total > 0.0 {
        parts.iter().map(|(p, v)| weight(*p) * v).sum::<f64>() / total
    } else {
        0.0
    };
    ProfileScore {
        profile: profile.id.clone(),
        score,
        parts,
    }
}

/// The default audit window, in days.
pub const WINDOW_DAYS: i64 = 90;

/// A window ending on `as_of` of the default length (for callers that need its bounds).
pub fn window(as_of: NaiveDate) -> Period {
    Period::ending(as_of, WINDOW_DAYS)
}
