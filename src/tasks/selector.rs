//! Selections for the view, and the caches that make a reader's next change cheap.
//!
//! A [`Selector`] owns the columns of a snapshot's records and keeps what the view's queries
//! computed: the record order of each sort column, the letter-pair search index, and the last
//! search and the last counts (a status toggle or a sort often asks for them again).

use std::sync::{Arc, Mutex, OnceLock};

use super::filter::{count_in, CountPass, TaskFilter};
use super::index::{SortColumn, TaskIndex};
use super::pairs::{ones, Candidates, LetterPairs};
use crate::snapshot::{StatusTally, TaskData, TaskRecord, UnitKind};

/// The last result of a computation, with what it was computed for.
#[derive(Debug)]
struct LastResult<K, V>(Mutex<Option<(K, Arc<V>)>>);

impl<K: Clone + PartialEq, V> LastResult<K, V> {
    fn new() -> Self {
        LastResult(Mutex::new(None))
    }

    /// The value for `key`: the last one if it was for `key`, else `compute()` (then kept).
    fn get_or(&self, key: &K, compute: impl FnOnce() -> V) -> Arc<V> {
        if let Some((k, value)) = self.0.lock().ok().and_then(|last| last.clone()) {
            if k == *key {
                return value;
            }
        }
        let value = Arc::new(compute());
        if let Ok(mut last) = self.0.lock() {
            *last = Some((key.clone(), Arc::clone(&value)));
        }
        value
    }
}

/// The columns of a snapshot's records and the caches of the queries over them.
#[derive(Debug)]
pub struct Selector {
    index: TaskIndex,
    /// Record order for each sort column (slot [`SortColumn::index`]), computed on first use.
    orders: [OnceLock<Vec<u32>>; SortColumn::ALL.len()],
    /// Which titles hold which pairs of letters, to search only those; built when the reader
    /// focuses the search field or by the first search (~40 ms at 100k tasks in Chromium),
    /// so that loading does not pay for it.
    pairs: OnceLock<LetterPairs>,
    /// The last text search and its hits: toggling other filters while a query is set does
    /// not scan the titles again.
    last_search: LastResult<String, Vec<u32>>,
    /// The last counts, keyed by their filter without statuses: see [`Selector::counted`].
    last_count: LastResult<TaskFilter, CountPass>,
}

impl Selector {
    pub fn new(index: TaskIndex) -> Selector {
        Selector {
            index,
            orders: Default::default(),
            pairs: OnceLock::new(),
            last_search: LastResult::new(),
            last_count: LastResult::new(),
        }
    }

    pub fn index(&self) -> &TaskIndex {
        &self.index
    }

    /// The counts of `filter` whatever its statuses: the last ones if they were for the same
    /// filter, else one pass over the columns.
    fn counted(&self, filter: &TaskFilter, kinds: &[UnitKind]) -> Arc<CountPass> {
        self.last_count.get_or(&filter.without_statuses(), || {
            let query = filter.folded_text();
            let hits = (!query.is_empty()).then(|| self.titles_containing(&query));
            filter.count(&self.index, hits.as_ref().map(|h| h.as_slice()), kinds)
        })
    }

    /// Builds the search index now if no search has yet (the first search would).
    pub fn prepare_search(&self) {
        self.letter_pairs();
    }

    fn letter_pairs(&self) -> &LetterPairs {
        let index = &self.index;
        (self.pairs)
            .get_or_init(|| LetterPairs::new((0..index.len()).map(|i| index.folded_title(i))))
    }

    /// The records whose folded titles contain `folded_query`, ascending: only the titles
    /// that hold every letter pair of the query are looked at (see [`LetterPairs`]). A list,
    /// not a flag per record, so the filter pass visits only these records.
    pub fn titles_containing(&self, folded_query: &str) -> Arc<Vec<u32>> {
        self.last_search.get_or(&folded_query.to_owned(), || {
            let index = &self.index;
            if folded_query.is_empty() {
                (0..index.len() as u32).collect()
            } else if folded_query.contains('\0') {
                Vec::new()
            } else {
                match self.letter_pairs().candidates(folded_query) {
                    Candidates::Exact(bits) => ones(&bits).map(|i| i as u32).collect(),
                    Candidates::Superset(bits) => ones(&bits)
                        .filter(|&i| index.folded_title(i).contains(folded_query))
                        .map(|i| i as u32)
                        .collect(),
                }
            }
        })
    }

    /// Record indices sorted ascending by `column` (ties in file order), cached.
    pub fn order(&self, column: SortColumn, records: &[TaskRecord]) -> &[u32] {
        self.orders[column.index()].get_or_init(|| self.index.sorted_by(column, records))
    }
}

