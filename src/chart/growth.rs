//! The growth chart: each period's measured growth as a bar and its targets as markers, on one
//! value axis with round ticks.

use super::rows::series_label;
use super::source_line;
use super::{BarChart, BarRow, Cell, DataTable, LegendEntry, Marker, Segment, Series, Tick};
use crate::format::{self, capitalise, labels, percent, Lang};
use crate::snapshot::{FigureKind, Growth, GrowthPoint, Source, SpanGroup};

/// The value axis of the growth chart, in percent: from 0, or from a round value below the
/// lowest negative figure, to a round value at or above the highest figure (at least one step
/// above 0), with a tick every `step`: 2 points when the figures span at most 16, else 5.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Axis {
    lo: f64,
    hi: f64,
    step: f64,
}

impl Axis {
    /// The axis that shows every one of `values` (actuals, estimates and targets).
    fn covering(values: impl Iterator<Item = f64> + Clone) -> Axis {
        let high = values.clone().fold(0.0_f64, f64::max);
        let low = values.fold(0.0_f64, f64::min);
        let step = if high - low <= 16.0 { 2.0 } else { 5.0 };
        Axis {
            lo: -nice_ceiling(-low, step) * f64::from(u8::from(low < 0.0)),
            hi: nice_ceiling(high, step),
            step,
        }
    }

