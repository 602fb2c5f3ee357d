//! Reports: what a report covers (a template per audience: team monthly, management quarterly,
//! client audit), the figures it shows (the dashboard over its period against its comparison
//! period, the audit, the personas), generated summary sentences and the methodology note, in
//! the UI language, and the data subset a report file carries so that it can be re-opened.

use std::collections::BTreeMap;

use super::audit::{self, Audit, Level, text};
use super::dashboard::{self, Dashboard};
use super::metrics::{self, change};
use super::model::*;
use crate::i18n::{Lang, Msg, fill};

/// The stable key of a section (summaries are keyed by it; also used in test hooks).
pub fn section_key(section: ReportSection) -> &'static str {
    match section {
        ReportSection::Audience => "audience",
        ReportSection::Content => "content",
        ReportSection::Audit => "audit",
        ReportSection::Competitors => "competitors",
        ReportSection::Ads => "ads",
        ReportSection::Listening => "listening",
        ReportSection::Influencers => "influencers",
        ReportSection::CustomerService => "customer-service",
    }
}

pub fn section_title(section: ReportSection) -> Msg {
    match section {
        ReportSection::Audience => Msg::RepSecAudience,
        ReportSection::Content => Msg::RepSecContent,
        ReportSection::Audit => Msg::RepSecAudit,
        ReportSection::Competitors => Msg::RepSecCompetitors,
        ReportSection::Ads => Msg::RepSecAds,
        ReportSection::Listening => Msg::RepSecListening,
        ReportSection::Influencers => Msg::RepSecInfluencers,
        ReportSection::CustomerService => Msg::RepSecService,
    }
}

pub fn audience_name(audience: ReportAudience) -> Msg {
    match audience {
        ReportAudience::TeamMonthly => Msg::RepTeamMonthly,
        ReportAudience::ManagementQuarterly => Msg::RepManagementQuarterly,
        ReportAudience::ClientAudit => Msg::RepClientAudit,
    }
}

pub const AUDIENCES: [ReportAudience; 3] = [
    ReportAudience::TeamMonthly,
    ReportAudience::ManagementQuarterly,
    ReportAudience::ClientAudit,
];

/// The sections every report can have, in report order.
pub const SECTIONS: [ReportSection; 8] = [
    ReportSection::Content,
    ReportSection::Audience,
    ReportSection::Audit,
    ReportSection::Competitors,
    ReportSection::Ads,
    ReportSection::CustomerService,
    ReportSection::Listening,
    ReportSection::Influencers,
];

/// A report for `audience` ending on the last day with data: team monthly covers 30 days of
/// content, audience, ads and service; management quarterly 90 days with the audit and
/// competitors; a client audit 90 days led by the audit. `None` without dated data.
pub fn template(ws: &Workspace, audience: ReportAudience, lang: Lang) -> Option<ReportDefinition> {
    use ReportSection::*;
    let as_of = metrics::last_day(ws)?;
    let (days, sections, competitors) = match audience {
        ReportAudience::TeamMonthly => (30, vec![Content, Audience, Ads, CustomerService], false),
        ReportAudience::ManagementQuarterly => {
            (90, vec![Content, Audit, Competitors, Ads, Audience], true)
        }
        ReportAudience::ClientAudit => (
            90,
            vec![Audit, Content, Competitors, Audience, CustomerService],
            true,
        ),
    };
    let period = Period::ending(as_of, days);
    let profiles = ws
        .profiles
        .iter()
        .filter(|p| competitors || !p.competitor)
        .map(|p| p.id.clone())
        .collect();
    let mut def = ReportDefinition {
        id: ReportId(format!(
            "report-{}-{}",
            section_audience_slug(audience),
            as_of
        )),
        name: format!("{} · {}", audience_name(audience).text(lang), ws.info.name),
        audience,
        period,
        comparison: Some(period.previous()),
        profiles,
        sections,
        methodology: String::new(),
        cadence: None,
        persona: None,
        summaries: BTreeMap::new(),
    };
    def.methodology = methodology(ws, &def, lang);
    Some(def)
}

