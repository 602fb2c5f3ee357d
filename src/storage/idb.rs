//! The IndexedDB store: the only file that names IndexedDB, and the only place a `JsValue`
//! from storage exists.
//!
//! Database `linimasa`, version 2:
//! - `records`: one value `{k: kind, v: schema, n: 1, b: ArrayBuffer}` per small item, under the
//!   key `[ws, kind, id]`; index `by_kind` on `k` to list workspaces.
//! - `chunks`: `{v, n, b}` under `[ws, kind, partition, period]`; a key range over
//!   `[ws, "post", profile, from]..[ws, "post", profile, to]` reads a profile's posts by date.
//!
//! Version 1 kept every item, posts included, as one value `{v: 1, body: JSON text}` in an `items`
//! store under `[ws, kind, id]`. Opening such a database creates the new stores; a worker then
//! moves every workspace through the restore path into records and chunks in one transaction
//! (the page asks one to, see `app::store`).

use std::collections::BTreeMap;

use indexed_db_futures::KeyPath;
use indexed_db_futures::database::{Database, VersionChangeEvent};
use indexed_db_futures::error::{Error as IdbError, OpenDbError};
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{TransactionDurability, TransactionMode, TransactionOptions};
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

use super::migrate::{self, Found};
use super::records::{self, Kind};
use super::{Body, ChunkKey, ChunkQuery, Op, RecordKey, Store, StoreError};

/// The database version this build opens.
pub const DB_VERSION: u32 = 2;
const RECORDS: &str = "records";
const CHUNKS: &str = "chunks";
const LEGACY_ITEMS: &str = "items";

/// A connection to Linimasa's IndexedDB database.
#[derive(Clone)]
pub struct IdbStore {
    db: Database,
}

fn failed(e: impl std::fmt::Display) -> StoreError {
    StoreError::Failed(e.to_string())
}

fn is_quota(name: &str) -> bool {
    name == "QuotaExceededError"
}

fn map_error(e: IdbError) -> StoreError {
    match &e {
        IdbError::DomException(d) if is_quota(&d.name()) => StoreError::QuotaExceeded,
        _ => failed(e),
    }
}

fn js_failed(e: JsValue) -> StoreError {
    failed(format!("{e:?}"))
}

