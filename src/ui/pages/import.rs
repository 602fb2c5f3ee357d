//! The Import page. The importers come next; until then it says what they will do and offers the
//! demo workspace.

use leptos::prelude::*;

use crate::app::actions;
use crate::app::state::use_app;
use crate::i18n::Msg;
use crate::ui::components::PagePlan;

#[component]
pub fn ImportPage() -> impl IntoView {
    let state = use_app();
    let holds = super::holds(state, |w| w.batches.len(), Msg::CountPosts);
    view! {
        <PagePlan title=Msg::NavImport what=Msg::ImportWhat holds=holds/>
        <p class="lm-page__aside">
            <button class="lm-button" data-testid="load-demo" on:click=move |_| actions::load_demo(state)>
                {move || state.t(Msg::LoadDemo)}
            </button>
        </p>
    }
}
