//! Code the widget must not call, for what it weighs in WASM: std's Unicode case tables come
//! with `str::to_uppercase` / `to_lowercase` (14.8 KB raw, 9.5 KB gzip, measured when one
//! slipped into the download buttons; `text::case` has the letters the widget needs).

use std::path::Path;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_unicode_case_tables_in_the_widget() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(&src)
            .expect("under src")
            .to_string_lossy()
            .into_owned();
        // The tool runs natively; `text/` is where case is done without the tables.
        if relative.starts_with("bin") || relative.starts_with("text") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("read");
        // Unit tests are not in the WASM.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            if line.contains(".to_uppercase()") || line.contains(".to_lowercase()") {
                found.push(format!("src/{relative}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "use text::{{lowercase, capitalise}} or the ASCII forms instead:\n{}",
        found.join("\n")
    );
}
