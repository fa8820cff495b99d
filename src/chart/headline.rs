//! The three headline figures above the charts.

use crate::format::{count, share, Lang};
use crate::tasks::{Status, StatusTally};

/// The three headline figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    pub total: String,
    pub completed_share: String,
    /// `None` when the report does not split the not-completed group.
    pub overdue_share: Option<String>,
}

pub fn headline(t: &StatusTally, lang: Lang) -> Headline {
    let total = t.total();
    Headline {
        total: count(total, lang),
        completed_share: share(t.completed.sum(), total, lang),
        overdue_share: t.get(Status::Overdue).map(|n| share(n, total, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tasks::GroupTally;

    #[track_caller]
    fn check(t: StatusTally, total: &str, completed: &str, overdue: Option<&str>) {
        let h = headline(&t, Lang::En);
        let got = (h.total.as_str(), h.completed_share.as_str());
        assert_eq!(
            (got, h.overdue_share.as_deref()),
            ((total, completed), overdue)
        );
    }

    #[test]
    fn the_headline_gives_the_total_and_the_completed_and_overdue_shares() {
        // 5 on time, 3 late, 1 overdue, 1 within the deadline.
        check(
            StatusTally::from_counts([5, 3, 1, 1]),
            "10",
            "80.0%",
            Some("10.0%"),
        );
        check(
            StatusTally::from_counts([600, 0, 400, 1000]),
            "2,000",
            "30.0%",
            Some("20.0%"),
        );
    }

    #[test]
    fn a_report_without_the_overdue_split_has_no_overdue_share() {
        let t = StatusTally {
            completed: GroupTally::Split(1, 1),
            not_completed: GroupTally::SumOnly(2),
        };
        check(t, "4", "50.0%", None);
    }

    #[test]
    fn no_tasks_give_zero_shares() {
        check(StatusTally::default(), "0", "0%", Some("0%"));
    }
}
