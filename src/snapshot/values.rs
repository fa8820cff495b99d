//! Small value types of the format: dates, reporting periods, bilingual text, links.
//!
//! Each one parses strictly from its JSON string and says what it expected when it cannot,
//! because that sentence ends up on screen next to the JSON path.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

use crate::text::Lang;

/// A calendar date, written `YYYY-MM-DD` in JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

pub(super) const DATE_EXPECTED: &str = "a date YYYY-MM-DD";

impl Date {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// Parses exactly `YYYY-MM-DD` (years 1900–2199). Hand-written rather than chrono's
    /// format parser: it runs once per date of a 100k-task snapshot.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u32> {
            b[range].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let year = num(0..4)?;
        if !(1900..2200).contains(&year) {
            return None;
        }
        Date::from_ymd(year as i32, num(5..7)?, num(8..10)?)
    }

    /// Why `s` is not a date [`Date::parse`] reads, as the end of a message: the shape, the
    /// year's range, or a day the calendar does not have.
    pub fn why_not(s: &str) -> String {
        let b = s.as_bytes();
        let shaped = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shaped {
            return format!(
                "expected {DATE_EXPECTED}, found {}",
                super::error::Quoted(s)
            );
        }
        if !(1900..2200).contains(&s[..4].parse::<u32>().unwrap_or(0)) {
            return format!("expected a year from 1900 to 2199, found {}", &s[..4]);
        }
        format!(
            "expected a day of the calendar, found {}",
            super::error::Quoted(s)
        )
    }

    pub fn year(self) -> i32 {
        self.0.year()
    }
    pub fn month(self) -> u32 {
        self.0.month()
    }
    pub fn day(self) -> u32 {
        self.0.day()
    }
    /// Months since year 0: a dense key for grouping by month.
    pub fn month_key(self) -> u32 {
        self.0.year() as u32 * 12 + self.0.month0()
    }
    /// Days since 1970-01-01 (for ordering and arithmetic without chrono in callers).
    pub fn days(self) -> i32 {
        (self.0 - NaiveDate::default()).num_days() as i32
    }
    pub fn from_days(days: i32) -> Option<Date> {
        NaiveDate::default()
            .checked_add_signed(chrono::TimeDelta::days(i64::from(days)))
            .map(Date)
    }

    /// `YYYY-MM-DD`, as in the file (written without `core::fmt`: see `text::push_digits`).
    pub fn iso(self) -> String {
        use crate::text::{push_digits, push_year};
        let mut out = String::with_capacity(10);
        push_year(&mut out, self.year());
        out.push('-');
        push_digits(&mut out, self.month().into(), 2);
        out.push('-');
        push_digits(&mut out, self.day().into(), 2);
        out
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

coded_enum! {
    /// The kinds of period a growth series mixes, which a reader may look at apart: whole
    /// years, single quarters, and the parts of a year (6 and 9 months from 1 January, the
    /// last six months). Codes: links (`gs=year`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum SpanGroup {
        Year => "year",
        Quarter => "quarter",
        Part => "part",
    }
}

impl Span {
    pub fn group(self) -> SpanGroup {
        match self {
            Span::Year => SpanGroup::Year,
            Span::Quarter(_) => SpanGroup::Quarter,
            Span::FirstHalf | Span::SecondHalf | Span::NineMonths => SpanGroup::Part,
        }
    }
}

/// When a source was published: a day (`2021-04-09`), or a month (`2020-07`) when the
/// publication gives no more.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PublicationDate {
    Day(Date),
    Month { year: i32, month: u32 },
}

pub(super) const PUBLICATION_DATE_EXPECTED: &str = "a date YYYY-MM-DD, or a month YYYY-MM";

impl PublicationDate {
    pub fn parse(s: &str) -> Option<PublicationDate> {
        if s.len() != 7 {
            return Date::parse(s).map(PublicationDate::Day);
        }
        // A month: the first day of it must be a date `Date::parse` reads.
        let first = Date::parse(&format!("{s}-01"))?;
        Some(PublicationDate::Month {
            year: first.0.year(),
            month: first.0.month(),
        })
    }
}