    /// Where `v` sits, as a fraction (0–1) of the plot width.
    fn at(&self, v: f64) -> f64 {
        ((v - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0)
    }

    /// Calls `tick` with each tick value, from `lo` to `hi` every `step`. (A loop rather than
    /// an iterator: collecting `successors(..).take_while(..)` cost 0.2 KB gzip of WASM.)
    fn for_each_tick(&self, mut tick: impl FnMut(f64)) {
        let mut t = self.lo;
        while t <= self.hi + 1e-9 {
            tick(t);
            t += self.step;
        }
    }
}

/// A round upper bound for the axis: 12,4 → 14.
fn nice_ceiling(x: f64, step: f64) -> f64 {
    ((x / step).ceil() * step).max(step)
}

/// Growth per period: the measured value as a bar (actual solid, estimate hatched) and each
/// target as a marker, on one axis from 0 (or the lowest negative value).
pub fn growth_chart(growth: &Growth, snapshot_source: &Source, lang: Lang) -> BarChart {
    growth_chart_of(growth, None, snapshot_source, lang)
}

/// The growth chart of one kind of period (`only`: years, quarters, or parts of a year), or of
/// all of them. Periods of other kinds are left out of the bars, the summary and the table.
pub fn growth_chart_of(
    growth: &Growth,
    only: Option<SpanGroup>,
    snapshot_source: &Source,
    lang: Lang,
) -> BarChart {
    let mut points: Vec<&GrowthPoint> = (growth.points.iter())
        .filter(|p| only.is_none_or(|group| p.period.span.group() == group))
        .collect();
    // Years alone, or quarters alone, are a time series of like periods: columns read it
    // better, time running left to right as readers expect of a series, and one column's
    // height against the next is the comparison a reader makes. The parts of a year (6 and 9
    // months, cumulative, beside the last six months) and all periods together stay bars:
    // as neighbouring columns, a cumulative figure would read as the period after the one
    // before it. Columns come in time order, whatever the file's order.
    let columns = matches!(only, Some(SpanGroup::Year | SpanGroup::Quarter));
    if columns {
        crate::order::sort_by_key(&mut points, |p| (p.period.year, p.period.span));
    }
    let labels = labels(lang);
    let axis = Axis::covering(points.iter().flat_map(|p| p.values.iter().map(|v| v.value)));
    let mut table = DataTable::new(&[
        labels.col_period,
        labels.col_kind,
        labels.col_value,
        labels.col_comparator,
        labels.source,
    ]);
    let mut used = Vec::new();
    // The comparators of the targets drawn, for the legend: "target (> above, ≥ at least)".
    let mut comparators = Vec::new();
    let rows = points
        .iter()
        .map(|p| {
            let label = capitalise(&format::period(p.period, lang));
            let mut segments = Vec::new();
            let mut markers = Vec::new();
            let mut texts: Vec<String> = Vec::new();
            for v in format::told_in_order(&p.values) {
                let source = v.source.as_ref().unwrap_or(snapshot_source);
                table.rows.push(vec![
                    Cell::text(label.clone()),
                    Cell::text(format::value_kind(v, lang)),
                    Cell::number(
                        format::comparator_value(v, lang),
                        format::plain_number(v.value, 2),
                    ),
                    // Its own column, so a spreadsheet keeps the value a plain number and
                    // still says a target is a floor ("at least") or a bar to pass ("above").
                    Cell::text(format::comparator_words(v.comparator, lang)),
                    Cell::text(source_line(source, lang)),
                ]);
                // A revised or disputed figure is told beside the current one, never drawn.
                if !v.status.is_current() {
                    if let Some(last) = texts.last_mut() {
                        last.push(' ');
                        last.push_str(&format::other_value(v, lang));
                    }
                    continue;
                }
                let words = format::growth_value(v, lang);
                texts.push(format::growth_value_short(v, lang));
                match v.kind {
                    FigureKind::Target => {
                        if let Some(c) = v.comparator {
                            comparators.push(c);
                        }
                        markers.push(Marker {
                            at: axis.at(v.value),
                            label: format!("{label}: {words}"),
                        });
                        used.push(Series::Target);
                    }
                    kind => {
                        let series = if kind == FigureKind::Actual {
                            Series::Actual
                        } else {
                            Series::Estimate
                        };
                        used.push(series);
                        let (a, b) = (axis.at(0.0), axis.at(v.value));
                        segments.push(Segment::fixed(
                            series,
                            a.min(b),
                            a.max(b),
                            format!("{label}: {words}"),
                        ));
                    }
                }
            }
            // A column's figures stand one a line above it (`white-space: pre-line`).
            let joint = if columns { "\n" } else { " · " };
            BarRow::fixed(p.period.to_string(), label, texts.join(joint), segments)
                .with_markers(markers)
        })
        .collect();
    let legend = [Series::Actual, Series::Estimate, Series::Target]
        .into_iter()
        .filter(|s| used.contains(s))
        .map(|series| {
            let mut label = series_label(series, lang);
            if series == Series::Target {
                label.push_str(&format::comparator_key(&comparators, lang));
            }
            LegendEntry::new(series, label)
        })
        .collect();
    let mut chart = BarChart::new(
        "growth",
        labels.chart_growth.to_owned(),
        growth.indicator.get(lang).to_owned(),
        rows,
        legend,
        format::growth_summary(&points, lang),
        table,
    );
    axis.for_each_tick(|t| {
        chart.ticks.push(Tick {
            at: axis.at(t),
            label: percent(t, lang),
        })
    });
    chart.columns = columns;
    chart
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::{Comparator, Date, GrowthPoint, GrowthValue, Period, Text, ValueStatus};

    /// The ticks of the axis for `values`, after checking what every axis must be: ticks a
    /// step (2 or 5) apart, each a multiple of it, from the plot's left edge to its right,
    /// covering every value and 0.
    #[track_caller]
    fn nice_ticks(values: &[f64]) -> Vec<f64> {
        let axis = Axis::covering(values.iter().copied());
        let mut ticks = Vec::new();
        axis.for_each_tick(|t| ticks.push(t));
        assert!(
            [2.0, 5.0].contains(&axis.step),
            "step {} for {values:?}",
            axis.step
        );
        assert!(ticks.iter().all(|t| t % axis.step == 0.0), "{ticks:?}");
        assert!(
            ticks.windows(2).all(|w| w[1] - w[0] == axis.step),
            "{ticks:?}"
        );
        let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
        assert_eq!((first, last), (axis.lo, axis.hi));
        assert_eq!((axis.at(first), axis.at(last)), (0.0, 1.0));
        assert!(first <= 0.0 && last > 0.0, "{ticks:?}");
        let covered = |v: &f64| first <= *v && *v <= last;
        assert!(values.iter().all(covered), "{ticks:?} for {values:?}");
        ticks
    }

    #[track_caller]
    fn check_ticks(values: &[f64], expected: &[f64]) {
        assert_eq!(nice_ticks(values), expected, "for {values:?}");
    }

    #[test]
    fn a_single_figure_gets_an_axis_from_zero_to_the_next_even_point() {
        check_ticks(&[9.02], &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        check_ticks(&[12.4], &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0]);
    }

    #[test]
    fn a_figure_on_a_tick_ends_the_axis_there() {
        check_ticks(&[8.0], &[0.0, 2.0, 4.0, 6.0, 8.0]);
    }

    #[test]
    fn equal_figures_get_the_axis_of_one() {
        check_ticks(&[7.0, 7.0, 7.0], &[0.0, 2.0, 4.0, 6.0, 8.0]);
    }

    #[test]
    fn negative_figures_extend_the_axis_below_zero() {
        check_ticks(&[-3.1, 5.0], &[-4.0, -2.0, 0.0, 2.0, 4.0, 6.0]);
    }

    #[test]
    fn an_axis_of_negative_figures_still_reaches_one_step_above_zero() {
        check_ticks(&[-3.0, -1.5], &[-4.0, -2.0, 0.0, 2.0]);
    }

    #[test]
    fn zero_or_no_figures_get_the_smallest_axis() {
        check_ticks(&[0.0], &[0.0, 2.0]);
        check_ticks(&[], &[0.0, 2.0]);
    }

    #[test]
    fn figures_spanning_at_most_16_points_tick_every_2() {
        check_ticks(
            &[0.0, 16.0],
            &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 14.0, 16.0],
        );
        check_ticks(
            &[-6.0, 10.0],
            &[-6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0],
        );
    }

