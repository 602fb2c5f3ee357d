//! Platform choice: for each platform, the six questions of the discipline, answered from the
//! data where it can (0–5, with the evidence), by the user where it cannot (saved answers in
//! `PlatformAssessment` win over computed ones), and a recommendation with its reasons.

use serde::{Deserialize, Serialize};

use super::metrics::{ChannelStats, ProfileMetrics};
use super::model::*;

/// The six questions, in the order of `PlatformAssessment::answers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Question {
    /// Can the platform serve the workspace's goals, at what cost?
    GoalFit,
    /// Does the effort pay (engagement per post against the best channel)?
    Efficiency,
    /// Do the platform's followers look like the brand's own audience?
    DemographicMatch,
    /// Is the audience there and active (followers, engagement rate)?
    AudiencePresence,
    /// How crowded it is, how much content it takes to stand out (only the user can say).
    Competition,
    /// Are direct competitors there, and how do they do?
    CompetitorPresence,
}

impl Question {
    pub const ALL: [Question; 6] = [
        Question::GoalFit,
        Question::Efficiency,
        Question::DemographicMatch,
        Question::AudiencePresence,
        Question::Competition,
        Question::CompetitorPresence,
    ];
}

/// Where an answer comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// Computed from the workspace's data.
    Data,
    /// A rule of thumb of the discipline (which platforms serve which goals).
    RuleOfThumb,
    /// The user's answer.
    User,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub question: Question,
    /// 0 (against) to 5 (strongly for).
    pub score: u8,
    pub source: Source,
    /// The number behind a data answer (a share, a ratio), for the explanation.
    pub evidence: Option<f64>,
}

/// What to do with a platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Invest,
    Maintain,
    Reduce,
    /// Fewer than three questions answered: not enough to judge.
    Undecided,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub platform: Platform,
    pub verdict: Verdict,
    /// Mean of the answered questions (0–5).
    pub mean: Option<f64>,
    pub answers: Vec<Answer>,
    /// Questions nobody answered yet.
    pub open: Vec<Question>,
    /// The user's notes (why they answered as they did, what to find out), by question.
    #[serde(default)]
    pub notes: Vec<(Question, String)>,
}

/// How well each platform serves each goal (0–5), the discipline's rule of thumb: Facebook for
/// community and conversions, Instagram and TikTok for awareness, LinkedIn for leads, YouTube for
/// awareness and search traffic, X for conversation and service.
fn goal_fit(platform: Platform, goal: Goal) -> u8 {
    use Goal::*;
    use Platform::*;
    match (platform, goal) {
        (Facebook, Community | Conversions | CustomerService) => 5,
        (Facebook, _) => 4,
        (Instagram, Awareness | Community) => 5,
        (Instagram, Conversions) => 4,
        (Instagram, _) => 3,
        (TikTok, Awareness) => 5,
        (TikTok, Community) => 4,
        (TikTok, _) => 2,
        (LinkedIn, Leads) => 5,
        (LinkedIn, WebTraffic | Awareness) => 3,
        (LinkedIn, _) => 2,
        (YouTube, Awareness | WebTraffic) => 4,
        (YouTube, _) => 3,
        (X, CustomerService | Community) => 4,
        (X, WebTraffic | Awareness) => 3,
        (X, _) => 2,
        (Web, _) => 0,
    }
}

/// An age band label ("18-24", "25–34", "45+", "65 and over") as an inclusive range of ages.
pub fn age_band(label: &str) -> Option<(f64, f64)> {
    let digits: Vec<f64> = label
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match digits.as_slice() {
        [a, b] if a <= b => Some((*a, *b)),
        [a] => Some((*a, 150.0)),
        _ => None,
    }
}

/// The ages of the people in the workspace's audience tables (a column named age/umur/usia).
fn audience_ages(ws: &Workspace) -> Vec<f64> {
    let mut ages = Vec::new();
    for table in &ws.audience_tables {
        let Some(col) = table.columns.iter().position(|c| {
            matches!(
                c.name.trim().to_lowercase().as_str(),
                "age" | "umur" | "usia"
            )
        }) else {
            continue;
        };
        ages.extend(
            ws.audience_members
                .iter()
                .filter(|m| m.table == table.id)
                .filter_map(|m| match m.values.get(col) {
                    Some(FieldValue::Number(age)) => Some(*age),
                    _ => None,
                }),
        );
    }
    ages
}

