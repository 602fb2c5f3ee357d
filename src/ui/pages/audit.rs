//! The audit page. The engine worker computes the audit (`audit:run` measure) and writes it with
//! [`crate::present::audit`], the same text a report carries; the page inserts the fragment.

use leptos::prelude::*;

use crate::app::state::use_app;
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
                }.into_any(),
            }}
        </section>
    }
}
