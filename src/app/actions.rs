//! What the user can do, as functions over [`AppState`]: open the last workspace, load the demo,
//! change settings, export and import workspace files. Each one calls the domain, writes through
//! the store in one transaction, tells other tabs, and only then updates the state, so a failed
//! write leaves both storage and screen as they were.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{self, Timing};
use super::state::{AppState, Confirmation};
use super::store::AppStore;
use super::tabs::Tabs;
use super::worker_client::{self, Reply};
use crate::domain::{ProfileId, Workspace, WorkspaceId, WorkspaceInfo, tz};
use crate::i18n::{Lang, Msg, fill};
use crate::storage::StoreError;
use crate::storage::migrate::{self, RestoreError};
use crate::storage::workspace::{self, LoadError};
use crate::worker::protocol::{Job, JobError, Rewritten};

const CURRENT_WORKSPACE: &str = "linimasa.workspace";
pub const LANGUAGE: &str = "linimasa.lang";

/// The user-facing text of a storage failure.
pub fn store_error_text(lang: Lang, error: &StoreError) -> String {
    match error {
        StoreError::QuotaExceeded => Msg::ErrorQuota.text(lang).to_owned(),
        StoreError::Unavailable(_) => Msg::ErrorStorageUnavailable.text(lang).to_owned(),
        StoreError::Failed(detail) => fill(Msg::ErrorStorage.text(lang), &[("detail", detail)]),
    }
}

/// The user-facing reason a workspace file was refused.
pub fn restore_error_text(lang: Lang, error: &RestoreError) -> String {
    let t = |m: Msg| m.text(lang);
    match error {
        RestoreError::NotJson { line, column } => fill(
            t(Msg::ReasonNotJson),
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        RestoreError::NotWorkspace => t(Msg::ReasonNotWorkspace).to_owned(),
        RestoreError::Newer { schema } => {
            fill(t(Msg::ReasonNewer), &[("schema", &schema.to_string())])
        }
        RestoreError::Invalid { path, detail } => {
            fill(t(Msg::ReasonInvalid), &[("path", path), ("detail", detail)])
        }
        RestoreError::Inconsistent(detail) => {
            fill(t(Msg::ReasonInconsistent), &[("detail", detail)])
        }
    }
}

fn load_error_text(lang: Lang, error: &LoadError) -> String {
    match error {
        LoadError::Store(e) => store_error_text(lang, e),
        LoadError::Restore(e) => fill(
            Msg::ErrorStorage.text(lang),
            &[("detail", &restore_error_text(lang, e))],
        ),
    }
}

pub(crate) fn store(state: &AppState) -> Option<AppStore> {
    state.store.get_value()
}

pub(crate) fn announce(state: &AppState, ws: &WorkspaceId) {
    state.tabs.with_value(|tabs| {
        if let Some(tabs) = tabs {
            tabs.announce(&ws.0);
        }
    });
}

/// Opens storage and the last used workspace (creating an empty one on first open), and starts
/// listening to other tabs.
pub fn start(state: AppState) {
    spawn_local(async move {
        let timing = Timing::start("workspace:load");
        let (store, problem) = AppStore::open().await;
        state.store.set_value(Some(store.clone()));
        if let Some(problem) = problem {
            state.error(store_error_text(state.lang.get_untracked(), &problem));
        }
        let tabs = Tabs::listen(move |ws| {
            let open = state
                .workspace
                .with_untracked(|w| w.as_ref().map(|w| w.info.id.0 == ws));
            if open == Some(true) {
                reload(state, true);
            }
        });
        state.tabs.set_value(tabs);
        match open_current(&store, state.lang.get_untracked()).await {
            Ok(ws) => {
                let records = ws.counts().total();
                browser::set_preference(CURRENT_WORKSPACE, &ws.info.id.0);
                state.set_workspace(ws);
                timing.end(records);
                super::reports::prepare_due(state);
            }
            Err(e) => {
                let lang = state.lang.get_untracked();
                state.error(load_error_text(lang, &e));
                // Show an empty, unsaved workspace rather than nothing.
                state.set_workspace(Workspace::empty(new_info(lang)));
            }
        }
        browser::request_persistence().await;
    });
}

fn new_info(lang: Lang) -> WorkspaceInfo {
    let name = match lang {
        Lang::Id => "Workspace saya",
        Lang::En => "My workspace",
    };
    WorkspaceInfo::new(WorkspaceId::from("workspace-1"), name)
}

async fn open_current(store: &AppStore, lang: Lang) -> Result<Workspace, LoadError> {
    let wanted = browser::preference(CURRENT_WORKSPACE);
    let listed = workspace::list(store).await?;
    let id = wanted
        .filter(|w| listed.iter().any(|i| &i.id.0 == w))
        .map(WorkspaceId::from)
        .or_else(|| listed.first().map(|i| i.id.clone()));
    if let Some(id) = id
        && let Some(ws) = workspace::load(store, &id).await?
    {
        return Ok(ws);
    }
    let info = new_info(lang);
    workspace::save_info(store, &info).await?;
    Ok(Workspace::empty(info))
}

/// Reloads the open workspace from storage (another tab changed it).
pub fn reload(state: AppState, from_other_tab: bool) {
    let Some(store) = store(&state) else { return };
    let Some(id) = open_id(&state) else {
        return;
    };
    spawn_local(async move {
        match workspace::load(&store, &id).await {
            Ok(Some(ws)) => {
                state.set_workspace(ws);
                if from_other_tab {
                    state.info(Msg::OtherTabChanged.text(state.lang.get_untracked()).into());
                }
            }
            Ok(None) => {}
            Err(e) => state.error(load_error_text(state.lang.get_untracked(), &e)),
        }
    });
}

/// Reloads the open workspace after it changed in storage behind the page's back (the import
/// worker), and tells other tabs.
pub fn reload_and_announce(state: AppState) {
    if let Some(id) = open_id(&state) {
        announce(&state, &id);
    }
    reload(state, false);
}

pub(crate) fn ask(state: AppState, text: String, on_confirm: impl Fn() + 'static) {
    state.confirmation.set(Some(Confirmation {
        text,
        on_confirm: std::rc::Rc::new(on_confirm),
    }));
}

/// The open workspace's identity.
pub(crate) fn open_id(state: &AppState) -> Option<WorkspaceId> {
    state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.info.id.clone()))
}

