//! The "what changed" view (issue #20): between an older and a newer snapshot of one body,
//! a sentence (tasks newly completed, newly overdue, new, removed), its cautions, and a table
//! per unit: each status before → now with its change, and the unit's newly completed, newly
//! overdue and new tasks. The figures are `tasks::changes`'s, as `snapshot-tool diff` prints
//! them; the texts are in the reader's language.

use crate::format::{count, date, fill, labels, Lang};
use crate::snapshot::{StatusTally, ValidSnapshot};
use crate::tasks::{changes, Caution, Status};

/// The view, as text: `markup::changes` writes it as HTML.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangesView {
    pub heading: &'static str,
    /// From "older" to "newer": N newly completed, M newly overdue, K new.
    pub sentence: String,
    /// The tasks of the older snapshot the newer no longer lists, when there are any.
    pub removed: Option<String>,
    pub cautions: Vec<&'static str>,
    pub caption: &'static str,
    /// The table's column headers, the unit's first.
    pub columns: Vec<&'static str>,
    /// A row per unit (the newer snapshot's units in order, then those only the older lists).
    pub rows: Vec<ChangeRow>,
    /// All units together.
    pub total: ChangeRow,
}

/// One row: its label (a unit's name, or "total") and a cell per column after the first.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeRow {
    pub label: String,
    pub cells: Vec<String>,
}

/// A change as readers write it: `+584`, `−567`, `±0`.
pub fn signed(before: u32, after: u32, lang: Lang) -> String {
    let (sign, n) = if after > before {
        ("+", after - before)
    } else if after < before {
        ("\u{2212}", before - after)
    } else {
        ("±", 0)
    };
    format!("{sign}{}", count(n, lang))
}

/// `506 → 1.090 (+584)`, breaking only before the change; a side without a count is `–`.
fn cell(before: Option<u32>, after: Option<u32>, lang: Lang) -> String {
    let side = |n: Option<u32>| n.map_or_else(|| "–".to_owned(), |n| count(n, lang));
    let arrow = format!("{}\u{a0}→\u{a0}{}", side(before), side(after));
    match (before, after) {
        (Some(a), Some(b)) => format!("{arrow} ({})", signed(a, b, lang)),
        _ => arrow,
    }
}

/// The counts a column compares: a status, or a group (when a status is known only within
/// its group's sum on either side), or the total.
#[derive(Clone, Copy)]
enum Measure {
    Status(Status),
    Completed,
    NotCompleted,
    Total,
}

impl Measure {
    fn of(self, t: &StatusTally) -> Option<u32> {
        match self {
            Measure::Status(s) => t.get(s),
            Measure::Completed => Some(t.completed.sum()),
            Measure::NotCompleted => Some(t.not_completed.sum()),
            Measure::Total => Some(t.total()),
        }
    }
}

/// The statuses both totals count one by one, else their groups; then the total.
fn measures(old: &StatusTally, new: &StatusTally) -> Vec<Measure> {
    let split = |s: Status| old.get(s).is_some() && new.get(s).is_some();
    let mut out = Vec::new();
    for (group, members) in [
        (Measure::Completed, [Status::OnTime, Status::Late]),
        (
            Measure::NotCompleted,
            [Status::Overdue, Status::WithinDeadline],
        ),
    ] {
        if members.iter().all(|s| split(*s)) {
            out.extend(members.map(Measure::Status));
        } else {
            out.push(group);
        }
    }
    out.push(Measure::Total);
    out
}

/// `“title” (31/03/2021)`.
fn named(snap: &ValidSnapshot, lang: Lang) -> String {
    let s = snap.snapshot();
    format!("“{}” ({})", s.title.get(lang), date(s.as_of, lang))
}

