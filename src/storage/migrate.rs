//! The one restore path. Everything that becomes a workspace — read from IndexedDB, imported
//! from a workspace file, received by sync — is gathered as JSON items tagged with the schema
//! version that wrote them ([`Found`]), upgraded step by step to [`SCHEMA`], deserialised with the
//! path of any bad value, and checked for consistency. A failure returns an error and builds
//! nothing, so a damaged input can never half-replace good data.
//!
//! Schema history:
//! - 1: the first layout. Settings named the workspace `title`; a post had `time` and flat
//!   `likes`/`comments`/`shares`/`reach`/`impressions` fields; a profile had `is_competitor`;
//!   IndexedDB held every item (posts too) as one record in an `items` store.
//! - 2: typed metric maps, `published` with offset, chunked posts (this version).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value, json};
use thiserror::Error;

use super::records::Kind;
use crate::domain::Workspace;

/// The schema version this build writes.
pub const SCHEMA: u32 = 2;

/// The `format` field of a workspace file.
pub const FILE_FORMAT: &str = "linimasa-workspace";

/// Why something could not be restored. Nothing was changed when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RestoreError {
    #[error("not JSON (line {line}, column {column})")]
    NotJson { line: usize, column: usize },
    #[error("not a Linimasa workspace")]
    NotWorkspace,
    #[error("made by a newer version (schema {schema})")]
    Newer { schema: u32 },
    #[error("invalid value at {path}: {detail}")]
    Invalid { path: String, detail: String },
    #[error("inconsistent: {0}")]
    Inconsistent(String),
}

/// Items found in storage, a file or a sync message, before they are restored.
#[derive(Debug, Default)]
pub struct Found {
    items: BTreeMap<Kind, Vec<(u32, Value)>>,
}

impl Found {
    pub fn push(&mut self, kind: Kind, version: u32, item: Value) {
        self.items.entry(kind).or_default().push((version, item));
    }

    /// Adds the bytes of a stored record (one item) or chunk (an array of items).
    pub fn push_bytes(
        &mut self,
        kind: Kind,
        version: u32,
        bytes: &[u8],
        chunk: bool,
        key: &str,
    ) -> Result<(), RestoreError> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| RestoreError::Invalid {
            path: key.to_owned(),
            detail: e.to_string(),
        })?;
        match (chunk, value) {
            (true, Value::Array(items)) => {
                for item in items {
                    self.push(kind, version, item);
                }
            }
            (false, item) => self.push(kind, version, item),
            (true, _) => {
                return Err(RestoreError::Invalid {
                    path: key.to_owned(),
                    detail: "a chunk must hold a list".into(),
                });
            }
        }
        Ok(())
    }
}

/// Restores a workspace from found items: upgrade, deserialise, check.
pub fn restore(found: Found) -> Result<Workspace, RestoreError> {
    let mut object = Map::new();
    for (kind, items) in found.items {
        let mut upgraded = Vec::with_capacity(items.len());
        for (version, item) in items {
            upgraded.push(upgrade(kind, version, item)?);
        }
        if kind == Kind::Info {
            let info = upgraded.pop().ok_or(RestoreError::NotWorkspace)?;
            object.insert(kind.field().into(), info);
        } else {
            object.insert(kind.field().into(), Value::Array(upgraded));
        }
    }
    if !object.contains_key(Kind::Info.field()) {
        return Err(RestoreError::NotWorkspace);
    }
    let mut workspace: Workspace = serde_path_to_error::deserialize(Value::Object(object))
        .map_err(|e| RestoreError::Invalid {
            path: e.path().to_string(),
            detail: e.inner().to_string(),
        })?;
    check(&workspace)?;
    workspace.normalize();
    Ok(workspace)
}

/// Brings one item from the schema that wrote it to [`SCHEMA`].
pub fn upgrade(kind: Kind, version: u32, mut item: Value) -> Result<Value, RestoreError> {
    if version > SCHEMA {
        return Err(RestoreError::Newer { schema: version });
    }
    if version == 0 {
        return Err(RestoreError::NotWorkspace);
    }
    if version < 2 {
        item = v1_to_v2(kind, item);
    }
    Ok(item)
}

