//! Snapshot files: the format (model), its small value types, and the way in — parse and
//! validate — with errors located by file and JSON path.

mod decode;
pub mod error;
mod json;
pub mod model;
mod validate;
mod values;

pub use error::{DataError, Issue};
pub use model::*;
pub use validate::{validate, validate_manifest, TaskData, ValidSnapshot};
pub use values::{Date, Period, Span, Text};

pub(crate) use validate::is_valid_id;

/// Reads JSON as a `T`; on failure, names the JSON path where the text stopped fitting.
fn from_json<T: decode::Decode>(file: &str, bytes: &[u8]) -> Result<T, DataError> {
    decode::decode_document(bytes).map_err(|e| DataError::single(file, e.path, e.message))
}

/// Reads a snapshot file without validating it (`snapshot-tool` and tests; the widget
/// always validates).
pub fn read_snapshot(file: &str, bytes: &[u8]) -> Result<Snapshot, DataError> {
    from_json(file, bytes)
}

/// Parses and validates a snapshot file. `file` is how the error names it.
pub fn parse_snapshot(file: &str, bytes: &[u8]) -> Result<ValidSnapshot, DataError> {
    validate(file, from_json(file, bytes)?)
}

/// Parses and validates a deployment's manifest.
pub fn parse_manifest(file: &str, bytes: &[u8]) -> Result<Manifest, DataError> {
    let manifest: Manifest = from_json(file, bytes)?;
    validate_manifest(file, &manifest)?;
    Ok(manifest)
}
