//! Small wrappers over browser APIs the app needs outside storage: preferences, languages, the
//! clock, storage estimates, downloads, reading files, and User Timing measures.

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// A stored preference (localStorage); `None` when absent or storage is blocked.
pub fn preference(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

pub fn set_preference(key: &str, value: &str) {
    if let Some(Ok(Some(storage))) = window().map(|w| w.local_storage()) {
        let _ = storage.set_item(key, value);
    }
}

/// The browser's preferred languages, most preferred first.
pub fn languages() -> Vec<String> {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|l| l.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_millis() -> i64 {
    js_sys::Date::now() as i64
}

/// Sets `<html lang>` so that screen readers and hyphenation follow the UI language.
pub fn set_document_lang(tag: &str) {
    if let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    Some(window()?.navigator().storage())
}

async fn call_promise(target: &JsValue, method: &str) -> Option<JsValue> {
    let function: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    let promise: Promise = function.call0(target).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()
}

/// Bytes used and the quota, as the browser reports them.
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let manager: JsValue = storage_manager()?.into();
    let estimate = call_promise(&manager, "estimate").await?;
    let usage = Reflect::get(&estimate, &"usage".into()).ok()?.as_f64()?;
    let quota = Reflect::get(&estimate, &"quota".into()).ok()?.as_f64()?;
    Some((usage, quota))
}

/// Asks the browser to keep the data even under storage pressure; returns whether it will.
pub async fn request_persistence() -> bool {
    let Some(manager) = storage_manager() else {
        return false;
    };
    let manager: JsValue = manager.into();
    if call_promise(&manager, "persisted")
        .await
        .and_then(|v| v.as_bool())
        == Some(true)
    {
        return true;
    }
    call_promise(&manager, "persist")
        .await
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Whether the browser has granted persistent storage.
pub async fn is_persisted() -> bool {
    let Some(manager) = storage_manager() else {
        return false;
    };
    call_promise(&manager.into(), "persisted")
        .await
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Offers `bytes` as a file download.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = Uint8Array::from(bytes);
    let parts = Array::of1(&array.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    // The anchor must be in the document for every browser to start the download, and the
    // object URL must outlive the click: it is revoked a minute later.
    let body = document.body().ok_or("no body")?;
    body.append_child(&anchor).map_err(|e| format!("{e:?}"))?;
    anchor.click();
    anchor.remove();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}

/// The content of `<meta name=NAME>` in the page.
pub fn meta(name: &str) -> Option<String> {
    window()?
        .document()?
        .query_selector(&format!("meta[name={name}]"))
        .ok()??
        .get_attribute("content")
}

/// The text at `url` (a file of the app's build).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(|e| format!("{e:?}"))?)
        .await
        .map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// The bytes of a file the user picked.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Starts a User Timing measure; call [`Timing::end`] with the record count.
pub struct Timing {
    name: &'static str,
    start: f64,
}

fn performance() -> Option<web_sys::Performance> {
    window()?.performance()
}

/// Records a measure that already happened: `start` and `end` in this page's clock (ms).
pub fn measure_span(name: &str, start: f64, end: f64, records: u64) {
    let Some(performance) = performance() else {
        return;
    };
    let options = Object::new();
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"records".into(), &(records as f64).into());
    let _ = Reflect::set(&options, &"start".into(), &start.max(0.0).into());
    let _ = Reflect::set(&options, &"end".into(), &end.max(start).max(0.0).into());
    let _ = Reflect::set(&options, &"detail".into(), &detail.into());
    user_timing(performance, "measure", name, options);
}

/// Calls `performance.mark` or `performance.measure` with options (through `Reflect`: the
/// options form is newer than web-sys's bindings).
fn user_timing(performance: web_sys::Performance, method: &str, name: &str, options: Object) {
    let target: JsValue = performance.into();
    if let Ok(call) = Reflect::get(&target, &method.into())
        && let Ok(call) = call.dyn_into::<Function>()
    {
        let _ = call.call2(&target, &name.into(), &options.into());
    }
}

/// A User Timing mark with numbers in its detail (`import:memory` with `bytes`).
pub fn mark(name: &str, detail: &[(&str, f64)]) {
    let Some(performance) = performance() else {
        return;
    };
    let values = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&values, &(*key).into(), &(*value).into());
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"detail".into(), &values.into());
    user_timing(performance, "mark", name, options);
}

/// Resolves when the page is idle (after the current rendering), or after `timeout_ms` at most.
pub async fn idle(timeout_ms: u32) {
    let promise = Promise::new(&mut |resolve, _| {
        let Some(w) = window() else { return };
        let options = Object::new();
        let _ = Reflect::set(&options, &"timeout".into(), &timeout_ms.into());
        let target: JsValue = w.clone().into();
        match Reflect::get(&target, &"requestIdleCallback".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            Some(request) => {
                let _ = request.call2(&target, &resolve, &options);
            }
            None => {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The `data-testid` of the element that has the keyboard focus, if it has one.
pub fn focused_testid() -> Option<String> {
    window()?
        .document()?
        .active_element()?
        .get_attribute("data-testid")
}

/// Gives the keyboard focus to the element with this `data-testid`, if there is one.
pub fn focus_testid(testid: &str) {
    focus_selector(&format!("[data-testid=\"{testid}\"]"));
}

/// Gives the keyboard focus to the first element matching a CSS selector, if there is one.
pub fn focus_selector(selector: &str) {
    use wasm_bindgen::JsCast;
    let element = window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// This page's `performance.timeOrigin` (ms since the epoch).
pub fn time_origin() -> f64 {
    performance().map_or(0.0, |p| p.time_origin())
}

/// Where the app's files are served from, ending in `/` (`http://host/tools/linimasa/`). The
/// page links its assets with relative URLs, so the icon's resolved URL names that directory,
/// whatever deep link the page was opened at.
pub fn app_directory() -> Option<web_sys::Url> {
    let window = window()?;
    let icon = window
        .document()?
        .query_selector("link[rel=icon]")
        .ok()??
        .get_attribute("href")?;
    let page = window.location().href().ok()?;
    web_sys::Url::new_with_base(
        "./",
        &web_sys::Url::new_with_base(&icon, &page).ok()?.href(),
    )
    .ok()
}

/// The URL of a file shipped beside index.html, wherever the app is served from.
pub fn asset_url(name: &str) -> String {
    app_directory()
        .and_then(|dir| web_sys::Url::new_with_base(name, &dir.href()).ok())
        .map_or_else(|| name.to_owned(), |u| u.href())
}

impl Timing {
    pub fn start(name: &'static str) -> Self {
        Self {
            name,
            start: performance().map(|p| p.now()).unwrap_or(0.0),
        }
    }

    /// Records `performance.measure(name, {start, end, detail: {records}})`.
    pub fn end(self, records: usize) {
        let Some(performance) = performance() else {
            return;
        };
        let options = Object::new();
        let detail = Object::new();
        let _ = Reflect::set(&detail, &"records".into(), &(records as f64).into());
        let _ = Reflect::set(&options, &"start".into(), &self.start.into());
        let _ = Reflect::set(&options, &"end".into(), &performance.now().into());
        let _ = Reflect::set(&options, &"detail".into(), &detail.into());
        let target: JsValue = performance.into();
        if let Ok(measure) = Reflect::get(&target, &"measure".into())
            && let Ok(measure) = measure.dyn_into::<Function>()
        {
            let _ = measure.call2(&target, &self.name.into(), &options.into());
        }
    }
}