fn section_audience_slug(audience: ReportAudience) -> &'static str {
    match audience {
        ReportAudience::TeamMonthly => "team-monthly",
        ReportAudience::ManagementQuarterly => "management-quarterly",
        ReportAudience::ClientAudit => "client-audit",
    }
}

/// What a report shows, computed from the workspace.
#[derive(Debug, Clone)]
pub struct Figures {
    pub dashboard: Dashboard,
    pub audit: Option<Audit>,
    pub personas: Option<PersonaSnapshot>,
    /// Brand mentions in the period and before; `None` when the workspace has none.
    pub listening: Option<Listening>,
    /// The workspace's influencers, largest audience first.
    pub influencers: Vec<InfluencerRow>,
    /// Messages to the report's profiles in the period; `None` when there are none.
    pub service: Option<super::service::Service>,
}

/// What listening found over a report's period (workspace time zone).
#[derive(Debug, Clone, PartialEq)]
pub struct Listening {
    pub mentions: usize,
    pub before: usize,
    /// Mentions by sentiment: positive, neutral, negative (unrated ones are not counted).
    pub sentiment: [usize; 3],
    /// Mentions per platform, most first.
    pub platforms: Vec<(Platform, usize)>,
    /// The sum of the reach the mentions report (where they do).
    pub reach: f64,
    /// The mentions with the most reach (then the largest author), at most five.
    pub top: Vec<Mention>,
}

/// One influencer account as reports list it.
#[derive(Debug, Clone, PartialEq)]
pub struct InfluencerRow {
    pub name: String,
    pub platform: Platform,
    pub handle: String,
    pub followers: f64,
    pub engagement_rate: f64,
    /// The campaigns the influencer serves.
    pub campaigns: Vec<String>,
}

/// The latest day (in the workspace zone) with a mention: listening windows end there, so that
/// an older import still shows its mentions.
pub fn latest_mention_day(ws: &Workspace) -> Option<chrono::NaiveDate> {
    super::tz::latest_day(ws.mentions.iter().map(|m| &m.published), &ws.info.time_zone)
}

/// Listening over `period` against `comparison`.
pub fn listening(ws: &Workspace, period: Period, comparison: Period) -> Option<Listening> {
    if ws.mentions.is_empty() {
        return None;
    }
    let zone = &ws.info.time_zone;
    let day = |m: &Mention| super::tz::local_date(&m.published, zone);
    let now: Vec<&Mention> = ws
        .mentions
        .iter()
        .filter(|m| period.contains(day(m)))
        .collect();
    let before = ws
        .mentions
        .iter()
        .filter(|m| comparison.contains(day(m)))
        .count();
    let mut sentiment = [0; 3];
    let mut platforms: BTreeMap<Platform, usize> = BTreeMap::new();
    for m in &now {
        match m.sentiment {
            Some(Sentiment::Positive) => sentiment[0] += 1,
            Some(Sentiment::Neutral) => sentiment[1] += 1,
            Some(Sentiment::Negative) => sentiment[2] += 1,
            None => {}
        }
        *platforms.entry(m.platform).or_default() += 1;
    }
    let mut platforms: Vec<(Platform, usize)> = platforms.into_iter().collect();
    platforms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut top = now.clone();
    top.sort_by(|a, b| {
        b.reach
            .unwrap_or(0.0)
            .total_cmp(&a.reach.unwrap_or(0.0))
            .then(
                b.author_followers
                    .unwrap_or(0.0)
                    .total_cmp(&a.author_followers.unwrap_or(0.0)),
            )
            .then(a.id.cmp(&b.id))
    });
    Some(Listening {
        mentions: now.len(),
        before,
        sentiment,
        reach: now.iter().filter_map(|m| m.reach).sum(),
        platforms,
        top: top.into_iter().take(5).cloned().collect(),
    })
}

