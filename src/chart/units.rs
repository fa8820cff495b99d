//! The unit chart: the statuses of each unit's tasks as a stacked 100 % bar, in a chosen order.

use super::rows::{fraction, series_label, tally_rows};
use super::{Action, BarChart, BarRow, Cell, DataTable, LegendEntry, Segment, Series};
use crate::format::{self, count, fill, labels, lowercase, share, Lang};
use crate::snapshot::Unit;
use crate::tasks::{fold, Selection, Status, StatusSet, StatusTally, TaskFilter};
use crate::text::isolate;

coded_enum! {
    /// Order of the bars of the unit chart. Codes: links (`us=name`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    pub enum UnitSort {
        /// Highest share of overdue tasks first: who is behind.
        #[default]
        OverdueShare => "overdue",
        /// Most tasks first.
        Total => "total",
        /// Alphabetical (accent-insensitive).
        Name => "name",
    }
}

fn unit_name(u: &Unit, lang: Lang) -> &str {
    u.short.as_ref().unwrap_or(&u.name).get(lang)
}

/// Units the unit chart draws unless the reader asks for all (`all` of [`unit_chart`]); the
/// units of a unit filter are drawn wherever they rank.
pub const UNIT_ROWS: usize = 10;

/// Stacked 100 % bars of the four statuses per unit, the first [`UNIT_ROWS`] of them unless
/// `all`; its data table lists every unit. `None` without per-unit figures.
pub fn unit_chart(
    units: &[Unit],
    selection: &Selection,
    filter: &TaskFilter,
    sort: UnitSort,
    all: bool,
    lang: Lang,
) -> Option<BarChart> {
    if selection.unit_tallies.is_empty() {
        return None;
    }
    let labels = labels(lang);
    let mut shown: Vec<(usize, StatusTally)> = selection
        .unit_tallies
        .iter()
        .enumerate()
        .filter_map(|(u, t)| t.filter(|t| t.total() > 0).map(|t| (u, t)))
        .collect();
    let overdue_share = |t: &StatusTally| fraction(t.get(Status::Overdue).unwrap_or(0), t.total());
    let name_key = |u: usize| fold(units[u].name.get(lang));
    // The series' names in segment labels, lower-cased once rather than per segment.
    let series_names: Vec<(Series, String)> = (Status::ALL.map(Series::Status).into_iter())
        .chain([Series::CompletedSum, Series::NotCompletedSum])
        .map(|series| (series, lowercase(&series_label(series, lang))))
        .collect();
    let series_name = |series: Series| {
        (series_names.iter())
            .find(|(s, _)| *s == series)
            .map_or("", |(_, name)| name.as_str())
    };
    match sort {
        UnitSort::OverdueShare => crate::order::sort_by(&mut shown, &|a, b| {
            overdue_share(&b.1)
                .total_cmp(&overdue_share(&a.1))
                .then(b.1.total().cmp(&a.1.total()))
                .then_with(|| name_key(a.0).cmp(&name_key(b.0)))
        }),
        UnitSort::Total => crate::order::sort_by(&mut shown, &|a, b| {
            b.1.total()
                .cmp(&a.1.total())
                .then_with(|| name_key(a.0).cmp(&name_key(b.0)))
        }),
        UnitSort::Name => crate::order::sort_by_key(&mut shown, |(u, _)| name_key(*u)),
    }
    // The chart's series: a status of its own where every unit drawn counts it, else its
    // group's sum. Legend and table columns name only these: no status nobody counted.
    let combined = shown
        .iter()
        .fold(None, |acc: Option<StatusTally>, (_, t)| {
            Some(acc.map_or(*t, |a| a.plus(t)))
        })
        .unwrap_or_default();
    let series: Vec<(Series, StatusSet)> = tally_rows(&combined)
        .into_iter()
        .map(|(s, set, _)| (s, set))
        .collect();
    let overdue_known = combined.get(Status::Overdue).is_some();
    let mut table = DataTable::new(&[labels.col_unit, labels.filter_unit_kind]);
    table
        .headers
        .extend(series.iter().map(|(s, _)| series_label(*s, lang)));
    table.headers.push(labels.col_total.into());
    if overdue_known {
        table.headers.push(format!(
            "{} ({})",
            labels.col_share, labels.share_overdue_of_unit
        ));
    }

    let mut summary_input = Vec::new();
    let rows = shown
        .iter()
        .map(|&(u, t)| {
            let unit = &units[u];
            let total = t.total();
            let overdue = t.get(Status::Overdue);
            let overdue_text = overdue.map_or("–".to_owned(), |n| share(n, total, lang));
            summary_input.push((unit.name.get(lang).to_owned(), overdue, total));
            let mut start = 0.0;
            let segments = tally_rows(&t)
                .into_iter()
                .filter(|r| r.2 > 0)
                .map(|(series, statuses, n)| {
                    let end = start + fraction(n, total);
                    let single = (statuses.iter().count() == 1)
                        .then(|| statuses.iter().next())
                        .flatten();
                    let label = format!(
                        "{}: {} {} ({})",
                        isolate(unit.name.get(lang)),
                        series_name(series),
                        count(n, lang),
                        share(n, total, lang)
                    );
                    // Status emphasis comes from `BarChart::highlight`; units from the row.
                    let seg = Segment {
                        action: single.map(|status| Action::ToggleSegment { unit: u, status }),
                        ..Segment::fixed(series, start, end, label)
                    };
                    start = end;
                    seg
                })
                .collect();
            let mut cells = vec![
                Cell::text(unit.name.get(lang)),
                Cell::text(labels.unit_kind(unit.kind)),
            ];
            cells.extend(series.iter().map(|(_, set)| {
                let counts: Option<u32> = set.iter().map(|s| t.get(s)).sum();
                let sum = match counts {
                    Some(n) => Some(n),
                    // A group this unit gives as a sum, in the column of that sum.
                    None if set.iter().count() == 2 => Some(if set.contains(Status::OnTime) {
                        t.completed.sum()
                    } else {
                        t.not_completed.sum()
                    }),
                    None => None,
                };
                match sum {
                    Some(n) => Cell::number(count(n, lang), n),
                    None => Cell::text("–"),
                }
            }));
            cells.push(Cell::number(count(total, lang), total));
            if overdue_known {
                cells.push(Cell::number(
                    overdue_text.clone(),
                    overdue.map_or(String::new(), |n| {
                        format::plain_decimal(fraction(n, total) * 100.0, 2)
                    }),
                ));
            }
            table.rows.push(cells);
            let value_text = if overdue_known {
                format!(
                    "{} · {overdue_text} {}",
                    count(total, lang),
                    labels.share_overdue_of_unit
                )
            } else {
                count(total, lang)
            };
            BarRow::fixed(
                unit.id.clone(),
                unit_name(unit, lang).to_owned(),
                value_text,
                segments,
            )
            .with_action(Action::ToggleUnit(u))
            .with_selection(filter.units.contains(&u), !filter.units.is_empty())
        })
        .collect();
    let legend = series
        .iter()
        .map(|&(s, set)| {
            LegendEntry::new(s, series_label(s, lang)).with_action(Action::ToggleStatuses(set))
        })
        .collect();
    let kinds = filter
        .unit_kind
        .map_or(String::new(), |k| labels.unit_kind(k).to_owned());
    let mut chart = BarChart::new(
        "units",
        labels.chart_units.to_owned(),
        kinds,
        rows,
        legend,
        format::units_summary(&summary_input, lang),
        table,
    );
    chart.emphasise(filter.statuses);
    chart.limit_rows(UNIT_ROWS, all);
    if let Some(limit) = &mut chart.row_limit {
        let (shown, total) = (
            count(limit.shown as u32, lang),
            count(limit.total as u32, lang),
        );
        limit.note = fill(labels.units_shown, &[("shown", &shown), ("total", &total)]);
        limit.toggle = match limit.all_drawn() {
            true => fill(
                labels.units_show_first,
                &[("n", &count(UNIT_ROWS as u32, lang))],
            ),
            false => fill(labels.units_show_all, &[("total", &total)]),
        };
        limit.action = Some(Action::AllUnits(!limit.all_drawn()));
    }
    Some(chart)
}
