//! The listening page: mentions imported from listening tools, over a chosen window up to the
//! latest mention, against the window before (volume and its change, sentiment, reach, by
//! platform, the mentions with the most reach). The engine worker writes it with the same
//! `present` code as a report's listening section. Without mentions it says how to get them.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::{Msg, fill};
use crate::ui::components::{EngineView, PagePlan, SelectField};
use crate::worker::protocol::ViewKind;

/// The windows the page offers, in days.
const WINDOWS: [u32; 3] = [30, 90, 365];

#[component]
pub fn ListeningPage() -> impl IntoView {
    let state = use_app();
    let has_mentions = Memo::new(move |_| {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| !w.mentions.is_empty()))
    });
    let days = RwSignal::new(30u32);
    let view = Signal::derive(move || ViewKind::Listening { days: days.get() });
    view! {
        {move || match has_mentions.get() {
            None => view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> }.into_any(),
            Some(false) => {
                let holds = super::holds(state, |w| w.mentions.len(), Msg::CountMentions);
                view! {
                    <PagePlan title=Msg::NavListening what=Msg::ListeningWhat holds=holds/>
                    <p class="lm-lead">{move || state.t(Msg::ListeningHowTo)}</p>
                }.into_any()
            }
            Some(true) => view! {
                <section class="lm-page" data-testid="listening">
                    <h1 class="lm-page__title">{move || state.t(Msg::NavListening)}</h1>
                    <SelectField label=Msg::ListeningWindow testid="listening-window"
                        selected=Signal::derive(move || days.get().to_string())
                        options=Signal::derive(move || WINDOWS.iter().map(|d| {
                            (d.to_string(), fill(state.t(Msg::DaysN), &[("n", &d.to_string())]))
                        }).collect::<Vec<_>>())
                        on_change=Callback::new(move |v: String| if let Ok(d) = v.parse() { days.set(d) })/>
                    <EngineView view=view computing=Msg::ListeningComputing
                        empty=Msg::ListeningHowTo class="lm-listening"/>
                </section>
            }.into_any(),
        }}
    }
}
