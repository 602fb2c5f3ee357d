//! Home: the workspace overview — key figures and every profile with what its data holds.

use leptos::prelude::*;
use leptos_router::hooks::query_signal;

use crate::app::state::use_app;
use wasm_bindgen::JsCast;

use crate::domain::dashboard::{PERIODS, Query};
use crate::domain::metrics::PostOrder;
use crate::domain::overview::{self, ProfileOverview};
use crate::domain::{PlanStatus, Platform, Profile, ProfileId, Workspace};
use crate::i18n::{Lang, Msg, fill};
use crate::ui::components::{Definition, EmptyWorkspace, EngineView, SelectField};
use crate::worker::protocol::ViewKind;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="lm-page" data-testid="home">
            {move || state.workspace.with(|w| match w {
                None => view! { <p class="lm-loading" role="status">{state.t(Msg::Loading)}</p> }.into_any(),
                Some(ws) if ws.is_empty() => view! { <EmptyWorkspace/> }.into_any(),
                Some(ws) => overview_view(ws, state.lang.get()).into_any(),
            })}
            {move || state.workspace.with(|w| w.as_ref().is_some_and(|w| !w.is_empty()))
                .then(|| view! { <DashboardSection/> })}
        </section>
    }
}

/// The dashboard of the chosen platform and period (both kept in the URL: `?days=90&platform=x`),
/// computed by the engine.
#[component]
fn DashboardSection() -> impl IntoView {
    let state = use_app();
    let (days, set_days) = query_signal::<i64>("days");
    let (platform, set_platform) = query_signal::<String>("platform");
    let (profile, set_profile) = query_signal::<String>("profile");
    let (order, set_order) = query_signal::<String>("order");
    let query = Memo::new(move |_| Query {
        days: days.get().filter(|d| PERIODS.contains(d)).unwrap_or(30),
        platform: platform.get().and_then(|p| Platform::from_slug(&p)),
        profile: profile.get().map(ProfileId::from),
        order: order
            .get()
            .and_then(|o| PostOrder::from_slug(&o))
            .unwrap_or_default(),
    });
    // The posts table's column headers are buttons in the engine's markup: a click puts the
    // order they name into the URL.
    let on_sort = move |ev: leptos::ev::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button.lm-sort[data-order]").ok().flatten());
        if let Some(slug) = button.and_then(|b| b.get_attribute("data-order")) {
            set_order.set((slug != PostOrder::default().slug()).then_some(slug));
        }
    };
    let own_profiles = move || {
        state.workspace.with(|w| {
            w.iter()
                .flat_map(|w| w.profiles.iter())
                .filter(|p| !p.competitor && p.platform != Platform::Web)
                .filter(|p| query.with(|q| q.platform.is_none_or(|q| q == p.platform)))
                .map(|p| {
                    let label = format!("{} · {}", p.display_name(), p.platform.name());
                    (p.id.0.clone(), label)
                })
                .collect::<Vec<_>>()
        })
    };
    let platforms = move || {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.own_platforms()).unwrap_or_default())
    };
    view! {
        <h2 class="lm-section-title">{move || state.t(Msg::DashTitle)}</h2>
        <div class="lm-filters" data-testid="dash-filters">
            <SelectField label=Msg::FilterPeriod testid="dash-period-select"
                options=Signal::derive(move || {
                    let lang = state.lang.get();
                    PERIODS.iter().map(|d| (d.to_string(), fill(Msg::DaysN.text(lang), &[("n", &d.to_string())]))).collect()
                })
                selected=Signal::derive(move || query.get().days.to_string())
                on_change=Callback::new(move |v: String| set_days.set(v.parse().ok()))/>
            <SelectField label=Msg::FilterPlatform testid="dash-platform-select"
                options=Signal::derive(move || {
                    std::iter::once((String::new(), state.t(Msg::AllPlatforms).to_owned()))
                        .chain(platforms().into_iter().map(|p| (p.slug().to_owned(), p.name().to_owned())))
                        .collect()
                })
                selected=Signal::derive(move || query.get().platform.map(|p| p.slug().to_owned()).unwrap_or_default())
                on_change=Callback::new(move |v: String| {
                    set_profile.set(None);
                    set_platform.set((!v.is_empty()).then_some(v));
                })/>
            <SelectField label=Msg::FilterProfile testid="dash-profile-select"
                options=Signal::derive(move || {
                    std::iter::once((String::new(), state.t(Msg::AllProfiles).to_owned()))
                        .chain(own_profiles())
                        .collect()
                })
                selected=Signal::derive(move || query.get().profile.map(|p| p.0).unwrap_or_default())
                on_change=Callback::new(move |v: String| set_profile.set((!v.is_empty()).then_some(v)))/>
        </div>
        <div on:click=on_sort>
            <EngineView view=Signal::derive(move || ViewKind::Dashboard(query.get()))
                computing=Msg::DashComputing empty=Msg::DashEmpty class="lm-dashboard"/>
        </div>
    }
}

