//! The audit page. Until its tools are built it says what it will do and what the workspace
//! already holds for it.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;
use crate::ui::components::PagePlan;

#[component]
pub fn AuditPage() -> impl IntoView {
    let state = use_app();
    let holds = super::holds(state, |w| w.posts.len(), Msg::CountPosts);
    view! { <PagePlan title=Msg::NavAudit what=Msg::AuditWhat holds=holds/> }
}
