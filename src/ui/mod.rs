//! The Leptos view (wasm32 only): components that wire signals to the core and draw.
//! Nothing here parses, counts or formats by itself.

mod app;
mod browser;
mod chart;
#[cfg(feature = "staff")]
mod filters;
mod load;
mod paint;
#[cfg(feature = "staff")]
mod share;
mod state;
#[cfg(feature = "staff")]
mod table;

/// Mounts the widget on the page.
pub fn start() {
    // A panic stops the WASM (a trap); `static/crash.js` then tells the reader. Builds
    // without `panic = immediate-abort` (scripts/build.sh without rust-src) also log why.
    #[cfg(panic = "abort")]
    browser::log_panics();
    // The reader build (`embed.html`) draws embeds without the task table; it hands any other
    // view to the full build (and so does `app::load_data` with a snapshot with records).
    #[cfg(not(feature = "staff"))]
    {
        use crate::view_state::{decode, reader_can_draw};
        let query = browser::current_query();
        if !reader_can_draw(&decode(&query).state, false) {
            return browser::go_to_full_build();
        }
    }
    leptos::mount::mount_to_body(app::App);
}
