//! The status chart: how many tasks have each status.

use super::rows::{fraction, series_label, tally_rows};
use super::{Action, BarChart, BarRow, Cell, DataTable, Segment};
use crate::format::{self, count, labels, share, Lang};
use crate::snapshot::{CountName, Date, PublishedShare};
use crate::tasks::{Status, StatusSet, StatusTally};

/// What a report says of its counts besides them: the start of their reporting period (when
/// it gives one; the period ends at `end`, the snapshot's `as_of`) and the shares it published.
#[derive(Clone, Copy)]
pub struct Reported<'a> {
    pub start: Option<Date>,
    pub end: Date,
    pub shares: &'a [PublishedShare],
}

impl Reported<'_> {
    /// Counts as of `end`, with nothing else reported.
    pub fn at(end: Date) -> Reported<'static> {
        Reported {
            start: None,
            end,
            shares: &[],
        }
    }
}

/// The statuses a published share is a share of.
fn statuses_of(count: CountName) -> StatusSet {
    let set = |s: &[Status]| s.iter().copied().collect::<StatusSet>();
    match count {
        CountName::OnTime => set(&[Status::OnTime]),
        CountName::Late => set(&[Status::Late]),
        CountName::Completed => set(&[Status::OnTime, Status::Late]),
        CountName::Overdue => set(&[Status::Overdue]),
        CountName::WithinDeadline => set(&[Status::WithinDeadline]),
        CountName::NotCompleted => set(&[Status::Overdue, Status::WithinDeadline]),
    }
}

/// A published share that a reader would read as another figure than the one computed from
/// the counts (they differ at one decimal): shown beside it, never in its place.
fn differing_share(
    shares: &[PublishedShare],
    statuses: StatusSet,
    n: u32,
    total: u32,
) -> Option<f64> {
    let computed = fraction(n, total) * 100.0;
    shares
        .iter()
        .find(|s| statuses_of(s.of) == statuses)
        .map(|s| s.percent)
        .filter(|published| (published - computed).abs() >= 0.05)
}

/// The four statuses with counts and shares. `selected` is the status filter: its rows are
/// emphasised, the others faded; pressing a row toggles it.
/// `reported`: the report's period and the shares it published (shown beside the computed
/// ones where they differ).
pub fn status_chart(
    t: &StatusTally,
    selected: StatusSet,
    reported: Reported<'_>,
    lang: Lang,
) -> BarChart {
    let labels = labels(lang);
    let total = t.total();
    let rows_data = tally_rows(t);
    let max = rows_data.iter().map(|r| r.2).max().unwrap_or(0);
    let mut table = DataTable::new(&[labels.col_status, labels.col_count, labels.col_share]);
    let any_selected = !selected.is_empty();
    let mut reconciled = Vec::new();
    let rows = rows_data
        .iter()
        .map(|&(series, statuses, n)| {
            let label = series_label(series, lang);
            let pct = share(n, total, lang);
            let mut value_text = format!("{} · {pct}", count(n, lang));
            if let Some(published) = differing_share(reported.shares, statuses, n, total) {
                value_text.push_str(&format::fill(
                    labels.reported_share,
                    &[("x", &format::percent(published, lang))],
                ));
                reconciled.push(format::fill(
                    labels.reported_share_note,
                    &[
                        ("status", &crate::text::lowercase(&label)),
                        ("x", &format::percent(published, lang)),
                        ("y", &pct),
                        ("n", &count(total, lang)),
                    ],
                ));
            }
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
        Cell::text(labels.col_total),
        Cell::number(count(total, lang), total),
        Cell::number(share(total, total, lang), "100.00"),
    ]);
    BarChart::new(
        "status",
        labels.chart_status.to_owned(),
        format::reporting_period(reported.start, reported.end, lang),
        rows,
        Vec::new(),
        {
            let mut summary = format::status_summary(t, (reported.start, reported.end), lang);
            for note in reconciled {
                summary.push(' ');
                summary.push_str(&note);
            }
            summary
        },
        table,
    )
}

/// One chip of the status filter.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusChoice {
    /// What pressing it toggles: one status, or both of a group known only as a sum.
    pub statuses: StatusSet,
    pub label: String,
    /// The series' CSS class (its swatch), and a key for the chip's class (`od`, `ot-lt`).
    pub class: &'static str,
    pub key: String,
}

