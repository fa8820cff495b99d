//! The Leptos view (wasm32 only): components that wire signals to the core and draw.
//! Nothing here parses, counts or formats by itself.

mod app;
mod browser;
mod chart;
mod filters;
mod load;
mod paint;
mod share;
mod state;
mod table;

/// Mounts the widget on the page.
pub fn start() {
    // A panic stops the WASM (a trap); `static/crash.js` then tells the reader. Builds
    // without `panic = immediate-abort` (scripts/build.sh without rust-src) also log why.
    #[cfg(panic = "abort")]
    browser::log_panics();
    leptos::mount::mount_to_body(app::App);
}
