//! The worker side: message loop, the import pipeline with timings, the whole-workspace jobs,
//! and storing.

use std::collections::VecDeque;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use super::jobs;
use super::protocol::{
    FileReport, ImportProgress, ImportRequest, Job, JobError, PersonaJobError, PersonaReply,
    PersonaRequest, ReportJobError, ReportReply, ReportRequest, ViewReply, WorkerMessage,
};
use super::reader::PieceReader;
use crate::app::store::DATABASE;
use crate::domain::import::{self, ImportError, ImportOptions, apply::BatchInfo};
use crate::domain::model::{BatchId, Workspace, WorkspaceInfo};
use crate::storage::idb::IdbStore;
use crate::storage::workspace;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn now() -> f64 {
    scope().performance().map_or(0.0, |p| p.now())
}

/// Working memory an import worker prepares while it waits for a file, on a device with
/// memory to spare (8 GB or more, as the browser tells): the first write to each page of new
/// WebAssembly memory costs the engine a fault, about 140 ms of a 200,000-post import in
/// headless Chromium (decode + parse 590 → 450 ms with the memory prepared). What an import of
/// that size holds at most (160 MB for 80 MB of posts). The worker ends with its import, so the
/// memory is held only while the Import page waits for a file.
const PREPARED_MEMORY: usize = 160 << 20;

/// Writes to [`PREPARED_MEMORY`] bytes of the worker's memory once and frees them: the memory
/// stays the worker's, its pages already written, for the import's allocations.
fn prepare_memory() {
    let device_gb = js_sys::Reflect::get(&js_sys::global(), &"navigator".into())
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &"deviceMemory".into()))
        .ok()
        .and_then(|gb| gb.as_f64())
        .unwrap_or(0.0);
    if device_gb < 8.0 {
        return;
    }
    let mut memory = vec![0u8; PREPARED_MEMORY];
    for byte in memory.iter_mut().step_by(4096) {
        *byte = 1;
    }
    std::hint::black_box(&memory);
}

/// The worker's time origin, which the page adds to [`now`]'s readings to shift them into its
/// own timeline.
fn time_origin() -> f64 {
    scope().performance().map_or(0.0, |p| p.time_origin())
}

fn post(message: &WorkerMessage) {
    if let Ok(json) = serde_json::to_string(message) {
        let _ = scope().post_message(&JsValue::from_str(&json));
    }
}

fn post_with(message: &WorkerMessage, bytes: &[u8]) {
    if let Ok(json) = serde_json::to_string(message) {
        let array = Uint8Array::from(bytes);
        let data = Array::of2(&JsValue::from_str(&json), &array.buffer());
        let _ = scope().post_message_with_transfer(&data, &Array::of1(&array.buffer()));
    }
}

/// Installs the message handler. Each message is `[json job, ArrayBuffer...]`.
pub fn start() {
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data: Array = event.data().unchecked_into();
        let job: Result<Job, _> =
            serde_json::from_str(&data.get(0).as_string().unwrap_or_default());
        // The files stay outside the worker's memory (the user's files on disk, or buffers):
        // an import copies each in pieces as it reads it, the other jobs their one file whole.
        let mut files: Vec<Source> = (1..data.length())
            .map(|i| Source::new(data.get(i)))
            .collect();
        wasm_bindgen_futures::spawn_local(async move {
            match job {
                Ok(Job::Import(request)) => {
                    let files = run(request, files).await;
                    post(&WorkerMessage::Done(files));
                }
                Ok(Job::View {
                    request,
                    workspace,
                    generation,
                    view,
                    lang,
                }) => {
                    let reply = engine_view(request, workspace, generation, view, lang).await;
                    post(&WorkerMessage::View(reply));
                }
                Ok(Job::Report(request)) => {
                    let (reply, bytes) = report(request).await;
                    post_with(&WorkerMessage::Report(Box::new(reply)), &bytes);
                }
                Ok(Job::PlanFile(request)) => {
                    let bytes = files.pop().map(|f| f.to_vec()).unwrap_or_default();
                    post(&WorkerMessage::PlanFile(jobs::plan_file(&request, &bytes)));
                }
                Ok(Job::Personas(request)) => {
                    let reply = personas(request).await;
                    post(&WorkerMessage::Personas(Box::new(reply)));
                }
                Ok(Job::Warm { today }) => {
                    let start = now();
                    let posts = import::warm::warm_up(import::warm::WARM_ROWS, today);
                    prepare_memory();
                    if SPARE_READER.with_borrow(Option::is_none) {
                        SPARE_READER.set(PieceReader::start());
                    }
                    post(&WorkerMessage::Warmed(super::protocol::Warmed {
                        start,
                        end: now(),
                        time_origin: time_origin(),
                        posts,
                    }));
                }
                Ok(job) => {
                    let bytes = files.pop().map(|f| f.to_vec()).unwrap_or_default();
                    whole_workspace(job, bytes).await;
                }
                Err(e) => post(&WorkerMessage::Done(vec![FileReport::failed(
                    "",
                    "bad-request",
                    &e.to_string(),
                )])),
            }
        });
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    post(&WorkerMessage::Ready);
}