    #[test]
    fn figures_spanning_more_than_16_points_tick_every_5() {
        check_ticks(&[-0.5, 16.0], &[-5.0, 0.0, 5.0, 10.0, 15.0, 20.0]);
        check_ticks(&[17.0], &[0.0, 5.0, 10.0, 15.0, 20.0]);
    }

    #[test]
    fn any_figures_get_round_ticks_covering_them() {
        // Figures from -25 to 25 in steps of 0.7, alone and in pairs.
        let figures: Vec<f64> = (-36..=36).map(|i| f64::from(i) * 0.7).collect();
        for &a in &figures {
            nice_ticks(&[a]);
            for &b in &figures {
                nice_ticks(&[a, b]);
            }
        }
    }

    fn value(kind: FigureKind, value: f64) -> GrowthValue {
        GrowthValue {
            kind,
            value,
            comparator: None,
            note: None,
            source: None,
            status: ValueStatus::Current,
        }
    }

    // Guards: a reader may look at one kind of period alone: years, quarters, or the parts
    // of a year; the others leave the bars, the summary and the table.
    #[test]
    fn one_kind_of_period_at_a_time() {
        let growth = Growth {
            indicator: Text::new("Tăng trưởng GRDP", "GRDP growth"),
            points: ["2021-Q1", "2021-H1", "2021-9M", "2021", "2022-Q1", "2022"]
                .iter()
                .map(|p| GrowthPoint {
                    period: Period::parse(p).expect("a period"),
                    values: vec![value(FigureKind::Estimate, 8.0)],
                })
                .collect(),
        };
        let keys = |only| {
            let c = growth_chart_of(&growth, only, &source("Report"), Lang::En);
            assert_eq!(c.table.rows.len(), c.rows.len());
            c.rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>()
        };
        assert_eq!(keys(Some(SpanGroup::Year)), ["2021", "2022"]);
        assert_eq!(keys(Some(SpanGroup::Quarter)), ["2021-Q1", "2022-Q1"]);
        assert_eq!(keys(Some(SpanGroup::Part)), ["2021-H1", "2021-9M"]);
        assert_eq!(keys(None).len(), 6);
    }

