//! Reusable pieces of the interface.

mod confirm;
mod definition;
mod empty;
mod engine_view;
mod fields;
mod notice;

pub use confirm::ConfirmDialog;
pub use definition::Definition;
pub use empty::{EmptyWorkspace, PagePlan};
pub use engine_view::EngineView;
pub use fields::{SelectField, TextField};
pub use notice::NoticeBar;
