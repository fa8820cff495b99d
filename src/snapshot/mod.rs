//! Snapshot files: the format (model), its small value types, and the way in — parse and
//! validate — with errors located by file and JSON path.

pub mod error;
mod json_path;
pub mod model;
mod validate;
mod values;

pub use error::{DataError, Issue};
pub use model::*;
pub use validate::{validate, validate_manifest, TaskData, ValidSnapshot};
pub use values::{Date, Period, Span, Text};

pub(crate) use validate::is_valid_id;

/// Parses JSON into `T`; on failure, names the JSON path where the text stopped fitting.
fn from_json<T: serde::de::DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, DataError> {
    serde_json::from_slice(bytes).map_err(|e| {
        let offset = json_path::offset_of(bytes, e.line(), e.column());
        DataError::single(file, json_path::path_at(bytes, offset), e.to_string())
    })
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
