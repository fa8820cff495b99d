//! What several builders share to shape their rows: the rows of a status tally, a series'
//! name, and a part's length as a fraction of the plot.

use super::Series;
use crate::format::{labels, Lang};
use crate::tasks::{GroupTally, Status, StatusSet, StatusTally};

/// `part` of `whole` as a fraction of the plot width; 0 for an empty whole.
pub(super) fn fraction(part: u32, whole: u32) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / f64::from(whole)
    }
}

/// Rows of a tally: a row per status, or one row for a group known only as a sum.
pub(super) fn tally_rows(t: &StatusTally) -> Vec<(Series, StatusSet, u32)> {
    let mut rows = Vec::with_capacity(4);
    for (group, a, b, sum_series) in [
        (
            t.completed,
            Status::OnTime,
            Status::Late,
            Series::CompletedSum,
        ),
        (
            t.not_completed,
            Status::Overdue,
            Status::WithinDeadline,
            Series::NotCompletedSum,
        ),
    ] {
        match group {
            GroupTally::Split(x, y) => {
                rows.push((Series::Status(a), StatusSet::only(a), x));
                rows.push((Series::Status(b), StatusSet::only(b), y));
            }
            GroupTally::SumOnly(s) => {
                rows.push((sum_series, [a, b].into_iter().collect(), s));
            }
        }
    }
    rows
}

/// A series' name in the legend, the rows and the tooltips.
pub(super) fn series_label(series: Series, lang: Lang) -> String {
    let l = labels(lang);
    match series {
        Series::Status(s) => l.status(s).to_owned(),
        Series::CompletedSum => format!("{} ({})", l.group_completed, l.not_split),
        Series::NotCompletedSum => format!("{} ({})", l.group_not_completed, l.not_split),
        Series::Count => l.col_count.to_owned(),
        Series::Done => l.schemes_done.to_owned(),
        Series::Remaining => l.schemes_remaining.to_owned(),
        Series::Actual => l.kind_actual.to_owned(),
        Series::Estimate => l.kind_estimate.to_owned(),
        Series::Target => l.kind_target.to_owned(),
    }
}
