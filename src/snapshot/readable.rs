//! Whether a text from a snapshot can be shown as it is: it must not mislead (bidirectional
//! controls left open turn the text after them around; invisible-only text says nothing), break
//! what shows it (control characters make SVG downloads malformed XML), or swamp the page (a
//! megabyte of title). Used by validation for every text a reader sees, task titles included.

use crate::text::is_bidi_control;

/// Characters a title or a name may hold at most (`validate::check_text`); a notice, [`NOTICE_CHARS`].
pub const TEXT_CHARS: usize = 500;
pub const NOTICE_CHARS: usize = 5000;

/// What makes a text mislead or break what shows it: control characters (they make SVG
/// downloads malformed XML), bidirectional controls left open (they reverse what follows
/// them: another unit's name, "50,0%"), nothing visible (a title of zero-width spaces), or
/// more than `max_chars` characters.
pub fn text_problem(text: &str, max_chars: usize) -> Option<String> {
    // Most text has none of those: no control byte, and none of the lead bytes of U+0080–U+00BF
    // (C1 controls, the soft hyphen), U+2000–U+2FFF (bidi controls, zero-width characters) or
    // U+F000–U+FFFF (U+FEFF). A byte scan settles it, 100k task titles a time (issue #18).
    let plain = |b: &u8| *b >= 0x20 && *b != 0x7F && !matches!(*b, 0xC2 | 0xE2 | 0xEF);
    if text.len() <= max_chars && text.bytes().all(|b| plain(&b)) {
        let visible = text.bytes().any(|b| b != b' ');
        return (!visible && !text.is_empty())
            .then(|| "expected visible text, found only invisible characters".to_owned());
    }
    text_problem_char_by_char(text, max_chars)
}

/// [`text_problem`] without its byte scan.
fn text_problem_char_by_char(text: &str, max_chars: usize) -> Option<String> {
    let mut open: Vec<char> = Vec::new();
    let mut visible = false;
    for (count, c) in text.chars().enumerate() {
        if count == max_chars {
            return Some(format!("expected at most {max_chars} characters"));
        }
        match c {
            '\n' => {}
            c if c.is_control() => {
                return Some(format!(
                    "expected no control characters, found U+{:04X}",
                    u32::from(c)
                ))
            }
            // Embeddings and overrides close with PDF; isolates with PDI.
            '\u{202C}' | '\u{2069}' => {
                let closes_isolate = c == '\u{2069}';
                let top_is_isolate = matches!(open.last(), Some('\u{2066}'..='\u{2068}'));
                if open.is_empty() || closes_isolate != top_is_isolate {
                    return Some(format!(
                        "expected bidirectional controls in pairs, found a lone U+{:04X}",
                        u32::from(c)
                    ));
                }
                open.pop();
            }
            // The closers are matched above: what is left opens.
            c if is_bidi_control(c) => open.push(c),
            c if c.is_whitespace() || is_invisible(c) => {}
            _ => visible = true,
        }
    }
    if let Some(c) = open.first() {
        return Some(format!(
            "expected bidirectional controls in pairs, U+{:04X} is never closed",
            u32::from(*c)
        ));
    }
    (!visible && !text.is_empty())
        .then(|| "expected visible text, found only invisible characters".to_owned())
}

/// Format characters that take no space: zero-width spaces and joiners, marks of direction,
/// word joiners, the byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::{text_problem, text_problem_char_by_char};
    use proptest::prelude::*;

    proptest! {
        // The byte scan answers as the character-by-character check does, for text made of
        // what titles hold and what misleads.
        #[test]
        fn the_byte_scan_agrees_with_the_full_check(
            chars in proptest::collection::vec(proptest::sample::select(vec![
                'a', ' ', 'Đ', 'ễ', '\n', '\t', '\u{7F}', '\u{85}', '\u{AD}', '·', '“', '–',
                '\u{200B}', '\u{202E}', '\u{202C}', '\u{2067}', '\u{2069}', '\u{FEFF}', '\u{FFFD}', 'ע',
            ]), 0..12),
            max in 1usize..10,
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(text_problem(&text, max), text_problem_char_by_char(&text, max), "{:?}", text);
        }
    }

    #[test]
    fn text_that_would_mislead_is_refused_with_the_reason() {
        let ok = [
            "Quảng Ninh",
            "Dòng một\nDòng hai",
            "\u{2067}عربي\u{2069} 50,0%",
            "a\u{202E}b\u{202C}",
        ];
        for text in ok {
            assert_eq!(text_problem(text, 500), None, "{text:?}");
        }
        let refused = [
            ("Tiêu đề\u{0}", "control characters, found U+0000"),
            ("\u{8}", "control characters, found U+0008"),
            ("a\tb", "control characters, found U+0009"),
            ("Đơn vị \u{202E}A", "U+202E is never closed"),
            ("\u{2067}x", "U+2067 is never closed"),
            ("x\u{202C}", "a lone U+202C"),
            ("\u{2066}x\u{202C}", "a lone U+202C"),
            ("\u{200B}\u{200B} \u{FEFF}", "only invisible characters"),
        ];
        for (text, why) in refused {
            let problem = text_problem(text, 500).unwrap_or_default();
            assert!(problem.contains(why), "{text:?}: {problem}");
        }
        assert_eq!(
            text_problem(&"ă".repeat(501), 500).as_deref(),
            Some("expected at most 500 characters")
        );
        assert_eq!(text_problem(&"ă".repeat(500), 500), None);
    }
}
