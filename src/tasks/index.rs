//! Task records turned into columns, so filtering 100k tasks is a tight loop over small
//! integers instead of a walk over strings and dates.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::filter::{Counted, TaskFilter};
use super::pairs::{ones, Candidates, LetterPairs};
use super::search::fold_into;
use super::status::Status;
use crate::snapshot::error::{Issues, Quoted};
use crate::snapshot::{Date, TaskRecord};

/// The last result of a computation, with what it was computed for: a reader's next change
/// often asks for it again (a status toggle keeps the text search and the other filters).
#[derive(Debug)]
struct Last<K, V>(Mutex<Option<(K, Arc<V>)>>);

impl<K: Clone + PartialEq, V> Last<K, V> {
    fn new() -> Self {
        Last(Mutex::new(None))
    }

    fn get(&self) -> Option<(K, Arc<V>)> {
        self.0.lock().ok().and_then(|last| last.clone())
    }

    fn keep(&self, key: K, value: V) -> Arc<V> {
        let value = Arc::new(value);
        if let Ok(mut last) = self.0.lock() {
            *last = Some((key, Arc::clone(&value)));
        }
        value
    }

    /// The value for `key`: the last one if it was for `key`, else `compute()` (then kept).
    fn get_or(&self, key: &K, compute: impl FnOnce() -> V) -> Arc<V> {
        match self.get() {
            Some((k, value)) if k == *key => value,
            _ => self.keep(key.clone(), compute()),
        }
    }
}

/// Marks a record without an assigning document.
pub const NO_DOCUMENT: u16 = u16::MAX;

/// Columns by which the task table can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    Id,
    Title,
    Unit,
    Document,
    Assigned,
    #[default]
    Due,
    Completed,
    Status,
}

impl SortColumn {
    pub const ALL: [SortColumn; 8] = [
        SortColumn::Id,
        SortColumn::Title,
        SortColumn::Unit,
        SortColumn::Document,
        SortColumn::Assigned,
        SortColumn::Due,
        SortColumn::Completed,
        SortColumn::Status,
    ];