/// Every influencer account, largest audience first, with the campaigns it serves.
pub fn influencer_rows(ws: &Workspace) -> Vec<InfluencerRow> {
    let mut rows: Vec<InfluencerRow> = ws
        .influencers
        .iter()
        .flat_map(|i| {
            let campaigns: Vec<String> = ws
                .campaigns
                .iter()
                .filter(|c| c.influencers.contains(&i.id))
                .map(|c| c.name.clone())
                .collect();
            i.accounts.iter().map(move |a| InfluencerRow {
                name: i.name.clone(),
                platform: a.platform,
                handle: a.handle.clone(),
                followers: a.followers,
                engagement_rate: a.engagement_rate,
                campaigns: campaigns.clone(),
            })
        })
        .collect();
    rows.sort_by(|a, b| {
        b.followers
            .total_cmp(&a.followers)
            .then(a.handle.cmp(&b.handle))
    });
    rows
}

/// The own profiles of a report (competitors are compared in the audit section).
fn own(ws: &Workspace, def: &ReportDefinition) -> Vec<ProfileId> {
    def.profiles
        .iter()
        .filter(|id| {
            ws.profile(id)
                .is_some_and(|p| !p.competitor && p.platform != Platform::Web)
        })
        .cloned()
        .collect()
}

pub fn figures(ws: &Workspace, def: &ReportDefinition) -> Figures {
    let comparison = def.comparison.unwrap_or_else(|| def.period.previous());
    let mut personas = ws
        .persona_snapshots
        .iter()
        .filter(|s| s.date <= def.period.end)
        .max_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)))
        .cloned();
    let mut profiles = own(ws, def);
    // A report about one persona: its card, and the profiles where it is likely found.
    if let Some(id) = &def.persona
        && let Some(snapshot) = ws
            .persona_snapshots
            .iter()
            .filter(|s| s.personas.iter().any(|p| &p.id == id))
            .max_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)))
    {
        let mut only = snapshot.clone();
        only.personas.retain(|p| &p.id == id);
        if let Some(persona) = only.personas.first() {
            let found: Vec<&ProfileId> = persona.channels.iter().map(|c| &c.profile).collect();
            if !found.is_empty() {
                profiles.retain(|p| found.contains(&p));
            }
        }
        personas = Some(only);
    }
    let ix = metrics::Index::new(ws);
    let dashboard = dashboard::compute_over(
        &ix,
        profiles,
        def.period,
        comparison,
        true,
        Default::default(),
    );
    let wants_audit = def
        .sections
        .iter()
        .any(|s| matches!(s, ReportSection::Audit | ReportSection::Competitors));
    let audit = wants_audit
        .then(|| audit::run_over(&ix, def.period.days().max(28)))
        .flatten();
    let wants = |s: ReportSection| def.sections.contains(&s);
    Figures {
        dashboard,
        audit,
        personas,
        listening: wants(ReportSection::Listening)
            .then(|| listening(ws, def.period, comparison))
            .flatten(),
        influencers: if wants(ReportSection::Influencers) {
            influencer_rows(ws)
        } else {
            Vec::new()
        },
        service: wants(ReportSection::CustomerService)
            .then(|| super::service::service(ws, def.period, Some(&def.profiles)))
            .flatten(),
    }
}

fn change_text(now: f64, before: f64, lang: Lang) -> String {
    match change(now, before) {
        Some(c) => text::signed_change(c, lang),
        None => "–".into(),
    }
}

