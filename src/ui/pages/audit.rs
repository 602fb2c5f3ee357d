//! The audit page. The engine worker computes the audit (`audit:run` measure) and writes it with
//! [`crate::present::audit`], the same text a report carries; the page inserts the fragment.

use leptos::prelude::*;

use crate::app::actions;
use crate::app::state::use_app;
use crate::domain::metrics::BENCHMARK_RATE_REACH;
use crate::domain::{Benchmark, BenchmarkScope, Period, Platform, PlatformAssessment, tz};
use crate::i18n::Msg;
use crate::ui::components::{EmptyWorkspace, EngineView};
use crate::worker::protocol::ViewKind;

#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="lm-page" data-testid="audit">
            <h1 class="lm-page__title">{move || state.t(Msg::AuditTitle)}</h1>
            {move || match state.workspace.with(|w| w.as_ref().map(|w| w.is_empty())) {
                None => view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> }.into_any(),
                Some(true) => view! { <EmptyWorkspace/> }.into_any(),
                Some(false) => view! {
                    <EngineView view=Signal::stored(ViewKind::Audit) computing=Msg::AuditComputing
                        empty=Msg::AuditEmpty class="lm-audit"/>
                    <AssessmentForm/>
                    <BenchmarkForm/>
                }.into_any(),
            }}
        </section>
    }
}

/// The user's answers to the platform-choice questions: per platform, each question answered
/// 0–5 or left to the data ("auto"). Saving recomputes the audit.
#[component]
fn AssessmentForm() -> impl IntoView {
    let state = use_app();
    let platforms = move || {
        state.workspace.with(|w| {
            let mut found: Vec<Platform> = w
                .iter()
                .flat_map(|w| w.profiles.iter())
                .filter(|p| !p.competitor && p.platform != Platform::Web)
                .map(|p| p.platform)
                .collect();
            found.sort();
            found.dedup();
            found
        })
    };
    let platform = RwSignal::new(None::<Platform>);
    let answers = RwSignal::new([None::<u8>; 6]);
    // Show the saved answers of the chosen platform.
    Effect::new(move || {
        let chosen = platform.get().or_else(|| platforms().first().copied());
        let saved = state.workspace.with_untracked(|w| {
            w.as_ref().and_then(|w| {
                w.assessments
                    .iter()
                    .find(|a| Some(a.platform) == chosen)
                    .map(|a| a.answers)
            })
        });
        answers.set(saved.unwrap_or([None; 6]));
    });
    let questions = [
        Msg::QGoalFit,
        Msg::QEfficiency,
        Msg::QDemographicMatch,
        Msg::QAudiencePresence,
        Msg::QCompetition,
        Msg::QCompetitorPresence,
    ];
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = platform
            .get_untracked()
            .or_else(|| platforms().first().copied())
        else {
            return;
        };
        let notes = state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| w.assessments.iter().find(|a| a.platform == chosen))
                .map(|a| a.notes.clone())
                .unwrap_or_default()
        });
        actions::save_assessment(
            state,
            PlatformAssessment {
                platform: chosen,
                answers: answers.get_untracked(),
                notes,
            },
        );
    };
    view! {
        <form class="lm-card lm-form" data-testid="assessment-form" on:submit=submit>
            <h2 class="lm-card__title">{move || state.t(Msg::AssessmentTitle)}</h2>
            <p>{move || state.t(Msg::AssessmentHelp)}</p>
            <label class="lm-field">
                <span class="lm-field__label">{move || state.t(Msg::FilterPlatform)}</span>
                <select class="lm-input" data-testid="assessment-platform"
                    on:change=move |ev| platform.set(Platform::from_slug(&event_target_value(&ev)))>
                    {move || platforms().into_iter().map(|p| view! {
                        <option value=p.slug() selected=move || platform.get() == Some(p)>{p.name()}</option>
                    }).collect_view()}
                </select>
            </label>
            {questions.into_iter().enumerate().map(|(i, q)| view! {
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(q)}</span>
                    <select class="lm-input" data-testid=format!("assessment-q{i}")
                        on:change=move |ev| {
                            let value = event_target_value(&ev).parse::<u8>().ok();
                            answers.update(|a| a[i] = value);
                        }>
                        <option value="" selected=move || answers.get()[i].is_none()>{move || state.t(Msg::AnswerAuto)}</option>
                        {(0..=5u8).map(|n| view! {
                            <option value=n.to_string() selected=move || answers.get()[i] == Some(n)>{n}</option>
                        }).collect_view()}
                    </select>
                </label>
            }).collect_view()}
            <button class="lm-button lm-button--primary" type="submit" data-testid="assessment-save">
                {move || state.t(Msg::Save)}
            </button>
        </form>
    }
}

