//! Draws a [`BarChart`] as HTML: every bar is a real element with its value in text, every
//! data point is focusable and shows its value on focus as on hover, and interactive bars are
//! buttons with `aria-pressed`. Rows and segments are keyed, so a redraw after a click keeps
//! the keyboard focus where it was.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use crate::chart::{csv, svg, Action, BarChart, BarRow, Segment, Series};
use crate::format::Labels;

/// What every download carries besides the chart: the source line and the notice.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ExportInfo {
    pub source: String,
    pub notice: Option<String>,
    /// File name prefix (the snapshot id).
    pub file_prefix: String,
}

fn pct(x: f64) -> String {
    format!("{}%", crate::format::plain_decimal(x * 100.0, 3))
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
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let id = chart.with_untracked(|c| c.as_ref().map_or("chart", |c| c.id));
    let title_id = format!("td-{id}-title");
    let (section_labelledby, bars_labelledby) = (title_id.clone(), title_id.clone());
    let summary_id = format!("td-{id}-summary");
    let bars_describedby = summary_id.clone();
    let field = move |f: fn(&BarChart) -> String| chart.with(|c| c.as_ref().map(f).unwrap_or_default());
    let row_keys = Memo::new(move |_| {
        chart.with(|c| c.as_ref().map(|c| c.rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    let has_ticks = move || chart.with(|c| c.as_ref().is_some_and(|c| !c.ticks.is_empty()));
    view! {
        <section class="td-card" aria-labelledby=section_labelledby id=format!("td-{id}")>
            <header class="td-card-head">
                <h2 id=title_id>{move || field(|c| c.title.clone())}</h2>
                <p class="td-subtitle">{move || field(|c| c.subtitle.clone())}</p>
            </header>
            <p class="td-summary" id=summary_id>{move || field(|c| c.summary.clone())}</p>
            {children.map(|c| c())}
            <div class="td-bars" role="group" aria-labelledby=bars_labelledby aria-describedby=bars_describedby>
                <For each=move || row_keys.get() key=|k| k.clone() let:key>
                    <RowView chart key interactive on_action />
                </For>
                <Show when=has_ticks>
                    <div class="td-row td-axis" aria-hidden="true">
                        <span></span>
                        <span class="td-track">
                            {move || chart.with(|c| c.as_ref().map(|c| c.ticks.iter().map(|t| view! {
                                <span class="td-tick" style:left=pct(t.at)>{t.label.clone()}</span>
                            }).collect_view()))}
                        </span>
                        <span></span>
                    </div>
                </Show>
            </div>
            <Legend chart interactive on_action />
            <details class="td-table-toggle">
                <summary>{labels.show_table}</summary>
                <DataTableView chart />
            </details>
            <Downloads chart labels export />
        </section>
    }
}

fn row_of(chart: Memo<Option<BarChart>>, key: &str) -> Option<BarRow> {
    chart.with(|c| c.as_ref()?.rows.iter().find(|r| r.key == key).cloned())
}

#[component]
fn RowView(chart: Memo<Option<BarChart>>, key: String, interactive: bool, on_action: Callback<Action>) -> impl IntoView {
    let row = Memo::new(move |_| row_of(chart, &key));
    let text = move |f: fn(&BarRow) -> String| row.with(|r| r.as_ref().map(f).unwrap_or_default());
    // A row with one pressable segment is one big button (label, bar and value): an easy
    // touch target. Rows of several segments make each segment a button.
    let single_action = row.with_untracked(|r| {
        r.as_ref()
            .filter(|r| r.segments.len() == 1)
            .and_then(|r| r.segments[0].action)
            .filter(|_| interactive)
    });
    let seg_keys = Memo::new(move |_| {
        row.with(|r| r.as_ref().map(|r| r.segments.iter().map(|s| s.series).collect::<Vec<_>>()).unwrap_or_default())
    });
    let segments = move |as_buttons: bool| {
        view! {
            <For each=move || seg_keys.get() key=|s| *s let:series>
                <SegmentView row series as_buttons on_action />
            </For>
            {move || row.with(|r| r.as_ref().map(|r| r.markers.iter().map(|m| view! {
                <span class="td-marker" style:left=pct(m.at) tabindex="0" role="img" aria-label=m.label.clone()>
                    <span class="td-tip" aria-hidden="true">{m.label.clone()}</span>
                </span>
            }).collect_view()))}
        }
    };
    match single_action {
        Some(_) => {
            let seg = Memo::new(move |_| row.with(|r| r.as_ref().and_then(|r| r.segments.first().cloned())));
            let label = move || seg.with(|s| s.as_ref().map(|s| s.label.clone()).unwrap_or_default());
            view! {
                <button
                    type="button"
                    class="td-row td-row-button"
                    class:is-selected=move || seg.with(|s| s.as_ref().is_some_and(|s| s.selected))
                    class:is-dimmed=move || seg.with(|s| s.as_ref().is_some_and(|s| s.dimmed))
                    aria-pressed=move || seg.with(|s| s.as_ref().is_some_and(|s| s.selected)).to_string()
                    aria-label=label
                    on:click=move |_| {
                        if let Some(action) = seg.with_untracked(|s| s.as_ref().and_then(|s| s.action)) {
                            on_action.run(action);
                        }
                    }
                >
                    <span class="td-label">{move || text(|r| r.label.clone())}</span>
                    <span class="td-track">
                        {segments(false)}
                        <span class="td-tip" aria-hidden="true">{label}</span>
                    </span>
                    <span class="td-value">{move || text(|r| r.value_text.clone())}</span>
                </button>
            }
            .into_any()
        }
        None => view! {
            <div class="td-row">
                <span class="td-label">{move || text(|r| r.label.clone())}</span>
                <span class="td-track">{segments(interactive)}</span>
                <span class="td-value">{move || text(|r| r.value_text.clone())}</span>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn SegmentView(row: Memo<Option<BarRow>>, series: Series, as_buttons: bool, on_action: Callback<Action>) -> impl IntoView {
    let seg = Memo::new(move |_| {
        row.with(|r| r.as_ref().and_then(|r| r.segments.iter().find(|s| s.series == series).cloned()))
    });
    let get = move |f: fn(&Segment) -> String| seg.with(|s| s.as_ref().map(f).unwrap_or_default());
    let class = format!("td-seg {}", series.class());
    let left = move || get(|s| pct(s.start));
    let width = move || get(|s| pct(s.end - s.start));
    let selected = move || seg.with(|s| s.as_ref().is_some_and(|s| s.selected));
    let dimmed = move || seg.with(|s| s.as_ref().is_some_and(|s| s.dimmed));
    let label = move || get(|s| s.label.clone());
    let pressable = as_buttons && seg.with_untracked(|s| s.as_ref().is_some_and(|s| s.action.is_some()));
    if pressable {
        view! {
            <button
                type="button"
                class=class
                class:is-selected=selected
                class:is-dimmed=dimmed
                style:left=left
                style:width=width
                aria-pressed=move || selected().to_string()
                aria-label=label
                on:click=move |_| {
                    if let Some(action) = seg.with_untracked(|s| s.as_ref().and_then(|s| s.action)) {
                        on_action.run(action);
                    }
                }
            >
                <span class="td-tip" aria-hidden="true">{label}</span>
            </button>
        }
        .into_any()
    } else if as_buttons {
        // Static data point: still reachable with the keyboard, value shown on focus.
        view! {
            <span class=class class:is-selected=selected class:is-dimmed=dimmed style:left=left style:width=width
                tabindex="0" role="img" aria-label=label>
                <span class="td-tip" aria-hidden="true">{label}</span>
            </span>
        }
        .into_any()
    } else {
        view! {
            <span class=class class:is-selected=selected class:is-dimmed=dimmed style:left=left style:width=width aria-hidden="true"></span>
        }
        .into_any()
    }
}

#[component]
fn Legend(chart: Memo<Option<BarChart>>, interactive: bool, on_action: Callback<Action>) -> impl IntoView {
    view! {
        {move || chart.with(|c| {
            let legend = c.as_ref().map(|c| c.legend.clone()).unwrap_or_default();
            (!legend.is_empty()).then(|| view! {
                <ul class="td-legend">
                    {legend.into_iter().map(|entry| {
                        let swatch = format!("td-swatch {}", entry.series.class());
                        match entry.action.filter(|_| interactive) {
                            Some(action) => view! {
                                <li>
                                    <button type="button" class="td-legend-button" class:is-selected=entry.selected
                                        aria-pressed=entry.selected.to_string()
                                        on:click=move |_| on_action.run(action)>
                                        <span class=swatch aria-hidden="true"></span>
                                        {entry.label}
                                    </button>
                                </li>
                            }.into_any(),
                            None => view! {
                                <li><span class=swatch aria-hidden="true"></span>{entry.label}</li>
                            }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            })
        })}
    }
}

#[component]
fn DataTableView(chart: Memo<Option<BarChart>>) -> impl IntoView {
    move || {
        chart.with(|c| {
            c.as_ref().map(|c| {
                view! {
                    <div class="td-table-wrap">
                        <table class="td-table td-data-table">
                            <caption class="td-visually-hidden">{c.title.clone()}</caption>
                            <thead><tr>{c.table.headers.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {c.table.rows.iter().map(|row| view! {
                                    <tr>{row.iter().enumerate().map(|(i, cell)| {
                                        let header = c.table.headers.get(i).cloned().unwrap_or_default();
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
            })
        })
    }
}

/// CSV of the table, SVG and PNG of the chart, each with the source line (and the
/// illustrative notice when it applies).
#[component]
fn Downloads(chart: Memo<Option<BarChart>>, labels: &'static Labels, export: Memo<ExportInfo>) -> impl IntoView {
    let name = move |ext: &str| {
        let prefix = export.with_untracked(|e| e.file_prefix.clone());
        let id = chart.with_untracked(|c| c.as_ref().map_or("chart", |c| c.id));
        format!("{prefix}-{id}.{ext}")
    };
    let render_svg = move || {
        let info = export.get_untracked();
        chart.with_untracked(|c| {
            c.as_ref().map(|c| {
                svg::render(c, &svg::Footer { source: &info.source, notice: info.notice.as_deref() })
            })
        })
    };
    let csv_click = move |_| {
        let text = chart.with_untracked(|c| c.as_ref().map(|c| csv::render(&c.table)));
        if let Some(text) = text {
            let _ = browser::download_text(&name("csv"), "text/csv;charset=utf-8", &text);
        }
    };
    let svg_click = move |_| {
        if let Some(doc) = render_svg() {
            let _ = browser::download_text(&name("svg"), "image/svg+xml;charset=utf-8", &doc);
        }
    };
    let png_click = move |_| {
        if let Some(doc) = render_svg() {
            let file = name("png");
            let height = svg::height_of(&doc).unwrap_or(600);
            spawn_local(async move {
                if let Err(e) = browser::download_svg_as_png(&file, &doc, svg::WIDTH, height).await {
                    web_sys::console::error_2(&"PNG export failed".into(), &e);
                }
            });
        }
    };
    let title = move || chart.with(|c| c.as_ref().map(|c| c.title.clone()).unwrap_or_default());
    view! {
        <div class="td-downloads" role="group" aria-label=move || format!("{}: {}", labels.downloads, title())>
            <span class="td-downloads-label" aria-hidden="true">{labels.downloads}</span>
            <button type="button" class="td-small-button" data-download="csv" on:click=csv_click
                aria-label=move || format!("{} {} ({})", labels.downloads, title(), "CSV")>{labels.download_csv}</button>
            <button type="button" class="td-small-button" data-download="png" on:click=png_click
                aria-label=move || format!("{} {} ({})", labels.downloads, title(), "PNG")>{labels.download_png}</button>
            <button type="button" class="td-small-button" data-download="svg" on:click=svg_click
                aria-label=move || format!("{} {} ({})", labels.downloads, title(), "SVG")>{labels.download_svg}</button>
        </div>
    }
}
