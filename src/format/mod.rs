//! Everything a reader reads: numbers, dates and periods in Vietnamese or English, the labels
//! of the interface, and the text summaries of the charts.

mod labels;
mod numbers;
mod summary;

pub use crate::text::{
    capitalise, lower_char, lowercase, plain_decimal, plain_number, upper_char, Lang,
};
pub use labels::{fill, labels, Labels};
pub use numbers::*;
pub use summary::*;
