//! Everything a reader reads: numbers, dates and periods in Vietnamese or English, the labels
//! of the interface, and the text summaries of the charts.

mod case;
mod labels;
mod numbers;
mod summary;

pub use case::{capitalise, lower_char, lowercase, upper_char};
pub use labels::{fill, labels, Labels};
pub use numbers::*;
pub use summary::*;

/// The language of the interface. Vietnamese is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// BCP 47 tag for `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
