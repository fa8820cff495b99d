//! Upper and lower case for the letters of Vietnamese and English.
//!
//! Rationale: `str::to_lowercase` and `char::to_uppercase` bring the whole Unicode case tables
//! into the WASM (~23 KB raw). The widget only changes the case of Vietnamese and English text
//! (labels, unit names, periods), whose letters are ASCII, Latin-1, a few of Latin Extended-A/B
//! (Ă Đ Ĩ Ũ Ơ Ư) and the Vietnamese block of Latin Extended Additional. Any other character
//! keeps its case.

/// The lower-case form of `c` (Vietnamese and English letters; others unchanged).
pub fn lower_char(c: char) -> char {
    let code = c as u32;
    let lower = match code {
        0x41..=0x5A => code + 0x20,
        // Latin-1: À–Þ, except × (D7).
        0xC0..=0xDE if code != 0xD7 => code + 0x20,
        // Ă Đ Ĩ Ũ: upper case even, lower case odd.
        0x0102 | 0x0110 | 0x0128 | 0x0168 => code + 1,
        // Ơ Ư
        0x01A0 | 0x01AF => code + 1,
        // Latin Extended Additional (Ạ … Ỹ and the rest of the block): pairs, upper case even.
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if code % 2 == 0 => code + 1,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The upper-case form of `c` (Vietnamese and English letters; others unchanged).
pub fn upper_char(c: char) -> char {
    let code = c as u32;
    let upper = match code {
        0x61..=0x7A => code - 0x20,
        0xE0..=0xFE if code != 0xF7 => code - 0x20,
        0x0103 | 0x0111 | 0x0129 | 0x0169 => code - 1,
        0x01A1 | 0x01B0 => code - 1,
        0x1E01..=0x1E95 | 0x1EA1..=0x1EFF if code % 2 == 1 => code - 1,
        _ => code,
    };
    char::from_u32(upper).unwrap_or(c)
}

/// `text` in lower case (see [`lower_char`]).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `text` with its first letter in upper case (see [`upper_char`]).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or(String::new(), |c| {
        std::iter::once(upper_char(c)).chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const VIETNAMESE_UPPER: &str = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬÈẺẼÉẸỀỂỄẾỆÌỈĨÍỊÒỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴ";
    const VIETNAMESE_LOWER: &str = "aăâbcdđeêghiklmnoôơpqrstuưvxy àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

    #[test]
    fn vietnamese_letters_change_case_both_ways() {
        assert_eq!(lowercase(VIETNAMESE_UPPER), VIETNAMESE_LOWER);
        let upper: String = VIETNAMESE_LOWER.chars().map(upper_char).collect();
        assert_eq!(upper, VIETNAMESE_UPPER);
    }

    #[test]
    fn agrees_with_the_standard_library_on_vietnamese_and_latin_1() {
        let letters = VIETNAMESE_UPPER
            .chars()
            .chain(VIETNAMESE_LOWER.chars())
            .chain('\u{20}'..='\u{FF}');
        for c in letters {
            let std_lower: Vec<char> = c.to_lowercase().collect();
            let std_upper: Vec<char> = c.to_uppercase().collect();
            if std_lower.len() == 1 {
                assert_eq!(lower_char(c), std_lower[0], "lower {c:?}");
            }
            // ß and ÿ have no single-letter upper case in Latin-1: they stay as they are.
            if std_upper.len() == 1 && (std_upper[0] as u32) < 0x100 {
                assert_eq!(upper_char(c), std_upper[0], "upper {c:?}");
            }
        }
    }

    #[test]
    fn other_characters_keep_their_case() {
        assert_eq!(lowercase("Ω × ÷ 1/QĐ-UBND"), "Ω × ÷ 1/qđ-ubnd");
        assert_eq!(capitalise("quý I/2021"), "Quý I/2021");
        assert_eq!(capitalise("đến 31/03"), "Đến 31/03");
        assert_eq!(capitalise(""), "");
    }
}
