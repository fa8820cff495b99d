//! Task records turned into columns, so filtering 100k tasks is a tight loop over small
//! integers instead of a walk over strings and dates. Columns only: the caches of the view's
//! queries (sort orders, the search index, the last results) are the [`super::Selector`]'s.

use crate::order::sorted_indices;
use crate::snapshot::{ResolvedRecords, Status, TaskRecord, Unit, ValidSnapshot};
use crate::text::{fold, fold_into};

coded_enum! {
    /// Columns by which the task table can be sorted. Codes: links (`ts=due`, `ts=-due`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    pub enum SortColumn {
        Id => "id",
        Title => "title",
        Unit => "unit",
        Document => "doc",
        Assigned => "assigned",
        #[default]
        Due => "due",
        Completed => "done",
        Status => "status",
    }
}

impl SortColumn {
    /// Position in [`SortColumn::ALL`] (a slot of per-column caches).
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Derived, columnar view of a snapshot's task records (same order as the file).
#[derive(Debug)]
pub struct TaskIndex {
    pub status: Vec<Status>,
    /// Index into the snapshot's `units`.
    pub unit: Vec<u16>,
    /// Index into `tasks.assigning_documents`, or [`crate::snapshot::NO_DOCUMENT`].
    pub document: Vec<u16>,
    /// `Date::month_key` of the due date.
    pub due_month: Vec<u32>,
    /// Folded titles, each followed by a NUL (so no match spans two titles);
    /// title `i` is `haystack[title_end[i-1] + 1..title_end[i]]`.
    haystack: String,
    title_end: Vec<u32>,
    /// Rank of each unit for sorting by unit (alphabetical by Vietnamese name).
    unit_rank: Vec<u32>,
}

impl TaskIndex {
    /// The columns of `snap`'s records: what validation resolved of them (status, unit,
    /// document), and the due months and folded titles added here.
    pub fn new(snap: &ValidSnapshot, resolved: ResolvedRecords) -> TaskIndex {
        let records = snap.records();
        let mut index = TaskIndex {
            status: resolved.status,
            unit: resolved.unit,
            document: resolved.document,
            due_month: Vec::with_capacity(records.len()),
            haystack: String::with_capacity(records.iter().map(|r| r.title.len() + 1).sum()),
            title_end: Vec::with_capacity(records.len()),
            unit_rank: unit_rank(&snap.snapshot().units),
        };
        for r in records {
            index.due_month.push(r.due.month_key());
            fold_into(&r.title, &mut index.haystack);
            index.title_end.push(index.haystack.len() as u32);
            index.haystack.push('\0');
        }
        index
    }

    pub fn len(&self) -> usize {
        self.status.len()
    }

    pub fn is_empty(&self) -> bool {
        self.status.is_empty()
    }

    /// The folded title of record `i`.
    pub fn folded_title(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.title_end[i - 1] as usize + 1
        };
        &self.haystack[start..self.title_end[i] as usize]
    }

    /// Distinct due months (`Date::month_key`), ascending.
    pub fn due_months(&self) -> Vec<u32> {
        let months: std::collections::BTreeSet<u32> = self.due_month.iter().copied().collect();
        months.into_iter().collect()
    }

    /// Record indices sorted ascending by `column` (ties in file order).
    pub fn sorted_by(&self, column: SortColumn, records: &[TaskRecord]) -> Vec<u32> {
        let n = self.len();
        match column {
            SortColumn::Id => sorted_indices(n, &|a, b| records[a].id.cmp(&records[b].id)),
            SortColumn::Title => {
                sorted_indices(n, &|a, b| self.folded_title(a).cmp(self.folded_title(b)))
            }
            SortColumn::Unit => {
                let rank = |i: usize| self.unit_rank[usize::from(self.unit[i])];
                sorted_indices(n, &|a, b| rank(a).cmp(&rank(b)))
            }
            SortColumn::Document => {
                sorted_indices(n, &|a, b| self.document[a].cmp(&self.document[b]))
            }
            SortColumn::Assigned => {
                sorted_indices(n, &|a, b| records[a].assigned.cmp(&records[b].assigned))
            }
            SortColumn::Due => sorted_indices(n, &|a, b| records[a].due.cmp(&records[b].due)),
            // Not completed sorts last.
            SortColumn::Completed => {
                let key = |i: usize| (records[i].completed.is_none(), records[i].completed);
                sorted_indices(n, &|a, b| key(a).cmp(&key(b)))
            }
            SortColumn::Status => sorted_indices(n, &|a, b| self.status[a].cmp(&self.status[b])),
        }
    }
}

/// Rank of each unit in alphabetical order of its folded Vietnamese name.
fn unit_rank(units: &[Unit]) -> Vec<u32> {
    let names: Vec<String> = units.iter().map(|u| fold(&u.name.vi)).collect();
    let order = sorted_indices(units.len(), &|a, b| names[a].cmp(&names[b]));
    let mut rank = vec![0u32; units.len()];
    for (r, &u) in order.iter().enumerate() {
        rank[u as usize] = r as u32;
    }
    rank
}
