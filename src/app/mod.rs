//! Reactive state and the actions the UI triggers. Actions call the domain, then storage, then
//! update the state; pages only read state and call actions, never storage.

pub mod actions;
pub mod browser;
pub mod calendar;
pub mod engine;
pub mod importer;
pub mod offline;
pub mod personas;
pub mod reports;
pub mod state;
pub mod store;
pub mod tabs;
pub mod texts;
pub mod worker_client;

pub use state::{AppState, Notice};
