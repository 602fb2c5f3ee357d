//! Linimasa: a social media management workbench that runs entirely in the browser.
//!
//! Crate map (see ARCHITECTURE.md for the invariants):
//! - [`domain`]: the pure core — the model of a workspace, the demo generator, merging, and
//!   import (every export family), metrics and the audit; (later) personas, calendar and reports.
//!   No browser, no clock, no IO.
//! - [`present`]: read-only views (audit, later dashboards and reports) written as escaped HTML
//!   text by pure code, shared by the app's pages and exported reports.
//! - [`i18n`]: the UI languages, every user-facing string, and number/date formatting. Pure.
//! - [`sync`]: hybrid logical clock and per-field change merging. Pure.
//! - [`storage`]: the `Store` trait, its in-memory and IndexedDB implementations, the versioned
//!   stored records and the one restore/migrate path.
//! - [`worker`]: the import worker (its message types are pure; its loop needs feature `web`).
//! - `app`, `ui`: reactive state and the Leptos user interface (feature `web`).

pub mod domain;
pub mod i18n;
pub mod present;
pub mod storage;
pub mod sync;
pub mod worker;

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod ui;
