//! The compact view (`embed=1`), for an iframe in an article: the parts the link names,
//! the source line and a link to the full view. In both builds; the reader build
//! (`embed.html`) has this view alone.

use leptos::prelude::*;

use super::figures::Charts;
use super::parts::{heading, Headline, LoadState, Notices, SourceFooter};
use super::state::use_ctx;
use crate::view_state::Part;

/// The compact view for an iframe in an article: the chosen parts, the source, a link out.
#[component]
pub fn CompactView() -> impl IntoView {
    let ctx = use_ctx();
    // Its charts are not interactive: a press does nothing.
    let charts = Charts::new(ctx, Callback::new(|_| {}));
    // The parts the link names that the snapshot has figures for (those it lacks are named
    // in a notice, `parts::Notices`); none until it has loaded.
    let parts = Memo::new(move |_| {
        ctx.snap.with(|s| {
            s.as_ref()
                .map_or_else(Vec::new, |s| ctx.view.with(|v| v.parts_held(s).0))
        })
    });
    view! {
        <header class="td-header td-header-compact">
            {heading(true)}
        </header>
        // Notices inside the main landmark: all content is in a landmark.
        <main class="td-panel">
            <Notices />
            <LoadState />
            {move || parts.get().into_iter().map(|part| match part {
                Part::Headline => view! { <Headline /> }.into_any(),
                Part::Status => charts.card(ctx, charts.status, false).into_any(),
                Part::Units => charts.units_card(ctx, false).into_any(),
                Part::Table => super::compact_task_table(charts.export),
                Part::Documents => charts.card(ctx, charts.documents, false).into_any(),
                Part::Schemes => charts.card(ctx, charts.schemes, false).into_any(),
                Part::Growth => charts.card(ctx, charts.growth, false).into_any(),
                Part::Series => super::compact_series(),
            }).collect_view()}
        </main>
        <SourceFooter full_link=true />
    }
}
