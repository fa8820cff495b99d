//! Accent-insensitive text search for Vietnamese: "ha long" finds "Hạ Long".
//!
//! Readers type without diacritics on many keyboards, so titles and queries are both folded to
//! lowercase ASCII-like letters before a plain substring search.

/// Lowercases and strips Vietnamese (and Latin-1) diacritics; `đ` becomes `d`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Like [`fold`], appending to `out` (used to build one haystack for many titles).
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(base) = base_letter(c) {
            out.push(base);
        } else if ('\u{0300}'..='\u{036F}').contains(&c) {
            // A combining accent of decomposed (NFD) text: drop it.
        } else {
            out.push(super::lower_char(c));
        }
    }
}

/// The base letter of an accented Latin letter used in Vietnamese, if `c` is one.
fn base_letter(c: char) -> Option<char> {
    let base = match c as u32 {
        0x00C0..=0x00C5 | 0x00E0..=0x00E5 | 0x0102 | 0x0103 => 'a',
        0x00C7 | 0x00E7 => 'c',
        0x0110 | 0x0111 => 'd',
        0x00C8..=0x00CB | 0x00E8..=0x00EB => 'e',
        0x00CC..=0x00CF | 0x00EC..=0x00EF | 0x0128 | 0x0129 => 'i',
        0x00D1 | 0x00F1 => 'n',
        0x00D2..=0x00D6 | 0x00D8 | 0x00F2..=0x00F6 | 0x00F8 | 0x01A0 | 0x01A1 => 'o',
        0x00D9..=0x00DC | 0x00F9..=0x00FC | 0x0168 | 0x0169 | 0x01AF | 0x01B0 => 'u',
        0x00DD | 0x00FD | 0x00FF => 'y',
        // Latin Extended Additional: the Vietnamese block, in upper/lower pairs by base letter.
        0x1EA0..=0x1EB7 => 'a',
        0x1EB8..=0x1EC7 => 'e',
        0x1EC8..=0x1ECB => 'i',
        0x1ECC..=0x1EE3 => 'o',
        0x1EE4..=0x1EF1 => 'u',
        0x1EF2..=0x1EF9 => 'y',
        _ => return None,
    };
    Some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_vietnamese_to_plain_letters() {
        assert_eq!(fold("Hạ Long – Hải Phòng"), "ha long – hai phong");
        assert_eq!(fold("ĐẦU TƯ Ưu tiên"), "dau tu uu tien");
        assert_eq!(
            fold("Quyết định số 108/QĐ-UBND"),
            "quyet dinh so 108/qd-ubnd"
        );
        assert_eq!(fold("Kỹ thuật Ỹ ỵ"), "ky thuat y y");
    }

    #[test]
    fn folds_decomposed_text_like_composed_text() {
        // "Hạ" written as H + a + combining dot below.
        assert_eq!(fold("Ha\u{0323} Long"), fold("Hạ Long"));
    }
}