/// The generated summary sentence of each section (keyed by [`section_key`]).
pub fn summaries(
    ws: &Workspace,
    def: &ReportDefinition,
    f: &Figures,
    lang: Lang,
) -> BTreeMap<String, String> {
    let d = &f.dashboard;
    let mut out = BTreeMap::new();
    for &section in &def.sections {
        let sentence = match section {
            ReportSection::Content => Some(fill(
                Msg::RepSumContent.text(lang),
                &[
                    ("posts", &lang.count(d.now.posts as f64)),
                    ("engagement", &lang.count(d.now.engagement)),
                    (
                        "change",
                        &change_text(d.now.engagement, d.before.engagement, lang),
                    ),
                    (
                        "rate",
                        &d.now
                            .rate_reach
                            .map(|r| lang.percent(r, 2))
                            .unwrap_or_else(|| "–".into()),
                    ),
                ],
            )),
            ReportSection::Audience => {
                let followers = d
                    .now
                    .followers
                    .map(|v| lang.count(v))
                    .unwrap_or_else(|| "–".into());
                let growth = d
                    .now
                    .follower_growth
                    .map(|v| format!("{}{}", if v >= 0.0 { "+" } else { "" }, lang.count(v)))
                    .unwrap_or_else(|| "–".into());
                let mut s = fill(
                    Msg::RepSumAudience.text(lang),
                    &[("followers", &followers), ("growth", &growth)],
                );
                if let Some(snapshot) = &f.personas
                    && let Some(largest) = snapshot.personas.first()
                {
                    let total = f64::from(snapshot.members.max(1));
                    s.push(' ');
                    s.push_str(&fill(
                        Msg::RepSumPersonas.text(lang),
                        &[
                            ("k", &snapshot.personas.len().to_string()),
                            ("name", &largest.name),
                            ("share", &lang.percent(f64::from(largest.size) / total, 0)),
                        ],
                    ));
                }
                Some(s)
            }
            ReportSection::Audit => f.audit.as_ref().map(|a| {
                let count = |level| a.findings.iter().filter(|x| x.level == level).count();
                let mut s = fill(
                    Msg::RepSumAudit.text(lang),
                    &[
                        (
                            "score",
                            &a.overall
                                .map(|v| lang.number(v, 0))
                                .unwrap_or_else(|| "–".into()),
                        ),
                        ("critical", &count(Level::Critical).to_string()),
                        ("warning", &count(Level::Warning).to_string()),
                    ],
                );
                if let Some(first) = a.findings.first() {
                    s.push(' ');
                    s.push_str(&text::title(first, ws, lang));
                    s.push('.');
                }
                s
            }),
            ReportSection::Competitors => f.audit.as_ref().and_then(|a| {
                let best = a.metrics.iter().filter(|m| m.posts > 0).max_by(|x, y| {
                    let per = |m: &metrics::ProfileMetrics| m.engagement / m.posts as f64;
                    per(x).total_cmp(&per(y))
                })?;
                let profile = ws.profile(&best.profile)?;
                Some(fill(
                    Msg::RepSumCompetitors.text(lang),
                    &[
                        ("profile", &profile.display_name()),
                        ("per_post", &lang.count(best.engagement / best.posts as f64)),
                    ],
                ))
            }),
            ReportSection::Ads => d.ads.as_ref().map(|(a, _)| {
                fill(
                    Msg::RepSumAds.text(lang),
                    &[
                        ("spend", &lang.count(a.spend)),
                        (
                            "ctr",
                            &a.ctr
                                .map(|v| lang.percent(v, 2))
                                .unwrap_or_else(|| "–".into()),
                        ),
                        (
                            "cpc",
                            &a.cpc.map(|v| lang.count(v)).unwrap_or_else(|| "–".into()),
                        ),
                        ("conversions", &lang.count(a.conversions)),
                    ],
                )
            }),
            ReportSection::CustomerService => d.service.as_ref().map(|(s, _)| {
                fill(
                    Msg::RepSumService.text(lang),
                    &[
                        (
                            "rate",
                            &s.rate
                                .map(|v| lang.percent(v, 0))
                                .unwrap_or_else(|| "–".into()),
                        ),
                        (
                            "hours",
                            &s.mean_hours
                                .map(|v| lang.number(v, 1))
                                .unwrap_or_else(|| "–".into()),
                        ),
                    ],
                )
            }),
            ReportSection::Listening => f.listening.as_ref().filter(|l| l.mentions > 0).map(|l| {
                let rated = l.sentiment.iter().sum::<usize>().max(1) as f64;
                fill(
                    Msg::RepSumListeningFull.text(lang),
                    &[
                        ("mentions", &lang.count(l.mentions as f64)),
                        (
                            "change",
                            &change_text(l.mentions as f64, l.before as f64, lang),
                        ),
                        ("negative", &lang.percent(l.sentiment[2] as f64 / rated, 0)),
                    ],
                )
            }),
            ReportSection::Influencers => f.influencers.first().map(|top| {
                let best = f
                    .influencers
                    .iter()
                    .max_by(|a, b| a.engagement_rate.total_cmp(&b.engagement_rate))
                    .unwrap_or(top);
                fill(
                    Msg::RepSumInfluencers.text(lang),
                    &[
                        ("n", &lang.count(f.influencers.len() as f64)),
                        (
                            "followers",
                            &lang.compact(f.influencers.iter().map(|r| r.followers).sum()),
                        ),
                        ("best", &best.name),
                        ("rate", &lang.percent(best.engagement_rate, 1)),
                    ],
                )
            }),
        };
        if let Some(s) = sentence {
            out.insert(section_key(section).to_owned(), s);
        }
    }
    out
}

