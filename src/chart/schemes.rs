//! The schemes chart: how many parts of each scheme are done.

use super::rows::{fraction, series_label};
use super::{BarChart, BarRow, Cell, DataTable, LegendEntry, Segment, Series};
use crate::format::{self, count, labels, lowercase, share, Lang};
use crate::snapshot::{Date, Scheme};
use crate::tasks::StatusSet;

/// Schemes: done and remaining of each.
pub fn schemes_chart(schemes: &[Scheme], as_of: Date, lang: Lang) -> BarChart {
    let l = labels(lang);
    let mut table = DataTable {
        headers: vec![
            l.col_scheme.into(),
            l.schemes_done.into(),
            l.col_total.into(),
            l.col_share.into(),
        ],
        rows: Vec::new(),
    };
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
            let segment = |series, start, end, n: u32| Segment {
                series,
                start,
                end,
                label: format!(
                    "{label}: {} {}",
                    lowercase(&series_label(series, lang)),
                    count(n, lang)
                ),
                action: None,
                selected: false,
                dimmed: false,
            };
            BarRow {
                key: format!("scheme-{i}"),
                segments: vec![
                    segment(Series::Done, 0.0, done_end, s.done),
                    segment(Series::Remaining, done_end, 1.0, s.total - s.done),
                ],
                label,
                value_text,
                markers: Vec::new(),
                action: None,
                selected: false,
                dimmed: false,
            }
        })
        .collect();
    let date = schemes.iter().find_map(|s| s.as_of).unwrap_or(as_of);
    BarChart {
        id: "schemes",
        title: l.chart_schemes.to_owned(),
        subtitle: format!("{} {}", l.as_of, format::date(date, lang)),
        rows,
        legend: [Series::Done, Series::Remaining]
            .into_iter()
            .map(|series| LegendEntry {
                series,
                label: series_label(series, lang),
                action: None,
                selected: false,
            })
            .collect(),
        ticks: Vec::new(),
        highlight: StatusSet::EMPTY,
        summary: format::schemes_summary(schemes, lang),
        table,
        row_limit: None,
    }
}
