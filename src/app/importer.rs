//! Importing export files from the page: reads the picked or dropped files, hands them to the
//! worker, follows its progress, records the `import:*` User Timing measures in the
//! page's timeline, then reloads the workspace and tells other tabs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::Array;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::actions;
use super::browser;
use super::state::{AppState, ImportRun};
use super::worker_client::{self, Reply};
use crate::domain::model::ColumnMapping;
use crate::domain::tz;
use crate::worker::protocol::{FileReport, ImportProgress, ImportRequest, Job};

thread_local! {
    static RUNNING: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// The files of the last import, so that one whose columns the user maps can be read again.
    static LAST: RefCell<Vec<web_sys::File>> = const { RefCell::new(Vec::new()) };
    /// The worker the next import will run in, started and warmed ahead of it.
    static SPARE: RefCell<Option<Spare>> = const { RefCell::new(None) };
    /// Whether the Import page is open (a spare is kept only while it is).
    static WANTED: Cell<bool> = const { Cell::new(false) };
}

/// A worker started before its job, given a first job of its own (`warm`) as soon as it is
/// ready: its wasm is compiled, and warmed, by the time the real job comes. Ended when dropped
/// unused.
struct Spare {
    worker: Option<Worker>,
    ready: Rc<Cell<bool>>,
    /// Whether the worker failed (its script did not load, or its first job ended it).
    failed: Rc<Cell<bool>>,
}

impl Spare {
    /// Starts the worker; `on_reply` gets the first job's answers (until the spare is used).
    fn start(warm: &Job, mut on_reply: impl FnMut(Reply) + 'static) -> Result<Spare, String> {
        let text = serde_json::to_string(warm).map_err(|e| e.to_string())?;
        let worker = worker_client::new_worker()?;
        let (ready, failed) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
        let (sender, started) = (worker.clone(), ready.clone());
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(reply) = worker_client::reply(event.data()) else {
                return;
            };
            if reply.message.is_ready() {
                started.set(true);
                let _ = sender.post_message(&Array::of1(&JsValue::from_str(&text)));
            } else {
                on_reply(reply);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let crashed = failed.clone();
        let on_crash = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| crashed.set(true));
        worker.set_onerror(Some(on_crash.as_ref().unchecked_ref()));
        on_crash.forget();
        Ok(Spare {
            worker: Some(worker),
            ready,
            failed,
        })
    }

    /// The worker and whether it is ready; `None` (and the worker ended) when it failed.
    fn take(mut self) -> Option<(Worker, bool)> {
        let worker = self.worker.take()?;
        if self.failed.get() {
            worker.terminate();
            return None;
        }
        Some((worker, self.ready.get()))
    }
}

impl Drop for Spare {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
    }
}

/// Starts the worker of the next import ahead of it, and has it read a small generated export
/// (`import:warm`), so that the user's files are read by optimised code from their first byte.
/// The Import page calls this when it opens, and again after each import (each import's worker
/// ends with it: its memory, grown for a large file, is given back).
pub fn prepare() {
    WANTED.set(true);
    if SPARE.with(|s| s.borrow().is_some()) || RUNNING.with(|r| r.borrow().is_some()) {
        return;
    }
    let today = chrono::DateTime::from_timestamp_millis(browser::now_millis())
        .unwrap_or_default()
        .date_naive();
    if let Ok(spare) = Spare::start(&Job::Warm { today }, |reply| record_warm(&reply)) {
        SPARE.with(|s| *s.borrow_mut() = Some(spare));
    }
}

/// Records the `import:warm` measure of a spare's warm-up, if `reply` is its answer.
fn record_warm(reply: &Reply) {
    if let Some(w) = reply.message.warmed() {
        let shift = w.time_origin - browser::time_origin();
        browser::measure_span(
            "import:warm",
            w.start + shift,
            w.end + shift,
            w.posts as u64,
        );
    }
}

/// The Import page is closed: its spare worker is ended (dropped).
pub fn release() {
    WANTED.set(false);
    SPARE.with(|s| s.borrow_mut().take());
}

/// A new spare after an import, if the Import page is still open.
fn prepare_again() {
    if WANTED.get() {
        prepare();
    }
}

/// Imports files into the open workspace (once it is loaded, when files arrive right after the
/// page opens).
pub fn import_files(state: AppState, files: Vec<web_sys::File>) {
    LAST.with(|l| *l.borrow_mut() = files.clone());
    import_mapped(state, files, Vec::new(), Vec::new());
}

