//! A read-only view computed by the engine worker: asks again whenever the workspace, the
//! language or the view changes, keeps the last result on screen meanwhile, and ignores answers
//! to questions no longer asked; a focused control keeps the focus across new markup.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::app::state::use_app;
use crate::app::{browser, engine};
use crate::i18n::{Msg, fill};
use crate::worker::protocol::ViewKind;

#[derive(Clone, PartialEq)]
enum Shown {
    Computing,
    Ready(Option<String>),
    Failed(String),
}

#[component]
pub fn EngineView(
    #[prop(into)] view: Signal<ViewKind>,
    computing: Msg,
    empty: Msg,
    class: &'static str,
) -> impl IntoView {
    let state = use_app();
    let shown = RwSignal::new(Shown::Computing);
    let latest = StoredValue::new(0u64);
    Effect::new(move || {
        let lang = state.lang.get();
        let generation = state.generation.get();
        let view = view.get();
        let Some(id) = state
            .workspace
            .with_untracked(|w| w.as_ref().map(|w| w.info.id.0.clone()))
        else {
            return;
        };
        let ticket = latest.get_value() + 1;
        latest.set_value(ticket);
        spawn_local(async move {
            // The first view waits until the page has painted what it already has: starting the
            // engine (fetching and compiling its wasm) must not delay the page's own content.
            if ticket == 1 {
                browser::idle(300).await;
            }
            let reply = engine::view(&id, generation, view, lang).await;
            if latest.get_value() != ticket {
                return;
            }
            // A control of the old markup that had the keyboard focus (a column's sort button)
            // hands it to its namesake in the new one, so the keyboard keeps its place.
            let focused = browser::focused_testid();
            shown.set(match reply {
                Ok(reply) => match reply.error {
                    Some(e) => Shown::Failed(format!("{e:?}")),
                    None => Shown::Ready(reply.html),
                },
                Err(e) => Shown::Failed(e),
            });
            if let Some(testid) = focused {
                browser::sleep(0).await;
                if browser::focused_testid().is_none() {
                    browser::focus_testid(&testid);
                }
            }
        });
    });
    move || {
        let lang = state.lang.get();
        match shown.get() {
            Shown::Computing => view! {
                <p class="lm-loading" role="status" data-testid="busy">{computing.text(lang)}</p>
            }
            .into_any(),
            Shown::Ready(None) => view! { <p class="lm-empty">{empty.text(lang)}</p> }.into_any(),
            Shown::Ready(Some(html)) => {
                view! { <div class=class inner_html=html></div> }.into_any()
            }
            Shown::Failed(detail) => view! {
                <p class="lm-notice lm-notice--error" role="alert" data-testid="error">
                    {fill(Msg::ViewFailed.text(lang), &[("detail", &detail)])}
                </p>
            }
            .into_any(),
        }
    }
}
