//! What the calendar lets a user do: save, move, duplicate and delete planned posts (with undo),
//! take workflow actions as the chosen team member, and export or import the plan as ICS and
//! CSV. Every change is one transaction; the screen follows only after it landed.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::actions::{announce, open_id, store, store_error_text};
use super::browser;
use super::state::AppState;
use super::worker_client;
use crate::domain::calendar::{holidays, ics, plan_csv, workflow};
use crate::domain::{MemberId, PlanItem, PlanItemId, Platform, tz};
use crate::i18n::{Lang, Msg, fill};
use crate::storage::workspace;
use crate::worker::protocol::{Job, PlanFileRequest};

const MEMBER: &str = "linimasa.member";

/// The team member this device works as in the open workspace: the saved choice, or the first
/// member.
pub fn current_member(state: &AppState) -> Option<MemberId> {
    state.workspace.with(|w| {
        let ws = w.as_ref()?;
        let saved = browser::preference(&format!("{MEMBER}.{}", ws.info.id));
        ws.info
            .members
            .iter()
            .find(|m| Some(m.id.as_str()) == saved.as_deref())
            .or(ws.info.members.first())
            .map(|m| m.id.clone())
    })
}

pub fn set_member(state: &AppState, member: &str) {
    if let Some(id) = open_id(state) {
        browser::set_preference(&format!("{MEMBER}.{id}"), member);
    }
}

/// Now, with the workspace zone's offset.
pub fn now(state: &AppState) -> DateTime<FixedOffset> {
    let zone = state.workspace.with_untracked(|w| {
        w.as_ref()
            .map(|w| w.info.time_zone.clone())
            .unwrap_or_default()
    });
    let utc = Utc
        .timestamp_millis_opt(browser::now_millis())
        .single()
        .unwrap_or_default();
    tz::in_zone(&utc.fixed_offset(), &zone)
}

/// Stores `save` and removes `remove` in one transaction, then shows the result.
pub fn save(
    state: AppState,
    save: Vec<PlanItem>,
    remove: Vec<PlanItemId>,
    done: impl FnOnce(&AppState) + 'static,
) {
    let Some(store) = store(&state) else { return };
    let Some(id) = open_id(&state) else { return };
    let lang = state.lang.get_untracked();
    spawn_local(async move {
        match workspace::save_plan(&store, &id, &save, &remove).await {
            Ok(()) => {
                announce(&state, &id);
                state.workspace.update(|w| {
                    if let Some(w) = w {
                        w.plan.retain(|p| !remove.contains(&p.id));
                        for item in save {
                            match w.plan.iter_mut().find(|p| p.id == item.id) {
                                Some(slot) => *slot = item,
                                None => w.plan.push(item),
                            }
                        }
                    }
                });
                state.generation.update(|g| *g += 1);
                done(&state);
            }
            Err(e) => state.error(store_error_text(lang, &e)),
        }
    });
}

/// Deletes a planned post; the notice offers to bring it back.
pub fn delete(state: AppState, item: PlanItem) {
    let lang = state.lang.get_untracked();
    let text = fill(Msg::CalDeleted.text(lang), &[("title", &item.title)]);
    save(state, Vec::new(), vec![item.id.clone()], move |s| {
        s.undoable(text, move || {
            save(state, vec![item.clone()], Vec::new(), |_| {})
        });
    });
}

/// A workflow action by the current member; a refusal is shown and changes nothing.
pub fn act(state: AppState, mut item: PlanItem, action: workflow::Action) {
    let lang = state.lang.get_untracked();
    let Some(member) = current_member(&state) else {
        state.error(Msg::RefUnknownMember.text(lang).into());
        return;
    };
    let at = now(&state);
    let refused = state.workspace.with_untracked(|w| {
        let ws = w.as_ref()?;
        workflow::apply(
            &mut item,
            action,
            &member,
            &ws.info.approval,
            &ws.info.members,
            at,
        )
        .err()
    });
    match refused {
        Some(r) => state.error(refusal_text(lang, &r).into()),
        None => save(state, vec![item], Vec::new(), move |s| {
            s.info(Msg::Saved.text(lang).into())
        }),
    }
}

pub fn refusal_text(lang: Lang, refusal: &workflow::Refusal) -> &'static str {
    use workflow::Refusal::*;
    match refusal {
        WrongStatus => Msg::RefWrongStatus,
        NotAnApprover => Msg::RefNotApprover,
        OwnPost => Msg::RefOwnPost,
        NotInStep => Msg::RefNotInStep,
        AlreadyApproved => Msg::RefAlready,
        NoReason => Msg::RefNoReason,
        NoTime => Msg::RefNoTime,
        UnknownMember => Msg::RefUnknownMember,
    }
    .text(lang)
}

fn file_stamp(state: &AppState) -> String {
    now(state).format("%Y%m%d-%H%M").to_string()
}

