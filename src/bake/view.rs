//! The baked view: the compact view of a snapshot as HTML text, with the rules that place
//! its bars.

use crate::chart::series::{series_figures, series_sources, Member, SeriesFigures, SourceItem};
use crate::chart::{parts, BarChart, BarRow, DataTable, LegendEntry, RowLimit, Tick};
use crate::format::{labels, Labels, Lang};
use crate::html::{Html, HtmlWriter};
use crate::markup;
use crate::redraw::bars::{
    along, bars_class, percent, row_class, segment_class, Along, RowKind, Shape,
};
use crate::snapshot::{Manifest, ValidSnapshot};
use crate::tasks::IndexedSnapshot;
use crate::view_state::{full_view_link, Part, ViewState};

/// A baked view: the page's `<body>` content and the rules that place its bars.
pub struct Baked {
    pub body: Html,
    pub css: String,
    /// The parts drawn: a link naming any other goes to the live view, which says the
    /// snapshot lacks it (`static/start.js`, `html[data-td-parts]`).
    pub parts: Vec<Part>,
}

/// The parts of [`Part::ALL`] a page of the reader build can show (not the task table, which
/// the full build draws) that `snap` has figures for; the series only with `series`.
pub fn bakeable_parts(snap: &IndexedSnapshot, series: bool) -> Vec<Part> {
    Part::ALL
        .into_iter()
        .filter(|p| match p {
            Part::Table => false,
            Part::Series => series,
            _ => p.held_by(snap),
        })
        .collect()
}

/// The series part of a page (`show=series` without `cmp=`): the reports of the snapshot's
/// body over time, as the live view draws them.
pub struct BakedSeries {
    pub figures: SeriesFigures,
    pub sources: Vec<SourceItem>,
}

