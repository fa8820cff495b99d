//! A chart as a standalone SVG document, for the SVG and PNG downloads: title, bars with their
//! values, legend, the source line and, for illustrative data, the notice — so an image shared
//! on its own still says what it is and where it comes from.

use std::fmt::Write;

use super::{BarChart, Series};
use crate::format::plain_decimal;

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

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

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

fn text_lines(out: &mut String, x: u32, y: u32, lines: &[String], attrs: &str) {
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{x}" y="{}" {attrs}>{}</text>"#,
            y + i as u32 * LINE_H,
            esc(line)
        );
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
pub fn render(chart: &BarChart, footer: &Footer) -> String {
    let mut body = String::new();
    let mut y = PAD + 18;
    let full = WIDTH - 2 * PAD;
    let _ = write!(
        body,
        r#"<text x="{PAD}" y="{y}" font-size="18" font-weight="700">{}</text>"#,
        esc(&chart.title)
    );
    y += 22;
    if !chart.subtitle.is_empty() {
        let _ = write!(
            body,
            r##"<text x="{PAD}" y="{y}" fill="#444">{}</text>"##,
            esc(&chart.subtitle)
        );
        y += 20;
    }
    if let Some(notice) = footer.notice {
        let lines = wrap(notice, full - 16);
        let h = lines.len() as u32 * LINE_H + 10;
        let _ = write!(
            body,
            r##"<rect x="{PAD}" y="{}" width="{full}" height="{h}" fill="#FFF4E5" stroke="#B35C00"/>"##,
            y - 4
        );
        text_lines(
            &mut body,
            PAD + 8,
            y + 10,
            &lines,
            r##"font-weight="700" fill="#7A3E00""##,
        );
        y += h + 8;
    }
    y += 6;

    let plot_x = PAD + LABEL_W;
    let value_x = plot_x + PLOT_W + 10;
    let value_w = WIDTH - PAD - value_x;
    for row in &chart.rows {
        let label_lines = wrap(&row.label, LABEL_W - 10);
        let value_lines = wrap(&row.value_text, value_w);
        let h = (label_lines.len().max(value_lines.len()) as u32 * LINE_H).max(BAR_H) + 10;
        text_lines(&mut body, PAD, y + 12, &label_lines, "");
        for seg in &row.segments {
            let x = plain_decimal(f64::from(plot_x) + seg.start * f64::from(PLOT_W), 1);
            let w = plain_decimal(((seg.end - seg.start) * f64::from(PLOT_W)).max(0.0), 1);
            let _ = write!(
                body,
                r##"<rect x="{x}" y="{}" width="{w}" height="{BAR_H}" fill="{}" stroke="#FFF" stroke-width="0.5"><title>{}</title></rect>"##,
                y,
                fill(seg.series),
                esc(&seg.label)
            );
        }
        for m in &row.markers {
            let x = plain_decimal(f64::from(plot_x) + m.at * f64::from(PLOT_W), 1);
            let _ = write!(
                body,
                r##"<line x1="{x}" x2="{x}" y1="{}" y2="{}" stroke="#222" stroke-width="2" stroke-dasharray="3 2"><title>{}</title></line>"##,
                y - 3,
                y + BAR_H + 3,
                esc(&m.label)
            );
        }
        text_lines(&mut body, value_x, y + 12, &value_lines, "");
        y += h;
    }
    if !chart.ticks.is_empty() {
        let _ = write!(
            body,
            r##"<line x1="{plot_x}" x2="{}" y1="{y}" y2="{y}" stroke="#888"/>"##,
            plot_x + PLOT_W
        );
        for t in &chart.ticks {
            let x = plain_decimal(f64::from(plot_x) + t.at * f64::from(PLOT_W), 1);
            let _ = write!(
                body,
                r##"<line x1="{x}" x2="{x}" y1="{y}" y2="{}" stroke="#888"/><text x="{x}" y="{}" text-anchor="middle" font-size="11" fill="#444">{}</text>"##,
                y + 4,
                y + 16,
                esc(&t.label)
            );
        }
        y += 24;
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
            if entry.series == Series::Target {
                let _ = write!(
                    body,
                    r##"<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="#222" stroke-width="2" stroke-dasharray="3 2"/>"##,
                    x + 7,
                    x + 7,
                    y - 2,
                    y + 12
                );
            } else {
                let _ = write!(
                    body,
                    r#"<rect x="{x}" y="{}" width="14" height="12" fill="{}"/>"#,
                    y - 1,
                    fill(entry.series)
                );
            }
            let _ = write!(
                body,
                r#"<text x="{}" y="{}">{}</text>"#,
                x + 20,
                y + 10,
                esc(&entry.label)
            );
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
        r##"font-size="12" fill="#333""##,
    );
    y += source_lines.len() as u32 * LINE_H + PAD;

    let mut defs = String::new();
    for series in [
        Series::Status(crate::tasks::Status::Overdue),
        Series::CompletedSum,
        Series::NotCompletedSum,
        Series::Estimate,
    ] {
        let _ = write!(
            defs,
            r##"<pattern id="hatch-{}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#FFF" stroke-width="2" stroke-opacity="0.6"/></pattern>"##,
            series.class(),
            series.color()
        );
    }
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{y}" viewBox="0 0 {WIDTH} {y}" font-family="system-ui, 'Segoe UI', Roboto, Arial, sans-serif" font-size="13" fill="#111"><title>{}</title><desc>{}</desc><defs>{defs}</defs><rect width="100%" height="100%" fill="#FFF"/>{body}</svg>"##,
        esc(&chart.title),
        esc(&chart.summary)
    )
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
    fn escaping_keeps_markup_out() {
        assert_eq!(esc("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
