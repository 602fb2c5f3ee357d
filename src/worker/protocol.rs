//! Messages between the page and the worker, as JSON (externally tagged enums: internally tagged
//! ones buffer every payload and double the page's deserialising code). Pure types: the page and the worker share
//! them, and they test natively. A message is a JSON string, or an array of a JSON string and the
//! bytes that go with it (files to import, a workspace file, an export).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::import::ImportError;
use crate::domain::merge::MergeSummary;
use crate::domain::model::{BatchCounts, Diagnostic, Severity};
use crate::storage::StoreError;
use crate::storage::migrate::RestoreError;

/// Work the page hands to the worker: everything that builds or rewrites a whole workspace, so
/// that its code (parsers, demo generator, merge, the workspace writer) stays out of the page's
/// download and its time off the page's thread.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Job {
    /// Import export files (sent alongside, in the order of `names`).
    Import(ImportRequest),
    /// Fill the workspace with the demo (keeping its identity).
    Demo { workspace: String, today: NaiveDate },
    /// Read a workspace file (sent alongside) and say what replacing the workspace with it, or
    /// merging it in, would do; store the result only when `store`.
    WorkspaceFile {
        workspace: String,
        merge: bool,
        store: bool,
    },
    /// Move every record of profile `from` onto profile `to` and remove `from`.
    Reassign {
        workspace: String,
        from: String,
        to: String,
    },
    /// Write the whole workspace as one file (sent back alongside [`WorkerMessage::Exported`]).
    Export { workspace: String, today: NaiveDate },
    /// Move a version-1 database's items into records and chunks (opening the store does it).
    UpgradeStore,
    /// Group an audience table's members into personas (progress reported; cancelled by
    /// ending the worker).
    Personas(PersonaRequest),
    /// Read a small generated export through the importers, storing nothing, so that the
    /// worker's engine has optimised their code before the user's files arrive (sent to an
    /// import worker started ahead of its import).
    Warm { today: NaiveDate },
    /// Draft a report (a template and its generated summaries) or write it as a file (sent
    /// back alongside [`WorkerMessage::Report`]).
    Report(ReportRequest),
    /// Read a planned-posts CSV (sent alongside) into planned posts; nothing is stored (the page
    /// merges them into the plan and saves).
    PlanFile(PlanFileRequest),
    /// Compute a read-only view of the workspace and write it as HTML (the engine worker, which
    /// stays alive and keeps the workspace loaded while `generation` does not change).
    View {
        request: u64,
        workspace: String,
        generation: u64,
        view: ViewKind,
        lang: crate::i18n::Lang,
    },
}

/// What the page asks of the persona clustering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaRequest {
    pub workspace: String,
    pub table: String,
    pub settings: crate::domain::personas::Settings,
    pub today: NaiveDate,
    pub lang: crate::i18n::Lang,
}

/// Why personas could not be found. Nothing was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonaJobError {
    Load(JobError),
    NoTable,
    Personas(crate::domain::personas::PersonaError),
}

/// The personas found, with the timing of the clustering (worker clock, ms) and the worker's
/// time origin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaReply {
    pub outcome: Result<crate::domain::personas::Found, PersonaJobError>,
    pub measure: Option<(f64, f64)>,
    pub time_origin: f64,
}

/// What the page asks of a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    pub workspace: String,
    /// The report as the user set it; `None`: the template of `audience`.
    pub definition: Option<crate::domain::ReportDefinition>,
    pub audience: crate::domain::ReportAudience,
    pub output: ReportOutput,
    pub lang: crate::i18n::Lang,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportOutput {
    /// The definition with the generated summaries, nothing written.
    Draft,
    Html,
    Csv,
    Xlsx,
}

/// A drafted or written report: the definition, the generated summary of each section, the
/// file name (the file itself is attached), and the timing of the rendering (worker clock).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportReply {
    pub outcome: Result<ReportDraft, ReportJobError>,
    pub measure: Option<(f64, f64, u64)>,
    pub time_origin: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDraft {
    pub definition: crate::domain::ReportDefinition,
    pub generated: std::collections::BTreeMap<String, String>,
    pub file_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportJobError {
    Load(JobError),
    /// The workspace has no dated data to report on.
    NoData,
    /// The file could not be written (the writer's reason).
    Write(String),
}

/// The read-only views the engine computes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ViewKind {
    Audit,
    /// Each own profile's audience make-up (platform demographics).
    Audience,
    Dashboard(crate::domain::dashboard::Query),
    /// Mentions over the last `days` days that have any, against the days before.
    Listening {
        days: u32,
    },
    /// Messages over the last `days` days up to the last one received, against the days before.
    Inbox {
        days: u32,
    },
}

