//! The audit page. The engine worker computes the audit (`audit:run` measure) and writes it with
//! [`crate::present::audit`], the same text a report carries; the page inserts the fragment.

use leptos::prelude::*;

use crate::app::actions;
use crate::app::state::use_app;
use crate::domain::metrics::BENCHMARK_RATE_REACH;
use crate::domain::{Benchmark, BenchmarkScope, Period, Platform, PlatformAssessment, tz};
use crate::i18n::Msg;
use crate::ui::components::{EmptyWorkspace, EngineView, SelectField, TextField};
use crate::worker::protocol::ViewKind;

#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    // Only a change between loading, empty and filled re-renders the page: edits made on it
    // (branding, answers) must not reset its forms.
    let emptiness = Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(|w| w.is_empty())));
    view! {
        <section class="lm-page" data-testid="audit">
            <h1 class="lm-page__title">{move || state.t(Msg::AuditTitle)}</h1>
            {move || match emptiness.get() {
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

fn own_platforms(state: crate::app::AppState) -> Vec<Platform> {
    state
        .workspace
        .with(|w| w.as_ref().map(|w| w.own_platforms()).unwrap_or_default())
}

/// The user's answers to the platform-choice questions: per platform, each question answered
/// 0–5 or left to the data ("auto"). Saving recomputes the audit.
#[component]
fn AssessmentForm() -> impl IntoView {
    let state = use_app();
    let platform = RwSignal::new(None::<Platform>);
    let chosen = move || {
        platform
            .get()
            .or_else(|| own_platforms(state).first().copied())
    };
    let answers = RwSignal::new([None::<u8>; 6]);
    let notes: [RwSignal<String>; 6] = std::array::from_fn(|_| RwSignal::new(String::new()));
    // Show the saved answers and notes of the chosen platform.
    Effect::new(move || {
        let chosen = chosen();
        let saved = state.workspace.with_untracked(|w| {
            w.as_ref().and_then(|w| {
                w.assessments
                    .iter()
                    .find(|a| Some(a.platform) == chosen)
                    .map(|a| (a.answers, a.notes.clone()))
            })
        });
        let (saved_answers, saved_notes) = saved.unwrap_or_default();
        answers.set(saved_answers);
        for (signal, note) in notes.iter().zip(saved_notes) {
            signal.set(note);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = platform
            .get_untracked()
            .or_else(|| own_platforms(state).first().copied())
        else {
            return;
        };
        actions::save_assessment(
            state,
            PlatformAssessment {
                platform: chosen,
                answers: answers.get_untracked(),
                notes: notes.map(|n| n.get_untracked().trim().to_owned()),
            },
        );
    };
    let platform_options = Signal::derive(move || {
        own_platforms(state)
            .into_iter()
            .map(|p| (p.slug().to_owned(), p.name().to_owned()))
            .collect()
    });
    let score_options = Signal::derive(move || {
        std::iter::once((String::new(), state.t(Msg::AnswerAuto).to_owned()))
            .chain((0..=5u8).map(|n| (n.to_string(), n.to_string())))
            .collect()
    });
    const QUESTIONS: [(Msg, &str, &str); 6] = [
        (Msg::QGoalFit, "assessment-q0", "assessment-note0"),
        (Msg::QEfficiency, "assessment-q1", "assessment-note1"),
        (Msg::QDemographicMatch, "assessment-q2", "assessment-note2"),
        (Msg::QAudiencePresence, "assessment-q3", "assessment-note3"),
        (Msg::QCompetition, "assessment-q4", "assessment-note4"),
        (
            Msg::QCompetitorPresence,
            "assessment-q5",
            "assessment-note5",
        ),
    ];
    view! {
        <form class="lm-card lm-form" data-testid="assessment-form" on:submit=submit>
            <h2 class="lm-card__title">{move || state.t(Msg::AssessmentTitle)}</h2>
            <p>{move || state.t(Msg::AssessmentHelp)}</p>
            <SelectField label=Msg::FilterPlatform testid="assessment-platform" options=platform_options
                selected=Signal::derive(move || chosen().map(|p| p.slug().to_owned()).unwrap_or_default())
                on_change=Callback::new(move |v: String| platform.set(Platform::from_slug(&v)))/>
            {QUESTIONS.into_iter().enumerate().map(|(i, (q, testid, note))| view! {
                <div class="lm-form-row">
                    <SelectField label=q testid=testid options=score_options
                        selected=Signal::derive(move || answers.get()[i].map(|n| n.to_string()).unwrap_or_default())
                        on_change=Callback::new(move |v: String| answers.update(|a| a[i] = v.parse().ok()))/>
                    <TextField label=Msg::AssessmentNote testid=note value=notes[i] optional=true about=q/>
                </div>
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
    let scope = RwSignal::new("industry".to_owned());
    let label = RwSignal::new(String::new());
    let platform = RwSignal::new(String::new());
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
        let scope = match scope.get_untracked().as_str() {
            "region" => BenchmarkScope::Region,
            "country" => BenchmarkScope::Country,
            _ => BenchmarkScope::Industry,
        };
        actions::save_benchmark(
            state,
            Benchmark {
                scope,
                label: name,
                platform: Platform::from_slug(&platform.get_untracked()),
                metric: BENCHMARK_RATE_REACH.into(),
                period: Period::ending(today, 365),
                value: percent / 100.0,
            },
            false,
        );
        label.set(String::new());
        value.set(String::new());
    };
    let scopes = Signal::derive(move || {
        [
            ("industry", Msg::ScopeIndustry),
            ("region", Msg::ScopeRegion),
            ("country", Msg::ScopeCountry),
        ]
        .iter()
        .map(|(slug, msg)| ((*slug).to_owned(), state.t(*msg).to_owned()))
        .collect()
    });
    let platforms = Signal::derive(move || {
        std::iter::once((String::new(), state.t(Msg::AnyPlatform).to_owned()))
            .chain(
                Platform::SOCIAL
                    .iter()
                    .map(|p| (p.slug().to_owned(), p.name().to_owned())),
            )
            .collect()
    });
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
                        let (metric, value) =
                            crate::present::benchmark_metric(&b.metric, b.value, lang);
                        let shown = format!(
                            "{} · {} · {metric}: {value} · {} – {}",
                            b.label,
                            b.platform.map_or(Msg::AnyPlatform.text(lang), |p| p.name()),
                            lang.date(b.period.start),
                            lang.date(b.period.end),
                        );
                        view! {
                            <li data-testid="benchmark-item">
                                <span>{shown}</span>
                                <button class="lm-button" type="button" data-testid="benchmark-remove"
                                    on:click=move |_| actions::save_benchmark(state, b.clone(), true)>
                                    {Msg::BenchmarkRemove.text(lang)}
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <form class="lm-form lm-form--row" on:submit=submit data-testid="benchmark-form">
                <SelectField label=Msg::BenchmarkScope testid="benchmark-scope" options=scopes
                    selected=scope on_change=Callback::new(move |v| scope.set(v))/>
                <TextField label=Msg::BenchmarkLabel testid="benchmark-label" value=label/>
                <SelectField label=Msg::FilterPlatform testid="benchmark-platform" options=platforms
                    selected=platform on_change=Callback::new(move |v| platform.set(v))/>
                <TextField label=Msg::BenchmarkValue testid="benchmark-value" value=value decimal=true/>
                <button class="lm-button lm-button--primary" type="submit" data-testid="benchmark-add">
                    {move || state.t(Msg::BenchmarkAdd)}
                </button>
            </form>
        </section>
    }
}