/// What the view draws for the current filters.
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    /// Status counts of tasks matching every filter but the status filter.
    pub status_tally: StatusTally,
    /// Per unit (indexed like `units`): counts of tasks matching every filter but the status
    /// and unit selections; `None` for units excluded by the unit-kind filter or without data.
    /// Empty when the snapshot has no per-unit figures.
    pub unit_tallies: Vec<Option<StatusTally>>,
    /// Tasks matching every filter; `None` when it cannot be known (a status filter that splits
    /// a group the report gives only as a sum).
    pub matched: Option<u32>,
    /// All tasks of the snapshot.
    pub total: u32,
    /// Matching records in table order (none without records), produced on demand.
    pub rows: TableRows,
}

/// The records a selection matches, in table order, produced on demand: a table page needs
/// only its own rows, so a sort or a status toggle does not list all 100k.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct TableRows {
    /// `None` without records.
    counted: Option<Arc<CountPass>>,
    /// Bit `s` set: status `s` is shown.
    status_mask: u8,
    sort: SortColumn,
    descending: bool,
}

impl TableRows {
    /// How many records match.
    pub fn len(&self) -> usize {
        self.counted.as_ref().map_or(0, |c| {
            (0..4)
                .filter(|s| self.status_mask & (1 << s) != 0)
                .map(|s| c.status_counts[s] as usize)
                .sum()
        })
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Record indices `start..start + len` of the table, in order: a walk of the cached sort
    /// order that stops at the page's end.
    pub(super) fn page_of(
        &self,
        selector: &Selector,
        records: &[TaskRecord],
        start: usize,
        len: usize,
    ) -> Vec<u32> {
        let Some(counted) = &self.counted else {
            return Vec::new();
        };
        let index = selector.index();
        let order = selector.order(self.sort, records);
        let kept = |&&i: &&u32| {
            let i = i as usize;
            counted.passes[i] && self.status_mask & (1 << index.status[i] as u8) != 0
        };
        let take = |rows: &mut dyn Iterator<Item = &u32>| {
            rows.filter(kept).skip(start).take(len).copied().collect()
        };
        if self.descending {
            take(&mut order.iter().rev())
        } else {
            take(&mut order.iter())
        }
    }
}

impl Selection {
    /// Same per-unit counts: all the unit chart reads (it ignores the status filter, whose
    /// toggle changes `matched` but not these).
    pub fn same_unit_counts(&self, other: &Selection) -> bool {
        self.unit_tallies == other.unit_tallies
    }

    /// Same counts (tallies, matched, total), whatever the order of the rows.
    pub fn same_counts(&self, other: &Selection) -> bool {
        self.status_tally == other.status_tally
            && self.unit_tallies == other.unit_tallies
            && self.matched == other.matched
            && self.total == other.total
    }
}

impl TaskFilter {
    pub(super) fn select_records(
        &self,
        selector: &Selector,
        tasks: &TaskData,
        kinds: &[UnitKind],
        sort: SortColumn,
        descending: bool,
    ) -> Selection {
        let status_mask = if self.statuses.is_empty() {
            0b1111
        } else {
            self.statuses.bits()
        };
        // The counts and the records that pass every filter but the status one do not depend
        // on the status filter (each chart ignores its own dimension) or on the table order:
        // the selector keeps the last ones, and the rows are listed only a page at a time
        // (`TableRows::page`), so a status toggle or a sort costs next to nothing here.
        let counted = selector.counted(self, kinds);
        let rows = TableRows {
            counted: Some(counted.clone()),
            status_mask,
            sort,
            descending,
        };
        Selection {
            status_tally: StatusTally::from_counts(counted.status_counts),
            unit_tallies: (counted.unit_counts.iter())
                .map(|c| c.map(StatusTally::from_counts))
                .collect(),
            matched: Some(rows.len() as u32),
            total: tasks.totals.total(),
            rows,
        }
    }

    /// Aggregate-only snapshots: status, unit and unit-kind filters work on the counts; the
    /// filters that need records are ignored (the view disables them and says why).
    pub(super) fn select_counts(&self, tasks: &TaskData, kinds: &[UnitKind]) -> Selection {
        let (status_tally, unit_tallies) = if tasks.by_unit.is_empty() {
            (tasks.totals, Vec::new())
        } else {
            let (in_kind, selected_unit) = self.unit_masks(kinds);
            let unit_tallies: Vec<Option<StatusTally>> = tasks
                .by_unit
                .iter()
                .zip(&in_kind)
                .map(|(t, ok)| t.filter(|_| *ok))
                .collect();
            let status_tally = unit_tallies
                .iter()
                .zip(&selected_unit)
                .filter_map(|(t, sel)| t.filter(|_| *sel))
                .fold(StatusTally::default(), |acc, t| acc.plus(&t));
            (status_tally, unit_tallies)
        };
        Selection {
            matched: count_in(&status_tally, self.statuses),
            status_tally,
            unit_tallies,
            total: tasks.totals.total(),
            rows: TableRows::default(),
        }
    }
}