/// Runs a demo, workspace-file or export job and posts its outcome.
async fn whole_workspace(job: Job, bytes: Vec<u8>) {
    let store = match IdbStore::open(DATABASE).await {
        Ok(store) => store,
        Err(e) => {
            let e = JobError::Store(e);
            return post(&match job {
                Job::Export { .. } => WorkerMessage::Exported(Err(e)),
                Job::UpgradeStore => WorkerMessage::StoreUpgraded(Err(e)),
                _ => WorkerMessage::Rewritten(Err(e)),
            });
        }
    };
    match job {
        Job::Demo { workspace, today } => {
            let outcome = jobs::demo(&store, &workspace.into(), today).await;
            post(&WorkerMessage::Rewritten(outcome));
        }
        Job::WorkspaceFile {
            workspace,
            merge,
            store: store_it,
        } => {
            let outcome =
                jobs::workspace_file(&store, &workspace.into(), &bytes, merge, store_it).await;
            post(&WorkerMessage::Rewritten(outcome));
        }
        Job::Reassign {
            workspace,
            from,
            to,
        } => {
            let outcome = jobs::reassign(&store, &workspace.into(), &from.into(), &to.into()).await;
            post(&WorkerMessage::Rewritten(outcome));
        }
        Job::Export { workspace, today } => {
            match jobs::export(&store, &workspace.into(), today).await {
                Ok((name, file)) => post_with(&WorkerMessage::Exported(Ok(name)), &file),
                Err(e) => post(&WorkerMessage::Exported(Err(e))),
            }
        }
        Job::UpgradeStore => post(&WorkerMessage::StoreUpgraded(Ok(()))),
        Job::Import(_)
        | Job::View { .. }
        | Job::Personas(_)
        | Job::Report(_)
        | Job::PlanFile(_)
        | Job::Warm { .. } => {}
    }
    store.close();
}

thread_local! {
    /// The engine's loaded workspace: (ID, generation, data). Reloaded when the page says the
    /// workspace changed (a new generation).
    static LOADED: std::cell::RefCell<Option<(String, u64, std::rc::Rc<Workspace>)>> =
        const { std::cell::RefCell::new(None) };
}

async fn loaded(id: &str, generation: u64) -> Result<std::rc::Rc<Workspace>, JobError> {
    let cached = LOADED.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(i, g, _)| i == id && *g == generation)
            .map(|(_, _, ws)| ws.clone())
    });
    if let Some(ws) = cached {
        return Ok(ws);
    }
    let store = IdbStore::open(DATABASE).await.map_err(JobError::Store)?;
    let ws = jobs::current(&store, &id.into()).await;
    store.close();
    let ws = std::rc::Rc::new(ws?);
    LOADED.with(|l| *l.borrow_mut() = Some((id.to_owned(), generation, ws.clone())));
    Ok(ws)
}

/// Computes a view for the page, with its timing.
async fn engine_view(
    request: u64,
    workspace: String,
    generation: u64,
    view: super::protocol::ViewKind,
    lang: crate::i18n::Lang,
) -> ViewReply {
    let time_origin = time_origin();
    let ws = match loaded(&workspace, generation).await {
        Ok(ws) => ws,
        Err(e) => {
            return ViewReply {
                request,
                error: Some(e),
                time_origin,
                ..ViewReply::default()
            };
        }
    };
    let start = now();
    let html = jobs::view(&ws, &view, lang);
    let end = now();
    let name = jobs::view_measure(&view);
    ViewReply {
        request,
        html,
        measure: Some((name.into(), start, end, jobs::view_records(&ws))),
        time_origin,
        error: None,
    }
}