/// The series part of snapshot `id`'s page in `lang`, from `files` (each snapshot of
/// `manifest` by id): only when its body has two or more reports, all of them in `files`.
/// Any other `show=series` link (one report, or reports chosen with `cmp=`) is drawn live.
pub fn baked_series(
    manifest: &Manifest,
    files: &[(&str, &ValidSnapshot)],
    id: &str,
    lang: Lang,
) -> Option<BakedSeries> {
    let view = ViewState {
        snapshot: Some(id.to_owned()),
        ..ViewState::default()
    };
    let reports = view.series_members(manifest);
    if !reports.baked() {
        return None;
    }
    let members = (reports.entries.iter())
        .map(|e| {
            let (_, snap) = files.iter().find(|(file, _)| *file == e.id)?;
            Some(Member {
                id: &e.id,
                title: &e.title,
                snap,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let figures = series_figures(&members, reports.body.map(|b| &b.title), lang)?;
    Some(BakedSeries {
        figures,
        sources: series_sources(&members, lang),
    })
}

/// What a baked page links to besides its figures.
pub struct Links<'a> {
    /// The full view of the same snapshot and language, relative to the page (`./?v=2&…`);
    /// `None` on the full build's own pages.
    pub full_view: Option<&'a str>,
    /// Other snapshots' pages (title, address), listed for readers without JavaScript.
    pub others: &'a [(String, String)],
}

/// The compact view of `snap` in `lang` with every part it has, as the live view draws it
/// for a link without filters. Each part is marked `data-part` so `start.js` and the page's
/// CSS show the parts a link names (every part without JavaScript).
pub fn compact_view(
    snap: &IndexedSnapshot,
    lang: Lang,
    links: &Links<'_>,
    series: Option<&BakedSeries>,
) -> Baked {
    let labels = labels(lang);
    let mut view = ViewState {
        lang,
        ..ViewState::default()
    };
    view.compact.on = true;
    let filter = view.task_filter(snap);
    let selection = filter.select(snap, view.table.sort, view.table.descending);
    let mut w = HtmlWriter::default();
    let mut css = String::new();

    // The shell (`ui::app`): the root, then what `ui::compact::CompactView` draws.
    w.raw_static(r#"<div class="td-root is-embed td-baked">"#);
    w.raw_static(r#"<header class="td-header td-header-compact"><div class="td-heading">"#)
        .push_html(&markup::heading(Some(snap), lang, true))
        .raw_static("</div></header>");
    // In the main landmark, as `ui::compact::CompactView` draws it: the notices, the load
    // state (empty once the data is there), the parts.
    w.raw_static(r#"<main class="td-panel">"#);
    let s = snap.snapshot();
    w.raw_static(r#"<div class="td-part">"#)
        .push_html(&markup::notices(
            &markup::Notices {
                illustrative: snap.is_illustrative(),
                note: s.notice.as_ref().map(|n| n.get(lang)),
                warnings: snap.warnings(),
                ..markup::Notices::default()
            },
            labels,
        ))
        .raw_static("</div>");
    w.raw_static(r#"<div class="td-part"></div>"#);
    let parts = bakeable_parts(snap, series.is_some());
    for &part in &parts {
        let chart = match part {
            Part::Headline => {
                w.raw_static(r#"<div class="td-part" data-part="headline">"#);
                if let Some(headline) = parts::headline_part(snap, &selection, lang) {
                    w.push_html(&markup::headline(&headline, labels));
                }
                w.raw_static("</div>");
                continue;
            }
            Part::Status => parts::status_part(snap, &selection, filter.statuses, lang),
            Part::Units => parts::units_part(
                snap,
                &selection,
                &filter,
                view.unit_chart.sort,
                view.unit_chart.all,
                lang,
            ),
            Part::Documents => parts::documents_part(snap, lang),
            Part::Schemes => parts::schemes_part(snap, lang),
            Part::Growth => parts::growth_part(snap, None, lang),
            Part::Series => {
                // As `ui::series::SeriesView` draws it: notes, the chart, the trend and sources.
                if let Some(series) = series {
                    let figures = &series.figures;
                    w.raw_static(r#"<div class="td-part" data-part="series">"#)
                        .push_html(&markup::series_notes(false, &[], &figures.notes, labels))
                        .raw_static("</div>");
                    card(&mut w, &mut css, &figures.chart, part, "", labels);
                    w.raw_static(r#"<div class="td-part" data-part="series">"#)
                        .push_html(&markup::series_after(
                            figures.trend.as_ref(),
                            &series.sources,
                            lang,
                            labels,
                        ))
                        .raw_static("</div>");
                }
                continue;
            }
            Part::Table => None,
        };
        if let Some(chart) = chart {
            // The unit chart's emphasis is the view's status filter, the others' their own.
            let highlight = match part {
                Part::Units => filter.statuses,
                _ => chart.highlight,
            };
            let statuses: Vec<&str> = highlight.iter().map(|s| s.code()).collect();
            card(&mut w, &mut css, &chart, part, &statuses.join(" "), labels);
        }
    }
    w.raw_static("</main>");
    let line = crate::chart::source_line(&s.source, lang);
    w.raw_static(r#"<footer class="td-footer">"#)
        .push_html(&markup::source_footer(
            Some((line.as_str(), s.source.url.as_ref())),
            links.full_view,
            labels,
        ))
        .raw_static("</footer>");
    without_javascript(&mut w, labels, links.others);
    w.raw_static("</div>");
    Baked {
        body: w.finish(),
        css,
        parts,
    }
}

/// The link to the full view of a baked page's view, relative to the page.
pub fn full_view_href(lang: Lang, snapshot: Option<&str>) -> String {
    let view = ViewState {
        lang,
        snapshot: snapshot.map(str::to_owned),
        ..ViewState::default()
    };
    full_view_link("./", &view)
}

/// What a reader without JavaScript is told, and where the other snapshots are.
fn without_javascript(w: &mut HtmlWriter, labels: &Labels, others: &[(String, String)]) {
    w.raw_static(r#"<noscript><div class="td-noscript"><p>"#)
        .text(labels.needs_javascript)
        .raw_static("</p>");
    if !others.is_empty() {
        w.raw_static("<p>")
            .text(labels.other_snapshots)
            .raw_static("</p><ul>");
        for (title, href) in others {
            w.raw_static("<li>")
                .open("a")
                .attr("href", href)
                .text(title)
                .raw_static("</a></li>");
        }
        w.raw_static("</ul>");
    }
    w.raw_static("</div></noscript>");
}

/// A chart card, as `ui::chart::ChartCard` draws it in a compact view (bars not pressable,
/// no downloads), with its data table filled: without JavaScript it is the table readers
/// open.
fn card(
    w: &mut HtmlWriter,
    css: &mut String,
    chart: &BarChart,
    part: Part,
    statuses: &str,
    labels: &Labels,
) {
    let id = chart.id;
    let (title_id, summary_id) = (format!("td-{id}-title"), format!("td-{id}-summary"));
    w.open("section")
        .attrs_static(r#" class="td-card""#)
        .attr("aria-labelledby", &title_id)
        .attr("id", &format!("td-{id}"))
        .attr("data-part", part.code());
    w.raw_static(r#"<header class="td-card-head">"#)
        .open("h2")
        .attr("id", &title_id)
        .text(&chart.title)
        .close("h2")
        .raw_static(r#"<p class="td-subtitle">"#)
        .text(&chart.subtitle)
        .raw_static("</p></header>");
    w.open("p")
        .attrs_static(r#" class="td-summary""#)
        .attr("id", &summary_id)
        .text(&chart.summary)
        .close("p");
    let bars_id = format!("td-{id}-bars");
    w.open("div")
        .attr("class", bars_class(chart.columns))
        .attr("id", &bars_id)
        .attrs_static(r#" role="group""#)
        .attr("aria-labelledby", &title_id)
        .attr("aria-describedby", &summary_id)
        .attr("data-statuses", statuses);
    let mut place = Placer {
        css,
        bars: &bars_id,
        along: along(chart.columns),
    };
    for (r, row) in chart.rows.iter().enumerate() {
        bar_row(w, &mut place, r + 1, row);
    }
    if !chart.ticks.is_empty() {
        axis(w, &mut place, &chart.ticks);
    }
    if let Some(limit) = &chart.row_limit {
        row_limit(w, limit);
    }
    w.close("div");
    legend(w, &chart.legend);
    data_table(w, &chart.title, &chart.table, labels);
    w.close("section");
}

/// Writes the rules that place a chart's bars, ticks and markers.
struct Placer<'a> {
    css: &'a mut String,
    /// The id of the chart's `.td-bars`.
    bars: &'a str,
    /// Across the track (bars) or up it (columns).
    along: Along,
}

impl Placer<'_> {
    /// `.td-baked #bars>:nth-child(row)>.td-track>:nth-child(item){left:…;width:…}` (for
    /// columns, `bottom` and `height`). Within `.td-baked` only: the rules stay in the page once
    /// the WASM has drawn the live view, whose charts have the same ids and may be of another
    /// snapshot or drawn as columns; there the painter's own places must be the only ones.
    fn place(&mut self, row: &str, item: usize, start: f64, length: Option<f64>) {
        use std::fmt::Write;
        let _ = write!(
            self.css,
            ".td-baked #{}>{row}>.td-track>:nth-child({item}){{{}:{}",
            self.bars,
            self.along.start,
            percent(start)
        );
        if let Some(length) = length {
            let _ = write!(self.css, ";{}:{}", self.along.length, percent(length));
        }
        self.css.push_str("}\n");
    }
}

/// A static row: label, track of segments and markers, value (`ui::paint::bars::build_row`).
fn bar_row(w: &mut HtmlWriter, place: &mut Placer<'_>, nth: usize, row: &BarRow) {
    let shape = Shape::of(row, false);
    debug_assert_eq!(
        shape.kind,
        RowKind::Static,
        "baked charts are not pressable"
    );
    w.open("div")
        .attr("class", &row_class(row, shape.kind))
        .raw_static(r#"<span class="td-label">"#)
        .text(&row.label)
        .raw_static(r#"</span><span class="td-track">"#);
    let selector = format!(":nth-child({nth})");
    let mut item = 0;
    for (i, s) in row.segments.iter().enumerate() {
        item += 1;
        place.place(&selector, item, s.start, Some(s.end - s.start));
        w.open("span")
            .attr("class", &segment_class(s))
            .attr("data-tip", &i.to_string())
            .attrs_static(r#" tabindex="0" role="img""#)
            .attr("aria-label", &s.label)
            .close("span");
    }
    for (i, m) in row.markers.iter().enumerate() {
        item += 1;
        place.place(&selector, item, m.at, None);
        w.open("span")
            .attrs_static(r#" class="td-marker""#)
            .attr("data-tip", &format!("m{i}"))
            .attrs_static(r#" tabindex="0" role="img""#)
            .attr("aria-label", &m.label)
            .close("span");
    }
    w.raw_static(r#"</span><span class="td-value">"#)
        .text(&row.value_text)
        .raw_static("</span></div>");
}

/// The axis under the rows (`ui::paint::bars::build_axis`).
fn axis(w: &mut HtmlWriter, place: &mut Placer<'_>, ticks: &[Tick]) {
    w.raw_static(
        r#"<div class="td-row td-axis" aria-hidden="true"><span></span><span class="td-track">"#,
    );
    for (i, tick) in ticks.iter().enumerate() {
        place.place(".td-axis", i + 1, tick.at, None);
        w.raw_static(r#"<span class="td-tick">"#)
            .text(&tick.label)
            .raw_static("</span>");
    }
    w.raw_static("</span><span></span></div>");
}

/// "Showing 10 of 33 units." (no button: a compact view's charts are not pressable).
fn row_limit(w: &mut HtmlWriter, limit: &RowLimit) {
    w.raw_static(r#"<p class="td-more">"#)
        .text(&limit.note)
        .raw_static("</p>");
}

fn legend(w: &mut HtmlWriter, entries: &[LegendEntry]) {
    if entries.is_empty() {
        return;
    }
    w.raw_static(r#"<ul class="td-legend">"#);
    for entry in entries {
        w.raw_static("<li>")
            .open("span")
            .attr("class", &format!("td-swatch {}", entry.series.class()))
            .attrs_static(r#" aria-hidden="true""#)
            .close("span")
            .text(&entry.label)
            .raw_static("</li>");
    }
    w.raw_static("</ul>");
}

/// The data table, closed (`ui::paint::rows`: row headers, `data-label` on every cell).
fn data_table(w: &mut HtmlWriter, title: &str, table: &DataTable, labels: &Labels) {
    w.raw_static(r#"<details class="td-table-toggle"><summary>"#)
        .text(labels.show_table)
        .raw_static(r#"</summary><div class="td-table-wrap"><table class="td-table td-data-table"><caption class="td-visually-hidden">"#)
        .text(title)
        .raw_static("</caption><thead><tr>");
    for header in &table.headers {
        w.raw_static(r#"<th scope="col">"#)
            .text(header)
            .raw_static("</th>");
    }
    w.raw_static("</tr></thead><tbody>");
    for row in &table.rows {
        w.raw_static("<tr>");
        for (c, cell) in row.iter().enumerate() {
            let tag = if c == 0 { "th" } else { "td" };
            w.open(tag);
            if c == 0 {
                w.attrs_static(r#" scope="row""#);
            }
            if let Some(header) = table.headers.get(c) {
                w.attr("data-label", header);
            }
            w.text(&cell.text).close(tag);
        }
        w.raw_static("</tr>");
    }
    w.raw_static("</tbody></table></div></details>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::parse_snapshot;

    fn official() -> IndexedSnapshot {
        let text = include_str!("../../data/snapshots/quang-ninh-2021-q1.json");
        IndexedSnapshot::new(parse_snapshot("quang-ninh-2021-q1.json", text).expect("valid"))
    }

    #[test]
    fn a_baked_view_holds_every_figure_of_its_parts() {
        let snap = official();
        let href = full_view_href(Lang::Vi, None);
        let baked = compact_view(
            &snap,
            Lang::Vi,
            &Links {
                full_view: Some(&href),
                others: &[],
            },
            None,
        );
        let html = baked.body.as_str();
        for text in [
            // The headline and the status chart, as the article gives them (FACTS.md).
            "1.738",
            r#"data-part="headline""#,
            r#"id="td-status-bars""#,
            // The source line and the link to the full view.
            r#"class="td-footer""#,
            r#"href="./""#,
            "<noscript>",
        ] {
            assert!(html.contains(text), "{text} missing from {html}");
        }
        assert!(!html.contains("style="), "no inline styles under the CSP");
        // Every segment is placed by the page's rules, with its width.
        let segments = html.matches(r#"<span class="td-seg "#).count();
        assert!(segments > 0);
        assert_eq!(baked.css.matches(";width:").count(), segments);
        assert!(
            baked.css.starts_with(
                ".td-baked #td-status-bars>:nth-child(1)>.td-track>:nth-child(1){left:0.000%;width:"
            ),
            "{}",
            baked.css
        );
    }

    // Guards: the page of one of a body's several reports bakes its series (show=series),
    // oldest first, with the trend and each report's source, as the live view draws it; a
    // report alone in its series bakes none (such a link is drawn live).
    #[test]
    fn a_bodys_reports_bake_their_series() {
        let manifest = crate::snapshot::parse_manifest(
            "manifest.json",
            include_str!("../../data/manifest.json"),
        )
        .expect("valid");
        let file = |id: &str, text: &str| parse_snapshot(id, text).expect("valid");
        let reports = [
            file(
                "2017",
                include_str!("../../data/snapshots/chinh-phu-2017.json"),
            ),
            file(
                "4t",
                include_str!("../../data/snapshots/chinh-phu-2021-4t.json"),
            ),
            file(
                "8t",
                include_str!("../../data/snapshots/chinh-phu-2021-8t.json"),
            ),
            file(
                "qn",
                include_str!("../../data/snapshots/quang-ninh-2021-q1.json"),
            ),
        ];
        let files: Vec<(&str, &ValidSnapshot)> = reports
            .iter()
            .map(|r| (r.snapshot().id.as_str(), r))
            .collect();
        assert!(baked_series(&manifest, &files, "quang-ninh-2021-q1", Lang::Vi).is_none());
        // A report whose file is missing: no series rather than a partial one.
        assert!(baked_series(&manifest, &files[1..], "chinh-phu-2021-8t", Lang::Vi).is_none());

        let series = baked_series(&manifest, &files, "chinh-phu-2021-8t", Lang::Vi).expect("3");
        let keys: Vec<&str> = series
            .figures
            .chart
            .rows
            .iter()
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(
            keys,
            ["chinh-phu-2017", "chinh-phu-2021-4t", "chinh-phu-2021-8t"]
        );
        assert_eq!(series.sources.len(), 3);
        let snap = IndexedSnapshot::new(file(
            "8t",
            include_str!("../../data/snapshots/chinh-phu-2021-8t.json"),
        ));
        let links = Links {
            full_view: None,
            others: &[],
        };
        let baked = compact_view(&snap, Lang::Vi, &links, Some(&series));
        assert_eq!(baked.parts.last(), Some(&Part::Series));
        let html = baked.body.as_str();
        for text in [
            r#"<section class="td-card" aria-labelledby="td-series-title" id="td-series" data-part="series">"#,
            r#"id="td-series-bars""#,
            r#"<div class="td-part" data-part="series"><p class="td-note td-series-note">"#,
            r#"class="td-trend-svg""#,
            "21.914 nhiệm vụ · 1,0% quá hạn",
            "1270/BC-TCTTTg",
        ] {
            assert!(html.contains(text), "{text} missing from {html}");
        }
        assert!(
            baked.css.contains(".td-baked #td-series-bars>"),
            "{}",
            baked.css
        );
    }

    #[test]
    fn a_baked_view_in_english_is_in_english() {
        let snap = official();
        let baked = compact_view(
            &snap,
            Lang::En,
            &Links {
                full_view: None,
                others: &[("Other".into(), "index.x.en.html".into())],
            },
            None,
        );
        let html = baked.body.as_str();
        assert!(html.contains("1,738"), "{html}");
        assert!(html.contains(labels(Lang::En).needs_javascript));
        assert!(html.contains(r#"<a href="index.x.en.html">Other</a>"#));
        assert!(!html.contains("td-full-link"));
    }

    #[test]
    fn a_snapshot_without_task_figures_shows_no_headline_figures() {
        let text = include_str!("../../data/snapshots/quang-ninh-2021-q1.json");
        let mut json: serde_json::Value = serde_json::from_str(text).expect("JSON");
        json.as_object_mut().expect("an object").remove("tasks");
        let snap = parse_snapshot("growth-only.json", json.to_string().as_str()).expect("valid");
        let baked = compact_view(
            &IndexedSnapshot::new(snap),
            Lang::Vi,
            &Links {
                full_view: None,
                others: &[],
            },
            None,
        );
        let html = baked.body.as_str();
        // Not "0 nhiệm vụ được giao · 0% · 0%": nothing, and the page says it has no such
        // part, so a link naming it goes to the live view's notice.
        assert!(!html.contains(r#"data-part="headline""#), "{html}");
        assert_eq!(
            baked.parts,
            [Part::Documents, Part::Schemes, Part::Growth],
            "the parts the page draws"
        );
        assert!(!html.contains("data-figure"), "{html}");
        assert!(!html.contains(r#"id="td-status""#), "{html}");
        assert!(html.contains(r#"id="td-growth""#), "{html}");
    }

    // Guards: a column chart bakes as the live view draws it: the `.td-columns` container
    // and rules placing its points up the track (`bottom`, `height`), within the baked view.
    #[test]
    fn a_column_chart_bakes_with_rules_placing_up_the_track() {
        let text = include_str!("../../data/snapshots/quang-ninh-grdp-2019-2025.json");
        let snap = IndexedSnapshot::new(parse_snapshot("grdp.json", text).expect("valid"));
        let chart = parts::growth_part(&snap, Some(crate::snapshot::SpanGroup::Year), Lang::En)
            .expect("growth");
        let (mut w, mut css) = (HtmlWriter::default(), String::new());
        card(&mut w, &mut css, &chart, Part::Growth, "", labels(Lang::En));
        let html = w.finish();
        assert!(
            html.as_str()
                .contains(r#"<div class="td-bars td-columns" id="td-growth-bars""#),
            "{}",
            html.as_str()
        );
        assert!(
            css.starts_with(
                ".td-baked #td-growth-bars>:nth-child(1)>.td-track>:nth-child(1){bottom:0.000%;height:"
            ),
            "{css}"
        );
        assert!(!css.contains("left:") && !css.contains("width:"), "{css}");
    }
}