/// How much the age make-up of a platform's followers overlaps the brand's own audience:
/// Σ over bands of min(own share, platform share), from 0 (disjoint) to 1 (identical).
pub fn age_overlap(ages: &[f64], bands: &[(String, f64)]) -> Option<f64> {
    let bands: Vec<((f64, f64), f64)> = bands
        .iter()
        .filter_map(|(label, share)| age_band(label).map(|r| (r, *share)))
        .collect();
    let total: f64 = bands.iter().map(|(_, s)| s).sum();
    if ages.is_empty() || bands.is_empty() || total <= 0.0 {
        return None;
    }
    let grown: Vec<f64> = ages.iter().copied().filter(|a| *a >= 13.0).collect();
    if grown.is_empty() {
        return None;
    }
    Some(
        bands
            .iter()
            .map(|((lo, hi), share)| {
                let own = grown
                    .iter()
                    .filter(|a| **a >= *lo && **a < *hi + 1.0)
                    .count() as f64
                    / grown.len() as f64;
                own.min(share / total)
            })
            .sum(),
    )
}

fn score(value: f64) -> u8 {
    (value.clamp(0.0, 1.0) * 5.0).round() as u8
}

/// Interactions per post over the latest exported totals of the platform's competitors' (or own)
/// profiles, where an export gives both figures.
fn totals_per_post(ws: &Workspace, platform: Platform, competitor: bool) -> Option<f64> {
    let (interactions, posts) = super::metrics::latest_totals(ws)
        .into_iter()
        .filter(|t| {
            ws.profile(&t.profile)
                .is_some_and(|p| p.platform == platform && p.competitor == competitor)
        })
        .filter_map(|t| Some((*t.values.get(&Metric::Interactions)?, t.posts?)))
        .fold((0.0, 0u64), |(i, p), (ti, tp)| (i + ti, p + u64::from(tp)));
    (posts > 0).then(|| interactions / posts as f64)
}