/// Loads the workspace and drafts or writes a report (`report:render` timing).
async fn report(request: ReportRequest) -> (ReportReply, Vec<u8>) {
    let time_origin = time_origin();
    let ws = match loaded(&request.workspace, u64::MAX).await {
        Ok(ws) => ws,
        Err(e) => {
            let reply = ReportReply {
                outcome: Err(ReportJobError::Load(e)),
                measure: None,
                time_origin,
            };
            return (reply, Vec::new());
        }
    };
    let start = now();
    let result = jobs::report(&ws, &request);
    let end = now();
    let records = (ws.posts.len() + ws.daily.len()) as u64;
    match result {
        Ok((draft, bytes)) => (
            ReportReply {
                outcome: Ok(draft),
                measure: Some((start, end, records)),
                time_origin,
            },
            bytes,
        ),
        Err(e) => (
            ReportReply {
                outcome: Err(e),
                measure: None,
                time_origin,
            },
            Vec::new(),
        ),
    }
}

/// Loads the workspace and clusters the requested table, reporting progress.
async fn personas(request: PersonaRequest) -> PersonaReply {
    let time_origin = time_origin();
    let ws = match loaded(&request.workspace, u64::MAX).await {
        Ok(ws) => ws,
        Err(e) => {
            return PersonaReply {
                outcome: Err(PersonaJobError::Load(e)),
                measure: None,
                time_origin,
            };
        }
    };
    let start = now();
    let mut last = -1.0f32;
    let outcome = jobs::personas(&ws, &request, &mut |done| {
        if done - last >= 0.02 || done >= 1.0 {
            last = done;
            post(&WorkerMessage::PersonaProgress(done));
        }
    });
    let end = now();
    PersonaReply {
        outcome,
        measure: Some((start, end)),
        time_origin,
    }
}

/// A file sent with a job: one the user picked (an import reads it a slice at a time, through
/// a [`PieceReader`]; other jobs through `FileReaderSync`), or bytes the page had.
enum Source {
    File(web_sys::Blob),
    Bytes(Uint8Array),
}

impl Source {
    fn new(value: JsValue) -> Source {
        match value.dyn_into::<web_sys::Blob>() {
            Ok(blob) => Source::File(blob),
            Err(value) => Source::Bytes(Uint8Array::new(&value)),
        }
    }

    fn len(&self) -> usize {
        match self {
            Source::File(blob) => blob.size() as usize,
            Source::Bytes(bytes) => bytes.length() as usize,
        }
    }

    /// Appends `n` bytes from `at` to `out` (fewer at the end); `false` when the browser could
    /// not read them (a file changed or removed since it was picked).
    fn read(&self, at: usize, n: usize, out: &mut Vec<u8>) -> bool {
        let len = self.len();
        let (from, to) = (at.min(len), at.saturating_add(n).min(len));
        let slice = match self {
            Source::Bytes(bytes) => bytes.subarray(from as u32, to as u32),
            Source::File(blob) => {
                let read = web_sys::FileReaderSync::new().and_then(|reader| {
                    let part = blob.slice_with_f64_and_f64(from as f64, to as f64)?;
                    reader.read_as_array_buffer(&part)
                });
                match read {
                    Ok(buffer) => Uint8Array::new(&buffer),
                    Err(_) => return false,
                }
            }
        };
        append_bytes(&slice, out);
        slice.length() as usize == to - from
    }

    /// The helper reading a picked file's pieces on another thread, for files of more than one
    /// piece: the one started while the worker waited for a file, else a new one.
    fn piece_reader(&self) -> Option<PieceReader> {
        match self {
            Source::File(_) if self.len() > import::PIECE_BYTES => {
                SPARE_READER.take().or_else(PieceReader::start)
            }
            _ => None,
        }
    }

