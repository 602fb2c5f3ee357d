//! The calendar page. For now, the list of planned posts by date with their workflow status; the
//! month and week views, approvals, holidays and ICS export come next.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::domain::{PlanItem, PlanStatus, tz};
use crate::i18n::{Lang, Msg};
use crate::ui::components::PagePlan;

pub fn status_msg(status: PlanStatus) -> Msg {
    match status {
        PlanStatus::Idea => Msg::StatusIdea,
        PlanStatus::Draft => Msg::StatusDraft,
        PlanStatus::InReview => Msg::StatusInReview,
        PlanStatus::Approved => Msg::StatusApproved,
        PlanStatus::Scheduled => Msg::StatusScheduled,
        PlanStatus::Published => Msg::StatusPublished,
        PlanStatus::Rejected => Msg::StatusRejected,
    }
}

#[component]
pub fn CalendarPage() -> impl IntoView {
    let state = use_app();
    let list = move || {
        let lang = state.lang.get();
        state.workspace.with(|w| {
            let Some(ws) = w else { return ().into_any() };
            if ws.plan.is_empty() {
                return view! { <p class="lm-empty__body">{Msg::PlanEmpty.text(lang)}</p> }
                    .into_any();
            }
            let mut items: Vec<&PlanItem> = ws.plan.iter().collect();
            items.sort_by_key(|p| (p.scheduled.is_none(), p.scheduled));
            let zone = ws.info.time_zone.clone();
            view! {
                <ol class="lm-plan-list">
                    {items.into_iter().map(|item| plan_item(item, &zone, lang)).collect_view()}
                </ol>
            }
            .into_any()
        })
    };
    view! {
        <PagePlan title=Msg::NavCalendar what=Msg::CalendarWhat holds=Signal::derive(|| None::<String>)/>
        <section class="lm-page">
            <h2 class="lm-section-title">{move || state.t(Msg::PlanListTitle)}</h2>
            {list}
        </section>
    }
}

fn plan_item(item: &PlanItem, zone: &str, lang: Lang) -> impl IntoView + use<> {
    let local = item.scheduled.map(|s| tz::in_zone(&s, zone));
    let date = local
        .map(|l| l.date_naive().to_string())
        .unwrap_or_default();
    let when = local
        .map(|l| format!("{} {}", lang.date(l.date_naive()), l.format("%H:%M")))
        .unwrap_or_else(|| Msg::Unscheduled.text(lang).to_owned());
    let platforms = item
        .variants
        .iter()
        .map(|v| v.platform.name())
        .collect::<Vec<_>>()
        .join(", ");
    let status = item.status;
    view! {
        <li class="lm-plan-item" data-testid="calendar-item" data-status=status.slug() data-date=date>
            <span class="lm-plan-item__when">{when}</span>
            <span class="lm-plan-item__title">{item.title.clone()}</span>
            <span class="lm-plan-item__platforms">{platforms}</span>
            <span class=format!("lm-status lm-status--{}", status.slug())>{status_msg(status).text(lang)}</span>
        </li>
    }
}
