//! The list view (by date), the idea board (columns by stage, with recent mentions, upcoming
//! holidays and moments to turn into ideas) and what waits for the current member.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use leptos::prelude::*;

use super::{Ctx, ItemChip, holiday_labels, item_date};
use crate::app::calendar as act;
use crate::domain::calendar::{self as cal, holidays::Holiday, workflow};
use crate::domain::{MemberId, Mention, PlanItem, PlanItemId, PlanStatus, Post, Profile, tz};
use crate::i18n::{Lang, Msg, fill};

#[component]
pub fn ListView(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let groups = move || {
        let zone = ctx.zone();
        let mut groups: Vec<(Option<NaiveDate>, Vec<PlanItem>)> = Vec::new();
        for item in ctx.items.get() {
            let date = item_date(&item, &zone);
            match groups.last_mut() {
                Some((d, items)) if *d == date => items.push(item),
                _ => groups.push((date, vec![item])),
            }
        }
        groups
    };
    view! {
        <div class="lm-plan-list" data-testid="list-view">
            {move || {
                let lang = state.lang.get();
                let groups = groups();
                if groups.is_empty() {
                    return view! { <p class="lm-empty__body">{Msg::PlanEmpty.text(lang)}</p> }.into_any();
                }
                groups.into_iter().map(|(date, items)| {
                    let heading = date.map(|d| lang.date(d)).unwrap_or_else(|| Msg::Unscheduled.text(lang).to_owned());
                    let days = date.map(|d| ctx.holidays(d, d)).unwrap_or_default();
                    view! {
                        <section class="lm-plan-list__day">
                            <h3 class="lm-plan-list__date">{heading} " " {holiday_labels(&days, lang)}</h3>
                            {items.into_iter().map(|item| view! { <ItemChip ctx=ctx item=item/> }).collect_view()}
                        </section>
                    }
                }).collect_view().into_any()
            }}
        </div>
    }
}

fn source_msg(source: &str) -> Msg {
    match source.split(':').next().unwrap_or("") {
        "competitors" => Msg::SrcCompetitors,
        "listening" => Msg::SrcListening,
        "analytics" => Msg::SrcAnalytics,
        "holiday" => Msg::SrcHoliday,
        _ => Msg::SrcOther,
    }
}

/// Adds an idea planned for 09:00 on `date`, made by `make` from the member working on this
/// device, an ID stem and that time; the notice names it.
fn add_idea(
    ctx: Ctx,
    lang: Lang,
    date: NaiveDate,
    make: impl FnOnce(MemberId, PlanItemId, Option<DateTime<FixedOffset>>) -> PlanItem,
) {
    let state = ctx.state;
    let Some(member) = act::current_member(&state) else {
        state.error(Msg::RefUnknownMember.text(lang).into());
        return;
    };
    let (tz, _) = tz::zone(&ctx.zone());
    let at = tz
        .from_local_datetime(&date.and_time(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()))
        .earliest()
        .map(|a| a.fixed_offset());
    let now = act::now(&state);
    let id = PlanItemId(format!("idea-{}", now.timestamp_millis()));
    let mut item = make(member.clone(), id, at);
    workflow::record(&mut item, &member, now, "created".into());
    let text = fill(Msg::CalIdeaAdded.text(lang), &[("title", &item.title)]);
    act::save(state, vec![item], Vec::new(), move |s| s.info(text));
}

/// Turns a holiday or moment into an idea on its date.
fn idea_from(ctx: Ctx, h: &Holiday, lang: Lang) {
    add_idea(ctx, lang, h.date, |member, id, at| {
        let mut item = PlanItem::new(
            PlanItemId(format!("{}-{}", id.0, h.key())),
            member,
            PlanStatus::Idea,
            at,
        );
        item.title = match h.idea(lang) {
            Some(idea) => format!("{}: {idea}", h.name(lang)),
            None => h.name(lang).to_owned(),
        };
        item.source = Some(format!("holiday:{}", h.key()));
        item
    });
}

