//! What the snapshot and manifest targets share: a file read from its bytes (`snapshot-tool`)
//! and from the text a browser's `text()` makes of them (the widget; invalid UTF-8 becomes
//! U+FFFD) must be accepted and refused alike, and read alike when accepted.

use std::fmt::Debug;

use task_dashboard::snapshot::{DataError, Json};

/// Reads `data` both ways with `read`; fails the run when they disagree. The reading of the
/// bytes, when both accept it.
pub fn read_alike<'a, T: Debug>(
    data: &'a [u8],
    text: &'a str,
    read: impl Fn(Json<'a>) -> Result<T, DataError>,
    same: impl Fn(&T, &T) -> bool,
) -> Option<T> {
    let from_bytes = read(Json::Bytes(data));
    let from_text = read(Json::Text(text));
    assert_eq!(
        from_bytes.is_ok(),
        from_text.is_ok(),
        "bytes and text disagree:\nbytes: {:?}\ntext:  {:?}",
        from_bytes.as_ref().err(),
        from_text.as_ref().err(),
    );
    match (from_bytes, from_text) {
        (Ok(a), Ok(b)) => {
            assert!(same(&a, &b), "bytes and text read differently:\n{a:?}\n{b:?}");
            Some(a)
        }
        _ => None,
    }
}
