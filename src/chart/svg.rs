//! A chart as a standalone SVG document, for the SVG and PNG downloads: title, bars with their
//! values, legend, the source line and, for illustrative data, the notice — so an image shared
//! on its own still says what it is and where it comes from.

use super::{BarChart, Series};
use crate::format::plain_decimal;
use crate::html::{Html, HtmlWriter};

/// What every exported image carries besides the chart.
pub struct Footer<'a> {
    /// "Nguồn: …" line(s).
    pub source: &'a str,
    /// The illustrative-data notice, when it applies.
    pub notice: Option<&'a str>,
}

pub const WIDTH: u32 = 860;
const PAD: u32 = 20;
const LABEL_W: u32 = 250;
const PLOT_W: u32 = 330;
const LINE_H: u32 = 16;
const BAR_H: u32 = 16;
/// Rough width of a character at 13 px, for wrapping (no text metrics outside a browser).
const CHAR_W: f64 = 6.6;

/// Greedy word wrap to `width` pixels.
fn wrap(text: &str, width: u32) -> Vec<String> {
    let max = ((f64::from(width) / CHAR_W) as usize).max(8);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One `<text>` per line; `attrs` are literal attributes (` fill="#333"`).
fn text_lines(w: &mut HtmlWriter, x: u32, y: u32, lines: &[String], attrs: &'static str) {
    for (i, line) in lines.iter().enumerate() {
        w.open("text")
            .attr_num("x", x)
            .attr_num("y", y + i as u32 * LINE_H)
            .attrs_static(attrs)
            .text(line)
            .close("text");
    }
}

fn fill(series: Series) -> String {
    if series.hatched() {
        format!("url(#hatch-{})", series.class())
    } else {
        series.color().to_owned()
    }
}

/// Renders `chart` with `footer` as an SVG document (UTF-8 text).
pub fn render(chart: &BarChart, footer: &Footer) -> Html {
    let mut body = HtmlWriter::default();
    let mut y = PAD + 18;
    let full = WIDTH - 2 * PAD;
    body.open("text")
        .attr_num("x", PAD)
        .attr_num("y", y)
        .attrs_static(r#" font-size="18" font-weight="700""#)
        .text(&chart.title)
        .close("text");
    y += 22;
    if !chart.subtitle.is_empty() {
        body.open("text")
            .attr_num("x", PAD)
            .attr_num("y", y)
            .attrs_static(r##" fill="#444""##)
            .text(&chart.subtitle)
            .close("text");
        y += 20;
    }
    if let Some(notice) = footer.notice {
        let lines = wrap(notice, full - 16);
        let h = lines.len() as u32 * LINE_H + 10;
        body.open("rect")
            .attr_num("x", PAD)
            .attr_num("y", y - 4)
            .attr_num("width", full)
            .attr_num("height", h)
            .attrs_static(r##" fill="#FFF4E5" stroke="#B35C00""##)
            .close_empty();
        text_lines(
            &mut body,
            PAD + 8,
            y + 10,
            &lines,
            r##" font-weight="700" fill="#7A3E00""##,
        );
        y += h + 8;
    }
    y += 6;

    if chart.columns {
        y = columns(&mut body, chart, y);
    } else {
        y = bars(&mut body, chart, y);
    }
    if !chart.legend.is_empty() {
        y += 6;
        let mut x = PAD;
        for entry in &chart.legend {
            let w = 22 + (entry.label.chars().count() as f64 * CHAR_W) as u32 + 16;
            if x + w > WIDTH - PAD {
                x = PAD;
                y += 20;
            }
            if entry.series == Series::Target && chart.columns {
                body.open("line")
                    .attr_num("x1", x)
                    .attr_num("x2", x + 14)
                    .attr_num("y1", y + 5)
                    .attr_num("y2", y + 5)
                    .attrs_static(TARGET_STROKE)
                    .close_empty();
            } else if entry.series == Series::Target {
                body.open("line")
                    .attr_num("x1", x + 7)
                    .attr_num("x2", x + 7)
                    .attr_num("y1", y - 2)
                    .attr_num("y2", y + 12)
                    .attrs_static(TARGET_STROKE)
                    .close_empty();
            } else {
                body.open("rect")
                    .attr_num("x", x)
                    .attr_num("y", y - 1)
                    .attrs_static(r#" width="14" height="12""#)
                    .attr("fill", &fill(entry.series))
                    .close_empty();
            }
            body.open("text")
                .attr_num("x", x + 20)
                .attr_num("y", y + 10)
                .text(&entry.label)
                .close("text");
            x += w;
        }
        y += 24;
    }
    y += 8;
    let source_lines = wrap(footer.source, full);
    text_lines(
        &mut body,
        PAD,
        y,
        &source_lines,
        r##" font-size="12" fill="#333""##,
    );
    y += source_lines.len() as u32 * LINE_H + PAD;

    let mut doc = HtmlWriter::default();
    doc.open("svg")
        .attrs_static(r#" xmlns="http://www.w3.org/2000/svg""#)
        .attr_num("width", WIDTH)
        .attr_num("height", y)
        .attr("viewBox", &format!("0 0 {WIDTH} {y}"))
        .attrs_static(r##" font-family="system-ui, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13" fill="#111""##)
        .element("title", &chart.title)
        .element("desc", &chart.summary)
        .raw_static("<defs>");
    for series in [
        Series::Status(crate::tasks::Status::Overdue),
        Series::CompletedSum,
        Series::NotCompletedSum,
        Series::Estimate,
    ] {
        doc.open("pattern")
            .attr("id", &format!("hatch-{}", series.class()))
            .attrs_static(r#" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)""#)
            .open("rect")
            .attrs_static(r#" width="6" height="6""#)
            .attr("fill", series.color())
            .close_empty()
            .raw_static(r##"<line x1="0" y1="0" x2="0" y2="6" stroke="#FFF" stroke-width="2" stroke-opacity="0.6"/></pattern>"##);
    }
    doc.raw_static(r##"</defs><rect width="100%" height="100%" fill="#FFF"/>"##)
        .push_html(&body.finish())
        .close("svg");
    doc.finish()
}

const TARGET_STROKE: &str = r##" stroke="#222" stroke-width="2" stroke-dasharray="3 2""##;

/// Columns ([`BarChart::columns`]), from `top`: the value axis on the left with its ticks as
/// light lines across, one column a period, its figures above it (one a line, wrapped to the
/// column) and its period under it. Returns where the next part starts.
fn columns(w: &mut HtmlWriter, chart: &BarChart, top: u32) -> u32 {
    const AXIS_W: u32 = 44;
    const PLOT_H: u32 = 200;
    let left = PAD + AXIS_W;
    let n = (chart.rows.len() as u32).max(1);
    let col_w = ((WIDTH - PAD - left) / n).min(130);
    let bar_w = col_w / 2;
    let texts: Vec<Vec<String>> = (chart.rows.iter())
        .map(|r| {
            r.value_text
                .split('\n')
                .flat_map(|l| wrap(l, col_w - 6))
                .collect()
        })
        .collect();
    let above = texts.iter().map(Vec::len).max().unwrap_or(0) as u32 * LINE_H;
    let plot_top = top + above + 8;
    let bottom = plot_top + PLOT_H;
    let y_at = |f: f64| f64::from(bottom) - f * f64::from(PLOT_H);
    let right = left + n * col_w;
    for t in &chart.ticks {
        let y = y_at(t.at);
        w.open("line")
            .attr_num("x1", left)
            .attr_num("x2", right)
            .attr("y1", &plain_decimal(y, 1))
            .attr("y2", &plain_decimal(y, 1))
            .attrs_static(r##" stroke="#DDD""##)
            .close_empty()
            .open("text")
            .attr_num("x", left - 6)
            .attr("y", &plain_decimal(y + 4.0, 1))
            .attrs_static(r##" text-anchor="end" font-size="11" fill="#444""##)
            .text(&t.label)
            .close("text");
    }
    w.open("line")
        .attr_num("x1", left)
        .attr_num("x2", left)
        .attr_num("y1", plot_top)
        .attr_num("y2", bottom)
        .attrs_static(r##" stroke="#888""##)
        .close_empty();
    let mut under = 0;
    for (i, (row, lines)) in chart.rows.iter().zip(&texts).enumerate() {
        let centre = left + i as u32 * col_w + col_w / 2;
        let x0 = centre - bar_w / 2;
        for seg in &row.segments {
            let h = ((seg.end - seg.start) * f64::from(PLOT_H)).max(0.0);
            w.open("rect")
                .attr_num("x", x0)
                .attr("y", &plain_decimal(y_at(seg.end), 1))
                .attr_num("width", bar_w)
                .attr("height", &plain_decimal(h, 1))
                .attr("fill", &fill(seg.series))
                .attrs_static(r##" stroke="#FFF" stroke-width="0.5""##)
                .element("title", &seg.label)
                .close("rect");
        }
        for m in &row.markers {
            let y = plain_decimal(y_at(m.at), 1);
            w.open("line")
                .attr_num("x1", x0 - 6)
                .attr_num("x2", x0 + bar_w + 6)
                .attr("y1", &y)
                .attr("y2", &y)
                .attrs_static(TARGET_STROKE)
                .element("title", &m.label)
                .close("line");
        }
        let first = plot_top - 8 - (lines.len() as u32).saturating_sub(1) * LINE_H;
        text_lines(
            w,
            centre,
            first,
            lines,
            r#" text-anchor="middle" font-size="12""#,
        );
        let label = wrap(&row.label, col_w - 4);
        text_lines(w, centre, bottom + 16, &label, r#" text-anchor="middle""#);
        under = under.max(label.len() as u32);
    }
    bottom + 16 + under * LINE_H
}

/// Bars, from `top`: label, bar with its markers, value, a row each; the axis under them.
/// Returns where the next part starts.
fn bars(body: &mut HtmlWriter, chart: &BarChart, mut y: u32) -> u32 {
    let plot_x = PAD + LABEL_W;
    let value_x = plot_x + PLOT_W + 10;
    let value_w = WIDTH - PAD - value_x;
    for row in &chart.rows {
        let label_lines = wrap(&row.label, LABEL_W - 10);
        let value_lines = wrap(&row.value_text, value_w);
        let h = (label_lines.len().max(value_lines.len()) as u32 * LINE_H).max(BAR_H) + 10;
        text_lines(body, PAD, y + 12, &label_lines, "");
        for seg in &row.segments {
            let x = plain_decimal(f64::from(plot_x) + seg.start * f64::from(PLOT_W), 1);
            let w = plain_decimal(((seg.end - seg.start) * f64::from(PLOT_W)).max(0.0), 1);
            body.open("rect")
                .attr("x", &x)
                .attr_num("y", y)
                .attr("width", &w)
                .attr_num("height", BAR_H)
                .attr("fill", &fill(seg.series))
                .attrs_static(r##" stroke="#FFF" stroke-width="0.5""##)
                .element("title", &seg.label)
                .close("rect");
        }
        for m in &row.markers {
            let x = plain_decimal(f64::from(plot_x) + m.at * f64::from(PLOT_W), 1);
            body.open("line")
                .attr("x1", &x)
                .attr("x2", &x)
                .attr_num("y1", y - 3)
                .attr_num("y2", y + BAR_H + 3)
                .attrs_static(TARGET_STROKE)
                .element("title", &m.label)
                .close("line");
        }
        text_lines(body, value_x, y + 12, &value_lines, "");
        y += h;
    }
    if !chart.ticks.is_empty() {
        body.open("line")
            .attr_num("x1", plot_x)
            .attr_num("x2", plot_x + PLOT_W)
            .attr_num("y1", y)
            .attr_num("y2", y)
            .attrs_static(r##" stroke="#888""##)
            .close_empty();
        for t in &chart.ticks {
            let x = plain_decimal(f64::from(plot_x) + t.at * f64::from(PLOT_W), 1);
            body.open("line")
                .attr("x1", &x)
                .attr("x2", &x)
                .attr_num("y1", y)
                .attr_num("y2", y + 4)
                .attrs_static(r##" stroke="#888""##)
                .close_empty()
                .open("text")
                .attr("x", &x)
                .attr_num("y", y + 16)
                .attrs_static(r##" text-anchor="middle" font-size="11" fill="#444""##)
                .text(&t.label)
                .close("text");
        }
        y += 24;
    }
    y
}

/// Height in pixels of a rendered SVG (read back from its `height` attribute), for the canvas
/// of the PNG export.
pub fn height_of(svg: &str) -> Option<u32> {
    let rest = &svg[svg.find(" height=\"")? + 9..];
    rest[..rest.find('"')?].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words() {
        let lines = wrap("Chưa hoàn thành, còn trong hạn theo kế hoạch", 120);
        assert!(lines.len() > 1);
        assert_eq!(
            lines.join(" "),
            "Chưa hoàn thành, còn trong hạn theo kế hoạch"
        );
    }

    #[test]
    fn the_document_says_what_it_shows_and_how_high_it_is() {
        let tally = crate::tasks::StatusTally::from_counts([5, 1, 2, 3]);
        let as_of = crate::snapshot::Date::from_ymd(2021, 3, 31).unwrap();
        let mut chart = super::super::status_chart(
            &tally,
            crate::tasks::StatusSet::default(),
            super::super::Reported::at(as_of),
            crate::format::Lang::Vi,
        );
        chart.title = "Tiến độ <b>\"Q1\"</b>".into();
        chart.summary = "a & b".into();
        let doc = render(
            &chart,
            &Footer {
                source: "Nguồn: x",
                notice: None,
            },
        );
        assert!(
            doc.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" width="860" height=""#),
            "{doc}"
        );
        assert!(
            doc.contains("<title>Tiến độ &lt;b&gt;&quot;Q1&quot;&lt;/b&gt;</title><desc>a &amp; b</desc><defs>"),
            "{doc}"
        );
        let height = height_of(&doc).unwrap();
        assert!(
            doc.contains(&format!(r#"viewBox="0 0 860 {height}""#)),
            "{doc}"
        );
        assert!(doc.ends_with("</text></svg>"), "{doc}");
    }

    // Guards: a chart of columns downloads as columns: each period's column standing on one
    // baseline, as high as its value, its target a line across it, named with its comparator.
    #[test]
    fn columns_download_as_columns() {
        use crate::snapshot::{parse_snapshot, SpanGroup};
        let text = include_str!("../../data/snapshots/quang-ninh-grdp-2019-2025.json");
        let snap = parse_snapshot("grdp.json", text).expect("valid");
        let s = snap.snapshot();
        let growth = s.growth.as_ref().expect("growth");
        let chart = super::super::growth_chart_of(
            growth,
            Some(SpanGroup::Year),
            &s.source,
            crate::format::Lang::En,
        );
        assert!(chart.columns);
        let doc = render(
            &chart,
            &Footer {
                source: "Source: x",
                notice: None,
            },
        );
        let doc = doc.as_str();
        // The columns: one a year, their bottoms on one line, 2019 (12.01%) taller than
        // 2024 (8.42%).
        let rects: Vec<(f64, f64)> = (doc.split("<rect ").skip(1))
            .filter(|r| r.contains("<title>"))
            .map(|r| {
                let num = |name: &str| -> f64 {
                    let at = r.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
                    r[at..at + r[at..].find('"').expect("end")]
                        .parse()
                        .expect("a number")
                };
                (num("y") + num("height"), num("height"))
            })
            .collect();
        assert_eq!(rects.len(), 6, "{doc}");
        assert!(
            rects.iter().all(|r| (r.0 - rects[0].0).abs() < 0.2),
            "{rects:?}"
        );
        assert!(rects[0].1 > rects[5].1, "{rects:?}");
        assert!(doc.contains(r#"text-anchor="middle">2019</text>"#), "{doc}");
        // A target: a horizontal line, named.
        let at_least = doc
            .find("<title>2021: target at least 10%")
            .expect("the 2021 target");
        let line = &doc[doc[..at_least].rfind("<line ").expect("its line")..at_least];
        let y = |a: &str| {
            line.split(&format!(" {a}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
        };
        assert_eq!(y("y1"), y("y2"), "{line}");
    }
}