/// Turns a mention into an idea for tomorrow morning, so that the answer or the follow-up is
/// planned while the mention is fresh.
fn idea_from_listening(ctx: Ctx, mention: &Mention, lang: Lang) {
    let tomorrow = ctx.today.get_untracked() + Duration::days(1);
    add_idea(ctx, lang, tomorrow, |member, id, at| {
        cal::ideas::idea_from_mention(
            mention,
            PlanItemId(format!("{}-listening", id.0)),
            member,
            at,
        )
    });
}

/// Turns a competitor's post into an idea for tomorrow morning: an answer of one's own to what
/// works for them.
fn idea_from_competitor(ctx: Ctx, profile: &Profile, post: &Post, lang: Lang) {
    let tomorrow = ctx.today.get_untracked() + Duration::days(1);
    add_idea(ctx, lang, tomorrow, |member, id, at| {
        cal::ideas::idea_from_competitor(
            profile,
            post,
            PlanItemId(format!("{}-competitor", id.0)),
            member,
            at,
        )
    });
}

const STAGES: [PlanStatus; 5] = [
    PlanStatus::Idea,
    PlanStatus::Draft,
    PlanStatus::InReview,
    PlanStatus::Approved,
    PlanStatus::Scheduled,
];

#[component]
pub fn BoardView(ctx: Ctx) -> impl IntoView {
    let state = ctx.state;
    let upcoming = move || {
        let today = ctx.today.get();
        ctx.holidays(today, today + Duration::days(60))
    };
    view! {
        <div class="lm-board" data-testid="board-view">
            {STAGES.into_iter().map(|stage| view! {
                <section class="lm-board__column" data-stage=stage.slug()>
                    <h3 class="lm-board__title">{move || state.t(cal::status_msg(stage))}</h3>
                    {move || {
                        let lang = state.lang.get();
                        ctx.items.get().into_iter().filter(|i| i.status == stage).map(|item| {
                            let source = item.source.clone().map(|s| fill(Msg::BoardSource.text(lang), &[("source", source_msg(&s).text(lang))]));
                            let develop = (stage == PlanStatus::Idea).then(|| {
                                let item = item.clone();
                                view! {
                                    <button class="lm-button lm-button--small" data-testid="develop-idea"
                                        on:click=move |_| act::act(state, item.clone(), workflow::Action::Develop)>
                                        {Msg::ActDevelop.text(lang)}
                                    </button>
                                }
                            });
                            view! {
                                <div class="lm-board__card">
                                    <ItemChip ctx=ctx item=item/>
                                    {source.map(|s| view! { <span class="lm-hint">{s}</span> })}
                                    {develop}
                                </div>
                            }
                        }).collect_view()
                    }}
                </section>
            }).collect_view()}
            <section class="lm-board__column" data-stage="listening">
                <h3 class="lm-board__title">{move || state.t(Msg::CalFromListening)}</h3>
                {move || {
                    let lang = state.lang.get();
                    let mentions: Vec<Mention> = state.workspace.with(|w| {
                        w.as_ref()
                            .map(|w| cal::ideas::from_listening(w, 5).into_iter().cloned().collect())
                            .unwrap_or_default()
                    });
                    if mentions.is_empty() {
                        return view! { <p class="lm-hint">{Msg::CalNoMentions.text(lang)}</p> }.into_any();
                    }
                    mentions.into_iter().map(|m| {
                        let reach = m.reach.map(|r| format!(" · {}", lang.compact(r))).unwrap_or_default();
                        let head = format!("{} · {}{reach}", m.platform.name(), m.author);
                        let id = m.id.0.clone();
                        view! {
                            <div class="lm-board__card" data-testid="listening-idea" data-mention=id>
                                <span class="lm-hint">{head}</span>
                                <span>{m.text.clone()}</span>
                                <button class="lm-button lm-button--small" data-testid="make-idea-listening"
                                    on:click=move |_| idea_from_listening(ctx, &m, state.lang.get_untracked())>
                                    {Msg::CalMakeIdea.text(lang)}
                                </button>
                            </div>
                        }
                    }).collect_view().into_any()
                }}
            </section>
            <section class="lm-board__column" data-stage="competitors">
                <h3 class="lm-board__title">{move || state.t(Msg::CalFromCompetitors)}</h3>
                {move || {
                    let lang = state.lang.get();
                    let posts: Vec<(Profile, Post)> = state.workspace.with(|w| {
                        w.as_ref()
                            .map(|w| {
                                cal::ideas::from_competitors(w, 5)
                                    .into_iter()
                                    .map(|(r, p)| (r.clone(), p.clone()))
                                    .collect()
                            })
                            .unwrap_or_default()
                    });
                    if posts.is_empty() {
                        return view! { <p class="lm-hint">{Msg::CalNoCompetitorPosts.text(lang)}</p> }.into_any();
                    }
                    posts.into_iter().map(|(profile, post)| {
                        let engagement = crate::domain::metrics::engagement(&post.metrics);
                        let head = format!(
                            "{} · {} · {} {}",
                            profile.platform.name(),
                            profile.display_name(),
                            lang.compact(engagement),
                            Msg::KpiEngagement.text(lang).to_lowercase()
                        );
                        let text: String = post.text.chars().take(200).collect();
                        let id = post.id.0.clone();
                        view! {
                            <div class="lm-board__card" data-testid="competitor-idea" data-post=id>
                                <span class="lm-hint">{head}</span>
                                <span>{text}</span>
                                <button class="lm-button lm-button--small" data-testid="make-idea-competitor"
                                    on:click=move |_| idea_from_competitor(ctx, &profile, &post, state.lang.get_untracked())>
                                    {Msg::CalMakeIdea.text(lang)}
                                </button>
                            </div>
                        }
                    }).collect_view().into_any()
                }}
            </section>
            <section class="lm-board__column" data-stage="holidays">
                <h3 class="lm-board__title">{move || state.t(Msg::CalHolidayCountry)}</h3>
                {move || {
                    let lang = state.lang.get();
                    upcoming().into_iter().map(|h| {
                        let label = format!("{} · {}", lang.date(h.date), h.name(lang));
                        let idea = h.idea(lang).map(|i| view! { <span class="lm-hint">{i}</span> });
                        view! {
                            <div class="lm-board__card" data-testid="holiday-idea">
                                <span class=format!("lm-holiday lm-holiday--{}", h.kind.slug())>{label}</span>
                                {idea}
                                <button class="lm-button lm-button--small" data-testid="make-idea"
                                    on:click=move |_| idea_from(ctx, &h, state.lang.get_untracked())>
                                    {Msg::CalMakeIdea.text(lang)}
                                </button>
                            </div>
                        }
                    }).collect_view()
                }}
            </section>
        </div>
    }
}

#[component]
pub fn MineView(ctx: Ctx, member: Signal<String>) -> impl IntoView {
    let state = ctx.state;
    let waiting = move || {
        let me = crate::domain::MemberId(member.get());
        let items = ctx.items.get();
        state.workspace.with(|w| {
            let Some(ws) = w else { return Vec::new() };
            items
                .into_iter()
                .filter(|i| workflow::waits_for(i, &me, &ws.info.approval, &ws.info.members))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <div class="lm-plan-list" data-testid="mine-view">
            {move || {
                let items = waiting();
                if items.is_empty() {
                    return view! { <p class="lm-empty__body">{move || state.t(Msg::CalWaitingNone)}</p> }.into_any();
                }
                items.into_iter().map(|item| view! { <ItemChip ctx=ctx item=item/> }).collect_view().into_any()
            }}
        </div>
    }
}