/// The open workspace's identity and today's date in its time zone.
fn open_workspace(state: &AppState) -> Option<(String, chrono::NaiveDate)> {
    state.workspace.with_untracked(|w| {
        w.as_ref().map(|w| {
            (
                w.info.id.0.clone(),
                tz::today(browser::now_millis(), &w.info.time_zone),
            )
        })
    })
}

/// The user-facing text of a failed whole-workspace job.
pub(crate) fn job_error_text(lang: Lang, error: &JobError) -> String {
    match error {
        JobError::Store(e) => store_error_text(lang, e),
        JobError::Restore(e) => restore_error_text(lang, e),
        JobError::Reassign(e) => {
            use crate::domain::reassign::ReassignError;
            let detail = match e {
                ReassignError::Unknown(id) => {
                    fill(Msg::ReassignUnknown.text(lang), &[("profile", id)])
                }
                ReassignError::Same => Msg::ReassignSame.text(lang).to_owned(),
                ReassignError::OtherPlatform => Msg::ReassignOtherPlatform.text(lang).to_owned(),
                ReassignError::OwnAndCompetitor => Msg::ReassignCompetitor.text(lang).to_owned(),
            };
            fill(Msg::ReassignImpossible.text(lang), &[("detail", &detail)])
        }
    }
}

/// Runs a whole-workspace job in the worker and, when it stored something, reloads the
/// workspace, tells other tabs and says `done`.
async fn rewrite(state: AppState, job: Job, file: Option<Vec<u8>>) -> Result<Rewritten, JobError> {
    let outcome = match worker_client::call(&job, file).await {
        Ok(reply) => reply
            .message
            .rewritten()
            .unwrap_or_else(|| Err(JobError::Store(StoreError::Failed("worker".into())))),
        Err(e) => Err(JobError::Store(StoreError::Failed(e))),
    };
    if let Ok(done) = &outcome
        && done.stored
    {
        reload_and_announce(state);
    }
    outcome
}

