//! Views baked at build time: the compact view of a snapshot as HTML text, so the first
//! response of a page already holds its figures and its final layout. `snapshot-tool bake`
//! writes the pages (`scripts/build.sh`); `static/start.js` decides before the first paint
//! whether a page's baked view is the one its link asks for, and otherwise hides it and
//! starts the WASM, which draws the link's view as before.
//!
//! One source for the view: the charts come from the live view's own builders
//! (`chart::parts`), the parts without controls from `markup`, and what a bar row's elements
//! say from `redraw::bars` (classes, ids, names). What is written here twice is only how:
//! elements as text here, DOM calls in `ui::paint`. The browser tests compare the two, text
//! and boxes (`tests/browser/bake.test.mjs`), so a difference fails the build.
//!
//! Positions (a bar's start and width, a tick's place) cannot be `style` attributes under the
//! CSP; they are rules of the page's own stylesheet ([`Baked::css`]), by position in the
//! chart (`#td-status-bars>:nth-child(2)>.td-track>:nth-child(1)`), so the baked elements
//! carry nothing the live ones do not.

mod page;
mod view;

pub use page::{bake_page, main_stylesheet, page_name, Build, PageSpec};
pub use view::{
    bakeable_parts, baked_series, compact_view, full_view_href, Baked, BakedSeries, Links,
};
