//! The app's reactive state: plain domain values in signals, shared through context.

use leptos::prelude::*;

use super::store::AppStore;
use super::tabs::Tabs;
use crate::domain::Workspace;
use crate::i18n::{Lang, Msg};

/// A message shown in the notice area until dismissed or replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// A question the user must answer before an action goes on (replace, merge...).
#[derive(Clone)]
pub struct Confirmation {
    pub text: String,
    pub on_confirm: std::rc::Rc<dyn Fn()>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// The open workspace; `None` until loaded.
    pub workspace: RwSignal<Option<Workspace>>,
    /// What the app is busy with, shown with a progress indicator.
    pub busy: RwSignal<Option<Msg>>,
    pub notice: RwSignal<Option<Notice>>,
    pub confirmation: RwSignal<Option<Confirmation>, LocalStorage>,
    pub store: StoredValue<Option<AppStore>, LocalStorage>,
    pub tabs: StoredValue<Option<Tabs>, LocalStorage>,
    /// The import in progress or last finished (Import page).
    pub import: RwSignal<Option<ImportRun>>,
    /// Counts changes of the stored workspace, so the engine worker knows when to reload it.
    pub generation: RwSignal<u64>,
}

/// An import of one or more files, as the Import page shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportRun {
    pub files: Vec<String>,
    /// The file being worked on and its stage (`read`, `decode`, `parse`, `store`).
    pub current: Option<(usize, String)>,
    pub reports: Vec<crate::worker::protocol::FileReport>,
    pub done: bool,
    pub cancelled: bool,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
            workspace: RwSignal::new(None),
            busy: RwSignal::new(None),
            notice: RwSignal::new(None),
            confirmation: RwSignal::new_local(None),
            store: StoredValue::new_local(None),
            tabs: StoredValue::new_local(None),
            import: RwSignal::new(None),
            generation: RwSignal::new(0),
        }
    }

    /// Shows a workspace read from (or just written to) storage.
    pub fn set_workspace(&self, ws: Workspace) {
        self.workspace.set(Some(ws));
        self.generation.update(|g| *g += 1);
    }

    /// The text of a message in the current language (reactive).
    pub fn t(&self, msg: Msg) -> &'static str {
        msg.text(self.lang.get())
    }

    pub fn error(&self, text: String) {
        self.notice.set(Some(Notice::Error(text)));
    }

    pub fn info(&self, text: String) {
        self.notice.set(Some(Notice::Info(text)));
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