/// A view written by the engine, with the timing of its computation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ViewReply {
    pub request: u64,
    /// `None` when the workspace has nothing to show.
    pub html: Option<String>,
    /// The User Timing measure of the computation: name, start and end (worker clock, ms),
    /// records; and the worker's time origin to shift it into the page's timeline.
    pub measure: Option<(String, f64, f64, u64)>,
    pub time_origin: f64,
    /// Why the view could not be computed.
    pub error: Option<JobError>,
}

/// Why a whole-workspace job failed. Nothing was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum JobError {
    Restore(RestoreError),
    Store(StoreError),
    Reassign(crate::domain::reassign::ReassignError),
}

impl From<RestoreError> for JobError {
    fn from(e: RestoreError) -> Self {
        JobError::Restore(e)
    }
}

impl From<StoreError> for JobError {
    fn from(e: StoreError) -> Self {
        JobError::Store(e)
    }
}

/// What a demo or workspace-file job did, or would do when it was not asked to store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rewritten {
    pub stored: bool,
    /// Records in the workspace afterwards, and before.
    pub records: usize,
    pub current: usize,
    /// For a merge: what it adds and changes.
    pub merge: Option<MergeSummary>,
    /// The schema the file was written with.
    pub from_schema: u32,
    /// For a reassignment: what moved.
    #[serde(default)]
    pub moved: Option<crate::domain::reassign::Moved>,
}

/// What the page asks: import these files (sent alongside as byte arrays, in this order) into
/// the workspace.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportRequest {
    pub workspace: String,
    pub time_zone: String,
    pub today: NaiveDate,
    pub names: Vec<String>,
    /// The worker's clock for `imported_at`, from the page (milliseconds since the epoch).
    pub now_millis: i64,
    /// Column mappings the user just chose for files no family recognised.
    #[serde(default)]
    pub mappings: Vec<crate::domain::model::ColumnMapping>,
}

/// What the worker says back. The page never reads one whole: see [`Received`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WorkerMessage {
    /// The worker's wasm is loaded and listening: requests can be sent (earlier ones would be
    /// lost, since the worker script finishes before its wasm starts).
    Ready,
    /// Work on a file reached a stage.
    Progress(ImportProgress),
    /// Every file is finished; the workspace is stored (or nothing is, see the reports).
    Done(Vec<FileReport>),
    /// A demo or workspace-file job ended.
    Rewritten(Result<Rewritten, JobError>),
    /// The stored data is at the current version (or could not be upgraded).
    StoreUpgraded(Result<(), JobError>),
    /// The workspace file is attached; the name is a suggested file name.
    Exported(Result<String, JobError>),
    /// A view the page asked for.
    View(ViewReply),
    /// How far the persona clustering is (0..1).
    PersonaProgress(f32),
    Personas(Box<PersonaReply>),
    /// A drafted report, or a written one (its file attached).
    Report(Box<ReportReply>),
    PlanFile(PlanFileReply),
    /// The importers are warmed ([`Job::Warm`]): when, on the worker's clock (ms), with its
    /// time origin.
    Warmed(Warmed),
}

/// How long warming the importers took (the `import:warm` measure).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Warmed {
    pub start: f64,
    pub end: f64,
    pub time_origin: f64,
    /// Posts read from the generated export.
    pub posts: usize,
}

/// A planned-posts CSV read into planned posts, or the cells that stopped it.
pub type PlanFileReply = Result<
    crate::domain::calendar::plan_csv::Read,
    Vec<crate::domain::calendar::plan_csv::CellError>,
>;

/// Work on file `file` (its place in the request) reached `stage` (`decode`, `parse`, `store`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProgress {
    pub file: usize,
    pub stage: String,
}

/// A [`WorkerMessage`] as the page receives it (JSON text): its tag is read at once, its payload
/// only by the code that expects it. A deserialiser for the whole enum would put the types of
/// every reply (imports, personas, reports, plan files) in the page's start-up download; this
/// way each page's chunk carries the ones it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    text: String,
}

