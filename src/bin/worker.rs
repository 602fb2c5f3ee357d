//! The import worker's wasm entry point (built by Trunk as a Web Worker).

fn main() {
    console_error_panic_hook::set_once();
    linimasa::worker::start();
}
