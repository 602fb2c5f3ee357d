//! Settings: the workspace's name and time zone, storage on this device, and the workspace file
//! (export, import by replacing or merging).

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::app::actions::{self, ImportMode};
use crate::app::browser;
use crate::app::state::use_app;
use crate::domain::tz;
use crate::i18n::{Msg, fill};

#[component]
pub fn SettingsPage() -> impl IntoView {
    let state = use_app();
    view! {
        <section class="lm-page" data-testid="settings">
            <h1 class="lm-page__title">{move || state.t(Msg::NavSettings)}</h1>
            <WorkspaceForm/>
            <StorageInfo/>
            <Backup/>
        </section>
    }
}

#[component]
fn WorkspaceForm() -> impl IntoView {
    let state = use_app();
    let info = move || state.workspace.with(|w| w.as_ref().map(|w| w.info.clone()));
    let name = RwSignal::new(String::new());
    let zone = RwSignal::new(String::new());
    // The stored values the fields were last filled from: a change from another tab refreshes a
    // field only while the user has not edited it, so nothing typed is overwritten.
    let shown = StoredValue::new((String::new(), String::new()));
    Effect::new(move || {
        if let Some(info) = info() {
            let (old_name, old_zone) = shown.get_value();
            if name.get_untracked() == old_name {
                name.set(info.name.clone());
            }
            if zone.get_untracked() == old_zone {
                zone.set(info.time_zone.clone());
            }
            shown.set_value((info.name, info.time_zone));
        }
    });
    let loading = move || state.workspace.with(Option::is_none);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let lang = state.lang.get_untracked();
        let new_name = name.get_untracked().trim().to_owned();
        let new_zone = zone.get_untracked().trim().to_owned();
        if new_name.is_empty() {
            return state.error(Msg::NameRequired.text(lang).into());
        }
        if !tz::is_known(&new_zone) {
            return state.error(fill(
                Msg::TimeZoneUnknown.text(lang),
                &[("zone", &new_zone)],
            ));
        }
        actions::update_info(state, move |info| {
            info.name = new_name;
            info.time_zone = new_zone;
        });
    };
    view! {
        <form class="lm-card lm-form" on:submit=submit data-testid="workspace-form">
            <h2 class="lm-card__title">{move || state.t(Msg::SettingsWorkspace)}</h2>
            <label class="lm-field">
                <span class="lm-field__label">{move || state.t(Msg::WorkspaceName)}</span>
                <input class="lm-input" type="text" data-testid="workspace-name-input" required prop:disabled=loading
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <label class="lm-field">
                <span class="lm-field__label">{move || state.t(Msg::TimeZone)}</span>
                <input class="lm-input" type="text" data-testid="time-zone-input" prop:disabled=loading
                    list="lm-time-zones" autocomplete="off"
                    prop:value=move || zone.get() on:input=move |ev| zone.set(event_target_value(&ev))/>
                <datalist id="lm-time-zones">
                    {tz::known().map(|name| view! { <option value=name></option> }).collect_view()}
                </datalist>
            </label>
            <button class="lm-button lm-button--primary" type="submit" data-testid="save-workspace"
                prop:disabled=loading>
                {move || state.t(Msg::Save)}
            </button>
        </form>
    }
}

#[component]
fn StorageInfo() -> impl IntoView {
    let state = use_app();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let persisted = RwSignal::new(false);
    let refresh = move || {
        spawn_local(async move {
            estimate.set(browser::storage_estimate().await);
            persisted.set(browser::is_persisted().await);
        });
    };
    refresh();
    // Figures change whenever the workspace does.
    Effect::new(move || {
        state.workspace.track();
        refresh();
    });
    let ask = move |_| {
        spawn_local(async move {
            persisted.set(browser::request_persistence().await);
        });
    };
    view! {
        <section class="lm-card" data-testid="storage">
            <h2 class="lm-card__title">{move || state.t(Msg::SettingsStorage)}</h2>
            {move || {
                let lang = state.lang.get();
                match estimate.get() {
                    Some((used, quota)) => view! {
                        <dl class="lm-facts">
                            <dt>{Msg::StorageUsed.text(lang)}</dt>
                            <dd data-testid="storage-used">{lang.bytes(used)}</dd>
                            <dt>{Msg::StorageAvailable.text(lang)}</dt>
                            <dd data-testid="storage-available">{lang.bytes((quota - used).max(0.0))}</dd>
                        </dl>
                        <meter class="lm-meter" min="0" max=quota value=used></meter>
                    }.into_any(),
                    None => view! { <p>{Msg::StorageUnknown.text(lang)}</p> }.into_any(),
                }
            }}
            {move || if persisted.get() {
                view! { <p data-testid="storage-persisted">{state.t(Msg::StoragePersisted)}</p> }.into_any()
            } else {
                view! {
                    <p>{state.t(Msg::StorageNotPersisted)}</p>
                    <button class="lm-button" on:click=ask>{state.t(Msg::StorageRequest)}</button>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn Backup() -> impl IntoView {
    let state = use_app();
    let mode = RwSignal::new(ImportMode::Replace);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            actions::import_workspace_file(state, file, mode.get_untracked());
        }
        // Picking the same file again must fire `change` again.
        input.set_value("");
    };
    view! {
        <section class="lm-card" data-testid="backup">
            <h2 class="lm-card__title">{move || state.t(Msg::SettingsBackup)}</h2>
            <p>{move || state.t(Msg::BackupHelp)}</p>
            <button class="lm-button lm-button--primary" data-testid="export-workspace"
                prop:disabled=move || state.workspace.with(Option::is_none) || state.busy.with(Option::is_some)
                on:click=move |_| actions::export_workspace(state)>
                {move || state.t(Msg::ExportWorkspace)}
            </button>
            <fieldset class="lm-choice">
                <label>
                    <input type="radio" name="import-mode" data-testid="import-mode-replace"
                        prop:checked=move || mode.get() == ImportMode::Replace
                        on:change=move |_| mode.set(ImportMode::Replace)/>
                    {move || state.t(Msg::ImportModeReplace)}
                </label>
                <label>
                    <input type="radio" name="import-mode" data-testid="import-mode-merge"
                        prop:checked=move || mode.get() == ImportMode::Merge
                        on:change=move |_| mode.set(ImportMode::Merge)/>
                    {move || state.t(Msg::ImportModeMerge)}
                </label>
            </fieldset>
            <label class="lm-button lm-file">
                {move || state.t(Msg::ImportWorkspace)}
                <input type="file" accept=".json,.html,application/json,text/html" data-testid="import-workspace"
                    class="lm-file__input" on:change=on_file
                    prop:disabled=move || state.workspace.with(Option::is_none) || state.busy.with(Option::is_some)/>
            </label>
        </section>
    }
}
