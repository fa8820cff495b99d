//! A snapshot's summary: the same figures without the task records, which is all an embed
//! draws (its headline, status and unit charts). `snapshot-tool publish` writes it beside a
//! snapshot with records, so a reader's embed downloads a few kilobytes whatever the number
//! of tasks.

use super::model::{Snapshot, StatusCounts, Tasks, UnitCounts};
use super::status::{GroupTally, StatusTally};
use super::validate::ValidSnapshot;

/// The summary of a snapshot with task records: its counts (all tasks, and per unit, in the
/// four statuses, as derived from the records) in place of the records and the documents
/// they cite. `None` for a snapshot without records: it is its own summary.
pub fn summary(valid: &ValidSnapshot) -> Option<Snapshot> {
    let snap = valid.snapshot();
    let tasks = snap.tasks.as_ref().filter(|t| !t.records.is_empty())?;
    let derived = valid.tasks()?;
    let by_unit = (snap.units.iter().zip(&derived.by_unit))
        .filter_map(|(unit, tally)| {
            tally.map(|t| UnitCounts {
                unit: unit.id.clone(),
                counts: counts(&t),
            })
        })
        .collect();
    Some(Snapshot {
        tasks: Some(Tasks {
            assigned_by: tasks.assigned_by.clone(),
            kind: tasks.kind,
            period_start: tasks.period_start,
            source: tasks.source.clone(),
            totals: Some(counts(&derived.totals)),
            published_shares: tasks.published_shares.clone(),
            by_unit,
            assigning_documents: Vec::new(),
            records: Vec::new(),
        }),
        format: snap.format.clone(),
        version: snap.version,
        id: snap.id.clone(),
        as_of: snap.as_of,
        title: snap.title.clone(),
        jurisdiction: snap.jurisdiction.clone(),
        data_status: snap.data_status,
        notice: snap.notice.clone(),
        source: snap.source.clone(),
        units: snap.units.clone(),
        documents: snap.documents.clone(),
        schemes: snap.schemes.clone(),
        growth: snap.growth.clone(),
    })
}

/// A tally as the file writes counts: each group split when known, else its sum; and the total.
fn counts(t: &StatusTally) -> StatusCounts {
    let mut c = StatusCounts {
        total: Some(t.total()),
        ..StatusCounts::default()
    };
    match t.completed {
        GroupTally::Split(on_time, late) => (c.on_time, c.late) = (Some(on_time), Some(late)),
        GroupTally::SumOnly(sum) => c.completed = Some(sum),
    }
    match t.not_completed {
        GroupTally::Split(overdue, within) => {
            (c.overdue, c.within_deadline) = (Some(overdue), Some(within))
        }
        GroupTally::SumOnly(sum) => c.not_completed = Some(sum),
    }
    c
}

#[cfg(all(test, feature = "records"))]
mod tests {
    use super::*;
    use crate::snapshot::{parse_snapshot, validate};

    #[test]
    fn a_summary_has_the_counts_of_the_records_and_none_of_them() {
        let text = include_str!("../../tests/fixtures/records-small.json");
        let full = parse_snapshot("records-small.json", text).unwrap();
        let sum = summary(&full).expect("records give a summary");
        let tasks = sum.tasks.as_ref().unwrap();
        assert!(tasks.records.is_empty() && tasks.assigning_documents.is_empty());
        assert_eq!(tasks.totals.unwrap().total, Some(8));
        // Read back, it is valid and gives every count the records gave.
        let read = validate("summary.json", sum.clone()).unwrap();
        let (a, b) = (full.tasks().unwrap(), read.tasks().unwrap());
        assert_eq!(a.totals, b.totals);
        assert_eq!(a.by_unit, b.by_unit);
        assert_eq!(
            (sum.id.as_str(), sum.as_of),
            (full.snapshot().id.as_str(), full.snapshot().as_of)
        );
        assert_eq!(sum.data_status, full.snapshot().data_status);
    }

    #[test]
    fn a_snapshot_without_records_has_no_summary() {
        let facts = include_str!("../../data/snapshots/quang-ninh-2021-q1.json");
        let snap = parse_snapshot("facts.json", facts).unwrap();
        assert!(summary(&snap).is_none());
    }
}
