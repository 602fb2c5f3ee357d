//! A store in memory, for tests and for running without IndexedDB. It can be given a quota so
//! that "storage full" paths are tested natively.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::*;

#[derive(Debug, Default)]
pub struct MemoryStore {
    state: RefCell<State>,
    /// Maximum bytes held; `None` is unlimited.
    quota: Option<usize>,
}

#[derive(Debug, Default, Clone)]
struct State {
    records: BTreeMap<RecordKey, Body>,
    chunks: BTreeMap<ChunkKey, Body>,
}

impl State {
    fn bytes(&self) -> usize {
        self.records.values().map(|b| b.bytes.len()).sum::<usize>()
            + self.chunks.values().map(|b| b.bytes.len()).sum::<usize>()
    }

    fn apply(&mut self, op: Op) {
        match op {
            Op::PutRecord(key, body) => {
                self.records.insert(key, body);
            }
            Op::DeleteRecord(key) => {
                self.records.remove(&key);
            }
            Op::PutChunk(key, body) => {
                self.chunks.insert(key, body);
            }
            Op::DeleteChunks { ws, kind } => {
                self.chunks.retain(|k, _| !(k.ws == ws && k.kind == kind))
            }
            Op::DeleteWorkspace(ws) => {
                self.records.retain(|k, _| k.ws != ws);
                self.chunks.retain(|k, _| k.ws != ws);
            }
        }
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_quota(bytes: usize) -> Self {
        Self {
            quota: Some(bytes),
            ..Self::default()
        }
    }

    /// Bytes currently held.
    pub fn used(&self) -> usize {
        self.state.borrow().bytes()
    }
}

impl Store for MemoryStore {
    async fn apply(&self, ops: impl IntoIterator<Item = Op>) -> Result<(), StoreError> {
        // Work on a copy so that a failure leaves the store as it was.
        let mut next = self.state.borrow().clone();
        for op in ops {
            next.apply(op);
            // Like a browser, the quota binds while the transaction writes.
            if self.quota.is_some_and(|quota| next.bytes() > quota) {
                return Err(StoreError::QuotaExceeded);
            }
        }
        *self.state.borrow_mut() = next;
        Ok(())
    }

    async fn records(&self, ws: &str) -> Result<Vec<(RecordKey, Body)>, StoreError> {
        Ok(self
            .state
            .borrow()
            .records
            .iter()
            .filter(|(k, _)| k.ws == ws)
            .map(|(k, b)| (k.clone(), b.clone()))
            .collect())
    }

    async fn records_of_kind(&self, kind: &str) -> Result<Vec<(RecordKey, Body)>, StoreError> {
        Ok(self
            .state
            .borrow()
            .records
            .iter()
            .filter(|(k, _)| k.kind == kind)
            .map(|(k, b)| (k.clone(), b.clone()))
            .collect())
    }

    async fn chunks(&self, q: &ChunkQuery) -> Result<Vec<(ChunkKey, Body)>, StoreError> {
        Ok(self
            .state
            .borrow()
            .chunks
            .iter()
            .filter(|(k, _)| k.ws == q.ws && k.kind == q.kind)
            .filter(|(k, _)| q.partition.as_ref().is_none_or(|p| &k.partition == p))
            .filter(|(k, _)| q.from.as_ref().is_none_or(|f| &k.period >= f))
            .filter(|(k, _)| q.to.as_ref().is_none_or(|t| &k.period <= t))
            .map(|(k, b)| (k.clone(), b.clone()))
            .collect())
    }
}