fn v1_to_v2(kind: Kind, item: Value) -> Value {
    let Value::Object(mut object) = item else {
        return item;
    };
    match kind {
        Kind::Info => {
            if let Some(title) = object.remove("title") {
                object.entry("name").or_insert(title);
            }
            object
                .entry("time_zone")
                .or_insert_with(|| json!(crate::domain::DEFAULT_TIME_ZONE));
        }
        Kind::Profile => {
            if let Some(flag) = object.remove("is_competitor") {
                object.insert("competitor".into(), flag);
            }
        }
        Kind::Post => {
            if let Some(time) = object.remove("time") {
                object.insert("published".into(), time);
            }
            let mut metrics = Map::new();
            for (old, new) in [
                ("likes", "reactions"),
                ("comments", "comments"),
                ("shares", "shares"),
                ("reach", "reach"),
                ("impressions", "impressions"),
            ] {
                if let Some(value) = object.remove(old).filter(|v| !v.is_null()) {
                    metrics.insert(new.into(), value);
                }
            }
            object.insert("metrics".into(), Value::Object(metrics));
        }
        _ => {}
    }
    Value::Object(object)
}

/// Checks what types cannot: identities are unique and references point at something.
pub fn check(ws: &Workspace) -> Result<(), RestoreError> {
    let mut profiles = BTreeSet::new();
    for profile in &ws.profiles {
        if !profiles.insert(&profile.id) {
            return Err(RestoreError::Inconsistent(format!(
                "profile {} appears twice",
                profile.id
            )));
        }
    }
    let unknown = |what: &str, id: &crate::domain::ProfileId| {
        RestoreError::Inconsistent(format!("{what} refers to unknown profile {id}"))
    };
    let mut posts = BTreeSet::new();
    for post in &ws.posts {
        if !profiles.contains(&post.profile) {
            return Err(unknown("a post", &post.profile));
        }
        if !posts.insert((&post.profile, &post.id)) {
            return Err(RestoreError::Inconsistent(format!(
                "post {} of {} appears twice",
                post.id, post.profile
            )));
        }
    }
    if let Some(d) = ws.daily.iter().find(|d| !profiles.contains(&d.profile)) {
        return Err(unknown("a daily metric", &d.profile));
    }
    if let Some(m) = ws.messages.iter().find(|m| !profiles.contains(&m.profile)) {
        return Err(unknown("a message", &m.profile));
    }
    let mut plan = BTreeSet::new();
    if let Some(item) = ws.plan.iter().find(|p| !plan.insert(&p.id)) {
        return Err(RestoreError::Inconsistent(format!(
            "planned post {} appears twice",
            item.id
        )));
    }
    Ok(())
}

/// Writes a workspace file: one JSON document with the format, schema and all data.
pub fn export_file(ws: &Workspace) -> Vec<u8> {
    let file = json!({
        "format": FILE_FORMAT,
        "schema": SCHEMA,
        "workspace": ws,
    });
    serde_json::to_vec(&file).expect("model types serialise")
}

/// A workspace read from a file, and the schema the file was written with.
#[derive(Debug)]
pub struct Restored {
    pub workspace: Workspace,
    pub from_schema: u32,
}

/// Reads a workspace file through the restore path.
pub fn restore_file(bytes: &[u8]) -> Result<Restored, RestoreError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| RestoreError::NotJson {
        line: e.line(),
        column: e.column(),
    })?;
    let Value::Object(mut file) = value else {
        return Err(RestoreError::NotWorkspace);
    };
    if file.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(RestoreError::NotWorkspace);
    }
    let schema = file
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(RestoreError::NotWorkspace)? as u32;
    if schema > SCHEMA {
        return Err(RestoreError::Newer { schema });
    }
    let Some(Value::Object(workspace)) = file.remove("workspace") else {
        return Err(RestoreError::NotWorkspace);
    };
    let mut found = Found::default();
    for (field, value) in workspace {
        // Fields this version does not know are dropped rather than refused.
        let Some(kind) = Kind::from_field(&field) else {
            continue;
        };
        match (kind, value) {
            (Kind::Info, info) => found.push(kind, schema, info),
            (_, Value::Array(items)) => {
                for item in items {
                    found.push(kind, schema, item);
                }
            }
            (_, _) => {
                return Err(RestoreError::Invalid {
                    path: field,
                    detail: "expected a list".into(),
                });
            }
        }
    }
    Ok(Restored {
        workspace: restore(found)?,
        from_schema: schema,
    })
}
