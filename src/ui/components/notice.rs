//! The notice area: the last message, an error (`data-testid=error`) or information, and a
//! progress indicator while the app is busy.

use leptos::prelude::*;

use crate::app::state::{Notice, use_app};
use crate::i18n::Msg;

#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    let dismiss = move |_| state.notice.set(None);
    view! {
        {move || (!state.online.get()).then(|| view! {
            <div class="lm-notice lm-notice--info" role="status" data-testid="offline">
                <p class="lm-notice__text">{move || state.t(Msg::OfflineNow)}</p>
            </div>
        })}
        {move || state.update_ready.get().then(|| view! {
            <div class="lm-notice lm-notice--info" role="status" data-testid="update-ready">
                <p class="lm-notice__text">{move || state.t(Msg::UpdateReady)}</p>
                <button class="lm-button lm-button--primary" data-testid="update-now"
                    on:click=move |_| crate::app::offline::apply_update(state)>{move || state.t(Msg::UpdateNow)}</button>
            </div>
        })}
        {move || state.busy.get().map(|msg| view! {
            <div class="lm-busy" role="status" data-testid="busy">
                <progress class="lm-busy__bar"></progress>
                <span>{move || state.t(msg)}</span>
            </div>
        })}
        {move || state.notice.get().map(|notice| {
            let undoable = matches!(notice, Notice::Undoable(_));
            let (class, role, testid, text) = match notice {
                Notice::Error(text) => ("lm-notice lm-notice--error", "alert", "error", text),
                Notice::Info(text) | Notice::Undoable(text) => ("lm-notice lm-notice--info", "status", "notice", text),
            };
            let undo = move |_| {
                state.notice.set(None);
                if let Some(undo) = state.undo.get_value() {
                    state.undo.set_value(None);
                    undo();
                }
            };
            view! {
                <div class=class role=role data-testid=testid>
                    <p class="lm-notice__text">{text}</p>
                    {undoable.then(|| view! {
                        <button class="lm-button" data-testid="undo" on:click=undo>{move || state.t(Msg::Undo)}</button>
                    })}
                    <button class="lm-button lm-button--quiet" on:click=dismiss>
                        {move || state.t(Msg::Dismiss)}
                    </button>
                </div>
            }
        })}
    }
}