impl fmt::Display for PublicationDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublicationDate::Day(d) => d.fmt(f),
            PublicationDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

impl Serialize for PublicationDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The part of a year a figure covers. Cumulative spans run from 1 January.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Span {
    /// One quarter (1–4).
    Quarter(u8),
    /// The first six months, cumulative.
    FirstHalf,
    /// The last six months.
    SecondHalf,
    /// The first nine months, cumulative.
    NineMonths,
    Year,
}

/// A reporting period: `2021`, `2021-Q1`, `2021-H1`, `2021-H2`, `2021-9M`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub span: Span,
}

pub(super) const PERIOD_EXPECTED: &str = "a period like 2021, 2021-Q1, 2021-H1, 2021-H2 or 2021-9M";

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        if year.len() != 4 || !year.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        let span = match rest {
            None => Span::Year,
            Some("Q1") => Span::Quarter(1),
            Some("Q2") => Span::Quarter(2),
            Some("Q3") => Span::Quarter(3),
            Some("Q4") => Span::Quarter(4),
            Some("H1") => Span::FirstHalf,
            Some("H2") => Span::SecondHalf,
            Some("9M") => Span::NineMonths,
            Some(_) => return None,
        };
        Some(Period { year, span })
    }

    /// First and last month (1–12) covered.
    pub fn months(self) -> (u32, u32) {
        match self.span {
            Span::Quarter(q) => (u32::from(q) * 3 - 2, u32::from(q) * 3),
            Span::FirstHalf => (1, 6),
            Span::SecondHalf => (7, 12),
            Span::NineMonths => (1, 9),
            Span::Year => (1, 12),
        }
    }

    /// Chronological order: by end month, then shorter spans first (Q2 before H1).
    pub fn sort_key(self) -> (i32, u32, u32) {
        let (first, last) = self.months();
        (self.year, last, last - first)
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        match self.span {
            Span::Quarter(q) => write!(f, "-Q{q}"),
            Span::FirstHalf => f.write_str("-H1"),
            Span::SecondHalf => f.write_str("-H2"),
            Span::NineMonths => f.write_str("-9M"),
            Span::Year => Ok(()),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Text in Vietnamese, with an optional English version (Vietnamese is shown when it is absent).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub vi: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn new(vi: &str, en: &str) -> Text {
        Text {
            vi: vi.to_owned(),
            en: Some(en.to_owned()),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => self.en.as_deref().unwrap_or(&self.vi),
        }
    }
}

/// A link to a publication: `http://` or `https://`, then a host, and no space, control
/// character, U+FFFE or U+FFFF (which a document cannot hold) anywhere. Checked when a
/// snapshot is read, so that no other kind of link (a `javascript:` or `data:` one) can
/// become an `href` (`markup::source_footer` takes this type). Written in JSON as the string
/// it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct HttpUrl(pub(super) String);

pub(super) const HTTP_URL_EXPECTED: &str = "an http(s) URL";

impl HttpUrl {
    pub fn parse(s: &str) -> Option<HttpUrl> {
        Self::fits(s).then(|| HttpUrl(s.to_owned()))
    }

    /// Whether `s` is such a link.
    pub(super) fn fits(s: &str) -> bool {
        let b = s.as_bytes();
        let scheme = if b.starts_with(b"https://") {
            8
        } else if b.starts_with(b"http://") {
            7
        } else {
            return false;
        };
        // The host follows the scheme, or the last `user@` before the path, query or fragment;
        // its first byte, which must be there and must not start a `:port`.
        let mut in_authority = true;
        let mut host_start = None;
        for (i, &c) in b.iter().enumerate().skip(scheme) {
            match c {
                b'/' | b'?' | b'#' => in_authority = false,
                b'@' if in_authority => host_start = None,
                _ if in_authority && host_start.is_none() => host_start = Some(c),
                _ => {}
            }
            // Spaces and controls (C0, DEL, C1: C2 80–9F), and U+FFFE and U+FFFF (EF BF BE,
            // EF BF BF), which a document cannot hold.
            let prev = |n: usize| b.get(i.wrapping_sub(n)).copied();
            if c <= b' '
                || c == 0x7f
                || (0x80..=0x9f).contains(&c) && prev(1) == Some(0xc2)
                || c >= 0xbe && prev(1) == Some(0xbf) && prev(2) == Some(0xef)
            {
                return false;
            }
        }
        host_start.is_some_and(|c| c != b':')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    impl JsonSchema for super::Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "format": "date",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                "description": "A calendar date, YYYY-MM-DD."
            })
        }
    }

    impl JsonSchema for super::Period {
        fn schema_name() -> Cow<'static, str> {
            "Period".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "type": "string",
                "pattern": "^[0-9]{4}(-(Q[1-4]|H[12]|9M))?$",
                "description": "A reporting period: 2021 (year), 2021-Q1..Q4 (quarter), 2021-H1 (first six months), 2021-H2 (last six months), 2021-9M (first nine months)."
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_parses_only_the_strict_form() {
        assert_eq!(Date::parse("2021-03-31"), Date::from_ymd(2021, 3, 31));
        for bad in [
            "2021-3-31",
            "2021-02-30",
            "31/03/2021",
            "2021-03-31T00:00",
            "20a1-03-31",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
            assert!(Date::why_not(bad).starts_with("expected "), "{bad}");
        }
    }

    #[test]
    fn links_are_http_or_https_with_a_host() {
        for good in [
            "https://baoquangninh.vn/a?b=1&c=2#d",
            "http://x.vn",
            "https://user@x.vn:8080/",
            "https://[::1]/",
        ] {
            assert_eq!(
                HttpUrl::parse(good).map(|u| u.0),
                Some(good.into()),
                "{good}"
            );
        }
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,<script>",
            "//x.vn/a",
            "x.vn",
            "ftp://x.vn",
            "https://",
            "https:///a",
            "https://:80/",
            "https://user@/",
            "https://x.vn/a b",
            "https://x.vn/\n",
            "https://x.vn/\u{0}",
            "https://x.vn/\u{85}",
            "https://x.vn/\u{ffff}",
            " https://x.vn",
            "",
        ] {
            assert_eq!(HttpUrl::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn date_days_round_trip() {
        let d = Date::from_ymd(2021, 3, 31).unwrap();
        assert_eq!(Date::from_days(d.days()), Some(d));
    }

    #[test]
    fn periods_parse_and_print_back() {
        for s in [
            "2021", "2021-Q1", "2021-Q4", "2021-H1", "2021-H2", "2021-9M",
        ] {
            assert_eq!(Period::parse(s).unwrap().to_string(), s);
        }
        for bad in ["2021-Q5", "21-Q1", "2021-", "2021-h1", "Q1/2021"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn periods_sort_in_time_with_quarters_before_cumulative_spans() {
        let mut ps: Vec<Period> = ["2021", "2021-H1", "2021-Q2", "2020-9M", "2021-Q1"]
            .iter()
            .map(|s| Period::parse(s).unwrap())
            .collect();
        ps.sort_by_key(|p| p.sort_key());
        let names: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
        assert_eq!(names, ["2020-9M", "2021-Q1", "2021-Q2", "2021-H1", "2021"]);
    }

    #[test]
    fn a_date_out_of_range_says_why() {
        assert_eq!(
            Date::why_not("9999-12-31"),
            "expected a year from 1900 to 2199, found 9999"
        );
        assert_eq!(
            Date::why_not("2021-02-30"),
            "expected a day of the calendar, found \"2021-02-30\""
        );
        assert_eq!(
            Date::why_not("31/03/2021"),
            "expected a date YYYY-MM-DD, found \"31/03/2021\""
        );
    }
}
