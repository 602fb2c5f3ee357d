//! Optional sync between devices and team members, as pure data: a hybrid logical clock, changes
//! per field, and a merge that gives every replica the same state whatever order changes arrive
//! in. The thin server only stores and relays these messages; no IO happens here.

pub mod clock;
pub mod merge;

pub use clock::Hlc;
pub use merge::{Change, Replica};
