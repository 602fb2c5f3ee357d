//! The audit as HTML: the overall score and its weights, the findings (most serious first, each
//! with evidence, likely causes, an action and a sparkline), scores by profile, the channel
//! comparison and the inventory.

use super::html::Html;
use super::{chart, definition};
use crate::domain::audit::{Audit, Finding, WEIGHTS, text};
use crate::domain::{Platform, Profile, ProfileId, Workspace};
use crate::i18n::{Lang, Msg, fill};

/// The audit's body (below the page title).
pub fn audit(ws: &Workspace, audit: &Audit, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang);
    let mut h = Html::new();
    let window = fill(
        t(Msg::AuditWindow),
        &[
            ("from", &lang.date(audit.window.start)),
            ("to", &lang.date(audit.window.end)),
            ("pfrom", &lang.date(audit.previous.start)),
            ("pto", &lang.date(audit.previous.end)),
            ("asof", &lang.date(audit.as_of)),
        ],
    );
    h.elem("p", &[("class", "lm-lead")], &window);
    h.open("div", &[("class", "lm-audit-head")]);
    h.open(
        "div",
        &[("class", "lm-score"), ("data-testid", "audit-score")],
    );
    h.open("span", &[("class", "lm-kpi__label")])
        .text(t(Msg::AuditOverall))
        .text(" ");
    definition(&mut h, Msg::DefAuditScore, lang);
    h.close("span");
    let overall = audit
        .overall
        .map(|s| lang.number(s, 0))
        .unwrap_or_else(|| "–".into());
    h.elem(
        "span",
        &[
            ("class", "lm-score__value"),
            ("data-testid", "audit-overall"),
        ],
        &overall,
    );
    h.elem("span", &[("class", "lm-score__scale")], "/ 100");
    h.close("div");
    let weights: Vec<Vec<String>> = WEIGHTS
        .iter()
        .map(|(part, weight)| vec![text::part(*part, lang).into(), lang.number(*weight, 0)])
        .collect();
    table(
        &mut h,
        &Table {
            testid: "audit-weights",
            class: "lm-table lm-table--compact",
            caption: Some(t(Msg::AuditWeights)),
            headers: &[(t(Msg::ColPart), false), (t(Msg::ColWeight), true)],
            rows: weights.iter().map(|cells| Row::plain(cells)).collect(),
        },
    );
    h.close("div");

    h.elem(
        "h2",
        &[("class", "lm-section-title")],
        t(Msg::AuditFindings),
    );
    if audit.findings.is_empty() {
        h.elem(
            "p",
            &[("class", "lm-empty"), ("data-testid", "no-findings")],
            t(Msg::AuditNoFindings),
        );
    } else {
        h.open("ol", &[("class", "lm-findings")]);
        for finding in &audit.findings {
            finding_html(&mut h, ws, finding, lang);
        }
        h.close("ol");
    }

    h.elem("h2", &[("class", "lm-section-title")], t(Msg::AuditScores));
    scores(&mut h, ws, audit, lang);
    h.open("h2", &[("class", "lm-section-title")])
        .text(t(Msg::AuditChannels))
        .text(" ");
    definition(&mut h, Msg::DefChannels, lang);
    h.close("h2");
    channels(&mut h, audit, lang);
    h.open("h2", &[("class", "lm-section-title")])
        .text(t(Msg::AuditPlatforms))
        .text(" ");
    definition(&mut h, Msg::DefPlatforms, lang);
    h.close("h2");
    platforms(&mut h, audit, lang);
    h.open("h2", &[("class", "lm-section-title")])
        .text(t(Msg::AuditCompetitors))
        .text(" ");
    definition(&mut h, Msg::DefCompetitors, lang);
    h.close("h2");
    competitors(&mut h, ws, audit, lang);
    h.elem(
        "h2",
        &[("class", "lm-section-title")],
        t(Msg::AuditInventory),
    );
    inventory(&mut h, ws, audit, lang);
    h.into_string()
}

/// The hook attributes of a row.
type Attrs = Vec<(&'static str, String)>;

/// A table row: its hook attributes and cells (the first is the row header).
struct Row<'a> {
    attrs: Vec<(&'static str, String)>,
    cells: &'a [String],
}

impl<'a> Row<'a> {
    fn plain(cells: &'a [String]) -> Self {
        Row {
            attrs: Vec::new(),
            cells,
        }
    }
}

struct Table<'a> {
    testid: &'static str,
    class: &'static str,
    caption: Option<&'a str>,
    /// Header text, and whether the column is numeric (right-aligned).
    headers: &'a [(&'a str, bool)],
    rows: Vec<Row<'a>>,
}

