//! What the view loads: a validated snapshot with its records indexed, and the two questions
//! it asks of it (which tasks a filter selects; which rows a table page shows).

use std::ops::Deref;

use super::filter::TaskFilter;
use super::index::{SortColumn, TaskIndex};
use super::selector::{Selection, Selector, TableRows};
use crate::snapshot::{StatusTally, UnitKind, ValidSnapshot};

/// A validated snapshot with its task records indexed for filtering. It reads as the
/// [`ValidSnapshot`] it holds.
#[derive(Debug)]
pub struct IndexedSnapshot {
    snapshot: ValidSnapshot,
    /// `None` without records, and always in a build without the `records` feature.
    selector: Option<Selector>,
}

impl IndexedSnapshot {
    pub fn new(mut snapshot: ValidSnapshot) -> IndexedSnapshot {
        let selector = (snapshot.take_resolved_records())
            .map(|resolved| Selector::new(TaskIndex::new(&snapshot, resolved)));
        IndexedSnapshot { snapshot, selector }
    }

    /// The records' columns and query caches. Without the `records` feature, never: the
    /// compiler then drops the code that reads them.
    pub fn selector(&self) -> Option<&Selector> {
        if !cfg!(feature = "records") {
            return None;
        }
        self.selector.as_ref()
    }

    /// The columns of the task records, when the snapshot has records.
    pub fn task_index(&self) -> Option<&TaskIndex> {
        self.selector().map(Selector::index)
    }
}

impl Deref for IndexedSnapshot {
    type Target = ValidSnapshot;
    fn deref(&self) -> &ValidSnapshot {
        &self.snapshot
    }
}

impl TaskFilter {
    /// Applies the filters. Records are walked in the order of `sort` so the table rows come
    /// out sorted without a sort per filter change.
    pub fn select(&self, snap: &IndexedSnapshot, sort: SortColumn, descending: bool) -> Selection {
        let Some(tasks) = snap.tasks() else {
            return Selection {
                status_tally: StatusTally::default(),
                unit_tallies: Vec::new(),
                matched: Some(0),
                total: 0,
                rows: TableRows::default(),
            };
        };
        let kinds: Vec<UnitKind> = snap.snapshot().units.iter().map(|u| u.kind).collect();
        match snap.selector() {
            Some(selector) => self.select_records(selector, tasks, &kinds, sort, descending),
            None => self.select_counts(tasks, &kinds),
        }
    }
}

impl TableRows {
    /// Record indices `start..start + len` of the table, in order (none without records).
    pub fn page(&self, snap: &IndexedSnapshot, start: usize, len: usize) -> Vec<u32> {
        match snap.selector() {
            Some(selector) => self.page_of(selector, snap.records(), start, len),
            None => Vec::new(),
        }
    }

    /// Every matching record index, in table order (downloads, tests).
    pub fn all(&self, snap: &IndexedSnapshot) -> Vec<u32> {
        self.page(snap, 0, usize::MAX)
    }
}
