//! Digits written without `core::fmt`, the same in every language: dates in files, CSV cells,
//! and the raw material of `format`'s localised numbers.

/// Appends the decimal digits of `n`, with leading zeros up to `width` digits.
///
/// Rationale: every number and date drawn goes through here, on every filter change (table
/// rows, bar values); `core::fmt` with its padding machinery took ~10 µs a date in WASM.
pub fn push_digits(out: &mut String, n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for _ in digits.len() - start..width {
        out.push('0');
    }
    out.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// `x` rounded to `decimals` digits, as `-1234.50`: no grouping, `.` as the point. Integer
/// arithmetic instead of `format!("{:.2}")`, whose float formatting costs ~10 KB of WASM.
pub fn plain_decimal(x: f64, decimals: usize) -> String {
    let scale = 10u64.pow(decimals.min(6) as u32);
    let scaled = (x.abs() * scale as f64).round();
    let scaled = if scaled.is_finite() { scaled as u64 } else { 0 };
    let sign = if x < 0.0 && scaled > 0 { "-" } else { "" };
    let mut out = String::from(sign);
    push_digits(&mut out, scaled / scale, 1);
    if decimals > 0 {
        out.push('.');
        push_digits(&mut out, scaled % scale, decimals.min(6));
    }
    out
}

/// Like [`plain_decimal`] without trailing zeros: `9.5`, `10`, `9.02` (CSV cells).
pub fn plain_number(x: f64, max_decimals: usize) -> String {
    let s = plain_decimal(x, max_decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A year in four digits at least (with its sign before the year 0, which no report has).
pub fn push_year(out: &mut String, year: i32) {
    if year < 0 {
        out.push('-');
    }
    push_digits(out, year.unsigned_abs().into(), 4);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_for_files() {
        assert_eq!(plain_decimal(29.1139, 2), "29.11");
        assert_eq!(plain_decimal(0.05, 3), "0.050");
        assert_eq!(plain_decimal(-2.5, 1), "-2.5");
        assert_eq!(plain_decimal(7.0, 0), "7");
        assert_eq!(plain_number(9.50, 2), "9.5");
        assert_eq!(plain_number(10.0, 2), "10");
        assert_eq!(plain_number(9.02, 2), "9.02");
    }
}
