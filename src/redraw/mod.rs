//! Redraw plans: how the painters of `ui::paint` bring what they drew to a new model.
//!
//! A painter keeps the model it last drew and the elements it made. On a change it asks here
//! what to do: which drawn rows to keep as they are, update in place (and which texts, classes,
//! widths and attributes to write), rebuild, insert, remove, take out and put back; then it
//! does exactly that to the DOM. The decisions are pure, so they are tested natively (the `ui`
//! module compiles for wasm32 only), as tables of small cases.
//!
//! Rationale: the painters exist for speed (ARCHITECTURE.md, "Redraw"): a filter change must
//! touch only what differs, because every attribute or text written is styled or laid out
//! again. A plan is one small `Vec` per paint (a byte a row), and what a row needs written is
//! told to the painter change by change (`bars::Write`), not listed. Deciding apart from doing
//! costs download size: +1.5 KB gzip as first written (a list of every change, each row's
//! step holding its redraw), +0.5 KB now (`node bench/size.mjs dist`, full build).

pub mod bars;
pub mod table;
