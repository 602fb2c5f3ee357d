//! The pure core: everything Linimasa knows about social media management, as plain data and
//! functions. Never touches a browser API, IndexedDB, the clock, randomness without a seed, or IO;
//! builds and tests natively with `cargo test --no-default-features`.

pub mod demo;
pub mod import;
pub mod merge;
pub mod model;
pub mod overview;
pub mod tz;

pub use model::*;
