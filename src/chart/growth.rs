//! The growth chart: each period's measured growth as a bar and its targets as markers, on one
//! value axis with round ticks.

use super::rows::series_label;
use super::source_line;
use super::{BarChart, BarRow, Cell, DataTable, LegendEntry, Marker, Segment, Series, Tick};
use crate::format::{self, capitalise, labels, percent, Lang};
use crate::snapshot::{FigureKind, Growth, Source};

/// A round upper bound for the axis: 12,4 → 14.
fn nice_ceiling(x: f64, step: f64) -> f64 {
    ((x / step).ceil() * step).max(step)
}

/// Growth per period: the measured value as a bar (actual solid, estimate hatched) and each
/// target as a marker, on one axis from 0 (or the lowest negative value).
pub fn growth_chart(growth: &Growth, snapshot_source: &Source, lang: Lang) -> BarChart {
    let l = labels(lang);
    let values = || {
        growth
            .points
            .iter()
            .flat_map(|p| p.values.iter().map(|v| v.value))
    };
    let high = values().fold(0.0_f64, f64::max);
    let low = values().fold(0.0_f64, f64::min);
    let step = if high - low <= 16.0 { 2.0 } else { 5.0 };
    let (lo, hi) = (
        -nice_ceiling(-low, step) * f64::from(u8::from(low < 0.0)),
        nice_ceiling(high, step),
    );
    let at = |v: f64| ((v - lo) / (hi - lo)).clamp(0.0, 1.0);
    let mut table = DataTable::new(&[l.col_period, l.col_kind, l.col_value, l.source]);
    let mut used = Vec::new();
    let rows = growth
        .points
        .iter()
        .map(|p| {
            let label = capitalise(&format::period(p.period, lang));
            let mut segments = Vec::new();
            let mut markers = Vec::new();
            let mut texts = Vec::new();
            let mut ordered: Vec<_> = p.values.iter().collect();
            crate::order::sort_by_key(&mut ordered, |v| v.kind == FigureKind::Target);
            for v in ordered {
                let source = v.source.as_ref().unwrap_or(snapshot_source);
                table.rows.push(vec![
                    Cell::text(label.clone()),
                    Cell::text(l.figure_kind(v.kind)),
                    Cell::number(
                        format::comparator_value(v, lang),
                        format::plain_number(v.value, 2),
                    ),
                    Cell::text(source_line(source, lang)),
                ]);
                let words = format::growth_value(v, lang);
                texts.push(format::growth_value_short(v, lang));
                match v.kind {
                    FigureKind::Target => {
                        markers.push(Marker {
                            at: at(v.value),
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
                        let (a, b) = (at(0.0), at(v.value));
                        segments.push(Segment::fixed(
                            series,
                            a.min(b),
                            a.max(b),
                            format!("{label}: {words}"),
                        ));
                    }
                }
            }
            BarRow::fixed(p.period.to_string(), label, texts.join(" · "), segments)
                .with_markers(markers)
        })
        .collect();
    let legend = [Series::Actual, Series::Estimate, Series::Target]
        .into_iter()
        .filter(|s| used.contains(s))
        .map(|series| LegendEntry::new(series, series_label(series, lang)))
        .collect();
    let mut chart = BarChart::new(
        "growth",
        l.chart_growth.to_owned(),
        growth.indicator.get(lang).to_owned(),
        rows,
        legend,
        format::growth_summary(growth, lang),
        table,
    );
    let mut t = lo;
    while t <= hi + 1e-9 {
        chart.ticks.push(Tick {
            at: at(t),
            label: percent(t, lang),
        });
        t += step;
    }
    chart
}
