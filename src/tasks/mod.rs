//! Tasks: the columnar index of records, filtering, and the selections the view draws.
//!
//! Layering inside: `index` (columns) ← `filter` (filters, the counting pass) ← `selector`
//! (caches, selections, table rows) ← [`IndexedSnapshot`] (what the view loads).

mod filter;
mod index;
mod pairs;
mod selector;

use std::ops::Deref;

pub use crate::snapshot::{GroupTally, Status, StatusSet, StatusTally, NO_DOCUMENT};
pub use crate::text::fold;
pub use filter::{count_in, DuePeriod, TaskFilter};
pub use index::{SortColumn, TaskIndex};
pub use selector::{Rows, Selection, Selector};

use crate::snapshot::ValidSnapshot;

/// A validated snapshot with its task records indexed for filtering: what the view draws
/// from. It reads as the [`ValidSnapshot`] it holds.
#[derive(Debug)]
pub struct IndexedSnapshot {
    snapshot: ValidSnapshot,
    /// `None` without records, and always in a build without the `records` feature.
    selector: Option<Selector>,
}

impl IndexedSnapshot {
    pub fn new(snapshot: ValidSnapshot) -> IndexedSnapshot {
        let selector = TaskIndex::new(&snapshot).map(Selector::new);
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

    pub fn valid(&self) -> &ValidSnapshot {
        &self.snapshot
    }
}

impl Deref for IndexedSnapshot {
    type Target = ValidSnapshot;
    fn deref(&self) -> &ValidSnapshot {
        &self.snapshot
    }
}