/// Benchmarks of the industry, region or country: an engagement rate by reach per platform (or
/// any platform), listed with a remove button (which asks first).
#[component]
fn BenchmarkForm() -> impl IntoView {
    let state = use_app();
    let scope = RwSignal::new(BenchmarkScope::Industry);
    let label = RwSignal::new(String::new());
    let platform = RwSignal::new(None::<Platform>);
    let value = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let name = label.get_untracked().trim().to_owned();
        let percent = value
            .get_untracked()
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok();
        let Some(percent) = percent.filter(|v| (0.0..=100.0).contains(v) && !name.is_empty())
        else {
            state.error(Msg::BenchmarkInvalid.text(lang).into());
            return;
        };
        let Some(zone) = state
            .workspace
            .with_untracked(|w| w.as_ref().map(|w| w.info.time_zone.clone()))
        else {
            return;
        };
        let today = tz::today(crate::app::browser::now_millis(), &zone);
        actions::save_benchmark(
            state,
            Benchmark {
                scope: scope.get_untracked(),
                label: name,
                platform: platform.get_untracked(),
                metric: BENCHMARK_RATE_REACH.into(),
                period: Period::ending(today, 365),
                value: percent / 100.0,
            },
            false,
        );
        label.set(String::new());
        value.set(String::new());
    };
    let scopes = [
        (BenchmarkScope::Industry, "industry", Msg::ScopeIndustry),
        (BenchmarkScope::Region, "region", Msg::ScopeRegion),
        (BenchmarkScope::Country, "country", Msg::ScopeCountry),
    ];
    let listed = move || {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.benchmarks.clone()).unwrap_or_default())
    };
    view! {
        <section class="lm-card" data-testid="benchmarks">
            <h2 class="lm-card__title">{move || state.t(Msg::BenchmarksTitle)}</h2>
            <p>{move || state.t(Msg::BenchmarksHelp)}</p>
            <ul class="lm-benchmarks">
                {move || {
                    let lang = state.lang.get();
                    listed().into_iter().map(|b| {
                        let shown = format!(
                            "{} · {} · {}",
                            b.label,
                            b.platform.map_or(Msg::AnyPlatform.text(lang), |p| p.name()),
                            lang.percent(b.value, 2)
                        );
                        let remove = b.clone();
                        view! {
                            <li data-testid="benchmark-item">
                                <span>{shown}</span>
                                <button class="lm-button" type="button" data-testid="benchmark-remove"
                                    on:click=move |_| actions::save_benchmark(state, remove.clone(), true)>
                                    {Msg::BenchmarkRemove.text(lang)}
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <form class="lm-form lm-form--row" on:submit=submit data-testid="benchmark-form">
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::BenchmarkScope)}</span>
                    <select class="lm-input" data-testid="benchmark-scope"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some((s, _, _)) = scopes.iter().find(|(_, slug, _)| *slug == v) {
                                scope.set(*s);
                            }
                        }>
                        {scopes.iter().map(|(s, slug, msg)| {
                            let (s, msg) = (*s, *msg);
                            view! { <option value=*slug selected=move || scope.get() == s>{move || state.t(msg)}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::BenchmarkLabel)}</span>
                    <input class="lm-input" type="text" data-testid="benchmark-label" required
                        prop:value=move || label.get() on:input=move |ev| label.set(event_target_value(&ev))/>
                </label>
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::FilterPlatform)}</span>
                    <select class="lm-input" data-testid="benchmark-platform"
                        on:change=move |ev| platform.set(Platform::from_slug(&event_target_value(&ev)))>
                        <option value="">{move || state.t(Msg::AnyPlatform)}</option>
                        {Platform::SOCIAL.into_iter().map(|p| view! { <option value=p.slug()>{p.name()}</option> }).collect_view()}
                    </select>
                </label>
                <label class="lm-field">
                    <span class="lm-field__label">{move || state.t(Msg::BenchmarkValue)}</span>
                    <input class="lm-input" type="text" inputmode="decimal" data-testid="benchmark-value" required
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
                </label>
                <button class="lm-button lm-button--primary" type="submit" data-testid="benchmark-add">
                    {move || state.t(Msg::BenchmarkAdd)}
                </button>
            </form>
        </section>
    }
}