    // Guards: a revised or disputed figure is told beside the current one (in the row's text,
    // the summary and the data table), never drawn as a second bar.
    #[test]
    fn revised_and_disputed_figures_are_told_beside_the_current_one() {
        let old = GrowthValue {
            status: ValueStatus::Superseded,
            ..value(FigureKind::Estimate, 7.75)
        };
        let other = GrowthValue {
            status: ValueStatus::Disputed,
            source: Some(source("vietnamfdi.vn")),
            ..value(FigureKind::Estimate, 8.6)
        };
        let c = chart(vec![
            ("2021-H1", vec![old, value(FigureKind::Estimate, 8.02)]),
            ("2021-9M", vec![value(FigureKind::Estimate, 8.2), other]),
        ]);
        let texts: Vec<&str> = c.rows.iter().map(|r| r.value_text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "8.02% (estimate) (revised from 7.75%)",
                "8.2% (estimate) (another source: 8.6%)"
            ]
        );
        assert!(
            c.rows.iter().all(|r| r.segments.len() == 1),
            "one bar a period"
        );
        assert!(
            c.summary.contains("estimate 8.02% (revised from 7.75%)"),
            "{}",
            c.summary
        );
        let kinds: Vec<&str> = c.table.rows.iter().map(|r| r[1].text.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "Estimate",
                "Estimate (superseded)",
                "Estimate",
                "Estimate (another source)"
            ]
        );
    }

    fn source(name: &str) -> Source {
        Source::named(name)
    }

    fn chart(points: Vec<(&str, Vec<GrowthValue>)>) -> BarChart {
        let growth = Growth {
            indicator: Text::new("Tăng trưởng GRDP", "GRDP growth"),
            points: points
                .into_iter()
                .map(|(period, values)| GrowthPoint {
                    period: Period::parse(period).expect("a period"),
                    values,
                })
                .collect(),
        };
        growth_chart(&growth, &source("Report"), Lang::En)
    }

    fn segments(row: &BarRow) -> Vec<(Series, f64, f64)> {
        row.segments
            .iter()
            .map(|s| (s.series, s.start, s.end))
            .collect()
    }

    fn tick_labels(chart: &BarChart) -> Vec<&str> {
        chart.ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn targets_above_every_actual_widen_the_axis() {
        let c = chart(vec![(
            "2021",
            vec![
                value(FigureKind::Target, 10.0),
                value(FigureKind::Actual, 6.0),
            ],
        )]);
        assert_eq!(tick_labels(&c), ["0%", "2%", "4%", "6%", "8%", "10%"]);
        let row = &c.rows[0];
        assert_eq!(segments(row), [(Series::Actual, 0.0, 0.6)]);
        assert_eq!(row.markers.len(), 1);
        assert_eq!(row.markers[0].at, 1.0);
        assert_eq!(row.markers[0].label, "2021: target 10%");
        // The measured value first, then the target.
        assert_eq!(row.value_text, "6% · target\u{a0}10%");
    }

    #[test]
    fn a_negative_figure_is_a_bar_from_zero_leftwards() {
        let c = chart(vec![
            ("2020", vec![value(FigureKind::Actual, -3.0)]),
            ("2021", vec![value(FigureKind::Estimate, 5.0)]),
        ]);
        assert_eq!(tick_labels(&c), ["-4%", "-2%", "0%", "2%", "4%", "6%"]);
        // The axis spans 10 points from -4: 0 is at 0.4.
        assert_eq!(segments(&c.rows[0]), [(Series::Actual, 0.1, 0.4)]);
        assert_eq!(segments(&c.rows[1]), [(Series::Estimate, 0.4, 0.9)]);
        assert_eq!(c.rows[0].value_text, "-3%");
        assert_eq!(c.rows[1].value_text, "5% (estimate)");
    }

    #[test]
    fn a_value_of_zero_is_an_empty_bar_at_zero() {
        let c = chart(vec![("2021-Q1", vec![value(FigureKind::Actual, 0.0)])]);
        assert_eq!(tick_labels(&c), ["0%", "2%"]);
        assert_eq!(segments(&c.rows[0]), [(Series::Actual, 0.0, 0.0)]);
        assert_eq!(c.rows[0].value_text, "0%");
    }

    #[test]
    fn rows_are_keyed_and_labelled_by_period() {
        let c = chart(vec![
            ("2021-Q1", vec![value(FigureKind::Actual, 9.02)]),
            ("2021-H1", vec![value(FigureKind::Estimate, 9.5)]),
        ]);
        let keys: Vec<&str> = c.rows.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["2021-Q1", "2021-H1"]);
        assert_eq!(c.rows[0].segments[0].label, "Q1 2021: actual 9.02%");
        assert_eq!(c.subtitle, "GRDP growth");
    }

    #[test]
    fn the_legend_lists_only_the_kinds_drawn_in_a_fixed_order() {
        let c = chart(vec![
            ("2020", vec![value(FigureKind::Target, 7.0)]),
            ("2021", vec![value(FigureKind::Actual, 6.0)]),
        ]);
        let legend: Vec<(Series, &str)> = (c.legend.iter())
            .map(|e| (e.series, e.label.as_str()))
            .collect();
        assert_eq!(
            legend,
            [(Series::Actual, "Actual"), (Series::Target, "Target")]
        );
        assert!(c.legend.iter().all(|e| e.action.is_none() && !e.selected));
    }

    #[test]
    fn each_figure_is_a_table_row_with_its_own_source_or_the_snapshots() {
        let own = Source {
            published: Date::from_ymd(2021, 4, 9).map(crate::snapshot::PublicationDate::Day),
            ..source("Newspaper")
        };
        let target = GrowthValue {
            comparator: Some(Comparator::AtLeast),
            source: Some(own),
            ..value(FigureKind::Target, 10.0)
        };
        let c = chart(vec![(
            "2021",
            vec![target, value(FigureKind::Actual, 6.25)],
        )]);
        let cells = |i: usize| -> Vec<(&str, &str)> {
            (c.table.rows[i].iter())
                .map(|cell| (cell.text.as_str(), cell.raw.as_str()))
                .collect()
        };
        assert_eq!(
            cells(0),
            [
                ("2021", "2021"),
                ("Actual", "Actual"),
                ("6.25%", "6.25"),
                ("", ""),
                ("Report", "Report")
            ]
        );
        assert_eq!(
            cells(1),
            [
                ("2021", "2021"),
                ("Target", "Target"),
                ("at least 10%", "10"),
                ("at least", "at least"),
                (
                    "Newspaper, published 9 Apr 2021",
                    "Newspaper, published 9 Apr 2021"
                )
            ]
        );
    }

    fn series(points: &[(&str, Vec<GrowthValue>)]) -> Growth {
        Growth {
            indicator: Text::new("Tăng trưởng GRDP", "GRDP growth"),
            points: (points.iter())
                .map(|(period, values)| GrowthPoint {
                    period: Period::parse(period).expect("a period"),
                    values: values.clone(),
                })
                .collect(),
        }
    }

    // Guards: years alone or quarters alone are columns, in time order whatever the file's;
    // the parts of a year and all periods together stay bars.
    #[test]
    fn years_alone_or_quarters_alone_are_columns_in_time_order() {
        let est = || vec![value(FigureKind::Estimate, 8.0)];
        let growth = series(&[
            ("2022", est()),
            ("2021-Q1", est()),
            ("2021", est()),
            ("2020-Q3", est()),
            ("2021-H1", est()),
            ("2020-9M", est()),
        ]);
        let of = |only| growth_chart_of(&growth, only, &source("Report"), Lang::En);
        let keys = |c: &BarChart| c.rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>();
        let years = of(Some(SpanGroup::Year));
        assert!(years.columns);
        assert_eq!(keys(&years), ["2021", "2022"]);
        let periods: Vec<&str> = (years.table.rows.iter())
            .map(|r| r[0].text.as_str())
            .collect();
        assert_eq!(periods, ["2021", "2022"], "the table in the columns' order");
        let quarters = of(Some(SpanGroup::Quarter));
        assert!(quarters.columns);
        assert_eq!(keys(&quarters), ["2020-Q3", "2021-Q1"]);
        let parts = of(Some(SpanGroup::Part));
        assert!(!parts.columns);
        assert_eq!(
            keys(&parts),
            ["2021-H1", "2020-9M"],
            "bars keep the file's order"
        );
        assert!(!of(None).columns);
    }

    // Guards: a column's figures stand one a line; its target is a marker up the value axis
    // whose name says its comparator, and the legend says what the signs mean.
    #[test]
    fn a_columns_target_is_a_marker_named_with_its_comparator() {
        let target = |v, comparator| GrowthValue {
            comparator,
            ..value(FigureKind::Target, v)
        };
        let growth = series(&[
            (
                "2019",
                vec![
                    value(FigureKind::Actual, 12.01),
                    target(11.6, Some(Comparator::Above)),
                ],
            ),
            (
                "2021",
                vec![
                    value(FigureKind::Estimate, 10.28),
                    target(10.5, None),
                    target(10.0, Some(Comparator::AtLeast)),
                ],
            ),
        ]);
        let c = growth_chart_of(&growth, Some(SpanGroup::Year), &source("R"), Lang::En);
        assert_eq!(
            tick_labels(&c),
            ["0%", "2%", "4%", "6%", "8%", "10%", "12%", "14%"]
        );
        let row = &c.rows[0];
        assert_eq!(row.value_text, "12.01%\ntarget\u{a0}>\u{a0}11.6%");
        assert_eq!(segments(row), [(Series::Actual, 0.0, 12.01 / 14.0)]);
        let markers: Vec<(f64, &str)> = (c.rows[1].markers.iter())
            .map(|m| (m.at, m.label.as_str()))
            .collect();
        assert_eq!(
            markers,
            [
                (0.75, "2021: target 10.5%"),
                (10.0 / 14.0, "2021: target at least 10%")
            ]
        );
        assert_eq!(row.markers[0].label, "2019: target above 11.6%");
        let legend: Vec<&str> = c.legend.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            legend,
            [
                "Actual",
                "Estimate",
                "Target (>\u{a0}above, ≥\u{a0}at least)"
            ]
        );
        let vi = growth_chart_of(&growth, Some(SpanGroup::Year), &source("R"), Lang::Vi);
        assert_eq!(vi.legend[2].label, "Mục tiêu (>\u{a0}trên, ≥\u{a0}ít nhất)");
        assert_eq!(vi.rows[0].markers[0].label, "Năm 2019: mục tiêu trên 11,6%");
    }

    // Guards: the CSV of the growth chart says each figure's kind and status, and a target's
    // comparator in a column of its own beside the plain number.
    #[test]
    fn the_csv_carries_the_comparator_and_the_status() {
        let growth = series(&[(
            "2022",
            vec![
                value(FigureKind::Actual, 10.28),
                GrowthValue {
                    status: ValueStatus::Superseded,
                    comparator: Some(Comparator::Above),
                    ..value(FigureKind::Target, 10.0)
                },
                GrowthValue {
                    comparator: Some(Comparator::Above),
                    ..value(FigureKind::Target, 11.0)
                },
            ],
        )]);
        let c = growth_chart_of(&growth, Some(SpanGroup::Year), &source("R"), Lang::En);
        let csv = super::super::csv::render(&c.table);
        assert_eq!(
            csv,
            "\u{FEFF}Period,Kind,Value,Comparator,Source\r\n\
             2022,Actual,10.28,,R\r\n\
             2022,Target,11,above,R\r\n\
             2022,Target (superseded),10,above,R\r\n"
        );
    }
}