/// The methodology note: sources, period and comparison, time zone and definitions.
pub fn methodology(ws: &Workspace, def: &ReportDefinition, lang: Lang) -> String {
    let mut platforms: Vec<&str> = def
        .profiles
        .iter()
        .filter_map(|id| ws.profile(id))
        .map(|p| p.platform.name())
        .collect();
    platforms.sort_unstable();
    platforms.dedup();
    let comparison = def.comparison.unwrap_or_else(|| def.period.previous());
    fill(
        Msg::RepMethodology.text(lang),
        &[
            ("profiles", &def.profiles.len().to_string()),
            ("platforms", &platforms.join(", ")),
            ("from", &lang.date(def.period.start)),
            ("to", &lang.date(def.period.end)),
            ("pfrom", &lang.date(comparison.start)),
            ("pto", &lang.date(comparison.end)),
            ("zone", &ws.info.time_zone),
            ("files", &ws.batches.len().to_string()),
        ],
    )
}

/// The data a report file carries: the workspace settings, the report's profiles and their
/// records from the start of the comparison period (the audit's window at least) to the end of
/// the report, the personas and the report itself.
pub fn data_subset<'a>(ws: &'a Workspace, def: &ReportDefinition) -> ReportData<'a> {
    let comparison = def.comparison.unwrap_or_else(|| def.period.previous());
    let from = comparison
        .start
        .min(def.period.end - chrono::Duration::days(2 * audit::WINDOW_DAYS));
    let within = |d: chrono::NaiveDate| from <= d && d <= def.period.end;
    let mut out = Workspace::empty(ws.info.clone());
    out.profiles = ws
        .profiles
        .iter()
        .filter(|p| def.profiles.contains(&p.id) || p.platform == Platform::Web)
        .cloned()
        .collect();
    let kept: std::collections::HashSet<&ProfileId> = out.profiles.iter().map(|p| &p.id).collect();
    let kept = |id: &ProfileId| kept.contains(id);
    let posts = ws
        .posts
        .iter()
        .filter(|p| kept(&p.profile) && within(p.published.date_naive()))
        .collect();
    out.daily = ws
        .daily
        .iter()
        .filter(|d| kept(&d.profile) && within(d.date))
        .cloned()
        .collect();
    out.follower_activity = ws
        .follower_activity
        .iter()
        .filter(|a| kept(&a.profile) && within(a.date))
        .cloned()
        .collect();
    // Totals over a period that meets the report's.
    out.period_totals = ws
        .period_totals
        .iter()
        .filter(|t| kept(&t.profile) && t.period.start <= def.period.end && from <= t.period.end)
        .cloned()
        .collect();
    out.audience_snapshots = ws
        .audience_snapshots
        .iter()
        .filter(|s| kept(&s.profile))
        .cloned()
        .collect();
    out.messages = ws
        .messages
        .iter()
        .filter(|m| kept(&m.profile) && within(m.received.date_naive()))
        .cloned()
        .collect();
    out.persona_snapshots = ws.persona_snapshots.clone();
    out.assessments = ws.assessments.clone();
    out.benchmarks = ws.benchmarks.clone();
    out.reports = vec![def.clone()];
    ReportData {
        workspace: out,
        posts,
    }
}

/// A report file's data: a workspace of the report's own records, whose posts are borrowed (a
/// year of 100,000 posts is not copied to be written).
pub struct ReportData<'a> {
    /// Everything but the posts.
    pub workspace: Workspace,
    pub posts: Vec<&'a Post>,
}
