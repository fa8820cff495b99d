//! Where in a JSON document a parse error happened, as a path (`tasks.records[12].due`).
//!
//! serde_json reports a line and column; this walks the text up to that point, tracking object
//! keys and array indices. Rationale: a path-tracking deserializer (serde_path_to_error) wraps
//! every value of every parse, costs about 75 KB of WASM and slows the 100k-task parse; the
//! walk runs only when a parse has already failed.

enum Frame {
    /// Inside an object; the key of the member being read, once seen.
    Object(Option<String>),
    /// Inside an array; the index of the element being read.
    Array(usize),
}

/// Byte offset of a 1-based line and column (serde_json's position of an error).
pub fn offset_of(json: &[u8], line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match json[offset..].iter().position(|&b| b == b'\n') {
            Some(i) => offset += i + 1,
            None => return json.len(),
        }
    }
    (offset + column).min(json.len())
}

/// The path of the value being read at byte `offset` of `json`.
pub fn path_at(json: &[u8], offset: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    let end = offset.min(json.len());
    while i < end {
        match json[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(index)) => *index += 1,
                Some(Frame::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < json.len() && json[i] != b'"' {
                    if json[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        let raw = &json[start..i.min(json.len())];
                        *key = Some(String::from_utf8_lossy(raw).into_owned());
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(json: &str, marker: &str) -> String {
        let offset = json.find(marker).unwrap() + marker.len();
        path_at(json.as_bytes(), offset)
    }

    #[test]
    fn paths_name_keys_and_indices() {
        let json = r#"{"tasks":{"records":[{"id":"a"},{"id":"b","due":"31/03"}]}}"#;
        assert_eq!(at(json, r#""due":"31/03""#), "tasks.records[1].due");
        assert_eq!(at(json, r#""id":"a""#), "tasks.records[0].id");
    }

    #[test]
    fn a_closed_object_gives_the_path_of_the_object() {
        let json = r#"{"units":[{"id":"x"},{"id":"y"}]}"#;
        assert_eq!(at(json, r#"{"id":"y"}"#), "units[1]");
    }

    #[test]
    fn escaped_quotes_do_not_end_a_string() {
        let json = r#"{"a":"say \"hi\", ok","b":[1,2"#;
        assert_eq!(at(json, "[1,2"), "b[1]");
    }

    #[test]
    fn offsets_count_lines() {
        let json = b"{\n  \"a\": 1,\n  \"b\": x\n}";
        assert_eq!(offset_of(json, 3, 8), 20);
        assert_eq!(path_at(json, offset_of(json, 3, 8)), "b");
    }
}
