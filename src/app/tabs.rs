//! Keeping tabs of the same workspace consistent: after every write a tab says so on a
//! BroadcastChannel, and the other tabs reload what changed from storage.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

const CHANNEL: &str = "linimasa";

/// This tab's end of the channel; kept alive as long as the app runs.
pub struct Tabs {
    channel: web_sys::BroadcastChannel,
    _listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Tabs {
    /// Listens for other tabs; `on_change` receives the ID of the workspace they changed.
    pub fn listen(on_change: impl Fn(String) + 'static) -> Option<Self> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let listener = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
            move |event: web_sys::MessageEvent| {
                if let Some(ws) = event.data().as_string() {
                    on_change(ws);
                }
            },
        );
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(Self {
            channel,
            _listener: listener,
        })
    }

    /// Tells the other tabs that a workspace changed.
    pub fn announce(&self, ws: &str) {
        let _ = self.channel.post_message(&ws.into());
    }
}
