//! The planned-post editor: title, format, schedule, target persona, campaign and tags; one
//! variant per platform with a live character count against the platform's limit; suggested
//! times with their reasons; the workflow actions the current member may take; the comment
//! thread and the change history. Save, duplicate and delete (with undo).

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use leptos::prelude::*;

use super::Ctx;
use crate::app::calendar as act;
use crate::domain::calendar::{limits, slots, workflow};
use crate::domain::{
    ApprovalMode, CampaignId, MemberId, PersonaId, PlanItem, PlanItemId, PlanStatus, PlanVariant,
    Platform, PostFormat, audit, tz,
};
use crate::i18n::{Lang, Msg, fill};

fn local_at(zone: &str, date: NaiveDate, time: NaiveTime) -> Option<DateTime<FixedOffset>> {
    let (tz, _) = tz::zone(zone);
    tz.from_local_datetime(&date.and_time(time))
        .earliest()
        .map(|a| a.fixed_offset())
}

/// A blank post for the editor, by the current member, on `date` at 09:00 (ideas stay
/// unscheduled unless a date is given).
pub fn blank(ctx: &Ctx, status: PlanStatus, date: Option<NaiveDate>) -> Option<PlanItem> {
    let state = ctx.state;
    let lang = state.lang.get_untracked();
    let Some(author) = act::current_member(&state) else {
        state.error(Msg::RefUnknownMember.text(lang).into());
        return None;
    };
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default();
    let scheduled = match status {
        PlanStatus::Idea => None,
        _ => date.and_then(|d| local_at(&ctx.zone(), d, nine)),
    };
    let now = act::now(&state);
    let platform = state.workspace.with_untracked(|w| {
        w.as_ref()
            .and_then(|w| {
                w.profiles
                    .iter()
                    .find(|p| !p.competitor && p.platform != Platform::Web)
            })
            .map_or(Platform::Instagram, |p| p.platform)
    });
    let mut item = PlanItem::new(
        PlanItemId(format!("plan-{}", now.timestamp_millis())),
        author,
        status,
        scheduled,
    );
    item.variants.push(PlanVariant {
        platform,
        text: String::new(),
        media_note: String::new(),
        link: None,
        hashtags: Vec::new(),
    });
    Some(item)
}

#[component]
pub fn Editor(ctx: Ctx, member: Signal<String>) -> impl IntoView {
    move || {
        ctx.editing
            .get()
            .map(|item| view! { <EditorDialog ctx=ctx item=item member=member/> })
    }
}

fn history_text(what: &str, lang: Lang) -> String {
    let t = |m: Msg| m.text(lang).to_owned();
    match what.split_once(':') {
        Some(("status", slug)) => {
            let status = PlanStatus::ALL
                .into_iter()
                .find(|s| s.slug() == slug)
                .map(|s| crate::domain::calendar::status_msg(s).text(lang))
                .unwrap_or(slug);
            fill(Msg::HistStatus.text(lang), &[("status", status)])
        }
        Some(("approved", n)) => fill(Msg::HistApproved.text(lang), &[("n", n)]),
        Some(("edited", _)) => t(Msg::HistReviewAgain),
        _ => match what {
            "created" => t(Msg::HistCreated),
            "edited" => t(Msg::HistEdited),
            "moved" => t(Msg::HistMoved),
            "imported" => t(Msg::HistImported),
            "duplicated" => t(Msg::HistDuplicated),
            other => other.to_owned(),
        },
    }
}

fn action_msg(action: &workflow::Action) -> Msg {
    match action {
        workflow::Action::Develop => Msg::ActDevelop,
        workflow::Action::Submit => Msg::ActSubmit,
        workflow::Action::Approve => Msg::ActApprove,
        workflow::Action::Reject(_) => Msg::ActReject,
        workflow::Action::Schedule => Msg::ActSchedule,
        workflow::Action::Publish => Msg::ActPublish,
        workflow::Action::Rework => Msg::ActRework,
    }
}

