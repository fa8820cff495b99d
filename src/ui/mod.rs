//! The Leptos view (wasm32 only): components that wire signals to the core and draw.
//! Nothing here parses, counts or formats by itself.

mod app;
mod browser;
mod chart;
mod compact;
mod figures;
mod load;
mod paint;
mod parts;
mod state;

// The full build (`staff` feature) adds whole modules: the full view and its panels.
#[cfg(feature = "staff")]
mod changes;
#[cfg(feature = "staff")]
mod filters;
#[cfg(feature = "staff")]
mod full;
#[cfg(feature = "staff")]
mod series;
#[cfg(feature = "staff")]
mod share;
#[cfg(feature = "staff")]
mod table;
// The reader build's page.
#[cfg(not(feature = "staff"))]
mod reader;

// What each build draws: a module with `page(compact) -> AnyView` and
// `keep_url_in_step(ctx)`; and the task table a compact view of the full build may show.
#[cfg(feature = "staff")]
use full as page;
#[cfg(not(feature = "staff"))]
use reader as page;
#[cfg(feature = "staff")]
use table::compact_task_table;

/// The series view in a compact view of the full build (several reports' files).
#[cfg(feature = "staff")]
fn compact_series() -> leptos::prelude::AnyView {
    use leptos::prelude::*;
    view! { <series::SeriesView controls=false /> }.into_any()
}

/// The reader build never draws the series: it hands such links to the full build.
#[cfg(not(feature = "staff"))]
fn compact_series() -> leptos::prelude::AnyView {
    leptos::prelude::IntoAny::into_any(())
}

/// The reader build never draws the task table: it hands such links to the full build.
#[cfg(not(feature = "staff"))]
fn compact_task_table(
    _export: leptos::prelude::Memo<chart::ExportInfo>,
) -> leptos::prelude::AnyView {
    leptos::prelude::IntoAny::into_any(())
}

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
        if !reader_can_draw(&decode(&query).state, false, false) {
            return browser::go_to_full_build();
        }
    }
    // A baked view the live one takes over when drawn (`app::App`) stays until then.
    if !browser::swapping() {
        browser::remove_baked_view();
    }
    leptos::mount::mount_to_body(app::App);
}