impl Received {
    /// The message's JSON text, as `serde_json` writes a [`WorkerMessage`]: `"ready"` for a
    /// message without payload, `{"tag":payload}` otherwise.
    pub fn new(text: String) -> Self {
        Self { text }
    }

    /// The variant's name in kebab case (`ready`, `progress`, `view`, ...).
    pub fn tag(&self) -> &str {
        let rest = self
            .text
            .strip_prefix("{\"")
            .or_else(|| self.text.strip_prefix('"'))
            .unwrap_or_default();
        rest.split('"').next().unwrap_or_default()
    }

    fn payload<T: serde::de::DeserializeOwned>(&self, tag: &str) -> Option<T> {
        let body = self
            .text
            .strip_prefix("{\"")?
            .strip_prefix(tag)?
            .strip_prefix("\":")?
            .strip_suffix('}')?;
        serde_json::from_slice(body.as_bytes()).ok()
    }

    pub fn is_ready(&self) -> bool {
        self.text == "\"ready\""
    }

    pub fn progress(&self) -> Option<ImportProgress> {
        self.payload("progress")
    }

    pub fn done(&self) -> Option<Vec<FileReport>> {
        self.payload("done")
    }

    pub fn rewritten(&self) -> Option<Result<Rewritten, JobError>> {
        self.payload("rewritten")
    }

    pub fn store_upgraded(&self) -> Option<Result<(), JobError>> {
        self.payload("store-upgraded")
    }

    pub fn exported(&self) -> Option<Result<String, JobError>> {
        self.payload("exported")
    }

    pub fn view(&self) -> Option<ViewReply> {
        self.payload("view")
    }

    pub fn persona_progress(&self) -> Option<f32> {
        self.payload("persona-progress")
    }

    pub fn personas(&self) -> Option<PersonaReply> {
        self.payload("personas")
    }

    pub fn report(&self) -> Option<ReportReply> {
        self.payload("report")
    }

    pub fn plan_file(&self) -> Option<PlanFileReply> {
        self.payload("plan-file")
    }

    pub fn warmed(&self) -> Option<Warmed> {
        self.payload("warmed")
    }
}

/// How to read a planned-posts CSV: see [`crate::domain::calendar::plan_csv::ReadOptions`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlanFileRequest {
    pub zone: String,
    pub author: crate::domain::MemberId,
    pub default_platform: crate::domain::Platform,
    pub id_prefix: String,
    pub now: chrono::DateTime<chrono::FixedOffset>,
}

/// The outcome of one file, as the Import page shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub name: String,
    /// `ok`, `warning` or `error`.
    pub status: String,
    /// A platform slug, or `generic` when the file was not recognised.
    pub platform: String,
    pub kind: String,
    pub family: String,
    pub language: String,
    pub profile: String,
    /// Records imported and rows not imported.
    pub rows: u64,
    pub skipped: u64,
    pub counts: BatchCounts,
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// Every header and the meaning it was given.
    pub columns: Vec<(String, Option<String>)>,
    pub diagnostics: Vec<Diagnostic>,
    pub error: Option<ImportError>,
    /// Milliseconds (worker clock, relative to `time_origin`) when each stage started and ended.
    pub timings: Vec<(String, f64, f64)>,
    pub time_origin: f64,
    /// The worker's WebAssembly memory when the import ended, in bytes: the most it held at
    /// once, since that memory never shrinks (the page's copy of the files is not in it).
    #[serde(default)]
    pub memory: u64,
}

impl FileReport {
    /// A file that was not imported, with the reason.
    pub fn failed(name: &str, code: &str, detail: &str) -> Self {
        FileReport {
            name: name.into(),
            status: "error".into(),
            platform: "generic".into(),
            error: Some(ImportError {
                code: code.into(),
                row: None,
                column: None,
                detail: detail.into(),
            }),
            ..FileReport::default()
        }
    }

    /// The status a set of diagnostics gives a successful file.
    pub fn status_of(diagnostics: &[Diagnostic]) -> &'static str {
        if diagnostics.iter().any(|d| d.severity >= Severity::Warning) {
            "warning"
        } else {
            "ok"
        }
    }
}
