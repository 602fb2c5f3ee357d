//! The audit page. The engine worker computes the audit (`audit:run` measure) and writes it with
//! [`crate::present::audit`], the same text a report carries; the page inserts the fragment. The
//! last result stays on screen while a newer one is computed.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::engine;
use crate::app::state::use_app;
use crate::i18n::{Msg, fill};
use crate::ui::components::EmptyWorkspace;
use crate::worker::protocol::ViewKind;

#[derive(Clone, PartialEq)]
enum Shown {
    Computing,
    Ready(Option<String>),
    Failed(String),
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    let shown = RwSignal::new(Shown::Computing);
    let latest = StoredValue::new(0u64);
    Effect::new(move || {
        let lang = state.lang.get();
        let generation = state.generation.get();
        let Some(id) = state.workspace.with_untracked(|w| {
            w.as_ref()
                .filter(|w| !w.is_empty())
                .map(|w| w.info.id.0.clone())
        }) else {
            return;
        };
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        spawn_local(async move {
            let reply = engine::view(&id, generation, ViewKind::Audit, lang).await;
            if latest.get_value() != ticket {
                return;
            }
            shown.set(match reply {
                Ok(reply) => match reply.error {
                    Some(e) => Shown::Failed(format!("{e:?}")),
                    None => Shown::Ready(reply.html),
                },
                Err(e) => Shown::Failed(e),
            });
        });
    });
    view! {
        <section class="lm-page" data-testid="audit">
            <h1 class="lm-page__title">{move || state.t(Msg::AuditTitle)}</h1>
            {move || {
                let lang = state.lang.get();
                let empty = state.workspace.with(|w| w.as_ref().map(|w| w.is_empty()));
                match (empty, shown.get()) {
                    (None, _) | (Some(false), Shown::Computing) => view! {
                        <p class="lm-loading" role="status" data-testid="busy">{Msg::AuditComputing.text(lang)}</p>
                    }.into_any(),
                    (Some(true), _) => view! { <EmptyWorkspace/> }.into_any(),
                    (Some(false), Shown::Ready(None)) => view! { <p class="lm-empty">{Msg::AuditEmpty.text(lang)}</p> }.into_any(),
                    (Some(false), Shown::Ready(Some(html))) => view! { <div class="lm-audit" inner_html=html></div> }.into_any(),
                    (Some(false), Shown::Failed(detail)) => view! {
                        <p class="lm-notice lm-notice--error" role="alert" data-testid="error">
                            {fill(Msg::AuditFailed.text(lang), &[("detail", &detail)])}
                        </p>
                    }.into_any(),
                }
            }}
        </section>
    }
}
