//! The engine: one long-lived worker that keeps the open workspace loaded and computes the
//! read-only views (the audit; later dashboards, personas, reports), so that neither their code
//! nor their time weighs on the page. Requests carry an ID; replies are routed back to them. The
//! worker reloads the workspace from storage whenever the page's `generation` moves on.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use futures::channel::oneshot;
use js_sys::Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};

use super::browser;
use crate::i18n::Lang;
use crate::worker::protocol::{Job, Received, ViewKind, ViewReply};

const WORKER_LOADER: &str = "worker_loader.js";

struct Engine {
    worker: Worker,
    ready: bool,
    /// Messages written before the worker was ready.
    queue: Vec<String>,
    pending: HashMap<u64, oneshot::Sender<ViewReply>>,
    next: u64,
}

thread_local! {
    static ENGINE: RefCell<Option<Rc<RefCell<Engine>>>> = const { RefCell::new(None) };
}

fn send(worker: &Worker, json: &str) -> Result<(), String> {
    let message = Array::of1(&JsValue::from_str(json));
    worker.post_message(&message).map_err(|e| format!("{e:?}"))
}

fn on_message(engine: &Rc<RefCell<Engine>>, text: &str) {
    let message = Received::new(text.to_owned());
    if message.is_ready() {
        let mut e = engine.borrow_mut();
        e.ready = true;
        for json in std::mem::take(&mut e.queue) {
            let _ = send(&e.worker, &json);
        }
    } else if let Some(reply) = message.view()
        && let Some(tx) = engine.borrow_mut().pending.remove(&reply.request)
    {
        let _ = tx.send(reply);
    }
}

/// Ends the engine (it crashed): pending requests fail, the next request starts a new one.
fn stop() {
    if let Some(engine) = ENGINE.with(|e| e.borrow_mut().take()) {
        let mut e = engine.borrow_mut();
        e.worker.terminate();
        e.pending.clear();
    }
}

fn engine() -> Result<Rc<RefCell<Engine>>, String> {
    if let Some(engine) = ENGINE.with(|e| e.borrow().clone()) {
        return Ok(engine);
    }
    let worker = Worker::new(&browser::asset_url(WORKER_LOADER)).map_err(|e| format!("{e:?}"))?;
    let engine = Rc::new(RefCell::new(Engine {
        worker: worker.clone(),
        ready: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        next: 1,
    }));
    let weak = Rc::downgrade(&engine);
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        if let (Some(engine), Some(text)) = (weak.upgrade(), event.data().as_string()) {
            on_message(&engine, &text);
        }
    });
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let crash = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| stop());
    worker.set_onerror(Some(crash.as_ref().unchecked_ref()));
    crash.forget();
    ENGINE.with(|e| *e.borrow_mut() = Some(engine.clone()));
    Ok(engine)
}

/// Asks the engine for a view of the workspace `workspace` as of `generation`; its computation
/// is recorded as a User Timing measure in the page's timeline.
pub async fn view(
    workspace: &str,
    generation: u64,
    view: ViewKind,
    lang: Lang,
) -> Result<ViewReply, String> {
    let engine = engine()?;
    let (tx, rx) = oneshot::channel();
    {
        let mut e = engine.borrow_mut();
        let request = e.next;
        e.next += 1;
        e.pending.insert(request, tx);
        let job = Job::View {
            request,
            workspace: workspace.to_owned(),
            generation,
            view,
            lang,
        };
        let json = serde_json::to_string(&job).map_err(|e| e.to_string())?;
        if e.ready {
            send(&e.worker, &json)?;
        } else {
            e.queue.push(json);
        }
    }
    let reply = rx.await.map_err(|_| "worker".to_owned())?;
    if let Some((name, start, end, records)) = &reply.measure {
        let shift = reply.time_origin - browser::time_origin();
        browser::measure_span(name, start + shift, end + shift, *records);
    }
    Ok(reply)
}
