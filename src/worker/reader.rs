//! Reading a picked file's pieces on another thread. A browser hands a `Blob.arrayBuffer()` read
//! to the thread that asked for it a chunk at a time, so a worker busy splitting the last piece
//! delays the next one's reading; a small helper worker of the import worker's own asks for the
//! pieces instead and transfers each whole `ArrayBuffer` back (no copy), while the import worker
//! splits. Where a worker cannot start one (a browser without nested workers), the pieces are
//! read on the import worker's own thread.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, BlobPropertyBag, MessageEvent, Url, Worker};

/// The helper's whole program: say it has started, then read each asked slice and send it back
/// transferred (`null` when the browser could not read it).
const SCRIPT: &str = "onmessage=async(e)=>{const[f,a,b,i]=e.data;let r=null;\
try{r=await f.slice(a,b).arrayBuffer()}catch(x){}postMessage([i,r],r?[r]:[])};postMessage([-1])";

/// A helper worker reading slices of files; ended when dropped.
pub struct PieceReader {
    worker: Worker,
    url: String,
    /// Reads asked for and not answered yet: their promises' `resolve`.
    waiting: Rc<RefCell<HashMap<u32, Function>>>,
    next: Cell<u32>,
    /// Whether the helper has started (until then, its reads would wait for it to start).
    started: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl PieceReader {
    /// Starts the helper; `None` when this browser cannot.
    pub fn start() -> Option<PieceReader> {
        let options = BlobPropertyBag::new();
        options.set_type("text/javascript");
        let script = Blob::new_with_str_sequence_and_options(
            &Array::of1(&JsValue::from_str(SCRIPT)),
            &options,
        )
        .ok()?;
        let url = Url::create_object_url_with_blob(&script).ok()?;
        let worker = match Worker::new(&url) {
            Ok(worker) => worker,
            Err(_) => {
                let _ = Url::revoke_object_url(&url);
                return None;
            }
        };
        let waiting: Rc<RefCell<HashMap<u32, Function>>> = Rc::default();
        let (answered, started) = (waiting.clone(), Rc::new(Cell::new(false)));
        let has_started = started.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data: Array = event.data().unchecked_into();
            let id = data.get(0).as_f64().unwrap_or(-1.0);
            if id < 0.0 {
                has_started.set(true);
            } else if let Some(resolve) = answered.borrow_mut().remove(&(id as u32)) {
                let _ = resolve.call1(&JsValue::NULL, &data.get(1));
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // A helper that fails answers every read it had with `null` (the file is refused as
        // unreadable, nothing waits for ever), and is not asked again.
        let (unanswered, stopped) = (waiting.clone(), started.clone());
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            stopped.set(false);
            for (_, resolve) in unanswered.borrow_mut().drain() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(PieceReader {
            worker,
            url,
            waiting,
            next: Cell::new(0),
            started,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Whether the helper has started: reads asked of it before then wait for its start (tens
    /// of milliseconds), where the import worker's own read would have begun at once.
    pub fn started(&self) -> bool {
        self.started.get()
    }

    /// A promise of bytes `from..to` of `file` as an `ArrayBuffer`, or of `null` when the
    /// browser could not read them.
    pub fn read(&self, file: &Blob, from: usize, to: usize) -> Promise {
        let id = self.next.get();
        self.next.set(id.wrapping_add(1));
        Promise::new(&mut |resolve, _| {
            self.waiting.borrow_mut().insert(id, resolve);
            let request = Array::of4(
                file,
                &JsValue::from_f64(from as f64),
                &JsValue::from_f64(to as f64),
                &JsValue::from_f64(f64::from(id)),
            );
            if self.worker.post_message(&request).is_err()
                && let Some(resolve) = self.waiting.borrow_mut().remove(&id)
            {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        })
    }
}

impl Drop for PieceReader {
    fn drop(&mut self) {
        // Answers already queued find no handler (its closure is dropped with the reader).
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        let _ = Url::revoke_object_url(&self.url);
        // Reads still waiting (asked ahead and no longer wanted) end unanswered.
        self.waiting.borrow_mut().clear();
    }
}
