//! A page about one kind of imported records over a chosen window up to the latest one (the
//! listening and inbox pages): the engine worker writes the view; without records the page says
//! what it will do and how to import them.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::domain::Workspace;
use crate::i18n::{Msg, fill};
use crate::ui::components::{EngineView, PagePlan, SelectField};
use crate::worker::protocol::ViewKind;

/// The windows the page offers, in days.
const WINDOWS: [u32; 3] = [30, 90, 365];

/// What differs between such pages.
pub struct Windowed {
    /// The page's test hooks: on the section and on the window.
    pub testid: &'static str,
    pub window_testid: &'static str,
    pub title: Msg,
    pub what: Msg,
    pub how_to: Msg,
    pub computing: Msg,
    /// "{n} …" for the records the workspace holds.
    pub count: Msg,
    pub class: &'static str,
    pub records: fn(&Workspace) -> usize,
    pub view: fn(u32) -> ViewKind,
}

#[component]
pub fn WindowedPage(page: Windowed) -> impl IntoView {
    let state = use_app();
    let records = page.records;
    let has_records =
        Memo::new(move |_| state.workspace.with(|w| w.as_ref().map(|w| records(w) > 0)));
    let days = RwSignal::new(WINDOWS[0]);
    let make = page.view;
    let view = Signal::derive(move || make(days.get()));
    let Windowed {
        testid,
        window_testid,
        title,
        what,
        how_to,
        computing,
        count,
        class,
        ..
    } = page;
    view! {
        {move || match has_records.get() {
            None => view! { <p class="lm-loading" role="status" data-testid="busy">{state.t(Msg::Loading)}</p> }.into_any(),
            Some(false) => {
                let holds = super::holds(state, records, count);
                view! {
                    <PagePlan title=title what=what holds=holds/>
                    <p class="lm-lead">{move || state.t(how_to)}</p>
                }.into_any()
            }
            Some(true) => view! {
                <section class="lm-page" data-testid=testid>
                    <h1 class="lm-page__title">{move || state.t(title)}</h1>
                    <SelectField label=Msg::ListeningWindow testid=window_testid
                        selected=Signal::derive(move || days.get().to_string())
                        options=Signal::derive(move || WINDOWS.iter().map(|d| {
                            (d.to_string(), fill(state.t(Msg::DaysN), &[("n", &d.to_string())]))
                        }).collect::<Vec<_>>())
                        on_change=Callback::new(move |v: String| if let Ok(d) = v.parse() { days.set(d) })/>
                    <EngineView view=view computing=computing empty=how_to class=class/>
                </section>
            }.into_any(),
        }}
    }
}
