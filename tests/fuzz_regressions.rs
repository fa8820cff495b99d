//! Inputs found by coverage-guided fuzzing (`scripts/fuzz.sh`, fuzz/README.md), minimised with
//! `cargo fuzz tmin`. Each test calls the public API with the minimised input as it was found.

use task_dashboard::view_state::{decode, encode};

/// Fuzz target `url_state`, 2026-12-07. `?pg=1` is read as `table.page == 1`; `encode` writes
/// no `pg` for the first page, and the link it writes reads back as `table.page == 0`. Both
/// mean the first page, but the state does not survive its own link, as
/// tests/url_state.rs `any_query_string_decodes_without_panicking` promises for any query.
#[test]
fn a_first_page_link_survives_a_round_trip() {
    let query = String::from_utf8_lossy(b"pg=1");
    let decoded = decode(&query);
    let link = encode(&decoded.state);
    assert_eq!(
        decode(&link).state,
        decoded.state,
        "round trip through {link:?}"
    );
}
