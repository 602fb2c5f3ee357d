//! One component per route.

mod audit;
mod calendar;
mod home;
mod import;
mod inbox;
mod influencers;
mod listening;
mod not_found;
mod personas;
mod reports;
mod settings;
mod windowed;

pub use audit::AuditPage;
pub use calendar::CalendarPage;
pub use home::HomePage;
pub use import::ImportPage;
pub use inbox::InboxPage;
pub use influencers::InfluencersPage;
pub use listening::ListeningPage;
pub use not_found::NotFound;
pub use personas::PersonasPage;
pub use reports::ReportsPage;
pub use settings::SettingsPage;

use leptos::prelude::*;

use crate::app::state::AppState;
use crate::domain::Workspace;
use crate::i18n::{Msg, fill};

/// "In this workspace: …" for a page plan, from a count; `None` when there is nothing.
fn holds(
    state: AppState,
    count: impl Fn(&Workspace) -> usize + Send + Sync + 'static,
    msg: Msg,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        let lang = state.lang.get();
        let n = state.workspace.with(|w| w.as_ref().map(&count))?;
        (n > 0).then(|| {
            let what = fill(msg.text(lang), &[("n", &lang.count(n as f64))]);
            fill(Msg::InWorkspace.text(lang), &[("what", &what)])
        })
    })
}
