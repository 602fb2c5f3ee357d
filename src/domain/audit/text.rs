//! The audit in words, in the UI language: finding titles, evidence lines, causes and actions.
//! Shared by the audit page and reports, so both say the same thing.

use super::{Cause, Fact, Finding, FindingKind, Level, Measure, ScorePart};
use crate::domain::metrics::{RateBase, change};
use crate::domain::{Metric, PostFormat, Workspace};
use crate::i18n::{Lang, Msg, fill};

pub fn level(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Critical => Msg::SevCritical,
        Level::Warning => Msg::SevWarning,
        Level::Info => Msg::SevInfo,
    }
    .text(lang)
}

pub fn format(format: PostFormat, lang: Lang) -> &'static str {
    match format {
        PostFormat::Photo => Msg::FormatPhoto,
        PostFormat::Video => Msg::FormatVideo,
        PostFormat::Reel => Msg::FormatReel,
        PostFormat::Story => Msg::FormatStory,
        PostFormat::Text => Msg::FormatText,
        PostFormat::Link => Msg::FormatLink,
        PostFormat::Carousel => Msg::FormatCarousel,
        PostFormat::Live => Msg::FormatLive,
        PostFormat::Other => Msg::FormatOther,
    }
    .text(lang)
}

pub fn metric(metric: Metric, lang: Lang) -> &'static str {
    match metric {
        Metric::Impressions => Msg::MetImpressions,
        Metric::Views => Msg::MetViews,
        Metric::Reach => Msg::MetReach,
        Metric::Reactions => Msg::MetReactions,
        Metric::Comments => Msg::MetComments,
        Metric::Shares => Msg::MetShares,
        Metric::Saves => Msg::MetSaves,
        Metric::Interactions => Msg::MetInteractions,
        Metric::Clicks => Msg::MetClicks,
        Metric::LinkClicks => Msg::MetLinkClicks,
        Metric::ProfileVisits => Msg::MetProfileVisits,
        Metric::VideoViews => Msg::MetVideoViews,
        Metric::WatchTimeSeconds => Msg::MetWatchTimeSeconds,
        Metric::AverageViewSeconds => Msg::MetAverageViewSeconds,
        Metric::Followers => Msg::MetFollowers,
        Metric::FollowersGained => Msg::MetFollowersGained,
        Metric::FollowersLost => Msg::MetFollowersLost,
        Metric::PageVisits => Msg::MetPageVisits,
        Metric::Sessions => Msg::MetSessions,
        Metric::EngagedSessions => Msg::MetEngagedSessions,
        Metric::Conversions => Msg::MetConversions,
        Metric::Spend => Msg::MetSpend,
        Metric::Revenue => Msg::MetRevenue,
    }
    .text(lang)
}

pub fn part(part: ScorePart, lang: Lang) -> &'static str {
    match part {
        ScorePart::EngagementTrend => Msg::PartEngagementTrend,
        ScorePart::EngagementRate => Msg::PartEngagementRate,
        ScorePart::FollowerGrowth => Msg::PartFollowerGrowth,
        ScorePart::Frequency => Msg::PartFrequency,
        ScorePart::Responsiveness => Msg::PartResponsiveness,
        ScorePart::Freshness => Msg::PartFreshness,
    }
    .text(lang)
}

pub fn cause(cause: Cause, lang: Lang) -> &'static str {
    match cause {
        Cause::FewerPosts => Msg::CauseFewerPosts,
        Cause::WeakerContent => Msg::CauseWeakerContent,
        Cause::LowerReach => Msg::CauseLowerReach,
        Cause::Unexplained => Msg::CauseUnexplained,
    }
    .text(lang)
}

pub fn action(kind: FindingKind, lang: Lang) -> &'static str {
    match kind {
        FindingKind::EngagementFalling => Msg::AEngagementFalling,
        FindingKind::FollowerDecline => Msg::AFollowerDecline,
        FindingKind::BelowPlan => Msg::ABelowPlan,
        FindingKind::AbovePlan => Msg::AAbovePlan,
        FindingKind::WeakFormat => Msg::AWeakFormat,
        FindingKind::LowYieldChannel => Msg::ALowYieldChannel,
        FindingKind::SlowReplies => Msg::ASlowReplies,
        FindingKind::SocialTrafficLow => Msg::ASocialTrafficLow,
        FindingKind::StaleData => Msg::AStaleData,
        FindingKind::NoData => Msg::ANoData,
    }
    .text(lang)
}

/// A signed percentage change: `+12,5%` / `−27,4%`.
pub fn signed_change(share: f64, lang: Lang) -> String {
    let text = lang.percent(share.abs(), 1);
    if share < 0.0 {
        format!("−{text}")
    } else {
        format!("+{text}")
    }
}