/// Imports file `index` of the last import again, read through the column mapping the user
/// chose (which the worker saves with the imported data); the other files' results stay.
pub fn import_with_mapping(state: AppState, index: usize, mapping: ColumnMapping) {
    let Some(file) = LAST.with(|l| l.borrow().get(index).cloned()) else {
        return;
    };
    let earlier = state
        .import
        .with_untracked(|r| r.as_ref().map(|r| r.reports.clone()).unwrap_or_default());
    import_mapped(state, vec![file], vec![mapping], earlier);
}

fn import_mapped(
    state: AppState,
    files: Vec<web_sys::File>,
    mappings: Vec<ColumnMapping>,
    earlier: Vec<FileReport>,
) {
    if files.is_empty()
        || state
            .import
            .with_untracked(|r| r.as_ref().is_some_and(|r| !r.done))
    {
        return;
    }
    let names: Vec<String> = files.iter().map(|f| f.name()).collect();
    state.import.set(Some(ImportRun {
        files: names.clone(),
        current: Some((0, "read".into())),
        earlier,
        ..ImportRun::default()
    }));
    spawn_local(async move {
        let open = || {
            state.workspace.with_untracked(|w| {
                w.as_ref()
                    .map(|w| (w.info.id.0.clone(), w.info.time_zone.clone()))
            })
        };
        let mut waited = 0;
        while open().is_none() && waited < 30_000 {
            browser::sleep(50).await;
            waited += 50;
        }
        let Some((workspace, time_zone)) = open() else {
            return fail_all(state, &names, "workspace not loaded");
        };
        let now = browser::now_millis();
        let job = Job::Import(ImportRequest {
            workspace,
            today: tz::today(now, &time_zone),
            time_zone,
            names: names.clone(),
            now_millis: now,
            mappings,
        });
        let on_reply = move |reply: Reply| {
            if let Some(ImportProgress { file, stage }) = reply.message.progress() {
                state.import.update(|r| {
                    if let Some(r) = r {
                        r.current = Some((file, stage));
                    }
                });
            } else if let Some(files) = reply.message.done() {
                finish(state, files);
            } else {
                // A spare taken while it was still warming up answers that first.
                record_warm(&reply);
            }
        };
        let on_error = move |detail: String| {
            let names = state
                .import
                .with_untracked(|r| r.as_ref().map(|r| r.files.clone()).unwrap_or_default());
            fail_all(state, &names, &detail);
        };
        // A spare that failed is replaced by a new worker.
        let spare = SPARE.with(|s| s.borrow_mut().take()).and_then(Spare::take);
        match worker_client::start_with_files(spare, &job, &files, on_reply, on_error) {
            Ok(worker) => RUNNING.with(|r| *r.borrow_mut() = Some(worker)),
            Err(e) => fail_all(state, &names, &e),
        }
    });
}

/// Stops the running import: the worker is ended before it stores, so nothing changes.
pub fn cancel(state: AppState) {
    RUNNING.with(|r| {
        if let Some(worker) = r.borrow_mut().take() {
            worker.terminate();
        }
    });
    state.import.update(|r| {
        if let Some(r) = r {
            r.done = true;
            r.cancelled = true;
            r.current = None;
        }
    });
    prepare_again();
}

fn finish(state: AppState, reports: Vec<FileReport>) {
    RUNNING.with(|r| {
        if let Some(worker) = r.borrow_mut().take() {
            worker.terminate();
        }
    });
    let page_origin = browser::time_origin();
    if let Some(bytes) = reports.iter().map(|r| r.memory).max().filter(|b| *b > 0) {
        browser::mark("import:memory", &[("bytes", bytes as f64)]);
    }
    for report in &reports {
        let shift = report.time_origin - page_origin;
        for (name, start, end) in &report.timings {
            browser::measure_span(name, start + shift, end + shift, report.rows);
        }
    }
    let stored = reports.iter().any(|r| r.status != "error");
    state.import.update(|r| {
        if let Some(r) = r {
            r.reports = with_earlier(std::mem::take(&mut r.earlier), reports);
            r.done = true;
            r.current = None;
        }
    });
    if stored {
        actions::reload_and_announce(state);
    }
    prepare_again();
}

/// The earlier results with each re-read file's result in its place (new files at the end).
fn with_earlier(earlier: Vec<FileReport>, mut reports: Vec<FileReport>) -> Vec<FileReport> {
    let mut merged: Vec<FileReport> = earlier
        .into_iter()
        .map(
            |old| match reports.iter().position(|r| r.name == old.name) {
                Some(i) => reports.remove(i),
                None => old,
            },
        )
        .collect();
    merged.append(&mut reports);
    merged
}

fn fail_all(state: AppState, names: &[String], detail: &str) {
    let reports = names
        .iter()
        .map(|name| FileReport::failed(name, "worker", detail))
        .collect();
    finish(state, reports);
}
