//! The pages other than home, each loaded on its first visit.
//!
//! The library only names the pages ([`Page`]) and asks a loader for their view; the page
//! binary (`src/main.rs`) supplies the loader, with each page behind a split point, so that the
//! release build's split step (`scripts/split_page.py`) makes every page its own WebAssembly
//! chunk. The split points live in the binary, not here, because they are exported functions
//! and would otherwise pull every page into the import worker too.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos_router::LazyRoute;

use super::pages::NotFound;

/// A page loaded on its first visit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Import,
    Audit,
    Personas,
    Calendar,
    Listening,
    Inbox,
    Influencers,
    Reports,
    Settings,
}

/// The view of a page, once its code is there.
pub type PageView = Pin<Box<dyn Future<Output = AnyView>>>;

/// Fetches a page's code if needed and gives its view.
pub type PageLoader = fn(Page) -> PageView;

thread_local! {
    static LOADER: Cell<Option<PageLoader>> = const { Cell::new(None) };
}

/// Sets how pages are loaded; called once by the page binary before mounting.
pub fn set_page_loader(loader: PageLoader) {
    LOADER.with(|l| l.set(Some(loader)));
}

async fn load(page: Page) -> AnyView {
    match LOADER.with(Cell::get) {
        Some(loader) => loader(page).await,
        None => view! { <NotFound/> }.into_any(),
    }
}

/// A route for each lazily loaded page.
macro_rules! page_route {
    ($route:ident, $page:ident) => {
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> impl Future<Output = AnyView> {
                load(Page::$page)
            }
        }
    };
}

page_route!(ImportRoute, Import);
page_route!(AuditRoute, Audit);
page_route!(PersonasRoute, Personas);
page_route!(CalendarRoute, Calendar);
page_route!(ListeningRoute, Listening);
page_route!(InboxRoute, Inbox);
page_route!(InfluencersRoute, Influencers);
page_route!(ReportsRoute, Reports);
page_route!(SettingsRoute, Settings);
