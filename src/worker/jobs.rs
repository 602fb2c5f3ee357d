//! The whole-workspace jobs the worker runs besides imports: load the demo, replace or merge from
//! a workspace file, move a profile's data onto another, export; and the read-only views the engine writes (the audit). Generic over [`Store`], so they test natively on the memory store.

use chrono::NaiveDate;

use super::protocol::{
    JobError, PersonaJobError, PersonaRequest, ReportDraft, ReportJobError, ReportOutput,
    ReportRequest, Rewritten, ViewKind,
};
use crate::domain::demo::{self, DemoOptions};
use crate::domain::{ProfileId, Workspace, WorkspaceId, WorkspaceInfo, merge, reassign};
use crate::domain::{audit, dashboard};
use crate::i18n::Lang;
use crate::present;
use crate::storage::migrate;
use crate::storage::{Store, workspace};

pub async fn current<S: Store>(store: &S, id: &WorkspaceId) -> Result<Workspace, JobError> {
    Ok(workspace::load(store, id)
        .await
        .map_err(|e| match e {
            workspace::LoadError::Store(e) => JobError::Store(e),
            workspace::LoadError::Restore(e) => JobError::Restore(e),
        })?
        .unwrap_or_else(|| Workspace::empty(WorkspaceInfo::new(id.clone(), ""))))
}

/// Fills the workspace with the demo, keeping the workspace's identity.
pub async fn demo<S: Store>(
    store: &S,
    id: &WorkspaceId,
    today: NaiveDate,
) -> Result<Rewritten, JobError> {
    let before = current(store, id).await?.counts().total();
    let mut ws = demo::generate(&DemoOptions::new(today));
    ws.info.id = id.clone();
    workspace::save(store, &ws).await?;
    Ok(stored(&ws, before, None))
}

/// What a job that stored `ws` did (the workspace held `before` records).
fn stored(ws: &Workspace, before: usize, moved: Option<reassign::Moved>) -> Rewritten {
    Rewritten {
        stored: true,
        records: ws.counts().total(),
        current: before,
        merge: None,
        from_schema: migrate::SCHEMA,
        moved,
    }
}

/// Moves profile `from`'s records onto `to` ([`reassign::reassign`]) and stores the workspace in
/// one transaction; nothing is stored when the move is impossible.
pub async fn reassign<S: Store>(
    store: &S,
    id: &WorkspaceId,
    from: &ProfileId,
    to: &ProfileId,
) -> Result<Rewritten, JobError> {
    let mut ws = current(store, id).await?;
    let before = ws.counts().total();
    let moved = reassign::reassign(&mut ws, from, to).map_err(JobError::Reassign)?;
    workspace::save(store, &ws).await?;
    Ok(stored(&ws, before, Some(moved)))
}

/// Reads a workspace file and replaces the workspace with it, or merges it in; stores the result
/// only when `store_it` (otherwise says what it would do, for the user to confirm).
pub async fn workspace_file<S: Store>(
    store: &S,
    id: &WorkspaceId,
    bytes: &[u8],
    merge_in: bool,
    store_it: bool,
) -> Result<Rewritten, JobError> {
    let restored = migrate::restore_file(bytes)?;
    let mut ws = current(store, id).await?;
    let before = ws.counts().total();
    let mut summary = None;
    if merge_in {
        summary = Some(merge::merge(&mut ws, restored.workspace));
    } else {
        ws = restored.workspace;
        ws.info.id = id.clone();
    }
    if store_it {
        workspace::save(store, &ws).await?;
    }
    Ok(Rewritten {
        stored: store_it,
        records: ws.counts().total(),
        current: before,
        merge: summary,
        from_schema: restored.from_schema,
        moved: None,
    })
}

/// The workspace as one file, and a file name for it.
pub async fn export<S: Store>(
    store: &S,
    id: &WorkspaceId,
    today: NaiveDate,
) -> Result<(String, Vec<u8>), JobError> {
    let ws = current(store, id).await?;
    let slug = crate::domain::slug(&ws.info.name);
    Ok((
        format!("linimasa-{slug}-{today}.json"),
        migrate::export_file(&ws),
    ))
}

