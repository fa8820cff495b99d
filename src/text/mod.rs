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

/// A name from a snapshot as a sentence inserts it: between U+2068 FIRST STRONG ISOLATE and
/// U+2069 POP DIRECTIONAL ISOLATE when it holds right-to-left letters or bidirectional
/// controls, so that it cannot reorder the words and figures around it ("Sở A (50,0%)" stays
/// in that order whatever A is). Left-to-right text, all a Vietnamese report has, is returned
/// as it is: the marks would change nothing on screen, and they travel with copied text.
pub fn isolate(name: &str) -> std::borrow::Cow<'_, str> {
    if name
        .chars()
        .any(|c| is_right_to_left(c) || is_bidi_control(c))
    {
        std::borrow::Cow::Owned(format!("\u{2068}{name}\u{2069}"))
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic
/// and their presentation forms; the historic scripts of the SMP), and the marks U+200F/U+061C.
fn is_right_to_left(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{200F}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::isolate;

    #[test]
    fn only_names_that_could_reorder_a_sentence_are_isolated() {
        assert_eq!(isolate("Sở Nội vụ"), "Sở Nội vụ");
        assert_eq!(isolate("שלום"), "\u{2068}שלום\u{2069}");
        assert_eq!(isolate("a\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
        assert_eq!(isolate("مرحبا 1"), "\u{2068}مرحبا 1\u{2069}");
    }
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
