//! The deployment's manifest: read + validate, from bytes and from text; both must accept
//! and refuse the same files, and read them alike.

#![no_main]

use libfuzzer_sys::fuzz_target;
use task_dashboard::snapshot::parse_manifest;

#[path = "../common/read_alike.rs"]
mod read_alike;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    read_alike::read_alike(data, &text, |json| parse_manifest("manifest.json", json), |a, b| a == b);
});