    /// Starts reading `n` bytes from `at` (fewer at the end), through `reader` once it has
    /// started: a promise of an `ArrayBuffer` (a picked file, read by the browser), of a
    /// `Uint8Array` (bytes), or of `null` (unreadable).
    fn start_read(&self, reader: Option<&PieceReader>, at: usize, n: usize) -> js_sys::Promise {
        let len = self.len();
        let (from, to) = (at.min(len), at.saturating_add(n).min(len));
        match (self, reader) {
            (Source::Bytes(bytes), _) => {
                let part: JsValue = bytes.subarray(from as u32, to as u32).into();
                js_sys::Promise::resolve(&part)
            }
            (Source::File(blob), Some(reader)) if reader.started() => reader.read(blob, from, to),
            (Source::File(blob), _) => match blob.slice_with_f64_and_f64(from as f64, to as f64) {
                Ok(part) => part.array_buffer(),
                Err(e) => js_sys::Promise::reject(&e),
            },
        }
    }

    /// The bytes a [`Source::start_read`] promise gave, without copying them; `None` when the
    /// browser could not read them.
    fn view(value: JsValue) -> Option<Uint8Array> {
        if value.is_instance_of::<js_sys::ArrayBuffer>() {
            Some(Uint8Array::new(&value))
        } else {
            value.dyn_into::<Uint8Array>().ok()
        }
    }

    fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        self.read(0, self.len(), &mut out);
        out
    }
}

/// Appends bytes from JavaScript to `out`, copied straight into its spare room (not filled with
/// zeros first).
fn append_bytes(bytes: &Uint8Array, out: &mut Vec<u8>) {
    let n = bytes.length() as usize;
    out.reserve(n);
    let start = out.len();
    bytes.copy_to_uninit(&mut out.spare_capacity_mut()[..n]);
    // SAFETY: `copy_to_uninit` has written the n bytes after `start`.
    unsafe { out.set_len(start + n) };
}

thread_local! {
    /// A piece reader started while the worker waits for a file (see [`Job::Warm`]), so that
    /// a large file's pieces are read on its thread from the first one; given back after each
    /// file for the next.
    static SPARE_READER: std::cell::RefCell<Option<PieceReader>> =
        const { std::cell::RefCell::new(None) };
}

/// How many reads are asked for ahead of the one being split (two: a helper that shares the
/// cores with the split keeps up better with one more read in hand).
const READ_AHEAD: usize = 2;

/// How many of the feed's pieces one read brings (after the first read, the first piece
/// alone). The worker waits for each read it receives (about 0.7 ms each in headless Chromium
/// on two cores, whether or not the read is done), but splits a piece best at 4 MB (at 8 MB
/// the split ran about 7 ms slower in V8 on 80 MB): reads of two pieces wait less and keep the
/// pieces, for 8 MB more held by the worker's JavaScript.
const PIECES_PER_READ: usize = 2;

/// A picked file being read a few pieces at a time: the helper reading them on another thread,
/// the reads asked for ahead of the one being split, and the last read received.
struct Reading<'f> {
    file: &'f Source,
    reader: Option<PieceReader>,
    ahead: VecDeque<(usize, usize, js_sys::Promise)>,
    /// The last read's bytes and where they start in the file: its pieces are handed out
    /// without another wait.
    held: Option<(usize, Uint8Array)>,
}