/// Downloads the shown posts (and optionally the holidays of their dates) as an ICS file.
pub fn export_ics(state: AppState, items: Vec<PlanItem>, countries: Vec<&'static str>) {
    let lang = state.lang.get_untracked();
    let Some(text) = state.workspace.with_untracked(|w| {
        let ws = w.as_ref()?;
        let zone = &ws.info.time_zone;
        let dates: Vec<_> = items
            .iter()
            .filter_map(|i| i.scheduled.as_ref())
            .map(|s| tz::local_date(s, zone))
            .collect();
        let days = match (dates.iter().min(), dates.iter().max()) {
            (Some(from), Some(to)) if !countries.is_empty() => {
                holidays::between(&countries, *from, *to)
            }
            _ => Vec::new(),
        };
        let refs: Vec<&PlanItem> = items.iter().collect();
        Some(ics::write(&ics::IcsInput {
            workspace: &ws.info.id,
            calendar_name: &ws.info.name,
            zone,
            items: &refs,
            holidays: &days,
            lang,
            stamp: Utc
                .timestamp_millis_opt(browser::now_millis())
                .single()
                .unwrap_or_default(),
        }))
    }) else {
        return;
    };
    let name = format!("linimasa-calendar-{}.ics", file_stamp(&state));
    finish_export(&state, &name, "text/calendar", text.as_bytes(), items.len());
}

/// Downloads the shown posts as CSV.
pub fn export_csv(state: AppState, items: Vec<PlanItem>) {
    let Some(bytes) = state.workspace.with_untracked(|w| {
        let ws = w.as_ref()?;
        let refs: Vec<&PlanItem> = items.iter().collect();
        Some(plan_csv::write(&refs, &ws.info.time_zone))
    }) else {
        return;
    };
    let name = format!("linimasa-plan-{}.csv", file_stamp(&state));
    finish_export(&state, &name, "text/csv", &bytes, items.len());
}

fn finish_export(state: &AppState, name: &str, mime: &str, bytes: &[u8], n: usize) {
    let lang = state.lang.get_untracked();
    match browser::download(name, mime, bytes) {
        Ok(()) => state.info(fill(
            Msg::CalExported.text(lang),
            &[("n", &lang.count(n as f64)), ("file", name)],
        )),
        Err(e) => state.error(e),
    }
}

fn problem_text(lang: Lang, problem: &plan_csv::Problem) -> String {
    use plan_csv::Problem::*;
    let (msg, value) = match problem {
        NoHeader => (Msg::CalErrNoHeader, ""),
        BadDate(v) => (Msg::CalErrDate, v.as_str()),
        BadTime(v) => (Msg::CalErrTime, v.as_str()),
        UnknownPlatform(v) => (Msg::CalErrPlatform, v.as_str()),
        UnknownStatus(v) => (Msg::CalErrStatus, v.as_str()),
        UnknownFormat(v) => (Msg::CalErrFormat, v.as_str()),
        MixedDateOrder => (Msg::CalErrMixedOrder, ""),
        Empty => (Msg::CalErrEmpty, ""),
    };
    fill(msg.text(lang), &[("value", value)])
}

/// Imports a planned-posts CSV: all rows or none. Known ids update their posts in place.
pub fn import_csv(state: AppState, file: web_sys::File) {
    let lang = state.lang.get_untracked();
    let name = file.name();
    spawn_local(async move {
        let bytes = match browser::read_file(&file).await {
            Ok(b) => b,
            Err(e) => return state.error(e),
        };
        let Some(author) = current_member(&state) else {
            return state.error(Msg::RefUnknownMember.text(lang).into());
        };
        let at = now(&state);
        let Some((zone, default_platform)) = state.workspace.with_untracked(|w| {
            let ws = w.as_ref()?;
            let platform = ws
                .profiles
                .iter()
                .find(|p| !p.competitor && p.platform != Platform::Web)
                .map_or(Platform::Instagram, |p| p.platform);
            Some((ws.info.time_zone.clone(), platform))
        }) else {
            return;
        };
        let job = Job::PlanFile(PlanFileRequest {
            zone,
            author,
            default_platform,
            id_prefix: format!("csv-{}", at.timestamp_millis()),
            now: at,
        });
        // Decoding and parsing run in the worker, which has every encoding.
        let read = match worker_client::call(&job, Some(bytes)).await {
            Ok(reply) => match reply.message.plan_file() {
                Some(read) => read,
                None => return state.error("worker".into()),
            },
            Err(e) => return state.error(e),
        };
        let result = state.workspace.with_untracked(|w| {
            let ws = w.as_ref()?;
            Some(read.map(|r| {
                let (rows, without_time) = (r.rows, r.without_time);
                (plan_csv::merge_into(&ws.plan, r.items), rows, without_time)
            }))
        });
        match result {
            None => {}
            Some(Err(errors)) => {
                let mut text = fill(Msg::CalImportFailed.text(lang), &[("file", &name)]);
                for e in errors {
                    text.push(' ');
                    text.push_str(&fill(
                        Msg::CalImportCell.text(lang),
                        &[
                            ("line", &e.line.to_string()),
                            ("column", &e.column),
                            ("problem", &problem_text(lang, &e.problem)),
                        ],
                    ));
                }
                state.error(text);
            }
            Some(Ok((items, rows, without_time))) => {
                let mut text = fill(
                    Msg::CalImported.text(lang),
                    &[
                        ("n", &lang.count(items.len() as f64)),
                        ("file", &name),
                        ("rows", &lang.count(rows as f64)),
                    ],
                );
                if without_time > 0 {
                    text.push(' ');
                    text.push_str(&fill(
                        Msg::CalImportNoTime.text(lang),
                        &[("n", &without_time.to_string())],
                    ));
                }
                save(state, items, Vec::new(), move |s| s.info(text));
            }
        }
    });
}
