//! Form fields as single components, so that every select and text input of the app shares one
//! piece of view code (each distinct `view!` tree costs download size).

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;

/// A labelled select. `options` are (value, text); `selected` is the value shown as chosen.
#[component]
pub fn SelectField(
    label: Msg,
    testid: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] selected: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="lm-field lm-field--inline">
            <span class="lm-field__label">{move || state.t(label)}</span>
            <select class="lm-input" data-testid=testid
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || {
                    let chosen = selected.get();
                    options.get().into_iter().map(|(value, text)| {
                        let is = value == chosen;
                        view! { <option value=value selected=is>{text}</option> }
                    }).collect_view()
                }}
            </select>
        </label>
    }
}

/// A labelled text input bound to a signal.
#[component]
pub fn TextField(
    label: Msg,
    testid: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] decimal: bool,
    /// The field may stay empty.
    #[prop(optional)]
    optional: bool,
    /// What the field is about, when several share a label (screen readers hear "label – about").
    #[prop(optional)]
    about: Option<Msg>,
) -> impl IntoView {
    let state = use_app();
    let spoken = move || about.map(|about| format!("{} – {}", state.t(label), state.t(about)));
    view! {
        <label class="lm-field">
            <span class="lm-field__label">{move || state.t(label)}</span>
            <input class="lm-input" type="text" data-testid=testid required=!optional
                aria-label=spoken
                inputmode=if decimal { "decimal" } else { "text" }
                prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </label>
    }
}
