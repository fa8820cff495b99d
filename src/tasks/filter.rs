//! Filtering and aggregation for the view, with cross-filtering: each chart ignores the
//! filter on its own dimension, so a reader sees what else they could pick.
//!
//! - the status chart counts tasks matching every filter except the status filter;
//! - the unit chart counts tasks matching every filter except the status and unit selections
//!   (it shows all four statuses of each unit and highlights the selected ones);
//! - the "x of y" count and the table use every filter.

use std::fmt;
use std::sync::Arc;

use super::index::{SortColumn, TaskIndex};
use super::search::fold;
use super::status::{GroupTally, Status, StatusSet, StatusTally};
use crate::snapshot::{TaskData, UnitKind, ValidSnapshot};

/// A due-date period to filter by: a calendar month or a quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DuePeriod {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

impl DuePeriod {
    /// `2021-03` or `2021-Q1`.
    pub fn parse(s: &str) -> Option<DuePeriod> {
        let (y, rest) = s.split_once('-')?;
        if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = y.parse().ok()?;
        if let Some(q) = rest.strip_prefix('Q') {
            let quarter: u32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            (q.len() == 1).then_some(DuePeriod::Quarter { year, quarter })
        } else {
            let month: u32 = rest.parse().ok().filter(|m| (1..=12).contains(m))?;
            (rest.len() == 2).then_some(DuePeriod::Month { year, month })
        }
    }

    /// From a `Date::month_key`.
    pub fn month_of_key(key: u32) -> DuePeriod {
        DuePeriod::Month {
            year: (key / 12) as i32,
            month: key % 12 + 1,
        }
    }

    /// Inclusive range of `Date::month_key`s.
    pub fn month_keys(self) -> (u32, u32) {
        match self {
            DuePeriod::Month { year, month } => {
                let k = year as u32 * 12 + month - 1;
                (k, k)
            }
            DuePeriod::Quarter { year, quarter } => {
                let first = year as u32 * 12 + (quarter - 1) * 3;
                (first, first + 2)
            }
        }
    }
}

impl fmt::Display for DuePeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DuePeriod::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DuePeriod::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
        }
    }
}

/// Filters resolved against one snapshot (unit and document as indices).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TaskFilter {
    /// Empty means every status.
    pub statuses: StatusSet,
    /// Unit indices; empty means every unit.
    pub units: Vec<usize>,
    pub unit_kind: Option<UnitKind>,
    /// Index into `tasks.assigning_documents`.
    pub document: Option<usize>,
    pub due: Option<DuePeriod>,
    /// Free text searched in titles, accent-insensitive.
    pub text: String,
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
    pub rows: Rows,
}

/// The records a selection matches, in table order, produced on demand: a table page needs
/// only its own rows, so a sort or a status toggle does not list all 100k.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Rows {
    /// `None` without records.
    counted: Option<Arc<Counted>>,
    /// Bit `s` set: status `s` is shown.
    status_mask: u8,
    sort: SortColumn,
    descending: bool,
}

impl Rows {
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
    pub fn page(&self, snap: &ValidSnapshot, start: usize, len: usize) -> Vec<u32> {
        let (Some(counted), Some(index)) = (&self.counted, snap.task_index()) else {
            return Vec::new();
        };
        let order = index.order(self.sort, snap.records());
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

    /// Every matching record index, in table order (downloads, tests).
    pub fn all(&self, snap: &ValidSnapshot) -> Vec<u32> {
        self.page(snap, 0, usize::MAX)
    }
}

/// What a selection counts whatever the status filter and the table order (see
/// [`TaskIndex::counted`]). `Eq`, so that comparing two `Arc`s of the same counts is a
/// pointer comparison, not a walk of 100k flags.
#[derive(Debug, PartialEq, Eq)]
pub struct Counted {
    status_counts: [u32; 4],
    /// Per unit of the snapshot, every status (the unit chart ignores the unit filter);
    /// `None` for a unit of the other kind.
    unit_counts: Vec<Option<[u32; 4]>>,
    /// Per record: passes every filter but the status one.
    passes: Vec<bool>,
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
    /// True when no filter narrows the tasks.
    pub fn is_empty(&self) -> bool {
        *self == TaskFilter::default()
    }

    /// True when a filter needs task records (document, due period, text).
    pub fn needs_records(&self) -> bool {
        self.document.is_some() || self.due.is_some() || !self.text.trim().is_empty()
    }

    /// Applies the filters. Records are walked in the order of `sort` so the table rows come
    /// out sorted without a sort per filter change.
    pub fn select(&self, snap: &ValidSnapshot, sort: SortColumn, descending: bool) -> Selection {
        let Some(tasks) = snap.tasks() else {
            return Selection {
                status_tally: StatusTally::default(),
                unit_tallies: Vec::new(),
                matched: Some(0),
                total: 0,
                rows: Rows::default(),
            };
        };
        let kinds: Vec<UnitKind> = snap.snapshot().units.iter().map(|u| u.kind).collect();
        match snap.task_index() {
            Some(_) => self.select_records(tasks, &kinds, sort, descending),
            None => self.select_counts(tasks, &kinds),
        }
    }

