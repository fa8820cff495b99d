//! Draws a [`BarChart`] as HTML: every bar is a real element with its value in text, every
//! data point is focusable and shows its value on focus as on hover, and interactive bars are
//! buttons with `aria-pressed`.
//!
//! Rationale: the bars of a chart are redrawn as one block when the chart changes, instead of
//! one reactive binding per attribute (each binding is a generic instantiation: the fine-grained
//! version cost ~60 KB of WASM). A redraw replaces the pressed button, so the keyboard focus
//! is put back on the element with the same id.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::browser;
use crate::chart::{csv, svg, Action, BarChart, BarRow, DataTable, LegendEntry, Tick};
use crate::format::{plain_decimal, Labels};

/// What every download carries besides the chart: the source line and the notice.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ExportInfo {
    pub source: String,
    pub notice: Option<String>,
    /// File name prefix (the snapshot id).
    pub file_prefix: String,
}

fn pct(x: f64) -> String {
    format!("{}%", plain_decimal(x * 100.0, 3))
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
) -> impl IntoView {
    let id = chart.with_untracked(|c| c.as_ref().map_or("chart", |c| c.id));
    let title_id = format!("td-{id}-title");
    let summary_id = format!("td-{id}-summary");
    let (section_labelledby, labelledby, describedby) =
        (title_id.clone(), title_id.clone(), summary_id.clone());
    // The bars redraw only when the rows change: a status filter on the unit chart changes
    // `highlight` alone, which is a style attribute (`data-statuses`).
    let rows = Memo::new(move |_| {
        chart.with(|c| c.as_ref().map(|c| (c.id, c.rows.clone(), c.ticks.clone())))
    });
    let highlight = Memo::new(move |_| {
        chart.with(|c| {
            c.as_ref().map(|c| {
                c.highlight
                    .iter()
                    .map(|s| s.code())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        })
    });
    // Each part redraws only when its own data changes: a status toggle must not rebuild the
    // (closed) data table of 33 units, nor the bars.
    let head = part(chart, |c| {
        (c.title.clone(), c.subtitle.clone(), c.summary.clone())
    });
    let legend_entries = part(chart, |c| c.legend.clone());
    let table = part(chart, |c| (c.title.clone(), c.table.clone()));
    view! {
        <section class="td-card" aria-labelledby=section_labelledby id=format!("td-{id}")>
            {move || head.with(|h| h.as_ref().map(|(title, subtitle, summary)| view! {
                <header class="td-card-head">
                    <h2 id=title_id.clone()>{title.clone()}</h2>
                    <p class="td-subtitle">{subtitle.clone()}</p>
                </header>
                <p class="td-summary" id=summary_id.clone()>{summary.clone()}</p>
            }))}
            <div class="td-bars" role="group" aria-labelledby=labelledby aria-describedby=describedby data-statuses=highlight>
                {move || rows.with(|r| r.as_ref().map(|(id, rows, ticks)| bars(id, rows, ticks, interactive, on_action)))}
            </div>
            {move || legend_entries.with(|l| l.as_ref().and_then(|l| legend(id, l, interactive, on_action)))}
            <details class="td-table-toggle">
                <summary>{labels.show_table}</summary>
                {move || table.with(|t| t.as_ref().map(|(title, table)| data_table(title, table)))}
            </details>
            <Downloads chart labels export />
        </section>
    }
}

fn bars(
    id: &str,
    rows: &[BarRow],
    ticks: &[Tick],
    interactive: bool,
    on_action: Callback<Action>,
) -> impl IntoView {
    let rows = rows
        .iter()
        .map(|row| bar_row(id, row, interactive, on_action))
        .collect_view();
    let axis = (!ticks.is_empty()).then(|| {
        view! {
            <div class="td-row td-axis" aria-hidden="true">
                <span></span>
                <span class="td-track">
                    {ticks.iter().map(|t| view! { <span class="td-tick" style:left=pct(t.at)>{t.label.clone()}</span> }).collect_view()}
                </span>
                <span></span>
            </div>
        }
    });
    view! { {rows} {axis} }
}

/// Stable DOM id of a bar row, so focus can return to it after a redraw.
fn dom_id(chart: &str, row: &BarRow) -> String {
    let mut id = format!("td-{chart}-{}", row.key);
    id.retain(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    id
}

fn classes(base: &str, selected: bool, dimmed: bool) -> String {
    let mut class = base.to_owned();
    if selected {
        class.push_str(" is-selected");
    }
    if dimmed {
        class.push_str(" is-dimmed");
    }
    class
}

fn bar_row(chart: &str, row: &BarRow, interactive: bool, on_action: Callback<Action>) -> AnyView {
    let markers = row
        .markers
        .iter()
        .map(|m| {
            view! {
                <span class="td-marker" style:left=pct(m.at) tabindex="0" role="img" aria-label=m.label.clone()>
                    <span class="td-tip" aria-hidden="true">{m.label.clone()}</span>
                </span>
            }
        })
        .collect_view();
    let pressable = interactive && row.action.is_some();
    let segments = row
        .segments
        .iter()
        .map(|s| {
            let class = classes(&format!("td-seg {}", s.series.class()), s.selected, s.dimmed);
            let (left, width) = (pct(s.start), pct(s.end - s.start));
            let tip = view! { <span class="td-tip" aria-hidden="true">{s.label.clone()}</span> };
            match s.action.filter(|_| pressable && row.segments.len() > 1) {
                // Inside a row button: a pointer can pick one segment (unit and status); the
                // keyboard picks the row (unit) and a legend entry (status), both large targets.
                Some(action) => view! {
                    <span class=class style:left=left style:width=width
                        on:click=move |ev| {
                            ev.stop_propagation();
                            act_keeping_focus(on_action, action);
                        }>
                        {tip}
                    </span>
                }
                .into_any(),
                None if pressable => view! {
                    <span class=class style:left=left style:width=width>{tip}</span>
                }
                .into_any(),
                // A static data point: still reachable with the keyboard, value shown on focus.
                None => view! {
                    <span class=class style:left=left style:width=width tabindex="0" role="img" aria-label=s.label.clone()>
                        {tip}
                    </span>
                }
                .into_any(),
            }
        })
        .collect_view();
    let Some(action) = row.action.filter(|_| interactive) else {
        return view! {
            <div class="td-row">
                <span class="td-label">{row.label.clone()}</span>
                <span class="td-track">{segments}{markers}</span>
                <span class="td-value">{row.value_text.clone()}</span>
            </div>
        }
        .into_any();
    };
    // The whole row is one button (label, bar and value): a large touch target whose name is
    // its visible text. Rows of several segments add every segment's value, for screen
    // readers and, on keyboard focus, as a tooltip.
    let details = (row.segments.len() > 1).then(|| {
        row.segments
            .iter()
            .map(|s| s.label.clone())
            .collect::<Vec<_>>()
            .join("; ")
    });
    view! {
        <button type="button" id=dom_id(chart, row) class=classes("td-row td-row-button", row.selected, row.dimmed)
            aria-pressed=row.selected.to_string()
            on:click=move |_| act_keeping_focus(on_action, action)>
            <span class="td-label">{row.label.clone()}</span>" "
            <span class="td-track">
                {segments}
                {markers}
                {details.clone().map(|d| view! { <span class="td-tip td-tip-row" aria-hidden="true">{d}</span> })}
            </span>" "
            <span class="td-value">{row.value_text.clone()}</span>
            {details.map(|d| view! { <span class="td-visually-hidden">{format!(": {d}")}</span> })}
        </button>
    }
    .into_any()
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
) -> Option<impl IntoView> {
    if entries.is_empty() {
        return None;
    }
    let items = entries
        .iter()
        .map(|entry| {
            let swatch = view! { <span class=format!("td-swatch {}", entry.series.class()) aria-hidden="true"></span> };
            match entry.action.filter(|_| interactive) {
                Some(action) => view! {
                    <li>
                        <button type="button" id=format!("td-{chart_id}-legend-{}", entry.series.class())
                            class=if entry.selected { "td-legend-button is-selected" } else { "td-legend-button" }
                            aria-pressed=entry.selected.to_string()
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

fn data_table(title: &str, table: &DataTable) -> impl IntoView {
    let headers = &table.headers;
    view! {
        <div class="td-table-wrap">
            <table class="td-table td-data-table">
                <caption class="td-visually-hidden">{title.to_owned()}</caption>
                <thead><tr>{headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {table.rows.iter().map(|row| view! {
                        <tr>{row.iter().enumerate().map(|(i, cell)| {
                            let header = headers.get(i).cloned().unwrap_or_default();
                            if i == 0 {
                                view! { <th scope="row" data-label=header>{cell.text.clone()}</th> }.into_any()
                            } else {
                                view! { <td data-label=header>{cell.text.clone()}</td> }.into_any()
                            }
                        }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// CSV of the table, SVG and PNG of the chart, each with the source line (and the
/// illustrative notice when it applies).
#[component]
fn Downloads(
    chart: Memo<Option<BarChart>>,
    labels: &'static Labels,
    export: Memo<ExportInfo>,
) -> impl IntoView {
    let download = move |kind: &'static str| {
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
                            web_sys::console::error_2(&"PNG export failed".into(), &e);
                        }
                    });
                    Ok(())
                }
            };
            if let Err(e) = result {
                web_sys::console::error_2(&"download failed".into(), &e);
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
        </div>
    }
}
