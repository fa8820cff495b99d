//! The parts of the page without controls, drawn from HTML text the core writes
//! (`crate::markup`, as `crate::html::Html`): heading, headline figures, load state, notices,
//! source line. The only `inner_html` of the widget is here, and it is only ever set from an
//! `Html` (`tests/module_graph.rs` checks the first).
//! Rationale: as Leptos views, notices and load errors alone cost 6.6 KB gzip of WASM; as
//! text set with `inner_html`, almost nothing (see ARCHITECTURE.md).

use leptos::prelude::*;

use super::browser;
use super::state::{use_ctx, Load};
use crate::chart;
use crate::markup;
use crate::view_state::{encode, full_build_base, full_view_link};

/// The heading: jurisdiction, title, date and status (`compact`: on two lines, for iframes).
pub fn heading(compact: bool) -> impl IntoView {
    let ctx = use_ctx();
    let heading = move || {
        let lang = ctx.lang.get();
        ctx.snap
            .with(|s| markup::heading(s.as_deref().map(|s| &**s), lang, compact))
            .into_string()
    };
    view! { <div class="td-heading" inner_html=heading></div> }
}

#[component]
pub fn Headline() -> impl IntoView {
    let ctx = use_ctx();
    // A memo of the text: a filter change that leaves the counts alone does not touch the
    // list; one that changes them replaces the three short figures.
    let html = Memo::new(move |_| {
        let sel = ctx.counts.get()?;
        let labels = ctx.labels.get();
        let headline = ctx
            .snap
            .with(|s| chart::parts::headline_part(s.as_ref()?, &sel, ctx.lang.get()))?;
        Some(markup::headline(&headline, labels).into_string())
    });
    view! { <div class="td-part" inner_html=move || html.get().unwrap_or_default()></div> }
}

/// Loading, and load failures with file, JSON path and what was expected; the failure's
/// "try again" button (`data-retry`) fetches again without reloading the page.
#[component]
pub fn LoadState() -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let labels = ctx.labels.get();
        ctx.load.with(|load| match load {
            Load::Loading => markup::loading(labels).into_string(),
            Load::Failed(e) => markup::load_error(e, labels).into_string(),
            Load::Ready(_) => String::new(),
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if browser::event_target_has(&ev, "[data-retry]") {
            ctx.retry();
        }
    };
    view! { <div class="td-part" inner_html=html on:click=on_click></div> }
}

/// The illustrative-data notice, notes on the data, and what was ignored in the link.
#[component]
pub fn Notices() -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let lang = ctx.lang.get();
        let labels = ctx.labels.get();
        ctx.notices.with(|link| {
            ctx.snap.with(|s| {
                let s = s.as_ref();
                // The compact view's parts the snapshot lacks are drawn as this notice.
                let mut missing = link.missing.clone();
                // The same view with today's figures, for a pinned link's notice.
                let latest = link.pin.map(|_| {
                    ctx.view.with(|v| {
                        let mut today = v.clone();
                        today.pin = None;
                        format!("{}{}", browser::page_base(), encode(&today))
                    })
                });
                if let Some(s) = s {
                    ctx.view.with(|v| {
                        if v.compact.on {
                            missing.extend(v.parts_held(s).1);
                        }
                    });
                }
                markup::notices(
                    &markup::Notices {
                        illustrative: s.is_some_and(|s| s.is_illustrative()),
                        note: s.and_then(|s| s.snapshot().notice.as_ref().map(|n| n.get(lang))),
                        warnings: s.map_or(&[], |s| s.warnings()),
                        refused_snapshot: link.refused_snapshot.as_deref(),
                        from_newer_version: link.from_newer_version,
                        ignored: &link.ignored,
                        missing: &missing,
                        pin: link.pin.zip(latest.as_deref()),
                    },
                    labels,
                )
                .into_string()
            })
        })
    };
    view! { <div class="td-part" inner_html=html></div> }
}

/// Source line (with its link when the source has one), and in embeds the link to the full view.
#[component]
pub fn SourceFooter(full_link: bool) -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let lang = ctx.lang.get();
        let full_url = full_link.then(|| {
            let page = browser::page_base();
            ctx.view.with(|v| full_view_link(full_build_base(&page), v))
        });
        ctx.snap.with(|s| {
            let src = s.as_ref().map(|s| &s.snapshot().source);
            let line = src
                .map(|src| chart::source_line(src, lang))
                .unwrap_or_default();
            let source = src.map(|src| (line.as_str(), src.url.as_ref()));
            markup::source_footer(source, full_url.as_deref(), ctx.labels.get()).into_string()
        })
    };
    view! { <footer class="td-footer" inner_html=html></footer> }
}

/// The series view's notes above its chart: loading, reports that could not be loaded (with
/// a retry, `on_retry`), what a reader must know to compare them.
#[cfg(feature = "staff")]
#[component]
pub fn SeriesNotes(
    shown: Memo<super::state::SeriesShown>,
    on_retry: Callback<()>,
) -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let labels = ctx.labels.get();
        shown.with(|s| {
            let notes = s.figures.as_ref().map_or(&[][..], |f| &f.notes[..]);
            markup::series_notes(s.loading, &s.failed, notes, labels).into_string()
        })
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if browser::event_target_has(&ev, "[data-retry]") {
            on_retry.run(());
        }
    };
    view! { <div class="td-part" inner_html=html on:click=on_click></div> }
}

/// Below the series chart: one body's trend, and each report's source.
#[cfg(feature = "staff")]
#[component]
pub fn SeriesAfter(shown: Memo<super::state::SeriesShown>) -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let (lang, labels) = (ctx.lang.get(), ctx.labels.get());
        shown.with(|s| {
            let trend = s.figures.as_ref().and_then(|f| f.trend.as_ref());
            markup::series_after(trend, &s.sources, lang, labels).into_string()
        })
    };
    view! { <div class="td-part" inner_html=html></div> }
}

/// The older snapshot of the "what changed" tab: `None` while it loads.
#[cfg(feature = "staff")]
pub type Older = Option<
    Result<super::state::IdentityArc<crate::snapshot::ValidSnapshot>, crate::snapshot::DataError>,
>;

/// The "what changed" tab's text: loading the older snapshot, its failure, or the sentence,
/// cautions and table of the changes from it to the snapshot shown. Full build only.
#[cfg(feature = "staff")]
#[component]
pub fn ChangesPart(older: RwSignal<Older>) -> impl IntoView {
    let ctx = use_ctx();
    let html = move || {
        let labels = ctx.labels.get();
        let lang = ctx.lang.get();
        older.with(|o| match o {
            None => markup::loading(labels).into_string(),
            Some(Err(e)) => markup::load_error(e, labels).into_string(),
            Some(Ok(old)) => ctx.snap.with(|s| {
                let view = browser::timed("__tdChangesMs", || {
                    s.as_ref().and_then(|s| chart::changes_view(old, s, lang))
                });
                match view {
                    Some(v) => markup::changes(&v).into_string(),
                    None => markup::changes_absent(labels).into_string(),
                }
            }),
        })
    };
    view! { <div class="td-part td-changes-body" inner_html=html></div> }
}
