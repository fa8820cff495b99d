//! Reports side by side: the four statuses of each snapshot as a stacked 100 % bar (a group
//! a report gives only as a sum drawn as one), and, for the reports of one body, the
//! completion and overdue shares as a trend, each point labelled with its period and length.
//!
//! Shares, not counts, set the bars' lengths: the Government's 21.914 tasks and a province's
//! 833 can only be compared as parts of their own totals. The counts are in the text.

use super::rows::{fraction, series_label, tally_rows};
use super::{BarChart, BarRow, Cell, DataTable, LegendEntry, Segment, Series};
use crate::format::{self, count, date, fill, labels, lowercase, share, Lang};
use crate::html::{Html, HtmlWriter};
use crate::snapshot::{Date, HttpUrl, Text, ValidSnapshot};
use crate::tasks::{Status, StatusTally};
use crate::text::isolate;

/// One report of the view: its manifest entry's id and label, and its figures.
#[derive(Clone, Copy)]
pub struct Member<'a> {
    pub id: &'a str,
    /// The manifest entry's label ("Chính phủ, Thủ tướng: năm 2017").
    pub title: &'a Text,
    pub snap: &'a ValidSnapshot,
}

impl Member<'_> {
    fn tally(&self) -> Option<StatusTally> {
        self.snap.tasks().map(|t| t.totals)
    }

    fn start(&self) -> Option<Date> {
        self.snap.snapshot().period_start()
    }

    fn end(&self) -> Date {
        self.snap.snapshot().as_of
    }

    /// Days the report covers, both ends counted; `None` without a start.
    fn days(&self) -> Option<i32> {
        self.start().map(|s| self.end().days() - s.days() + 1)
    }
}

/// "01/01/2017–25/12/2017 (359 ngày)", or "đến 31/03/2021" without a start.
pub fn period_label(start: Option<Date>, end: Date, lang: Lang) -> String {
    let labels = labels(lang);
    match start {
        Some(s) => {
            let days = end.days() - s.days() + 1;
            let length = fill(
                labels.series_days,
                &[("n", &format::int(days.into(), lang))],
            );
            format!("{}–{} ({length})", date(s, lang), date(end, lang))
        }
        None => fill(labels.series_until, &[("d", &date(end, lang))]),
    }
}

/// The completion and overdue shares of one body's reports over time.
#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub title: String,
    pub points: Vec<TrendPoint>,
    /// Text alternative: every point's shares, in order.
    pub summary: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TrendPoint {
    /// The report's period and its length.
    pub label: String,
    /// Completed (on time and late) as a share of all tasks, 0–1.
    pub completed: f64,
    pub completed_text: String,
    /// Overdue as a share of all tasks, when the report gives overdue apart.
    pub overdue: Option<(f64, String)>,
}

/// What the series view draws.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesFigures {
    pub chart: BarChart,
    /// Only for two or more reports of one body: a line across bodies would read as a
    /// change over time.
    pub trend: Option<Trend>,
    /// What a reader must know to compare them: periods of other lengths, other bodies,
    /// illustrative figures among them.
    pub notes: Vec<String>,
}

/// A report's label, its source line and the source's address, as the view lists them.
pub type SourceItem = (String, String, Option<HttpUrl>);

