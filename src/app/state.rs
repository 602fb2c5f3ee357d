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
    /// Information with an "Undo" button that runs [`AppState::undo`].
    Undoable(String),
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
    /// What "Undo" on the last [`Notice::Undoable`] does.
    pub undo: StoredValue<Option<std::rc::Rc<dyn Fn()>>, LocalStorage>,
    pub store: StoredValue<Option<AppStore>, LocalStorage>,
    pub tabs: StoredValue<Option<Tabs>, LocalStorage>,
    /// The import in progress or last finished (Import page).
    pub import: RwSignal<Option<ImportRun>>,
    /// Counts changes of the stored workspace, so the engine worker knows when to reload it.
    pub generation: RwSignal<u64>,
    /// A new version of the app is installed and waiting (see `app::offline`).
    pub update_ready: RwSignal<bool>,
    /// Whether the browser says it is online.
    pub online: RwSignal<bool>,
    /// A form holds edits not saved yet (the planned-post editor); updating waits for it.
    pub unsaved: RwSignal<bool>,
}

/// An import of one or more files, as the Import page shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportRun {
    pub files: Vec<String>,
    /// The file being worked on and its stage (`read`, `decode`, `parse`, `store`).
    pub current: Option<(usize, String)>,
    pub reports: Vec<crate::worker::protocol::FileReport>,
    /// Results of the earlier run's other files, shown again beside a file read anew through a
    /// column mapping (in their order; the new result takes its file's place).
    pub earlier: Vec<crate::worker::protocol::FileReport>,
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
            undo: StoredValue::new_local(None),
            store: StoredValue::new_local(None),
            tabs: StoredValue::new_local(None),
            import: RwSignal::new(None),
            generation: RwSignal::new(0),
            update_ready: RwSignal::new(false),
            online: RwSignal::new(true),
            unsaved: RwSignal::new(false),
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

    /// Tells what was done and offers to undo it.
    pub fn undoable(&self, text: String, undo: impl Fn() + 'static) {
        self.undo.set_value(Some(std::rc::Rc::new(undo)));
        self.notice.set(Some(Notice::Undoable(text)));
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
