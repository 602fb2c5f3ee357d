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
        {move || state.busy.get().map(|msg| view! {
            <div class="lm-busy" role="status" data-testid="busy">
                <progress class="lm-busy__bar"></progress>
                <span>{move || state.t(msg)}</span>
            </div>
        })}
        {move || state.notice.get().map(|notice| {
            let (class, role, testid, text) = match notice {
                Notice::Error(text) => ("lm-notice lm-notice--error", "alert", "error", text),
                Notice::Info(text) => ("lm-notice lm-notice--info", "status", "notice", text),
            };
            view! {
                <div class=class role=role data-testid=testid>
                    <p class="lm-notice__text">{text}</p>
                    <button class="lm-button lm-button--quiet" on:click=dismiss>
                        {move || state.t(Msg::Dismiss)}
                    </button>
                </div>
            }
        })}
    }
}
