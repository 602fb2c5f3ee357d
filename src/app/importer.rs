//! Importing export files from the page: reads the picked or dropped files, hands them to the
//! import worker, follows its progress, records the `import:*` User Timing measures in the
//! page's timeline, then reloads the workspace and tells other tabs.

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::actions;
use super::browser;
use super::state::{AppState, ImportRun};
use crate::domain::tz;
use crate::worker::protocol::{FileReport, ImportRequest, WorkerMessage};

/// The worker's loader, written by Trunk beside index.html.
const WORKER_LOADER: &str = "worker_loader.js";

thread_local! {
    static RUNNING: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// Imports files into the open workspace (once it is loaded, when files arrive right after the
/// page opens).
pub fn import_files(state: AppState, files: Vec<web_sys::File>) {
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
        let message = Array::new();
        let now = browser::now_millis();
        let request = ImportRequest {
            workspace,
            today: tz::today(now, &time_zone),
            time_zone,
            names: names.clone(),
            now_millis: now,
        };
        message.push(&JsValue::from_str(
            &serde_json::to_string(&request).unwrap_or_default(),
        ));
        let transfer = Array::new();
        for file in &files {
            match browser::read_file(file).await {
                Ok(bytes) => {
                    let array = Uint8Array::from(bytes.as_slice());
                    transfer.push(&array.buffer());
                    message.push(&array.buffer());
                }
                Err(_) => {
                    message.push(&Uint8Array::new_with_length(0).buffer());
                }
            }
        }
        let worker = match Worker::new(&browser::asset_url(WORKER_LOADER)) {
            Ok(w) => w,
            Err(e) => return fail_all(state, &names, &format!("{e:?}")),
        };
        let pending = std::rc::Rc::new(RefCell::new(Some((message, transfer))));
        let sender = worker.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            match serde_json::from_str::<WorkerMessage>(&text) {
                Ok(WorkerMessage::Ready) => {
                    if let Some((message, transfer)) = pending.borrow_mut().take()
                        && let Err(e) = sender.post_message_with_transfer(&message, &transfer)
                    {
                        let names = state.import.with_untracked(|r| {
                            r.as_ref().map(|r| r.files.clone()).unwrap_or_default()
                        });
                        fail_all(state, &names, &format!("{e:?}"));
                    }
                }
                Ok(WorkerMessage::Progress { file, stage }) => state.import.update(|r| {
                    if let Some(r) = r {
                        r.current = Some((file, stage));
                    }
                }),
                Ok(WorkerMessage::Done { files }) => finish(state, files),
                Err(_) => {}
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            let names = state
                .import
                .with_untracked(|r| r.as_ref().map(|r| r.files.clone()).unwrap_or_default());
            fail_all(state, &names, "worker");
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        RUNNING.with(|r| *r.borrow_mut() = Some(worker));
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
}

fn finish(state: AppState, reports: Vec<FileReport>) {
    RUNNING.with(|r| {
        if let Some(worker) = r.borrow_mut().take() {
            worker.terminate();
        }
    });
    let page_origin = browser::time_origin();
    for report in &reports {
        let shift = report.time_origin - page_origin;
        for (name, start, end) in &report.timings {
            browser::measure_span(name, start + shift, end + shift, report.rows);
        }
    }
    let stored = reports.iter().any(|r| r.status != "error");
    state.import.update(|r| {
        if let Some(r) = r {
            r.reports = reports;
            r.done = true;
            r.current = None;
        }
    });
    if stored {
        actions::reload_and_announce(state);
    }
}

fn fail_all(state: AppState, names: &[String], detail: &str) {
    let reports = names
        .iter()
        .map(|name| FileReport::failed(name, "worker", detail))
        .collect();
    finish(state, reports);
}
