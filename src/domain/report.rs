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
    let dashboard = dashboard::compute_over(ws, own(ws, def), def.period, comparison, true);
    let wants_audit = def
        .sections
        .iter()
        .any(|s| matches!(s, ReportSection::Audit | ReportSection::Competitors));
    let audit = wants_audit
        .then(|| audit::run(ws, def.period.days().max(28)))
        .flatten();
    let personas = ws
        .persona_snapshots
        .iter()
        .filter(|s| s.date <= def.period.end)
        .max_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)))
        .cloned();
    Figures {
        dashboard,
        audit,
        personas,
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
            ReportSection::Listening => {
                let mentions = ws
                    .mentions
                    .iter()
                    .filter(|m| def.period.contains(m.published.date_naive()))
                    .count();
                (mentions > 0).then(|| {
                    fill(
                        Msg::RepSumListening.text(lang),
                        &[("mentions", &lang.count(mentions as f64))],
                    )
                })
            }
            ReportSection::Influencers => None,
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
pub fn data_subset(ws: &Workspace, def: &ReportDefinition) -> Workspace {
    let comparison = def.comparison.unwrap_or_else(|| def.period.previous());
    let from = comparison
        .start
        .min(def.period.end - chrono::Duration::days(2 * audit::WINDOW_DAYS));
    let keep = |id: &ProfileId| def.profiles.contains(id);
    let within = |d: chrono::NaiveDate| from <= d && d <= def.period.end;
    let mut out = Workspace::empty(ws.info.clone());
    out.profiles = ws
        .profiles
        .iter()
        .filter(|p| keep(&p.id) || p.platform == Platform::Web)
        .cloned()
        .collect();
    let kept = |id: &ProfileId| out.profiles.iter().any(|p| &p.id == id);
    out.posts = ws
        .posts
        .iter()
        .filter(|p| kept(&p.profile) && within(p.published.date_naive()))
        .cloned()
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
    out
}
