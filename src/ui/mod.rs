//! The user interface: the app shell, the router, one page per route, reusable components.
//! Pages read [`AppState`] and call [`crate::app::actions`]; none touches storage.

pub mod components;
pub mod pages;
pub mod routes;

use leptos::prelude::*;
use leptos_router::Lazy;
use leptos_router::components::{A, Route, Router, Routes};
use leptos_router::path;

use crate::app::actions;
use crate::app::state::{AppState, use_app};
use crate::i18n::{Lang, Msg};
use components::{ConfirmDialog, NoticeBar};
use pages::{HomePage, NotFound};
use routes::*;

/// Every route of the app and its label, in navigation order.
pub const ROUTES: [(&str, Msg); 10] = [
    ("/", Msg::NavHome),
    ("/import", Msg::NavImport),
    ("/audit", Msg::NavAudit),
    ("/personas", Msg::NavPersonas),
    ("/calendar", Msg::NavCalendar),
    ("/listening", Msg::NavListening),
    ("/inbox", Msg::NavInbox),
    ("/influencers", Msg::NavInfluencers),
    ("/reports", Msg::NavReports),
    ("/settings", Msg::NavSettings),
];

/// The path the app is served under, so that it also works from a sub-path
/// (`/tools/linimasa/calendar` has base `/tools/linimasa`). The page's assets are linked with
/// relative URLs, so the directory the icon resolves to is the directory the app lives in; an
/// unknown path such as `/no-such-page` still has base `` and shows the not-found page.
fn base_path() -> String {
    crate::app::browser::app_directory()
        .map(|dir| dir.pathname().trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    let lang = actions::initial_language();
    crate::app::browser::set_document_lang(lang.tag());
    let state = AppState::new(lang);
    provide_context(state);
    actions::start(state);
    crate::app::offline::start(state);
    let base = base_path();
    view! {
        <Router base=base>
            <a class="lm-skip" href="#main">{move || state.t(Msg::SkipToContent)}</a>
            <Header/>
            <div class="lm-layout">
                <Nav/>
                <main id="main" class="lm-main" tabindex="-1">
                    <NoticeBar/>
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=HomePage/>
                        <Route path=path!("/import") view={Lazy::<ImportRoute>::new()}/>
                        <Route path=path!("/audit") view={Lazy::<AuditRoute>::new()}/>
                        <Route path=path!("/personas") view={Lazy::<PersonasRoute>::new()}/>
                        <Route path=path!("/calendar") view={Lazy::<CalendarRoute>::new()}/>
                        <Route path=path!("/listening") view={Lazy::<ListeningRoute>::new()}/>
                        <Route path=path!("/inbox") view={Lazy::<InboxRoute>::new()}/>
                        <Route path=path!("/influencers") view={Lazy::<InfluencersRoute>::new()}/>
                        <Route path=path!("/reports") view={Lazy::<ReportsRoute>::new()}/>
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
                    </Routes>
                </main>
            </div>
            <ConfirmDialog/>
        </Router>
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = use_app();
    let name = move || {
        state
            .workspace
            .with(|w| w.as_ref().map(|w| w.info.name.clone()).unwrap_or_default())
    };
    // The workspace's brand logo (Reports → branding), beside its name.
    let logo = move || {
        state.workspace.with(|w| {
            w.as_ref()
                .and_then(|w| w.info.branding.logo.clone())
                .filter(|l| l.starts_with("data:image/"))
        })
    };
    let on_change = move |ev| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&ev)) {
            actions::set_language(state, lang);
        }
    };
    view! {
        <header class="lm-header">
            <A href="/" attr:class="lm-brand">
                <span class="lm-brand__mark" aria-hidden="true">"◷"</span>
                <span class="lm-brand__name">"Linimasa"</span>
            </A>
            {move || logo().map(|src| view! {
                <img class="lm-header__logo" src=src alt="" data-testid="workspace-logo"/>
            })}
            <span class="lm-header__workspace" data-testid="workspace-name">{name}</span>
            <label class="lm-header__lang">
                <span class="lm-visually-hidden">{move || state.t(Msg::Language)}</span>
                <select data-testid="language-select" on:change=on_change
                    prop:value=move || state.lang.get().tag()>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || state.lang.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </label>
        </header>
    }
}

#[component]
fn Nav() -> impl IntoView {
    let state = use_app();
    view! {
        <nav class="lm-nav" aria-label=move || state.t(Msg::MainNavigation)>
            <ul class="lm-nav__list">
                {ROUTES.into_iter().map(|(href, msg)| view! {
                    <li><A href=href attr:class="lm-nav__link" exact=true>{move || state.t(msg)}</A></li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
