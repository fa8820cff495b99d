//! What changed between two snapshots of the same body (`snapshot-tool diff`; the "what
//! changed" view of issue #20 will draw the same): the four statuses, each unit's, and with
//! task records, each task: newly completed, newly overdue, new, removed.

use std::collections::HashMap;

use crate::snapshot::{Date, Status, StatusTally, ValidSnapshot};

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
    /// The same, counted per unit: units in the order of the newer snapshot, then those only
    /// the older lists; a unit with no such task is left out.
    pub by_unit: Vec<UnitTaskChanges>,
}

/// One unit's count of each kind of task change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitTaskChanges {
    pub id: String,
    pub newly_completed: u32,
    pub newly_overdue: u32,
    pub new: u32,
    pub removed: u32,
}

/// Why a comparison may mislead.
#[derive(Clone, Debug, PartialEq)]
pub enum Caution {
    /// The snapshots are of different bodies (their jurisdictions, in Vietnamese).
    OtherBody { old: String, new: String },
    /// The newer snapshot is not dated after the older.
    NotAfter { old: Date, new: Date },
}

impl Caution {
    /// The caution in English, as `snapshot-tool diff` prints it.
    pub fn text(&self) -> String {
        match self {
            Caution::OtherBody { old, new } => {
                format!("the snapshots are of different bodies ({old} and {new})")
            }
            Caution::NotAfter { old, new } => {
                format!("the newer snapshot's as_of ({new}) is not after the older's ({old})")
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Changes {
    pub old_totals: Option<StatusTally>,
    pub new_totals: Option<StatusTally>,
    /// Units in the order of the newer snapshot, then those only the older lists.
    pub units: Vec<UnitChange>,
    pub tasks: Option<TaskChanges>,
    /// Why the comparison may mislead: another body, dates out of order.
    pub cautions: Vec<Caution>,
}

/// What changed from `old` to `new`.
pub fn changes(old: &ValidSnapshot, new: &ValidSnapshot) -> Changes {
    let (o, n) = (old.snapshot(), new.snapshot());
    let mut cautions = Vec::new();
    if o.jurisdiction.vi != n.jurisdiction.vi {
        cautions.push(Caution::OtherBody {
            old: o.jurisdiction.vi.clone(),
            new: n.jurisdiction.vi.clone(),
        });
    }
    if n.as_of <= o.as_of {
        cautions.push(Caution::NotAfter {
            old: o.as_of,
            new: n.as_of,
        });
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
    // Each older record by id. (The map's type is the one `snapshot::records` already uses:
    // another one would compile the hash table again into the WASM.)
    let mut before: HashMap<&str, usize> = HashMap::with_capacity(o.len());
    for (i, r) in o.iter().enumerate() {
        before.insert(r.id.as_str(), i);
    }
    let was = |i: usize| Status::derive(old_as_of, o[i].due, o[i].completed);
    // Per unit, in the order of the newer snapshot's units, then the older's.
    let mut units: Vec<UnitTaskChanges> = new
        .snapshot()
        .units
        .iter()
        .chain(&old.snapshot().units)
        .map(|u| UnitTaskChanges {
            id: u.id.clone(),
            ..UnitTaskChanges::default()
        })
        .collect();
    let unit_of = |id: &str| -> Option<usize> { units.iter().position(|u| u.id == id) };
    let mut changes = TaskChanges::default();
    let mut counts: Vec<[u32; 4]> = Vec::new();
    let bump = |unit: &str, kind: usize, counts: &mut Vec<[u32; 4]>| {
        if let Some(i) = unit_of(unit) {
            if counts.len() <= i {
                counts.resize(i + 1, [0; 4]);
            }
            counts[i][kind] += 1;
        }
    };
    for r in n {
        let now = Status::derive(new_as_of, r.due, r.completed);
        match before.get(r.id.as_str()).map(|&i| was(i)) {
            None => {
                changes.new.push(r.id.clone());
                bump(&r.unit, 2, &mut counts);
            }
            Some(was) if !was.is_completed() && now.is_completed() => {
                changes.newly_completed.push(r.id.clone());
                bump(&r.unit, 0, &mut counts);
            }
            Some(Status::WithinDeadline) if now == Status::Overdue => {
                changes.newly_overdue.push(r.id.clone());
                bump(&r.unit, 1, &mut counts);
            }
            Some(_) => {}
        }
    }
    let mut after: HashMap<&str, usize> = HashMap::with_capacity(n.len());
    for (i, r) in n.iter().enumerate() {
        after.insert(r.id.as_str(), i);
    }
    for r in o.iter().filter(|r| !after.contains_key(r.id.as_str())) {
        changes.removed.push(r.id.clone());
        bump(&r.unit, 3, &mut counts);
    }
    counts.resize(units.len(), [0; 4]);
    let mut seen = std::collections::HashSet::new();
    changes.by_unit = units
        .drain(..)
        .zip(counts)
        .filter(|(u, c)| seen.insert(u.id.clone()) && c.iter().any(|n| *n > 0))
        .map(|(u, [c, od, nw, rm])| UnitTaskChanges {
            newly_completed: c,
            newly_overdue: od,
            new: nw,
            removed: rm,
            ..u
        })
        .collect();
    Some(changes)
}
