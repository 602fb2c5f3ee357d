//! What a page shows when there is nothing to show yet: the empty workspace greeting, and the
//! plan of a page still being built.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::actions;
use crate::app::state::use_app;
use crate::i18n::Msg;

/// The greeting of an empty workspace: import files, or load the demo.
#[component]
pub fn EmptyWorkspace() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="lm-empty" data-testid="empty-workspace">
            <h2 class="lm-empty__title">{move || state.t(Msg::EmptyTitle)}</h2>
            <p class="lm-empty__body">{move || state.t(Msg::EmptyBody)}</p>
            <div class="lm-empty__actions">
                <A href="/import" attr:class="lm-button lm-button--primary">{move || state.t(Msg::EmptyImport)}</A>
                <button class="lm-button" data-testid="load-demo" on:click=move |_| actions::load_demo(state)>
                    {move || state.t(Msg::LoadDemo)}
                </button>
            </div>
        </section>
    }
}

/// A page whose tools are not built yet: what it will do, and what the workspace already holds
/// for it.
#[component]
pub fn PagePlan(
    title: Msg,
    what: Msg,
    /// What the workspace already has for this page, in the current language.
    #[prop(into)]
    holds: Signal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <section class="lm-page" data-testid="page-plan">
            <h1 class="lm-page__title">{move || state.t(title)}</h1>
            <div class="lm-plan">
                <h2 class="lm-plan__title">{move || state.t(Msg::ComingTitle)}</h2>
                <p class="lm-plan__what">{move || state.t(what)}</p>
                {move || holds.get().map(|h| view! { <p class="lm-plan__holds">{h}</p> })}
            </div>
        </section>
    }
}
