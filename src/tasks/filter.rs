//! Filters and the one pass over the columns that counts what they keep.
//!
//! Cross-filtering: each chart ignores the filter on its own dimension, so a reader sees what
//! else they could pick. The pass therefore counts every filter but the status one; the status
//! filter is applied to those counts (and to the table rows) afterwards, by the selector.

use std::fmt;

use super::index::TaskIndex;
use crate::snapshot::{GroupTally, Status, StatusSet, StatusTally, UnitKind};

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

    /// What the due-period filter offers for these due months (`Date::month_key`s,
    /// ascending): the quarters they fall in, then the months.
    pub fn choices(due_months: &[u32]) -> Vec<DuePeriod> {
        let months: Vec<DuePeriod> = due_months
            .iter()
            .map(|&k| DuePeriod::month_of_key(k))
            .collect();
        let mut quarters: Vec<DuePeriod> = months.iter().map(|m| m.quarter()).collect();
        quarters.dedup();
        quarters.into_iter().chain(months).collect()
    }

    /// The quarter of a month (a quarter is its own).
    pub fn quarter(self) -> DuePeriod {
        match self {
            DuePeriod::Month { year, month } => DuePeriod::Quarter {
                year,
                quarter: (month - 1) / 3 + 1,
            },
            q => q,
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

/// What a selection counts whatever the status filter and the table order (see
/// [`super::Selector`]). `Eq`, so that comparing two `Arc`s of the same counts is a
/// pointer comparison, not a walk of 100k flags.
#[derive(Debug, PartialEq, Eq)]
pub struct CountPass {
    pub(super) status_counts: [u32; 4],
    /// Per unit of the snapshot, every status (the unit chart ignores the unit filter);
    /// `None` for a unit of the other kind.
    pub(super) unit_counts: Vec<Option<[u32; 4]>>,
    /// Per record: passes every filter but the status one.
    pub(super) passes: Vec<bool>,
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

    /// The search text as the index holds titles: folded, trimmed.
    pub fn folded_text(&self) -> String {
        crate::text::fold(self.text.trim())
    }

    pub(super) fn unit_masks(&self, kinds: &[UnitKind]) -> (Vec<bool>, Vec<bool>) {
        let in_kind: Vec<bool> = kinds
            .iter()
            .map(|k| self.unit_kind.is_none_or(|want| *k == want))
            .collect();
        let selected: Vec<bool> = (0..kinds.len())
            .map(|u| self.units.is_empty() || self.units.contains(&u))
            .collect();
        (in_kind, selected)
    }

    /// This filter with no status filter: the key of [`CountPass`].
    pub(super) fn without_statuses(&self) -> TaskFilter {
        TaskFilter {
            statuses: StatusSet::default(),
            ..self.clone()
        }
    }

    /// One pass over the columns in record order (each read sequentially): the counts, and
    /// which records pass every filter but the status one.
    /// `text_hits`: the records whose titles hold the text searched, when there is one.
    pub(super) fn count(
        &self,
        index: &TaskIndex,
        text_hits: Option<&[u32]>,
        kinds: &[UnitKind],
    ) -> CountPass {
        let (in_kind, selected_unit) = self.unit_masks(kinds);
        let document = self.document.map(|d| d as u16);
        let (due_first, due_last) = self.due.map_or((0, u32::MAX), DuePeriod::month_keys);
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
        match text_hits {
            Some(hits) => hits.iter().for_each(|&i| visit(i as usize)),
            None => (0..index.len()).for_each(visit),
        }
        CountPass {
            status_counts,
            unit_counts: (unit_counts.into_iter().zip(in_kind))
                .map(|(c, ok)| ok.then_some(c))
                .collect(),
            passes,
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
    fn the_due_filter_offers_the_quarters_of_the_due_months_then_the_months() {
        let key = |s: &str| DuePeriod::parse(s).unwrap().month_keys().0;
        let months = [
            key("2020-12"),
            key("2021-01"),
            key("2021-03"),
            key("2021-04"),
        ];
        let offered: Vec<String> = DuePeriod::choices(&months)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            offered,
            ["2020-Q4", "2021-Q1", "2021-Q2", "2020-12", "2021-01", "2021-03", "2021-04"]
        );
        assert!(DuePeriod::choices(&[]).is_empty());
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
