//! Tasks: status derivation, the columnar index of records, filtering and aggregation.

mod filter;
mod index;
mod pairs;
mod search;
mod status;

pub use filter::{count_in, DuePeriod, Rows, Selection, TaskFilter};
pub use index::{SortColumn, TaskIndex, NO_DOCUMENT};
pub use search::fold;
pub use status::{GroupTally, Status, StatusSet, StatusTally};