/// Loads the demo workspace (asking first when the open workspace has data). It is generated
/// and stored by the worker; the page then reloads it.
pub fn load_demo(state: AppState) {
    let lang = state.lang.get_untracked();
    let records = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.counts().total()).unwrap_or(0));
    let go = move || {
        let Some((workspace, today)) = open_workspace(&state) else {
            return;
        };
        state.busy.set(Some(Msg::Working));
        spawn_local(async move {
            // The demo fills the open workspace, so the user keeps one workspace to come back to.
            match rewrite(state, Job::Demo { workspace, today }, None).await {
                Ok(done) => state.info(fill(
                    Msg::DemoLoaded.text(lang),
                    &[("records", &lang.count(done.records as f64))],
                )),
                Err(e) => state.error(job_error_text(lang, &e)),
            }
            state.busy.set(None);
        });
    };
    if records > 0 {
        ask(
            state,
            fill(
                Msg::DemoReplaceConfirm.text(lang),
                &[("records", &lang.count(records as f64))],
            ),
            go,
        );
    } else {
        go();
    }
}

/// Moves every record of profile `from` onto `to` and removes `from`, once the user confirms. The
/// worker rewrites the stored workspace in one transaction; the page then reloads it.
pub fn reassign_profile(state: AppState, from: ProfileId, to: ProfileId) {
    let lang = state.lang.get_untracked();
    let Some((from_name, to_name)) = state.workspace.with_untracked(|w| {
        let w = w.as_ref()?;
        Some((
            w.profile(&from)?.display_name(),
            w.profile(&to)?.display_name(),
        ))
    }) else {
        return;
    };
    let text = fill(
        Msg::ReassignConfirm.text(lang),
        &[("from", &from_name), ("to", &to_name)],
    );
    ask(state, text, move || {
        let Some(workspace) = open_id(&state) else {
            return;
        };
        let job = Job::Reassign {
            workspace: workspace.0,
            from: from.0.clone(),
            to: to.0.clone(),
        };
        let to_name = to_name.clone();
        state.busy.set(Some(Msg::Working));
        spawn_local(async move {
            match rewrite(state, job, None).await {
                Ok(done) => {
                    let moved = done.moved.unwrap_or_default();
                    state.info(fill(
                        Msg::Reassigned.text(lang),
                        &[
                            ("posts", &lang.count(moved.posts as f64)),
                            ("days", &lang.count(moved.days as f64)),
                            ("to", &to_name),
                        ],
                    ))
                }
                Err(e) => state.error(job_error_text(lang, &e)),
            }
            state.busy.set(None);
        });
    });
}

/// Changes the settings of the open workspace. The change is applied to the freshest stored copy,
/// so edits made meanwhile in another tab to other fields are kept.
pub fn update_info(state: AppState, change: impl FnOnce(&mut WorkspaceInfo) + 'static) {
    let Some(store) = store(&state) else { return };
    let Some(mut info) = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.info.clone()))
    else {
        return;
    };
    let lang = state.lang.get_untracked();
    spawn_local(async move {
        if let Ok(listed) = workspace::list(&store).await
            && let Some(fresh) = listed.into_iter().find(|i| i.id == info.id)
        {
            info = fresh;
        }
        change(&mut info);
        info.revision += 1;
        match workspace::save_info(&store, &info).await {
            Ok(()) => {
                announce(&state, &info.id);
                state.workspace.update(|w| {
                    if let Some(w) = w {
                        w.info = info;
                    }
                });
                state.generation.update(|g| *g += 1);
                state.info(Msg::Saved.text(lang).into());
            }
            Err(e) => state.error(store_error_text(lang, &e)),
        }
    });
}

