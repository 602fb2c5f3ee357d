//! The store the app uses: IndexedDB, or memory when the browser refuses IndexedDB (the app
//! then says that data will not outlive the page).

use std::rc::Rc;

use super::worker_client;
use crate::storage::idb::IdbStore;
use crate::storage::memory::MemoryStore;
use crate::storage::{Body, ChunkKey, ChunkQuery, Op, RecordKey, Store, StoreError};
use crate::worker::protocol::{Job, JobError};

/// The name of the app's database.
pub const DATABASE: &str = "linimasa";

#[derive(Clone)]
pub enum AppStore {
    Idb(IdbStore),
    Memory(Rc<MemoryStore>),
}

impl AppStore {
    /// Opens IndexedDB; on failure, a memory store and the reason. A database still in the
    /// version-1 layout is upgraded by a worker first.
    pub async fn open() -> (Self, Option<StoreError>) {
        let opened = match IdbStore::open_current(DATABASE).await {
            Ok((store, false)) => Ok(store),
            Ok((store, true)) => upgrade().await.map(|()| store),
            Err(e) => Err(e),
        };
        match opened {
            Ok(store) => (AppStore::Idb(store), None),
            Err(e) => (AppStore::Memory(Rc::new(MemoryStore::new())), Some(e)),
        }
    }
}

/// Has a worker move version-1 items into the current layout.
async fn upgrade() -> Result<(), StoreError> {
    let reply = worker_client::call(&Job::UpgradeStore, None)
        .await
        .map_err(StoreError::Failed)?;
    match reply.message.store_upgraded() {
        Some(Ok(())) => Ok(()),
        Some(Err(JobError::Store(e))) => Err(e),
        Some(Err(JobError::Restore(e))) => {
            Err(StoreError::Failed(format!("upgrading stored data: {e}")))
        }
        _ => Err(StoreError::Failed("upgrading stored data".into())),
    }
}

impl Store for AppStore {
    async fn apply(&self, ops: impl IntoIterator<Item = Op>) -> Result<(), StoreError> {
        match self {
            AppStore::Idb(s) => s.apply(ops).await,
            AppStore::Memory(s) => s.apply(ops).await,
        }
    }

    async fn records(&self, ws: &str) -> Result<Vec<(RecordKey, Body)>, StoreError> {
        match self {
            AppStore::Idb(s) => s.records(ws).await,
            AppStore::Memory(s) => s.records(ws).await,
        }
    }

    async fn records_of_kind(&self, kind: &str) -> Result<Vec<(RecordKey, Body)>, StoreError> {
        match self {
            AppStore::Idb(s) => s.records_of_kind(kind).await,
            AppStore::Memory(s) => s.records_of_kind(kind).await,
        }
    }

    async fn chunks(&self, query: &ChunkQuery) -> Result<Vec<(ChunkKey, Body)>, StoreError> {
        match self {
            AppStore::Idb(s) => s.chunks(query).await,
            AppStore::Memory(s) => s.chunks(query).await,
        }
    }
}