impl<'f> Reading<'f> {
    /// Starts reading `file`: its first pieces are asked for at once, so that they are read
    /// while the workspace loads.
    fn start(file: &'f Source) -> Reading<'f> {
        let mut reading = Reading {
            file,
            reader: file.piece_reader(),
            ahead: VecDeque::new(),
            held: None,
        };
        // The first read is the first piece alone, so that the split starts soonest.
        let (at, n) = import::Feed::first_piece(file.len());
        reading.ask(at, n);
        reading.ask_ahead(at + n);
        reading
    }

    fn ask(&mut self, at: usize, n: usize) {
        let promise = self.file.start_read(self.reader.as_ref(), at, n);
        self.ahead.push_back((at, n, promise));
    }

    /// Asks for the reads after the last one asked for (or from `next`), if the feed goes on
    /// as it does, until [`READ_AHEAD`] wait beyond the one being split.
    fn ask_ahead(&mut self, next: usize) {
        let size = self.file.len();
        let mut after = self.ahead.back().map_or(next, |(a, m, _)| a + m);
        while self.ahead.len() < READ_AHEAD && after < size {
            let m = (import::PIECE_BYTES * PIECES_PER_READ).min(size - after);
            self.ask(after, m);
            after += m;
        }
    }

    /// The bytes `at..at + n` (fewer at the file's end): from the last read when it holds
    /// them, else from the read asked for ahead that starts there, else read now; `None` when
    /// the browser could not read them.
    async fn piece(&mut self, at: usize, n: usize) -> Option<Uint8Array> {
        if let Some((start, bytes)) = &self.held
            && at >= *start
            && at + n <= start + bytes.length() as usize
        {
            let from = (at - start) as u32;
            return Some(bytes.subarray(from, from + n as u32));
        }
        self.held = None;
        let (promise, m) = match self.ahead.pop_front() {
            Some((a, m, promise)) if a == at && m >= n => (promise, m),
            _ => {
                self.ahead.clear();
                (self.file.start_read(self.reader.as_ref(), at, n), n)
            }
        };
        self.ask_ahead(at + m);
        let bytes = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(Source::view)?;
        let piece = bytes.subarray(0, n.min(bytes.length() as usize) as u32);
        self.held = Some((at, bytes));
        Some(piece)
    }
}

impl Drop for Reading<'_> {
    /// Gives the helper back for the next file (reads still asked for find no one waiting).
    fn drop(&mut self) {
        if let Some(reader) = self.reader.take() {
            SPARE_READER.set(Some(reader));
        }
    }
}

/// Reads a file into a [`import::Feed`] a piece at a time, fingerprinting the pieces as they
/// come: the fed file, its fingerprint, and whether the browser could read every piece. The
/// next pieces are asked for before this one is split (`reading`): the file's reading and its
/// splitting overlap.
async fn read_file(
    name: &str,
    mut reading: Reading<'_>,
    options: &ImportOptions,
) -> (import::Feed, String, bool) {
    let size = reading.file.len();
    let mut feed = import::Feed::new(name, size, options);
    let mut fingerprint = import::Fingerprint::default();
    let mut readable = true;
    // The feed asks for every byte of the file (a short read ends the loop as unreadable), so
    // the pieces it reads give the whole file's fingerprint.
    while let Some((at, n)) = feed.next() {
        let Some(bytes) = reading.piece(at, n).await else {
            readable = false;
            break;
        };
        readable &= bytes.length() as usize == n;
        feed.fill(|out| {
            let start = out.len();
            append_bytes(&bytes, out);
            fingerprint.seen(at, &out[start..]);
        });
        if !readable {
            break;
        }
    }
    (feed, fingerprint.text(), readable)
}