impl IdbStore {
    /// Opens (creating or upgrading) the database called `name`, and moves version-1 items
    /// into records and chunks (the workers' way in, and the tests').
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let (store, legacy) = Self::open_current(name).await?;
        if legacy {
            store.migrate_v1().await?;
        }
        Ok(store)
    }

    /// Opens (creating or upgrading) the database called `name`, and says whether version-1
    /// items wait to be moved; they are left as they are. The page's way in: moving them needs
    /// the whole model's serialisation, which the worker has (opening with [`Self::open`]).
    pub async fn open_current(name: &str) -> Result<(Self, bool), StoreError> {
        let db = Database::open(name)
            .with_version(DB_VERSION)
            .with_on_upgrade_needed(|event: VersionChangeEvent, db: Database| {
                if event.old_version() < 2.0 {
                    let records = db.create_object_store(RECORDS).build()?;
                    records.create_index("by_kind", KeyPath::One("k")).build()?;
                    db.create_object_store(CHUNKS).build()?;
                }
                Ok(())
            })
            .await
            .map_err(|e| match e {
                OpenDbError::UnsupportedEnvironment | OpenDbError::NullFactory => {
                    StoreError::Unavailable(e.to_string())
                }
                other => StoreError::Unavailable(other.to_string()),
            })?;
        let store = Self { db };
        let legacy = store.legacy_items().await?;
        Ok((store, legacy))
    }

    /// True when the version-1 store holds items.
    async fn legacy_items(&self) -> Result<bool, StoreError> {
        if !self.db.object_store_names().any(|n| n == LEGACY_ITEMS) {
            return Ok(false);
        }
        let tx = self
            .db
            .transaction(LEGACY_ITEMS)
            .build()
            .map_err(map_error)?;
        let count = tx
            .object_store(LEGACY_ITEMS)
            .map_err(map_error)?
            .count()
            .await
            .map_err(map_error)?;
        Ok(count > 0)
    }

    /// Closes the connection (tests, and before deleting the database).
    pub fn close(self) {
        self.db.close();
    }

    /// Moves version-1 items into records and chunks, all in one transaction.
    async fn migrate_v1(&self) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([LEGACY_ITEMS, RECORDS, CHUNKS])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .map_err(map_error)?;
        let items = tx.object_store(LEGACY_ITEMS).map_err(map_error)?;
        let keys: Vec<JsValue> = items
            .get_all_keys::<JsValue>()
            .await
            .map_err(map_error)?
            .collect::<Result<_, _>>()
            .map_err(map_error)?;
        let values: Vec<JsValue> = items
            .get_all::<JsValue>()
            .await
            .map_err(map_error)?
            .collect::<Result<_, _>>()
            .map_err(map_error)?;
        let mut found: BTreeMap<String, Found> = BTreeMap::new();
        for (key, value) in keys.into_iter().zip(values) {
            let key: Array = key.unchecked_into();
            let ws = key.get(0).as_string().unwrap_or_default();
            let kind_name = key.get(1).as_string().unwrap_or_default();
            let kind = match kind_name.as_str() {
                "workspace" => Kind::Info,
                other => match Kind::from_slug(other) {
                    Some(kind) => kind,
                    None => continue,
                },
            };
            let version = get_f64(&value, "v").unwrap_or(1.0) as u32;
            let body = Reflect::get(&value, &"body".into())
                .ok()
                .and_then(|b| b.as_string())
                .unwrap_or_default();
            found
                .entry(ws)
                .or_default()
                .push_bytes(kind, version, body.as_bytes(), false, &kind_name)
                .map_err(|e| failed(format!("upgrading stored data: {e}")))?;
        }
        let restored = found
            .into_values()
            .map(|items| {
                migrate::restore(items).map_err(|e| failed(format!("upgrading stored data: {e}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let records = tx.object_store(RECORDS).map_err(map_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(map_error)?;
        // Each write serialised as it is queued, as in `Store::apply`.
        for op in restored.iter().flat_map(records::workspace_writes) {
            queue(&records, &chunks, op)?;
        }
        items.clear().map_err(map_error)?;
        tx.commit().await.map_err(map_error)
    }
}

fn get_f64(value: &JsValue, field: &str) -> Option<f64> {
    Reflect::get(value, &field.into()).ok()?.as_f64()
}

fn key(parts: &[&str]) -> Array {
    parts.iter().map(|p| JsValue::from_str(p)).collect()
}

/// `[prefix..., []]`: sorts after every key that starts with `prefix`.
fn after(parts: &[&str]) -> Array {
    let array = key(parts);
    array.push(&Array::new());
    array
}

fn prefix_range(parts: &[&str]) -> Result<JsValue, StoreError> {
    web_sys::IdbKeyRange::bound(&key(parts), &after(parts))
        .map(Into::into)
        .map_err(js_failed)
}

fn value_of(kind: Option<&str>, body: &Body) -> Result<JsValue, StoreError> {
    let object = Object::new();
    let buffer: ArrayBuffer = Uint8Array::from(body.bytes.as_slice()).buffer();
    let set = |k: &str, v: &JsValue| Reflect::set(&object, &k.into(), v).map_err(js_failed);
    if let Some(kind) = kind {
        set("k", &kind.into())?;
    }
    set("v", &body.version.into())?;
    set("n", &body.count.into())?;
    set("b", &buffer.into())?;
    Ok(object.into())
}

fn body_of(value: &JsValue) -> Result<Body, StoreError> {
    let buffer = Reflect::get(value, &"b".into()).map_err(js_failed)?;
    let buffer: ArrayBuffer = buffer
        .dyn_into()
        .map_err(|_| failed("a stored value has no bytes"))?;
    Ok(Body {
        version: get_f64(value, "v").unwrap_or(0.0) as u32,
        count: get_f64(value, "n").unwrap_or(0.0) as u32,
        bytes: Uint8Array::new(&buffer).to_vec(),
    })
}

fn strings(key: &JsValue) -> Vec<String> {
    let array: &Array = key.unchecked_ref();
    array
        .iter()
        .map(|p| p.as_string().unwrap_or_default())
        .collect()
}

/// Sends one operation's requests; they complete with the transaction.
fn queue(
    records: &indexed_db_futures::object_store::ObjectStore<'_>,
    chunks: &indexed_db_futures::object_store::ObjectStore<'_>,
    op: Op,
) -> Result<(), StoreError> {
    match op {
        Op::PutRecord(k, body) => {
            let value = value_of(Some(&k.kind), &body)?;
            records
                .put(value)
                .with_key(key(&[&k.ws, &k.kind, &k.id]))
                .without_key_type()
                .build()
                .map_err(map_error)?;
        }
        Op::DeleteRecord(k) => {
            records
                .delete(JsValue::from(key(&[&k.ws, &k.kind, &k.id])))
                .build()
                .map_err(map_error)?;
        }
        Op::PutChunk(k, body) => {
            let value = value_of(None, &body)?;
            chunks
                .put(value)
                .with_key(key(&[&k.ws, &k.kind, &k.partition, &k.period]))
                .without_key_type()
                .build()
                .map_err(map_error)?;
        }
        Op::DeleteChunks { ws, kind } => {
            chunks
                .delete(prefix_range(&[&ws, &kind])?)
                .build()
                .map_err(map_error)?;
        }
        Op::DeleteWorkspace(ws) => {
            records
                .delete(prefix_range(&[&ws])?)
                .build()
                .map_err(map_error)?;
            chunks
                .delete(prefix_range(&[&ws])?)
                .build()
                .map_err(map_error)?;
        }
    }
    Ok(())
}

impl IdbStore {
    async fn read(
        &self,
        store: &str,
        index: Option<&str>,
        query: JsValue,
    ) -> Result<Vec<(Vec<String>, Body)>, StoreError> {
        let tx = self.db.transaction(store).build().map_err(map_error)?;
        let object_store = tx.object_store(store).map_err(map_error)?;
        // Keys and values of one range, read from the store or one of its indexes.
        macro_rules! keys_and_values {
            ($source:expr) => {{
                let keys: Vec<JsValue> = $source
                    .get_all_keys::<JsValue>()
                    .with_query(query.clone())
                    .await
                    .map_err(map_error)?
                    .collect::<Result<_, _>>()
                    .map_err(map_error)?;
                let values: Vec<JsValue> = $source
                    .get_all::<JsValue>()
                    .with_query(query)
                    .await
                    .map_err(map_error)?
                    .collect::<Result<_, _>>()
                    .map_err(map_error)?;
                (keys, values)
            }};
        }
        let (keys, values) = match index {
            Some(name) => {
                let index = object_store.index(name).map_err(map_error)?;
                keys_and_values!(index)
            }
            None => keys_and_values!(object_store),
        };
        keys.iter()
            .zip(values.iter())
            .map(|(k, v)| Ok((strings(k), body_of(v)?)))
            .collect()
    }
}

fn record_key(parts: Vec<String>) -> Option<RecordKey> {
    let [ws, kind, id]: [String; 3] = parts.try_into().ok()?;
    Some(RecordKey { ws, kind, id })
}

impl Store for IdbStore {
    async fn apply(&self, ops: impl IntoIterator<Item = Op>) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([RECORDS, CHUNKS])
            .with_mode(TransactionMode::Readwrite)
            .with_options(TransactionOptions::new().with_durability(TransactionDurability::Relaxed))
            .build()
            .map_err(map_error)?;
        // Chromium reports a full quota as an aborted transaction whose `error` says why.
        let raw: web_sys::IdbTransaction = {
            let raw: &web_sys::IdbTransaction = tx.as_sys();
            raw.clone()
        };
        let records = tx.object_store(RECORDS).map_err(map_error)?;
        let chunks = tx.object_store(CHUNKS).map_err(map_error)?;
        for op in ops {
            // An error here drops the transaction, which aborts it: nothing is written.
            queue(&records, &chunks, op)?;
        }
        match tx.commit().await {
            Ok(()) => Ok(()),
            Err(e) => {
                if raw.error().is_some_and(|d| is_quota(&d.name())) {
                    Err(StoreError::QuotaExceeded)
                } else {
                    Err(map_error(e))
                }
            }
        }
    }

    async fn records(&self, ws: &str) -> Result<Vec<(RecordKey, Body)>, StoreError> {
        let rows = self.read(RECORDS, None, prefix_range(&[ws])?).await?;
        Ok(rows
            .into_iter()
            .filter_map(|(k, b)| Some((record_key(k)?, b)))
            .collect())
    }

    async fn records_of_kind(&self, kind: &str) -> Result<Vec<(RecordKey, Body)>, StoreError> {
        let rows = self
            .read(RECORDS, Some("by_kind"), JsValue::from_str(kind))
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(k, b)| Some((record_key(k)?, b)))
            .collect())
    }

    async fn chunks(&self, q: &ChunkQuery) -> Result<Vec<(ChunkKey, Body)>, StoreError> {
        let range: JsValue = match &q.partition {
            Some(partition) => {
                let lower = key(&[&q.ws, &q.kind, partition, q.from.as_deref().unwrap_or("")]);
                let upper = match &q.to {
                    Some(to) => key(&[&q.ws, &q.kind, partition, to]),
                    None => after(&[&q.ws, &q.kind, partition]),
                };
                web_sys::IdbKeyRange::bound(&lower, &upper)
                    .map_err(js_failed)?
                    .into()
            }
            None => prefix_range(&[&q.ws, &q.kind])?,
        };
        let rows = self.read(CHUNKS, None, range).await?;
        Ok(rows
            .into_iter()
            .filter_map(|(k, b)| {
                let [ws, kind, partition, period]: [String; 4] = k.try_into().ok()?;
                Some((
                    ChunkKey {
                        ws,
                        kind,
                        partition,
                        period,
                    },
                    b,
                ))
            })
            .collect())
    }
}
