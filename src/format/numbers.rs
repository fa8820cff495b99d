//! Numbers, dates and periods as Vietnamese and English readers write them.
//!
//! Vietnamese: 1.738 · 9,02% · 31/03/2021 · quý I/2021.
//! English:    1,738 · 9.02% · 31 Mar 2021 · Q1 2021.

use super::Lang;
use crate::snapshot::{Date, Period, Span};
use crate::tasks::DuePeriod;
use crate::text::{plain_decimal, push_digits, push_year};

fn separators(lang: Lang) -> (char, char) {
    match lang {
        Lang::Vi => ('.', ','),
        Lang::En => (',', '.'),
    }
}

/// An integer with thousands separators: `1.738` / `1,738`.
pub fn int(n: i64, lang: Lang) -> String {
    let (thousands, _) = separators(lang);
    let mut digits = String::new();
    push_digits(&mut digits, n.unsigned_abs(), 1);
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    out
}

/// A count (`u32`) with thousands separators.
pub fn count(n: u32, lang: Lang) -> String {
    int(i64::from(n), lang)
}

/// A decimal with exactly `decimals` digits after the separator: `9,02` / `9.02`.
pub fn decimal(x: f64, decimals: usize, lang: Lang) -> String {
    let (_, point) = separators(lang);
    let fixed = plain_decimal(x.abs(), decimals);
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let negative = x < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&int(whole, lang));
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A percentage as published, with the decimals it needs (up to 2): `9,02%`, `9,5%`, `10%`.
pub fn percent(x: f64, lang: Lang) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let decimals = if (rounded * 10.0).fract().abs() > 1e-9 {
        2
    } else if rounded.fract().abs() > 1e-9 {
        1
    } else {
        0
    };
    format!("{}%", decimal(rounded, decimals, lang))
}

/// `part` as a share of `whole` with one decimal: `29,1%`. An empty whole gives `0%`.
pub fn share(part: u32, whole: u32, lang: Lang) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    let pct = f64::from(part) * 100.0 / f64::from(whole);
    let mut out = decimal(pct, 1, lang);
    out.push('%');
    out
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `31/03/2021` / `31 Mar 2021`.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            let mut out = String::with_capacity(10);
            push_digits(&mut out, d.day().into(), 2);
            out.push('/');
            push_digits(&mut out, d.month().into(), 2);
            out.push('/');
            push_year(&mut out, d.year());
            out
        }
        Lang::En => {
            let mut out = String::with_capacity(11);
            push_digits(&mut out, d.day().into(), 1);
            out.push(' ');
            out.push_str(MONTHS_EN[(d.month() - 1) as usize]);
            out.push(' ');
            push_year(&mut out, d.year());
            out
        }
    }
}

