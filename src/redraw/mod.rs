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
//! again. A plan is one small `Vec` per paint; the changes of all rows share one more.

pub mod bars;
pub mod table;
