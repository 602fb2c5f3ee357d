//! The listening page: mentions imported from listening tools, over a chosen window up to the
//! latest mention, against the window before (volume and its change, sentiment, reach, by
//! platform, the mentions with the most reach). The engine worker writes it with the same
//! `present` code as a report's listening section.

use leptos::prelude::*;

use super::windowed::{Windowed, WindowedPage};
use crate::i18n::Msg;
use crate::worker::protocol::ViewKind;

#[component]
pub fn ListeningPage() -> impl IntoView {
    let page = Windowed {
        testid: "listening",
        window_testid: "listening-window",
        title: Msg::NavListening,
        what: Msg::ListeningWhat,
        how_to: Msg::ListeningHowTo,
        computing: Msg::ListeningComputing,
        count: Msg::CountMentions,
        class: "lm-listening",
        records: |w| w.mentions.len(),
        view: |days| ViewKind::Listening { days },
    };
    view! { <WindowedPage page=page/> }
}