fn overview_view(ws: &Workspace, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
    let rows = overview::profiles(ws);
    let own: Vec<&ProfileOverview> = rows
        .iter()
        .filter(|r| ws.profile(&r.profile).is_some_and(|p| !p.competitor))
        .collect();
    let followers: f64 = own.iter().filter_map(|r| r.followers).sum();
    let engagement: f64 = own.iter().map(|r| r.engagement_30d).sum();
    let planned = ws
        .plan
        .iter()
        .filter(|p| p.status != PlanStatus::Published && p.status != PlanStatus::Rejected)
        .count();
    let kpis = [
        (
            "profiles",
            Msg::KpiProfiles,
            lang.count(ws.profiles.len() as f64),
            None,
        ),
        (
            "posts",
            Msg::KpiPosts,
            lang.count(ws.posts.len() as f64),
            None,
        ),
        (
            "followers",
            Msg::KpiFollowers,
            lang.compact(followers),
            Some(Msg::DefFollowers),
        ),
        (
            "engagement",
            Msg::KpiEngagement30,
            lang.compact(engagement),
            Some(Msg::DefEngagement),
        ),
        ("planned", Msg::KpiPlanned, lang.count(planned as f64), None),
        (
            "audience",
            Msg::KpiAudience,
            lang.count(ws.audience_members.len() as f64),
            None,
        ),
    ];
    let table_rows = rows
        .iter()
        .filter_map(|row| ws.profile(&row.profile).map(|p| profile_row(p, row, lang)))
        .collect_view();
    view! {
        <h1 class="lm-page__title">{t(Msg::HomeTitle)}</h1>
        <ul class="lm-kpis">
            {kpis.into_iter().map(|(id, label, value, def)| view! {
                <li class="lm-kpi" data-kpi=id>
                    <span class="lm-kpi__label">{t(label)} {def.map(|d| view! { <Definition msg=d/> })}</span>
                    <span class="lm-kpi__value" data-testid=format!("kpi-{id}")>{value}</span>
                </li>
            }).collect_view()}
        </ul>
        <h2 class="lm-section-title">{t(Msg::ProfilesTitle)}</h2>
        <div class="lm-table-wrap">
            <table class="lm-table" data-testid="profiles-table">
                <thead>
                    <tr>
                        <th scope="col">{t(Msg::ColProfile)}</th>
                        <th scope="col">{t(Msg::ColPlatform)}</th>
                        <th scope="col">{t(Msg::ColRegion)}</th>
                        <th scope="col" class="lm-num">{t(Msg::ColPosts30)} <Definition msg=Msg::DefPosts30/></th>
                        <th scope="col" class="lm-num">{t(Msg::ColFollowers)}</th>
                        <th scope="col" class="lm-num">{t(Msg::ColEngagement30)}</th>
                        <th scope="col" class="lm-num">{t(Msg::ColRateReach)} <Definition msg=Msg::DefEngagementRate/></th>
                        <th scope="col">{t(Msg::ColCoverage)}</th>
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </div>
    }
}

fn profile_row(profile: &Profile, row: &ProfileOverview, lang: Lang) -> impl IntoView + use<> {
    let t = |m: Msg| m.text(lang);
    let region = profile
        .sub_brand
        .clone()
        .map(|s| format!("{} ({s})", t(Msg::ColSubBrand)))
        .or_else(|| profile.region.clone())
        .unwrap_or_else(|| "—".into());
    let coverage = match (row.first_day, row.last_day) {
        (Some(from), Some(to)) => fill(
            t(Msg::CoverageRange),
            &[("from", &lang.date(from)), ("to", &lang.date(to))],
        ),
        _ => t(Msg::NoData).to_owned(),
    };
    let dash = || "—".to_owned();
    let platform = profile.platform;
    view! {
        <tr data-testid="profile-row" data-profile=profile.id.0.clone() data-platform=platform.slug()>
            <th scope="row">
                <span class="lm-profile-name">{profile.name.clone()}</span>
                <span class="lm-handle">{handle(platform, &profile.handle)}</span>
                {profile.competitor.then(|| view! { <span class="lm-badge">{t(Msg::Competitor)}</span> })}
            </th>
            <td><span class=format!("lm-platform lm-platform--{}", platform.slug())>{platform.name()}</span></td>
            <td>{region}</td>
            <td class="lm-num">{lang.count(row.posts_30d as f64)}</td>
            <td class="lm-num">{row.followers.map(|f| lang.count(f)).unwrap_or_else(dash)}</td>
            <td class="lm-num">{lang.count(row.engagement_30d)}</td>
            <td class="lm-num">{row.engagement_rate_reach.map(|r| lang.percent(r, 1)).unwrap_or_else(dash)}</td>
            <td class="lm-coverage">{coverage}</td>
        </tr>
    }
}

fn handle(platform: Platform, handle: &str) -> String {
    match platform {
        Platform::Web | Platform::YouTube | Platform::Facebook | Platform::LinkedIn => {
            handle.into()
        }
        _ => format!("@{handle}"),
    }
}
