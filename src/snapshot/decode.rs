//! How each type of the snapshot format reads itself from JSON ([`super::json::Reader`]).
//!
//! One line per type: the macros below write the member loop. Every struct refuses unknown
//! members and repeated ones, and names a missing required member at the object's path. The
//! field lists must name every field of the model's structs, so a field added to the model
//! and forgotten here does not compile.

use super::error::Quoted;
use super::json::{JsonError, Reader, Result};
use super::model::*;
use super::values::{
    Date, HttpUrl, Period, PublicationDate, Text, DATE_EXPECTED, HTTP_URL_EXPECTED,
    PERIOD_EXPECTED, PUBLICATION_DATE_EXPECTED,
};

/// A type that reads itself from JSON.
pub trait Decode: Sized {
    fn decode(r: &mut Reader<'_>) -> Result<Self>;
}

/// Reads a whole document as a `T`.
#[cfg(test)]
pub fn decode_document<T: Decode>(r: Reader<'_>) -> Result<T> {
    decode_document_all(r).map_err(|mut errors| errors.remove(0))
}

/// Reads a whole document as a `T`, or says every error found in one run: errors in values
/// are stepped over and the run goes on; a syntax error stops it (`Reader::recover`). At
/// least one error when it fails.
pub fn decode_document_all<T: Decode>(mut r: Reader<'_>) -> std::result::Result<T, Vec<JsonError>> {
    let result = T::decode(&mut r).and_then(|value| r.end().map(|()| value));
    match result {
        Ok(value) if r.errors_so_far() == 0 => Ok(value),
        Ok(_) => Err(r.into_errors(None)),
        Err(last) => Err(r.into_errors(Some(last))),
    }
}

impl Decode for String {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.string().map(|s| s.into_owned())
    }
}

impl Decode for u32 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.u32()
    }
}

impl Decode for f64 {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.f64()
    }
}

/// `null` reads as absent, as a missing member does.
impl<T: Decode> Decode for Option<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        if r.null() {
            Ok(None)
        } else {
            T::decode(r).map(Some)
        }
    }
}

impl<T: Decode> Decode for Vec<T> {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let mut items = Vec::new();
        r.array(&mut |r| {
            items.push(T::decode(r)?);
            Ok(())
        })?;
        Ok(items)
    }
}

impl Decode for Date {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.string_into(DATE_EXPECTED, |s| {
            Date::parse(s).ok_or_else(|| Date::why_not(s))
        })
    }
}

impl Decode for PublicationDate {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.string_into(PUBLICATION_DATE_EXPECTED, |s| {
            PublicationDate::parse(s).ok_or_else(|| match s.len() {
                7 => format!("expected {PUBLICATION_DATE_EXPECTED}, found {}", Quoted(s)),
                _ => Date::why_not(s),
            })
        })
    }
}

impl Decode for Period {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.string_into(PERIOD_EXPECTED, |s| {
            Period::parse(s)
                .ok_or_else(|| format!("expected {PERIOD_EXPECTED}, found {}", Quoted(s)))
        })
    }
}

impl Decode for HttpUrl {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        r.string_into(HTTP_URL_EXPECTED, |s| {
            if HttpUrl::fits(s) {
                Ok(HttpUrl(s.to_owned()))
            } else {
                Err(format!("expected {HTTP_URL_EXPECTED}, found {}", Quoted(s)))
            }
        })
    }
}

/// Reads a member's value into its slot, once.
fn put<T: Decode>(r: &mut Reader<'_>, slot: &mut Option<T>, key: &str) -> Result<()> {
    if slot.is_some() {
        return Err(duplicate(r, key));
    }
    *slot = Some(T::decode(r)?);
    Ok(())
}

/// The error of a repeated member: built here once, not in each `put::<T>` (−0.3 KB gzip).
fn duplicate(r: &Reader<'_>, key: &str) -> JsonError {
    r.error(format!("duplicate field `{key}`"))
}

fn required<T>(r: &Reader<'_>, slot: Option<T>, key: &str) -> Result<T> {
    slot.ok_or_else(|| -> JsonError { r.error(format!("missing field `{key}`")) })
}