/// Saves the user's answers about a platform; the audit is recomputed with them.
pub fn save_assessment(state: AppState, assessment: crate::domain::PlatformAssessment) {
    let Some(store) = store(&state) else { return };
    let Some(id) = open_id(&state) else {
        return;
    };
    let lang = state.lang.get_untracked();
    spawn_local(async move {
        match workspace::save_assessment(&store, &id, &assessment).await {
            Ok(()) => {
                announce(&state, &id);
                state.workspace.update(|w| {
                    if let Some(w) = w {
                        w.assessments.retain(|a| a.platform != assessment.platform);
                        w.assessments.push(assessment);
                        w.assessments.sort_by_key(|a| a.platform);
                    }
                });
                state.generation.update(|g| *g += 1);
                state.info(Msg::Saved.text(lang).into());
            }
            Err(e) => state.error(store_error_text(lang, &e)),
        }
    });
}

/// Marks a profile as a competitor's (or as the client's own again); the audit compares
/// competitors with the client's profiles.
pub fn set_competitor(state: AppState, profile: crate::domain::ProfileId, competitor: bool) {
    let Some(store) = store(&state) else { return };
    let Some(id) = open_id(&state) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let Some(mut changed) = state
        .workspace
        .with_untracked(|w| w.as_ref().and_then(|w| w.profile(&profile).cloned()))
    else {
        return;
    };
    changed.competitor = competitor;
    spawn_local(async move {
        match workspace::save_profile(&store, &id, &changed).await {
            Ok(()) => {
                announce(&state, &id);
                state.workspace.update(|w| {
                    if let Some(p) = w
                        .as_mut()
                        .and_then(|w| w.profiles.iter_mut().find(|p| p.id == changed.id))
                    {
                        *p = changed;
                    }
                });
                state.generation.update(|g| *g += 1);
                state.info(Msg::Saved.text(lang).into());
            }
            Err(e) => state.error(store_error_text(lang, &e)),
        }
    });
}

/// Adds a benchmark, or removes one after asking; the audit is recomputed.
pub fn save_benchmark(state: AppState, benchmark: crate::domain::Benchmark, remove: bool) {
    let Some(store) = store(&state) else { return };
    let Some(id) = open_id(&state) else {
        return;
    };
    let lang = state.lang.get_untracked();
    let name = benchmark.label.clone();
    let go = move || {
        let (store, id, benchmark) = (store.clone(), id.clone(), benchmark.clone());
        spawn_local(async move {
            match workspace::save_benchmark(&store, &id, &benchmark, remove).await {
                Ok(()) => {
                    announce(&state, &id);
                    let key = crate::storage::records::benchmark_key(&benchmark);
                    state.workspace.update(|w| {
                        if let Some(w) = w {
                            w.benchmarks
                                .retain(|b| crate::storage::records::benchmark_key(b) != key);
                            if !remove {
                                w.benchmarks.push(benchmark);
                            }
                        }
                    });
                    state.generation.update(|g| *g += 1);
                    state.info(Msg::Saved.text(lang).into());
                }
                Err(e) => state.error(store_error_text(lang, &e)),
            }
        });
    };
    if remove {
        let text = fill(Msg::BenchmarkRemoveConfirm.text(lang), &[("label", &name)]);
        ask(state, text, go);
    } else {
        go();
    }
}

/// Downloads the open workspace as one file (written by the worker from what is stored).
pub fn export_workspace(state: AppState) {
    let lang = state.lang.get_untracked();
    let Some((workspace, today)) = open_workspace(&state) else {
        return;
    };
    state.busy.set(Some(Msg::Working));
    spawn_local(async move {
        let job = Job::Export { workspace, today };
        let result = match worker_client::call(&job, None).await {
            Ok(Reply { message, bytes }) => match (message.exported(), bytes) {
                (Some(Ok(name)), Some(bytes)) => {
                    browser::download(&name, "application/json", &bytes).map(|()| name)
                }
                (Some(Err(e)), _) => Err(job_error_text(lang, &e)),
                _ => Err("worker".into()),
            },
            Err(e) => Err(e),
        };
        match result {
            Ok(name) => state.info(fill(Msg::WorkspaceExported.text(lang), &[("file", &name)])),
            Err(e) => state.error(fill(Msg::ErrorStorage.text(lang), &[("detail", &e)])),
        }
        state.busy.set(None);
    });
}

