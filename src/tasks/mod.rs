//! Tasks: the columnar index of records, filtering, and the selections the view draws.
//!
//! Layering inside: `index` (columns) ← `filter` (filters, the counting pass) ← `selector`
//! (caches, selections, table rows) ← `indexed` ([`IndexedSnapshot`], what the view loads
//! and asks for selections).

mod changes;
mod filter;
mod index;
mod indexed;
mod pairs;
mod selector;

pub use crate::snapshot::{GroupTally, Status, StatusSet, StatusTally, NO_DOCUMENT};
pub use crate::text::fold;
pub use changes::{changes, Caution, Changes, TaskChanges, UnitChange, UnitTaskChanges};
pub use filter::{count_in, DuePeriod, TaskFilter};
pub use index::{SortColumn, TaskIndex};
pub use indexed::IndexedSnapshot;
pub use selector::{Selection, Selector, TableRows};
