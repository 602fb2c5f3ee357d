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
use crate::domain::demo::{self, DemoOptions};
use crate::domain::merge;
use crate::domain::{Workspace, WorkspaceId, WorkspaceInfo, tz};
use crate::i18n::{Lang, Msg, fill};
use crate::storage::StoreError;
use crate::storage::migrate::{self, RestoreError};
use crate::storage::workspace::{self, LoadError};

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

fn store(state: &AppState) -> Option<AppStore> {
    state.store.get_value()
}

fn announce(state: &AppState, ws: &WorkspaceId) {
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
                state.workspace.set(Some(ws));
                timing.end(records);
            }
            Err(e) => {
                let lang = state.lang.get_untracked();
                state.error(load_error_text(lang, &e));
                // Show an empty, unsaved workspace rather than nothing.
                state.workspace.set(Some(Workspace::empty(new_info(lang))));
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
    let Some(id) = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.info.id.clone()))
    else {
        return;
    };
    spawn_local(async move {
        match workspace::load(&store, &id).await {
            Ok(Some(ws)) => {
                state.workspace.set(Some(ws));
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
    if let Some(id) = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.info.id.clone()))
    {
        announce(&state, &id);
    }
    reload(state, false);
}

/// Replaces the open workspace with `ws`: one transaction, then the screen.
async fn replace(state: AppState, ws: Workspace) -> Result<(), StoreError> {
    let store = store(&state).ok_or_else(|| StoreError::Unavailable("not open".into()))?;
    workspace::save(&store, &ws).await?;
    browser::set_preference(CURRENT_WORKSPACE, &ws.info.id.0);
    announce(&state, &ws.info.id);
    state.workspace.set(Some(ws));
    Ok(())
}

fn ask(state: AppState, text: String, on_confirm: impl Fn() + 'static) {
    state.confirmation.set(Some(Confirmation {
        text,
        on_confirm: std::rc::Rc::new(on_confirm),
    }));
}

/// Loads the demo workspace (asking first when the open workspace has data).
pub fn load_demo(state: AppState) {
    let lang = state.lang.get_untracked();
    let records = state
        .workspace
        .with_untracked(|w| w.as_ref().map(|w| w.counts().total()).unwrap_or(0));
    let go = move || {
        state.busy.set(Some(Msg::Working));
        spawn_local(async move {
            let zone = state.workspace.with_untracked(|w| {
                w.as_ref()
                    .map(|w| w.info.time_zone.clone())
                    .unwrap_or_default()
            });
            let today = tz::today(browser::now_millis(), &zone);
            let mut ws = demo::generate(&DemoOptions::new(today));
            // The demo fills the open workspace, so the user keeps one workspace to come back to.
            if let Some(id) = state
                .workspace
                .with_untracked(|w| w.as_ref().map(|w| w.info.id.clone()))
            {
                ws.info.id = id;
            }
            let total = ws.counts().total();
            match replace(state, ws).await {
                Ok(()) => state.info(fill(
                    Msg::DemoLoaded.text(lang),
                    &[("records", &lang.count(total as f64))],
                )),
                Err(e) => state.error(store_error_text(lang, &e)),
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
                state.info(Msg::Saved.text(lang).into());
            }
            Err(e) => state.error(store_error_text(lang, &e)),
        }
    });
}

/// Downloads the open workspace as one file.
pub fn export_workspace(state: AppState) {
    let lang = state.lang.get_untracked();
    let Some((bytes, name)) = state.workspace.with_untracked(|w| {
        w.as_ref().map(|w| {
            let slug = crate::domain::slug(&w.info.name);
            let today = tz::today(browser::now_millis(), &w.info.time_zone);
            (
                migrate::export_file(w),
                format!("linimasa-{slug}-{today}.json"),
            )
        })
    }) else {
        return;
    };
    match browser::download(&name, "application/json", &bytes) {
        Ok(()) => state.info(fill(Msg::WorkspaceExported.text(lang), &[("file", &name)])),
        Err(e) => state.error(fill(Msg::ErrorStorage.text(lang), &[("detail", &e)])),
    }
}

/// How an imported workspace file is combined with the open workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportMode {
    Replace,
    Merge,
}

/// Reads a workspace file, says what it would do, and does it once the user confirms. A file that
/// cannot be restored is refused with the reason; nothing changes.
pub fn import_workspace_file(state: AppState, file: web_sys::File, mode: ImportMode) {
    let lang = state.lang.get_untracked();
    let name = file.name();
    spawn_local(async move {
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
        let restored = match migrate::restore_file(&bytes) {
            Ok(restored) => restored,
            Err(e) => return refuse(restore_error_text(lang, &e)),
        };
        let Some(current) = state.workspace.get_untracked() else {
            return;
        };
        let from_schema = restored.from_schema;
        let mut incoming = restored.workspace;
        let (result, text) = match mode {
            ImportMode::Replace => {
                incoming.info.id = current.info.id.clone();
                let text = fill(
                    Msg::ReplaceConfirm.text(lang),
                    &[
                        ("file", &name),
                        ("records", &lang.count(incoming.counts().total() as f64)),
                        ("current", &lang.count(current.counts().total() as f64)),
                    ],
                );
                (incoming, text)
            }
            ImportMode::Merge => {
                let mut merged = current.clone();
                let summary = merge::merge(&mut merged, incoming);
                let text = fill(
                    Msg::MergeConfirm.text(lang),
                    &[
                        ("file", &name),
                        ("added", &lang.count(summary.added as f64)),
                        ("updated", &lang.count(summary.updated as f64)),
                        ("unchanged", &lang.count(summary.unchanged as f64)),
                    ],
                );
                (merged, text)
            }
        };
        let name = name.clone();
        ask(state, text, move || {
            let ws = result.clone();
            let name = name.clone();
            state.busy.set(Some(Msg::Working));
            spawn_local(async move {
                let total = ws.counts().total();
                match replace(state, ws).await {
                    Ok(()) => {
                        let mut text = fill(
                            Msg::WorkspaceImported.text(lang),
                            &[("file", &name), ("records", &lang.count(total as f64))],
                        );
                        if from_schema < migrate::SCHEMA {
                            text.push(' ');
                            text.push_str(&fill(
                                Msg::WorkspaceMigrated.text(lang),
                                &[("from", &from_schema.to_string())],
                            ));
                        }
                        state.info(text);
                    }
                    Err(e) => state.error(store_error_text(lang, &e)),
                }
                state.busy.set(None);
            });
        });
    });
}

/// Switches the UI language and remembers the choice.
pub fn set_language(state: AppState, lang: Lang) {
    state.lang.set(lang);
    browser::set_preference(LANGUAGE, lang.tag());
    browser::set_document_lang(lang.tag());
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
