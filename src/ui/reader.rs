//! What the reader build (`embed.html`, without the `staff` feature) draws: the compact view
//! alone. The full build's counterpart is `full.rs`; the shell calls whichever is built.

use leptos::prelude::*;

use super::compact::CompactView;
use super::state::Ctx;

/// Always the compact view: `ui::start` hands any other view to the full build, so `compact`
/// is always true here.
pub fn page(_compact: bool) -> AnyView {
    view! { <CompactView /> }.into_any()
}

/// The reader build draws one fixed view: nothing to write to the address bar.
pub fn keep_url_in_step(_ctx: Ctx) {}
