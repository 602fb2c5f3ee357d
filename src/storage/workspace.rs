//! Saving and loading workspaces through any [`Store`]: whole workspaces (demo, replace, merge)
//! and single parts (settings, a planned post). Loading always goes through
//! [`migrate::restore`].

use super::migrate::{self, Found, RestoreError};
use super::records::{self, Kind};
use super::{ChunkQuery, Op, Store, StoreError};
use crate::domain::{
    AudienceTable, Benchmark, PersonaSnapshot, PlanItem, PlanItemId, PlatformAssessment, Profile,
    ReportDefinition, Workspace, WorkspaceId, WorkspaceInfo,
};

/// Why a workspace could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("stored data cannot be read: {0}")]
    Restore(#[from] RestoreError),
}

/// Replaces everything stored for the workspace with `ws`, in one transaction.
pub async fn save<S: Store>(store: &S, ws: &Workspace) -> Result<(), StoreError> {
    let delete = Op::DeleteWorkspace(ws.info.id.0.clone());
    store
        .apply(std::iter::once(delete).chain(records::workspace_writes(ws)))
        .await
}

/// Saves the settings of a workspace.
pub async fn save_info<S: Store>(store: &S, info: &WorkspaceInfo) -> Result<(), StoreError> {
    store.apply(vec![records::info_op(info)]).await
}

/// Saves planned posts and removes others, in one transaction.
pub async fn save_plan<S: Store>(
    store: &S,
    ws: &WorkspaceId,
    save: &[PlanItem],
    remove: &[PlanItemId],
) -> Result<(), StoreError> {
    let ops: Vec<Op> = save
        .iter()
        .map(|item| records::plan_item_op(ws, item))
        .chain(remove.iter().map(|id| records::plan_item_delete_op(ws, id)))
        .collect();
    store.apply(ops).await
}

/// Saves one profile.
pub async fn save_profile<S: Store>(
    store: &S,
    ws: &WorkspaceId,
    profile: &Profile,
) -> Result<(), StoreError> {
    store.apply(vec![records::profile_op(ws, profile)]).await
}

/// Saves the user's answers about one platform.
pub async fn save_assessment<S: Store>(
    store: &S,
    ws: &WorkspaceId,
    assessment: &PlatformAssessment,
) -> Result<(), StoreError> {
    store
        .apply(vec![records::assessment_op(ws, assessment)])
        .await
}

/// Adds (or replaces) a benchmark, or removes it.
pub async fn save_benchmark<S: Store>(
    store: &S,
    ws: &WorkspaceId,
    benchmark: &Benchmark,
    remove: bool,
) -> Result<(), StoreError> {
    let op = if remove {
        records::benchmark_delete_op(ws, benchmark)
    } else {
        records::benchmark_op(ws, benchmark)
    };
    store.apply(vec![op]).await
}

/// Saves a persona snapshot (or removes it) and the table's column choices it was made with.
pub async fn save_personas<S: Store>(
    store: &S,
    ws: &WorkspaceId,
    table: Option<&AudienceTable>,
    snapshot: &PersonaSnapshot,
    remove: bool,
) -> Result<(), StoreError> {
    let mut ops: Vec<Op> = table
        .map(|t| records::audience_table_op(ws, t))
        .into_iter()
        .collect();
    ops.push(if remove {
        records::persona_snapshot_delete_op(ws, snapshot)
    } else {
        records::persona_snapshot_op(ws, snapshot)
    });
    store.apply(ops).await
}

/// Saves a report definition (its choices, methodology and edited summaries).
pub async fn save_report<S: Store>(
    store: &S,
    ws: &WorkspaceId,
    report: &ReportDefinition,
) -> Result<(), StoreError> {
    store.apply(vec![records::report_op(ws, report)]).await
}

/// Deletes a workspace and everything in it.
pub async fn delete<S: Store>(store: &S, ws: &WorkspaceId) -> Result<(), StoreError> {
    store.apply(vec![Op::DeleteWorkspace(ws.0.clone())]).await
}

/// The settings of every stored workspace, by name.
pub async fn list<S: Store>(store: &S) -> Result<Vec<WorkspaceInfo>, LoadError> {
    let mut out = Vec::new();
    for (key, body) in store.records_of_kind(Kind::Info.slug()).await? {
        let mut found = Found::default();
        found.push_bytes(Kind::Info, body.version, &body.bytes, false, &key.ws)?;
        out.push(migrate::restore(found)?.info);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Loads a whole workspace; `None` when nothing is stored under that ID.
pub async fn load<S: Store>(store: &S, ws: &WorkspaceId) -> Result<Option<Workspace>, LoadError> {
    let mut found = Found::default();
    let stored = store.records(&ws.0).await?;
    if stored.is_empty() {
        return Ok(None);
    }
    for (key, body) in stored {
        // Kinds a newer version added are skipped, not fatal.
        if let Some(kind) = Kind::from_slug(&key.kind) {
            found.push_raw(kind, body.version, body.bytes, false, &key.id);
        }
    }
    for kind in Kind::ALL
        .into_iter()
        .filter(|k| k.layout() == records::Layout::Chunk)
    {
        let query = ChunkQuery {
            ws: ws.0.clone(),
            kind: kind.slug().into(),
            ..ChunkQuery::default()
        };
        for (key, body) in store.chunks(&query).await? {
            let at = format!("{}/{}/{}", key.kind, key.partition, key.period);
            found.push_raw(kind, body.version, body.bytes, true, &at);
        }
    }
    Ok(Some(migrate::restore(found)?))
}
