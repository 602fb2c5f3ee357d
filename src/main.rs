//! The wasm entry point: install the panic hook, say how pages load, and mount the app.
//!
//! Each page other than home sits behind a split point (`#[lazy]`): the release build cuts the
//! module there (`scripts/split_page.py`) and a page's code is fetched on its first visit.

use leptos::prelude::*;
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
    leptos::mount::mount_to_body(linimasa::ui::App);
}
