//! The audit page. The audit is computed when the workspace changes (`audit:run` measure) and
//! shown as one fragment written by [`crate::present::audit`], the same text a report carries.

use leptos::prelude::*;

use crate::app::browser::Timing;
use crate::app::state::use_app;
use crate::domain::audit;
use crate::i18n::Msg;
use crate::present;
use crate::ui::components::EmptyWorkspace;

#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    // Recomputed only when the workspace changes; the language only changes the words.
    let result = Memo::new(move |_| {
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
                state.workspace.with(|w| match (w, result.get()) {
                    (None, _) => view! { <p class="lm-loading" role="status">{Msg::Loading.text(lang)}</p> }.into_any(),
                    (Some(ws), _) if ws.is_empty() => view! { <EmptyWorkspace/> }.into_any(),
                    (Some(_), None) => view! { <p class="lm-empty">{Msg::AuditEmpty.text(lang)}</p> }.into_any(),
                    (Some(ws), Some(audit)) => {
                        view! { <div class="lm-audit" inner_html=present::audit::audit(ws, &audit, lang)></div> }.into_any()
                    }
                })
            }}
        </section>
    }
}