/// A month, for a publication known to the month: `07/2020` / `Jul 2020`.
pub fn month(year: i32, month: u32, lang: Lang) -> String {
    let mut out = String::with_capacity(8);
    match lang {
        Lang::Vi => {
            push_digits(&mut out, month.into(), 2);
            out.push('/');
        }
        Lang::En => {
            out.push_str(MONTHS_EN[(month.clamp(1, 12) - 1) as usize]);
            out.push(' ');
        }
    }
    push_year(&mut out, year);
    out
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

/// `quý I/2021`, `6 tháng đầu năm 2021`, `năm 2021` / `Q1 2021`, `H1 2021`, `2021`.
pub fn period(p: Period, lang: Lang) -> String {
    let y = p.year;
    match (lang, p.span) {
        (Lang::Vi, Span::Quarter(q)) => format!("quý {}/{y}", ROMAN[usize::from(q - 1)]),
        (Lang::Vi, Span::FirstHalf) => format!("6 tháng đầu năm {y}"),
        (Lang::Vi, Span::SecondHalf) => format!("6 tháng cuối năm {y}"),
        (Lang::Vi, Span::NineMonths) => format!("9 tháng năm {y}"),
        (Lang::Vi, Span::Year) => format!("năm {y}"),
        (Lang::En, Span::Quarter(q)) => format!("Q{q} {y}"),
        (Lang::En, Span::FirstHalf) => format!("H1 {y}"),
        (Lang::En, Span::SecondHalf) => format!("H2 {y}"),
        (Lang::En, Span::NineMonths) => format!("9 months {y}"),
        (Lang::En, Span::Year) => format!("{y}"),
    }
}

/// A due-date filter period: `tháng 3/2021`, `quý I/2021` / `Mar 2021`, `Q1 2021`.
pub fn due_period(p: DuePeriod, lang: Lang) -> String {
    match (lang, p) {
        (Lang::Vi, DuePeriod::Month { year, month }) => format!("tháng {month}/{year}"),
        (Lang::En, DuePeriod::Month { year, month }) => {
            format!("{} {year}", MONTHS_EN[(month - 1) as usize])
        }
        (_, DuePeriod::Quarter { year, quarter }) => period(
            Period {
                year,
                span: Span::Quarter(quarter as u8),
            },
            lang,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lang::{En, Vi};

    #[test]
    fn digits_are_written_with_leading_zeros_to_the_width() {
        let written = |n: u64, width: usize| {
            let mut out = String::from(">");
            push_digits(&mut out, n, width);
            out
        };
        assert_eq!(written(0, 1), ">0");
        assert_eq!(written(0, 2), ">00");
        assert_eq!(written(7, 2), ">07");
        assert_eq!(written(31, 2), ">31");
        assert_eq!(written(2021, 2), ">2021");
        assert_eq!(written(u64::MAX, 1), format!(">{}", u64::MAX));
        let year = |y: i32| {
            let mut out = String::new();
            push_year(&mut out, y);
            out
        };
        assert_eq!(
            (year(2021), year(987), year(-44)),
            ("2021".into(), "0987".into(), "-0044".into())
        );
    }

    #[test]
    fn dates_as_readers_write_them_and_as_the_file_does() {
        let d = Date::from_ymd(2021, 3, 9).unwrap();
        assert_eq!(date(d, Vi), "09/03/2021");
        assert_eq!(date(d, En), "9 Mar 2021");
        assert_eq!(d.iso(), "2021-03-09");
        assert_eq!(d.to_string(), "2021-03-09");
        let end = Date::from_ymd(2199, 12, 31).unwrap();
        assert_eq!(
            (date(end, Vi), end.iso()),
            ("31/12/2199".into(), "2199-12-31".into())
        );
    }

    #[test]
    fn integers_use_dots_in_vietnamese_and_commas_in_english() {
        assert_eq!(int(1738, Vi), "1.738");
        assert_eq!(int(1738, En), "1,738");
        assert_eq!(int(506, Vi), "506");
        assert_eq!(int(1_234_567, Vi), "1.234.567");
        assert_eq!(int(-1068, En), "-1,068");
        assert_eq!(int(0, Vi), "0");
    }

    #[test]
    fn percentages_keep_the_published_precision() {
        assert_eq!(percent(9.02, Vi), "9,02%");
        assert_eq!(percent(9.02, En), "9.02%");
        assert_eq!(percent(9.5, Vi), "9,5%");
        assert_eq!(percent(10.0, Vi), "10%");
        assert_eq!(percent(12.01, En), "12.01%");
        assert_eq!(percent(-2.5, Vi), "-2,5%");
    }

    #[test]
    fn shares_have_one_decimal() {
        assert_eq!(share(506, 1738, Vi), "29,1%");
        assert_eq!(share(41, 1738, En), "2.4%");
        assert_eq!(share(0, 0, Vi), "0%");
    }

    #[test]
    fn decimals_round_and_group() {
        assert_eq!(decimal(1234.567, 1, Vi), "1.234,6");
        assert_eq!(decimal(-0.04, 1, En), "0.0");
    }

    #[test]
    fn dates_are_day_month_year() {
        let d = Date::from_ymd(2021, 3, 31).unwrap();
        assert_eq!(date(d, Vi), "31/03/2021");
        assert_eq!(date(d, En), "31 Mar 2021");
    }

    #[test]
    fn periods_read_as_in_reports() {
        let p = |s| Period::parse(s).unwrap();
        assert_eq!(period(p("2021-Q1"), Vi), "quý I/2021");
        assert_eq!(period(p("2021-Q2"), Vi), "quý II/2021");
        assert_eq!(period(p("2021-Q4"), Vi), "quý IV/2021");
        assert_eq!(period(p("2021"), Vi), "năm 2021");
        assert_eq!(period(p("2020-9M"), Vi), "9 tháng năm 2020");
        assert_eq!(period(p("2021-Q1"), En), "Q1 2021");
        assert_eq!(period(p("2020-H1"), En), "H1 2020");
    }

    #[test]
    fn due_periods_read_naturally() {
        let p = |s| DuePeriod::parse(s).unwrap();
        assert_eq!(due_period(p("2021-03"), Vi), "tháng 3/2021");
        assert_eq!(due_period(p("2021-03"), En), "Mar 2021");
        assert_eq!(due_period(p("2021-Q2"), Vi), "quý II/2021");
    }
}
