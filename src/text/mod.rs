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

/// An embedding, override or isolate of the Unicode bidirectional algorithm, or their end
/// (U+202A–U+202E, U+2066–U+2069): left open, it turns the text after it around.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

coded_enum! {
    /// The language of the interface. Vietnamese is the default. Codes: BCP 47 tags, for
    /// `<html lang>` and links (`l=en`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    pub enum Lang {
        #[default]
        Vi => "vi",
        En => "en",
    }
}
