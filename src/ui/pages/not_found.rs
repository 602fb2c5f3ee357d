//! Any address that is not a route.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::state::use_app;
use crate::i18n::Msg;

#[component]
pub fn NotFound() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="lm-page" data-testid="not-found">
            <h1 class="lm-page__title">{move || state.t(Msg::NotFoundTitle)}</h1>
            <p>{move || state.t(Msg::NotFoundBody)}</p>
            <A href="/" attr:class="lm-button lm-button--primary">{move || state.t(Msg::BackHome)}</A>
        </section>
    }
}
