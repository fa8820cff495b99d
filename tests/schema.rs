//! The published JSON Schemas are generated from the Rust types: this fails when they drift.
//! Regenerate with `bash scripts/schema.sh`.
#![cfg(feature = "schema")]

use task_dashboard::snapshot::{Manifest, Snapshot};

fn check(path: &str, schema: schemars::Schema) {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(&full).unwrap_or_default();
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    assert!(
        committed == generated,
        "{path} is out of date: run `bash scripts/schema.sh`"
    );
}

#[test]
fn the_committed_schemas_match_the_types() {
    check(
        "schema/snapshot.schema.json",
        schemars::schema_for!(Snapshot),
    );
    check(
        "schema/manifest.schema.json",
        schemars::schema_for!(Manifest),
    );
}
