//! The audit page: the overall score and its weights, the findings (most serious first, each with
//! evidence, likely causes, an action and a small chart), scores by profile, the channel
//! comparison and the inventory of every profile with its data coverage.

use leptos::prelude::*;

use crate::app::browser::Timing;
use crate::app::state::use_app;
use crate::domain::audit::{self, Audit, Finding, WEIGHTS, text};
use crate::domain::Workspace;
use crate::i18n::{Lang, Msg, fill};
use crate::ui::components::{Definition, EmptyWorkspace, Sparkline};

#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    // Recomputed only when the workspace changes; the language only changes the words.
    let audit = Memo::new(move |_| {
        state.workspace.with(|w| {
            let ws = w.as_ref()?;
            let timing = Timing::start("audit:run");
            let audit = audit::run(ws, audit::WINDOW_DAYS);
            timing.end(ws.posts.len() + ws.daily.len() + ws.messages.len());
            audit
        })
    });
    view! {
        <section class="lm-page" data-testid="audit">
            <h1 class="lm-page__title">{move || state.t(Msg::AuditTitle)}</h1>
            {move || {
                let lang = state.lang.get();
                state.workspace.with(|w| match (w, audit.get()) {
                    (None, _) => view! { <p class="lm-loading" role="status">{Msg::Loading.text(lang)}</p> }.into_any(),
                    (Some(ws), _) if ws.is_empty() => view! { <EmptyWorkspace/> }.into_any(),
                    (Some(_), None) => view! { <p class="lm-empty">{Msg::AuditEmpty.text(lang)}</p> }.into_any(),
                    (Some(ws), Some(audit)) => audit_view(ws, &audit, lang).into_any(),
                })
            }}
        </section>
    }
}

