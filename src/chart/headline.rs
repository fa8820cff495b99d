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
