//! Text helpers every stage shares, depending on nothing else in the crate: the reader's
//! language, upper and lower case of Vietnamese and English letters, accent folding for
//! search, and digits written without `core::fmt`.
//!
//! Architecture invariant: this is a leaf. `snapshot`, `tasks` and `format` all use it, so it
//! imports none of them (see `tests/module_graph.rs`).

mod case;
mod digits;
mod fold;

pub use case::{capitalise, lower_char, lowercase, upper_char};
pub use digits::{plain_decimal, plain_number, push_digits, push_year};
pub use fold::{fold, fold_into};

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