async fn run(request: ImportRequest, files: Vec<Source>) -> Vec<FileReport> {
    let time_origin = time_origin();
    // The first file's reading starts before the workspace loads.
    let mut first = files.first().map(Reading::start);
    let imported_at = chrono::DateTime::from_timestamp_millis(request.now_millis)
        .unwrap_or_default()
        .with_timezone(&crate::domain::tz::zone(&request.time_zone).0)
        .fixed_offset();
    let store = match IdbStore::open(DATABASE).await {
        Ok(store) => store,
        Err(e) => return all_failed(&request.names, "storage", &e.to_string()),
    };
    let id = request.workspace.as_str().into();
    let mut ws = match workspace::load(&store, &id).await {
        Ok(Some(ws)) => ws,
        Ok(None) => Workspace::empty(WorkspaceInfo::new(id, "")),
        Err(e) => return all_failed(&request.names, "storage", &e.to_string()),
    };
    // A mapping just chosen comes first; then those saved with earlier imports.
    let options = ImportOptions {
        time_zone: request.time_zone.clone(),
        today: request.today,
        mappings: request
            .mappings
            .iter()
            .chain(&ws.mappings)
            .cloned()
            .collect(),
    };
    let mut reports = Vec::new();
    let count = files.len();
    // Each file is copied a piece at a time as it is split into rows (`read_file`), and
    // fingerprinted from those pieces.
    for (index, (name, file)) in request.names.iter().zip(&files).enumerate() {
        let size = file.len() as u64;
        post(&WorkerMessage::Progress(ImportProgress {
            file: index,
            stage: "decode".into(),
        }));
        let mut report = FileReport {
            name: name.clone(),
            time_origin,
            ..FileReport::default()
        };
        let start = now();
        let mut decoded_at = start;
        let reading = first.take().unwrap_or_else(|| Reading::start(file));
        let (feed, hash, readable) = read_file(name, reading, &options).await;
        let result = feed.finish(&mut || {
            decoded_at = now();
            post(&WorkerMessage::Progress(ImportProgress {
                file: index,
                stage: "parse".into(),
            }));
        });
        let end = now();
        report
            .timings
            .push(("import:decode".into(), start, decoded_at));
        report
            .timings
            .push(("import:parse".into(), decoded_at, end));
        // A piece the browser could not read: nothing of the file is kept.
        let result = match result {
            _ if !readable => Err(import::ImportError {
                code: "unreadable-file".into(),
                row: None,
                column: None,
                detail: name.clone(),
            }),
            other => other,
        };
        match result {
            Ok(mut parsed) => {
                report.platform = parsed.platform.map_or("generic", |p| p.slug()).into();
                report.kind = parsed.kind.clone();
                report.family = parsed.family.clone();
                report.language = parsed.language.clone();
                report.rows = parsed.records();
                report.skipped = parsed.skipped;
                report.period = parsed.period;
                report.columns = parsed.columns.clone();
                if let Some(earlier) = ws.batches.iter().find(|b| b.content_hash == hash) {
                    parsed.diagnostics.push(crate::domain::model::Diagnostic {
                        severity: crate::domain::model::Severity::Info,
                        row: None,
                        column: None,
                        sheet: None,
                        code: "already-imported".into(),
                        detail: earlier.imported_at.date_naive().to_string(),
                    });
                }
                let batch = import::apply(
                    &mut ws,
                    parsed,
                    BatchInfo {
                        id: BatchId(format!("{}-{index}-{hash}", request.now_millis)),
                        file_name: name.clone(),
                        content_hash: hash,
                        bytes: size,
                        imported_at,
                        profile: None,
                    },
                );
                report.profile = batch
                    .profiles
                    .first()
                    .and_then(|p| ws.profiles.iter().find(|q| &q.id == p))
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                report.counts = batch.counts;
                report.status = FileReport::status_of(&batch.diagnostics).into();
                report.diagnostics = batch.diagnostics;
            }
            Err(error) => {
                report = FileReport {
                    error: Some(error),
                    timings: report.timings,
                    time_origin,
                    ..FileReport::failed(name, "", "")
                };
            }
        }
        reports.push(report);
    }
    if reports.iter().any(|r| r.status != "error") {
        post(&WorkerMessage::Progress(ImportProgress {
            file: count.saturating_sub(1),
            stage: "store".into(),
        }));
        let start = now();
        let saved = workspace::save(&store, &ws).await;
        let end = now();
        match saved {
            Ok(()) => {
                for r in reports.iter_mut().filter(|r| r.status != "error") {
                    r.timings.push(("import:store".into(), start, end));
                }
            }
            Err(e) => {
                let code = match e {
                    crate::storage::StoreError::QuotaExceeded => "quota",
                    _ => "storage",
                };
                for r in reports.iter_mut().filter(|r| r.status != "error") {
                    r.status = "error".into();
                    r.rows = 0;
                    r.error = Some(ImportError {
                        code: code.into(),
                        row: None,
                        column: None,
                        detail: e.to_string(),
                    });
                }
            }
        }
    }
    store.close();
    // WebAssembly memory only grows: its size now is the most the import (or the warm-up before
    // it, about 10 MB, for a small file) needed at once.
    let memory = wasm_memory_bytes();
    for r in &mut reports {
        r.memory = memory;
    }
    reports
}

/// The size of the worker's WebAssembly memory, in bytes.
fn wasm_memory_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |b| u64::from(b.byte_length()))
        })
}

fn all_failed(names: &[String], code: &str, detail: &str) -> Vec<FileReport> {
    names
        .iter()
        .map(|name| FileReport::failed(name, code, detail))
        .collect()
}
