//! The wasm entry point: install the panic hook, say how pages load, and mount the app.
//!
//! Each page other than home sits behind a split point (`#[lazy]`): the release build cuts the
//! module there (`scripts/split_page.py`) and a page's code is fetched on its first visit.

use leptos::prelude::*;
use linimasa::app::{actions, texts};
use linimasa::ui::pages::*;
use linimasa::ui::routes::{Page, PageView, set_page_loader};

macro_rules! split_pages {
    ($($page:ident => $loader:ident($component:ident)),* $(,)?) => {
        $(
            #[lazy]
            fn $loader() -> AnyView {
                view! { <$component/> }.into_any()
            }
        )*

        fn load_page(page: Page) -> PageView {
            match page {
                $(Page::$page => Box::pin($loader()),)*
            }
        }
    };
}

split_pages! {
    Import => import_page(ImportPage),
    Audit => audit_page(AuditPage),
    Personas => personas_page(PersonasPage),
    Calendar => calendar_page(CalendarPage),
    Listening => listening_page(ListeningPage),
    Inbox => inbox_page(InboxPage),
    Influencers => influencers_page(InfluencersPage),
    Reports => reports_page(ReportsPage),
    Settings => settings_page(SettingsPage),
}

fn main() {
    console_error_panic_hook::set_once();
    set_page_loader(load_page);
    // Before mounting, Leptos's executor is not set up yet: the browser's own runs this.
    wasm_bindgen_futures::spawn_local(async {
        let lang = actions::initial_language();
        match texts::ensure(lang).await {
            Ok(()) => leptos::mount::mount_to_body(linimasa::ui::App),
            Err(detail) => texts_missing(&detail),
        }
    });
}

/// Without its texts the app cannot say anything: a plain line says what to do.
fn texts_missing(detail: &str) {
    web_sys::console::error_1(&detail.into());
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        body.set_text_content(Some(
            "Linimasa could not load its texts. Check the connection and reload the page. \
             / Linimasa tidak dapat memuat teksnya. Periksa koneksi lalu muat ulang halaman.",
        ));
    }
}
