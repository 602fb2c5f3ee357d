//! The worker: runs in a Web Worker (its own wasm, `src/bin/worker.rs`), so that decoding,
//! parsing and storing big exports never blocks the page, and so that the code which builds or
//! rewrites whole workspaces (demo, workspace files, merge, export) is not in the page's download. It opens the same
//! IndexedDB, applies every file of a request to the workspace (a failed file changes nothing),
//! stores the result in one transaction, and reports per file with stage timings.

pub mod jobs;
pub mod protocol;

#[cfg(feature = "web")]
mod reader;
#[cfg(feature = "web")]
mod run;
#[cfg(feature = "web")]
pub use run::start;
