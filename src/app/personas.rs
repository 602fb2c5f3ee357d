//! Personas from the page: starts the clustering in its own worker (cancelled by ending it),
//! follows its progress, records the `cluster:run` measure in the page's timeline, and saves or
//! removes persona snapshots.

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::Worker;

use super::actions::{self, store_error_text};
use super::browser;
use super::state::AppState;
use super::worker_client::{self, Reply};
use crate::domain::personas::{Found, PersonaError, Settings};
use crate::domain::{AudienceTable, PersonaSnapshot, tz};
use crate::i18n::{Lang, Msg, fill};
use crate::storage::workspace;
use crate::worker::protocol::{Job, PersonaJobError, PersonaRequest};

thread_local! {
    static RUNNING: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// A clustering run as the page shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PersonaRun {
    pub running: bool,
    /// 0..1
    pub done: f32,
    pub error: Option<String>,
}

pub fn error_text(lang: Lang, error: &PersonaJobError) -> String {
    match error {
        PersonaJobError::NoTable => Msg::PersonaErrNoTable.text(lang).into(),
        PersonaJobError::Personas(PersonaError::NoColumns) => {
            Msg::PersonaErrNoColumns.text(lang).into()
        }
        PersonaJobError::Personas(PersonaError::TooFewMembers(n)) => {
            fill(Msg::PersonaErrTooFew.text(lang), &[("n", &n.to_string())])
        }
        PersonaJobError::Load(e) => actions::job_error_text(lang, e),
    }
}

/// Groups the members of `table` with `settings`; `found` receives the personas.
pub fn find(
    state: AppState,
    run: RwSignal<PersonaRun>,
    found: RwSignal<Option<Found>>,
    table: String,
    settings: Settings,
) {
    let Some((workspace, time_zone)) = state.workspace.with_untracked(|w| {
        w.as_ref()
            .map(|w| (w.info.id.0.clone(), w.info.time_zone.clone()))
    }) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let job = Job::Personas(PersonaRequest {
        workspace,
        table,
        settings,
        today: tz::today(browser::now_millis(), &time_zone),
        lang,
    });
    run.set(PersonaRun {
        running: true,
        ..PersonaRun::default()
    });
    let on_reply = move |reply: Reply| {
        if let Some(done) = reply.message.persona_progress() {
            return run.update(|r| r.done = done);
        }
        let Some(reply) = reply.message.personas() else {
            return;
        };
        stop();
        if let Some((start, end)) = reply.measure {
            let shift = reply.time_origin - browser::time_origin();
            let members = reply.outcome.as_ref().map_or(0, |f| f.members);
            browser::measure_span("cluster:run", start + shift, end + shift, members.into());
        }
        match reply.outcome {
            Ok(result) => {
                found.set(Some(result));
                run.set(PersonaRun::default());
            }
            Err(e) => run.set(PersonaRun {
                error: Some(error_text(lang, &e)),
                ..PersonaRun::default()
            }),
        }
    };
    let on_error = move |detail: String| {
        stop();
        run.set(PersonaRun {
            error: Some(detail),
            ..PersonaRun::default()
        });
    };
    match worker_client::start(&job, Vec::new(), on_reply, on_error) {
        Ok(worker) => RUNNING.with(|r| *r.borrow_mut() = Some(worker)),
        Err(detail) => run.set(PersonaRun {
            error: Some(detail),
            ..PersonaRun::default()
        }),
    }
}

fn stop() {
    if let Some(worker) = RUNNING.with(|r| r.borrow_mut().take()) {
        worker.terminate();
    }
}

/// Stops a running clustering; nothing was stored.
pub fn cancel(run: RwSignal<PersonaRun>) {
    stop();
    run.set(PersonaRun::default());
}

/// Saves a snapshot (with the table's column choices), or removes one after asking.
pub fn save_snapshot(
    state: AppState,
    table: Option<AudienceTable>,
    snapshot: PersonaSnapshot,
    remove: bool,
) {
    let Some(store) = actions::store(&state) else {
        return;
    };
    let Some(id) = actions::open_id(&state) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let date = lang.date(snapshot.date);
    let go = move || {
        let (store, id, table, snapshot) =
            (store.clone(), id.clone(), table.clone(), snapshot.clone());
        spawn_local(async move {
            match workspace::save_personas(&store, &id, table.as_ref(), &snapshot, remove).await {
                Ok(()) => {
                    actions::announce(&state, &id);
                    state.workspace.update(|w| {
                        if let Some(w) = w {
                            w.persona_snapshots.retain(|s| s.id != snapshot.id);
                            if !remove {
                                w.persona_snapshots.push(snapshot);
                            }
                            if let Some(t) = table
                                && let Some(old) =
                                    w.audience_tables.iter_mut().find(|o| o.id == t.id)
                            {
                                *old = t;
                            }
                        }
                    });
                    state.info(Msg::Saved.text(lang).into());
                }
                Err(e) => state.error(store_error_text(lang, &e)),
            }
        });
    };
    if remove {
        let text = fill(Msg::PersonaRemoveConfirm.text(lang), &[("date", &date)]);
        actions::ask(state, text, go);
    } else {
        go();
    }
}