#[component]
fn EditorDialog(ctx: Ctx, item: PlanItem, member: Signal<String>) -> impl IntoView {
    let state = ctx.state;
    state.unsaved.set(true);
    on_cleanup(move || state.unsaved.set(false));
    let zone = ctx.zone();
    let local = item.scheduled.map(|s| tz::in_zone(&s, &zone));
    let title = RwSignal::new(item.title.clone());
    let format = RwSignal::new(item.format.slug().to_owned());
    let date = RwSignal::new(
        local
            .map(|l| l.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    let time = RwSignal::new(
        local
            .map(|l| l.format("%H:%M").to_string())
            .unwrap_or_else(|| "09:00".into()),
    );
    let persona = RwSignal::new(item.persona.clone().map(|p| p.0).unwrap_or_default());
    let campaign = RwSignal::new(item.campaign.clone().map(|c| c.0).unwrap_or_default());
    let tags = RwSignal::new(item.tags.join(", "));
    // Where the idea came from: the kind only (a holiday idea keeps its holiday key).
    let source = RwSignal::new(
        item.source
            .as_deref()
            .map(|s| s.split(':').next().unwrap_or("").to_owned())
            .unwrap_or_default(),
    );
    let variants = RwSignal::new(item.variants.clone());
    let reason = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let original = StoredValue::new(item.clone());
    let exists = state.workspace.with_untracked(|w| {
        w.as_ref()
            .is_some_and(|w| w.plan.iter().any(|p| p.id == item.id))
    });
    // The post as the form has it now.
    let collect = move || -> PlanItem {
        let mut it = original.get_value();
        let zone = ctx.zone();
        it.title = title.get_untracked().trim().to_owned();
        if it.title.is_empty() {
            it.title = Msg::CalUntitled.text(state.lang.get_untracked()).to_owned();
        }
        it.format = PostFormat::ALL
            .into_iter()
            .find(|f| f.slug() == format.get_untracked())
            .unwrap_or(PostFormat::Photo);
        let d = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d").ok();
        let t = NaiveTime::parse_from_str(&time.get_untracked(), "%H:%M")
            .unwrap_or_else(|_| NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default());
        it.scheduled = d.and_then(|d| local_at(&zone, d, t));
        it.persona = Some(persona.get_untracked())
            .filter(|p| !p.is_empty())
            .map(PersonaId);
        it.campaign = Some(campaign.get_untracked())
            .filter(|c| !c.is_empty())
            .map(CampaignId);
        it.tags = tags
            .get_untracked()
            .split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        it.variants = variants.get_untracked();
        let kind = source.get_untracked();
        let same_kind = it
            .source
            .as_deref()
            .is_some_and(|s| s.split(':').next() == Some(kind.as_str()));
        if !same_kind {
            it.source = (!kind.is_empty()).then_some(kind);
        }
        it
    };
    // The post with its history updated for what changed.
    let edited = move || -> Option<PlanItem> {
        let before = original.get_value();
        let mut it = collect();
        let who = MemberId(member.get_untracked());
        let now = act::now(&state);
        let content_changed = it.title != before.title
            || it.variants != before.variants
            || it.format != before.format
            || it.tags != before.tags
            || it.persona != before.persona
            || it.campaign != before.campaign
            || it.source != before.source;
        if !exists {
            workflow::record(&mut it, &who, now, "created".into());
        } else if content_changed {
            workflow::edited(&mut it, &who, now);
        } else if it.scheduled != before.scheduled {
            workflow::record(&mut it, &who, now, "moved".into());
        } else {
            return None;
        }
        Some(it)
    };
    let close = move || ctx.editing.set(None);
    let save = move |_| {
        if let Some(it) = edited() {
            let lang = state.lang.get_untracked();
            act::save(state, vec![it], Vec::new(), move |s| {
                s.info(Msg::Saved.text(lang).into())
            });
        }
        close();
    };
    let duplicate = move |_| {
        let lang = state.lang.get_untracked();
        let now = act::now(&state);
        let who = MemberId(member.get_untracked());
        let mut copy = collect();
        copy.id = PlanItemId(format!("plan-{}", now.timestamp_millis()));
        copy.title = fill(Msg::CalCopyOf.text(lang), &[("title", &copy.title)]);
        copy.status = if copy.status == PlanStatus::Idea {
            PlanStatus::Idea
        } else {
            PlanStatus::Draft
        };
        copy.author = who.clone();
        copy.approvals.clear();
        copy.comments.clear();
        copy.history.clear();
        copy.rejection = None;
        copy.revision = 0;
        workflow::record(&mut copy, &who, now, "duplicated".into());
        let mut save_list = vec![copy.clone()];
        if let Some(it) = edited().filter(|_| exists) {
            save_list.push(it);
        }
        act::save(state, save_list, Vec::new(), move |s| {
            s.info(Msg::Saved.text(lang).into())
        });
        ctx.editing.set(Some(copy));
    };
    let delete = move |_| {
        act::delete(state, original.get_value());
        close();
    };
    let run = move |action: workflow::Action| {
        let it = edited().unwrap_or_else(collect);
        act::act(state, it, action);
        close();
    };
    let post_comment = move |_| {
        let text = comment.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let who = MemberId(member.get_untracked());
        let mut it = edited().unwrap_or_else(collect);
        workflow::comment(&mut it, &who, act::now(&state), &text);
        original.set_value(it.clone());
        comment.set(String::new());
        ctx.editing.set(Some(it.clone()));
        act::save(state, vec![it], Vec::new(), |_| {});
    };
    let actions = move || {
        let me = MemberId(member.get());
        let it = original.get_value();
        state.workspace.with(|w| {
            w.as_ref()
                .filter(|_| exists)
                .map(|ws| workflow::available(&it, &me, &ws.info.approval, &ws.info.members))
                .unwrap_or_default()
        })
    };
    let approval = move || {
        let lang = state.lang.get();
        let it = original.get_value();
        state.workspace.with(|w| {
            let ws = w.as_ref()?;
            let names = |ids: Vec<&MemberId>| {
                ids.iter()
                    .map(|id| {
                        ws.info
                            .members
                            .iter()
                            .find(|m| &m.id == *id)
                            .map_or(id.0.clone(), |m| m.name.clone())
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let mut lines = Vec::new();
            if it.status == PlanStatus::InReview
                && let Some(step) = workflow::current_step(&it, &ws.info.approval, &ws.info.members)
            {
                let mode = match ws.info.approval.steps[step].mode {
                    ApprovalMode::Any => Msg::ModeAny,
                    ApprovalMode::All => Msg::ModeAll,
                };
                lines.push(fill(
                    Msg::CalApprovalStep.text(lang),
                    &[
                        ("n", &(step + 1).to_string()),
                        ("total", &ws.info.approval.steps.len().to_string()),
                        ("mode", mode.text(lang)),
                    ],
                ));
            }
            if !it.approvals.is_empty() {
                lines.push(fill(
                    Msg::CalApprovedBy.text(lang),
                    &[(
                        "names",
                        &names(it.approvals.iter().map(|a| &a.member).collect()),
                    )],
                ));
            }
            if let Some(r) = &it.rejection {
                lines.push(format!("{}: {r}", Msg::CalRejectReason.text(lang)));
            }
            Some(lines.join(" · ")).filter(|l| !l.is_empty())
        })
    };
    let member_name = move |id: &MemberId| {
        state.workspace.with_untracked(|w| {
            w.as_ref()
                .and_then(|w| w.info.members.iter().find(|m| &m.id == id))
                .map_or(id.0.clone(), |m| m.name.clone())
        })
    };
    let thread = move || {
        let lang = state.lang.get();
        let it = original.get_value();
        let zone = ctx.zone();
        let when = move |at: &DateTime<FixedOffset>| {
            let l = tz::in_zone(at, &zone);
            format!("{} {}", lang.date(l.date_naive()), l.format("%H:%M"))
        };
        let comments = it
            .comments
            .iter()
            .map(|c| view! { <li data-testid="comment"><strong>{member_name(&c.member)}</strong>" · "{when(&c.at)}<p>{c.text.clone()}</p></li> })
            .collect_view();
        let history = it
            .history
            .iter()
            .rev()
            .map(|c| view! { <li>{member_name(&c.member)}" · "{when(&c.at)}" · "{history_text(&c.what, lang)}</li> })
            .collect_view();
        (comments, history)
    };
    let toggle_platform = move |p: Platform, on: bool| {
        variants.update(|vs| {
            if on && !vs.iter().any(|v| v.platform == p) {
                let template = vs.first().cloned();
                vs.push(PlanVariant {
                    platform: p,
                    text: template
                        .as_ref()
                        .map(|t| t.text.clone())
                        .unwrap_or_default(),
                    media_note: template
                        .as_ref()
                        .map(|t| t.media_note.clone())
                        .unwrap_or_default(),
                    link: template.as_ref().and_then(|t| t.link.clone()),
                    hashtags: template.map(|t| t.hashtags).unwrap_or_default(),
                });
            } else if !on {
                vs.retain(|v| v.platform != p);
            }
        })
    };
    // Suggested times scan every post: once per opened editor (or changed workspace), not on
    // every keystroke in a text.
    let all_slots = Memo::new(move |_| {
        state.workspace.with(|w| {
            w.as_ref()
                .map(|ws| slots::suggest(ws, 2))
                .unwrap_or_default()
        })
    });
    let chosen = Memo::new(move |_| {
        variants.with(|vs| vs.iter().map(|v| v.platform).collect::<Vec<Platform>>())
    });
    let suggestions = move || {
        let chosen = chosen.get();
        all_slots.with(|all| {
            all.iter()
                .filter(|s| chosen.contains(&s.platform))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let use_slot = move |slot: &slots::Slot| {
        let base = NaiveDate::parse_from_str(&date.get_untracked(), "%Y-%m-%d")
            .unwrap_or_else(|_| ctx.today.get_untracked());
        let day = match slot.weekday {
            Some(w) => {
                let ahead =
                    (i64::from(w) - i64::from(base.weekday().num_days_from_monday())).rem_euclid(7);
                base + Duration::days(ahead)
            }
            None => base,
        };
        date.set(day.format("%Y-%m-%d").to_string());
        time.set(format!("{:02}:00", slot.hour));
    };
    let options = move || {
        state.workspace.with(|w| {
            let Some(ws) = w else {
                return (Vec::new(), Vec::new());
            };
            let personas = ws
                .persona_snapshots
                .iter()
                .max_by_key(|s| s.date)
                .map(|s| {
                    s.personas
                        .iter()
                        .map(|p| (p.id.0.clone(), p.name.clone()))
                        .collect()
                })
                .unwrap_or_default();
            let campaigns = ws
                .campaigns
                .iter()
                .map(|c| (c.id.0.clone(), c.name.clone()))
                .collect();
            (personas, campaigns)
        })
    };
    let select = move |label: Msg,
                       testid: &'static str,
                       value: RwSignal<String>,
                       choices: Vec<(String, String)>| {
        view! {
            <label class="lm-field">
                <span class="lm-field__label">{move || state.t(label)}</span>
                <select class="lm-input" data-testid=testid on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="" selected=value.get_untracked().is_empty()>{move || state.t(Msg::FieldNone)}</option>
                    {choices.into_iter().map(|(v, text)| { let sel = v == value.get_untracked(); view! { <option value=v selected=sel>{text}</option> } }).collect_view()}
                </select>
            </label>
        }
    };
    let input = move |label: Msg,
                      testid: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        view! {
            <label class="lm-field">
                <span class="lm-field__label">{move || state.t(label)}</span>
                <input class="lm-input" type=kind data-testid=testid prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };
    let (personas, campaigns) = options();
    let status = item.status;
    view! {
        <div class="lm-dialog-backdrop" on:click=move |_| ()>
            <div class="lm-dialog lm-editor" role="dialog" aria-modal="true" data-testid="plan-editor" data-status=status.slug()
                on:keydown=move |ev| if ev.key() == "Escape" { close() }>
                <h2 class="lm-card__title">{move || state.t(Msg::CalEditorTitle)}" · "
                    <span class=format!("lm-status lm-status--{}", status.slug())>{move || state.t(crate::domain::calendar::status_msg(status))}</span>
                </h2>
                {input(Msg::FieldTitle, "plan-title", "text", title)}
                <div class="lm-form--row">
                    {input(Msg::FieldDate, "plan-date", "date", date)}
                    {input(Msg::FieldTime, "plan-time", "time", time)}
                    <label class="lm-field">
                        <span class="lm-field__label">{move || state.t(Msg::FieldFormat)}</span>
                        <select class="lm-input" data-testid="plan-format" on:change=move |ev| format.set(event_target_value(&ev))>
                            {move || { let lang = state.lang.get(); PostFormat::ALL.into_iter().map(|f| view! {
                                <option value=f.slug() selected=format.get_untracked() == f.slug()>{audit::text::format(f, lang)}</option>
                            }).collect_view() }}
                        </select>
                    </label>
                </div>
                <div class="lm-form--row">
                    {select(Msg::FieldPersona, "plan-persona", persona, personas)}
                    {select(Msg::FieldCampaign, "plan-campaign", campaign, campaigns)}
                    {input(Msg::FieldTags, "plan-tags", "text", tags)}
                    {select(Msg::CalIdeaSource, "plan-source", source, vec![
                        ("competitors".into(), state.t(Msg::SrcCompetitors).into()),
                        ("listening".into(), state.t(Msg::SrcListening).into()),
                        ("analytics".into(), state.t(Msg::SrcAnalytics).into()),
                        ("holiday".into(), state.t(Msg::SrcHoliday).into()),
                        ("other".into(), state.t(Msg::SrcOther).into()),
                    ])}
                </div>
                <fieldset class="lm-fieldset">
                    <legend>{move || state.t(Msg::FieldPlatforms)}</legend>
                    {Platform::SOCIAL.into_iter().map(|p| view! {
                        <label class="lm-check">
                            <input type="checkbox" data-testid=format!("plan-platform-{}", p.slug())
                                prop:checked=move || variants.with(|vs| vs.iter().any(|v| v.platform == p))
                                on:change=move |ev| toggle_platform(p, event_target_checked(&ev))/>
                            {p.name()}
                        </label>
                    }).collect_view()}
                </fieldset>
                {move || variants.get().into_iter().map(|v| {
                    let p = v.platform;
                    let edit = move |f: &dyn Fn(&mut PlanVariant)| variants.update(|vs| if let Some(x) = vs.iter_mut().find(|x| x.platform == p) { f(x) });
                    let usage = move || variants.with(|vs| vs.iter().find(|x| x.platform == p).map(limits::usage)).unwrap_or((0, 0));
                    let over = move || { let (n, limit) = usage(); n > limit };
                    view! {
                        <fieldset class="lm-fieldset lm-variant" data-platform=p.slug()>
                            <legend>{p.name()}</legend>
                            <label class="lm-field">
                                <span class="lm-field__label">{move || fill(state.t(Msg::FieldText), &[("platform", p.name())])}</span>
                                <textarea class="lm-input" rows="4" data-testid=format!("plan-text-{}", p.slug())
                                    prop:value=v.text.clone()
                                    on:input=move |ev| { let t = event_target_value(&ev); edit(&|x| x.text = t.clone()) }></textarea>
                            </label>
                            <p class="lm-count" class:lm-count--over=over data-testid=format!("plan-count-{}", p.slug()) aria-live="polite">
                                {move || { let lang = state.lang.get(); let (n, limit) = usage(); fill(Msg::CalCount.text(lang), &[("n", &lang.count(n as f64)), ("limit", &lang.count(limit as f64))]) }}
                                {move || over().then(|| { let lang = state.lang.get(); let (n, limit) = usage(); format!(" {}", fill(Msg::CalOverLimit.text(lang), &[("platform", p.name()), ("n", &lang.count((n - limit) as f64))])) })}
                            </p>
                            <div class="lm-form--row">
                                <label class="lm-field">
                                    <span class="lm-field__label">{move || state.t(Msg::FieldLink)}</span>
                                    <input class="lm-input" type="url" prop:value=v.link.clone().unwrap_or_default()
                                        on:input=move |ev| { let t = event_target_value(&ev); edit(&|x| x.link = Some(t.trim().to_owned()).filter(|l| !l.is_empty())) }/>
                                </label>
                                <label class="lm-field">
                                    <span class="lm-field__label">{move || state.t(Msg::FieldHashtags)}</span>
                                    <input class="lm-input" type="text" prop:value=v.hashtags.join(" ")
                                        on:input=move |ev| { let t = event_target_value(&ev); edit(&|x| x.hashtags = t.split_whitespace().map(str::to_owned).collect()) }/>
                                </label>
                                <label class="lm-field">
                                    <span class="lm-field__label">{move || state.t(Msg::FieldMedia)}</span>
                                    <input class="lm-input" type="text" prop:value=v.media_note.clone()
                                        on:input=move |ev| { let t = event_target_value(&ev); edit(&|x| x.media_note = t.clone()) }/>
                                </label>
                            </div>
                        </fieldset>
                    }
                }).collect_view()}
                <section class="lm-editor__slots" data-testid="slots">
                    <h3 class="lm-section-title">{move || state.t(Msg::CalSlots)}</h3>
                    {move || {
                        let lang = state.lang.get();
                        let list = suggestions();
                        if list.is_empty() {
                            return view! { <p class="lm-hint">{Msg::SlotNone.text(lang)}</p> }.into_any();
                        }
                        view! { <ul class="lm-slots">{list.into_iter().map(|s| {
                            let when = match s.weekday {
                                Some(d) => format!("{} {:02}:00", lang.weekday_short(usize::from(d)), s.hour),
                                None => format!("{} {:02}:00", Msg::EveryDay.text(lang), s.hour),
                            };
                            let text = match s.reason {
                                slots::Reason::Performed { ratio, posts } => fill(Msg::SlotPerformed.text(lang), &[("when", &when), ("platform", s.platform.name()), ("ratio", &lang.number(ratio, 1)), ("n", &posts.to_string())]),
                                slots::Reason::Online { active } => fill(Msg::SlotOnline.text(lang), &[("when", &when), ("platform", s.platform.name()), ("n", &lang.count(active))]),
                            };
                            view! { <li data-testid="slot">{text}" "
                                <button class="lm-button lm-button--small" on:click=move |_| use_slot(&s)>{Msg::SlotUse.text(lang)}</button></li> }
                        }).collect_view()}</ul> }.into_any()
                    }}
                </section>
                {move || approval().map(|a| view! { <p class="lm-hint" data-testid="approval-progress">{a}</p> })}
                {move || {
                    let lang = state.lang.get();
                    let list = actions();
                    let rejectable = list.iter().any(|a| matches!(a, workflow::Action::Reject(_)));
                    view! {
                        <div class="lm-actions" data-testid="workflow-actions">
                            {list.into_iter().map(|a| {
                                let slug = a.slug();
                                let label = action_msg(&a).text(lang);
                                view! {
                                    <button class="lm-button" data-testid=format!("action-{slug}")
                                        on:click=move |_| {
                                            let a = match &a { workflow::Action::Reject(_) => workflow::Action::Reject(reason.get_untracked()), other => other.clone() };
                                            run(a)
                                        }>{label}</button>
                                }
                            }).collect_view()}
                        </div>
                        {rejectable.then(|| view! {
                            <label class="lm-field">
                                <span class="lm-field__label">{Msg::CalRejectReason.text(lang)}</span>
                                <input class="lm-input" type="text" data-testid="reject-reason" prop:value=move || reason.get()
                                    on:input=move |ev| reason.set(event_target_value(&ev))/>
                            </label>
                        })}
                    }
                }}
                <div class="lm-dialog__actions">
                    <button class="lm-button lm-button--quiet" data-testid="plan-cancel" on:click=move |_| close()>{move || state.t(Msg::Cancel)}</button>
                    {exists.then(|| view! {
                        <button class="lm-button" data-testid="plan-delete" on:click=delete>{move || state.t(Msg::CalDelete)}</button>
                        <button class="lm-button" data-testid="plan-duplicate" on:click=duplicate>{move || state.t(Msg::CalDuplicate)}</button>
                    })}
                    <button class="lm-button lm-button--primary" data-testid="plan-save" on:click=save>{move || state.t(Msg::Save)}</button>
                </div>
                {exists.then(|| view! {
                    <section class="lm-editor__thread">
                        <h3 class="lm-section-title">{move || state.t(Msg::CalComments)}</h3>
                        <ul class="lm-thread">{move || thread().0}</ul>
                        <label class="lm-field">
                            <span class="lm-field__label">{move || state.t(Msg::CalCommentField)}</span>
                            <textarea class="lm-input" rows="2" data-testid="comment-text" prop:value=move || comment.get()
                                on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                        </label>
                        <button class="lm-button" data-testid="comment-post" on:click=post_comment>{move || state.t(Msg::CalAddComment)}</button>
                        <h3 class="lm-section-title">{move || state.t(Msg::CalHistory)}</h3>
                        <ul class="lm-thread" data-testid="history">{move || thread().1}</ul>
                    </section>
                })}
            </div>
        </div>
    }
}
