//! Working offline: registers the service worker (public/sw.js, which caches the whole build),
//! follows the browser's online state, and offers a new version when one is waiting. The
//! update is applied only when the user asks and no form holds unsaved edits.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

use super::browser;
use super::state::AppState;
use crate::i18n::Msg;

thread_local! {
    static REGISTRATION: std::cell::RefCell<Option<ServiceWorkerRegistration>> = const { std::cell::RefCell::new(None) };
}

/// Starts following the online state, and registers the service worker once the page is idle
/// (its first download of the app's files must not compete with start-up).
pub fn start(state: AppState) {
    let Some(window) = web_sys::window() else {
        return;
    };
    state.online.set(window.navigator().on_line());
    for (event, online) in [("online", true), ("offline", false)] {
        let handler = Closure::<dyn Fn()>::new(move || state.online.set(online));
        let _ = window.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref());
        handler.forget();
    }
    spawn_local(async move {
        browser::idle(3_000).await;
        if let Err(e) = register(state).await {
            web_sys::console::warn_1(&format!("service worker: {e}").into());
        }
    });
}

async fn register(state: AppState) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let navigator = window.navigator();
    if js_sys::Reflect::get(&navigator, &"serviceWorker".into())
        .map(|v| v.is_undefined())
        .unwrap_or(true)
    {
        return Ok(());
    }
    let container = navigator.service_worker();
    let options = web_sys::RegistrationOptions::new();
    if let Some(dir) = browser::app_directory() {
        options.set_scope(&dir.href());
    }
    let registration: ServiceWorkerRegistration =
        JsFuture::from(container.register_with_options(&browser::asset_url("sw.js"), &options))
            .await
            .map_err(|e| format!("{e:?}"))?
            .unchecked_into();
    let has_controller = move || {
        web_sys::window()
            .map(|w| w.navigator().service_worker())
            .and_then(|c| c.controller())
            .is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        state.update_ready.set(true);
    }
    let found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let watched = installing.clone();
            let changed = Closure::<dyn Fn()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed && has_controller() {
                    state.update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(changed.as_ref().unchecked_ref()));
            changed.forget();
        })
    };
    registration.set_onupdatefound(Some(found.as_ref().unchecked_ref()));
    found.forget();
    REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
    Ok(())
}

/// Applies the waiting version: the new worker takes over and the page reloads. Refused while
/// a form holds unsaved edits.
pub fn apply_update(state: AppState) {
    if state.unsaved.get_untracked() {
        state.info(Msg::UpdateSaveFirst.text(state.lang.get_untracked()).into());
        return;
    }
    let Some(waiting) = REGISTRATION.with(|r| r.borrow().as_ref().and_then(|r| r.waiting())) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    window
        .navigator()
        .service_worker()
        .set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let _ = waiting.post_message(&"skip-waiting".into());
}