/// Each report's source, in the order of `members`.
pub fn series_sources(members: &[Member<'_>], lang: Lang) -> Vec<SourceItem> {
    (members.iter())
        .map(|m| {
            let source = &m.snap.snapshot().source;
            let line = super::source_line(source, lang);
            (m.title.get(lang).to_owned(), line, source.url.clone())
        })
        .collect()
}

/// The reports of `members` side by side, in the order given (the view gives one body's
/// oldest first). `body`: the series' name when they are one body's reports. `None` when
/// none of them has task figures.
pub fn series_figures(
    members: &[Member<'_>],
    body: Option<&Text>,
    lang: Lang,
) -> Option<SeriesFigures> {
    let labels = labels(lang);
    let members: Vec<(Member<'_>, StatusTally)> = (members.iter())
        .filter_map(|m| m.tally().filter(|t| t.total() > 0).map(|t| (*m, t)))
        .collect();
    if members.is_empty() {
        return None;
    }
    // The chart's series: each of the four statuses and the two sums some report has, in
    // the order of the status chart.
    let order = [
        Series::Status(Status::OnTime),
        Series::Status(Status::Late),
        Series::CompletedSum,
        Series::Status(Status::Overdue),
        Series::Status(Status::WithinDeadline),
        Series::NotCompletedSum,
    ];
    let drawn: Vec<Series> = (order.into_iter())
        .filter(|s| {
            (members.iter()).any(|(_, t)| tally_rows(t).iter().any(|(series, _, _)| series == s))
        })
        .collect();

    let mut table = DataTable::new(&[labels.series_col_report, labels.series_col_period]);
    table
        .headers
        .extend(drawn.iter().map(|s| series_label(*s, lang)));
    table.headers.extend([
        labels.col_total.to_owned(),
        labels.series_col_completed_share.to_owned(),
        labels.series_col_overdue_share.to_owned(),
    ]);
    let dash = || Cell::text("–");
    let mut summary_parts = Vec::with_capacity(members.len());
    let rows = (members.iter())
        .map(|(m, t)| {
            let title = m.title.get(lang);
            let total = t.total();
            let period = period_label(m.start(), m.end(), lang);
            let completed = t.completed.sum();
            let overdue = t.get(Status::Overdue);
            let mut start = 0.0;
            let mut cells = vec![Cell::text(title), Cell::text(period.clone())];
            let mut segments = Vec::new();
            let parts = tally_rows(t);
            for series in &drawn {
                match parts.iter().find(|(s, _, _)| s == series) {
                    Some(&(_, _, n)) => {
                        cells.push(Cell::number(count(n, lang), n));
                        if n > 0 {
                            let end = start + fraction(n, total);
                            let label = format!(
                                "{}: {} {} ({})",
                                isolate(title),
                                lowercase(&series_label(*series, lang)),
                                count(n, lang),
                                share(n, total, lang)
                            );
                            segments.push(Segment::fixed(*series, start, end, label));
                            start = end;
                        }
                    }
                    None => cells.push(dash()),
                }
            }
            let completed_share = share(completed, total, lang);
            let overdue_share = overdue.map(|n| share(n, total, lang));
            cells.push(Cell::number(count(total, lang), total));
            cells.push(Cell::number(
                completed_share.clone(),
                format::plain_decimal(fraction(completed, total) * 100.0, 2),
            ));
            cells.push(match (overdue, &overdue_share) {
                (Some(n), Some(text)) => Cell::number(
                    text.clone(),
                    format::plain_decimal(fraction(n, total) * 100.0, 2),
                ),
                _ => dash(),
            });
            table.rows.push(cells);
            // Beside the bar, what its length does not say: how many tasks, how many overdue.
            // The sentence with the completed share and the period is the summary's and the
            // table's (and the trend's, for one body).
            let value_text = match &overdue_share {
                Some(o) => fill(
                    labels.series_value_short,
                    &[("n", &count(total, lang)), ("o", o)],
                ),
                None => fill(
                    labels.series_value_short_no_overdue,
                    &[("n", &count(total, lang))],
                ),
            };
            let sentence = match &overdue_share {
                Some(o) => fill(
                    labels.series_value,
                    &[
                        ("n", &count(total, lang)),
                        ("c", &completed_share),
                        ("o", o),
                    ],
                ),
                None => fill(
                    labels.series_value_no_overdue,
                    &[("n", &count(total, lang)), ("c", &completed_share)],
                ),
            };
            summary_parts.push(format!("{} ({period}): {sentence}", isolate(title)));
            BarRow::fixed(m.id.to_owned(), title.to_owned(), value_text, segments)
        })
        .collect();
    let legend = (drawn.iter())
        .map(|s| LegendEntry::new(*s, series_label(*s, lang)))
        .collect();
    let (title, subtitle) = match body {
        Some(body) => (labels.series_title, body.get(lang).to_owned()),
        None => (labels.compare_title, labels.compare_subtitle.to_owned()),
    };
    let chart = BarChart::new(
        "series",
        title.to_owned(),
        subtitle,
        rows,
        legend,
        format!("{}: {}.", title, summary_parts.join("; ")),
        table,
    );
    let trend = body
        .filter(|_| members.len() > 1)
        .map(|_| trend(&members, lang));
    Some(SeriesFigures {
        chart,
        trend,
        notes: notes(&members, lang),
    })
}

fn trend(members: &[(Member<'_>, StatusTally)], lang: Lang) -> Trend {
    let labels = labels(lang);
    let points: Vec<TrendPoint> = (members.iter())
        .map(|(m, t)| {
            let total = t.total();
            TrendPoint {
                label: period_label(m.start(), m.end(), lang),
                completed: fraction(t.completed.sum(), total),
                completed_text: share(t.completed.sum(), total, lang),
                overdue: (t.get(Status::Overdue))
                    .map(|n| (fraction(n, total), share(n, total, lang))),
            }
        })
        .collect();
    let told = |f: &dyn Fn(&TrendPoint) -> Option<String>| {
        (points.iter())
            .map(|p| match f(p) {
                Some(x) => format!("{x} ({})", p.label),
                None => format!("{} ({})", labels.series_not_split, p.label),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let summary = fill(
        labels.trend_summary,
        &[
            ("c", &told(&|p| Some(p.completed_text.clone()))),
            ("o", &told(&|p| p.overdue.as_ref().map(|o| o.1.clone()))),
        ],
    );
    Trend {
        title: labels.trend_title.to_owned(),
        points,
        summary,
    }
}

/// What the reader must be told before comparing these reports.
fn notes(members: &[(Member<'_>, StatusTally)], lang: Lang) -> Vec<String> {
    let labels = labels(lang);
    let mut notes = Vec::new();
    let first = &members[0].0;
    let same_period = (members.iter())
        .all(|(m, _)| m.start().is_some() && m.start() == first.start() && m.end() == first.end());
    let same_length = (members.iter()).all(|(m, _)| {
        m.days()
            .is_some_and(|d| first.days().is_some_and(|f| (d - f).abs() <= 3))
    });
    if members.len() > 1 && !same_period && !same_length {
        let periods = (members.iter())
            .map(|(m, _)| {
                format!(
                    "{}: {}",
                    isolate(m.title.get(lang)),
                    period_label(m.start(), m.end(), lang)
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        notes.push(fill(labels.note_periods_differ, &[("p", &periods)]));
    }
    let bodies = |m: &Member<'_>| m.snap.snapshot().jurisdiction.vi.clone();
    if (members.iter()).any(|(m, _)| bodies(m) != bodies(first)) {
        notes.push(labels.note_bodies_differ.to_owned());
    }
    let illustrative: Vec<&str> = (members.iter())
        .filter(|(m, _)| m.snap.is_illustrative())
        .map(|(m, _)| m.title.get(lang))
        .collect();
    if !illustrative.is_empty() {
        notes.push(fill(
            labels.note_illustrative_members,
            &[("r", &illustrative.join("; "))],
        ));
    }
    notes
}

/// The trend as an SVG line chart with its values written at each point (shares 0–100 %
/// on the vertical axis, the reports evenly spaced in order: periods of other lengths are
/// told by their labels and the notes, not by distances a reader would take for time).
pub fn trend_svg(trend: &Trend, lang: Lang) -> Html {
    let labels = labels(lang);
    // Room for "100%" at the ticks' size, right-aligned before the plot (the box clips what overflows).
    const LEFT: u32 = 54;
    const RIGHT: u32 = 16;
    const TOP: u32 = 24;
    const PLOT_H: u32 = 170;
    const H: u32 = TOP + PLOT_H + 78;
    // Room for a period's label (three short lines) under each point: the chart is as wide
    // as its points need, drawn at that size (text never shrinks below the page's) in a box
    // that scrolls sideways when the card is narrower: focusable (keys scroll it), a group named
    // by the title (not a second landmark of that name: the card is one).
    const STEP: u32 = 116;
    let n = trend.points.len().max(1) as u32;
    let w_total = LEFT + RIGHT + STEP * n;
    let x = |i: usize| LEFT + STEP * i as u32 + STEP / 2;
    // f64 → pixel rounding: `as u32` saturates, and a share is within 0–1.
    let y = |share: f64| TOP + PLOT_H - (share.clamp(0.0, 1.0) * f64::from(PLOT_H)).round() as u32;
    let mut w = HtmlWriter::default();
    w.raw_static("<div class=\"td-trend-scroll\" role=\"group\" tabindex=\"0\" aria-labelledby=\"td-trend-title\">");
    w.open("svg")
        .attrs_static(" class=\"td-trend-svg\" role=\"img\" aria-labelledby=\"td-trend-title\" aria-describedby=\"td-trend-summary\"")
        .attr_num("width", w_total)
        .attr_num("height", H)
        .attr("viewBox", &format!("0 0 {w_total} {H}"));
    // Grid lines at 0, 25, 50, 75 and 100 %, labelled.
    for pct in [0u32, 25, 50, 75, 100] {
        let gy = y(f64::from(pct) / 100.0);
        w.open("line")
            .attrs_static(" class=\"td-trend-grid\"")
            .attr_num("x1", LEFT)
            .attr_num("x2", w_total - RIGHT)
            .attr_num("y1", gy)
            .attr_num("y2", gy)
            .close_empty();
        w.open("text")
            .attrs_static(" class=\"td-trend-tick\" text-anchor=\"end\"")
            .attr_num("x", LEFT - 6)
            .attr_num("y", gy + 4)
            .text(&format!("{pct}%"))
            .close("text");
    }
    let line = |w: &mut HtmlWriter, class: &'static str, points: &[(u32, u32)]| {
        let d = (points.iter())
            .map(|(px, py)| format!("{px},{py}"))
            .collect::<Vec<_>>()
            .join(" ");
        w.open("polyline")
            .attrs_static(class)
            .attr("points", &d)
            .close_empty();
    };
    let completed: Vec<(u32, u32)> = (trend.points.iter().enumerate())
        .map(|(i, p)| (x(i), y(p.completed)))
        .collect();
    // Overdue drawn only between reports that give it: no line through a missing figure.
    let overdue: Vec<Option<(u32, u32)>> = (trend.points.iter().enumerate())
        .map(|(i, p)| p.overdue.as_ref().map(|o| (x(i), y(o.0))))
        .collect();
    line(&mut w, " class=\"td-trend-line s-done\"", &completed);
    for run in overdue.split(Option::is_none) {
        let run: Vec<(u32, u32)> = run.iter().flatten().copied().collect();
        line(
            &mut w,
            " class=\"td-trend-line td-trend-overdue s-od\"",
            &run,
        );
    }
    for (i, p) in trend.points.iter().enumerate() {
        let (px, py) = completed[i];
        w.open("circle")
            .attrs_static(" class=\"td-trend-dot s-done\" r=\"5\"")
            .attr_num("cx", px)
            .attr_num("cy", py)
            .close_empty();
        w.open("text")
            .attrs_static(" class=\"td-trend-value\" text-anchor=\"middle\"")
            .attr_num("x", px)
            .attr_num("y", py.saturating_sub(10))
            .text(&p.completed_text)
            .close("text");
        if let (Some((ox, oy)), Some(o)) = (overdue[i], &p.overdue) {
            // Above its mark, unless the completed share's label is there: then below.
            let label_y = if py.abs_diff(oy) < 30 && oy >= py {
                oy + 22
            } else {
                oy.saturating_sub(10)
            };
            w.open("rect")
                .attrs_static(" class=\"td-trend-dot s-od\" width=\"9\" height=\"9\"")
                .attr_num("x", ox - 4)
                .attr_num("y", oy - 4)
                .close_empty();
            w.open("text")
                .attrs_static(" class=\"td-trend-value\" text-anchor=\"middle\"")
                .attr_num("x", ox)
                .attr_num("y", label_y)
                .text(&o.1)
                .close("text");
        }
        // The period on up to three lines under the axis: its first day, its last, its length.
        let (dates, length) = match p.label.split_once(" (") {
            Some((d, l)) => (d, Some(format!("({l}"))),
            None => (p.label.as_str(), None),
        };
        // "01/01/2017–" over "25/12/2017"; "đến" over "31/03/2021" (no start given).
        let lines: Vec<String> = match (dates.split_once('–'), dates.split_once(' ')) {
            (Some((from, to)), _) => vec![format!("{from}–"), to.to_owned()],
            (None, Some((until, to))) => vec![until.to_owned(), to.to_owned()],
            (None, None) => vec![dates.to_owned()],
        };
        for (k, line) in lines.iter().chain(length.as_ref()).enumerate() {
            w.open("text")
                .attrs_static(" class=\"td-trend-label\" text-anchor=\"middle\"")
                .attr_num("x", px)
                .attr_num("y", TOP + PLOT_H + 26 + 18 * k as u32)
                .text(line)
                .close("text");
        }
    }
    w.close("svg");
    w.raw_static("</div>");
    // The legend as HTML: swatch and name, like the bar charts'.
    w.raw_static("<ul class=\"td-legend td-trend-legend\">");
    for (class, name) in [
        ("td-swatch td-trend-key-done", labels.trend_completed),
        ("td-swatch td-trend-key-overdue", labels.trend_overdue),
    ] {
        w.raw_static("<li>");
        w.open("span")
            .attr("class", class)
            .attrs_static(" aria-hidden=\"true\"")
            .close("span");
        w.text(name);
        w.raw_static("</li>");
    }
    w.raw_static("</ul>");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::parse_snapshot;

    fn snap(id: &str, body: &str, start: Option<&str>, as_of: &str, totals: &str) -> ValidSnapshot {
        let start = start.map_or(String::new(), |s| format!(r#""period_start": "{s}","#));
        let json = format!(
            r#"{{"format": "task-dashboard/snapshot", "version": 1, "id": "{id}",
            "title": {{"vi": "{id}"}}, "jurisdiction": {{"vi": "{body}"}}, "as_of": "{as_of}",
            "data_status": "official", "source": {{"name": "Báo", "url": "https://example.vn/a"}},
            "units": [], "tasks": {{{start} "totals": {totals}}}}}"#
        );
        parse_snapshot("t.json", json.as_str()).expect("a valid snapshot")
    }

    #[test]
    fn one_bodys_reports_give_a_trend_and_a_note_when_their_periods_differ() {
        let a = snap(
            "y2017",
            "Chính phủ",
            Some("2017-01-01"),
            "2017-12-25",
            r#"{"on_time": 14068, "late": 1983, "overdue": 223, "within_deadline": 5640}"#,
        );
        let b = snap(
            "m4",
            "Chính phủ",
            Some("2021-01-01"),
            "2021-04-30",
            r#"{"completed": 495, "overdue": 35, "within_deadline": 1059}"#,
        );
        let (ta, tb) = (
            Text::new("Năm 2017", "2017"),
            Text::new("4 tháng", "4 months"),
        );
        let members = [
            Member {
                id: "y2017",
                title: &ta,
                snap: &a,
            },
            Member {
                id: "m4",
                title: &tb,
                snap: &b,
            },
        ];
        let body = Text::new("Chính phủ", "The Government");
        let f = series_figures(&members, Some(&body), Lang::Vi).expect("figures");
        assert_eq!(f.chart.subtitle, "Chính phủ");
        let row = &f.chart.rows[0];
        assert_eq!(row.key, "y2017");
        assert_eq!(row.value_text, "21.914 nhiệm vụ · 1,0% quá hạn");
        // The 4 months give completed as a sum: one hatched segment, not two made up.
        let series: Vec<Series> = f.chart.rows[1].segments.iter().map(|s| s.series).collect();
        assert_eq!(
            series,
            [
                Series::CompletedSum,
                Series::Status(Status::Overdue),
                Series::Status(Status::WithinDeadline)
            ]
        );
        assert!((f.chart.rows[1].segments[2].end - 1.0).abs() < 1e-9);
        // The table: a dash where a report has no such figure.
        assert_eq!(f.chart.table.rows[1][2].text, "–");
        let trend = f.trend.expect("one body, two reports");
        assert_eq!(trend.points[1].completed_text, "31,2%");
        assert_eq!(trend.points[1].label, "01/01/2021–30/04/2021 (120 ngày)");
        assert!(
            trend
                .summary
                .contains("73,2% (01/01/2017–25/12/2017 (359 ngày))"),
            "{}",
            trend.summary
        );
        assert_eq!(f.notes.len(), 1, "{:?}", f.notes);
        assert!(f.notes[0].contains("359 ngày") && f.notes[0].contains("120 ngày"));
        let svg = trend_svg(&trend, Lang::Vi);
        assert!(svg.contains("31,2%") && svg.contains("(120 ngày)"));
        // Drawn at its own size in a region that scrolls, named by the trend's title.
        assert!(svg.starts_with("<div class=\"td-trend-scroll\" role=\"group\" tabindex=\"0\""));
        assert!(svg.contains("<svg class=\"td-trend-svg\" role=\"img\""));
        // Each period on its lines: first day, last day, length.
        for line in [">01/01/2021–<", ">30/04/2021<", ">(120 ngày)<"] {
            assert!(svg.contains(line), "{line}");
        }
    }

    // Guards: a period given only by its end reads "đến" over its date, never one long line
    // that runs into the next point's.
    #[test]
    fn a_period_without_a_start_is_labelled_on_two_lines() {
        let totals = r#"{"completed": 10, "overdue": 1, "within_deadline": 9}"#;
        let a = snap("q1", "UBND", None, "2021-03-31", totals);
        let b = snap("q2", "UBND", None, "2021-06-30", totals);
        let (ta, tb) = (Text::new("Quý I", "Q1"), Text::new("Quý II", "Q2"));
        let members = [
            Member {
                id: "q1",
                title: &ta,
                snap: &a,
            },
            Member {
                id: "q2",
                title: &tb,
                snap: &b,
            },
        ];
        let body = Text::new("UBND", "UBND");
        for (lang, until) in [(Lang::Vi, ">đến<"), (Lang::En, ">to<")] {
            let f = series_figures(&members, Some(&body), lang).expect("figures");
            let svg = trend_svg(&f.trend.expect("one body"), lang);
            assert_eq!(svg.matches(until).count(), 2, "{}", svg.as_str());
            assert!(
                svg.contains(">31/03/2021<") || svg.contains(">31 Mar 2021<"),
                "{}",
                svg.as_str()
            );
        }
    }

    #[test]
    fn other_bodies_side_by_side_have_no_trend_and_say_so() {
        let a = snap(
            "qn",
            "UBND tỉnh Quảng Ninh",
            None,
            "2021-03-31",
            r#"{"on_time": 506, "late": 123, "overdue": 41, "within_deadline": 1068}"#,
        );
        let b = snap(
            "qnam",
            "UBND tỉnh Quảng Nam",
            Some("2020-01-01"),
            "2020-07-06",
            r#"{"completed": 585, "overdue": 181, "within_deadline": 67}"#,
        );
        let (ta, tb) = (Text::new("QN", "QN"), Text::new("QNam", "QNam"));
        let members = [
            Member {
                id: "qn",
                title: &ta,
                snap: &a,
            },
            Member {
                id: "qnam",
                title: &tb,
                snap: &b,
            },
        ];
        let f = series_figures(&members, None, Lang::En).expect("figures");
        assert_eq!(f.trend, None);
        assert_eq!(f.chart.rows[0].value_text, "1,738 tasks · 2.4% overdue");
        assert!(
            (f.chart.summary)
                .contains("(to 31 Mar 2021): 1,738 tasks, 36.2% completed, 2.4% overdue"),
            "{}",
            f.chart.summary
        );
        assert_eq!(f.notes.len(), 2, "{:?}", f.notes);
        assert!(f.notes[0].contains("to 31 Mar 2021"));
        // Every status some report has, in the status chart's order.
        let legend: Vec<Series> = f.chart.legend.iter().map(|l| l.series).collect();
        assert_eq!(
            legend,
            [
                Series::Status(Status::OnTime),
                Series::Status(Status::Late),
                Series::CompletedSum,
                Series::Status(Status::Overdue),
                Series::Status(Status::WithinDeadline)
            ]
        );
    }
}
