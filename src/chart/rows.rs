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
    let labels = labels(lang);
    match series {
        Series::Status(s) => labels.status(s).to_owned(),
        Series::CompletedSum => format!("{} ({})", labels.group_completed, labels.not_split),
        Series::NotCompletedSum => format!("{} ({})", labels.group_not_completed, labels.not_split),
        Series::Count => labels.col_count.to_owned(),
        Series::Done => labels.schemes_done.to_owned(),
        Series::Remaining => labels.schemes_remaining.to_owned(),
        Series::Actual => labels.kind_actual.to_owned(),
        Series::Estimate => labels.kind_estimate.to_owned(),
        Series::Target => labels.kind_target.to_owned(),
    }
}
