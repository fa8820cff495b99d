//! The widget's entry point: mount the app. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    task_dashboard::ui::start();
}

/// Natively there is nothing to run: the widget is built for wasm32 by Trunk.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The widget runs in the browser: build it with `trunk build` (see README.md).");
}