fn table(h: &mut Html, table: &Table) {
    h.open(
        "table",
        &[("class", table.class), ("data-testid", table.testid)],
    );
    if let Some(caption) = table.caption {
        h.elem("caption", &[], caption);
    }
    h.open("thead", &[]).open("tr", &[]);
    for (header, numeric) in table.headers {
        if *numeric {
            h.elem("th", &[("scope", "col"), ("class", "lm-num")], header);
        } else {
            h.elem("th", &[("scope", "col")], header);
        }
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for row in &table.rows {
        let attrs: Vec<(&'static str, &str)> =
            row.attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        h.open("tr", &attrs);
        for (i, cell) in row.cells.iter().enumerate() {
            let numeric = table.headers.get(i).is_some_and(|(_, n)| *n);
            if i == 0 {
                h.elem("th", &[("scope", "row")], cell);
            } else if numeric {
                h.elem("td", &[("class", "lm-num")], cell);
            } else {
                h.elem("td", &[], cell);
            }
        }
        h.close("tr");
    }
    h.close("tbody").close("table");
}

fn wrapped(h: &mut Html, t: &Table) {
    h.open("div", &[("class", "lm-table-wrap")]);
    table(h, t);
    h.close("div");
}

fn finding_html(h: &mut Html, ws: &Workspace, finding: &Finding, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let level = finding.level.slug();
    let profile = finding
        .profile
        .as_ref()
        .map(|p| p.0.clone())
        .or_else(|| finding.platform.map(|p| p.slug().to_owned()))
        .unwrap_or_default();
    let class = format!("lm-finding lm-finding--{level}");
    let badge = format!("lm-severity lm-severity--{level}");
    h.open(
        "li",
        &[
            ("class", &class),
            ("data-testid", "finding"),
            ("data-severity", level),
            ("data-profile", &profile),
            ("data-kind", finding.kind.slug()),
        ],
    );
    h.open("div", &[("class", "lm-finding__head")])
        .elem(
            "span",
            &[("class", &badge)],
            text::level(finding.level, lang),
        )
        .elem(
            "h3",
            &[("class", "lm-finding__title")],
            &text::title(finding, ws, lang),
        )
        .close("div");
    h.open("div", &[("class", "lm-finding__body")])
        .open("div", &[]);
    h.elem("h4", &[("class", "lm-finding__label")], t(Msg::Evidence))
        .open("ul", &[]);
    for fact in &finding.evidence {
        h.elem("li", &[], &text::fact(fact, lang));
    }
    h.close("ul");
    if !finding.causes.is_empty() {
        h.elem(
            "h4",
            &[("class", "lm-finding__label")],
            t(Msg::LikelyCauses),
        )
        .open("ul", &[]);
        for cause in &finding.causes {
            h.elem("li", &[], text::cause(*cause, lang));
        }
        h.close("ul");
    }
    h.elem(
        "h4",
        &[("class", "lm-finding__label")],
        t(Msg::RecommendedAction),
    )
    .elem("p", &[], text::action(finding.kind, lang))
    .close("div");
    if let Some(svg) = chart::sparkline(&finding.series, lang) {
        h.trusted(&svg);
    }
    h.close("div").close("li");
}

fn profile_name(ws: &Workspace, id: &ProfileId) -> String {
    ws.profile(id)
        .map(Profile::display_name)
        .unwrap_or_else(|| id.0.clone())
}

fn platform_of(ws: &Workspace, id: &ProfileId) -> &'static str {
    ws.profile(id).map_or("", |p| p.platform.name())
}

fn scores(h: &mut Html, ws: &Workspace, audit: &Audit, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let cells: Vec<Vec<String>> = audit
        .scores
        .iter()
        .map(|score| {
            let mut row = vec![
                format!(
                    "{} · {}",
                    profile_name(ws, &score.profile),
                    platform_of(ws, &score.profile)
                ),
                lang.number(score.score, 0),
            ];
            row.extend(WEIGHTS.iter().map(|(part, _)| {
                score
                    .parts
                    .iter()
                    .find(|(p, _)| p == part)
                    .map(|(_, v)| lang.number(*v, 0))
                    .unwrap_or_else(|| "–".into())
            }));
            row
        })
        .collect();
    let mut headers = vec![(t(Msg::ColProfile), false), (t(Msg::ColScore), true)];
    headers.extend(
        WEIGHTS
            .iter()
            .map(|(part, _)| (text::part(*part, lang), true)),
    );
    wrapped(
        h,
        &Table {
            testid: "audit-scores",
            class: "lm-table",
            caption: None,
            headers: &headers,
            rows: audit
                .scores
                .iter()
                .zip(&cells)
                .map(|(score, cells)| Row {
                    attrs: vec![
                        ("data-testid", "audit-profile-score".into()),
                        ("data-profile", score.profile.0.clone()),
                    ],
                    cells,
                })
                .collect(),
        },
    );
}

fn channels(h: &mut Html, audit: &Audit, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let cells: Vec<Vec<String>> = audit
        .channels
        .iter()
        .map(|c| {
            vec![
                c.platform.name().to_owned(),
                lang.count(c.posts as f64),
                lang.number(c.per_post, 1),
                lang.percent(c.share_of_posts, 1),
                lang.percent(c.share_of_engagement, 1),
            ]
        })
        .collect();
    wrapped(
        h,
        &Table {
            testid: "audit-channels",
            class: "lm-table",
            caption: None,
            headers: &[
                (t(Msg::ColChannel), false),
                (t(Msg::ColPosts), true),
                (t(Msg::ColPerPost), true),
                (t(Msg::ColShareOfPosts), true),
                (t(Msg::ColShareOfEngagement), true),
            ],
            rows: audit
                .channels
                .iter()
                .zip(&cells)
                .map(|(c, cells)| Row {
                    attrs: vec![
                        ("data-testid", "audit-channel".into()),
                        ("data-platform", c.platform.slug().into()),
                    ],
                    cells,
                })
                .collect(),
        },
    );
}

fn inventory(h: &mut Html, ws: &Workspace, audit: &Audit, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    let cells: Vec<Vec<String>> = audit
        .inventory
        .iter()
        .map(|row| {
            let coverage = match (row.first_day, row.last_day) {
                (Some(from), Some(to)) => fill(
                    t(Msg::CoverageRange),
                    &[("from", &lang.date(from)), ("to", &lang.date(to))],
                ),
                _ => t(Msg::NoData).to_owned(),
            };
            let status = match (row.last_day, row.stale) {
                (None, _) => t(Msg::StatusEmpty),
                (Some(_), true) => t(Msg::StatusStale),
                (Some(_), false) => t(Msg::StatusCurrent),
            };
            let name = name_with_side(ws, &row.profile, row.competitor, lang);
            vec![
                name,
                row.platform.name().to_owned(),
                row.sub_brand
                    .clone()
                    .or_else(|| row.region.clone())
                    .unwrap_or_else(|| "—".into()),
                lang.count(row.posts as f64),
                coverage,
                status.into(),
                row.metrics
                    .iter()
                    .map(|m| text::metric(*m, lang))
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    wrapped(
        h,
        &Table {
            testid: "inventory",
            class: "lm-table",
            caption: None,
            headers: &[
                (t(Msg::ColProfile), false),
                (t(Msg::ColPlatform), false),
                (t(Msg::ColRegion), false),
                (t(Msg::ColPosts), true),
                (t(Msg::ColCoverage), false),
                (t(Msg::ColStatus), false),
                (t(Msg::ColMetrics), false),
            ],
            rows: audit
                .inventory
                .iter()
                .zip(&cells)
                .map(|(row, cells)| Row {
                    attrs: vec![
                        ("data-testid", "inventory-row".into()),
                        ("data-profile", row.profile.0.clone()),
                        ("data-stale", row.stale.to_string()),
                    ],
                    cells,
                })
                .collect(),
        },
    );
}

/// A profile's name, marked when it is a competitor's.
fn name_with_side(ws: &Workspace, id: &ProfileId, competitor: bool, lang: Lang) -> String {
    let name = profile_name(ws, id);
    if competitor {
        format!("{name} · {}", Msg::Competitor.text(lang))
    } else {
        name
    }
}

/// Own and competitor profiles side by side, per platform that has a competitor, with the
/// benchmarks entered for that platform.
fn competitors(h: &mut Html, ws: &Workspace, audit: &Audit, lang: Lang) {
    let t = |m: Msg| m.text(lang);
    // Platforms with a competitor or a benchmark (one for any platform counts for all).
    let any_platform = ws.benchmarks.iter().any(|b| b.platform.is_none());
    let platforms: Vec<Platform> = {
        let mut p: Vec<Platform> = ws
            .profiles
            .iter()
            .filter(|p| p.platform != Platform::Web && (p.competitor || any_platform))
            .map(|p| p.platform)
            .chain(ws.benchmarks.iter().filter_map(|b| b.platform))
            .chain(
                ws.period_totals
                    .iter()
                    .filter_map(|t| ws.profile(&t.profile).map(|p| p.platform)),
            )
            .collect();
        p.sort_by_key(|p| p.slug());
        p.dedup();
        p
    };
    if platforms.is_empty() {
        h.elem(
            "p",
            &[("class", "lm-empty"), ("data-testid", "no-competitors")],
            t(Msg::NoCompetitors),
        );
        return;
    }
    let dash = || "–".to_owned();
    let totals = crate::domain::metrics::latest_totals(ws);
    let mut cells: Vec<(Attrs, Vec<String>)> = Vec::new();
    for platform in &platforms {
        for m in audit.metrics.iter().filter(|m| m.platform == *platform) {
            let Some(profile) = ws.profile(&m.profile) else {
                continue;
            };
            // A profile known only from an export's totals has nothing in the audit's window.
            if m.posts == 0
                && m.followers_end.is_none()
                && totals.iter().any(|t| t.profile == m.profile)
            {
                continue;
            }
            let name = name_with_side(ws, &m.profile, profile.competitor, lang);
            let rate = m
                .engagement_rate
                .map(|r| {
                    let base = text::fact_measure_name(r.base, lang);
                    format!("{} ({base})", lang.percent(r.value, 2))
                })
                .unwrap_or_else(dash);
            cells.push((
                vec![
                    ("data-testid", "competitor-row".into()),
                    ("data-profile", m.profile.0.clone()),
                    ("data-competitor", profile.competitor.to_string()),
                ],
                vec![
                    name,
                    platform.name().into(),
                    m.followers_end
                        .map(|f| lang.count(f.value))
                        .unwrap_or_else(dash),
                    m.follower_growth_rate
                        .map(|g| text::signed_change(g, lang))
                        .unwrap_or_else(dash),
                    lang.number(m.posts_per_day * 7.0, 1),
                    if m.posts > 0 {
                        lang.number(m.engagement / m.posts as f64, 1)
                    } else {
                        dash()
                    },
                    rate,
                ],
            ));
        }
        for total in &totals {
            let Some(profile) = ws
                .profile(&total.profile)
                .filter(|p| p.platform == *platform)
            else {
                continue;
            };
            let name = name_with_side(ws, &total.profile, profile.competitor, lang);
            let name = format!(
                "{name} ({})",
                crate::i18n::fill(
                    t(Msg::TotalsFromExport),
                    &[
                        ("from", &lang.date(total.period.start)),
                        ("to", &lang.date(total.period.end)),
                    ],
                )
            );
            let f = crate::domain::metrics::totals_figures(total);
            let base = text::fact_measure_name(crate::domain::metrics::RateBase::Followers, lang);
            cells.push((
                vec![
                    ("data-testid", "competitor-totals-row".into()),
                    ("data-profile", total.profile.0.clone()),
                    ("data-competitor", profile.competitor.to_string()),
                ],
                vec![
                    name,
                    platform.name().into(),
                    f.followers_end.map(|v| lang.count(v)).unwrap_or_else(dash),
                    f.growth_rate
                        .map(|g| text::signed_change(g, lang))
                        .unwrap_or_else(dash),
                    f.posts_per_week
                        .map(|v| lang.number(v, 1))
                        .unwrap_or_else(dash),
                    f.per_post.map(|v| lang.number(v, 1)).unwrap_or_else(dash),
                    f.rate_by_followers
                        .map(|r| format!("{} ({base})", lang.percent(r, 2)))
                        .unwrap_or_else(dash),
                ],
            ));
        }
        for b in ws
            .benchmarks
            .iter()
            .filter(|b| b.platform.is_none_or(|p| p == *platform))
        {
            let label = super::benchmark_name(b, lang);
            let rate = if b.metric == crate::domain::metrics::BENCHMARK_RATE_REACH {
                format!(
                    "{} ({})",
                    lang.percent(b.value, 2),
                    text::fact_measure_name(crate::domain::metrics::RateBase::Reach, lang)
                )
            } else {
                let (metric, value) = super::benchmark_metric(&b.metric, b.value, lang);
                format!("{metric}: {value}")
            };
            cells.push((
                vec![("data-testid", "benchmark-row".into())],
                vec![
                    label,
                    platform.name().into(),
                    dash(),
                    dash(),
                    dash(),
                    dash(),
                    rate,
                ],
            ));
        }
    }
    wrapped(
        h,
        &Table {
            testid: "competitors",
            class: "lm-table",
            caption: None,
            headers: &[
                (t(Msg::ColProfile), false),
                (t(Msg::ColPlatform), false),
                (t(Msg::ColFollowersEnd), true),
                (t(Msg::ColGrowthRate), true),
                (t(Msg::ColPostsPerWeek), true),
                (t(Msg::ColPerPost), true),
                (t(Msg::ColRate), true),
            ],
            rows: cells
                .iter()
                .map(|(attrs, cells)| Row {
                    attrs: attrs.clone(),
                    cells,
                })
                .collect(),
        },
    );
}

/// Platform choice: one card per platform with its verdict and the six answers.
fn platforms(h: &mut Html, audit: &Audit, lang: Lang) {
    use crate::domain::platforms::{Question, Source, Verdict};
    let t = |m: Msg| m.text(lang);
    let question = |q: Question| match q {
        Question::GoalFit => t(Msg::QGoalFit),
        Question::Efficiency => t(Msg::QEfficiency),
        Question::DemographicMatch => t(Msg::QDemographicMatch),
        Question::AudiencePresence => t(Msg::QAudiencePresence),
        Question::Competition => t(Msg::QCompetition),
        Question::CompetitorPresence => t(Msg::QCompetitorPresence),
    };
    h.open("ul", &[("class", "lm-platform-cards")]);
    for rec in &audit.platforms {
        let (verdict, slug) = match rec.verdict {
            Verdict::Invest => (t(Msg::VerdictInvest), "invest"),
            Verdict::Maintain => (t(Msg::VerdictMaintain), "maintain"),
            Verdict::Reduce => (t(Msg::VerdictReduce), "reduce"),
            Verdict::Undecided => (t(Msg::VerdictUndecided), "undecided"),
        };
        let class = format!("lm-verdict lm-verdict--{slug}");
        h.open(
            "li",
            &[
                ("class", "lm-platform-card"),
                ("data-testid", "platform-choice"),
                ("data-platform", rec.platform.slug()),
                ("data-verdict", slug),
            ],
        );
        h.open("div", &[("class", "lm-finding__head")])
            .elem("h3", &[("class", "lm-finding__title")], rec.platform.name())
            .elem("span", &[("class", &class)], verdict);
        if let Some(mean) = rec.mean {
            h.elem(
                "span",
                &[("class", "lm-score__scale")],
                &format!("{} / 5", lang.number(mean, 1)),
            );
        }
        h.close("div").open("ul", &[("class", "lm-answers")]);
        let note = |h: &mut Html, q: Question| {
            if let Some((_, text)) = rec.notes.iter().find(|(n, _)| *n == q) {
                h.elem(
                    "span",
                    &[
                        ("class", "lm-answers__note"),
                        ("data-testid", "assessment-note"),
                    ],
                    &format!("{}: {text}", t(Msg::AssessmentNote)),
                );
            }
        };
        for a in &rec.answers {
            let source = match a.source {
                Source::Data => t(Msg::SourceData),
                Source::RuleOfThumb => t(Msg::SourceRule),
                Source::User => t(Msg::SourceUser),
            };
            h.open("li", &[])
                .elem("span", &[("class", "lm-answers__q")], question(a.question))
                .elem("strong", &[], &format!("{} / 5", a.score))
                .elem("span", &[("class", "lm-answers__source")], source);
            note(h, a.question);
            h.close("li");
        }
        for q in &rec.open {
            h.open("li", &[("class", "lm-answers__open")])
                .elem("span", &[("class", "lm-answers__q")], question(*q))
                .elem("strong", &[], "–")
                .elem(
                    "span",
                    &[("class", "lm-answers__source")],
                    t(Msg::OpenQuestion),
                );
            note(h, *q);
            h.close("li");
        }
        h.close("ul").close("li");
    }
    h.close("ul");
}
