//! Snapshot files: the format (model), its small value types, and the way in — parse and
//! validate — with errors located by file and JSON path.

mod decode;
pub mod error;
mod json;
pub mod model;
mod readable;
mod records;
mod status;
mod summary;
mod validate;
mod values;

pub use error::{DataError, ErrorKind, Issue, NetworkFault};
pub use model::*;
pub use records::{ResolvedRecords, NO_DOCUMENT};
pub use status::{GroupTally, Status, StatusSet, StatusTally};
pub use summary::summary;
pub use validate::{validate, validate_manifest, TaskData, ValidSnapshot};
pub use values::{Date, HttpUrl, Period, PublicationDate, Span, SpanGroup, Text};

pub(crate) use validate::is_valid_id;

/// Reads JSON as a `T`; on failure, names every place the text did not fit (JSON path, line
/// and column) that one run finds.
fn from_json<T: decode::Decode>(file: &str, json: Json<'_>) -> Result<T, DataError> {
    // A UTF-8 byte-order mark (spreadsheet tools and Windows editors write one) is not part
    // of the document: the browser's decoding drops it, and so does reading bytes here.
    let reader = match json {
        Json::Text(text) => json::Reader::from_text(text.strip_prefix('\u{FEFF}').unwrap_or(text)),
        Json::Bytes(bytes) => json::Reader::from_bytes(bytes.strip_prefix(BOM).unwrap_or(bytes)),
    };
    let errors = match reader {
        Ok(reader) => match decode::decode_document_all(reader) {
            Ok(value) => return Ok(value),
            Err(errors) => errors,
        },
        Err(e) => vec![e],
    };
    // What the widget does depends on the kind of the error that stopped the run (a file
    // with task records, in the reader build), else the file is invalid.
    let kind = errors.last().map_or(ErrorKind::Invalid, |e| e.kind);
    let issues = errors
        .into_iter()
        .map(|e| Issue {
            at: Some(e.at),
            ..Issue::new(e.path, e.message)
        })
        .collect();
    Err(DataError {
        kind,
        file: file.to_owned(),
        issues,
        more: 0,
    })
}

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A JSON document as read from a file (bytes, checked for UTF-8 when read) or as text the
/// browser already decoded (a fetch's `text()`, natively and faster than WASM checks bytes).
#[derive(Clone, Copy)]
pub enum Json<'a> {
    Bytes(&'a [u8]),
    Text(&'a str),
}

impl<'a> From<&'a [u8]> for Json<'a> {
    fn from(bytes: &'a [u8]) -> Self {
        Json::Bytes(bytes)
    }
}

impl<'a> From<&'a Vec<u8>> for Json<'a> {
    fn from(bytes: &'a Vec<u8>) -> Self {
        Json::Bytes(bytes)
    }
}

impl<'a, const N: usize> From<&'a [u8; N]> for Json<'a> {
    fn from(bytes: &'a [u8; N]) -> Self {
        Json::Bytes(bytes)
    }
}

impl<'a> From<&'a str> for Json<'a> {
    fn from(text: &'a str) -> Self {
        Json::Text(text)
    }
}

/// Reads a snapshot file without validating it (`snapshot-tool` and tests; the widget
/// always validates).
pub fn read_snapshot<'a>(file: &str, json: impl Into<Json<'a>>) -> Result<Snapshot, DataError> {
    from_json(file, json.into())
}

/// Parses and validates a snapshot file. `file` is how the error names it.
pub fn parse_snapshot<'a>(
    file: &str,
    json: impl Into<Json<'a>>,
) -> Result<ValidSnapshot, DataError> {
    validate(file, from_json(file, json.into())?)
}

/// Why a build without the `records` feature (the reader build) refuses a snapshot: the
/// message of its error at `tasks.records[0]`, of kind [`ErrorKind::NeedsRecords`].
pub const RECORDS_NOT_READ: &str =
    "task records are read by the full build (index.html), not by the reader build";

/// Parses and validates a deployment's manifest.
pub fn parse_manifest<'a>(file: &str, json: impl Into<Json<'a>>) -> Result<Manifest, DataError> {
    let manifest: Manifest = from_json(file, json.into())?;
    validate_manifest(file, &manifest)?;
    Ok(manifest)
}