/// How an imported workspace file is combined with the open workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    Replace,
    Merge,
}

/// Reads a workspace file, says what it would do, and does it once the user confirms. A file that
/// cannot be restored is refused with the reason; nothing changes. Restoring and merging run in
/// the worker, once to preview and once to store.
pub fn import_workspace_file(state: AppState, file: web_sys::File, mode: ImportMode) {
    let lang = state.lang.get_untracked();
    let name = file.name();
    spawn_local(async move {
        // A file chosen while the workspace is still loading waits for it.
        let mut waited = 0;
        while open_workspace(&state).is_none() && waited < 30_000 {
            browser::sleep(50).await;
            waited += 50;
        }
        let Some((workspace, _)) = open_workspace(&state) else {
            return;
        };
        let refuse = |reason: String| {
            state.error(fill(
                Msg::ErrorFileRejected.text(lang),
                &[("file", &name), ("reason", &reason)],
            ));
        };
        let bytes = match browser::read_file(&file).await {
            Ok(bytes) => bytes,
            Err(e) => return refuse(e),
        };
        let merge = mode == ImportMode::Merge;
        let job = |store| Job::WorkspaceFile {
            workspace: workspace.clone(),
            merge,
            store,
        };
        state.busy.set(Some(Msg::Working));
        let preview = rewrite(state, job(false), Some(bytes.clone())).await;
        state.busy.set(None);
        let preview = match preview {
            Ok(preview) => preview,
            Err(JobError::Restore(e)) => return refuse(restore_error_text(lang, &e)),
            Err(e) => return state.error(job_error_text(lang, &e)),
        };
        let text = match preview.merge {
            Some(summary) => fill(
                Msg::MergeConfirm.text(lang),
                &[
                    ("file", &name),
                    ("added", &lang.count(summary.added as f64)),
                    ("updated", &lang.count(summary.updated as f64)),
                    ("unchanged", &lang.count(summary.unchanged as f64)),
                ],
            ),
            None => fill(
                Msg::ReplaceConfirm.text(lang),
                &[
                    ("file", &name),
                    ("records", &lang.count(preview.records as f64)),
                    ("current", &lang.count(preview.current as f64)),
                ],
            ),
        };
        let bytes = std::rc::Rc::new(bytes);
        let job = std::rc::Rc::new(job(true));
        ask(state, text, move || {
            let (name, bytes, job) = (name.clone(), bytes.clone(), job.clone());
            state.busy.set(Some(Msg::Working));
            spawn_local(async move {
                match rewrite(state, (*job).clone(), Some((*bytes).clone())).await {
                    Ok(done) => {
                        let mut text = fill(
                            Msg::WorkspaceImported.text(lang),
                            &[
                                ("file", &name),
                                ("records", &lang.count(done.records as f64)),
                            ],
                        );
                        if done.from_schema < migrate::SCHEMA {
                            text.push(' ');
                            text.push_str(&fill(
                                Msg::WorkspaceMigrated.text(lang),
                                &[("from", &done.from_schema.to_string())],
                            ));
                        }
                        state.info(text);
                    }
                    Err(e) => state.error(job_error_text(lang, &e)),
                }
                state.busy.set(None);
            });
        });
    });
}

/// Switches the UI language (once its texts are loaded) and remembers the choice.
pub fn set_language(state: AppState, lang: Lang) {
    spawn_local(async move {
        if let Err(detail) = super::texts::ensure(lang).await {
            let shown = state.lang.get_untracked();
            web_sys::console::warn_1(&detail.into());
            state.error(Msg::TextsUnavailable.text(shown).into());
            // The language select shows the language the page is in again.
            state.lang.set(shown);
            return;
        }
        state.lang.set(lang);
        browser::set_preference(LANGUAGE, lang.tag());
        browser::set_document_lang(lang.tag());
    });
}

/// The language to start in: the stored choice, else the browser's.
pub fn initial_language() -> Lang {
    browser::preference(LANGUAGE)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_else(|| {
            let languages = browser::languages();
            Lang::negotiate(languages.iter().map(String::as_str))
        })
}
