//! A public dashboard widget for government task tracking and economic growth.
//!
//! The data travels through the modules in this order (see ARCHITECTURE.md):
//!
//! ```text
//! snapshot (parse + validate JSON, located errors) → tasks (derive statuses, index, filter,
//!   aggregate) → chart (shape rows for drawing and export) → format (vi / en numbers, dates,
//!   labels, summaries) → markup (HTML text of the parts without controls, escaped by `html`)
//!   → ui (Leptos components, wasm32 only)
//! view_state: URL query ⇄ ViewState (versioned, with migrations for old links)
//! ```
//!
//! Everything except `ui` is plain Rust without DOM types and is tested natively.

// Declared first: its macro (`coded_enum!`) is used by the modules below.
#[macro_use]
mod codes;

/// Pages baked at build time (`snapshot-tool bake`); not used by the widget itself.
pub mod bake;
pub mod chart;
pub mod format;
pub mod generate;
pub mod html;
pub mod markup;
pub mod order;
pub mod redraw;
pub mod snapshot;
pub mod task_table;
pub mod tasks;
pub mod text;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod ui;
