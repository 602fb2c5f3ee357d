//! The reports page. Until its tools are built it says what it will do and what the workspace
//! already holds for it.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;
use crate::ui::components::PagePlan;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let state = use_app();
    let holds = super::holds(state, |w| w.reports.len(), Msg::CountReports);
    view! { <PagePlan title=Msg::NavReports what=Msg::ReportsWhat holds=holds/> }
}