    /// Stable code used in links (`ts=due`, `ts=-due`).
    pub fn code(self) -> &'static str {
        match self {
            SortColumn::Id => "id",
            SortColumn::Title => "title",
            SortColumn::Unit => "unit",
            SortColumn::Document => "doc",
            SortColumn::Assigned => "assigned",
            SortColumn::Due => "due",
            SortColumn::Completed => "done",
            SortColumn::Status => "status",
        }
    }

    pub fn from_code(code: &str) -> Option<SortColumn> {
        SortColumn::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Derived, columnar view of a snapshot's task records (same order as the file).
#[derive(Debug)]
pub struct TaskIndex {
    pub status: Vec<Status>,
    /// Index into the snapshot's `units`.
    pub unit: Vec<u16>,
    /// Index into `tasks.assigning_documents`, or [`NO_DOCUMENT`].
    pub document: Vec<u16>,
    /// `Date::month_key` of the due date.
    pub due_month: Vec<u32>,
    /// Folded titles, each followed by a NUL (so no match spans two titles);
    /// title `i` is `haystack[title_end[i-1] + 1..title_end[i]]`.
    haystack: String,
    title_end: Vec<u32>,
    /// Which titles hold which pairs of letters, to search only those; built when the reader
    /// focuses the search field or by the first search (~40 ms at 100k tasks in Chromium),
    /// so that loading does not pay for it.
    pairs: OnceLock<LetterPairs>,
    /// Rank of each unit for sorting by unit (alphabetical by Vietnamese name).
    unit_rank: Vec<u32>,
    /// Record order for each sort column, computed on first use.
    orders: [OnceLock<Vec<u32>>; 8],
    /// The last text search and its hits: toggling other filters while a query is set does
    /// not scan the titles again.
    last_search: Last<String, Vec<u32>>,
    /// The last counts, keyed by their filter (without statuses): see [`TaskIndex::counted`].
    last_count: Last<TaskFilter, Counted>,
}

impl TaskIndex {
    /// Checks every record and builds the columns in one pass over the records.
    /// Problems go to `issues` with their JSON path; such records are still indexed (with a
    /// placeholder) so that the walk can report every problem, but the caller then rejects
    /// the snapshot.
    pub(crate) fn build(
        records: &[TaskRecord],
        as_of: Date,
        units: &HashMap<&str, u16>,
        unit_rank: Vec<u32>,
        documents: &HashMap<&str, u16>,
        issues: &mut Issues,
    ) -> TaskIndex {
        let n = records.len();
        let mut index = TaskIndex {
            status: Vec::with_capacity(n),
            unit: Vec::with_capacity(n),
            document: Vec::with_capacity(n),
            due_month: Vec::with_capacity(n),
            haystack: String::with_capacity(records.iter().map(|r| r.title.len() + 1).sum()),
            title_end: Vec::with_capacity(n),
            pairs: OnceLock::new(),
            unit_rank,
            orders: Default::default(),
            last_search: Last::new(),
            last_count: Last::new(),
        };
        let mut seen_ids: HashMap<&str, usize> = HashMap::with_capacity(n);
        for (i, r) in records.iter().enumerate() {
            let at = |field: &str| format!("tasks.records[{i}].{field}");
            if r.id.trim().is_empty() {
                issues.push(at("id"), "expected a non-empty task id");
            } else if let Some(first) = seen_ids.insert(&r.id, i) {
                issues.push(
                    at("id"),
                    format!(
                        "duplicate task id {} (first at tasks.records[{first}])",
                        Quoted(&r.id)
                    ),
                );
            }
            let unit = units.get(r.unit.as_str()).copied().unwrap_or_else(|| {
                issues.push(
                    at("unit"),
                    format!(
                        "expected the id of one of `units`, found {}",
                        Quoted(&r.unit)
                    ),
                );
                0
            });
            let document = match &r.document {
                None => NO_DOCUMENT,
                Some(doc) => documents.get(doc.as_str()).copied().unwrap_or_else(|| {
                    issues.push(
                        at("document"),
                        format!(
                            "expected the id of one of `tasks.assigning_documents`, found {}",
                            Quoted(doc)
                        ),
                    );
                    NO_DOCUMENT
                }),
            };
            if r.assigned > as_of {
                issues.push(
                    at("assigned"),
                    format!(
                        "assigned {} is after the snapshot's as_of {as_of}",
                        r.assigned
                    ),
                );
            }
            if r.due < r.assigned {
                issues.push(
                    at("due"),
                    format!("due {} is before assigned {}", r.due, r.assigned),
                );
            }
            if let Some(done) = r.completed {
                if done < r.assigned {
                    issues.push(
                        at("completed"),
                        format!("completed {done} is before assigned {}", r.assigned),
                    );
                }
                if done > as_of {
                    issues.push(
                        at("completed"),
                        format!("completed {done} is after the snapshot's as_of {as_of}"),
                    );
                }
            }
            index.status.push(Status::derive(as_of, r.due, r.completed));
            index.unit.push(unit);
            index.document.push(document);
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

    /// The counts of `filter` (which has no status filter), computed by `count` unless they
    /// are the last ones asked for.
    pub(crate) fn counted(
        &self,
        filter: &TaskFilter,
        count: impl FnOnce() -> Counted,
    ) -> Arc<Counted> {
        self.last_count.get_or(filter, count)
    }

    /// Builds the search index now if no search has yet (the first search would).
    pub fn prepare_search(&self) {
        self.letter_pairs();
    }

    fn letter_pairs(&self) -> &LetterPairs {
        (self.pairs).get_or_init(|| LetterPairs::new((0..self.len()).map(|i| self.folded_title(i))))
    }

    /// The records whose folded titles contain `folded_query`, ascending: only the titles
    /// that hold every letter pair of the query are looked at (see [`LetterPairs`]). A list,
    /// not a flag per record, so the filter pass visits only these records.
    pub fn titles_containing(&self, folded_query: &str) -> Arc<Vec<u32>> {
        if let Some((q, hits)) = self.last_search.get() {
            if q == folded_query {
                return hits;
            }
        }
        let hits: Vec<u32> = if folded_query.is_empty() {
            (0..self.len() as u32).collect()
        } else if folded_query.contains('\0') {
            Vec::new()
        } else {
            match self.letter_pairs().candidates(folded_query) {
                Candidates::Exact(bits) => ones(&bits).map(|i| i as u32).collect(),
                Candidates::Superset(bits) => ones(&bits)
                    .filter(|&i| self.folded_title(i).contains(folded_query))
                    .map(|i| i as u32)
                    .collect(),
            }
        };
        self.last_search.keep(folded_query.to_owned(), hits)
    }

    /// Distinct due months (`Date::month_key`), ascending.
    pub fn due_months(&self) -> Vec<u32> {
        let months: std::collections::BTreeSet<u32> = self.due_month.iter().copied().collect();
        months.into_iter().collect()
    }

    /// Record indices sorted ascending by `column` (ties in file order), cached.
    pub fn order(&self, column: SortColumn, records: &[TaskRecord]) -> &[u32] {
        let slot = &self.orders[column as usize];
        slot.get_or_init(|| {
            let n = self.len();
            let sort = crate::order::sorted_indices;
            match column {
                SortColumn::Id => sort(n, &|a, b| records[a].id.cmp(&records[b].id)),
                SortColumn::Title => {
                    sort(n, &|a, b| self.folded_title(a).cmp(self.folded_title(b)))
                }
                SortColumn::Unit => {
                    let rank = |i: usize| self.unit_rank[usize::from(self.unit[i])];
                    sort(n, &|a, b| rank(a).cmp(&rank(b)))
                }
                SortColumn::Document => sort(n, &|a, b| self.document[a].cmp(&self.document[b])),
                SortColumn::Assigned => {
                    sort(n, &|a, b| records[a].assigned.cmp(&records[b].assigned))
                }
                SortColumn::Due => sort(n, &|a, b| records[a].due.cmp(&records[b].due)),
                // Not completed sorts last.
                SortColumn::Completed => {
                    let key = |i: usize| (records[i].completed.is_none(), records[i].completed);
                    sort(n, &|a, b| key(a).cmp(&key(b)))
                }
                SortColumn::Status => sort(n, &|a, b| self.status[a].cmp(&self.status[b])),
            }
        })
    }
}
