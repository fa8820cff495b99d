//! The four statuses of Vietnamese government task tracking, and counts of them.

use super::values::Date;

coded_enum! {
    /// A task's status at the snapshot date. The order is the reporting order (and the
    /// discriminants 0–3 index counts). Codes: links and CSS classes.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[repr(u8)]
    pub enum Status {
        /// Hoàn thành đúng hạn: completed on or before the due date.
        OnTime => "ot",
        /// Hoàn thành quá hạn: completed after the due date.
        Late => "lt",
        /// Chưa hoàn thành, quá hạn: not completed and the due date has passed.
        Overdue => "od",
        /// Chưa hoàn thành, còn trong hạn: not completed, due date not yet passed.
        WithinDeadline => "wd",
    }
}

impl Status {
    /// Derives a task's status from its dates. A task due on the snapshot date is still within
    /// its deadline; one completed on its due date is on time.
    pub fn derive(as_of: Date, due: Date, completed: Option<Date>) -> Status {
        match completed {
            Some(done) if done <= due => Status::OnTime,
            Some(_) => Status::Late,
            None if as_of > due => Status::Overdue,
            None => Status::WithinDeadline,
        }
    }

    pub fn is_completed(self) -> bool {
        matches!(self, Status::OnTime | Status::Late)
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// A set of statuses as a bit mask (bit i = `Status` with index i).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct StatusSet(u8);

impl StatusSet {
    pub const EMPTY: StatusSet = StatusSet(0);

    pub fn contains(self, s: Status) -> bool {
        self.0 & (1 << s as u8) != 0
    }
    pub fn with(self, s: Status) -> StatusSet {
        StatusSet(self.0 | (1 << s as u8))
    }
    pub fn toggled(self, s: Status) -> StatusSet {
        StatusSet(self.0 ^ (1 << s as u8))
    }
    pub fn only(s: Status) -> StatusSet {
        StatusSet::EMPTY.with(s)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn iter(self) -> impl Iterator<Item = Status> {
        Status::ALL.into_iter().filter(move |s| self.contains(*s))
    }
    /// True when every status of `other` is in this set.
    pub fn contains_all(self, other: StatusSet) -> bool {
        self.0 & other.0 == other.0
    }
    pub fn union(self, other: StatusSet) -> StatusSet {
        StatusSet(self.0 | other.0)
    }
    pub fn without(self, other: StatusSet) -> StatusSet {
        StatusSet(self.0 & !other.0)
    }
    /// The raw mask, for tight filter loops.
    pub fn bits(self) -> u8 {
        self.0
    }
}

impl FromIterator<Status> for StatusSet {
    fn from_iter<I: IntoIterator<Item = Status>>(iter: I) -> Self {
        iter.into_iter().fold(StatusSet::EMPTY, StatusSet::with)
    }
}

/// Counts of one group of two statuses (completed: on time + late; not completed: overdue +
/// within deadline), which a report may give split or only as a sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupTally {
    Split(u32, u32),
    SumOnly(u32),
}

impl GroupTally {
    pub fn sum(self) -> u32 {
        match self {
            GroupTally::Split(a, b) => a + b,
            GroupTally::SumOnly(s) => s,
        }
    }

    /// Adds two groups; the result is split only when both are.
    fn plus(self, other: GroupTally) -> GroupTally {
        match (self, other) {
            (GroupTally::Split(a, b), GroupTally::Split(c, d)) => {
                GroupTally::Split(a.saturating_add(c), b.saturating_add(d))
            }
            (x, y) => GroupTally::SumOnly(x.sum().saturating_add(y.sum())),
        }
    }
}

/// Task counts in the four statuses, where each group may be known only as a sum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusTally {
    pub completed: GroupTally,
    pub not_completed: GroupTally,
}

impl Default for StatusTally {
    fn default() -> Self {
        StatusTally::from_counts([0; 4])
    }
}

impl StatusTally {
    /// From fully known counts, indexed by `Status::index`.
    pub fn from_counts(c: [u32; 4]) -> StatusTally {
        StatusTally {
            completed: GroupTally::Split(c[0], c[1]),
            not_completed: GroupTally::Split(c[2], c[3]),
        }
    }

    pub fn total(&self) -> u32 {
        self.completed
            .sum()
            .saturating_add(self.not_completed.sum())
    }

    /// The count of one status, `None` when its group is known only as a sum.
    pub fn get(&self, s: Status) -> Option<u32> {
        let (group, first) = match s {
            Status::OnTime => (self.completed, true),
            Status::Late => (self.completed, false),
            Status::Overdue => (self.not_completed, true),
            Status::WithinDeadline => (self.not_completed, false),
        };
        match group {
            GroupTally::Split(a, b) => Some(if first { a } else { b }),
            GroupTally::SumOnly(_) => None,
        }
    }

    pub fn is_fully_split(&self) -> bool {
        Status::ALL.iter().all(|s| self.get(*s).is_some())
    }

    pub fn plus(&self, other: &StatusTally) -> StatusTally {
        StatusTally {
            completed: self.completed.plus(other.completed),
            not_completed: self.not_completed.plus(other.not_completed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    const AS_OF: &str = "2021-03-31";

    #[test]
    fn completed_on_due_date_is_on_time() {
        let s = Status::derive(d(AS_OF), d("2021-03-15"), Some(d("2021-03-15")));
        assert_eq!(s, Status::OnTime);
    }

    #[test]
    fn completed_before_due_date_is_on_time() {
        let s = Status::derive(d(AS_OF), d("2021-03-15"), Some(d("2021-03-01")));
        assert_eq!(s, Status::OnTime);
    }

    #[test]
    fn completed_a_day_after_due_date_is_late() {
        let s = Status::derive(d(AS_OF), d("2021-03-15"), Some(d("2021-03-16")));
        assert_eq!(s, Status::Late);
    }

    #[test]
    fn open_task_due_on_the_snapshot_date_is_within_deadline() {
        let s = Status::derive(d(AS_OF), d(AS_OF), None);
        assert_eq!(s, Status::WithinDeadline);
    }

    #[test]
    fn open_task_due_the_day_before_the_snapshot_date_is_overdue() {
        let s = Status::derive(d(AS_OF), d("2021-03-30"), None);
        assert_eq!(s, Status::Overdue);
    }

    #[test]
    fn open_task_due_later_is_within_deadline() {
        let s = Status::derive(d(AS_OF), d("2021-06-30"), None);
        assert_eq!(s, Status::WithinDeadline);
    }

    #[test]
    fn status_codes_round_trip() {
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
        assert_eq!(Status::from_code("xx"), None);
    }

    #[test]
    fn a_sum_only_group_stays_a_sum_when_added() {
        let split = StatusTally::from_counts([1, 2, 3, 4]);
        let partial = StatusTally {
            completed: GroupTally::SumOnly(10),
            not_completed: GroupTally::Split(1, 1),
        };
        let sum = split.plus(&partial);
        assert_eq!(sum.completed, GroupTally::SumOnly(13));
        assert_eq!(sum.not_completed, GroupTally::Split(4, 5));
        assert_eq!(sum.get(Status::OnTime), None);
        assert_eq!(sum.get(Status::Overdue), Some(4));
        assert_eq!(sum.total(), 22);
    }
}