/// The view of what changed from `old` to `new`; `None` unless both have task records.
pub fn changes_view(old: &ValidSnapshot, new: &ValidSnapshot, lang: Lang) -> Option<ChangesView> {
    if old.records().is_empty() || new.records().is_empty() {
        return None;
    }
    let l = labels(lang);
    let (old_tasks, new_tasks) = (old.tasks()?, new.tasks()?);
    let c = changes(old, new);
    let tasks = c.tasks.unwrap_or_default();
    let n = |ids: &[String]| count(ids.len() as u32, lang);
    let sentence = fill(
        l.changes_sentence,
        &[
            ("from", &named(old, lang)),
            ("to", &named(new, lang)),
            ("completed", &n(&tasks.newly_completed)),
            ("overdue", &n(&tasks.newly_overdue)),
            ("new", &n(&tasks.new)),
        ],
    );
    let removed =
        (!tasks.removed.is_empty()).then(|| fill(l.changes_removed, &[("x", &n(&tasks.removed))]));
    let cautions = c
        .cautions
        .iter()
        .map(|c| match c {
            Caution::OtherBody { .. } => l.changes_other_body,
            Caution::NotAfter { .. } => l.changes_not_after,
        })
        .collect();

    let measures = measures(&old_tasks.totals, &new_tasks.totals);
    let mut columns = vec![l.col_unit];
    columns.extend(measures.iter().map(|m| match m {
        Measure::Status(s) => l.status(*s),
        Measure::Completed => l.group_completed,
        Measure::NotCompleted => l.group_not_completed,
        Measure::Total => l.changes_total,
    }));
    columns.extend([
        l.changes_newly_completed,
        l.changes_newly_overdue,
        l.changes_new,
    ]);
    let row = |label: String, a: Option<&StatusTally>, b: Option<&StatusTally>, t: [u32; 3]| {
        let mut cells: Vec<String> = measures
            .iter()
            .map(|m| cell(a.and_then(|a| m.of(a)), b.and_then(|b| m.of(b)), lang))
            .collect();
        cells.extend(t.map(|n| count(n, lang)));
        ChangeRow { label, cells }
    };
    let tally = |snap: &ValidSnapshot, id: &str| -> Option<StatusTally> {
        let i = snap.snapshot().units.iter().position(|u| u.id == id)?;
        snap.tasks()?.by_unit.get(i).copied().flatten()
    };
    let unit_tasks = |id: &str| {
        tasks
            .by_unit
            .iter()
            .find(|u| u.id == id)
            .map_or([0; 3], |u| [u.newly_completed, u.newly_overdue, u.new])
    };
    let (o, nw) = (old.snapshot(), new.snapshot());
    let units = nw.units.iter().chain(
        o.units
            .iter()
            .filter(|u| !nw.units.iter().any(|v| v.id == u.id)),
    );
    let rows = units
        .filter_map(|u| {
            let (a, b) = (tally(old, &u.id), tally(new, &u.id));
            (a.is_some() || b.is_some()).then(|| {
                row(
                    u.name.get(lang).to_owned(),
                    a.as_ref(),
                    b.as_ref(),
                    unit_tasks(&u.id),
                )
            })
        })
        .collect();
    let total = row(
        l.changes_total.to_owned(),
        Some(&old_tasks.totals),
        Some(&new_tasks.totals),
        [
            tasks.newly_completed.len() as u32,
            tasks.newly_overdue.len() as u32,
            tasks.new.len() as u32,
        ],
    );
    Some(ChangesView {
        heading: l.changes_heading,
        sentence,
        removed,
        cautions,
        caption: l.changes_caption,
        columns,
        rows,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::parse_snapshot;

    fn q(k: u32) -> ValidSnapshot {
        let path = format!(
            "{}/data/snapshots/illustrative-2021-q{k}-1738.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(&path).unwrap();
        parse_snapshot(&path, text.as_str()).unwrap()
    }

    #[test]
    fn signed_changes_read_as_written() {
        assert_eq!(signed(506, 1090, Lang::Vi), "+584");
        assert_eq!(signed(1068, 501, Lang::En), "\u{2212}567");
        assert_eq!(signed(3, 3, Lang::Vi), "±0");
        assert_eq!(signed(0, 1738, Lang::Vi), "+1.738");
        assert_eq!(signed(0, 1738, Lang::En), "+1,738");
    }

    #[test]
    fn the_view_of_two_quarters_counts_what_diff_counts() {
        let (q1, q2) = (q(1), q(2));
        let c = changes(&q1, &q2);
        let t = c.tasks.as_ref().unwrap();
        let vi = changes_view(&q1, &q2, Lang::Vi).unwrap();
        let en = changes_view(&q1, &q2, Lang::En).unwrap();
        let (done, od, new) = (t.newly_completed.len(), t.newly_overdue.len(), t.new.len());
        assert!(done > 0 && od > 0 && new > 0);
        assert_eq!(
            en.sentence,
            format!(
                "From “Illustration: 1,738 tasks by unit, Q1 2021” (31 Mar 2021) to \
                 “Illustration: {} tasks by unit, Q2 2021” (30 Jun 2021): {done} tasks newly \
                 completed, {od} newly overdue, {new} new.",
                count(q2.records().len() as u32, Lang::En)
            )
        );
        assert!(vi.sentence.starts_with("Từ “Minh họa: 1.738 nhiệm vụ"));
        assert!(vi.cautions.is_empty() && vi.removed.is_none());
        // Every unit, each cell of its columns; the per-unit counts add up to the totals.
        assert_eq!(en.rows.len(), q2.snapshot().units.len());
        assert_eq!(en.columns.len(), 9);
        assert_eq!((en.columns[0], en.columns[5]), ("Unit", "Total"));
        assert_eq!(en.columns[6..], ["Newly completed", "Newly overdue", "New"]);
        assert_eq!(en.columns[1], labels(Lang::En).status(Status::OnTime));
        for (k, want) in [(5, done), (6, od), (7, new)] {
            let sum: usize = en
                .rows
                .iter()
                .map(|r| r.cells[k].parse::<usize>().unwrap())
                .sum();
            assert_eq!(sum, want, "column {k}");
            assert_eq!(en.total.cells[k], count(want as u32, Lang::En));
        }
        let totals = (
            q1.tasks().unwrap().totals.total(),
            q2.tasks().unwrap().totals.total(),
        );
        assert_eq!(
            en.total.cells[4],
            format!(
                "{}\u{a0}→\u{a0}{} ({})",
                count(totals.0, Lang::En),
                count(totals.1, Lang::En),
                signed(totals.0, totals.1, Lang::En)
            )
        );
        assert_eq!(vi.total.cells[4], "1.738\u{a0}→\u{a0}2.041 (+303)");
    }

    #[test]
    fn another_body_or_dates_out_of_order_are_cautioned() {
        let (q1, q2) = (q(1), q(2));
        let back = changes_view(&q2, &q1, Lang::Vi).unwrap();
        assert_eq!(back.cautions, [labels(Lang::Vi).changes_not_after]);
        // Q1 does not list tasks Q2 added: told as removed, going backwards.
        assert!(back.removed.is_some());
        let real = include_str!("../../data/snapshots/quang-ninh-2021-q1.json");
        let real = parse_snapshot("real.json", real).unwrap();
        // Without records on either side, no view (the tab says so).
        assert!(changes_view(&real, &q2, Lang::En).is_none());
        // Another body: its records relabelled as another jurisdiction's.
        let mut other = q1.snapshot().clone();
        other.jurisdiction = crate::snapshot::Text::new("Tỉnh khác", "Another province");
        let other = parse_snapshot(
            "other.json",
            serde_json::to_string(&other).unwrap().as_str(),
        )
        .unwrap();
        let view = changes_view(&other, &q2, Lang::En).unwrap();
        assert_eq!(view.cautions, [labels(Lang::En).changes_other_body]);
    }
}