/// The recommendation for every social platform the workspace has a profile on.
pub fn assess(
    ws: &Workspace,
    metrics: &[ProfileMetrics],
    channels: &[ChannelStats],
) -> Vec<Recommendation> {
    let ages = audience_ages(ws);
    let best_per_post = channels.iter().map(|c| c.per_post).fold(0.0_f64, f64::max);
    ws.own_platforms()
        .into_iter()
        .map(|platform| {
            let saved = ws.assessments.iter().find(|a| a.platform == platform);
            let own: Vec<&ProfileMetrics> = metrics
                .iter()
                .filter(|m| m.platform == platform)
                .filter(|m| ws.profile(&m.profile).is_some_and(|p| !p.competitor))
                .collect();
            let rivals: Vec<&ProfileMetrics> = metrics
                .iter()
                .filter(|m| m.platform == platform)
                .filter(|m| ws.profile(&m.profile).is_some_and(|p| p.competitor))
                .collect();
            let per_post = |ms: &[&ProfileMetrics]| {
                let posts: usize = ms.iter().map(|m| m.posts).sum();
                (posts > 0).then(|| ms.iter().map(|m| m.engagement).sum::<f64>() / posts as f64)
            };
            let computed = |q: Question| -> Option<Answer> {
                let data = |value: f64, evidence: f64| Answer {
                    question: q,
                    score: score(value),
                    source: Source::Data,
                    evidence: Some(evidence),
                };
                match q {
                    Question::GoalFit => {
                        let goals = &ws.info.goals;
                        (!goals.is_empty()).then(|| Answer {
                            question: q,
                            score: (goals
                                .iter()
                                .map(|g| u32::from(goal_fit(platform, *g)))
                                .sum::<u32>()
                                / goals.len() as u32) as u8,
                            source: Source::RuleOfThumb,
                            evidence: None,
                        })
                    }
                    Question::Efficiency => {
                        let channel = channels.iter().find(|c| c.platform == platform)?;
                        (best_per_post > 0.0).then(|| {
                            let ratio = channel.per_post / best_per_post;
                            data(ratio, ratio)
                        })
                    }
                    Question::DemographicMatch => {
                        let ids: Vec<&ProfileId> = own.iter().map(|m| &m.profile).collect();
                        let bands = ws
                            .audience_snapshots
                            .iter()
                            .filter(|s| ids.contains(&&s.profile))
                            .max_by_key(|s| s.date)?
                            .breakdowns
                            .iter()
                            .find(|b| b.dimension == Dimension::AgeBand)?;
                        let overlap = age_overlap(&ages, &bands.entries)?;
                        Some(data(overlap, overlap))
                    }
                    Question::AudiencePresence => {
                        let rate = own
                            .iter()
                            .filter_map(|m| m.engagement_rate)
                            .map(|r| r.value)
                            .fold(0.0_f64, f64::max);
                        let followers: f64 = own
                            .iter()
                            .filter_map(|m| m.followers_end)
                            .map(|f| f.value)
                            .sum();
                        (followers > 0.0 || rate > 0.0).then(|| {
                            // 100k followers or a 10 % rate are full marks; each counts half.
                            let value = 0.5 * (followers / 100_000.0).min(1.0)
                                + 0.5 * (rate / 0.10).min(1.0);
                            data(value, followers)
                        })
                    }
                    Question::Competition => None,
                    Question::CompetitorPresence => {
                        // Without competitors' posts, a competitor export's totals, compared with
                        // the own page's totals of that export where it has them.
                        let (theirs, ours) = match per_post(&rivals) {
                            Some(theirs) => (theirs, per_post(&own)),
                            None => (
                                totals_per_post(ws, platform, true)?,
                                totals_per_post(ws, platform, false).or_else(|| per_post(&own)),
                            ),
                        };
                        let ours = ours.unwrap_or(0.0);
                        // Competitors there and doing at least as well: the platform matters.
                        let value = if ours > 0.0 {
                            (theirs / ours / 2.0).min(1.0)
                        } else {
                            1.0
                        };
                        Some(data(value, theirs / ours.max(f64::EPSILON)))
                    }
                }
            };
            let mut answers = Vec::new();
            let mut open = Vec::new();
            for (i, q) in Question::ALL.into_iter().enumerate() {
                let user = saved.and_then(|s| s.answers[i]).map(|score| Answer {
                    question: q,
                    score: score.min(5),
                    source: Source::User,
                    evidence: None,
                });
                match user.or_else(|| computed(q)) {
                    Some(a) => answers.push(a),
                    None => open.push(q),
                }
            }
            let mean = (!answers.is_empty()).then(|| {
                answers.iter().map(|a| f64::from(a.score)).sum::<f64>() / answers.len() as f64
            });
            let verdict = match mean {
                _ if answers.len() < 3 => Verdict::Undecided,
                Some(m) if m >= 3.5 => Verdict::Invest,
                Some(m) if m >= 2.5 => Verdict::Maintain,
                _ => Verdict::Reduce,
            };
            let notes = saved
                .map(|s| {
                    Question::ALL
                        .into_iter()
                        .zip(&s.notes)
                        .filter(|(_, note)| !note.trim().is_empty())
                        .map(|(q, note)| (q, note.trim().to_owned()))
                        .collect()
                })
                .unwrap_or_default();
            Recommendation {
                platform,
                verdict,
                mean,
                answers,
                open,
                notes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_read_every_spelling() {
        assert_eq!(age_band("18-24"), Some((18.0, 24.0)));
        assert_eq!(age_band("25–34"), Some((25.0, 34.0)));
        assert_eq!(age_band("45+"), Some((45.0, 150.0)));
        assert_eq!(age_band("65 and over"), Some((65.0, 150.0)));
        assert_eq!(age_band("unknown"), None);
    }

    #[test]
    fn identical_make_ups_overlap_fully_and_disjoint_ones_not_at_all() {
        let ages = [20.0, 21.0, 30.0, 31.0];
        let same = [("18-24".to_owned(), 0.5), ("25-34".to_owned(), 0.5)];
        assert!((age_overlap(&ages, &same).unwrap() - 1.0).abs() < 1e-12);
        let other = [("45+".to_owned(), 1.0)];
        assert_eq!(age_overlap(&ages, &other), Some(0.0));
        assert_eq!(age_overlap(&[], &same), None);
    }
}