/// A read-only view of a loaded workspace, as HTML; `None` when there is nothing to show.
pub fn view(ws: &Workspace, view: &ViewKind, lang: Lang) -> Option<String> {
    match view {
        ViewKind::Audit => {
            let audit = audit::run(ws, audit::WINDOW_DAYS)?;
            Some(present::audit::audit(ws, &audit, lang))
        }
        ViewKind::Dashboard(query) => {
            let dashboard = dashboard::compute(ws, query)?;
            Some(present::dashboard::dashboard(ws, &dashboard, lang))
        }
        ViewKind::Audience => present::audience::makeup(ws, lang),
        ViewKind::Listening { days } => present::report::listening_view(ws, *days, lang),
        ViewKind::Inbox { days } => present::service::inbox_view(ws, *days, lang),
    }
}

/// The User Timing measure a view's computation is recorded as.
pub fn view_measure(view: &ViewKind) -> &'static str {
    match view {
        ViewKind::Audit => "audit:run",
        ViewKind::Dashboard(_) => "dashboard:run",
        ViewKind::Audience => "audience:run",
        ViewKind::Listening { .. } => "listening:run",
        ViewKind::Inbox { .. } => "inbox:run",
    }
}

/// The records a view was computed over (the `detail` of its User Timing measure).
pub fn view_records(ws: &Workspace) -> u64 {
    (ws.posts.len() + ws.daily.len() + ws.messages.len()) as u64
}

/// Finds the personas of the requested table. The member labels are not sent back (only the
/// personas and how they were found).
pub fn personas(
    ws: &Workspace,
    request: &PersonaRequest,
    progress: &mut dyn FnMut(f32),
) -> Result<crate::domain::personas::Found, PersonaJobError> {
    if !ws.audience_tables.iter().any(|t| t.id.0 == request.table) {
        return Err(PersonaJobError::NoTable);
    }
    let members: Vec<crate::domain::AudienceMember> = ws
        .audience_members
        .iter()
        .filter(|m| m.table.0 == request.table)
        .cloned()
        .collect();
    let mut found = crate::domain::personas::find(
        &members,
        &request.settings,
        request.today,
        request.lang,
        progress,
    )
    .map_err(PersonaJobError::Personas)?;
    let channels = crate::domain::personas::reach::channels(
        ws,
        &request.settings.columns,
        &members,
        &found.labels,
        found.personas.len(),
        request.today,
    );
    for (persona, channels) in found.personas.iter_mut().zip(channels) {
        persona.channels = channels;
    }
    found.labels = Vec::new();
    Ok(found)
}

/// Drafts a report or writes it: the file's bytes come back with the draft (empty for a draft).
pub fn report(
    ws: &Workspace,
    request: &ReportRequest,
) -> Result<(ReportDraft, Vec<u8>), ReportJobError> {
    use crate::domain::report;
    let definition = match &request.definition {
        Some(d) => d.clone(),
        None => {
            report::template(ws, request.audience, request.lang).ok_or(ReportJobError::NoData)?
        }
    };
    let figures = report::figures(ws, &definition);
    let generated = report::summaries(ws, &definition, &figures, request.lang);
    let stem = crate::domain::slug(&definition.name);
    let (bytes, file_name) = match request.output {
        ReportOutput::Draft => (Vec::new(), None),
        ReportOutput::Html => (
            present::report::html(ws, &definition, &figures, request.lang).into_bytes(),
            Some(format!("{stem}.html")),
        ),
        ReportOutput::Csv => (
            present::report::csv(&present::report::tables(ws, &figures, request.lang)),
            Some(format!("{stem}.csv")),
        ),
        ReportOutput::Xlsx => (
            present::report::xlsx(&present::report::tables(ws, &figures, request.lang))
                .map_err(ReportJobError::Write)?,
            Some(format!("{stem}.xlsx")),
        ),
    };
    Ok((
        ReportDraft {
            definition,
            generated,
            file_name,
        },
        bytes,
    ))
}

/// Reads a planned-posts CSV with the page's options.
pub fn plan_file(
    request: &super::protocol::PlanFileRequest,
    bytes: &[u8],
) -> Result<
    crate::domain::calendar::plan_csv::Read,
    Vec<crate::domain::calendar::plan_csv::CellError>,
> {
    use crate::domain::calendar::plan_csv;
    plan_csv::read(
        bytes,
        &plan_csv::ReadOptions {
            zone: &request.zone,
            author: &request.author,
            default_platform: request.default_platform,
            id_prefix: &request.id_prefix,
            now: request.now,
        },
    )
}