    fn unit_masks(&self, kinds: &[UnitKind]) -> (Vec<bool>, Vec<bool>) {
        let in_kind: Vec<bool> = kinds
            .iter()
            .map(|k| self.unit_kind.is_none_or(|want| *k == want))
            .collect();
        let selected: Vec<bool> = (0..kinds.len())
            .map(|u| self.units.is_empty() || self.units.contains(&u))
            .collect();
        (in_kind, selected)
    }

    fn select_records(
        &self,
        tasks: &TaskData,
        kinds: &[UnitKind],
        sort: SortColumn,
        descending: bool,
    ) -> Selection {
        let Some(index) = &tasks.index else {
            unreachable!("select_records is called only with an index")
        };
        let status_mask = if self.statuses.is_empty() {
            0b1111
        } else {
            self.statuses.bits()
        };
        // The counts and the records that pass every filter but the status one do not depend
        // on the status filter (each chart ignores its own dimension) or on the table order:
        // the index keeps the last ones, and the rows are listed only a page at a time
        // (`Rows::page`), so a status toggle or a sort costs next to nothing here.
        let counted = index.counted(&self.without_statuses(), || self.count(index, kinds));
        let rows = Rows {
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

    /// This filter with no status filter: the key of [`Counted`].
    fn without_statuses(&self) -> TaskFilter {
        TaskFilter {
            statuses: StatusSet::default(),
            ..self.clone()
        }
    }

    /// One pass over the columns in record order (each read sequentially): the counts, and
    /// which records pass every filter but the status one.
    fn count(&self, index: &TaskIndex, kinds: &[UnitKind]) -> Counted {
        let (in_kind, selected_unit) = self.unit_masks(kinds);
        let document = self.document.map(|d| d as u16);
        let (due_first, due_last) = self.due.map_or((0, u32::MAX), DuePeriod::month_keys);
        let query = fold(self.text.trim());
        let text_hits = (!query.is_empty()).then(|| index.titles_containing(&query));
        let mut status_counts = [0u32; 4];
        let mut unit_counts = vec![[0u32; 4]; kinds.len()];
        let mut passes = vec![false; index.len()];
        let mut visit = |i: usize| {
            let unit = usize::from(index.unit[i]);
            let rest_ok = in_kind[unit]
                && document.is_none_or(|d| index.document[i] == d)
                && (due_first..=due_last).contains(&index.due_month[i]);
            if !rest_ok {
                return;
            }
            let status = index.status[i] as usize;
            unit_counts[unit][status] += 1;
            if selected_unit[unit] {
                status_counts[status] += 1;
                passes[i] = true;
            }
        };
        // With a search, only the records whose titles match (often a few percent).
        match &text_hits {
            Some(hits) => hits.iter().for_each(|&i| visit(i as usize)),
            None => (0..index.len()).for_each(visit),
        }
        Counted {
            status_counts,
            unit_counts: (unit_counts.into_iter().zip(in_kind))
                .map(|(c, ok)| ok.then_some(c))
                .collect(),
            passes,
        }
    }

    /// Aggregate-only snapshots: status, unit and unit-kind filters work on the counts; the
    /// filters that need records are ignored (the view disables them and says why).
    fn select_counts(&self, tasks: &TaskData, kinds: &[UnitKind]) -> Selection {
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
            rows: Rows::default(),
        }
    }
}

/// Tasks of `tally` in `statuses` (all when empty); `None` if that would split a sum-only group.
pub fn count_in(tally: &StatusTally, statuses: StatusSet) -> Option<u32> {
    if statuses.is_empty() {
        return Some(tally.total());
    }
    let group = |g: GroupTally, a: Status, b: Status| -> Option<u32> {
        match g {
            GroupTally::Split(x, y) => Some(
                if statuses.contains(a) { x } else { 0 } + if statuses.contains(b) { y } else { 0 },
            ),
            GroupTally::SumOnly(s) => match (statuses.contains(a), statuses.contains(b)) {
                (true, true) => Some(s),
                (false, false) => Some(0),
                _ => None,
            },
        }
    };
    Some(
        group(tally.completed, Status::OnTime, Status::Late)?
            + group(tally.not_completed, Status::Overdue, Status::WithinDeadline)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_periods_parse_and_print_back() {
        for s in ["2021-03", "2021-12", "2021-Q1", "2021-Q4"] {
            assert_eq!(DuePeriod::parse(s).unwrap().to_string(), s);
        }
        for bad in ["2021-13", "2021-3", "2021-Q5", "2021-Q", "21-03", "2021"] {
            assert_eq!(DuePeriod::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_quarter_covers_three_months() {
        let (a, b) = DuePeriod::parse("2021-Q2").unwrap().month_keys();
        assert_eq!(b - a, 2);
        assert_eq!(DuePeriod::month_of_key(a).to_string(), "2021-04");
    }

    #[test]
    fn counting_a_sum_only_group_needs_both_of_its_statuses() {
        let t = StatusTally {
            completed: GroupTally::SumOnly(495),
            not_completed: GroupTally::Split(35, 1059),
        };
        assert_eq!(count_in(&t, StatusSet::EMPTY), Some(1589));
        assert_eq!(count_in(&t, StatusSet::only(Status::Overdue)), Some(35));
        let completed: StatusSet = [Status::OnTime, Status::Late].into_iter().collect();
        assert_eq!(count_in(&t, completed), Some(495));
        assert_eq!(count_in(&t, StatusSet::only(Status::OnTime)), None);
    }
}
