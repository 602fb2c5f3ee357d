//! The listening page. Until its tools are built it says what it will do and what the workspace
//! already holds for it.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;
use crate::ui::components::PagePlan;

#[component]
pub fn ListeningPage() -> impl IntoView {
    let state = use_app();
    let holds = super::holds(state, |w| w.mentions.len(), Msg::CountMentions);
    view! { <PagePlan title=Msg::NavListening what=Msg::ListeningWhat holds=holds/> }
}
