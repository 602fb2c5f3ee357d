//! Reports from the page: drafts and files are made by a worker (which loads the stored
//! workspace), the `report:render` measure is recorded in the page's timeline, files are
//! downloaded, and report definitions are saved in the workspace.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::actions::{self, store_error_text};
use super::browser;
use super::state::AppState;
use super::worker_client;
use crate::domain::report_cadence;
use crate::domain::{ReportAudience, ReportDefinition};
use crate::i18n::Msg;
use crate::storage::workspace;
use crate::worker::protocol::{Job, ReportDraft, ReportJobError, ReportOutput, ReportRequest};

/// Asks the worker for a draft (`definition` `None`: the audience's template) or a file.
pub async fn request(
    state: AppState,
    audience: ReportAudience,
    definition: Option<ReportDefinition>,
    output: ReportOutput,
) -> Result<(ReportDraft, Vec<u8>), String> {
    let lang = state.lang.get_untracked();
    let workspace = actions::open_id(&state).ok_or_else(|| "workspace".to_owned())?;
    let job = Job::Report(ReportRequest {
        workspace: workspace.0,
        definition,
        audience,
        output,
        lang,
    });
    let reply = worker_client::call(&job, None).await?;
    let Some(report) = reply.message.report() else {
        return Err("worker".into());
    };
    if output != ReportOutput::Draft
        && let Some((start, end, records)) = report.measure
    {
        let shift = report.time_origin - browser::time_origin();
        browser::measure_span("report:render", start + shift, end + shift, records);
    }
    match report.outcome {
        Ok(draft) => Ok((draft, reply.bytes.unwrap_or_default())),
        Err(ReportJobError::NoData) => Err(Msg::ReportNoData.text(lang).into()),
        Err(ReportJobError::Load(e)) => Err(actions::job_error_text(lang, &e)),
        Err(ReportJobError::Write(detail)) => Err(crate::i18n::fill(
            Msg::ReportWriteFailed.text(lang),
            &[("detail", &detail)],
        )),
    }
}

/// Writes the report as a file and downloads it.
pub fn export(
    state: AppState,
    definition: ReportDefinition,
    output: ReportOutput,
    busy: RwSignal<bool>,
) {
    busy.set(true);
    spawn_local(async move {
        let audience = definition.audience;
        let result = request(state, audience, Some(definition), output).await;
        busy.set(false);
        match result {
            Ok((draft, bytes)) => {
                let name = draft.file_name.unwrap_or_else(|| "report".into());
                let mime = match output {
                    ReportOutput::Csv => "text/csv",
                    ReportOutput::Xlsx => {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    }
                    _ => "text/html",
                };
                if let Err(e) = browser::download(&name, mime, &bytes) {
                    state.error(e);
                }
            }
            Err(e) => state.error(e),
        }
    });
}

/// Saves a report definition in the workspace.
pub fn save(state: AppState, definition: ReportDefinition) {
    let lang = state.lang.get_untracked();
    store_reports(state, vec![definition], Msg::Saved.text(lang).into());
}

/// Saves report definitions, then shows `done`.
fn store_reports(state: AppState, definitions: Vec<ReportDefinition>, done: String) {
    let Some(store) = actions::store(&state) else {
        return;
    };
    let Some(id) = actions::open_id(&state) else {
        return;
    };
    let lang = state.lang.get_untracked();
    spawn_local(async move {
        for definition in &definitions {
            if let Err(e) = workspace::save_report(&store, &id, definition).await {
                return state.error(store_error_text(lang, &e));
            }
        }
        actions::announce(&state, &id);
        state.workspace.update(|w| {
            if let Some(w) = w {
                for definition in definitions {
                    w.reports.retain(|r| r.id != definition.id);
                    w.reports.push(definition);
                }
            }
        });
        state.info(done);
    });
}

/// At start-up: every saved report whose schedule has a new whole period is moved to that
/// period and saved, and the notice says which reports are ready.
pub fn prepare_due(state: AppState) {
    let lang = state.lang.get_untracked();
    let due: Vec<ReportDefinition> = state.workspace.with_untracked(|w| {
        let Some(ws) = w else { return Vec::new() };
        let today = crate::domain::tz::today(browser::now_millis(), &ws.info.time_zone);
        ws.reports
            .iter()
            .filter_map(|r| report_cadence::due(r, today).map(|p| report_cadence::prepare(r, p)))
            .collect()
    });
    if due.is_empty() {
        return;
    }
    let names = due
        .iter()
        .map(|d| {
            format!(
                "{} ({} – {})",
                d.name,
                lang.date(d.period.start),
                lang.date(d.period.end)
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let text = crate::i18n::fill(Msg::ReportsDue.text(lang), &[("names", &names)]);
    store_reports(state, due, text);
}
