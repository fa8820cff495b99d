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
    browser::install_panic_hook(crate::format::labels(crate::format::Lang::Vi).crashed);
    leptos::mount::mount_to_body(app::App);
}
