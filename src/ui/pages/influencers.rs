//! The influencers page. Until its tools are built it says what it will do and what the workspace
//! already holds for it.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;
use crate::ui::components::PagePlan;

#[component]
pub fn InfluencersPage() -> impl IntoView {
    let state = use_app();
    let holds = super::holds(state, |w| w.influencers.len(), Msg::CountInfluencers);
    view! { <PagePlan title=Msg::NavInfluencers what=Msg::InfluencersWhat holds=holds/> }
}
