//! Talking to the worker from the page: one worker per job (a spare one, `importer::Spare`,
//! runs a first job of its own before it), the job sent once the worker's wasm says it is ready
//! (earlier messages would be lost), its messages passed on. [`call`] is for jobs with one
//! answer; [`start`] for jobs that report progress and may be cancelled.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use js_sys::{Array, ArrayBuffer, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::browser;
use crate::worker::protocol::{Job, Received};

/// The worker's loader, written by Trunk beside index.html.
const WORKER_LOADER: &str = "worker_loader.js";

/// A message from the worker and the bytes that came with it.
pub struct Reply {
    pub message: Received,
    pub bytes: Option<Vec<u8>>,
}

pub(crate) fn reply(data: JsValue) -> Option<Reply> {
    let (text, bytes) = if let Some(text) = data.as_string() {
        (text, None)
    } else {
        let array: Array = data.dyn_into().ok()?;
        let bytes = array
            .get(1)
            .dyn_into::<ArrayBuffer>()
            .ok()
            .map(|b| Uint8Array::new(&b).to_vec());
        (array.get(0).as_string()?, bytes)
    };
    Some(Reply {
        message: Received::new(text),
        bytes,
    })
}

/// Starts a worker on `job`, with `files` sent alongside (transferred, not copied). Every message
/// but `Ready` goes to `on_reply`; a crash of the worker to `on_error`.
pub fn start(
    job: &Job,
    files: Vec<Vec<u8>>,
    on_reply: impl FnMut(Reply) + 'static,
    on_error: impl FnMut(String) + 'static,
) -> Result<Worker, String> {
    let transfer = Array::new();
    let items: Vec<JsValue> = files
        .iter()
        .map(|bytes| {
            let buffer = Uint8Array::from(bytes.as_slice()).buffer();
            transfer.push(&buffer);
            buffer.into()
        })
        .collect();
    start_posting(None, job, items, transfer, on_reply, on_error)
}

/// A new worker (its wasm is fetched and compiled; it says `ready` when it listens).
pub(crate) fn new_worker() -> Result<Worker, String> {
    Worker::new(&browser::asset_url(WORKER_LOADER)).map_err(|e| format!("{e:?}"))
}

/// [`start`] with the files the user picked, sent as they are: the worker reads them a piece at
/// a time, and the page never holds their bytes. The job goes to `given`, a worker started
/// earlier (and whether it is ready), when there is one.
pub fn start_with_files(
    given: Option<(Worker, bool)>,
    job: &Job,
    files: &[web_sys::File],
    on_reply: impl FnMut(Reply) + 'static,
    on_error: impl FnMut(String) + 'static,
) -> Result<Worker, String> {
    let items = files.iter().map(|f| JsValue::from(f.clone())).collect();
    start_posting(given, job, items, Array::new(), on_reply, on_error)
}

fn start_posting(
    given: Option<(Worker, bool)>,
    job: &Job,
    items: Vec<JsValue>,
    transfer: Array,
    mut on_reply: impl FnMut(Reply) + 'static,
    on_error: impl FnMut(String) + 'static,
) -> Result<Worker, String> {
    let on_error = Rc::new(RefCell::new(on_error));
    let message = Array::new();
    message.push(&JsValue::from_str(
        &serde_json::to_string(job).map_err(|e| e.to_string())?,
    ));
    for item in &items {
        message.push(item);
    }
    let (worker, ready) = match given {
        Some(given) => given,
        None => (new_worker()?, false),
    };
    // A ready worker takes the job at once (after its first job, if that still runs).
    if ready && let Err(e) = worker.post_message_with_transfer(&message, &transfer) {
        worker.terminate();
        return Err(format!("{e:?}"));
    }
    let pending = Rc::new(RefCell::new((!ready).then_some((message, transfer))));
    let sender = worker.clone();
    let failed = on_error.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(reply) = reply(event.data()) else {
            return;
        };
        if reply.message.is_ready() {
            if let Some((message, transfer)) = pending.borrow_mut().take()
                && let Err(e) = sender.post_message_with_transfer(&message, &transfer)
            {
                (failed.borrow_mut())(format!("{e:?}"));
            }
            return;
        }
        on_reply(reply);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_crash = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let detail = event
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .unwrap_or_else(|| "worker".into());
        (on_error.borrow_mut())(detail);
    });
    worker.set_onerror(Some(on_crash.as_ref().unchecked_ref()));
    on_crash.forget();
    Ok(worker)
}

/// Runs a job that answers once (progress messages are ignored) and ends the worker.
pub async fn call(job: &Job, file: Option<Vec<u8>>) -> Result<Reply, String> {
    let (tx, rx) = oneshot::channel::<Result<Reply, String>>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let on_error = {
        let tx = tx.clone();
        move |detail: String| {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(Err(detail));
            }
        }
    };
    let worker = start(
        job,
        file.into_iter().collect(),
        move |reply| {
            if !matches!(reply.message.tag(), "progress" | "persona-progress")
                && let Some(tx) = tx.borrow_mut().take()
            {
                let _ = tx.send(Ok(reply));
            }
        },
        on_error,
    )?;
    let result = rx.await.unwrap_or_else(|_| Err("worker".into()));
    worker.terminate();
    result
}
