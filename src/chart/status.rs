//! The status chart: how many tasks have each status.

use super::rows::{fraction, series_label, tally_rows};
use super::{Action, BarChart, BarRow, Cell, DataTable, Segment};
use crate::format::{self, count, labels, share, Lang};
use crate::snapshot::Date;
use crate::tasks::{Status, StatusSet, StatusTally};

/// The four statuses with counts and shares. `selected` is the status filter: its rows are
/// emphasised, the others faded; pressing a row toggles it.
pub fn status_chart(t: &StatusTally, selected: StatusSet, as_of: Date, lang: Lang) -> BarChart {
    let l = labels(lang);
    let total = t.total();
    let rows_data = tally_rows(t);
    let max = rows_data.iter().map(|r| r.2).max().unwrap_or(0);
    let mut table = DataTable::new(&[l.col_status, l.col_count, l.col_share]);
    let any_selected = !selected.is_empty();
    let rows = rows_data
        .iter()
        .map(|&(series, statuses, n)| {
            let label = series_label(series, lang);
            let pct = share(n, total, lang);
            let value_text = format!("{} · {pct}", count(n, lang));
            table.rows.push(vec![
                Cell::text(label.clone()),
                Cell::number(count(n, lang), n),
                Cell::number(
                    pct.clone(),
                    format::plain_decimal(fraction(n, total) * 100.0, 2),
                ),
            ]);
            let is_selected = any_selected && statuses.iter().all(|s| selected.contains(s));
            let toggle = Action::ToggleStatuses(statuses);
            let key = statuses
                .iter()
                .map(Status::code)
                .collect::<Vec<_>>()
                .join("+");
            let segment = Segment::fixed(
                series,
                0.0,
                fraction(n, max),
                format!("{label}: {value_text}"),
            )
            .with_action(toggle)
            .with_selection(is_selected, any_selected);
            BarRow::fixed(key, label, value_text, vec![segment])
                .with_action(toggle)
                .with_selection(is_selected, any_selected)
        })
        .collect();
    table.rows.push(vec![
        Cell::text(l.col_total),
        Cell::number(count(total, lang), total),
        Cell::number(share(total, total, lang), "100.00"),
    ]);
    BarChart::new(
        "status",
        l.chart_status.to_owned(),
        format!("{} {}", l.as_of, format::date(as_of, lang)),
        rows,
        Vec::new(),
        format::status_summary(t, as_of, lang),
        table,
    )
}