/// The status filter's chips for these counts: one per status with a count of its own, one per
/// group known only as a sum. Never a chip for a status without a count: pressing it would
/// grey every bar.
pub fn status_choices(t: &StatusTally, lang: Lang) -> Vec<StatusChoice> {
    tally_rows(t)
        .into_iter()
        .map(|(series, statuses, _)| StatusChoice {
            statuses,
            label: series_label(series, lang),
            class: series.class(),
            key: statuses
                .iter()
                .map(Status::code)
                .collect::<Vec<_>>()
                .join("-"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Series;
    use crate::snapshot::Date;
    use crate::tasks::GroupTally;

    fn chart(t: StatusTally, selected: StatusSet) -> BarChart {
        let as_of = Date::from_ymd(2021, 3, 31).expect("a date");
        status_chart(&t, selected, Reported::at(as_of), Lang::En)
    }

    #[test]
    fn a_group_known_only_as_a_sum_is_one_chip() {
        let split = StatusTally::from_counts([1, 2, 3, 4]);
        let keys = |t: &StatusTally| -> Vec<String> {
            status_choices(t, Lang::En)
                .into_iter()
                .map(|c| c.key)
                .collect()
        };
        assert_eq!(keys(&split), ["ot", "lt", "od", "wd"]);
        let sums = StatusTally {
            completed: GroupTally::SumOnly(3),
            not_completed: GroupTally::Split(3, 4),
        };
        assert_eq!(keys(&sums), ["ot-lt", "od", "wd"]);
        let chips = status_choices(&sums, Lang::En);
        assert_eq!(chips[0].label, "Completed (not split in the report)");
        assert_eq!(chips[0].statuses.iter().count(), 2);
    }

    fn keys(c: &BarChart) -> Vec<&str> {
        c.rows.iter().map(|r| r.key.as_str()).collect()
    }

    /// (selected, dimmed) of each row, checked to be the same on its bar.
    fn emphasis(c: &BarChart) -> Vec<(bool, bool)> {
        (c.rows.iter())
            .map(|r| {
                let s = &r.segments[0];
                assert_eq!((s.selected, s.dimmed), (r.selected, r.dimmed));
                (r.selected, r.dimmed)
            })
            .collect()
    }

    #[test]
    fn bars_are_as_long_as_their_count_against_the_largest() {
        let c = chart(StatusTally::from_counts([2, 4, 1, 0]), StatusSet::EMPTY);
        assert_eq!(keys(&c), ["ot", "lt", "od", "wd"]);
        let ends: Vec<f64> = c.rows.iter().map(|r| r.segments[0].end).collect();
        assert_eq!(ends, [0.5, 1.0, 0.25, 0.0]);
        assert_eq!(c.rows[0].value_text, "2 · 28.6%");
        assert_eq!(c.rows[0].segments[0].label, "Completed on time: 2 · 28.6%");
    }

    #[test]
    fn a_group_known_only_as_a_sum_is_one_row_for_both_its_statuses() {
        let t = StatusTally {
            completed: GroupTally::SumOnly(6),
            not_completed: GroupTally::Split(1, 3),
        };
        let c = chart(t, StatusSet::EMPTY);
        assert_eq!(keys(&c), ["ot+lt", "od", "wd"]);
        assert_eq!(c.rows[0].segments[0].series, Series::CompletedSum);
        assert_eq!(c.rows[0].label, "Completed (not split in the report)");
        let both = [Status::OnTime, Status::Late].into_iter().collect();
        assert_eq!(c.rows[0].action, Some(Action::ToggleStatuses(both)));
        assert_eq!(c.rows[0].segments[0].action, c.rows[0].action);
    }

    #[test]
    fn the_status_filter_selects_its_rows_and_fades_the_others() {
        let t = StatusTally::from_counts([1, 1, 1, 1]);
        assert_eq!(emphasis(&chart(t, StatusSet::EMPTY)), [(false, false); 4]);
        let overdue = chart(t, StatusSet::only(Status::Overdue));
        let (on, off) = ((true, false), (false, true));
        assert_eq!(emphasis(&overdue), [off, off, on, off]);
    }

    #[test]
    fn a_sum_row_is_selected_only_when_the_filter_holds_both_its_statuses() {
        let t = StatusTally {
            completed: GroupTally::SumOnly(2),
            not_completed: GroupTally::Split(1, 1),
        };
        let (on, off) = ((true, false), (false, true));
        let both = [Status::OnTime, Status::Late].into_iter().collect();
        assert_eq!(emphasis(&chart(t, both)), [on, off, off]);
        let one = StatusSet::only(Status::OnTime);
        assert_eq!(emphasis(&chart(t, one)), [off, off, off]);
    }

    #[test]
    fn the_table_ends_with_the_total() {
        let c = chart(StatusTally::from_counts([1, 2, 3, 4]), StatusSet::EMPTY);
        assert_eq!(c.table.headers, ["Status", "Count", "Share"]);
        assert_eq!(c.table.rows.len(), 5);
        let total: Vec<(&str, &str)> = (c.table.rows[4].iter())
            .map(|cell| (cell.text.as_str(), cell.raw.as_str()))
            .collect();
        assert_eq!(
            total,
            [("Total", "Total"), ("10", "10"), ("100.0%", "100.00")]
        );
    }
}
