//! Draws a [`BarChart`] as HTML: every bar is a real element with its value in text, every
//! data point is focusable and shows its value on focus as on hover, and interactive bars are
//! buttons with `aria-pressed`.
//!
//! The bars and the data table are drawn by the painters of [`super::paint`], which update only
//! what a filter change alters; clicks on bars are delegated to one listener per chart. The
//! legend, a handful of buttons, is an ordinary view.

use leptos::prelude::*;
#[cfg(feature = "staff")]
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

#[cfg(feature = "staff")]
use super::browser;
use super::paint::{paint_effect, BarsPainter, RowsPainter};
#[cfg(feature = "staff")]
use crate::chart::{csv, svg};
use crate::chart::{Action, BarChart, LegendEntry, Series};
#[cfg(feature = "staff")]
use crate::format::fill;
use crate::format::Labels;
use crate::tasks::StatusSet;
#[cfg(feature = "staff")]
use wasm_bindgen::JsValue;

/// What every download carries besides the chart: the source line and the notice.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ExportInfo {
    pub source: String,
    pub notice: Option<String>,
    /// File name prefix (the snapshot id).
    pub file_prefix: String,
}

/// Runs `action`, then gives the keyboard focus back to the element that had it (same id),
/// once the redraw it causes has happened.
fn act_keeping_focus(on_action: Callback<Action>, action: Action) {
    let focused = document()
        .active_element()
        .map(|el| el.id())
        .filter(|id| !id.is_empty());
    on_action.run(action);
    if let Some(id) = focused {
        set_timeout(
            move || {
                if let Some(el) = document().get_element_by_id(&id) {
                    let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// A chart with its title, summary, bars, legend, data table and downloads.
#[component]
pub fn ChartCard(
    chart: Memo<Option<BarChart>>,
    labels: &'static Labels,
    export: Memo<ExportInfo>,
    /// Bars and legend entries with an action are buttons (false in embeds).
    interactive: bool,
    on_action: Callback<Action>,
    /// Statuses to emphasise, when the view gives them apart from the chart (the unit chart:
    /// a status toggle then restyles its bars without rebuilding the chart).
    emphasis: Option<Memo<StatusSet>>,
) -> impl IntoView {
    // Constant in the reader build, whose charts are never interactive: the compiler then
    // drops the code of buttons and actions.
    let interactive = interactive && cfg!(feature = "staff");
    let id = chart.with_untracked(|c| c.as_ref().map_or("chart", |c| c.id));
    let title_id = format!("td-{id}-title");
    let summary_id = format!("td-{id}-summary");
    let (section_labelledby, labelledby, describedby) =
        (title_id.clone(), title_id.clone(), summary_id.clone());
    // The bars redraw only when the rows change: a status filter on the unit chart changes
    // `highlight` alone, which is a style attribute (`data-statuses`).
    let rows = part(chart, |c| {
        (
            c.rows.clone(),
            c.ticks.clone(),
            c.row_limit.clone(),
            c.columns,
        )
    });
    let highlight = Memo::new(move |_| {
        let own = chart.with(|c| c.as_ref().map(|c| c.highlight))?;
        let statuses = emphasis.map_or(own, |e| e.get());
        Some(
            statuses
                .iter()
                .map(|s| s.code())
                .collect::<Vec<_>>()
                .join(" "),
        )
    });
    // Each part redraws only when its own data changes: a status toggle must not rebuild the
    // legend or the data table.
    let head = part(chart, |c| {
        (c.title.clone(), c.subtitle.clone(), c.summary.clone())
    });
    // The legend is drawn again only when its entries change. With `emphasis`, which status
    // entries are pressed follows it attribute by attribute (`legend`): a status toggle must
    // not rebuild the legend. (The unit chart is built without the status filter, so its
    // entries' own pressed state never changes with it.)
    let legend_entries = part(chart, |c| c.legend.clone());
    let table = part(chart, |c| c.table.clone());

    let bars_ref = NodeRef::<leptos::html::Div>::new();
    let bars_painter = paint_effect(
        bars_ref,
        move |container| BarsPainter::new(container, id, interactive),
        move |painter| {
            rows.with(|r| {
                if let Some((rows, ticks, limit, columns)) = r {
                    painter.paint(rows, ticks, limit.as_ref(), *columns);
                }
            })
        },
    );
    let on_bars_click = {
        let painter = bars_painter.clone();
        move |ev: leptos::ev::MouseEvent| {
            if !interactive {
                return;
            }
            let target = event_element(&ev);
            let action = target.and_then(|t| painter.borrow().as_ref()?.action_at(&t));
            if let Some(action) = action {
                act_keeping_focus(on_action, action);
            }
        }
    };
    // The pointer over, or the keyboard on, a data point: its tooltip moves there.
    let show_tip = move |ev: &web_sys::Event| {
        if let (Some(target), Some(painter)) =
            (event_element(ev), bars_painter.borrow_mut().as_mut())
        {
            painter.show_tip(&target);
        }
    };
    let show_tip_on_focus = show_tip.clone();

    // The data table is drawn only while it is open: most readers never open it, and a closed
    // table of 33 units would otherwise be redrawn on every filter change.
    let table_open = RwSignal::new(false);
    let table_ref = NodeRef::<leptos::html::Tbody>::new();
    let table_head_ref = NodeRef::<leptos::html::Tr>::new();
    paint_effect(
        table_ref,
        move |body| RowsPainter::new(body, true, table_head_ref.get_untracked().map(Into::into)),
        move |painter| {
            if table_open.get() {
                table.with(|t| {
                    if let Some(t) = t {
                        painter.paint(&t.headers, &t.rows);
                    }
                });
            }
        },
    );
    // Title, subtitle and summary are text nodes of fixed elements: a filter change rewrites
    // the summary's text, not the card's head.
    let head_text = move |f: fn(&(String, String, String)) -> String| {
        move || head.with(|h| h.as_ref().map(f)).unwrap_or_default()
    };
    let title = head_text(|h| h.0.clone());
    view! {
        <section class="td-card" aria-labelledby=section_labelledby id=format!("td-{id}")>
            <header class="td-card-head">
                <h2 id=title_id>{title}</h2>
                <p class="td-subtitle">{head_text(|h| h.1.clone())}</p>
            </header>
            <p class="td-summary" id=summary_id>{head_text(|h| h.2.clone())}</p>
            <div class="td-bars" id=format!("td-{id}-bars") role="group" aria-labelledby=labelledby aria-describedby=describedby
                data-statuses=move || highlight.get() node_ref=bars_ref on:click=on_bars_click
                on:pointerover=move |ev| show_tip(&ev) on:focusin=move |ev| show_tip_on_focus(&ev)>
            </div>
            {move || legend_entries.with(|l| l.as_ref().and_then(|l| legend(id, l, interactive, on_action, emphasis)))}
            <details class="td-table-toggle" on:toggle=move |ev| {
                table_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
            }>
                <summary>{labels.show_table}</summary>
                <div class="td-table-wrap">
                    <table class="td-table td-data-table">
                        <caption class="td-visually-hidden">{title}</caption>
                        <thead><tr node_ref=table_head_ref></tr></thead>
                        <tbody node_ref=table_ref></tbody>
                    </table>
                </div>
            </details>
            {downloads(chart, labels, export)}
        </section>
    }
}

/// The element an event happened on (for listeners delegated to the chart's container).
fn event_element(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target().and_then(|t| t.dyn_into().ok())
}

/// A memo of one part of the chart, so that part redraws only when it changes.
fn part<T: PartialEq + Send + Sync + 'static>(
    chart: Memo<Option<BarChart>>,
    f: fn(&BarChart) -> T,
) -> Memo<Option<T>> {
    Memo::new(move |_| chart.with(|c| c.as_ref().map(f)))
}

fn legend(
    chart_id: &str,
    entries: &[LegendEntry],
    interactive: bool,
    on_action: Callback<Action>,
    emphasis: Option<Memo<StatusSet>>,
) -> Option<impl IntoView> {
    if entries.is_empty() {
        return None;
    }
    let items = entries
        .iter()
        .map(|entry| {
            let swatch = view! { <span class=format!("td-swatch {}", entry.series.class()) aria-hidden="true"></span> };
            let (series, own) = (entry.series, entry.selected);
            let selected = move || match (emphasis, series) {
                (Some(e), Series::Status(s)) => e.with(|set| set.contains(s)),
                _ => own,
            };
            match entry.action.filter(|_| interactive) {
                Some(action) => view! {
                    <li>
                        <button type="button" id=format!("td-{chart_id}-legend-{}", entry.series.class())
                            class="td-legend-button" class:is-selected=selected
                            aria-pressed=move || selected().to_string()
                            on:click=move |_| act_keeping_focus(on_action, action)>
                            {swatch}{entry.label.clone()}
                        </button>
                    </li>
                }
                .into_any(),
                None => view! { <li>{swatch}{entry.label.clone()}</li> }.into_any(),
            }
        })
        .collect_view();
    Some(view! { <ul class="td-legend">{items}</ul> })
}

/// The card's downloads. The reader build has none: its embeds link to the full view, which
/// has them.
#[cfg(feature = "staff")]
fn downloads(
    chart: Memo<Option<BarChart>>,
    labels: &'static Labels,
    export: Memo<ExportInfo>,
) -> impl IntoView {
    view! { <Downloads chart labels export /> }
}

#[cfg(not(feature = "staff"))]
fn downloads(_: Memo<Option<BarChart>>, _: &'static Labels, _: Memo<ExportInfo>) {}

/// CSV of the table, SVG and PNG of the chart, each with the source line (and the
/// illustrative notice when it applies).
#[cfg(feature = "staff")]
#[component]
fn Downloads(
    chart: Memo<Option<BarChart>>,
    labels: &'static Labels,
    export: Memo<ExportInfo>,
) -> impl IntoView {
    // A download that failed says so next to its buttons, not in the console alone.
    let failed = RwSignal::new(None::<&'static str>);
    let report = move |kind: &'static str, e: &JsValue| {
        web_sys::console::error_3(&"download failed".into(), &kind.into(), e);
        failed.set(Some(kind));
    };
    let download = move |kind: &'static str| {
        failed.set(None);
        let info = export.get_untracked();
        chart.with_untracked(|c| {
            let Some(c) = c else { return };
            let name = format!("{}-{}.{kind}", info.file_prefix, c.id);
            let footer = svg::Footer {
                source: &info.source,
                notice: info.notice.as_deref(),
            };
            let result = match kind {
                "csv" => {
                    browser::download_text(&name, "text/csv;charset=utf-8", &csv::render(&c.table))
                }
                "svg" => browser::download_text(
                    &name,
                    "image/svg+xml;charset=utf-8",
                    &svg::render(c, &footer),
                ),
                _ => {
                    let doc = svg::render(c, &footer);
                    let height = svg::height_of(&doc).unwrap_or(600);
                    spawn_local(async move {
                        if let Err(e) =
                            browser::download_svg_as_png(&name, &doc, svg::WIDTH, height).await
                        {
                            report(kind, &e);
                        }
                    });
                    Ok(())
                }
            };
            if let Err(e) = result {
                report(kind, &e);
            }
        })
    };
    let title = chart.with_untracked(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default());
    let group_label = format!("{}: {title}", labels.downloads);
    let button = move |kind: &'static str, text: &'static str| {
        view! {
            <button type="button" class="td-small-button" data-download=kind
                aria-label=format!("{} {text}: {title}", labels.downloads)
                on:click=move |_| download(kind)>{text}</button>
        }
    };
    view! {
        <div class="td-downloads" role="group" aria-label=group_label>
            <span class="td-downloads-label" aria-hidden="true">{labels.downloads}</span>
            {button("csv", labels.download_csv)}
            {button("png", labels.download_png)}
            {button("svg", labels.download_svg)}
            <span class="td-download-status" role="status" aria-live="polite">
                {move || failed.get().map(|kind| fill(labels.download_failed, &[("x", &kind.to_ascii_uppercase())]))}
            </span>
        </div>
    }
}
