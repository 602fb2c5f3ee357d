//! Where workspaces live: the [`Store`] trait, an in-memory store for tests, the IndexedDB store
//! for the browser, the versioned stored records and the one restore/migrate path.
//!
//! A store knows only keys and bytes. Small, often-edited things (settings, profiles, planned
//! posts) are one *record* each; bulk data (posts, daily series, audience rows, mentions,
//! messages) is written in *chunks* per partition and period, because one record per post cannot
//! meet the import budget. Every write is a batch of operations applied in one transaction: all of
//! it lands, or none of it.

pub mod memory;
pub mod migrate;
pub mod post_columns;
pub mod records;
pub mod workspace;

#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod idb;

use thiserror::Error;

/// The key of one record: workspace, kind, identity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RecordKey {
    pub ws: String,
    pub kind: String,
    pub id: String,
}

/// The key of one chunk: workspace, kind, partition (profile, table...) and period (`2025-06`,
/// `2025`, or a row block). Chunks of one partition sort by period, which is the index
/// "posts by profile and date".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ChunkKey {
    pub ws: String,
    pub kind: String,
    pub partition: String,
    pub period: String,
}

/// What is stored under a key: the schema version its bytes were written with, how many items
/// it holds, and the bytes (UTF-8 JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub version: u32,
    pub count: u32,
    pub bytes: Vec<u8>,
}

/// One operation of a write batch.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    PutRecord(RecordKey, Body),
    DeleteRecord(RecordKey),
    PutChunk(ChunkKey, Body),
    /// Deletes every chunk of a kind in a workspace (all partitions and periods).
    DeleteChunks {
        ws: String,
        kind: String,
    },
    /// Deletes everything a workspace holds.
    DeleteWorkspace(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Error, serde::Serialize, serde::Deserialize)]
pub enum StoreError {
    /// The browser refused the write because the origin's quota is used up. Nothing was written.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// Storage cannot be opened at all (private mode, blocked by settings, old browser).
    #[error("storage unavailable: {0}")]
    Unavailable(String),
    /// A read or write failed; nothing of the batch was written.
    #[error("storage failed: {0}")]
    Failed(String),
}

/// A place that keeps workspaces. Implementations apply each batch atomically.
#[allow(async_fn_in_trait)]
pub trait Store {
    /// Applies every operation in one transaction, in order: all or nothing. Operations are
    /// taken one at a time, so a lazy iterator (a whole workspace's writes, serialised as they
    /// are queued) never holds its serialised form in WebAssembly memory at once.
    async fn apply(&self, ops: impl IntoIterator<Item = Op>) -> Result<(), StoreError>;
    /// Every record of a workspace.
    async fn records(&self, ws: &str) -> Result<Vec<(RecordKey, Body)>, StoreError>;
    /// The records of one kind in every workspace (used to list workspaces).
    async fn records_of_kind(&self, kind: &str) -> Result<Vec<(RecordKey, Body)>, StoreError>;
    /// Chunks of a kind, optionally of one partition and within `[from, to]` periods.
    async fn chunks(&self, query: &ChunkQuery) -> Result<Vec<(ChunkKey, Body)>, StoreError>;
}

/// Which chunks to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChunkQuery {
    pub ws: String,
    pub kind: String,
    pub partition: Option<String>,
    /// Inclusive period bounds; only used with a partition.
    pub from: Option<String>,
    pub to: Option<String>,
}
