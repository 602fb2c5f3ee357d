//! The inbox page: customer service over a chosen window up to the last message received,
//! against the window before (messages and their change, those waiting for a first reply,
//! response rate and reply times per profile, messages by kind, the ones waiting longest).

use leptos::prelude::*;

use super::windowed::{Windowed, WindowedPage};
use crate::i18n::Msg;
use crate::worker::protocol::ViewKind;

#[component]
pub fn InboxPage() -> impl IntoView {
    let page = Windowed {
        testid: "inbox",
        window_testid: "inbox-window",
        title: Msg::NavInbox,
        what: Msg::InboxWhat,
        how_to: Msg::InboxHowTo,
        computing: Msg::InboxComputing,
        count: Msg::CountMessages,
        class: "lm-inbox",
        records: |w| w.messages.len(),
        view: |days| ViewKind::Inbox { days },
    };
    view! { <WindowedPage page=page/> }
}
