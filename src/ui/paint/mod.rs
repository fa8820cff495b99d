//! Keyed-by-position DOM painters for the two large, often-changing parts of the view: the
//! bars of a chart ([`BarsPainter`], `bars.rs`) and the rows of a table ([`RowsPainter`],
//! `rows.rs`), run by the effects of `effects.rs` through the DOM helpers of `dom.rs`.
//!
//! Rationale (measured, see `bench/browser.mjs` and ARCHITECTURE.md): a filter change at 100k
//! tasks changes a few numbers in ~40 bars and ~20 table rows. Rebuilding those through Leptos
//! views cost ~20 ms of script per change (every attribute set again, one generic view
//! instantiation per element kind: ~60 KB of WASM), and every attribute set invalidated style.
//! A painter keeps the model it last drew and the elements it made; a redraw compares the new
//! model with the old one and touches only what changed (a width, a text, a class). Elements
//! are created only when the shape of a row changes. The model comes from the pure core
//! (`crate::chart`), and what to change from the redraw plans of `crate::redraw` (pure, tested
//! natively); nothing here decides what to draw or what to change, only how to do it.
//!
//! Events are delegated: rows and segments carry `data-act="row"` / `"row.segment"` and one
//! listener on the container looks the action up in the drawn model ([`BarsPainter::action_at`]).

mod bars;
mod dom;
mod effects;
mod rows;

pub use bars::BarsPainter;
pub use effects::paint_effect;
#[cfg(feature = "staff")]
pub use effects::paint_effect_in_view_first;
pub use rows::RowsPainter;
