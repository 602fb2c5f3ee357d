//! A number's definition, one tap away.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;

#[component]
pub fn Definition(msg: Msg) -> impl IntoView {
    let state = use_app();
    view! {
        <details class="lm-def">
            <summary class="lm-def__toggle" title=move || state.t(Msg::WhatIsThis)>
                <span class="lm-def__icon" aria-hidden="true">"i"</span>
                <span class="lm-visually-hidden">{move || state.t(Msg::WhatIsThis)}</span>
            </summary>
            <p class="lm-def__text">{move || state.t(msg)}</p>
        </details>
    }
}