/// The JSON name of a field: its Rust name unless renamed.
macro_rules! key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident $name:literal) => {
        $name
    };
}

/// `decode_struct!(T { required: [a, b as "b_json"], defaulted: [c] })`: `required` members
/// must be present; `defaulted` ones take `Default::default()` when absent.
macro_rules! decode_struct {
    ($ty:ident { required: [$($req:ident $(as $req_name:literal)?),*], defaulted: [$($def:ident $(as $def_name:literal)?),*] }) => {
        impl Decode for $ty {
            fn decode(r: &mut Reader<'_>) -> Result<Self> {
                const FIELDS: &[&str] = &[$(key!($req $($req_name)?),)* $(key!($def $($def_name)?),)*];
                $(let mut $req = None;)*
                $(let mut $def = None;)*
                r.object(&mut |r, key| {
                    $(if key == key!($req $($req_name)?) {
                        return put(r, &mut $req, key);
                    })*
                    $(if key == key!($def $($def_name)?) {
                        return put(r, &mut $def, key);
                    })*
                    Err(r.unknown_field(key, FIELDS))
                })?;
                Ok($ty {
                    $($req: required(r, $req, key!($req $($req_name)?))?,)*
                    $($def: $def.unwrap_or_default(),)*
                })
            }
        }
    };
}

/// `decode_enum!(T { A = "a", B = "b" })`: a unit enum written as one of its names.
macro_rules! decode_enum {
    ($ty:ident { $($variant:ident = $name:literal),* $(,)? }) => {
        impl Decode for $ty {
            fn decode(r: &mut Reader<'_>) -> Result<Self> {
                const VARIANTS: &[$ty] = &[$($ty::$variant),*];
                Ok(VARIANTS[r.one_of(&[$($name),*])?])
            }
        }

        impl $ty {
            /// The value's name in a snapshot file.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),*
                }
            }
        }
    };
}

decode_struct!(Snapshot {
    required: [
        format,
        version,
        id,
        as_of,
        title,
        jurisdiction,
        data_status,
        source
    ],
    defaulted: [notice, units, tasks, documents, schemes, growth]
});
decode_struct!(Text {
    required: [vi],
    defaulted: [en]
});
decode_struct!(Source {
    required: [name],
    defaulted: [name_en, title, author, published, url]
});
decode_struct!(Unit {
    required: [id, name, kind],
    defaulted: [short]
});
decode_struct!(Tasks {
    required: [],
    defaulted: [
        assigned_by,
        kind,
        period_start,
        source,
        totals,
        published_shares,
        by_unit,
        assigning_documents,
        records
    ]
});
decode_struct!(StatusCounts {
    required: [],
    defaulted: [
        on_time,
        late,
        completed,
        overdue,
        within_deadline,
        not_completed,
        total
    ]
});
decode_struct!(PublishedShare {
    required: [of, percent],
    defaulted: [base]
});
decode_struct!(UnitCounts {
    required: [unit, counts],
    defaulted: []
});
decode_struct!(AssigningDocument {
    required: [id],
    defaulted: [date, title]
});
#[cfg(feature = "records")]
decode_struct!(TaskRecord {
    required: [id, title, unit, assigned, due],
    defaulted: [document, completed]
});
#[cfg(not(feature = "records"))]
impl Decode for TaskRecord {
    fn decode(r: &mut Reader<'_>) -> Result<Self> {
        let mut error = r.error(super::RECORDS_NOT_READ);
        error.kind = super::error::ErrorKind::NeedsRecords;
        Err(error)
    }
}
decode_struct!(Documents {
    required: [period, issued],
    defaulted: [source, meetings, of_which]
});
decode_struct!(DocumentCount { required: [doc_type as "type", count], defaulted: [label] });
decode_struct!(LabelledCount {
    required: [label, count],
    defaulted: []
});
decode_struct!(Scheme {
    required: [label, done, total],
    defaulted: [as_of, source]
});
decode_struct!(Growth {
    required: [indicator, points],
    defaulted: []
});
decode_struct!(GrowthPoint {
    required: [period, values],
    defaulted: []
});
decode_struct!(GrowthValue {
    required: [kind, value],
    defaulted: [comparator, note, source, status]
});
decode_struct!(Manifest {
    required: [format, version, default, snapshots],
    defaulted: [series]
});
decode_struct!(SeriesInfo {
    required: [id, title],
    defaulted: []
});
decode_struct!(ManifestEntry {
    required: [id, path, title, as_of, data_status],
    defaulted: [integrity, bytes, summary, series]
});
decode_struct!(PublishedFile {
    required: [path, integrity, bytes],
    defaulted: []
});

