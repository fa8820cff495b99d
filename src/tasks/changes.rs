//! What changed between two snapshots of the same body (`snapshot-tool diff`; the "what
//! changed" view of issue #20 will draw the same): the four statuses, each unit's, and with
//! task records, each task: newly completed, newly overdue, new, removed.

use crate::snapshot::{Status, StatusTally, ValidSnapshot};

/// One unit whose counts differ (or that only one snapshot lists).
#[derive(Clone, Debug, PartialEq)]
pub struct UnitChange {
    pub id: String,
    /// Its Vietnamese name, from the newer snapshot when it has the unit.
    pub name: String,
    pub old: Option<StatusTally>,
    pub new: Option<StatusTally>,
}

/// Tasks by id, when both snapshots have records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskChanges {
    /// Not completed in the older snapshot, completed (on time or late) in the newer.
    pub newly_completed: Vec<String>,
    /// Within the deadline in the older, overdue in the newer.
    pub newly_overdue: Vec<String>,
    pub new: Vec<String>,
    pub removed: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub old_totals: Option<StatusTally>,
    pub new_totals: Option<StatusTally>,
    /// Units in the order of the newer snapshot, then those only the older lists.
    pub units: Vec<UnitChange>,
    pub tasks: Option<TaskChanges>,
    /// Why the comparison may mislead: another body, dates out of order.
    pub cautions: Vec<String>,
}

/// What changed from `old` to `new`.
pub fn changes(old: &ValidSnapshot, new: &ValidSnapshot) -> Changes {
    let (o, n) = (old.snapshot(), new.snapshot());
    let mut cautions = Vec::new();
    if o.jurisdiction.vi != n.jurisdiction.vi {
        cautions.push(format!(
            "the snapshots are of different bodies ({} and {})",
            o.jurisdiction.vi, n.jurisdiction.vi
        ));
    }
    if n.as_of <= o.as_of {
        cautions.push(format!(
            "the newer snapshot's as_of ({}) is not after the older's ({})",
            n.as_of, o.as_of
        ));
    }
    Changes {
        old_totals: old.tasks().map(|t| t.totals),
        new_totals: new.tasks().map(|t| t.totals),
        units: unit_changes(old, new),
        tasks: task_changes(old, new),
        cautions,
    }
}

fn unit_tally(snap: &ValidSnapshot, index: usize) -> Option<StatusTally> {
    snap.tasks()?.by_unit.get(index).copied().flatten()
}

fn unit_changes(old: &ValidSnapshot, new: &ValidSnapshot) -> Vec<UnitChange> {
    let (o, n) = (old.snapshot(), new.snapshot());
    let mut out = Vec::new();
    for (i, unit) in n.units.iter().enumerate() {
        let before = o
            .units
            .iter()
            .position(|u| u.id == unit.id)
            .and_then(|j| unit_tally(old, j));
        let after = unit_tally(new, i);
        if before != after {
            out.push(UnitChange {
                id: unit.id.clone(),
                name: unit.name.vi.clone(),
                old: before,
                new: after,
            });
        }
    }
    for (j, unit) in o.units.iter().enumerate() {
        if !n.units.iter().any(|u| u.id == unit.id) {
            if let Some(before) = unit_tally(old, j) {
                out.push(UnitChange {
                    id: unit.id.clone(),
                    name: unit.name.vi.clone(),
                    old: Some(before),
                    new: None,
                });
            }
        }
    }
    out
}

fn task_changes(old: &ValidSnapshot, new: &ValidSnapshot) -> Option<TaskChanges> {
    let (o, n) = (old.records(), new.records());
    if o.is_empty() || n.is_empty() {
        return None;
    }
    let (old_as_of, new_as_of) = (old.snapshot().as_of, new.snapshot().as_of);
    let before: std::collections::HashMap<&str, Status> = o
        .iter()
        .map(|r| (r.id.as_str(), Status::derive(old_as_of, r.due, r.completed)))
        .collect();
    let mut changes = TaskChanges::default();
    for r in n {
        let now = Status::derive(new_as_of, r.due, r.completed);
        match before.get(r.id.as_str()) {
            None => changes.new.push(r.id.clone()),
            Some(was) if !was.is_completed() && now.is_completed() => {
                changes.newly_completed.push(r.id.clone())
            }
            Some(Status::WithinDeadline) if now == Status::Overdue => {
                changes.newly_overdue.push(r.id.clone())
            }
            Some(_) => {}
        }
    }
    let after: std::collections::HashSet<&str> = n.iter().map(|r| r.id.as_str()).collect();
    changes.removed = o
        .iter()
        .filter(|r| !after.contains(r.id.as_str()))
        .map(|r| r.id.clone())
        .collect();
    Some(changes)
}
