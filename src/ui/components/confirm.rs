//! The confirmation dialog for actions that replace or merge data.

use leptos::prelude::*;

use crate::app::state::use_app;
use crate::i18n::Msg;

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let state = use_app();
    let cancel = move |_| state.confirmation.set(None);
    let confirm = move |_| {
        if let Some(c) = state.confirmation.get_untracked() {
            state.confirmation.set(None);
            (c.on_confirm)();
        }
    };
    view! {
        {move || state.confirmation.get().map(|c| view! {
            <div class="lm-dialog-backdrop">
                <div class="lm-dialog" role="alertdialog" aria-modal="true" data-testid="confirm-dialog">
                    <p class="lm-dialog__text">{c.text.clone()}</p>
                    <div class="lm-dialog__actions">
                        <button class="lm-button lm-button--quiet" data-testid="confirm-cancel" on:click=cancel>
                            {move || state.t(Msg::Cancel)}
                        </button>
                        <button class="lm-button lm-button--primary" data-testid="confirm-ok" on:click=confirm autofocus>
                            {move || state.t(Msg::Confirm)}
                        </button>
                    </div>
                </div>
            </div>
        })}
    }
}