decode_enum!(DataStatus { Official = "official", Illustrative = "illustrative" });
decode_enum!(CountName {
    OnTime = "on_time",
    Late = "late",
    Completed = "completed",
    Overdue = "overdue",
    WithinDeadline = "within_deadline",
    NotCompleted = "not_completed"
});
decode_enum!(ValueStatus {
    Current = "current",
    Superseded = "superseded",
    Disputed = "disputed"
});
decode_enum!(FigureKind { Actual = "actual", Estimate = "estimate", Target = "target" });
decode_enum!(UnitKind { Department = "department", Locality = "locality" });
decode_enum!(Comparator { AtLeast = "at_least", Above = "above" });
decode_enum!(DocType {
    Decision = "decision",
    OfficialLetter = "official_letter",
    Directive = "directive",
    ThematicReport = "thematic_report",
    Notice = "notice",
    Plan = "plan",
    PartyReport = "party_report",
    Resolution = "resolution",
    Other = "other",
});

#[cfg(test)]
mod tests {
    use super::*;

    fn source(json: &str) -> Result<Source> {
        decode_document(Reader::new(json))
    }

    #[test]
    fn members_are_required_defaulted_unique_and_known() {
        let s = source(r#"{"name":"Báo Quảng Ninh","published":"2021-04-05","url":null}"#).unwrap();
        assert_eq!(s.name, "Báo Quảng Ninh");
        assert_eq!(
            s.published,
            Date::parse("2021-04-05").map(PublicationDate::Day)
        );
        let month = source(r#"{"name":"baoquangnam.vn","published":"2020-07"}"#).unwrap();
        assert_eq!(
            month.published,
            Some(PublicationDate::Month {
                year: 2020,
                month: 7
            })
        );
        let err = source(r#"{"name":"a","published":"2020-13"}"#).unwrap_err();
        assert!(
            err.message
                .contains("a date YYYY-MM-DD, or a month YYYY-MM"),
            "{}",
            err.message
        );
        assert_eq!(s.url, None);

        let missing = source(r#"{"title":"t"}"#).unwrap_err();
        assert_eq!(
            (missing.path.as_str(), missing.message.as_str()),
            ("", "missing field `name`")
        );
        let repeated = source(r#"{"name":"a","name":"b"}"#).unwrap_err();
        assert_eq!(
            (repeated.path.as_str(), repeated.message.as_str()),
            ("name", "duplicate field `name`")
        );
        let unknown = source(r#"{"name":"a","tittle":"b"}"#).unwrap_err();
        assert_eq!(unknown.path, "tittle");
        assert_eq!(
            unknown.message,
            "unknown field `tittle`, expected `name`, `name_en`, `title`, `author`, `published` or `url`"
        );
    }

    /// The records fixture: read by the full build; refused, with a message the reader build
    /// acts on, without the `records` feature (`cargo test --no-default-features --lib records_`,
    /// in scripts/test.sh).
    #[test]
    fn records_are_read_only_with_the_records_feature() {
        let json = include_str!("../../tests/fixtures/records-small.json");
        let result = crate::snapshot::parse_snapshot("records-small.json", json);
        if cfg!(feature = "records") {
            assert!(!result.unwrap().records().is_empty());
        } else {
            let err = result.unwrap_err();
            assert!(err.needs_records(), "{err:?}");
            assert_eq!(err.issues[0].path, "tasks.records[0]");
        }
        let other = crate::snapshot::parse_snapshot("x.json", "{}").unwrap_err();
        assert!(!other.needs_records());
    }

    #[test]
    fn a_source_link_is_an_http_or_https_url() {
        let s = source(r#"{"name":"a","url":"https://x.vn/a?b=1"}"#).unwrap();
        assert_eq!(
            s.url.as_ref().map(HttpUrl::as_str),
            Some("https://x.vn/a?b=1")
        );
        for (json, found) in [
            (r#""javascript:alert(1)""#, r#"found "javascript:alert(1)""#),
            (r#""https://x.vn/a b""#, r#"found "https://x.vn/a b""#),
            ("7", "found a number"),
        ] {
            let err = source(&format!(r#"{{"name":"a","url":{json}}}"#)).unwrap_err();
            assert_eq!(err.path, "url");
            assert_eq!(err.message, format!("expected an http(s) URL, {found}"));
        }
    }

    #[test]
    fn renamed_members_and_enums() {
        let count: DocumentCount =
            decode_document(Reader::new(r#"{"type":"official_letter","count":7}"#)).unwrap();
        assert_eq!(
            (count.doc_type, count.count, count.label),
            (DocType::OfficialLetter, 7, None)
        );
        let err =
            decode_document::<DocumentCount>(Reader::new(r#"{"doc_type":"decision","count":1}"#))
                .unwrap_err();
        assert!(
            err.message
                .starts_with("unknown field `doc_type`, expected `type`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn wrong_types_say_what_was_expected() {
        let err = source(r#"{"name":"a","published":20210405}"#).unwrap_err();
        assert_eq!(err.path, "published");
        assert_eq!(
            err.message,
            "expected a date YYYY-MM-DD, or a month YYYY-MM, found a number"
        );
        let err = decode_document::<Vec<Unit>>(Reader::new(r#"[{"id":"a","name":{"vi":"A"},"kind":"department"},{"id":"b","name":"B","kind":"locality"}]"#)).unwrap_err();
        assert_eq!(
            (err.path.as_str(), err.message.as_str()),
            ("[1].name", "expected an object, found a string; hint: text shown to readers is written in both languages: {\"vi\": \"…\", \"en\": \"…\"}")
        );
        assert_eq!((err.at.line, err.at.column), (1, 68));
    }

    // Guards: the mistakes of hand-written JSON get a hint and the line and column where the
    // reader stopped (issue #19).
    #[test]
    fn hand_written_mistakes_get_a_hint_and_a_position() {
        let cases = [
            (
                "{\n  \"name\": \"a\",\n  \"published\": \"2021-04-05\",\n  \"url\": \"https://a.vn\",\n}",
                (5, 1),
                "hint: a comma after the last item? JSON allows none: remove it",
            ),
            (
                "{\"name\": \"a\",\n}",
                (2, 1),
                "hint: a comma after the last item? JSON allows none: remove it",
            ),
            (
                "{\"name\": \u{201C}a\u{201D}}",
                (1, 10),
                "hint: typographic quotes? JSON takes straight double quotes (\")",
            ),
        ];
        for (json, (line, column), hint) in cases {
            let err = source(json).unwrap_err();
            assert!(err.message.ends_with(hint), "{json:?}: {}", err.message);
            assert_eq!((err.at.line, err.at.column), (line, column), "{json:?}");
        }
        let err = decode_document::<DocumentCount>(Reader::new(
            "{\"type\": \"decision\",\n \"count\": 12,01}",
        ))
        .unwrap_err();
        assert_eq!(
            err.message,
            "expected a member name in double quotes, found a number; hint: a decimal comma? JSON numbers take a dot: 12.01"
        );
        assert_eq!((err.at.line, err.at.column), (2, 14));
        let err = decode_document::<Vec<u32>>(Reader::new("[21.914]")).unwrap_err();
        assert_eq!(
            err.message,
            "expected a whole number from 0 to 4294967295, found 21.914; hint: a thousands separator? counts take none: 21914"
        );
    }
}
