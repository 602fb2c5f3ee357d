//! The team behind the calendar: members and their roles, the approval rule (1–3 steps, each
//! passed by any one or all of its approvers) and the frequency plan per platform. Saved in the
//! workspace settings.

use leptos::prelude::*;

use crate::app::actions::update_info;
use crate::app::state::use_app;
use crate::domain::{
    ApprovalMode, ApprovalStep, Cadence, FrequencyTarget, Member, MemberId, Platform, Role,
};
use crate::i18n::Msg;

pub fn role_msg(role: Role) -> Msg {
    match role {
        Role::ContentManager => Msg::RoleManager,
        Role::ContentCreator => Msg::RoleCreator,
        Role::ContentEditor => Msg::RoleEditor,
    }
}

const ROLES: [(Role, &str); 3] = [
    (Role::ContentManager, "manager"),
    (Role::ContentCreator, "creator"),
    (Role::ContentEditor, "editor"),
];

fn role_of(slug: &str) -> Role {
    ROLES
        .iter()
        .find(|(_, s)| *s == slug)
        .map_or(Role::ContentCreator, |(r, _)| *r)
}

#[component]
pub fn TeamView() -> impl IntoView {
    let state = use_app();
    let info = move || state.workspace.with(|w| w.as_ref().map(|w| w.info.clone()));
    let new_name = RwSignal::new(String::new());
    let new_role = RwSignal::new("creator".to_owned());
    let add = move |_| {
        let name = new_name.get_untracked().trim().to_owned();
        if name.is_empty() {
            return;
        }
        let role = role_of(&new_role.get_untracked());
        new_name.set(String::new());
        update_info(state, move |info| {
            let mut n = info.members.len() + 1;
            let base = format!("m-{}", crate::domain::slug(&name));
            let mut id = base.clone();
            while info.members.iter().any(|m| m.id.0 == id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            info.members.push(Member {
                id: MemberId(id),
                name,
                role,
            });
        });
    };
    let members = move || {
        let lang = state.lang.get();
        info().map(|i| {
            i.members.into_iter().map(|m| {
                let id = m.id.clone();
                let id2 = m.id.clone();
                view! {
                    <tr data-testid="member">
                        <td>{m.name.clone()}</td>
                        <td>
                            <select class="lm-input" aria-label=Msg::CalRole.text(lang) on:change=move |ev| {
                                let role = role_of(&event_target_value(&ev));
                                let id = id.clone();
                                update_info(state, move |info| if let Some(x) = info.members.iter_mut().find(|x| x.id == id) { x.role = role });
                            }>
                                {ROLES.iter().map(|(r, s)| view! { <option value=*s selected=*r == m.role>{role_msg(*r).text(lang)}</option> }).collect_view()}
                            </select>
                        </td>
                        <td><button class="lm-button lm-button--small" on:click=move |_| {
                            let id = id2.clone();
                            update_info(state, move |info| {
                                info.members.retain(|x| x.id != id);
                                for step in &mut info.approval.steps { step.approvers.retain(|a| a != &id); }
                            });
                        }>{Msg::CalRemoveMember.text(lang)}</button></td>
                    </tr>
                }
            }).collect_view()
        })
    };
    let set_steps = move |n: usize| {
        update_info(state, move |info| {
            let n = n.clamp(1, 3);
            info.approval.steps.resize(
                n,
                ApprovalStep {
                    approvers: Vec::new(),
                    mode: ApprovalMode::Any,
                },
            );
        })
    };
    let steps = move || {
        let lang = state.lang.get();
        info().map(|i| {
            let approvers: Vec<Member> = i.members.iter().filter(|m| m.role.may_approve()).cloned().collect();
            i.approval.steps.iter().enumerate().map(|(n, step)| {
                let mode_all = step.mode == ApprovalMode::All;
                view! {
                    <fieldset class="lm-fieldset" data-testid="approval-step">
                        <legend>{crate::i18n::fill(Msg::CalStepMode.text(lang), &[("n", &(n + 1).to_string())])}</legend>
                        <select class="lm-input" aria-label=Msg::CalStepMode.text(lang) on:change=move |ev| {
                            let all = event_target_value(&ev) == "all";
                            update_info(state, move |info| if let Some(s) = info.approval.steps.get_mut(n) { s.mode = if all { ApprovalMode::All } else { ApprovalMode::Any } });
                        }>
                            <option value="any" selected=!mode_all>{Msg::ModeAny.text(lang)}</option>
                            <option value="all" selected=mode_all>{Msg::ModeAll.text(lang)}</option>
                        </select>
                        {approvers.iter().map(|m| {
                            let id = m.id.clone();
                            let on = step.approvers.contains(&m.id);
                            view! {
                                <label class="lm-check">
                                    <input type="checkbox" prop:checked=on on:change=move |ev| {
                                        let checked = event_target_checked(&ev);
                                        let id = id.clone();
                                        update_info(state, move |info| if let Some(s) = info.approval.steps.get_mut(n) {
                                            s.approvers.retain(|a| a != &id);
                                            if checked { s.approvers.push(id); }
                                        });
                                    }/>
                                    {m.name.clone()}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()
        })
    };
    let plan = move || {
        let lang = state.lang.get();
        info().map(|i| {
            Platform::SOCIAL.into_iter().map(|p| {
                let target = i.frequency_plan.iter().find(|t| t.platform == p).cloned();
                let (min, max, weekly) = target.as_ref().map_or((0.0, 0.0, false), |t| (t.min, t.max, t.per == Cadence::Weekly));
                let set = move |which: u8, value: String| {
                    let v: f64 = value.replace(',', ".").parse().unwrap_or(0.0);
                    update_info(state, move |info| {
                        let t = match info.frequency_plan.iter_mut().position(|t| t.platform == p) {
                            Some(i) => &mut info.frequency_plan[i],
                            None => {
                                info.frequency_plan.push(FrequencyTarget { platform: p, min: 0.0, max: 0.0, per: Cadence::Daily });
                                info.frequency_plan.last_mut().unwrap_or_else(|| unreachable!())
                            }
                        };
                        match which {
                            0 => t.min = v.max(0.0),
                            1 => t.max = v.max(0.0),
                            _ => t.per = if v > 0.5 { Cadence::Weekly } else { Cadence::Daily },
                        }
                        if t.max < t.min { t.max = t.min; }
                    });
                };
                view! {
                    <tr data-testid="frequency-target" data-platform=p.slug()>
                        <td>{p.name()}</td>
                        <td><input class="lm-input lm-input--short" type="number" min="0" step="0.5" aria-label=Msg::CalPlanMin.text(lang)
                            prop:value=min.to_string() on:change=move |ev| set(0, event_target_value(&ev))/></td>
                        <td><input class="lm-input lm-input--short" type="number" min="0" step="0.5" aria-label=Msg::CalPlanMax.text(lang)
                            prop:value=max.to_string() on:change=move |ev| set(1, event_target_value(&ev))/></td>
                        <td><select class="lm-input" aria-label=Msg::CalPer.text(lang) on:change=move |ev| set(2, if event_target_value(&ev) == "week" { "1".into() } else { "0".into() })>
                            <option value="day" selected=!weekly>{Msg::CadenceDaily.text(lang)}</option>
                            <option value="week" selected=weekly>{Msg::CadenceWeekly.text(lang)}</option>
                        </select></td>
                    </tr>
                }
            }).collect_view()
        })
    };
    let step_count = move || info().map_or(1, |i| i.approval.steps.len());
    view! {
        <div class="lm-team" data-testid="team-view">
            <section class="lm-card">
                <h2 class="lm-card__title">{move || state.t(Msg::CalTeamTitle)}</h2>
                <div class="lm-table-wrap"><table class="lm-table lm-table--compact"><tbody>{members}</tbody></table></div>
                <div class="lm-form--row">
                    <label class="lm-field">
                        <span class="lm-field__label">{move || state.t(Msg::CalMemberName)}</span>
                        <input class="lm-input" type="text" data-testid="member-name" prop:value=move || new_name.get()
                            on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    </label>
                    <label class="lm-field">
                        <span class="lm-field__label">{move || state.t(Msg::CalRole)}</span>
                        <select class="lm-input" data-testid="member-role" on:change=move |ev| new_role.set(event_target_value(&ev))>
                            {move || ROLES.iter().map(|(r, s)| view! { <option value=*s selected=*s == new_role.get_untracked()>{state.t(role_msg(*r))}</option> }).collect_view()}
                        </select>
                    </label>
                    <button class="lm-button" data-testid="member-add" on:click=add>{move || state.t(Msg::CalAddMember)}</button>
                </div>
            </section>
            <section class="lm-card">
                <h2 class="lm-card__title">{move || state.t(Msg::CalApprovalTitle)}</h2>
                <p class="lm-hint">{move || state.t(Msg::CalApprovalHelp)}</p>
                <label class="lm-field lm-field--inline">
                    <span class="lm-field__label">{move || state.t(Msg::CalSteps)}</span>
                    <select class="lm-input" data-testid="approval-steps" on:change=move |ev| set_steps(event_target_value(&ev).parse().unwrap_or(1))>
                        {move || (1..=3).map(|n| view! { <option value=n.to_string() selected=n == step_count()>{n.to_string()}</option> }).collect_view()}
                    </select>
                </label>
                {steps}
            </section>
            <section class="lm-card">
                <h2 class="lm-card__title">{move || state.t(Msg::CalPlanTitle)}</h2>
                <p class="lm-hint">{move || state.t(Msg::CalPlanHelp)}</p>
                <div class="lm-table-wrap"><table class="lm-table lm-table--compact"><tbody>{plan}</tbody></table></div>
            </section>
        </div>
    }
}