fn audit_view(ws: &Workspace, audit: &Audit, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
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
    let findings = if audit.findings.is_empty() {
        view! { <p class="lm-empty" data-testid="no-findings">{t(Msg::AuditNoFindings)}</p> }.into_any()
    } else {
        view! {
            <ol class="lm-findings">
                {audit.findings.iter().map(|f| finding_view(ws, f, lang)).collect_view()}
            </ol>
        }
        .into_any()
    };
    view! {
        <p class="lm-lead">{window}</p>
        <div class="lm-audit-head">
            <div class="lm-score" data-testid="audit-score">
                <span class="lm-kpi__label">{t(Msg::AuditOverall)} <Definition msg=Msg::DefAuditScore/></span>
                <span class="lm-score__value" data-testid="audit-overall">
                    {audit.overall.map(|s| lang.number(s, 0)).unwrap_or_else(|| "–".into())}
                </span>
                <span class="lm-score__scale">"/ 100"</span>
            </div>
            <table class="lm-table lm-table--compact" data-testid="audit-weights">
                <caption>{t(Msg::AuditWeights)}</caption>
                <thead><tr><th scope="col">{t(Msg::ColPart)}</th><th scope="col" class="lm-num">{t(Msg::ColWeight)}</th></tr></thead>
                <tbody>
                    {WEIGHTS.iter().map(|(part, weight)| view! {
                        <tr><td>{text::part(*part, lang)}</td><td class="lm-num">{lang.number(*weight, 0)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2 class="lm-section-title">{t(Msg::AuditFindings)}</h2>
        {findings}
        <h2 class="lm-section-title">{t(Msg::AuditScores)}</h2>
        {scores_view(ws, audit, lang)}
        <h2 class="lm-section-title">{t(Msg::AuditChannels)} <Definition msg=Msg::DefChannels/></h2>
        {channels_view(audit, lang)}
        <h2 class="lm-section-title">{t(Msg::AuditInventory)}</h2>
        {inventory_view(ws, audit, lang)}
    }
}

fn finding_view(ws: &Workspace, finding: &Finding, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
    let level = finding.level.slug();
    let profile = finding
        .profile
        .as_ref()
        .map(|p| p.0.clone())
        .or_else(|| finding.platform.map(|p| p.slug().to_owned()))
        .unwrap_or_default();
    let causes = (!finding.causes.is_empty()).then(|| {
        view! {
            <h4 class="lm-finding__label">{t(Msg::LikelyCauses)}</h4>
            <ul>{finding.causes.iter().map(|c| view! { <li>{text::cause(*c, lang)}</li> }).collect_view()}</ul>
        }
    });
    view! {
        <li class=format!("lm-finding lm-finding--{level}") data-testid="finding"
            data-severity=level data-profile=profile data-kind=finding.kind.slug()>
            <div class="lm-finding__head">
                <span class=format!("lm-severity lm-severity--{level}")>{text::level(finding.level, lang)}</span>
                <h3 class="lm-finding__title">{text::title(finding, ws, lang)}</h3>
            </div>
            <div class="lm-finding__body">
                <div>
                    <h4 class="lm-finding__label">{t(Msg::Evidence)}</h4>
                    <ul>{finding.evidence.iter().map(|f| view! { <li>{text::fact(f, lang)}</li> }).collect_view()}</ul>
                    {causes}
                    <h4 class="lm-finding__label">{t(Msg::RecommendedAction)}</h4>
                    <p>{text::action(finding.kind, lang)}</p>
                </div>
                <Sparkline series=finding.series.clone() lang=lang/>
            </div>
        </li>
    }
}

fn profile_name(ws: &Workspace, id: &crate::domain::ProfileId) -> String {
    ws.profile(id)
        .map(|p| match &p.region {
            Some(region) if !p.name.contains(region.as_str()) => format!("{} ({region})", p.name),
            _ => p.name.clone(),
        })
        .unwrap_or_else(|| id.0.clone())
}

fn scores_view(ws: &Workspace, audit: &Audit, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
    let rows = audit
        .scores
        .iter()
        .map(|score| {
            let platform = ws.profile(&score.profile).map(|p| p.platform);
            let cells = WEIGHTS
                .iter()
                .map(|(part, _)| {
                    let value = score
                        .parts
                        .iter()
                        .find(|(p, _)| p == part)
                        .map(|(_, v)| lang.number(*v, 0))
                        .unwrap_or_else(|| "–".into());
                    view! { <td class="lm-num">{value}</td> }
                })
                .collect_view();
            view! {
                <tr data-testid="audit-profile-score" data-profile=score.profile.0.clone()>
                    <th scope="row">{profile_name(ws, &score.profile)} " " {platform.map(|p| view! {
                        <span class=format!("lm-platform lm-platform--{}", p.slug())>{p.name()}</span>
                    })}</th>
                    <td class="lm-num"><strong>{lang.number(score.score, 0)}</strong></td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="lm-table-wrap">
            <table class="lm-table">
                <thead><tr>
                    <th scope="col">{t(Msg::ColProfile)}</th>
                    <th scope="col" class="lm-num">{t(Msg::ColScore)}</th>
                    {WEIGHTS.iter().map(|(part, _)| view! { <th scope="col" class="lm-num">{text::part(*part, lang)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn channels_view(audit: &Audit, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
    let rows = audit
        .channels
        .iter()
        .map(|c| {
            view! {
                <tr data-testid="audit-channel" data-platform=c.platform.slug()>
                    <th scope="row">{c.platform.name()}</th>
                    <td class="lm-num">{lang.count(c.posts as f64)}</td>
                    <td class="lm-num">{lang.number(c.per_post, 1)}</td>
                    <td class="lm-num">{lang.percent(c.share_of_posts, 1)}</td>
                    <td class="lm-num">{lang.percent(c.share_of_engagement, 1)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="lm-table-wrap">
            <table class="lm-table">
                <thead><tr>
                    <th scope="col">{t(Msg::ColChannel)}</th>
                    <th scope="col" class="lm-num">{t(Msg::ColPosts)}</th>
                    <th scope="col" class="lm-num">{t(Msg::ColPerPost)} <Definition msg=Msg::DefEngagement/></th>
                    <th scope="col" class="lm-num">{t(Msg::ColShareOfPosts)}</th>
                    <th scope="col" class="lm-num">{t(Msg::ColShareOfEngagement)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn inventory_view(ws: &Workspace, audit: &Audit, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
    let rows = audit
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
            let (status, class) = match (row.last_day, row.stale) {
                (None, _) => (t(Msg::StatusEmpty), "lm-status lm-status--empty"),
                (Some(_), true) => (t(Msg::StatusStale), "lm-status lm-status--stale"),
                (Some(_), false) => (t(Msg::StatusCurrent), "lm-status lm-status--ok"),
            };
            let metrics = row
                .metrics
                .iter()
                .map(|m| text::metric(*m, lang))
                .collect::<Vec<_>>()
                .join(", ");
            let where_ = row
                .sub_brand
                .clone()
                .or_else(|| row.region.clone())
                .unwrap_or_else(|| "—".into());
            view! {
                <tr data-testid="inventory-row" data-profile=row.profile.0.clone() data-stale=row.stale.to_string()>
                    <th scope="row">
                        {profile_name(ws, &row.profile)}
                        {row.competitor.then(|| view! { <span class="lm-badge">{t(Msg::Competitor)}</span> })}
                    </th>
                    <td><span class=format!("lm-platform lm-platform--{}", row.platform.slug())>{row.platform.name()}</span></td>
                    <td>{where_}</td>
                    <td class="lm-num">{lang.count(row.posts as f64)}</td>
                    <td class="lm-coverage">{coverage}</td>
                    <td><span class=class>{status}</span></td>
                    <td class="lm-metrics-list">{metrics}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="lm-table-wrap">
            <table class="lm-table" data-testid="inventory">
                <thead><tr>
                    <th scope="col">{t(Msg::ColProfile)}</th>
                    <th scope="col">{t(Msg::ColPlatform)}</th>
                    <th scope="col">{t(Msg::ColRegion)}</th>
                    <th scope="col" class="lm-num">{t(Msg::ColPosts)}</th>
                    <th scope="col">{t(Msg::ColCoverage)}</th>
                    <th scope="col">{t(Msg::ColStatus)}</th>
                    <th scope="col">{t(Msg::ColMetrics)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
