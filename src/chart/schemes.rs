//! The schemes chart: how many parts of each scheme are done.

use super::rows::{fraction, series_label};
use super::{BarChart, BarRow, Cell, DataTable, LegendEntry, Segment, Series};
use crate::format::{self, count, labels, lowercase, share, Lang};
use crate::snapshot::{Date, Scheme};

/// Schemes: done and remaining of each.
pub fn schemes_chart(schemes: &[Scheme], as_of: Date, lang: Lang) -> BarChart {
    let l = labels(lang);
    let mut table = DataTable::new(&[l.col_scheme, l.schemes_done, l.col_total, l.col_share]);
    let rows = schemes
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = s.label.get(lang).to_owned();
            let pct = share(s.done, s.total, lang);
            let value_text = format!("{}/{} · {pct}", count(s.done, lang), count(s.total, lang));
            table.rows.push(vec![
                Cell::text(label.clone()),
                Cell::number(count(s.done, lang), s.done),
                Cell::number(count(s.total, lang), s.total),
                Cell::number(
                    pct.clone(),
                    format::plain_decimal(fraction(s.done, s.total) * 100.0, 2),
                ),
            ]);
            let done_end = fraction(s.done, s.total);
            let segment = |series, start, end, n: u32| {
                let words = lowercase(&series_label(series, lang));
                Segment::fixed(
                    series,
                    start,
                    end,
                    format!("{label}: {words} {}", count(n, lang)),
                )
            };
            let segments = vec![
                segment(Series::Done, 0.0, done_end, s.done),
                segment(Series::Remaining, done_end, 1.0, s.total - s.done),
            ];
            BarRow::fixed(format!("scheme-{i}"), label, value_text, segments)
        })
        .collect();
    let date = schemes.iter().find_map(|s| s.as_of).unwrap_or(as_of);
    let legend = [Series::Done, Series::Remaining]
        .into_iter()
        .map(|series| LegendEntry::new(series, series_label(series, lang)))
        .collect();
    BarChart::new(
        "schemes",
        l.chart_schemes.to_owned(),
        format!("{} {}", l.as_of, format::date(date, lang)),
        rows,
        legend,
        format::schemes_summary(schemes, lang),
        table,
    )
}
