//! The schemes chart: how many parts of each scheme are done.

use super::rows::{fraction, series_label};
use super::{BarChart, BarRow, Cell, DataTable, LegendEntry, Segment, Series};
use crate::format::{self, count, labels, lowercase, share, Lang};
use crate::snapshot::{Date, Scheme};
use crate::text::isolate;

/// Schemes: done and remaining of each.
pub fn schemes_chart(schemes: &[Scheme], as_of: Date, lang: Lang) -> BarChart {
    let labels = labels(lang);
    let mut table = DataTable::new(&[
        labels.col_scheme,
        labels.schemes_done,
        labels.col_total,
        labels.col_share,
    ]);
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
                    format!("{}: {words} {}", isolate(&label), count(n, lang)),
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
        labels.chart_schemes.to_owned(),
        format!("{} {}", labels.as_of, format::date(date, lang)),
        rows,
        legend,
        format::schemes_summary(schemes, lang),
        table,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::Text;

    fn scheme(done: u32, total: u32, as_of: Option<Date>) -> Scheme {
        Scheme {
            label: Text::new("Đường", "Roads"),
            done,
            total,
            as_of,
            source: None,
        }
    }

    fn date(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).expect("a date")
    }

    fn chart(schemes: &[Scheme]) -> BarChart {
        schemes_chart(schemes, date(2021, 3, 31), Lang::En)
    }

    fn segments(row: &BarRow) -> Vec<(Series, f64, f64, &str)> {
        (row.segments.iter())
            .map(|s| (s.series, s.start, s.end, s.label.as_str()))
            .collect()
    }

    #[test]
    fn each_scheme_is_its_completed_part_then_the_rest() {
        let c = chart(&[scheme(3, 4, None)]);
        let row = &c.rows[0];
        assert_eq!(
            (row.key.as_str(), row.label.as_str()),
            ("scheme-0", "Roads")
        );
        assert_eq!(row.value_text, "3/4 · 75.0%");
        assert_eq!(
            segments(row),
            [
                (Series::Done, 0.0, 0.75, "Roads: completed 3"),
                (Series::Remaining, 0.75, 1.0, "Roads: not completed 1"),
            ]
        );
        assert!(row.action.is_none() && row.segments.iter().all(|s| s.action.is_none()));
    }

    #[test]
    fn a_scheme_with_none_completed_is_all_remaining() {
        let c = chart(&[scheme(0, 5, None)]);
        assert_eq!(c.rows[0].value_text, "0/5 · 0.0%");
        assert_eq!(
            segments(&c.rows[0]),
            [
                (Series::Done, 0.0, 0.0, "Roads: completed 0"),
                (Series::Remaining, 0.0, 1.0, "Roads: not completed 5"),
            ]
        );
    }

    #[test]
    fn a_completed_scheme_has_nothing_remaining() {
        let c = chart(&[scheme(2, 2, None)]);
        assert_eq!(c.rows[0].value_text, "2/2 · 100.0%");
        assert_eq!(
            segments(&c.rows[0]),
            [
                (Series::Done, 0.0, 1.0, "Roads: completed 2"),
                (Series::Remaining, 1.0, 1.0, "Roads: not completed 0"),
            ]
        );
    }

    #[test]
    fn the_table_gives_counts_and_the_share_completed() {
        let c = chart(&[scheme(3, 4, None), scheme(1, 3, None)]);
        assert_eq!(c.table.headers, ["Scheme", "Completed", "Total", "Share"]);
        let row = |i: usize| -> Vec<(&str, &str)> {
            (c.table.rows[i].iter())
                .map(|cell| (cell.text.as_str(), cell.raw.as_str()))
                .collect()
        };
        assert_eq!(
            row(0),
            [
                ("Roads", "Roads"),
                ("3", "3"),
                ("4", "4"),
                ("75.0%", "75.00")
            ]
        );
        assert_eq!(
            row(1),
            [
                ("Roads", "Roads"),
                ("1", "1"),
                ("3", "3"),
                ("33.3%", "33.33")
            ]
        );
    }

    #[test]
    fn schemes_are_dated_by_the_first_scheme_with_its_own_date() {
        let dated = chart(&[
            scheme(1, 2, None),
            scheme(1, 2, Some(date(2021, 2, 1))),
            scheme(1, 2, Some(date(2021, 1, 1))),
        ]);
        assert_eq!(dated.subtitle, "Figures as of 1 Feb 2021");
        let undated = chart(&[scheme(1, 2, None)]);
        assert_eq!(undated.subtitle, "Figures as of 31 Mar 2021");
    }

    #[test]
    fn the_legend_names_completed_and_remaining() {
        let c = chart(&[scheme(1, 2, None)]);
        let legend: Vec<(Series, &str)> = (c.legend.iter())
            .map(|e| (e.series, e.label.as_str()))
            .collect();
        assert_eq!(
            legend,
            [
                (Series::Done, "Completed"),
                (Series::Remaining, "Not completed")
            ]
        );
    }
}