fn measure(measure: Measure, lang: Lang) -> String {
    let msg = match measure {
        Measure::Engagement => Msg::MEngagement,
        Measure::Posts => Msg::MPosts,
        Measure::Rate(RateBase::Reach) => Msg::MRateReach,
        Measure::Rate(RateBase::Impressions) => Msg::MRateImpressions,
        Measure::Rate(RateBase::Followers) => Msg::MRateFollowers,
        Measure::ReachPerPost => Msg::MReachPerPost,
        Measure::Followers => Msg::MFollowers,
        Measure::PostsPerDay => Msg::MPostsPerDay,
        Measure::PostsPerWeek => Msg::MPostsPerWeek,
        Measure::PerPost(f) => {
            return fill(Msg::MPerPost.text(lang), &[("format", format(f, lang))]);
        }
        Measure::ShareOfPosts => Msg::MShareOfPosts,
        Measure::ShareOfEngagement => Msg::MShareOfEngagement,
        Measure::ResponseRate => Msg::MResponseRate,
        Measure::MedianResponseHours => Msg::MMedianResponse,
        Measure::SocialShareOfSessions => Msg::MSocialShare,
        Measure::DaysSinceLastData => Msg::MDaysSince,
    };
    msg.text(lang).to_owned()
}

/// The base of an engagement rate, in words ("by reach").
pub fn fact_measure_name(base: RateBase, lang: Lang) -> &'static str {
    match base {
        RateBase::Reach => Msg::BaseReach,
        RateBase::Impressions => Msg::BaseImpressions,
        RateBase::Followers => Msg::BaseFollowers,
    }
    .text(lang)
}

/// A value of a measure as it is written.
fn value(measure: Measure, value: f64, lang: Lang) -> String {
    match measure {
        Measure::Rate(_)
        | Measure::ShareOfPosts
        | Measure::ShareOfEngagement
        | Measure::ResponseRate
        | Measure::SocialShareOfSessions => lang.percent(value, 1),
        Measure::PostsPerDay | Measure::PostsPerWeek | Measure::MedianResponseHours => {
            lang.number(value, 1)
        }
        Measure::PerPost(_) | Measure::ReachPerPost => lang.number(value, 1),
        Measure::Engagement | Measure::Posts | Measure::Followers | Measure::DaysSinceLastData => {
            lang.count(value)
        }
    }
}

/// One evidence line: `Engagement: 9.364 (sebelumnya 12.905, −27,4%)`.
pub fn fact(fact: &Fact, lang: Lang) -> String {
    let now = value(fact.measure, fact.now, lang);
    let shown = if let Some(before) = fact.before {
        let moved = change(fact.now, before)
            .map(|c| signed_change(c, lang))
            .unwrap_or_else(|| "–".into());
        fill(
            Msg::FactBefore.text(lang),
            &[
                ("value", &now),
                ("before", &value(fact.measure, before, lang)),
                ("change", &moved),
            ],
        )
    } else if let Some(target) = fact.target {
        fill(
            Msg::FactTarget.text(lang),
            &[
                ("value", &now),
                ("target", &value(fact.measure, target, lang)),
            ],
        )
    } else {
        now
    };
    format!("{}: {shown}", measure(fact.measure, lang))
}

/// The name a finding is about: its profile, else its platform.
fn subject(finding: &Finding, ws: &Workspace) -> String {
    finding
        .profile
        .as_ref()
        .and_then(|p| ws.profile(p))
        .map(|p| match &p.region {
            Some(region) if !p.name.contains(region.as_str()) => {
                format!("{} ({}, {region})", p.name, p.platform.name())
            }
            _ => format!("{} ({})", p.name, p.platform.name()),
        })
        .or_else(|| finding.platform.map(|p| p.name().to_owned()))
        .unwrap_or_default()
}

/// The finding's headline.
pub fn title(finding: &Finding, ws: &Workspace, lang: Lang) -> String {
    let subject = subject(finding, ws);
    let first = finding.evidence.first();
    let moved = first
        .and_then(|f| f.before.and_then(|b| change(f.now, b)))
        .map(|c| {
            signed_change(c, lang)
                .trim_start_matches(['−', '+'])
                .to_owned()
        })
        .unwrap_or_default();
    let weak = finding
        .evidence
        .iter()
        .find_map(|f| match f.measure {
            Measure::PerPost(format) => Some(format),
            _ => None,
        })
        .map(|f| format(f, lang))
        .unwrap_or_default();
    let msg = match finding.kind {
        FindingKind::EngagementFalling => Msg::FEngagementFalling,
        FindingKind::FollowerDecline => Msg::FFollowerDecline,
        FindingKind::BelowPlan => Msg::FBelowPlan,
        FindingKind::AbovePlan => Msg::FAbovePlan,
        FindingKind::WeakFormat => Msg::FWeakFormat,
        FindingKind::LowYieldChannel => Msg::FLowYieldChannel,
        FindingKind::SlowReplies => Msg::FSlowReplies,
        FindingKind::SocialTrafficLow => Msg::FSocialTrafficLow,
        FindingKind::StaleData => Msg::FStaleData,
        FindingKind::NoData => Msg::FNoData,
    };
    fill(
        msg.text(lang),
        &[("profile", &subject), ("change", &moved), ("format", weak)],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_reads_with_the_change_and_the_reference() {
        let fact = Fact {
            measure: Measure::Engagement,
            now: 9_364.0,
            before: Some(12_905.0),
            target: None,
        };
        assert_eq!(
            super::fact(&fact, Lang::Id),
            "Engagement: 9.364 (sebelumnya 12.905, −27,4%)"
        );
        let fact = Fact {
            measure: Measure::ResponseRate,
            now: 0.55,
            before: None,
            target: Some(0.8),
        };
        assert_eq!(
            super::fact(&fact, Lang::En),
            "Response rate: 55.0% (reference 80.0%)"
        );
    }
}
