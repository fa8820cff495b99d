//! The link decoder: any query string decodes without panicking, and the state it keeps
//! survives a round trip through its own link (the property of tests/url_state.rs,
//! `any_query_string_decodes_without_panicking`); the link it writes is canonical (a second
//! round trip writes the same link).

#![no_main]

use libfuzzer_sys::fuzz_target;
use task_dashboard::view_state::{decode, encode};

fuzz_target!(|data: &[u8]| {
    // `location.search` is a string: bytes that are not UTF-8 come as U+FFFD.
    let query = String::from_utf8_lossy(data);
    let decoded = decode(&query);
    let link = encode(&decoded.state);
    let again = decode(&link);
    assert_eq!(
        again.state, decoded.state,
        "round trip through {link:?} changed the state"
    );
    assert_eq!(
        encode(&again.state),
        link,
        "the link written is not canonical"
    );
});
