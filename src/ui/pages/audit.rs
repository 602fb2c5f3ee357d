//! The audit page. The engine worker computes the audit (`audit:run` measure) and writes it with
//! [`crate::present::audit`], the same text a report carries; the page inserts the fragment.

use leptos::prelude::*;

use crate::app::actions;
use crate::app::state::use_app;
use crate::domain::{Platform, PlatformAssessment};
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
